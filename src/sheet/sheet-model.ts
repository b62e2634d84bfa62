/**
 * The SHEET MODEL: plain data describing one generated sheet. Report builders produce it; the workbook
 * adapters (xlsx file, Office, in-memory) only write it. So the task pane, the CLI and the tests produce
 * the same sheets, and no builder knows about files or Office.
 *
 * Everything here is JSON-like data (Date objects allowed in cell values): a model can be sent to a worker,
 * stored, compared in a test. Helpers that interpret it (number format codes, style presets, cell
 * iteration, validation) are in sheet-model-cells.ts and sheet-model-check.ts; addresses in a1.ts.
 *
 * Conventions
 * - Rows and columns are 1-based (A1 = row 1, col 1). Ranges are A1 strings ("B3:D9") on THIS sheet, never
 *   qualified with a sheet name: the adapter qualifies them with the sheet's real name, which may differ
 *   from the requested one (see GeneratedSheet naming in src/workbook/port.ts).
 * - Text is always text. A string value that starts with =, +, -, @, tab or CR is written as a string and
 *   never becomes a formula (formula injection from data); it also gets the text format "@" (unless the
 *   cell sets a format) so that editing the cell in Excel keeps it text. Formulas are a separate, explicit
 *   cell kind.
 * - Formulas are Excel formulas in en-US syntax (comma separators, English function names) without the
 *   leading "=" (a leading "=" is tolerated and removed). Use only functions that exist in Excel 2016+ and
 *   LibreOffice. A formula that refers to ANOTHER generated sheet should go through a named range (see
 *   `names`), because sheet names can change (collision with a user sheet, a user renaming it).
 */
import type { CellPosition } from "./a1";

export type { CellPosition } from "./a1";

/** A literal cell value. Dates are written as Excel date serials with a date format. */
export type Scalar = string | number | boolean | Date | null;

/**
 * Number format: a preset name or a raw Excel format code. Presets (codes in sheet-model-cells.ts):
 * general, integer (#,##0), decimal (#,##0.00), decimal4, currency (#,##0.00 — the data carry no currency
 * symbol; use currencyFormat("¥") for one), percent (0%), percent1 (0.0%), percent2, date (yyyy-mm-dd),
 * datetime, month (yyyy-mm), text (@).
 */
export type NumberFormatPreset =
  | "general"
  | "integer"
  | "decimal"
  | "decimal4"
  | "currency"
  | "percent"
  | "percent1"
  | "percent2"
  | "date"
  | "datetime"
  | "month"
  | "text";
export type NumberFormat = NumberFormatPreset | { code: string };

/**
 * Named styles every adapter renders the same way (definitions in sheet-model-cells.ts):
 * title, subtitle, header (table header row), bold, input (Excel's "Input" look: cells a user may edit),
 * total (bold, top border), note (grey italic explanation), good / bad / neutral (Excel's traffic colours).
 */
export type StyleName =
  "title" | "subtitle" | "header" | "bold" | "input" | "total" | "note" | "good" | "bad" | "neutral";

/** Colours are "#RRGGBB". */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default 11). */
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  border?: "bottom" | "top" | "box";
  borderColor?: string;
}

/** A cell with more than a bare value. Exactly one of `value` and `formula` should be set. */
export interface CellSpec {
  /** Literal value. Strings are ALWAYS written as text, whatever they start with. */
  value?: Scalar;
  /** Excel formula (en-US, without "="). */
  formula?: string;
  /** Cached result of the formula, shown by readers that do not recalculate (optional). */
  result?: Scalar;
  format?: NumberFormat;
  /** One named style, a custom style, or several merged left to right. */
  style?: StyleName | CellStyle | (StyleName | CellStyle)[];
  /** A note (comment) shown on hover: units, definitions, where a number comes from. */
  note?: string;
  /**
   * Makes this an INPUT cell: a cell the user may edit (a threshold, an assumption), identified by this
   * stable key (unique in the sheet, e.g. "alerts.maxDaysSinceLastPurchase"). When the sheet is rebuilt,
   * a value the user edited is kept in place of the new default (see Workbook.writeSheet). Input cells get
   * the "input" style unless they set a style.
   */
  input?: string;
}

