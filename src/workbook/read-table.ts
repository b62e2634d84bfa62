/**
 * Turns the rows of a sheet, range or CSV file into a RawTable: finds the header row (which need not be
 * row 1: exports often start with a title and a blank row), collects the cells below it column by column,
 * and drops blank rows at the end (a sheet "used" down to row 1,048,576 by formatting alone costs nothing).
 * Rows arrive in batches and are not kept, so a million-row sheet is read in one pass.
 */
import { inputError } from "../input-errors";
import {
  headerlessName,
  sourceOf,
  type CellValue,
  type RawTable,
  type TablePlace,
  type TitleRow,
} from "../engine/data/table";
import { columnName, columnNames } from "../sheet/a1";
import { UserError } from "../user-error";
import type { SheetRow } from "./backend";

/** How many non-blank rows are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

export type HeaderSpec = "auto" | "none" | number;

export interface TableLocation {
  /** For messages: "orders.xlsx, sheet Orders". */
  source: string;
  /** The same place as parts (file, sheet, table), for messages in another language. */
  place?: TablePlace;
  /** 1-based sheet column of cells[0]. */
  left: number;
  /** Last column to read (1-based), for tables and explicit ranges; default: up to the header's width. */
  right?: number;
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function isBlankRow(cells: CellValue[]): boolean {
  return cells.every(isBlank);
}

const NUMBER_LIKE = /^[-+]?[$€£¥]?\s*\d[\d,.\s]*%?$/;
const DATE_LIKE = /^(\d{4}[-/.年]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})/;

/** Header cells are labels: text that is not a number, a date or an amount written as text. */
function isLabel(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t !== "" && !NUMBER_LIKE.test(t) && !DATE_LIKE.test(t);
}

/**
 * Index (into `rows`) of the first row that looks like a header: every non-blank cell is a distinct label,
 * it has at least 60 % as many filled cells as the widest row scanned (so a title in A1 or a note
 * beside the table is not taken for the header), and most rows below it end where it ends or before (a
 * title cut in two by a comma, "Orders export, Q1 2024", over rows of three fields is a title: the third
 * column would have no header). -1 when none does.
 */
export function findHeaderRow(rows: CellValue[][]): number {
  const filled = rows.map((r) => r.filter((v) => !isBlank(v)).length);
  const widest = Math.max(0, ...filled);
  const needed = Math.max(1, Math.ceil(widest * 0.6));
  const ends = rows.map(lastFilledCell);
  return rows.findIndex((cells, i) => {
    if (filled[i] < needed) return false;
    const labels = cells.filter((v) => !isBlank(v));
    if (!labels.every(isLabel)) return false;
    if (new Set(labels.map((v) => (v as string).trim().toLowerCase())).size !== labels.length) return false;
    const below = ends.slice(i + 1).filter((end) => end > 0);
    return below.filter((end) => end > ends[i]).length * 2 <= below.length;
  });
}

/** 1-based position of a row's last non-blank cell (0 for a blank row). */
function lastFilledCell(cells: CellValue[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (!isBlank(cells[c])) return c + 1;
  return 0;
}

function headerText(v: CellValue): string {
  if (isBlank(v)) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && v !== null) return v.error;
  return String(v).trim();
}

/**
 * Text repeated down a column (customer ids, dates, channels, amounts) is kept ONCE: a 5,000,000-line
 * export holds 35 million cells but only some hundred thousand distinct texts, and a string per cell would
 * cost about 1 GB more. A column whose texts are mostly distinct (order ids) stops being pooled once that is
 * plain, so the pool never costs more than it saves.
 */
class TextPool {
  private pool: Map<string, string> | undefined = new Map();
  private met = 0;

  intern(text: string): string {
    const pool = this.pool;
    if (!pool) return text;
    if (++this.met % POOL_CHECK_EVERY === 0 && pool.size >= POOL_SIZE_CHECKED && pool.size > this.met / 2) {
      this.pool = undefined;
      return text;
    }
    const pooled = pool.get(text);
    if (pooled !== undefined) return pooled;
    const kept = ownCopy(text);
    pool.set(kept, kept);
    return kept;
  }
}

/**
 * A copy of `text` that holds no larger string alive. A parser's field of 13 characters or more is a
 * slice of the whole chunk of text it was cut from (V8), so one pooled e-mail address would keep
 * megabytes of its file in memory; joining and slicing again makes a string of its own.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** How many texts a pool meets between checks of its share of distinct texts. */
const POOL_CHECK_EVERY = 1 << 16;
/** A pool this large is dropped when more than half the texts it met were new (a pool entry costs more than a text). */
const POOL_SIZE_CHECKED = 1 << 17;

