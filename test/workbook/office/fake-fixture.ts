/** Puts contract fixtures into the fake Excel, the way a user's open workbook would hold them. */
import { dateToExcelSerial } from "../../../src/sheet/serial-dates";
import { parseCellAddress, parseRangeAddress } from "../../../src/sheet/a1";
import type { UserCell } from "../../../src/workbook/memory/memory-workbook";
import type { WorkbookFixture } from "../contract";
import type { FakeCell, FakeSheet } from "./fake-excel-model";
import { FakeExcel } from "./fake-excel";

/** A user typing into a cell: the value, formula (with its computed result) or error; formats stay. */
export function typeInto(cell: FakeCell, input: UserCell): void {
  delete cell.formula;
  delete cell.error;
  if (input instanceof Date) {
    cell.value = dateToExcelSerial(input);
    // Excel gives a typed date the short date format of the user's locale.
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = "m/d/yyyy";
  } else if (typeof input === "object" && input !== null) {
    if ("error" in input) {
      cell.value = null;
      cell.error = input.error;
    } else {
      cell.formula = input.formula.replace(/^=/, "");
      const result = input.result ?? null;
      cell.value = result instanceof Date ? dateToExcelSerial(result) : result;
    }
  } else {
    cell.value = input === "" ? null : input;
  }
}

function fillSheet(sheet: FakeSheet, rows: UserCell[][], at: string): void {
  const origin = parseCellAddress(at);
  rows.forEach((cells, r) =>
    cells.forEach((input, c) => {
      if (input === null || input === undefined) return;
      typeInto(sheet.cellFor(origin.row + r, origin.col + c), input);
    }),
  );
  // Like a real user's sheet: a bold header row, a number format on column C, and a formatted but empty
  // cell far below the data (Excel's used range then reaches it, unless values only are asked for).
  for (let c = origin.col; c < origin.col + 4; c++) {
    const cell = sheet.cell(origin.row, c);
    if (cell) cell.properties = { format: { font: { bold: true } } };
  }
  for (const [, row] of sheet.cells) {
    const cell = row.get(origin.col + 2);
    if (cell && typeof cell.value === "number" && !cell.numberFormat) cell.numberFormat = "0.00";
  }
  sheet.cellFor(origin.row + rows.length + 20, origin.col).numberFormat = "@";
}

export function fakeExcelWith(fixture: WorkbookFixture): FakeExcel {
  const excel = new FakeExcel();
  for (const s of fixture.sheets) {
    const sheet = excel.model.addSheet(s.name);
    fillSheet(sheet, s.rows, s.at ?? "A1");
    for (const t of s.tables ?? []) {
      const table = excel.model.addTable(sheet, parseRangeAddress(t.range));
      excel.model.renameTable(table, t.name);
    }
  }
  for (const [name, reference] of Object.entries(fixture.names ?? {})) {
    excel.model.addName(name, `=${reference}`, "");
  }
  return excel;
}
