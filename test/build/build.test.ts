/**
 * Runs the production webpack build once (into a temporary folder, with a non-default base URL)
 * and checks what Excel will load: functions.json and manifest.xml.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import { checkManifest } from "../../scripts/manifest-check";

const ROOT = join(__dirname, "..", "..");
const PROD_URL = "https://addins.example.org/loyalty-lens/";

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string }[];
}

let out: string;
let functionsJson: { functions: FunctionMeta[] };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "loyalty-build-"));
  process.env.LOYALTY_BASE_URL = PROD_URL;
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  config.output.path = out;
  config.context = ROOT;
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  functionsJson = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
}, 180000);

afterAll(() => {
  delete process.env.LOYALTY_BASE_URL;
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("production build", () => {
  it("puts the pages, scripts, metadata and icons the manifest names under the output folder", () => {
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "manifest.xml",
      "help.html",
    ]) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    for (const size of [16, 32, 64, 80])
      expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
    expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
  });

  it("lists every custom function of the source in functions.json, with descriptions", () => {
    const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
    const declared = [...source.matchAll(/@customfunction\s+([A-Z.]+)/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    const ids = functionsJson.functions.map((f) => f.id);
    expect(ids.sort()).toEqual([...declared].sort());
    for (const f of functionsJson.functions) {
      expect(f.description?.length).toBeGreaterThan(10);
      expect(f.helpUrl).toMatch(/^https:\/\//);
      for (const p of f.parameters)
        expect({ fn: f.id, p: p.name, d: (p.description ?? "").length > 5 }).toEqual({
          fn: f.id,
          p: p.name,
          d: true,
        });
    }
  });

  it("registers each function with CustomFunctions.associate in functions.js", () => {
    const js = readFileSync(join(out, "functions.js"), "utf8");
    for (const f of functionsJson.functions) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
  });

  it("rewrites the manifest URLs to the configured base URL, and the result passes the offline check", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("https://localhost:3000/");
    expect(checkManifest(xml, { distDir: out, baseUrl: PROD_URL })).toEqual([]);
  });

  it("passes the offline manifest check for the source manifest", () => {
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(checkManifest(xml, { distDir: out })).toEqual([]);
  });
});

describe("offline manifest check", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const check = (text: string) => checkManifest(text, { distDir: out });

  it("finds XML that is not well-formed", () => {
    expect(check(xml.replace("</Hosts>", ""))[0]).toMatch(/not well-formed/);
  });
  it("finds an id that is not a GUID", () => {
    expect(check(xml.replace(/<Id>[^<]+<\/Id>/, "<Id>my-addin</Id>"))).toContainEqual(
      expect.stringMatching(/GUID/),
    );
  });
  it("finds a URL the build did not produce", () => {
    expect(check(xml.replace("assets/icon-80.png", "assets/icon-81.png"))).toContainEqual(
      expect.stringMatching(/icon-81\.png, which the build did not produce/),
    );
  });
  it("finds a remote app domain", () => {
    expect(
      check(
        xml.replace("<AppDomains />", "<AppDomains><AppDomain>https://evil.example</AppDomain></AppDomains>"),
      ),
    ).toContainEqual(expect.stringMatching(/AppDomains/));
  });
  it("finds a resid that is not defined", () => {
    expect(check(xml.replace('resid="Functions.Namespace"', 'resid="Functions.Nmspace"'))).toContainEqual(
      expect.stringMatching(/"Functions.Nmspace" is used but not defined/),
    );
  });
  it("finds a missing shared-runtime requirement set", () => {
    expect(check(xml.replace('<Set Name="SharedRuntime" MinVersion="1.1" />', ""))).toContainEqual(
      expect.stringMatching(/SharedRuntime/),
    );
  });
});