/**
 * Collects data rows into columns, holding back blank rows until a non-blank row follows them. Given the
 * rows to expect (at most), the columns are made that long at once and cut to size at the end: columns
 * grown a row at a time are copied again and again, and on millions of rows the copies left behind cost
 * more memory than the columns.
 */
class ColumnCollector {
  readonly columns: CellValue[][];
  private readonly pools: TextPool[];
  private pendingBlankRows = 0;
  private lastRow: number;
  /** Rows in the columns so far. */
  private height = 0;
  firstRow = 0;

  constructor(
    width: number,
    /** Sheet row of the header (the row above the first data row for "none"). */
    readonly headerRow: number,
    expectedRows = 0,
  ) {
    this.columns = Array.from({ length: width }, () => new Array<CellValue>(expectedRows));
    this.pools = Array.from({ length: width }, () => new TextPool());
    this.lastRow = headerRow;
  }

  add(row: SheetRow): void {
    if (row.row <= this.headerRow) return;
    // Rows left out by the reader are blank rows.
    this.pendingBlankRows += row.row - this.lastRow - 1;
    this.lastRow = row.row;
    const cells = row.cells.slice(0, this.columns.length);
    if (isBlankRow(cells)) {
      this.pendingBlankRows++;
      return;
    }
    if (this.firstRow === 0) {
      this.firstRow = row.row;
      this.pendingBlankRows = 0;
    }
    const at = this.height + this.pendingBlankRows;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      for (let r = this.height; r < at; r++) column[r] = null;
      const v = cells[c];
      if (v === undefined || v === "") column[at] = null;
      else column[at] = typeof v === "string" ? this.pools[c].intern(v) : v;
    }
    this.height = at + 1;
    this.pendingBlankRows = 0;
  }

  /** The columns, cut to the rows collected. */
  finish(): CellValue[][] {
    for (const column of this.columns) column.length = this.height;
    return this.columns;
  }
}

/** How a file without a header row is read (shared with the pane's English text). */
export const NO_HEADER_FIX =
  'for a file without one, say so and name its columns: --no-header --columns id,date,amount (or "source": {"header": "none"} and "columns" in the settings)';

export type { TitleRow } from "../engine/data/table";

/** At most this many title rows above a header-less table (a title, a subtitle, an export date...). */
export const MAX_TITLE_ROWS = 5;

/**
 * How many of the first rows of a header-less table are title lines ("Orders export, Q1 2024" above the
 * order lines): narrower than most rows scanned (their last filled cell comes before the usual last
 * column) and without a cell that is a number, which every order line has (its amount, its id). A
 * narrower first row with a number is a line with a value missing, read as an order line (its problem
 * then listed).
 */
function titleRowsAbove(scanned: readonly SheetRow[]): number {
  const widths = scanned.map(lastFilled);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  // The usual width: the most frequent, the wider on a tie.
  const usual = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const hasNumber = (row: SheetRow) =>
    row.cells.some((v) => typeof v === "number" || (typeof v === "string" && NUMBER_LIKE.test(v.trim())));
  let titles = 0;
  while (
    titles < Math.min(MAX_TITLE_ROWS, scanned.length - 1) &&
    widths[titles] < usual &&
    !hasNumber(scanned[titles])
  )
    titles++;
  return titles;
}

function noHeaderError(where: TableLocation, scanned: SheetRow[]): UserError {
  const first = scanned[0]?.row ?? 1;
  const last = scanned[scanned.length - 1]?.row ?? first;
  return new UserError(
    `${where.source}: no header row found in rows ${first}-${last} ` +
      "(a header row has a text title over each column, e.g. Customer ID, Date, Amount); " +
      NO_HEADER_FIX,
    undefined,
    { code: "noHeaderRow", ...sourceOf(where), first, last },
  );
}

/**
 * Reads rows into a RawTable, one row at a time (`add`), then `finish`. `header`: "auto" finds the header
 * row, a number names the sheet row, "none" means every row is data and the columns are called
 * "Column A", "Column B", ...
 */
export class RawTableCollector {
  private readonly scanned: SheetRow[] = [];
  private collector: ColumnCollector | undefined;
  private headers: string[] = [];
  /** Title lines above a header-less table, left out of it (rows above a header row are left out too). */
  titleRows: TitleRow[] = [];
  private sawAnything = false;

  constructor(
    private readonly where: TableLocation,
    private readonly header: HeaderSpec = "auto",
    /** At most how many rows will come (0: not known), so that the columns are made that long at once. */
    private readonly expectedRows = 0,
  ) {}

