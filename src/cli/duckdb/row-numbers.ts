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
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

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

function bytesOf(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  if (!file.toLowerCase().endsWith(".gz")) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on("error", (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
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

/**
 * Whether an empty line may lie between data records: two line breaks in a row ("\n\n", "\n\r\n" or
 * "\r\r") below the header, followed by anything but more line breaks (empty lines at the end are no
 * rows in either reader). A quoted cell holding an empty line answers yes too; the exact pass decides.
 */
async function mayHoldEmptyLines(at: DataLines): Promise<boolean> {
  const needles = at.lineBreak === "\n" ? ["\n\n", "\n\r\n"] : ["\r\r"];
  const breakByte = at.lineBreak === "\n" ? LF : CR;
  let linesToSkip = at.linesAbove;
  // The last bytes of the previous chunk: a needle cut between two chunks is found across them.
  let tail = Buffer.alloc(0);
  let emptyLineSeen = false;
  const stream = bytesOf(at.file);
  try {
    for await (const read of stream as AsyncIterable<Buffer>) {
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
      const seam = Buffer.concat([tail, chunk.subarray(0, 2)]);
      for (const bytes of [seam, chunk]) {
        for (const needle of needles) {
          const found = bytes.indexOf(needle);
          if (found < 0) continue;
          emptyLineSeen = true;
          if (holdsData(chunk, bytes === chunk ? found : 0)) return true;
        }
      }
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 2)));
    }
  } finally {
    stream.destroy();
  }
  return false;
}

/**
 * The file rows of the empty records below the header and above the last filled one, in order: a record
 * is empty when its line holds
 * nothing but its line break (a CR before LF included); records are cut at line breaks outside quoted
 * cells, as papaparse and DuckDB cut them.
 */
async function emptyRecordRows(at: DataLines): Promise<number[]> {
  const breakByte = at.lineBreak === "\n" ? LF : CR;
  const empties: number[] = [];
  let linesToSkip = at.linesAbove;
  let row = at.headerRow + 1;
  let recordBytes = 0;
  let inQuotes = false;
  let afterQuote = false;
  let cellStart = true;
  let lastFilled = 0;
  const stream = bytesOf(at.file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let i = 0;
      for (; linesToSkip > 0 && i < chunk.length; i++) if (chunk[i] === breakByte) linesToSkip--;
      for (; i < chunk.length; i++) {
        const b = chunk[i];
        if (inQuotes) {
          if (b === QUOTE) {
            inQuotes = false;
            afterQuote = true;
          }
          recordBytes++;
          continue;
        }
        if (b === breakByte) {
          if (recordBytes === 0) empties.push(row);
          else lastFilled = row;
          row++;
          recordBytes = 0;
          cellStart = true;
          afterQuote = false;
          continue;
        }
        // A CR before the LF of a CRLF line break is part of the line break.
        if (b === CR && breakByte === LF) continue;
        // "" in a quoted cell is a quote: the cell goes on.
        if (b === QUOTE && (cellStart || afterQuote)) inQuotes = true;
        cellStart = b === at.delimiter;
        afterQuote = false;
        recordBytes++;
      }
    }
  } finally {
    stream.destroy();
  }
  if (recordBytes > 0) lastFilled = row;
  // Empty lines at the end are no rows in either reader.
  while (empties.length > 0 && empties[empties.length - 1] > lastFilled) empties.pop();
  return empties;
}

/** The empty records below the header of the file DuckDB reads (see the module's comment). */
export async function findEmptyRecords(at: DataLines): Promise<number[]> {
  return (await mayHoldEmptyLines(at)) ? emptyRecordRows(at) : [];
}

/**
 * DuckDB's rows (rowid, 0-based, empty records skipped) as the in-process table numbers them: the file
 * row of each, and its index in the in-process table, whose first row is `firstRow` (the first data row
 * that is not blank: blank rows above it and below the last filled row are not in that table).
 */
export class RowNumbers {
  constructor(
    private readonly headerRow: number,
    readonly firstRow: number,
    /** File rows of the empty records below the header, ascending. */
    private readonly empties: readonly number[] = [],
  ) {}

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
