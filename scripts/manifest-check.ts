/**
 * Offline check of manifest.xml against a build: `office-addin-manifest validate` needs the network,
 * so this checks what can be checked here: well-formed XML, the add-in id, the requirement sets of the
 * shared runtime, every resource id that is used is defined, every URL names a file the build produced,
 * icons exist at the size they claim, localised strings, string lengths, and no remote domains.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const DEV_BASE_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { shortString: 125, longString: 250, resid: 32 };

type Node = Record<string, unknown>;

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Every object below `node`, depth first, with its element name. */
function* walk(node: unknown, name = ""): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, name);
    return;
  }
  if (node === null || typeof node !== "object") return;
  yield [name, node as Node];
  for (const [key, value] of Object.entries(node)) if (!key.startsWith("@_")) yield* walk(value, key);
}

/** PNG width and height from the IHDR chunk, or null when the file is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface ManifestCheckOptions {
  /** The build folder the URLs must resolve to. */
  distDir: string;
  /** The base URL the manifest's URLs are expected to start with. */
  baseUrl?: string;
}

/** Returns the problems found; an empty list means the manifest passed. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [`manifest.xml is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  }
  const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(xml) as Node;
  const app = doc.OfficeApp as Node | undefined;
  if (!app) return ["manifest.xml has no <OfficeApp> root element"];

  if (!GUID.test(String(app.Id ?? ""))) problems.push(`<Id> must be a GUID, found "${String(app.Id)}"`);
  if (!/^\d+(\.\d+){0,3}$/.test(String(app.Version ?? "")))
    problems.push(`<Version> is not n.n.n.n: "${String(app.Version)}"`);
  if (String(app.Permissions) !== "ReadWriteDocument")
    problems.push("<Permissions> must be ReadWriteDocument");
  const domains = asArray((app.AppDomains as Node | undefined)?.AppDomain as unknown);
  if (domains.length > 0)
    problems.push(`<AppDomains> must be empty (no remote domains), found ${domains.join(", ")}`);
  for (const el of ["DisplayName", "Description"]) {
    const overrides = asArray((app[el] as Node | undefined)?.Override as Node | Node[]);
    if (!overrides.some((o) => o["@_Locale"] === "zh-CN")) problems.push(`<${el}> has no zh-CN override`);
  }

  const sets = new Map<string, string>();
  for (const [name, node] of walk(app.Requirements))
    if (name === "Set") sets.set(String(node["@_Name"]), String(node["@_MinVersion"]));
  for (const required of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!sets.has(required)) problems.push(`requirement set ${required} is missing`);
  }

  // Resource ids: defined in <Resources>, used everywhere else by resid="...".
  const defined = new Map<string, Node>();
  const overrides = app.VersionOverrides as Node | undefined;
  if (!overrides) return [...problems, "<VersionOverrides> is missing"];
  const resources = overrides.Resources as Node | undefined;
  for (const [name, node] of walk(resources)) {
    const id = node["@_id"];
    if (typeof id === "string") {
      if (defined.has(id)) problems.push(`resource id "${id}" is defined twice`);
      defined.set(id, { ...node, "#kind": name });
      if (id.length > LIMITS.resid)
        problems.push(`resource id "${id}" is longer than ${LIMITS.resid} characters`);
    }
  }
  const used = new Set<string>();
  for (const [, node] of walk(overrides.Hosts))
    if (typeof node["@_resid"] === "string") used.add(node["@_resid"]);
  for (const id of used)
    if (!defined.has(id)) problems.push(`resid "${id}" is used but not defined in <Resources>`);
  for (const id of defined.keys())
    if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);

  let runtimeLong = false;
  for (const [name, node] of walk(overrides.Hosts))
    if (name === "Runtime" && node["@_lifetime"] === "long") runtimeLong = true;
  if (!runtimeLong) problems.push('the shared runtime needs <Runtime lifetime="long">');

  // String lengths and localisation of the ribbon strings.
  const longIds = new Set<string>();
  for (const [, node] of walk(resources?.LongStrings))
    if (typeof node["@_id"] === "string") longIds.add(node["@_id"]);
  for (const [id, node] of defined) {
    if (node["#kind"] !== "String") continue;
    const limit = longIds.has(id) ? LIMITS.longString : LIMITS.shortString;
    const values = [
      node["@_DefaultValue"],
      ...asArray(node.Override as Node | Node[]).map((o) => o["@_Value"]),
    ];
    for (const v of values)
      if (String(v ?? "").length > limit) problems.push(`string "${id}" is longer than ${limit} characters`);
  }

  // URLs: every one must start with the base URL and name a file of the build.
  const urls: string[] = [];
  for (const [, node] of walk(app)) {
    for (const key of ["@_DefaultValue", "@_Value"]) {
      const v = node[key];
      if (typeof v === "string" && /^https?:\/\//.test(v)) urls.push(v);
    }
  }
  for (const url of urls) {
    if (!url.startsWith(baseUrl)) {
      problems.push(`URL ${url} does not start with ${baseUrl}`);
      continue;
    }
    const file = url.slice(baseUrl.length).split(/[#?]/)[0];
    const full = join(options.distDir, file);
    if (!existsSync(full)) {
      problems.push(`URL ${url} names ${file}, which the build did not produce`);
      continue;
    }
    const size = /icon-(\d+)\.png$/.exec(file);
    if (size) {
      const dims = pngSize(readFileSync(full));
      const n = Number(size[1]);
      if (!dims) problems.push(`${file} is not a PNG`);
      else if (dims.width !== n || dims.height !== n)
        problems.push(`${file} is ${dims.width}x${dims.height}, expected ${n}x${n}`);
    }
  }
  problems.push(...checkFunctionsMetadata(defined, overrides, baseUrl, options.distDir));

  // Each bt:Image must be the size its id says.
  for (const [id, node] of defined) {
    const m = /^Icon\.(\d+)x(\d+)$/.exec(id);
    if (m && !String(node["@_DefaultValue"]).endsWith(`icon-${m[1]}.png`))
      problems.push(`${id} does not point at icon-${m[1]}.png`);
  }
  return problems;
}

/**
 * The custom-functions metadata: the URL the <Metadata> element names must have a zh-CN override (Excel
 * in Chinese loads that file), and every file, default and localised, must list the same functions with
 * the same parameters, or Excel would offer different functions depending on its language.
 */
