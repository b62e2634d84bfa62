/**
 * Licence check of what we ship: every package npm installs for a production install (package-lock.json
 * entries that are not dev-only: the add-in bundles' React and Fluent UI, the CLI's ExcelJS, JSZip,
 * Papa Parse and commander, their dependencies, and the optional dependencies npm also installs) must be
 * under a permissive licence. Copyleft (GPL, AGPL, LGPL, SSPL) would put conditions on everyone who
 * receives the add-in; a package whose licence we do not know is treated the same until a person has
 * looked at it (REVIEWED below).
 *
 * The licence is read from the installed package.json (the lockfile's copy when a package is not
 * installed, e.g. an optional one for another platform). SPDX expressions are evaluated: "(MIT OR
 * GPL-3.0-or-later)" passes because we may take it under MIT; "(MIT AND GPL-2.0)" does not.
 *
 * Usage: tsx scripts/check-licences.ts   (exit 1 and one line per package when something is found)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Permissive licences (SPDX ids, and the few non-SPDX spellings found in old packages). */
const PERMISSIVE = new Set([
  "MIT",
  "MIT/X11",
  "MIT-0",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "Zlib",
  "Unlicense",
  "CC0-1.0",
  "BlueOak-1.0.0",
  "Python-2.0",
  "WTFPL",
  "CC-BY-4.0",
]);

/** Copyleft families that must not ship (matched on the SPDX id, any version and -only/-or-later). */
const COPYLEFT = /^(A?GPL|LGPL|SSPL)/i;

/**
 * Packages that declare no licence, looked at by a person. Each entry says what was checked; a new
 * version of the package is a new key, so it is looked at again.
 */
const REVIEWED: Record<string, string> = {
  "buffers@0.1.1":
    "declares no licence (published 2011, before npm had the field); no licence or copyleft notice in its " +
    "files. Used only by the CLI's .xlsx reading (exceljs -> unzipper -> binary), not in the add-in bundles.",
};

export interface ShippedPackage {
  name: string;
  version: string;
  /** Folder in node_modules, e.g. node_modules/exceljs/node_modules/uuid. */
  path: string;
  /** The licence as the package declares it (SPDX expression or old-style text); undefined when none. */
  licence: string | undefined;
}

export interface LicenceFinding {
  package: string;
  licence: string;
  problem: string;
}

interface LockPackage {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

/** The licence field of a package.json: "MIT", { type: "MIT" }, or the old licenses: [{ type }]. */
function declaredLicence(pkg: Record<string, unknown>): string | undefined {
  const one = pkg.license as string | { type?: string } | undefined;
  if (typeof one === "string") return one;
  if (one && typeof one.type === "string") return one.type;
  const many = pkg.licenses as { type?: string }[] | undefined;
  if (Array.isArray(many) && many.length > 0) {
    const types = many.map((l) => l.type).filter((t): t is string => typeof t === "string");
    return types.length > 1 ? `(${types.join(" OR ")})` : types[0];
  }
  return undefined;
}

/** Every package a production install (npm ci --omit=dev) puts into node_modules, from the lockfile. */
export function shippedPackages(root: string): ShippedPackage[] {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    lockfileVersion: number;
    packages?: Record<string, LockPackage>;
  };
  if (!lock.packages)
    throw new Error('package-lock.json has no "packages" (lockfile version 2 or later needed)');
  const out: ShippedPackage[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const installed = join(root, path, "package.json");
    const licence = existsSync(installed)
      ? declaredLicence(JSON.parse(readFileSync(installed, "utf8")) as Record<string, unknown>)
      : entry.license;
    out.push({ name, version: entry.version ?? "?", path, licence });
  }
  return out;
}

type Verdict = { ok: true } | { ok: false; problem: string };

/** Whether we may ship under this licence expression: one permitted branch of an OR, every part of an AND. */
export function licenceVerdict(expression: string): Verdict {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  // expr := and ("OR" and)* ; and := atom ("AND" atom)* ; atom := "(" expr ")" | id ["WITH" exception]
  const parseAtom = (): Verdict => {
    const t = tokens[at++];
    if (t === "(") {
      const inner = parseOr();
      at++; // ")"
      return inner;
    }
    if (t === undefined) return { ok: false, problem: "the licence expression is incomplete" };
    if (tokens[at]?.toUpperCase() === "WITH") at += 2; // an exception only adds permissions
    const id = t.replace(/\+$/, "");
    if (COPYLEFT.test(id)) return { ok: false, problem: `copyleft licence ${t}` };
    if (PERMISSIVE.has(id)) return { ok: true };
    return { ok: false, problem: `licence ${t} is not on the list of permissive licences` };
  };
  const parseAnd = (): Verdict => {
    let v = parseAtom();
    while (tokens[at]?.toUpperCase() === "AND") {
      at++;
      const next = parseAtom();
      if (v.ok) v = next;
    }
    return v;
  };
  const parseOr = (): Verdict => {
    let v = parseAnd();
    while (tokens[at]?.toUpperCase() === "OR") {
      at++;
      const next = parseAnd();
      if (!v.ok) v = next;
    }
    return v;
  };
  return parseOr();
}

/** The packages that must not ship as they are, with the reason. */
export function licenceFindings(packages: ShippedPackage[]): LicenceFinding[] {
  const out: LicenceFinding[] = [];
  for (const p of packages) {
    const id = `${p.name}@${p.version}`;
    if (p.licence === undefined) {
      if (!REVIEWED[id]) out.push({ package: id, licence: "(none)", problem: "declares no licence" });
      continue;
    }
    const verdict = licenceVerdict(p.licence);
    if (!verdict.ok) out.push({ package: id, licence: p.licence, problem: verdict.problem });
  }
  return out;
}

if (require.main === module) {
  const packages = shippedPackages(process.cwd());
  const findings = licenceFindings(packages);
  for (const f of findings) console.error(`${f.package}: ${f.licence}: ${f.problem}`);
  if (findings.length > 0) {
    console.error(
      `licence check: ${findings.length} of ${packages.length} shipped packages cannot ship as they are`,
    );
    process.exit(1);
  }
  const counts = new Map<string, number>();
  for (const p of packages)
    counts.set(p.licence ?? "(none, reviewed)", (counts.get(p.licence ?? "(none, reviewed)") ?? 0) + 1);
  const summary = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(", ");
  console.log(`licence check: ${packages.length} shipped packages, no copyleft: ${summary}`);
}