/** A bare value (the common case) or a full cell. */
export type Cell = Scalar | CellSpec;

export type TableStyle =
  `TableStyleLight${number}` | `TableStyleMedium${number}` | `TableStyleDark${number}` | "none";

/** Turns a block into an Excel table: its first row is the header row (unique, non-empty texts). */
export interface TableOptions {
  /** Workbook-unique table name: a letter or _ then letters, digits, _ or . (e.g. "LL_Customers"). */
  name: string;
  /** Default TableStyleMedium2. */
  style?: TableStyle;
  /** Header filter buttons (default true). */
  filter?: boolean;
  /** Banded rows (default true). */
  bandedRows?: boolean;
  /** Carry what users type beside the table's rows to the same row on rebuild (see TableCarry). */
  carry?: TableCarry;
}

/**
 * How a table keeps what people wrote in it across rebuilds. Its rows are identified by the `key` column
 * (a customer id). When the sheet is rebuilt, every non-blank value a user typed in a `userColumns` column,
 * or in a column they added to the table (inside it, or right beside it), is put on the row with the same
 * key in the new table; added columns are added to the new table. Values of rows whose key is no longer in
 * the table go to a "Kept notes" table below the sheet's content (itself carried the same way, so a value
 * goes back to its row when its key returns). Nothing typed there is dropped without a word: what cannot
 * be carried is reported by the write (WriteSheetResult.notCarried).
 */
export interface TableCarry {
  /** Header text of the column identifying a row (values compared as trimmed text). */
  key: string;
  /**
   * Header texts of the columns the user fills in (e.g. "Done", "Note"): the builder writes them blank or
   * with a default, and a non-blank value found there on rebuild replaces the new one.
   */
  userColumns?: string[];
  /** Title above the kept rows of customers gone from the table (default "Kept notes"). */
  keptTitle?: string;
  /** Grey line under that title (default: an English explanation). */
  keptNote?: string;
}

/** A rectangle of cells placed with its top-left corner at `at`. */
export interface Block {
  at: CellPosition;
  /** Rows of cells; rows may be shorter than others (missing cells are left empty). */
  rows: Cell[][];
  /** Number format per column of the block, for cells that set none (index 0 = first block column). */
  columnFormats?: (NumberFormat | null | undefined)[];
  /** How many leading rows are header rows (styled "header", excluded from columnFormats). Default 0,
   *  or 1 when `table` is set. */
  headerRows?: number;
  /** Style for every cell of the block that sets none (header rows keep the header style). */
  style?: StyleName | CellStyle;
  /** Make the block an Excel table with header filters. */
  table?: TableOptions;
}

/** Two or three colours from lowest to highest value (e.g. red - yellow - green). */
export interface ColorScaleFormat {
  type: "colorScale";
  range: string;
  colors: [string, string] | [string, string, string];
}

export interface DataBarFormat {
  type: "dataBar";
  range: string;
  color: string;
}

export type CellValueOperator =
  "greaterThan" | "greaterThanOrEqual" | "lessThan" | "lessThanOrEqual" | "equal" | "notEqual" | "between";

