/**
 * The report file as another spreadsheet program sees it: the CDNOW report written to .xlsx, opened and
 * RECALCULATED by LibreOffice headless, and saved again. Every sheet survives, no formula gives an error,
 * and the Segments totals computed by LibreOffice are the published counts. Needs LibreOffice (`soffice`);
 * CI installs it (.ci/run).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildReport } from "../../src/report/build-report";
import { readCsvTable } from "../../src/workbook/csv/read";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "../helpers/libreoffice";
import { readSavedSheet, type SavedCell } from "../helpers/saved-xlsx";
import { testDataPath } from "../helpers/test-data";

let dir: string;
let recalculated: string;
let sheetNames: string[];

const isError = (v: SavedCell["value"]) => typeof v === "object" && v !== null && "error" in v;

describeWithLibreOffice("the CDNOW report recalculated by LibreOffice", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ll-report-lo-"));
    const { table } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
    const workbook = XlsxWorkbook.create();
    const result = await buildReport({
      workbook,
      orders: { table },
      config: { columns: { customerId: "B", date: "C", amount: "E", quantity: "D" } },
    });
    sheetNames = result.summary.sheets.map((s) => s.sheetName);
    const file = path.join(dir, "cdnow-report.xlsx");
    await workbook.save(file);
    [recalculated] = await convertWithLibreOffice(file, path.join(dir, "recalculated"), "xlsx");
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every generated sheet", () => {
    const saved = XlsxPackage.fromBuffer(readFileSync(recalculated), "recalculated.xlsx")
      .sheets()
      .map((s) => s.name);
    expect(saved).toEqual(expect.arrayContaining(sheetNames));
  });

  it("computes every formula without an error", () => {
    const errors: string[] = [];
    for (const sheet of sheetNames) {
      for (const [address, cell] of readSavedSheet(recalculated, sheet)) {
        if (cell.formula !== undefined && isError(cell.value))
          errors.push(`${sheet}!${address}: ${cell.formula}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it("sums the segment table to the published customers and revenue", () => {
    const cells = readSavedSheet(recalculated, "LL Segments");
    const totalRow = [...cells].find(([address, c]) => address.startsWith("A") && c.value === "Total")?.[0];
    expect(totalRow).toBeDefined();
    const row = (totalRow as string).slice(1);
    expect(cells.get(`B${row}`)).toMatchObject({ formula: expect.stringMatching(/^SUM\(/), value: 2357 });
    expect(cells.get(`D${row}`)?.formula).toMatch(/^SUM\(/);
    expect(cells.get(`D${row}`)?.value).toBeCloseTo(244091.94, 2);
    expect(cells.get(`C${row}`)?.value).toBeCloseTo(1, 9);
    expect(cells.get(`E${row}`)?.value).toBeCloseTo(1, 9);
  });

  it("keeps one Customers row per customer", () => {
    const ids = [...readSavedSheet(recalculated, "LL Customers")].filter(
      ([address, c]) => /^A\d+$/.test(address) && typeof c.value === "string" && /^\d{4}$/.test(c.value),
    );
    expect(ids).toHaveLength(2357);
  });
});
