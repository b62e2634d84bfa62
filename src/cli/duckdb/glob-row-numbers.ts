/**
 * The rows of a glob's files as the user finds them: DuckDB reads the files as one table (rowid runs
 * through them one after the other), but a row is named by its file and its row in that file, numbered
 * as for a single file (row-numbers.ts: title rows, the header, empty lines DuckDB skips).
 *
 * The report's table of a glob is the files' tables one below the other: its data row r lies in the file
 * whose part holds r, at that file's first row + (r - where the part starts). A file's part runs from its
 * first data row to its last filled row: empty lines and blank rows (`,,`; a Parquet file's rows of
 * NULLs, parquet-blank-rows.ts) above or below them are no rows of that file read alone, nor of the glob,
 * so the report's row counts are the sums of the files'.
 */
import type { DuckDbRowNumbers, RowNumbers } from "./row-numbers";

/** One file of the glob: its name, how many rows DuckDB reads in it, and how they are numbered. */
export interface GlobFileRows {
  name: string;
  rows: number;
  numbers: RowNumbers;
}

interface Part extends GlobFileRows {
  /** DuckDB's rowid of the file's first row. */
  firstRowid: number;
  /** The table's data row of the file's first data row. */
  start: number;
  /** The table's data rows in the file (its first data row to its last filled row). */
  span: number;
}

/** DuckDB's rows `from` to `to` (both included). */
type RowidRange = readonly [from: number, to: number];

export class GlobRowNumbers implements DuckDbRowNumbers {
  private readonly parts: Part[] = [];
  /** The table's first row as the report counts it (the first file's). */
  readonly firstRow: number;

  /** DuckDB's blank rows of a file above its first data row (but the first file's) or below its last filled row. */
  private readonly outside: RowidRange[] = [];

  constructor(files: readonly GlobFileRows[]) {
    let firstRowid = 0;
    let start = 0;
    for (const [k, file] of files.entries()) {
      const { numbers } = file;
      const filled = file.rows - numbers.blankRowsAtEnd;
      const last = filled > 0 ? numbers.fileRow(filled - 1) : numbers.firstRow - 1;
      const span = Math.max(0, last - numbers.firstRow + 1);
      this.parts.push({ ...file, firstRowid, start, span });
      // The first file's rows above its table are the caller's (rowsAboveTable), as for one file.
      const above = k === 0 ? 0 : Math.min(numbers.rowsAboveTable(), file.rows);
      if (above > 0) this.outside.push([firstRowid, firstRowid + above - 1]);
      const below = Math.min(numbers.blankRowsAtEnd, file.rows - above);
      if (below > 0) this.outside.push([firstRowid + file.rows - below, firstRowid + file.rows - 1]);
      firstRowid += file.rows;
      start += span;
    }
    this.firstRow = files[0]?.numbers.firstRow ?? 2;
  }

  inTableSql(rowid: string): string {
    const first = `${rowid} >= ${this.rowsAboveTable()}`;
    if (this.outside.length === 0) return first;
    const ranges = this.outside.map(([from, to]) => `${rowid} BETWEEN ${from} AND ${to}`);
    return `${first} AND NOT (${ranges.join(" OR ")})`;
  }

  leftOutAfter(rowid: number): number {
    return this.outside.reduce((n, [from, to]) => n + Math.max(0, to - Math.max(from, rowid + 1) + 1), 0);
  }

  /** The last part whose first element (by `key`) is at most `at`. */
  private partAt(at: number, key: (p: Part) => number): Part {
    let low = 0;
    let high = this.parts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (key(this.parts[mid]) <= at) low = mid;
      else high = mid - 1;
    }
    return this.parts[low];
  }

  /** The table's data row of DuckDB's row `rowid` (negative above the first file's table). */
  tableRow = (rowid: number): number => {
    const part = this.partAt(rowid, (p) => p.firstRowid);
    return part.start + part.numbers.tableRow(rowid - part.firstRowid);
  };

  /** DuckDB's row `rowid` as a row of the table counted from `firstRow` (not a row of any one file). */
  fileRow(rowid: number): number {
    return this.firstRow + this.tableRow(rowid);
  }

  /** The file and its row of the table's data row `dataRow`. */
  rowPlace = (dataRow: number): { file: string; row: number } => {
    const part = this.partAt(dataRow, (p) => p.start);
    return { file: part.name, row: part.numbers.firstRow + dataRow - part.start };
  };

  rowsAboveTable(): number {
    return this.parts[0]?.numbers.rowsAboveTable() ?? 0;
  }

  /**
   * The empty lines inside the table, which ends at (table counted) row `lastRow`: each file's own (those
   * below its first data row and above its last row), how many, and the table rows of the first `limit`.
   */
  emptyRowsInTable(lastRow: number, limit: number): { count: number; first: number[] } {
    let count = 0;
    const first: number[] = [];
    for (const part of this.parts) {
      const lastInTable = lastRow - this.firstRow - part.start;
      if (lastInTable < 0) break;
      const lastOfFile = part.numbers.firstRow + Math.min(part.span - 1, lastInTable);
      const own = part.numbers.emptyRowsInTable(lastOfFile, limit - first.length);
      count += own.count;
      first.push(...own.first.map((row) => part.start + row));
    }
    return { count, first };
  }
}
