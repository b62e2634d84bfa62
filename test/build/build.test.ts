/**
 * Runs the production webpack build once (into a temporary folder, with a non-default base URL)
 * and checks what Excel will load: functions.json and manifest.xml.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import vm from "node:vm";
import webpack from "webpack";
import { checkManifest } from "../../scripts/manifest-check";
import { builtFiles, checkBuild } from "../../scripts/privacy-check";

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
let functionsZh: { functions: FunctionMeta[] };

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
  functionsZh = JSON.parse(readFileSync(join(out, "functions.zh-CN.json"), "utf8"));
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
      "functions.zh-CN.json",
      "manifest.xml",
      "help.html",
      "help.zh-CN.html",
    ]) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    for (const size of [16, 32, 64, 80])
      expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
    expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
  });

  it("holds no DuckDB: the CLI loads it lazily, and neither the pane nor the custom functions import it", () => {
    const everyFile = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? everyFile(path) : [path];
      });
    const files = everyFile(out);
    expect(files.filter((f) => /\.(node|wasm)$/.test(f))).toEqual([]);
    const scripts = files.filter((f) => /\.(m?js|html?)$/.test(f));
    expect(scripts.map((f) => relative(out, f))).toEqual(
      expect.arrayContaining(["functions.js", "taskpane.js"]),
    );
    // The package as a module (required, imported, or webpack's "Cannot find module" stand-in), its class or
    // its native binary. The messages that name the package ('npm install "@duckdb/node-api"', in both
    // languages, quoted) are text, not the package.
    const asModule = /(require|import)\(\s*["'`]@duckdb\/|from\s*["'`]@duckdb\/|module ["'`]@duckdb\//;
    const withDuckDb = scripts.filter((f) => {
      const text = readFileSync(f, "utf8");
      return asModule.test(text) || /DuckDBInstance|duckdb\.node/.test(text);
    });
    expect(withDuckDb.map((f) => relative(out, f))).toEqual([]);
  });

  it("lists every custom function of the source in functions.json, with descriptions", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sources: string[] = require(join(ROOT, "webpack.config.js")).FUNCTION_SOURCES;
    const declared = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/@customfunction\s+([A-Z.]+)/g)].map((m) => m[1]),
    );
    expect(declared.length).toBeGreaterThan(0);
    const ids = functionsJson.functions.map((f) => f.id);
    expect(ids.sort()).toEqual([...declared].sort());
    for (const f of functionsJson.functions) {
      expect(f.description?.length).toBeGreaterThan(10);
      expect(f.description).not.toMatch(/\n/);
      expect(f.helpUrl).toBe(`${PROD_URL}help.html#${f.id.toLowerCase()}`);
      for (const p of f.parameters)
        expect({ fn: f.id, p: p.name, d: (p.description ?? "").length > 5 }).toEqual({
          fn: f.id,
          p: p.name,
          d: true,
        });
    }
  });

  it("writes functions.zh-CN.json: the same functions and parameters, described in Chinese", () => {
    const shape = (m: { functions: FunctionMeta[] }) =>
      m.functions.map((f) => ({ id: f.id, name: f.name, params: f.parameters.map((p) => p.name) }));
    expect(shape(functionsZh)).toEqual(shape(functionsJson));
    const han = /[\u4e00-\u9fff]/;
    for (const f of functionsZh.functions) {
      expect({ id: f.id, chinese: han.test(f.description ?? "") }).toEqual({ id: f.id, chinese: true });
      expect(f.helpUrl).toBe(`${PROD_URL}help.zh-CN.html#${f.id.toLowerCase()}`);
      for (const p of f.parameters)
        expect({ id: f.id, p: p.name, chinese: han.test(p.description ?? "") }).toEqual({
          id: f.id,
          p: p.name,
          chinese: true,
        });
    }
  });

  it("writes static help pages with a section for every function, in English and Chinese", () => {
    for (const page of ["help.html", "help.zh-CN.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      expect(html).not.toMatch(/<script|fetch\(/);
      // The production build minifies HTML, which drops the quotes around attribute values.
      for (const f of functionsJson.functions)
        expect(html).toMatch(new RegExp(`<section id="?${f.id.toLowerCase()}"?>`));
    }
    expect(readFileSync(join(out, "help.zh-CN.html"), "utf8")).toMatch(/<html lang="?zh-CN"?>/);
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
  it("finds custom-functions metadata without its Chinese version", () => {
    const noOverride = xml.replace(/<bt:Override Locale="zh-CN" Value="[^"]*functions\.zh-CN\.json" \/>/, "");
    expect(check(noOverride)).toContainEqual(
      expect.stringMatching(/Functions.Metadata.Url" has no zh-CN override/),
    );
  });
  it("finds localised metadata that lists other functions than the default", () => {
    const dir = mkdtempSync(join(tmpdir(), "loyalty-meta-"));
    try {
      for (const f of readdirSync(out))
        if (!statSync(join(out, f)).isDirectory()) copyFileSync(join(out, f), join(dir, f));
      cpSync(join(out, "assets"), join(dir, "assets"), { recursive: true });
      const zh = JSON.parse(readFileSync(join(dir, "functions.zh-CN.json"), "utf8"));
      zh.functions[0].parameters.pop();
      writeFileSync(join(dir, "functions.zh-CN.json"), JSON.stringify(zh));
      expect(checkManifest(xml, { distDir: dir })).toContainEqual(
        expect.stringMatching(/functions.zh-CN.json \(zh-CN\) does not list the same functions/),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("finds a missing shared-runtime requirement set", () => {
    expect(check(xml.replace('<Set Name="SharedRuntime" MinVersion="1.1" />', ""))).toContainEqual(
      expect.stringMatching(/SharedRuntime/),
    );
  });
});

describe("privacy: the production build sends nothing anywhere", () => {
  it("holds no network API and no remote address in its scripts and pages, outside Office.js", () => {
    const files = builtFiles(out).map((f) => relative(out, f));
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "help.html"]),
    );
    expect(files.some((f) => f.startsWith("office-js"))).toBe(false);
    expect(checkBuild(out)).toEqual([]);
  });

  it("loads functions.js and runs every custom function on an order table without any request", () => {
    const requests: string[] = [];
    const trap = (name: string) =>
      function () {
        requests.push(name);
        throw new Error(`network access: ${name}`);
      };
    const functions = new Map<string, (...args: unknown[]) => unknown>();
    const sandbox = {
      CustomFunctions: {
        ...(globalThis as unknown as { CustomFunctions: object }).CustomFunctions,
        associate: (id: string, fn: (...args: unknown[]) => unknown) => functions.set(id, fn),
      },
      console: { log: () => undefined, warn: () => undefined, error: () => undefined },
      fetch: trap("fetch"),
      XMLHttpRequest: trap("XMLHttpRequest"),
      WebSocket: trap("WebSocket"),
      EventSource: trap("EventSource"),
      Image: trap("Image"),
      navigator: { sendBeacon: trap("sendBeacon") },
    };
    vm.runInNewContext(readFileSync(join(out, "functions.js"), "utf8"), sandbox);
    expect(functions.size).toBe(functionsJson.functions.length);
    const ids = [["C1"], ["C1"], ["C2"], ["C3"], ["C2"]];
    const days = [[45292], [45300], [45310], [45320], [45400]];
    const amounts = [[12.5], [30], [7], [99], [5]];
    let values = 0;
    for (const [id, fn] of functions) {
      for (const args of [[ids, days, amounts], [days, amounts, days], []]) {
        const result = fn(...args, null, null, null, null, null, null, { parameterAddresses: [] });
        if (Array.isArray(result) && result.flat().some((v) => typeof v === "number")) values++;
        expect({ id, requests }).toEqual({ id, requests: [] });
      }
    }
    // The calls reached the engine, not only argument checks.
    expect(values).toBeGreaterThan(5);
  });

  it("names no remote app domain in the built manifest, and every address in it is the add-in's own", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).toMatch(/<AppDomains\s*\/>|<AppDomains>\s*<\/AppDomains>/);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(PROD_URL))).toEqual([]);
  });
});