  add(row: SheetRow): void {
    if (this.collector) {
      this.collector.add(row);
      return;
    }
    if (isBlankRow(row.cells)) return;
    this.sawAnything = true;
    const { scanned, header } = this;
    scanned.push(row);
    if (typeof header === "number" && row.row >= header) {
      const index = scanned.findIndex((r) => r.row === header);
      if (index < 0) throw inputError("headerRowBlank", { ...sourceOf(this.where), row: header });
      this.start(index);
    } else if (header === "auto" && scanned.length >= HEADER_SCAN_ROWS) {
      this.start(this.foundHeader());
    } else if (header === "none" && scanned.length >= HEADER_SCAN_ROWS) {
      this.start(undefined);
    }
  }

  /**
   * The row of the header once it is found (the row above the first data row for "none"): what a reader
   * that skips the rows above the table (the DuckDB path) skips.
   */
  get headerRow(): number | undefined {
    return this.collector?.headerRow;
  }

  /**
   * The header of the 1-based `column` for a problem on sheet row `row`: once the header row is known and
   * lies above that row (undefined otherwise, or for a header-less table's made-up names).
   */
  headerAbove(row: number, column: number): string | undefined {
    if (this.header === "none") return undefined;
    if (this.collector) {
      return this.collector.headerRow < row ? this.headers[column - 1] || undefined : undefined;
    }
    // Still looking for the header among the first rows: the row it would be.
    const cells = this.scanned.map((r) => r.cells);
    const index =
      typeof this.header === "number"
        ? this.scanned.findIndex((r) => r.row === this.header)
        : findHeaderRow(cells);
    if (index < 0 || this.scanned[index].row >= row) return undefined;
    return headerText(cells[index][column - 1]) || undefined;
  }

  finish(): RawTable {
    const { where, header } = this;
    if (!this.sawAnything) {
      throw new UserError(`${where.source} is empty: no cell has a value`, undefined, {
        code: "emptySheet",
        ...sourceOf(where),
      });
    }
    if (!this.collector) {
      if (header === "auto") this.start(this.foundHeader());
      else if (header === "none") this.start(undefined);
      else throw inputError("headerRowBlank", { ...sourceOf(where), row: header as number });
    }
    const done = this.collector as ColumnCollector;
    return {
      ...sourceOf(where),
      headers: this.headers,
      columns: done.finish(),
      firstRow: done.firstRow || done.headerRow + 1,
      columnLabels: columnNames(this.headers.length, where.left),
      ...(this.titleRows.length > 0 ? { titleRows: this.titleRows } : {}),
    };
  }

  private foundHeader(): number {
    const index = findHeaderRow(this.scanned.map((r) => r.cells));
    if (index < 0) throw noHeaderError(this.where, this.scanned);
    return index;
  }

  private start(headerIndex: number | undefined): void {
    const { scanned, where } = this;
    // A header-less table starts below its title lines.
    const titles = headerIndex === undefined ? titleRowsAbove(scanned) : 0;
    this.titleRows = scanned.slice(0, titles).map((r) => ({
      row: r.row,
      text: r.cells
        .filter((v) => !isBlank(v))
        .map(headerText)
        .join(" "),
    }));
    const headerRow = headerIndex === undefined ? (scanned[titles]?.row ?? 1) - 1 : scanned[headerIndex].row;
    if (headerIndex === undefined) {
      const data = scanned.slice(titles);
      const width = where.right ? where.right - where.left + 1 : Math.max(0, ...data.map(lastFilled));
      this.headers = Array.from({ length: width }, (_, c) => headerlessName(columnName(where.left + c)));
    } else {
      const cells = scanned[headerIndex].cells;
      const width = where.right ? where.right - where.left + 1 : lastFilled(scanned[headerIndex]);
      this.headers = Array.from({ length: width }, (_, c) => headerText(cells[c]));
    }
    const collector = new ColumnCollector(this.headers.length, headerRow, this.expectedRows);
    for (const r of scanned) collector.add(r);
    this.collector = collector;
    // The rows scanned for the header are in the columns now.
    scanned.length = 0;
  }
}

/** A RawTable of the rows of `batches` (see RawTableCollector). */
export async function collectRawTable(
  batches: AsyncIterable<SheetRow[]>,
  where: TableLocation,
  header: HeaderSpec = "auto",
): Promise<RawTable> {
  const collector = new RawTableCollector(where, header);
  for await (const batch of batches) for (const row of batch) collector.add(row);
  return collector.finish();
}

function lastFilled(row: SheetRow): number {
  return lastFilledCell(row.cells);
}
