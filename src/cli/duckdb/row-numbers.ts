/**
 * The rows of a text file as the in-process reader numbers them, for the rows DuckDB reads. DuckDB skips
 * empty lines; the in-process reader (src/workbook/csv/parse.ts, read-table.ts) counts each as a row,
 * so after the first one DuckDB's row numbers (rowid) fall behind the file's, and the data-quality
 * examples would name the wrong rows. A row is a record: a quoted cell's line breaks do not start a new
 * one, in either reader.
 *
 * The empty records below the header are found by reading the file DuckDB reads (the original, its
 * decompressed text, or the UTF-8 copy) once more: a quick search for two line breaks in a row (native,
 * about 2 GB/s), and only when one is followed by more data, a record-by-record pass that knows quotes.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";

/** Where the data starts in the file DuckDB reads, and how its records are cut. */
export interface DataLines {
  /** The file DuckDB reads (a .gz file is decompressed). */
  file: string;
  /** Physical lines above the first data record (title rows, blank lines, the header's lines). */
  linesAbove: number;
  /** The file row (record) of the header: the first data record is the next one. */
  headerRow: number;
  /** "\n" (also for CRLF) or "\r". */
  lineBreak: "\n" | "\r";
  /** The field separator's byte (a quote opens a quoted cell only at the start of a cell). */
  delimiter: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const CHUNK_BYTES = 1 << 22;

/**
 * The bytes of the file DuckDB reads, a piece at a time (decompressed for a .gz file). A plain file is
 * read into one buffer used again for every piece: the caller keeps nothing of a piece it is given.
 */
async function* piecesOf(file: string): AsyncGenerator<Buffer> {
  if (file.toLowerCase().endsWith(".gz")) {
    const raw = createReadStream(file);
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    raw.on("error", (e) => gunzip.destroy(e));
    try {
      for await (const piece of raw.pipe(gunzip) as AsyncIterable<Buffer>) yield piece;
    } finally {
      raw.destroy();
      gunzip.destroy();
    }
    return;
  }
  const handle = await open(file, "r");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Byte offset just past the first `lines` line breaks of `bytes`, or -1 when it holds fewer. */
function pastLines(bytes: Buffer, lines: number, lineBreak: number): number {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const found = bytes.indexOf(lineBreak, at);
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

/** Whether `bytes` holds anything but line breaks from `from` on. */
function holdsData(bytes: Uint8Array, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== CR && bytes[i] !== LF) return true;
  return false;
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Follows a file's bytes to its end to count its blank rows at the end: the lines after its last line
 * with a value that hold only separators, blanks and quotes (`,,`, `" ",""`). DuckDB reads each as a
 * row whose cells are all blank; the in-process reader leaves them out of the table, as every blank row
 * below the last filled one. Empty lines are not counted: DuckDB skips them. Each piece is searched from
 * its end, so a piece that ends with a value costs a byte or two.
 */
class BlankRowsAtEnd {
  /** No line break since the last byte of a value. */
  private onFilledLine = true;
  /** Lines of blanks ended since the line of the last value. */
  private lines = 0;
  /** The line not yet ended holds blanks (not only its line break). */
  private open = false;

  constructor(
    private readonly lineBreak: number,
    private readonly delimiter: number,
  ) {}

  private blank = (b: number) =>
    b === SPACE || b === TAB || b === QUOTE || b === CR || b === LF || b === this.delimiter;

  feed(piece: Uint8Array): void {
    let from = piece.length - 1;
    while (from >= 0 && this.blank(piece[from])) from--;
    if (from >= 0) {
      this.onFilledLine = true;
      this.lines = 0;
      this.open = false;
    }
    for (let i = from + 1; i < piece.length; i++) {
      const b = piece[i];
      if (b === this.lineBreak) {
        if (this.onFilledLine) this.onFilledLine = false;
        else if (this.open) this.lines++;
        this.open = false;
      } else if (b !== CR && b !== LF && !this.onFilledLine) this.open = true;
    }
  }

  /** The blank rows DuckDB reads below the last line with a value. */
  get rows(): number {
    return this.lines + (this.open ? 1 : 0);
  }
}

/**
 * Whether an empty line may lie between data records: two line breaks in a row ("\n\n", "\n\r\n" or
 * "\r\r", as the file's lines end) below the header, followed by anything but more line breaks (empty lines at the end are no
 * rows in either reader). A quoted cell holding an empty line answers yes too; the exact pass decides.
 */
async function mayHoldEmptyLines(at: DataLines, end: BlankRowsAtEnd): Promise<boolean> {
  const breakByte = at.lineBreak === "\n" ? LF : CR;
  // Decided on the first piece: an empty line of a CRLF file is "\n\r\n", of an LF file "\n\n".
  let needle: string | undefined;
  let linesToSkip = at.linesAbove;
  // The last bytes of the previous chunk: a needle cut between two chunks is found across them.
  let tail = Buffer.alloc(0);
  let emptyLineSeen = false;
  for await (const read of piecesOf(at.file)) {
    end.feed(read);
    let chunk = read;
    if (linesToSkip > 0) {
      const past = pastLines(chunk, linesToSkip, breakByte);
      if (past < 0) {
        for (const b of chunk) if (b === breakByte) linesToSkip--;
        continue;
      }
      // The line break above the data stays: an empty first data line follows it.
      chunk = chunk.subarray(Math.max(0, past - 1));
      linesToSkip = 0;
    }
    if (emptyLineSeen && holdsData(chunk)) return true;
    needle ??= breakByte === CR ? "\r\r" : chunk.includes("\r\n") ? "\n\r\n" : "\n\n";
    const seam = Buffer.concat([tail, chunk.subarray(0, 2)]);
    for (const bytes of [seam, chunk]) {
      const found = bytes.indexOf(needle);
      if (found < 0) continue;
      emptyLineSeen = true;
      if (holdsData(chunk, bytes === chunk ? found : 0)) return true;
    }
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 2)));
  }
  return false;
}

