/**
 * The rows of a glob's files as the user finds them: DuckDB reads the files as one table (rowid runs
 * through them one after the other), but a row is named by its file and its row in that file, numbered
 * as for a single file (row-numbers.ts: title rows, the header, empty lines DuckDB skips).
 *
 * The report's table of a glob is the files' tables one below the other: its data row r lies in the file
 * whose part holds r, at that file's first row + (r - where the part starts). A file's part runs from its
 * first data row to its last row DuckDB reads (empty lines at a file's end are no rows, as for a single
 * file), so the report's row counts are the sums of the files'.
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
  /** The table's data rows in the file (its first data row to its last row DuckDB reads). */
  span: number;
}

export class GlobRowNumbers implements DuckDbRowNumbers {
  private readonly parts: Part[] = [];
  /** The table's first row as the report counts it (the first file's). */
  readonly firstRow: number;

  constructor(files: readonly GlobFileRows[]) {
    let firstRowid = 0;
    let start = 0;
    for (const file of files) {
      const last = file.rows > 0 ? file.numbers.fileRow(file.rows - 1) : file.numbers.firstRow - 1;
      const span = Math.max(0, last - file.numbers.firstRow + 1);
      this.parts.push({ ...file, firstRowid, start, span });
      firstRowid += file.rows;
      start += span;
    }
    this.firstRow = files[0]?.numbers.firstRow ?? 2;
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
