/**
 * Laying out a report sheet from the top down: a title, notes, sections, tables and charts, each placed
 * below the previous one, so a builder says WHAT goes on the sheet and this says WHERE. Produces the
 * blocks, charts and formats of a SheetModel; knows nothing of Office or files.
 */
import { cellAddress, rangeAddress } from "../../sheet/a1";
import { ROW_PIXELS } from "../../sheet/column-geometry";
import { isCellSpec } from "../../sheet/sheet-model-cells";
import type {
  Block,
  Cell,
  CellStyle,
  ChartSpec,
  ConditionalFormat,
  DataValidation,
  NumberFormat,
  SheetModel,
  TableCarry,
  TableOptions,
} from "../../sheet/sheet-model";
import { CUSTOMER_ID_HEADER } from "../../engine/text/alerts";
import type { Language } from "../../engine/text/language";
import { SHEET_NAMES, type SheetKind } from "../sheet-kinds";
import { displayLength } from "./content-width";
import { isNumeric, spacedFormats } from "./number-formats";

/**
 * The carry of a table of customers in a language: what a user types beside a row (a "Called?" column, a
 * note) goes to the same customer's row when the report is refreshed (see TableCarry); its key is the
 * customer id header of that language.
 */
export function customerRows(language: Language): TableCarry {
  return { key: CUSTOMER_ID_HEADER[language] };
}

/** Column widths (characters) the layout chooses between. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/**
 * The widest a column of sentences a manager reads grows (TableSpec.maxWidth), in characters (a CJK
 * character counts two): the reasons to call a member and the alerts that fired, whole, not cut off (a
 * member with three reasons takes about 130; Excel's widest column is 255).
 */
export const SENTENCE_WIDTH = 200;
/** Rows of a table looked at to size its columns (a 100,000-row table needs no more). */
const ROWS_MEASURED = 400;

/** Headers of every table look the same in Excel and in LibreOffice (which draws no table styles). */
const HEADER_STYLE = "header" as const;
const NUMBER_HEADER_STYLE: ["header", CellStyle] = ["header", { align: "right" }];

/** Where a table landed: rows and columns of its header and data, and helpers for ranges in it. */
export interface PlacedTable {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  left: number;
  right: number;
  /** Data rows (without the header): 0 for an empty table. */
  count: number;
  /** A1 range of column `c` (0-based within the table) over the data rows, e.g. "C5:C20". */
  column(c: number): string;
  /** A1 address of the cell of data row `r` (0-based) and column `c`. */
  cell(r: number, c: number): string;
}

export interface TableSpec {
  header: Cell[];
  rows: Cell[][];
  formats?: (NumberFormat | null | undefined)[];
  /** An Excel table with filters (name unique in the workbook), or a plain block with a styled header. */
  table?: TableOptions;
  /**
   * A last row (totals) styled "total", not part of the Excel table, in the table's column formats; a
   * function of the placed table when its cells refer to the table's ranges (e.g. SUM of a column).
   */
  total?: Cell[] | ((table: PlacedTable) => Cell[]);
  /** First column (default 1). */
  col?: number;
  /**
   * The widest a column of this table grows to fit its values, in characters (default MAX_WIDTH): a table
   * of sentences a manager reads (the reasons to call a member) widens to show them whole.
   */
  maxWidth?: number;
}

/** What a builder sets on its sheet besides the layout: its kind, and any of widths, freeze, tab colour... */
export interface SheetSettings extends Partial<Omit<SheetModel, "kind" | "name" | "columnWidths">> {
  kind: SheetKind;
  /** Widths of some columns (a number); the others (null) are left to the layout. */
  columnWidths?: (number | null)[];
}

/** Draws a chart in space kept free above: see SheetLayout.chartSpace. */
export type DrawChart = (chart: Omit<ChartSpec, "at" | "height">, col?: number) => void;

