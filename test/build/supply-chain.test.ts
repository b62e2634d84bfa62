/**
 * Supply chain checks run by CI (.ci/run): the licence check of shipped packages (scripts/check-licences.ts)
 * on the real lockfile and on made-up cases, and the reading of `npm audit --json` (scripts/audit.ts) for
 * each thing npm can answer.
 */
import { join } from "node:path";
import { exitCodeFor, interpretAudit } from "../../scripts/audit";
import { licenceFindings, licenceVerdict, shippedPackages } from "../../scripts/check-licences";

const ROOT = join(__dirname, "..", "..");

describe("licence check", () => {
  it.each([
    ["MIT", true],
    ["(MIT OR GPL-3.0-or-later)", true],
    ["(BSD-2-Clause OR MIT OR Apache-2.0)", true],
    ["(MIT AND Zlib)", true],
    ["Apache-2.0 WITH LLVM-exception", true],
    ["GPL-3.0", false],
    ["GPL-2.0+", false],
    ["AGPL-3.0-only", false],
    ["LGPL-2.1-or-later", false],
    ["(MIT AND GPL-2.0)", false],
    ["(GPL-2.0 OR AGPL-3.0)", false],
    ["SEE LICENSE IN LICENSE.txt", false],
    ["Commercial", false],
  ])("%s may ship: %s", (expression, ok) => {
    expect(licenceVerdict(expression).ok).toBe(ok);
  });

  it("says why a package cannot ship", () => {
    const pkg = (name: string, licence: string | undefined) => ({
      name,
      version: "1.0.0",
      path: "",
      licence,
    });
    expect(
      licenceFindings([pkg("ok", "MIT"), pkg("copyleft", "(MIT AND AGPL-3.0)"), pkg("unknown", undefined)]),
    ).toEqual([
      { package: "copyleft@1.0.0", licence: "(MIT AND AGPL-3.0)", problem: "copyleft licence AGPL-3.0" },
      { package: "unknown@1.0.0", licence: "(none)", problem: "declares no licence" },
    ]);
  });

  it("finds every shipped package of the lockfile under a licence we may ship, and leaves dev tools out", () => {
    const shipped = shippedPackages(ROOT);
    const names = new Set(shipped.map((p) => p.name));
    for (const dep of [
      "exceljs",
      "jszip",
      "papaparse",
      "commander",
      "react",
      "react-dom",
      "@fluentui/react-components",
    ])
      expect(names.has(dep)).toBe(true);
    for (const devTool of ["jest", "webpack", "typescript", "eslint", "fast-check"])
      expect(names.has(devTool)).toBe(false);
    // JSZip is dual-licensed (MIT OR GPL-3.0-or-later): we take it under MIT.
    expect(shipped.find((p) => p.name === "jszip")?.licence).toBe("(MIT OR GPL-3.0-or-later)");
    expect(licenceFindings(shipped)).toEqual([]);
  });
});

describe("npm audit reading", () => {
  const report = (vulnerabilities: object, counts: Partial<Record<string, number>>) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities,
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } },
    });

  it("passes a report without high or critical findings, saying what it found", () => {
    const moderate = {
      "brace-expansion": {
        severity: "moderate",
        range: "<1.1.12",
        via: [{ title: "ReDoS", url: "https://x" }],
      },
    };
    const outcome = interpretAudit(report(moderate, { moderate: 1 }), "");
    expect(outcome).toEqual({
      status: "clean",
      message:
        "npm audit: no high or critical vulnerability in production dependencies (0 critical, 0 high, 1 moderate, 0 low, 0 info)",
    });
    expect(exitCodeFor(outcome, true)).toBe(0);
  });

  it("fails on high and critical findings and names each package and advisory", () => {
    const vulnerable = {
      "xml-parser": {
        severity: "critical",
        range: "<2.0.1",
        via: [{ title: "Prototype pollution", url: "https://ghsa/1" }],
      },
      exceljs: { severity: "high", range: "4.x", via: ["xml-parser"] },
      other: { severity: "low", via: [] },
    };
    const outcome = interpretAudit(report(vulnerable, { critical: 1, high: 1, low: 1 }), "");
    expect(outcome.status).toBe("findings");
    expect(outcome.status === "findings" && outcome.findings).toEqual([
      "xml-parser <2.0.1 (critical): Prototype pollution https://ghsa/1",
      "exceljs 4.x (high): via xml-parser",
    ]);
    expect(exitCodeFor(outcome, false)).toBe(1);
  });

  it("says clearly that the audit was not performed when the endpoint gives no report, and fails only when required", () => {
    const refused = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    const outcome = interpretAudit(refused, "npm error audit endpoint returned an error");
    expect(outcome).toEqual({
      status: "unavailable",
      message:
        "npm audit NOT PERFORMED: the registry's audit endpoint gave no report (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk)",
    });
    expect(exitCodeFor(outcome, false)).toBe(0);
    expect(exitCodeFor(outcome, true)).toBe(1);
    const offline = interpretAudit("", "npm warn Unknown user config\nnpm error code ENOTFOUND\n");
    expect(offline).toEqual({
      status: "unavailable",
      message:
        "npm audit NOT PERFORMED: the registry's audit endpoint gave no report (npm error code ENOTFOUND)",
    });
  });
});

describe("DuckDB installs without a compiler (issue 23)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lock = require(join(ROOT, "package-lock.json")) as {
    packages: Record<
      string,
      { optional?: boolean; hasInstallScript?: boolean; os?: string[]; cpu?: string[] }
    >;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const manifest = require(join(ROOT, "package.json")) as { optionalDependencies?: Record<string, string> };
  const duckdb = Object.entries(lock.packages).filter(([path]) => path.startsWith("node_modules/@duckdb/"));

  it("is an optional dependency: npm ci goes on where no binary fits", () => {
    expect(Object.keys(manifest.optionalDependencies ?? {})).toContain("@duckdb/node-api");
    for (const [path, entry] of duckdb) expect([path, entry.optional]).toEqual([path, true]);
  });

  it("runs no install script (nothing is compiled) and ships prebuilt binaries for Linux, macOS and Windows", () => {
    expect(duckdb.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path)).toEqual([]);
    const platforms = duckdb.flatMap(([, e]) =>
      (e.os ?? []).flatMap((os) => (e.cpu ?? []).map((cpu) => `${os}-${cpu}`)),
    );
    expect(platforms).toEqual(
      expect.arrayContaining(["linux-x64", "darwin-arm64", "darwin-x64", "win32-x64"]),
    );
  });
});
