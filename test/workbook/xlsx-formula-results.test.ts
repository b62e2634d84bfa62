/**
 * Formula cells of an .xlsx file are read as their cached results, a result of 0 included (ExcelJS's
 * `cell.value` leaves a 0 result out, which read a formula computing 0 as a blank cell), whether the
 * sheet is loaded whole or streamed.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-formula-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ordersWithFormulas(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer", "Date", "Amount"]);
  ws.addRow(["A", "2024-01-05", { formula: "10-10", result: 0 }]);
  ws.addRow(["B", "2024-01-06", { formula: "2*3", result: 6 }]);
  ws.addRow(["C", "2024-01-07", { formula: "1/0", result: { error: "#DIV/0!" } }]);
  const file = path.join(dir, "orders.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("formula results read from .xlsx files", () => {
  it("reads a result of 0 as 0, not as a blank, and an error result as that error", async () => {
    const file = await ordersWithFormulas();
    const wb = await XlsxWorkbook.open(file);
    const table = await wb.readTable({ sheet: "Orders" });
    expect(table.columns[2].slice(0, 2)).toEqual([0, 6]);
    expect(table.columns[2][2]).toEqual({ error: "#DIV/0!" });
  });

  it("reads a range the same way", async () => {
    const wb = await XlsxWorkbook.open(await ordersWithFormulas());
    expect(await wb.readRange("Orders", "C2:C3")).toEqual([[0], [6]]);
  });
});
