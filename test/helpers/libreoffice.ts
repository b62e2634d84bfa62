/**
 * LibreOffice headless as an independent spreadsheet engine: it opens workbooks, RECALCULATES every
 * formula and saves the result (xlsx with the new cached values, or pdf). Each run gets a fresh user
 * profile, so parallel test files do not share LibreOffice's lock, and the profile tells LibreOffice to
 * recalculate xlsx files on load ALWAYS: by default it keeps the cached values a file carries, so a stale
 * cached value would pass for a computed one.
 *
 * Read the recalculated values with saved-xlsx.ts.
 *
 * Tests that need it are declared with `describeWithLibreOffice`. Without LibreOffice they are skipped,
 * and test/setup/missing-tools-reporter.js says at the end of the run how many and how to install it;
 * with CI set (CI installs LibreOffice in .ci/run) a missing LibreOffice fails instead.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeWithTool } from "./needs-tool";

/** LibreOffice settings: recalculate OOXML (and ODF) files always when they are loaded (0 = always). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const SOFFICE = process.env.SOFFICE ?? "soffice";

/** The words that mark a test group needing LibreOffice; the reporter counts skipped tests by them. */
export const NEEDS_LIBREOFFICE = "[needs LibreOffice]";

/** Whether `soffice` (or $SOFFICE) can be started on this machine. */
function libreOfficeInstalled(): boolean {
  const probe = spawnSync(SOFFICE, ["--version"], { timeout: 60_000, encoding: "utf8" });
  return probe.error === undefined && probe.status === 0;
}

/** `describe` for tests that recalculate with LibreOffice (see describeWithTool). */
export function describeWithLibreOffice(name: string, body: () => void): void {
  const missing = `LibreOffice (${SOFFICE}) is not installed: apt-get install libreoffice-calc-nogui`;
  describeWithTool({ marker: NEEDS_LIBREOFFICE, installed: libreOfficeInstalled, missing }, name, body);
}

/**
 * Converts `files` with LibreOffice into `outDir` as `format` ("xlsx" or "pdf") after recalculating them,
 * in one LibreOffice run; returns the paths of the converted files, in the order of `files`. The files
 * must have different base names (the outputs are named after them).
 */
export function convertWithLibreOffice(
  files: string | string[],
  outDir: string,
  format: "xlsx" | "pdf",
): Promise<string[]> {
  const inputs = typeof files === "string" ? [files] : files;
  const profile = mkdtempSync(path.join(os.tmpdir(), "ll-soffice-profile-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  mkdirSync(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...inputs,
  ];
  return new Promise((resolve, reject) => {
    execFile(SOFFICE, args, { timeout: 180_000 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
        reject(
          new Error(
            missing
              ? `LibreOffice (${SOFFICE}) is not installed: apt-get install libreoffice-calc-nogui`
              : `LibreOffice failed on ${inputs.join(", ")}: ${error.message}\n${stdout}${stderr}`,
          ),
        );
        return;
      }
      resolve(inputs.map((file) => path.join(outDir, `${path.parse(file).name}.${format}`)));
    });
  });
}
