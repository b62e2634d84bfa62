/** Builds .xlsx files for tests with plain ExcelJS, the way a user's workbook would be. */
import ExcelJS from "exceljs";
import { parseCellAddress, parseRangeAddress } from "../../src/sheet/a1";
import type { UserCell } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookFixture } from "./contract";

export function excelJsCellValue(cell: UserCell): ExcelJS.CellValue {
  if (typeof cell === "object" && cell !== null && !(cell instanceof Date)) {
    if ("error" in cell) return { error: cell.error } as ExcelJS.CellErrorValue;
    return { formula: cell.formula, result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
  }
  return cell as ExcelJS.CellValue;
}

/**
 * The fixture as an ExcelJS workbook. Like a real user's file it has styles (bold first row, a number
 * format in column C) and a formatted but empty cell 20 rows below the data (Excel's "used range" then
 * reaches further than the data).
 */
export function fixtureWorkbook(fixture: WorkbookFixture): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of fixture.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const at = parseCellAddress(sheet.at ?? "A1");
    for (const t of sheet.tables ?? []) {
      const box = parseRangeAddress(t.range);
      const header = sheet.rows[box.top - at.row] ?? [];
      ws.addTable({
        name: t.name,
        ref: t.range.split(":")[0],
        columns: header
          .slice(box.left - at.col, box.right - at.col + 1)
          .map((h) => ({ name: String(h), filterButton: true })),
        rows: sheet.rows
          .slice(box.top - at.row + 1, box.bottom - at.row + 1)
          .map((r) => r.slice(box.left - at.col, box.right - at.col + 1).map(excelJsCellValue)),
      });
    }
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        ws.getCell(at.row + r, at.col + c).value = excelJsCellValue(cell);
      }),
    );
    ws.getRow(at.row).font = { bold: true };
    ws.getColumn(at.col + 2).numFmt = "0.00";
    ws.getCell(at.row + sheet.rows.length + 20, 1).numFmt = "@";
  }
  for (const [name, reference] of Object.entries(fixture.names ?? {})) wb.definedNames.add(reference, name);
  return wb;
}
