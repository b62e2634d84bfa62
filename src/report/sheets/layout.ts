/**
 * Laying out a report sheet from the top down: a title, notes, sections, tables and charts, each placed
 * below the previous one, so a builder says WHAT goes on the sheet and this says WHERE. Produces the
 * blocks, charts and formats of a SheetModel; knows nothing of Office or files.
 */
import { cellAddress, columnName, rangeAddress } from "../../sheet/a1";
import { currencyFormat, isCellSpec, numberFormatCode } from "../../sheet/sheet-model-cells";
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
import { SHEET_NAMES, type SheetKind } from "../sheet-kinds";

/**
 * Tables with one row per customer carry what a user types beside a row (a "Called?" column, a note) to
 * the same customer's row when the report is refreshed (see TableCarry).
 */
export const CUSTOMER_ROWS: TableCarry = { key: "Customer ID" };

/** Pixels per row at Excel's default height (15 pt), for placing charts between tables. */
const ROW_PIXELS = 20;

/** Column widths (characters) the layout chooses between. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
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
}

/** What a builder sets on its sheet besides the layout: its kind, and any of widths, freeze, tab colour... */
export interface SheetSettings extends Partial<Omit<SheetModel, "kind" | "name" | "columnWidths">> {
  kind: SheetKind;
  /** Widths of some columns (a number); the others (null) are left to the layout. */
  columnWidths?: (number | null)[];
}

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
  private measure(left: number, cells: Cell[], padding: number, formats?: TableSpec["formats"]): void {
    cells.forEach((cell, i) => {
      const length = displayLength(cell, formats?.[i] ?? undefined);
      if (length === 0) return;
      const col = left - 1 + i;
      this.widths[col] = Math.max(this.widths[col] ?? 0, Math.min(MAX_WIDTH, length + padding));
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
      this.measure(left, spec.rows[r], 1, spec.formats);
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
  chartSpace(height: number): (chart: Omit<ChartSpec, "at" | "height">, col?: number) => void {
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

/** A series of a chart of a table: its name, the table's column (0-based) and the colour. */
export type ColumnSeries = readonly [name: string, column: number, color: string];

export interface TableChartSpec extends Omit<
  ChartSpec,
  "at" | "height" | "categories" | "series" | "legend"
> {
  series: readonly ColumnSeries[];
}

/**
 * A chart of a placed table's columns, as the report draws them: the table's first column gives the
 * categories, each series one column; the legend below the plot.
 */
export function tableChart<S extends TableChartSpec>(
  table: PlacedTable,
  { type, title, series, ...spec }: S,
) {
  return {
    type,
    title,
    categories: table.column(0),
    series: series.map(([name, column, color]) => ({ name, values: table.column(column), color })),
    ...spec,
    legend: "bottom" as const,
  };
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

/** True for formats that show numbers (and dates), which Excel aligns right. */
function isNumeric(format: NumberFormat | null | undefined): boolean {
  return format !== undefined && format !== null && format !== "text" && format !== "general";
}

/**
 * Formats with a little space after numbers that are followed by a text column, so "74.79" and "Reward ..."
 * do not run together ("_)" leaves the width of a bracket, as Excel's accounting formats do).
 */
function spacedFormats(formats: TableSpec["formats"], firstRow: Cell[] | undefined): TableSpec["formats"] {
  if (!formats) return formats;
  return formats.map((format, i) => {
    if (!isNumeric(format)) return format;
    const next = formats[i + 1];
    const nextCell = firstRow?.[i + 1];
    const nextIsText =
      i + 1 < formats.length &&
      (next === "text" ||
        (!isNumeric(next) &&
          (typeof nextCell === "string" || (isCellSpec(nextCell) && typeof nextCell.value === "string"))));
    if (!nextIsText) return format;
    const code = numberFormatCode(format as NumberFormat);
    return {
      code: code
        .split(";")
        .map((section) => `${section}_)`)
        .join(";"),
    };
  });
}

/** Characters a value takes on screen, roughly: wide (CJK) characters count twice. */
function textLength(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 2 : 1;
  return n;
}

/** Characters a number takes in a format, roughly (enough to size a column). */
function numberLength(v: number, format: NumberFormat | undefined): number {
  const code = format ? numberFormatCode(format) : "General";
  if (/y{2,}|d{2}/.test(code)) return code.replace(/[^ymdh:]/g, "").length + 2;
  const decimals = /\.(0+)/.exec(code)?.[1].length ?? 0;
  const prefix = /^"([^"]*)"/.exec(code)?.[1].length ?? 0;
  if (code.includes("%")) return (Math.abs(v) * 100).toFixed(decimals).length + 2;
  if (code === "General") return Math.min(11, String(v).length);
  const grouped = Math.abs(v).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: code.includes(","),
  });
  return grouped.length + prefix + (v < 0 ? 1 : 0);
}

function displayLength(cell: Cell | undefined, format: NumberFormat | undefined): number {
  if (cell === undefined || cell === null) return 0;
  if (isCellSpec(cell)) return displayLength(cell.value ?? cell.result ?? null, cell.format ?? format);
  if (typeof cell === "string") return textLength(cell);
  if (typeof cell === "number") return numberLength(cell, format);
  if (typeof cell === "boolean") return 5;
  return 10;
}

/** The money format of the report: the data's currency symbol when the config names one. */
export function moneyFormat(symbol: string, decimals = 2): NumberFormat {
  return symbol ? currencyFormat(symbol, decimals) : decimals === 0 ? "integer" : "currency";
}

/** A number for a cell: NaN and infinities become a blank (Excel shows nothing rather than an error). */
export function numberCell(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Column widths by header text: the columns named in `widths` get that width, the others (null) are sized
 * by the layout to their content.
 */
export function widthsByHeader(
  header: readonly Cell[],
  widths: Readonly<Record<string, number>>,
): (number | null)[] {
  return header.map((h) => (Object.hasOwn(widths, headerText(h)) ? widths[headerText(h)] : null));
}

/** The text of a header cell, written plainly or with a note. */
export function headerText(h: Cell): string {
  return String(isCellSpec(h) ? h.value : h);
}

/** Width in pixels of a column `width` characters wide (Excel's rule with the default font). */
export function columnPixels(width: number | null | undefined): number {
  return Math.round((width ?? 8.43) * 7 + 5);
}

/** The first column (1-based) that starts at least `pixels` from the sheet's left edge. */
export function columnAfterPixels(widths: readonly (number | null | undefined)[], pixels: number): number {
  let x = 0;
  let col = 1;
  while (x < pixels) x += columnPixels(widths[col++ - 1]);
  return col;
}

/** Whole-sheet column reference for a chart series, e.g. column 3 rows 5..9 -> "C5:C9". */
export function columnRange(col: number, top: number, bottom: number): string {
  return `${columnName(col)}${top}:${columnName(col)}${bottom}`;
}

/** "1,234" with thousands separators (en-US), for notes and titles. */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/**
 * The end of a note over a list cut at `shown` of `total` entries: " (the first 100 are listed)", or ""
 * when all are shown. `which` says which entries, "#" standing for their count ("# closest").
 */
export function listedNote(shown: number, total: number, which = "first #"): string {
  if (shown >= total) return "";
  return ` (the ${which.replace("#", count(shown))} ${shown === 1 ? "is" : "are"} listed)`;
}

/** "12.3 %" for notes. */
export function percentText(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : "n/a";
}