function checkFunctionsMetadata(
  defined: Map<string, Node>,
  overrides: Node,
  baseUrl: string,
  distDir: string,
): string[] {
  const problems: string[] = [];
  let resid: string | undefined;
  for (const [name, node] of walk(overrides.Hosts))
    if (name === "Metadata") resid = String((node.SourceLocation as Node | undefined)?.["@_resid"] ?? "");
  const resource = resid ? defined.get(resid) : undefined;
  if (!resource) return ["the custom functions have no <Metadata> source location"];
  const localised = asArray(resource.Override as Node | Node[]);
  if (!localised.some((o) => o["@_Locale"] === "zh-CN"))
    problems.push(`custom-functions metadata "${resid}" has no zh-CN override`);

  const signature = (file: string): string | undefined => {
    const full = join(distDir, file);
    if (!existsSync(full)) return undefined; // reported with the URLs
    try {
      const meta = JSON.parse(readFileSync(full, "utf8")) as {
        functions?: { id: string; name: string; parameters?: { name: string }[] }[];
      };
      if (!Array.isArray(meta.functions)) throw new Error("no functions array");
      return meta.functions
        .map((f) => `${f.id}=${f.name}(${(f.parameters ?? []).map((p) => p.name).join(",")})`)
        .sort()
        .join(" ");
    } catch (e) {
      problems.push(`${file} is not custom-functions metadata: ${(e as Error).message}`);
      return undefined;
    }
  };
  const fileOf = (url: unknown) =>
    typeof url === "string" && url.startsWith(baseUrl) ? url.slice(baseUrl.length) : undefined;
  const mainFile = fileOf(resource["@_DefaultValue"]);
  const main = mainFile ? signature(mainFile) : undefined;
  for (const o of localised) {
    const file = fileOf(o["@_Value"]);
    const local = file ? signature(file) : undefined;
    if (main !== undefined && local !== undefined && local !== main)
      problems.push(
        `${file} (${String(o["@_Locale"])}) does not list the same functions and parameters as ${mainFile}`,
      );
  }
  return problems;
}

if (require.main === module) {
  const root = join(__dirname, "..");
  const distDir = join(root, "dist");
  if (!existsSync(join(distDir, "manifest.xml"))) {
    console.error("validate: dist/manifest.xml not found; run `npm run build` first");
    process.exit(2);
  }
  const xml = readFileSync(join(distDir, "manifest.xml"), "utf8");
  const base = /<IconUrl DefaultValue="(https:\/\/[^"]*?)assets\//.exec(xml)?.[1] ?? DEV_BASE_URL;
  const problems = [
    ...checkManifest(readFileSync(join(root, "manifest.xml"), "utf8"), { distDir }),
    ...checkManifest(xml, { distDir, baseUrl: base }),
  ];
  if (problems.length > 0) {
    for (const p of problems) console.error(`validate: ${p}`);
    process.exit(1);
  }
  console.log(
    `manifest.xml is valid: well-formed, GUID id, shared runtime, every URL under ${base} is in dist/`,
  );
}
