/**
 * The workbook behind the fake Excel JavaScript API (fake-excel.ts): sheets of cells with Excel's rules
 * for what a typed entry becomes. A string sent in `values` or `formulas` is taken as if typed: "00042"
 * becomes a number, "=x", "+x", "-x" and "@x" become formulas, "TRUE" a boolean, "2024-01-05" a date,
 * unless it starts with the quote prefix (') or the cell is formatted as text (@). So an adapter that
 * forgets to protect text fails here as it would in Excel.
 */
import { parseRangeAddress, quoteSheetName, rangeAddress, type RangeBox } from "../../../src/sheet/a1";
import { sameSheetName } from "../../../src/workbook/registry";

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  /** The value (for a formula: its last computed value; the fake computes nothing). */
  value: FakeScalar | null;
  error?: string;
  /** Formula without "=". */
  formula?: string;
  numberFormat?: string;
  /** Cell properties set with setCellProperties (format: font, fill, borders, alignment). */
  properties?: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  box: RangeBox;
  style?: string;
  showFilterButton?: boolean;
  showBandedRows?: boolean;
}

/** Anything configured through a nested object the fake only records (chart, format, validation). */
export type Recorded = Record<string, unknown>;

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  series: Recorded[];
  settings: Recorded;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  settings: Recorded;
}

/** Excel's default column width (8.43 characters = 64 px) and row height, in points. */
export const DEFAULT_COLUMN_POINTS = 48;
export const ROW_POINTS = 15;

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, Map<number, FakeCell>>();
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: { range: string; settings: Recorded }[] = [];
  merges: string[] = [];
  notes = new Map<string, string>();
  /** A note's author (Excel's API reads it, cannot set it); none given: the signed-in user. */
  noteAuthors = new Map<string, string>();
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  freeze: Recorded = {};
  settings: Recorded = {};

  constructor(public name: string) {}

  /** Where a column starts, in points from the sheet's left edge (default width 48 pt). */
  leftOf(col: number): number {
    let points = 0;
    for (let c = 1; c < col; c++) points += this.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS;
    return points;
  }

  /** Where a row starts, in points from the top (every row 15 pt high). */
  topOf(row: number): number {
    return (row - 1) * ROW_POINTS;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** The cell, created empty when missing. */
  cellFor(row: number, col: number): FakeCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let cell = r.get(col);
    if (!cell) r.set(col, (cell = { value: null }));
    return cell;
  }

  /** Smallest box around cells with a value (valuesOnly) or with anything at all. */
  usedBox(valuesOnly: boolean): RangeBox | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const hasValue = cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
        if (valuesOnly && !hasValue) continue;
        if (!hasValue && !cell.numberFormat && !cell.properties) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return top === Infinity ? undefined : { top, left, bottom, right };
  }

  /** Removes the cells of a box (values, formulas, formats) or only their contents. */
  clear(box: RangeBox, contentsOnly: boolean): void {
    for (const [r, row] of this.cells) {
      if (r < box.top || r > box.bottom) continue;
      for (const [c, cell] of row) {
        if (c < box.left || c > box.right) continue;
        if (contentsOnly) {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
        } else row.delete(c);
      }
    }
  }
}

/** "Sheet!A1:B2" as Excel's `address` gives it (sheet name quoted when needed, no $). */
export function excelAddress(sheet: string, box: RangeBox): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(box)}`;
}

/** A1 address, column range "B:D" or, for the whole sheet, undefined. */
export function parseFakeAddress(address: string | undefined): RangeBox {
  if (address === undefined) return { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (columns) {
    const left = parseRangeAddress(`${columns[1]}1`).left;
    const right = parseRangeAddress(`${columns[2]}1`).left;
    return { top: 1, left, bottom: 1_048_576, right };
  }
  return parseRangeAddress(address);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel serial of a calendar date. */
export function serialOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** What Excel makes of an entry typed (or sent in values/formulas) into a cell. */
export function enter(cell: FakeCell, entry: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (entry === "") {
    cell.value = null;
    return;
  }
  if (typeof entry === "number" || typeof entry === "boolean") {
    cell.value = entry;
    return;
  }
  if (typeof entry !== "string") throw new Error(`InvalidArgument: cannot enter ${JSON.stringify(entry)}`);
  if (entry.startsWith("'")) {
    cell.value = entry.slice(1) === "" ? null : entry.slice(1);
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = entry;
    return;
  }
  if (NUMBER.test(entry.trim())) {
    const t = entry.trim();
    cell.value = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
    return;
  }
  if (/^[=+\-@]/.test(entry)) {
    cell.formula = entry.replace(/^=/, "");
    // The fake calculates nothing: a new formula's value is unknown until Excel computes it.
    cell.value = 0;
    return;
  }
  if (/^(true|false)$/i.test(entry)) {
    cell.value = entry.toLowerCase() === "true";
    return;
  }
  const date = ISO_DATE.exec(entry);
  if (date) {
    cell.value = serialOf(Number(date[1]), Number(date[2]), Number(date[3]));
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
    return;
  }
  cell.value = entry;
}

export interface FakeName {
  name: string;
  /** With the leading "=". */
  formula: string;
  comment: string;
}

/** The whole workbook: sheets in tab order, tables, workbook-scoped names. */
export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  activeSheet?: string;
  selection?: string;
  private tableCounter = 0;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: no worksheet "${name}"`);
    return sheet;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: worksheet "${name}"`);
    checkSheetName(name);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new Error(`ItemAlreadyExists: worksheet "${name}"`);
    checkSheetName(name);
    sheet.name = name;
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new Error("InvalidOperation: a workbook must keep one visible sheet");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    // Names that pointed into the sheet now point nowhere, as in Excel.
    const prefix = `=${quoteSheetName(sheet.name)}!`;
    for (const n of this.names) if (n.formula.startsWith(prefix)) n.formula = "=#REF!";
  }

  addTable(sheet: FakeSheet, box: RangeBox): FakeTable {
    if (this.tables.some((t) => t.sheet === sheet && boxesTouch(t.box, box))) {
      throw new Error("InvalidOperation: tables cannot overlap");
    }
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
    const table: FakeTable = { name, sheet, box };
    this.tables.push(table);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (this.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: table "${name}"`);
    }
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: "${name}" is a defined name`);
    }
    table.name = name;
  }

  addName(name: string, formula: string, comment: string): void {
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: name "${name}"`);
    }
    if (!formula.startsWith("=")) throw new Error(`InvalidArgument: reference "${formula}"`);
    this.names.push({ name, formula, comment });
  }
}

/** Office.js: "The name must be fewer than 32 characters"; Excel refuses [ ] : * ? / \ in it. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name))
    throw new Error(`InvalidArgument: sheet name "${name}"`);
}

function boxesTouch(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