/**
 * The file rows of the empty records below the header and above the last filled one, in order: a record
 * is empty when its line holds nothing but its line break (a CR before LF included); records are cut at
 * line breaks outside quoted cells, as papaparse and DuckDB cut them.
 */
async function emptyRecordRows(at: DataLines, end: BlankRowsAtEnd): Promise<number[]> {
  const breakByte = at.lineBreak === "\n" ? LF : CR;
  const empties: number[] = [];
  let linesToSkip = at.linesAbove;
  let row = at.headerRow + 1;
  let filled = false;
  let inQuotes = false;
  let afterQuote = false;
  let cellStart = true;
  let lastFilled = 0;
  for await (const chunk of piecesOf(at.file)) {
    end.feed(chunk);
    const n = chunk.length;
    let i = 0;
    while (linesToSkip > 0 && i < n) {
      const found = chunk.indexOf(breakByte, i);
      i = found < 0 ? n : found + 1;
      if (found >= 0) linesToSkip--;
    }
    // The next quote and line break at or after i (-1: none left in the chunk), found natively: most
    // lines hold no quote, and are passed over in one search.
    let nextQuote = chunk.indexOf(QUOTE, i);
    let nextBreak = chunk.indexOf(breakByte, i);
    while (i < n) {
      if (nextQuote >= 0 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
      if (nextBreak >= 0 && nextBreak < i) nextBreak = chunk.indexOf(breakByte, i);
      if (inQuotes) {
        // A quoted cell runs to its closing quote, line breaks and all ("" closes and opens again).
        filled = true;
        if (nextQuote < 0) break;
        inQuotes = false;
        afterQuote = true;
        cellStart = false;
        i = nextQuote + 1;
        continue;
      }
      const lineEnd = nextBreak < 0 ? n : nextBreak;
      const quoteFirst = nextQuote >= 0 && nextQuote < lineEnd;
      const stop = quoteFirst ? nextQuote : lineEnd;
      if (stop > i) {
        // A CR before the LF of a CRLF line break is part of the line break, not of the line.
        for (let k = i; !filled && k < stop; k++) filled = chunk[k] !== CR || breakByte === CR;
        cellStart = chunk[stop - 1] === at.delimiter;
        afterQuote = false;
        i = stop;
      }
      if (quoteFirst) {
        // A quote opens a quoted cell at the start of a cell, or right after the quote that closed it.
        if (cellStart || afterQuote) inQuotes = true;
        filled = true;
        cellStart = false;
        afterQuote = false;
        i++;
        continue;
      }
      if (nextBreak < 0) break;
      if (filled) lastFilled = row;
      else empties.push(row);
      row++;
      filled = false;
      cellStart = true;
      afterQuote = false;
      i++;
    }
  }
  if (filled) lastFilled = row;
  // Empty lines at the end are no rows in either reader.
  while (empties.length > 0 && empties[empties.length - 1] > lastFilled) empties.pop();
  return empties;
}

/**
 * The empty records below the header of the file DuckDB reads (see the module's comment), and its blank
 * rows at the end (BlankRowsAtEnd), found in the same pass.
 */
export async function findEmptyRecords(at: DataLines): Promise<{ empties: number[]; blankAtEnd: number }> {
  const breakByte = at.lineBreak === "\n" ? LF : CR;
  // Each pass reads the whole file (the first when it finds no empty line): the last one counts.
  let end = new BlankRowsAtEnd(breakByte, at.delimiter);
  if (!(await mayHoldEmptyLines(at, end))) return { empties: [], blankAtEnd: end.rows };
  end = new BlankRowsAtEnd(breakByte, at.delimiter);
  const empties = await emptyRecordRows(at, end);
  return { empties, blankAtEnd: end.rows };
}

/** DuckDB's rows as the report's table numbers them: one file's (RowNumbers), or a glob's (glob-row-numbers.ts). */
export interface DuckDbRowNumbers {
  /** The table's first row (data row 0), as `fileRow` counts. */
  readonly firstRow: number;
  /** DuckDB's row `rowid` as a row counted like `firstRow`. */
  fileRow(rowid: number): number;
  /** The table's data row of DuckDB's row `rowid` (negative above the table's first row). */
  tableRow: (rowid: number) => number;
  /** DuckDB's rows above the table's first row. */
  rowsAboveTable(): number;
  /** The empty lines DuckDB skipped inside the table (which ends at row `lastRow`): how many, the first `limit`. */
  emptyRowsInTable(lastRow: number, limit: number): { count: number; first: number[] };
  /** A glob's file and row in it of a data row (undefined for one file: its rows are the table's). */
  rowPlace?: (dataRow: number) => { file: string; row: number };
  /**
   * SQL true where DuckDB's row `rowid` (an SQL expression) may be a row of the table: below the rows
   * above its first row, and for a glob not one of a file's blank rows above its first data row or below
   * its last filled row (each file read alone leaves them out). Blank rows below the whole table's last
   * filled row are the caller's to leave out.
   */
  inTableSql(rowid: string): string;
  /** How many of DuckDB's rows after `rowid` inTableSql leaves out (all blank rows). */
  leftOutAfter(rowid: number): number;
}

/**
 * DuckDB's rows (rowid, 0-based, empty records skipped) as the in-process table numbers them: the file
 * row of each, and its index in the in-process table, whose first row is `firstRow` (the first data row
 * that is not blank: blank rows above it and below the last filled row are not in that table).
 */
export class RowNumbers implements DuckDbRowNumbers {
  constructor(
    private readonly headerRow: number,
    readonly firstRow: number,
    /** File rows of the empty records below the header, ascending. */
    private readonly empties: readonly number[] = [],
    /** DuckDB's blank rows below the file's last filled row (found in a text file; 0 otherwise). */
    readonly blankRowsAtEnd = 0,
  ) {}

  inTableSql(rowid: string): string {
    return `${rowid} >= ${this.rowsAboveTable()}`;
  }

  leftOutAfter(): number {
    return 0;
  }

  /** How many empty records lie before the `rowid`-th record DuckDB reads. */
  private emptiesBefore(rowid: number): number {
    // Before empties[k] come empties[k] - (headerRow + 1) - k records DuckDB reads.
    let low = 0;
    let high = this.empties.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.empties[mid] - (this.headerRow + 1) - mid <= rowid) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The file row of DuckDB's row `rowid`. */
  fileRow(rowid: number): number {
    return this.headerRow + 1 + rowid + this.emptiesBefore(rowid);
  }

  /** The in-process table's index of DuckDB's row `rowid` (negative above the table's first row). */
  tableRow = (rowid: number): number => this.fileRow(rowid) - this.firstRow;

  /** How many empty records lie above file row `row`. */
  private emptiesAbove(row: number): number {
    let low = 0;
    let high = this.empties.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.empties[mid] < row) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** DuckDB's rows above the table's first row (blank rows the in-process table leaves out). */
  rowsAboveTable(): number {
    return Math.max(0, this.firstRow - (this.headerRow + 1) - this.emptiesAbove(this.firstRow));
  }

  /**
   * The empty records inside the table, which ends at file row `lastRow`: how many, and the table
   * indexes of the first `limit`.
   */
  emptyRowsInTable(lastRow: number, limit: number): { count: number; first: number[] } {
    const from = this.emptiesAbove(this.firstRow);
    const to = this.emptiesAbove(lastRow);
    const first = this.empties.slice(from, Math.min(to, from + limit)).map((row) => row - this.firstRow);
    return { count: Math.max(0, to - from), first };
  }
}