/** Highlights cells whose value compares true; operands are numbers or formulas (e.g. "$B$2"). */
export interface CellValueFormat {
  type: "cellValue";
  range: string;
  operator: CellValueOperator;
  /** One operand, two for "between". */
  operands: (number | string)[];
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

export type ConditionalFormat = ColorScaleFormat | DataBarFormat | CellValueFormat;

/**
 * Chart types: column (vertical bars) and bar (horizontal), clustered; line; pie; doughnut; scatter
 * (x/y points joined by lines: a Pareto curve, a tracking plot with numeric x).
 */
export type ChartType = "column" | "bar" | "line" | "pie" | "doughnut" | "scatter";

export interface ChartSeries {
  /** Series name: literal text, or a one-cell range of this sheet given as { ref: "B2" }. */
  name?: string | { ref: string };
  /** Values: a one-row or one-column range of this sheet. */
  values: string;
  /** x values for scatter charts (a range of the same length). Other types use the chart's categories. */
  xValues?: string;
  /** "#RRGGBB"; default the theme colours in order. */
  color?: string;
}

export interface AxisBounds {
  min?: number;
  max?: number;
}

export interface ChartSpec {
  type: ChartType;
  title?: string;
  /** Category labels (one row or column of this sheet) for column/bar/line/pie/doughnut. */
  categories?: string;
  series: ChartSeries[];
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Number format of the value axis (e.g. "percent"). */
  valueFormat?: NumberFormat;
  /** Fixed bounds of the value axis (e.g. 0 to 1 for shares); default automatic. */
  valueAxis?: AxisBounds;
  /** Fixed bounds of the x axis of a scatter chart. */
  xAxis?: AxisBounds;
  /** Legend position; default right, "none" hides it. */
  legend?: "right" | "bottom" | "top" | "none";
  /** Top-left cell of the chart. */
  at: CellPosition;
  /** Size in pixels (at 100 % zoom). */
  width: number;
  height: number;
}

/** A workbook-scoped defined name for a range of this sheet (e.g. an assumption cell used elsewhere). */
export interface NamedRange {
  /** Excel name rules: starts with a letter or _, then letters, digits, _ or .; not a cell address. */
  name: string;
  range: string;
  comment?: string;
}

interface ValidationBase {
  range: string;
  /** Shown when the cell is selected. */
  prompt?: string;
  /** Shown when a wrong value is typed. */
  error?: string;
  allowBlank?: boolean;
}

/** A dropdown: the choices listed literally, or taken from a range of this sheet. */
export interface ListValidation extends ValidationBase {
  type: "list";
  values?: string[];
  source?: string;
}

/** A number between min and max (inclusive); "whole" allows integers only. */
export interface NumberValidation extends ValidationBase {
  type: "decimal" | "whole";
  min?: number;
  max?: number;
}

export type DataValidation = ListValidation | NumberValidation;

/**
 * One generated sheet.
 *
 * `kind` is the sheet's identity across rebuilds ("segments", "benefit-cost"): the workbook finds the sheet
 * to replace by kind, not by name. `name` is the visible name WITHOUT the generated-sheet prefix (the
 * adapter adds the prefix, see GENERATED_SHEET_PREFIX in src/workbook/port.ts).
 */
export interface SheetModel {
  kind: string;
  name: string;
  /**
   * The language of the sheet's words, for what an adapter adds to it (the table of values typed over the
   * report's cells that a refresh keeps); default English.
   */
  language?: "en" | "zh-CN";
  blocks: Block[];
  /** Column widths in characters, index 0 = column A; null/undefined keeps the default width. */
  columnWidths?: (number | null | undefined)[];
  /** Frozen rows at the top and columns at the left. */
  freeze?: { rows: number; cols: number };
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  names?: NamedRange[];
  validations?: DataValidation[];
  /** Merged ranges (the value is the top-left cell's). */
  merges?: string[];
  /** "#RRGGBB" colour of the sheet tab. */
  tabColor?: string;
  /** Default true. */
  showGridLines?: boolean;
  /** Page setup for printing (and PDF export). */
  print?: { orientation?: "portrait" | "landscape"; fitToWidth?: boolean };
  /**
   * The area the model owns, as an A1 range (e.g. "A1:AN200"). When set, rebuilding the sheet replaces
   * only what lies inside it, and whatever the user added outside it (notes, their own formulas, tables
   * below or beside the model) is kept as it is. Without it, a rebuild replaces the whole sheet. Every
   * block, chart anchor, name, validation, conditional format and merge of the model lies inside it; a
   * builder keeps it the same from build to build and tells the user where it ends. (Known limit: the
   * xlsx adapter does not keep data validation the user added outside the footprint.)
   */
  footprint?: string;
}
