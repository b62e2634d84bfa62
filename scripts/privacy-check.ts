/**
 * Privacy check of a production build: loyalty data is customer data and must never leave the machine,
 * so the add-in's own scripts and pages may hold no way of sending anything anywhere. It finds every
 * network API (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, image beacons, ...) and every
 * remote address in the built .js and .html files, leaving out Office.js itself (office-js/, which Excel
 * needs and which we copy from its package unchanged). A static check is the right tool here: a request
 * that only some branch of the code makes would escape a test that runs the code.
 *
 * Usage: tsx scripts/privacy-check.ts [dist]   (exit 1 and one line per finding when something is found)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface PrivacyFinding {
  file: string;
  what: string;
  /** The text around the finding, for a person to look at. */
  excerpt: string;
}

/** Every way a script in a page can send data, as it appears in minified code. */
const NETWORK_APIS: { what: string; pattern: RegExp }[] = [
  { what: "fetch()", pattern: /\bfetch\s*\(/g },
  { what: "XMLHttpRequest", pattern: /\bXMLHttpRequest\b/g },
  { what: "WebSocket", pattern: /\bWebSocket\b/g },
  { what: "EventSource", pattern: /\bEventSource\b/g },
  { what: "navigator.sendBeacon", pattern: /\bsendBeacon\b/g },
  // Minified code writes `new Image` without parentheses, and `new window.Image` works as well.
  { what: "image beacon (new Image)", pattern: /\bnew\s+(?:\w+\.)?Image\b/g },
  { what: "image beacon (img element)", pattern: /createElement\(\s*["'`]img["'`]/gi },
  { what: "importScripts", pattern: /\bimportScripts\s*\(/g },
  { what: "RTCPeerConnection", pattern: /\bRTCPeerConnection\b/g },
  { what: "service worker", pattern: /\bserviceWorker\b/g },
];

/**
 * Hosts of absolute addresses that are names or texts, not places anything is sent to or loaded from:
 * XML namespaces (React passes them to createElementNS; ExcelJS and JSZip write them into .xlsx parts) and
 * documentation links inside libraries' error messages. Any other host is a finding.
 */
const NAME_ONLY_HOSTS: { host: RegExp; why: string }[] = [
  { host: /^www\.w3\.org$/, why: "XML namespaces (SVG, MathML, XLink)" },
  { host: /^schemas\.openxmlformats\.org$/, why: "OOXML namespaces and relationship types" },
  { host: /^schemas\.microsoft\.com$/, why: "Office XML namespaces" },
  { host: /^purl\.org$/, why: "Dublin Core namespaces of document properties" },
  { host: /^react\.dev$/, why: "the page React's error messages name (React never loads it)" },
  { host: /^github\.com$|^stuk\.github\.io$/, why: "links in library error messages and licence notes" },
];

/**
 * Network code inside a library that our code can never reach, each with the reason; `near` must match the
 * code around the finding so that nothing else with the same API slips through under this entry.
 * test/build/privacy-check.test.ts checks that each reason holds.
 */
export const UNREACHABLE_LIBRARY_CODE: { what: string; near: RegExp; reason: string }[] = [
  {
    what: "XMLHttpRequest",
    near: /this\._config\.withCredentials/,
    reason:
      "Papa Parse's NetworkStreamer, used only when Papa.parse is given `download: true` (to read a URL); " +
      "our code gives Papa Parse text it already has and never sets `download`",
  },
];

/** http(s), ws(s) and protocol-relative addresses ("//host/path", as in src="//cdn.example/x.js"). */
const REMOTE_URL =
  /\b(?:https?|wss?):\/\/[^\s"'`<>)\\]*|(?<=["'`(=])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>)\\]*/gi;

function hostOf(url: string): string {
  return url
    .replace(/^[a-z]*:?\/\//i, "")
    .split(/[/?#:]/)[0]
    .toLowerCase();
}

function excerpt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/g, " ");
}

/** What in one built file could send data. */
export function findNetworkAccess(file: string, text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const { what, pattern } of NETWORK_APIS) {
    for (const m of text.matchAll(pattern)) {
      const around = text.slice(Math.max(0, m.index - 400), m.index + 400);
      if (UNREACHABLE_LIBRARY_CODE.some((u) => u.what === what && u.near.test(around))) continue;
      out.push({ file, what, excerpt: excerpt(text, m.index, m[0].length) });
    }
  }
  for (const m of text.matchAll(REMOTE_URL)) {
    if (NAME_ONLY_HOSTS.some((allowed) => allowed.host.test(hostOf(m[0])))) continue;
    out.push({ file, what: `remote address ${m[0]}`, excerpt: excerpt(text, m.index, m[0].length) });
  }
  return out;
}

/** The built scripts and pages of the add-in under `dir`: every .js and .html file outside office-js/. */
export function builtFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (relative(dir, path) !== "office-js") walk(path);
      } else if (/\.(m?js|html?)$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Every finding in a build folder (file names relative to it). */
export function checkBuild(dir: string): PrivacyFinding[] {
  return builtFiles(dir).flatMap((f) => findNetworkAccess(relative(dir, f), readFileSync(f, "utf8")));
}

if (require.main === module) {
  const dir = process.argv[2] ?? "dist";
  const files = builtFiles(dir);
  if (files.length === 0) {
    console.error(`privacy check: no built .js or .html files in ${dir} (run npm run build first)`);
    process.exit(1);
  }
  const findings = checkBuild(dir);
  for (const f of findings) console.error(`${f.file}: ${f.what}: …${f.excerpt}…`);
  if (findings.length > 0) process.exit(1);
  console.log(`privacy check: ${files.length} built files, no network access outside Office.js`);
}
