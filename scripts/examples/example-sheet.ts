/**
 * Writing a sheet of the examples workbook: literal blocks, and custom-function formulas with their
 * results cached (so the file shows numbers before the add-in loads) and a note saying what each does.
 *
 * A custom function is stored in the file as Excel stores it, `_xldudf_LOYALTY_PALIVE(...)`: Excel maps
 * that name to LOYALTY.PALIVE when the add-in is loaded (and shows the stored name until then). Every
 * formula is written as an array formula covering its result; dynamic-arrays.ts then marks them as
 * dynamic arrays, so they spill and re-spill like formulas typed in Excel.
 */
import type ExcelJS from "exceljs";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../src/sheet/a1";
import { inputErrorCode } from "../../src/functions/excel/errors";

/** A formula placed in the workbook, for the tests of the examples and the notes. */
export interface PlacedFormula {
  sheet: string;
  cell: string;
  /** As the user reads it in Excel: "=LOYALTY.PALIVE(Models!A6:F6,...)". */
  shown: string;
  /** As stored in the file. */
  stored: string;
  /** The function id ("PALIVE"), or undefined for a built-in formula. */
  fn?: string;
  rows: number;
  columns: number;
  note: string;
}

/** A cell value ExcelJS can write: error values as { error }, blanks as null. */
function cellValue(v: unknown): ExcelJS.CellValue {
  const code = inputErrorCode(v);
  if (code) return { error: code } as ExcelJS.CellErrorValue;
  if (v === "" || v === undefined) return null;
  return v as ExcelJS.CellValue;
}

const CUSTOM_FUNCTION = /\bLOYALTY\.([A-Z]+)\(/g;

export class ExampleSheet {
  readonly placed: PlacedFormula[] = [];

  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly all: PlacedFormula[],
  ) {}

  get name(): string {
    return this.ws.name;
  }

  /** A title in row 1 and a line of explanation in row 2. */
  heading(title: string, explanation: string): void {
    const t = this.ws.getCell("A1");
    t.value = title;
    t.font = { bold: true, size: 14 };
    const e = this.ws.getCell("A2");
    e.value = explanation;
    e.font = { italic: true, color: { argb: "FF605E5C" } };
  }

  /** Explanatory text in grey italics. */
  text(cell: string, text: string, bold = false): void {
    const c = this.ws.getCell(cell);
    c.value = text;
    c.font = bold ? { bold: true } : { italic: true, color: { argb: "FF605E5C" } };
  }

  /** Literal rows from `cell` on; the first row is styled as a header when `header` is true. */
  values(cell: string, rows: unknown[][], header = false): void {
    const start = parseCellAddress(cell);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const target = this.ws.getCell(start.row + r, start.col + c);
        target.value = cellValue(v);
        if (header && r === 0) target.font = { bold: true };
      }),
    );
  }

  /**
   * A formula at `cell` whose result (computed by calling the registered function, as Excel would) is
   * `result`; `note` says what it does and goes on the cell and, when `label` is given, in the label cell.
   */
  formula(cell: string, formula: string, result: unknown[][], note: string, label?: string): PlacedFormula {
    const { row: top, col: left } = parseCellAddress(cell);
    const anchor = this.ws.getCell(cell);
    const rows = result.length;
    const columns = Math.max(...result.map((r) => r.length));
    const stored = formula.replace(CUSTOM_FUNCTION, (_m, name: string) => `_xldudf_LOYALTY_${name}(`);
    const ref = `${cellAddress(top, left)}:${cellAddress(top + rows - 1, left + columns - 1)}`;
    // ExcelJS writes array formulas from this shape, which its type declarations leave out.
    const value = { formula: stored, result: cellValue(result[0][0]), shareType: "array", ref };
    anchor.value = value as unknown as ExcelJS.CellValue;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++)
        if (r > 0 || c > 0) this.ws.getCell(top + r, left + c).value = cellValue(result[r]?.[c]);
    anchor.note = `=${formula}\n\n${note}`;
    if (label) this.text(label, note);
    const fn = /\bLOYALTY\.([A-Z]+)\(/.exec(formula)?.[1];
    const placed: PlacedFormula = { sheet: this.name, cell, shown: `=${formula}`, stored, fn, rows, columns, note };
    this.placed.push(placed);
    this.all.push(placed);
    return placed;
  }

  /** A number format on a rectangle of cells (a spilled column of dates, of money). */
  format(range: string, numFmt: string): void {
    const box = parseRangeAddress(range);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) this.ws.getCell(r, c).numFmt = numFmt;
  }

  widths(...widths: number[]): void {
    widths.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }
}
