/**
 * The demo workbook (`loyalty demo`) opened in LibreOffice: every formula recalculated, no error value in
 * any cell of any sheet, and the Benefit cost sheet's key results equal to the projection totals of the
 * JSON summary. Needs LibreOffice (`soffice`); CI installs it (.ci/run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../../src/cli/main";
import { XlsxPackage } from "../../../src/workbook/xlsx/package";
import { capture } from "../../helpers/cli-io";
import { convertWithLibreOffice, describeWithLibreOffice } from "../../helpers/libreoffice";
import { readSavedSheet, type SavedCell } from "../../helpers/saved-xlsx";
import { readFileSync } from "node:fs";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "ll-demo-recalc-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows whose column A reads `label`, top first. */
function rowsLabelled(cells: Map<string, SavedCell>, label: string): number[] {
  const rows: number[] = [];
  for (const [address, cell] of cells) {
    const row = /^A(\d+)$/.exec(address)?.[1];
    if (row && cell.value === label) rows.push(Number(row));
  }
  return rows.sort((a, b) => a - b);
}

/** Column B of the first row under "Key results" whose column A reads `label`. */
function valueBeside(cells: Map<string, SavedCell>, label: string): SavedCell["value"] | undefined {
  const [keyResults] = rowsLabelled(cells, "Key results");
  const row = rowsLabelled(cells, label).find((r) => r > keyResults);
  return row === undefined ? undefined : cells.get(`B${row}`)?.value;
}

describeWithLibreOffice("the demo workbook in LibreOffice", () => {
  it("recalculates without an error value anywhere, and the Benefit cost sheet agrees with --json", async () => {
    const out = path.join(dir, "demo.xlsx");
    const io = capture();
    expect(await run(["demo", "--out", out, "--json"], io)).toBe(0);
    const summary = JSON.parse(io.stdout);
    const sheet = summary.sheets.find((s: { kind: string }) => s.kind === "benefit-cost").sheetName;

    const [recalculated] = await convertWithLibreOffice(out, path.join(dir, "recalculated"), "xlsx");
    const pkg = XlsxPackage.fromBuffer(readFileSync(recalculated), "demo.xlsx");
    const errors: string[] = [];
    let formulas = 0;
    for (const { name } of pkg.sheets()) {
      for (const [address, cell] of readSavedSheet(recalculated, name)) {
        if (cell.formula !== undefined) formulas++;
        if (typeof cell.value === "object" && cell.value !== null) errors.push(`${name}!${address}`);
      }
    }
    expect(errors).toEqual([]);
    expect(formulas).toBeGreaterThan(500);

    const cells = readSavedSheet(recalculated, sheet);
    const p = summary.projection;
    const expected: [string, number][] = [
      ["Revenue", p.revenue],
      ["Benefit cost", p.benefitCost],
      ["Net effect of the benefits", p.netEffect],
      ["NPV of the net effect", p.npvNetEffect],
      ["Points liability now", p.pointsLiabilityNow],
      ["Points liability at the end", p.pointsLiabilityAtEnd],
    ];
    for (const [label, value] of expected) {
      const got = valueBeside(cells, label);
      expect(typeof got).toBe("number");
      expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value) + 1e-9);
    }
    // Points earned over the periods make a liability: a real number, not a zero that proves nothing.
    expect(p.pointsLiabilityAtEnd).toBeGreaterThan(0);
  });
});