export class SheetLayout {
  readonly blocks: Block[] = [];
  readonly charts: ChartSpec[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: DataValidation[] = [];
  /** Next free row. */
  row = 1;
  /** Widest content seen per column (index 0 = column A), in characters. */
  private readonly widths: number[] = [];

  /** Widens the columns from `left` to fit these cells. */
  private measure(
    left: number,
    cells: Cell[],
    padding: number,
    formats?: TableSpec["formats"],
    maxWidth = MAX_WIDTH,
  ): void {
    cells.forEach((cell, i) => {
      const length = displayLength(cell, formats?.[i] ?? undefined);
      if (length === 0) return;
      const col = left - 1 + i;
      this.widths[col] = Math.max(this.widths[col] ?? 0, Math.min(maxWidth, length + padding));
    });
  }

  title(text: string, subtitle?: string): this {
    this.blocks.push({ at: { row: this.row, col: 1 }, rows: [[{ value: text, style: "title" }]] });
    this.row++;
    if (subtitle) this.note(subtitle);
    return this;
  }

  /** Grey explanatory lines, one per row. */
  note(...lines: string[]): this {
    for (const line of lines) {
      this.blocks.push({ at: { row: this.row, col: 1 }, rows: [[{ value: line, style: "note" }]] });
      this.row++;
    }
    return this;
  }

  section(text: string, note?: string): this {
    this.blocks.push({ at: { row: this.row, col: 1 }, rows: [[{ value: text, style: "subtitle" }]] });
    this.row++;
    if (note) this.note(note);
    return this;
  }

  /** Label / value pairs (e.g. "As of" | 2024-12-31), labels bold; `formats`: one per pair, for its value. */
  facts(pairs: [string, Cell][], formats?: (NumberFormat | undefined)[]): this {
    const rows = pairs.map(([label, value], i) => [
      { value: label, style: "bold" as const },
      leftAligned(withFormat(value, formats?.[i])),
    ]);
    for (const [label] of pairs) this.measure(1, [label], 1);
    this.blocks.push({ at: { row: this.row, col: 1 }, rows });
    this.row += rows.length;
    return this;
  }

  gap(rows = 1): this {
    this.row += rows;
    return this;
  }

  table(spec: TableSpec): PlacedTable {
    const left = spec.col ?? 1;
    const headerRow = this.row;
    // Over numbers the header is right-aligned like them, except where a filter button would cover it.
    const filtered = spec.table !== undefined && spec.table.filter !== false;
    const headerStyle = (c: number) =>
      !filtered && isNumeric(spec.formats?.[c]) ? NUMBER_HEADER_STYLE : HEADER_STYLE;
    const header = spec.header.map((h, c): Cell => {
      if (isCellSpec(h)) return { ...h, style: h.style ?? headerStyle(c) };
      return { value: h, style: headerStyle(c) };
    });
    const formats = spacedFormats(spec.formats, spec.rows[0]);
    this.blocks.push({
      at: { row: headerRow, col: left },
      rows: [header, ...spec.rows],
      headerRows: 1,
      columnFormats: formats,
      table: spec.table,
    });
    // Excel tables draw a filter button over the right of each header cell.
    this.measure(left, spec.header, spec.table && spec.table.filter !== false ? 3 : 1);
    for (let r = 0; r < Math.min(spec.rows.length, ROWS_MEASURED); r++)
      this.measure(left, spec.rows[r], 1, spec.formats, spec.maxWidth);
    const count = spec.rows.length;
    // An Excel table without data rows still takes one (empty) row.
    const dataRows = spec.table ? Math.max(1, count) : count;
    this.row = headerRow + 1 + dataRows;
    const firstRow = headerRow + 1;
    const lastRow = headerRow + Math.max(count, 1);
    const placed: PlacedTable = {
      headerRow,
      firstRow,
      lastRow,
      left,
      right: left + spec.header.length - 1,
      count,
      column: (c) =>
        rangeAddress({ top: firstRow, bottom: lastRow, left: left + c, right: left + c }, false, true),
      cell: (r, c) => cellAddress(firstRow + r, left + c),
    };
    if (spec.total) {
      const total = typeof spec.total === "function" ? spec.total(placed) : spec.total;
      this.measure(left, total, 1, spec.formats);
      this.blocks.push({
        at: { row: this.row, col: left },
        rows: [total],
        columnFormats: formats,
        style: "total",
      });
      this.row++;
    }
    return placed;
  }

  /** A chart below everything so far, across the sheet's left columns; the row moves below it. */
  chart({ height, ...spec }: Omit<ChartSpec, "at">, col = 1): this {
    this.chartSpace(height)(spec, col);
    return this;
  }

  /**
   * Rows kept free at the current row for charts `height` pixels high, drawn later with the function
   * returned: a chart above the table it shows needs the table's ranges, known once the table is laid out
   * below. The row moves below the space; each chart drawn starts at column `col` (side by side).
   */
  chartSpace(height: number): DrawChart {
    const row = this.row;
    this.row += Math.ceil(height / ROW_PIXELS) + 1;
    // Place and size last: the workbook's registry keeps the specs as they are written here.
    return ({ width, ...chart }, col = 1) => {
      this.charts.push({ ...chart, at: { row, col }, width, height });
    };
  }

  format(f: ConditionalFormat): this {
    this.conditionalFormats.push(f);
    return this;
  }

  validate(v: DataValidation): this {
    this.validations.push(v);
    return this;
  }

  /**
   * The model of the generated sheet `kind`, named as SHEET_NAMES names it. Column widths fit the tables
   * and labels laid out; `columnWidths` sets some columns (a number) and leaves the others (null) to the
   * layout.
   */
  finish({ kind, ...model }: SheetSettings): SheetModel {
    const set = model.columnWidths ?? [];
    const count = Math.max(this.widths.length, set.length);
    const columnWidths = Array.from(
      { length: count },
      (_, i) => set[i] ?? (this.widths[i] ? Math.max(MIN_WIDTH, Math.ceil(this.widths[i])) : null),
    );
    return {
      blocks: this.blocks,
      charts: this.charts,
      conditionalFormats: this.conditionalFormats,
      validations: this.validations,
      print: { orientation: "landscape", fitToWidth: true },
      kind,
      name: SHEET_NAMES[kind],
      ...model,
      columnWidths,
    };
  }
}

const LEFT: CellStyle = { align: "left" };

/** The cell with this number format, unless it sets its own. */
function withFormat(cell: Cell, format: NumberFormat | undefined): Cell {
  if (!format) return cell;
  if (!isCellSpec(cell)) return { value: cell, format };
  return cell.format ? cell : { ...cell, format };
}

/** A value beside its label reads best next to it: numbers too are aligned left. */
function leftAligned(value: Cell): Cell {
  if (!isCellSpec(value)) return { value, style: LEFT };
  if (value.style) return value;
  return { ...value, style: value.input ? ["input", LEFT] : LEFT };
}
