/**
 * Text files as DuckDB is to read them, decided as the CLI's own text reader (src/workbook/csv/ and the
 * header search of src/workbook/read-table.ts) decides, so that both read the same table:
 *
 * - The encoding: a byte-order mark, else UTF-8 when the whole file is valid UTF-8, else the legacy
 *   encoding (GBK, Big5, Windows-1252) the statistics of a megabyte from the first line that is not
 *   ASCII choose, wherever that line is (decode.ts; streamed here). The first megabyte is
 *   checked here; DuckDB checks the rest as it reads, and a file it finds not to be UTF-8 further down is
 *   read again through a copy (`notUtf8`, see engine-choice.ts).
 * - The separator and the header row, from the first megabyte as the in-process reader finds them: a
 *   header need not be on row 1 (exports start with a title and a blank row), and the lines above it are
 *   skipped. A header-less file's columns are named "Column A", ... as in process.
 * - Compressed (.gz) files are decided on their decompressed first megabyte.
 * - A file DuckDB cannot read as it is (another encoding, columns aligned with runs of blanks) is
 *   streamed once into a UTF-8 copy in the session's temporary folder (tab-separated when its columns
 *   were aligned, every line kept, uncompressed), which DuckDB reads instead.
 * - A glob's files are read as one table: they must have the same separator, header row and headers,
 *   and each is decided (and, if need be, copied) on its own.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { isAscii } from "node:buffer";
import {
  decodeText,
  legacyEncodingOfSample,
  legacySampleStart,
  SAMPLE_BYTES,
  textDecoderOf,
  type TextEncodingName,
} from "../../workbook/csv/decode";
import {
  firstTextProblem,
  parseDelimitedText,
  streamTextPieces,
  type Delimiter,
  type TextProblem,
} from "../../workbook/csv/parse";
import { delimiterName, textProblemError, type CsvReadOptions } from "../../workbook/csv/table";
import { HEADER_SCAN_ROWS, RawTableCollector, type TitleRow } from "../../workbook/read-table";
import { inputError, readFailure } from "../../input-errors";
import type { UserError } from "../../user-error";
import type { DuckDbSession } from "./session";
import type { DataLines } from "./row-numbers";
import { formatOf, isGlob, type OrderFileFormat } from "./order-files";

/** How the in-process reader would read one text file. */
export interface TextLayout {
  file: string;
  encoding: TextEncodingName;
  /** Whether the encoding was told apart from the bytes (false: given with --encoding). */
  encodingDetected: boolean;
  delimiter: Delimiter;
  /** Lines above the header row (or above the first row of a header-less file), skipped. */
  skip: number;
  /** The file row of the header (of the row above the first data row without one), as the in-process reader counts. */
  headerRow: number;
  /** Physical lines above the first data row: `skip` and the header's lines. */
  linesAbove: number;
  /** How lines end ("\n" also for CRLF). */
  lineBreak: "\n" | "\r";
  /** The columns' names: the header row's texts, or "Column A", ... without one. */
  headers: string[];
  /**
   * Cells in the widest row of the first megabyte (at or below the header): DuckDB must be told of them
   * all, where the in-process table keeps only `headers.length` (up to the header's last title).
   */
  width: number;
  /** The file's row of the first data row. */
  firstRow: number;
  /** Whether DuckDB reads a UTF-8 copy (another encoding, aligned columns, invalid UTF-8 further down). */
  copied: boolean;
  /** Title lines above a header-less table, skipped as the in-process reader leaves them out. */
  titleRows: TitleRow[];
  /** Whether a quoted cell of the first megabyte holds a line break (DuckDB then reads the file by one thread). */
  quotedLineBreaks: boolean;
}

/** The first megabyte (and a byte, to tell a file that goes on), on which the separator and header are found. */
const HEAD_BYTES = SAMPLE_BYTES + 1;

const isGzip = (file: string) => file.toLowerCase().endsWith(".gz");

/** The file's bytes as a stream, decompressed when it is a .gz file. */
function fileBytes(file: string, highWaterMark?: number): { stream: Readable; close: () => void } {
  const raw = createReadStream(file, highWaterMark ? { highWaterMark } : {});
  if (!isGzip(file)) return { stream: raw, close: () => raw.destroy() };
  const gunzip = createGunzip();
  raw.on("error", (e) => gunzip.destroy(e));
  return {
    stream: raw.pipe(gunzip),
    close: () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

function unreadable(file: string, e: unknown): UserError {
  const label = path.basename(file);
  if ((e as NodeJS.ErrnoException).code === "Z_DATA_ERROR") return inputError("notGzip", { file: label });
  return readFailure(label, e);
}

/** The first HEAD_BYTES bytes of the file's text (decompressed), fewer when the file is shorter. */
async function headBytes(file: string): Promise<Uint8Array> {
  const { stream, close } = fileBytes(file);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= HEAD_BYTES) break;
    }
  } catch (e) {
    throw unreadable(file, e);
  } finally {
    close();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

/**
 * The legacy encoding the in-process reader chooses for the whole file (decode.ts), streamed: decided on
 * a megabyte from the line of the first byte that is not ASCII, wherever it is (chunks of plain ASCII
 * are passed over natively).
 */
async function legacyEncodingOfFile(file: string): Promise<TextEncodingName> {
  const { stream, close } = fileBytes(file);
  // Before the first byte that is not ASCII: the bytes since the last line break.
  let line: Buffer = Buffer.alloc(0);
  let sample: Buffer | undefined;
  try {
    for await (const read of stream) {
      const chunk = read as Buffer;
      if (sample) sample = Buffer.concat([sample, chunk]);
      else if (isAscii(chunk)) {
        const lineBreak = Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d));
        line = lineBreak < 0 ? Buffer.concat([line, chunk]) : chunk.subarray(lineBreak + 1);
        continue;
      } else {
        const joined = Buffer.concat([line, chunk]);
        sample = joined.subarray(legacySampleStart(joined));
      }
      if (sample.length > SAMPLE_BYTES) break;
    }
  } catch (e) {
    throw unreadable(file, e);
  } finally {
    close();
  }
  return legacyEncodingOfSample((sample ?? line).subarray(0, SAMPLE_BYTES + 1));
}

/** The head cut after its last complete line when the file goes on (a character is never cut). */
function wholeLines(head: Uint8Array): Uint8Array {
  if (head.length < HEAD_BYTES) return head;
  const lastNewline = head.lastIndexOf(0x0a);
  return head.subarray(0, lastNewline > 0 ? lastNewline + 1 : head.length);
}

const isUtf8 = (encoding: TextEncodingName) => encoding === "utf-8" || encoding === "utf-8-bom";

/** Line breaks inside the cells of rows (a quoted cell may hold some): lines DuckDB skips beyond the rows. */
const breaksInside = (rows: string[][]) =>
  rows.reduce(
    (n, cells) => n + cells.reduce((m, cell) => m + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
    0,
  );

/**
 * Characters parsed for the separator and the header row: whole lines past the 64 K characters the
 * in-process reader decides the separator on (parse.ts), which hold the rows its header search reads
 * (HEADER_SCAN_ROWS) unless they are very wide; then the whole first megabyte is parsed. A glob of a
 * year of daily files is decided file by file, so this is kept short.
 */
const PARSED_CHARACTERS = 1 << 17;

/** The first rows of the head's text, parsed as the in-process reader parses the file. */
function firstRows(text: string, csv: CsvReadOptions) {
  const cut = text.lastIndexOf("\n", PARSED_CHARACTERS);
  if (text.length > PARSED_CHARACTERS && cut > 0) {
    const parsed = parseDelimitedText(text.slice(0, cut + 1), csv.delimiter);
    const filled = parsed.rows.filter((cells) => cells.some((cell) => cell.trim() !== "")).length;
    if (filled > HEADER_SCAN_ROWS) return parsed;
  }
  return parseDelimitedText(text, csv.delimiter);
}

/**
 * How the in-process reader reads the file, from its first megabyte. `notUtf8`: DuckDB found bytes that
 * are not UTF-8 further down (the in-process reader then reads the whole file in the legacy encoding its
 * lines that are not ASCII suggest; with a byte-order mark or a given encoding, as UTF-8 with the bad bytes
 * replaced).
 */
export async function textLayout(file: string, csv: CsvReadOptions, notUtf8 = false): Promise<TextLayout> {
  const label = path.basename(file);
  const raw = await headBytes(file);
  if (raw.length === 0) throw inputError("fileEmpty", { file: label });
  const head = wholeLines(raw);
  const guessed = decodeText(head, csv.encoding);
  const encoding =
    guessed.detected && (!isUtf8(guessed.encoding) || (notUtf8 && guessed.encoding === "utf-8"))
      ? await legacyEncodingOfFile(file)
      : guessed.encoding;
  const text = encoding === guessed.encoding ? guessed.text : textDecoderOf(encoding).decode(head);
  const parsed = firstRows(text, csv);
  const collector = new RawTableCollector({ source: label, place: { file: label }, left: 1 }, csv.header);
  parsed.rows.forEach((cells, i) => collector.add({ row: i + 1, cells }));
  const table = collector.finish();
  const headerRow = collector.headerRow ?? 0;
  const rowsAbove = csv.header === "none" ? headerRow : headerRow - 1;
  const skip = rowsAbove + breaksInside(parsed.rows.slice(0, rowsAbove));
  const aligned = parsed.delimiter === "whitespace";
  return {
    file,
    encoding,
    encodingDetected: guessed.detected,
    delimiter: parsed.delimiter,
    skip,
    headerRow,
    linesAbove:
      skip + (headerRow > rowsAbove ? 1 + breaksInside(parsed.rows.slice(rowsAbove, headerRow)) : 0),
    // A copy of aligned columns ends its lines with "\n"; any other copy keeps the file's line breaks.
    lineBreak: aligned || text.includes("\n") ? "\n" : "\r",
    headers: table.headers,
    width: Math.max(table.headers.length, ...parsed.rows.slice(rowsAbove).map((cells) => cells.length)),
    firstRow: table.firstRow,
    copied: notUtf8 || !isUtf8(encoding) || aligned,
    titleRows: collector.titleRows,
    quotedLineBreaks: breaksInside(parsed.rows) > 0,
  };
}

/** The in-process reader's error for a row it cannot parse, its column named by its header. */
function problemError(
  layout: TextLayout,
  label: string,
  csv: CsvReadOptions,
  problem: TextProblem,
): UserError {
  const { column, row } = problem;
  const named = csv.header !== "none" && column !== undefined && layout.headerRow < row;
  const header = named ? layout.headers[column - 1] || undefined : undefined;
  return textProblemError(label, problem, header, layout.encoding, layout.delimiter);
}

/**
 * The in-process reader's error for the first row of the file it cannot parse (a quote not doubled, a
 * quoted cell never closed), or undefined when it can parse every row. `label` names the file. Asked
 * when DuckDB has failed to read the file: the whole file is parsed as the in-process reader parses it
 * (read and decoded a piece at a time, up to that row), so that both readers refuse the same files with
 * the same message, whatever DuckDB's own words.
 */
export async function textProblemOf(
  layout: TextLayout,
  label: string,
  csv: CsvReadOptions,
): Promise<UserError | undefined> {
  const { delimiter } = layout;
  // Aligned columns are split on blanks: a quote there is a character like any other.
  if (delimiter === "whitespace") return undefined;
  const decoder = textDecoderOf(layout.encoding);
  const { stream, close } = fileBytes(layout.file);
  async function* pieces(): AsyncGenerator<string> {
    for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
  }
  try {
    const problem = await firstTextProblem(pieces(), delimiter);
    return problem && problemError(layout, label, csv, problem);
  } catch (e) {
    throw unreadable(layout.file, e);
  } finally {
    close();
  }
}

/** Splits a line of aligned columns as the in-process reader does (parseDelimitedText). */
const alignedFields = (line: string) => (line.trim() === "" ? "" : line.trim().split(/\s+/).join("\t"));

/**
 * Streams the file once into a UTF-8 copy in `dir` (every line kept; aligned columns separated by tabs)
 * and returns the copy's path. `name` makes the copy's name unique among a glob's files.
 */
export async function utf8Copy(layout: TextLayout, dir: string, name: string): Promise<string> {
  const copy = path.join(dir, `${name}.utf8.txt`);
  const out = createWriteStream(copy);
  const decoder = textDecoderOf(layout.encoding);
  const aligned = layout.delimiter === "whitespace";
  let pending = "";
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  const convert = (piece: string, last: boolean): string => {
    if (!aligned) return piece;
    const lines = (pending + piece).split(/\r\n|\n|\r/);
    pending = lines.pop() ?? "";
    if (last && pending !== "") lines.push(pending);
    return lines.map((l) => `${alignedFields(l)}\n`).join("");
  };
  const { stream, close } = fileBytes(layout.file);
  try {
    for await (const chunk of stream) {
      await write(convert(decoder.decode(chunk as Buffer, { stream: true }), false));
    }
  } catch (e) {
    throw unreadable(layout.file, e);
  } finally {
    close();
  }
  await write(convert(decoder.decode(), true));
  out.end();
  await once(out, "finish");
  return copy;
}

const SPACE = 0x20;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Whether a cell of the file may start with one space and a quote (`7, "Bob",5`), or a quoted cell be
 * followed by one (`"Bob" "Lee"`). DuckDB's reader takes that space for no part of the cell and the quote
 * for an opening one (Bob; Bob Lee), where the in-process reader, as Excel, reads a cell as quoted only
 * when its first character is a quote (` "Bob"`, its space and quotes kept) and refuses text after a
 * closing quote. The bytes are searched natively for a space and a quote after a separator, a line break,
 * a quote or the file's start; a hit inside a quoted cell answers yes too (the copy then made is exact
 * all the same).
 */
export async function quoteAfterSpace(file: string, delimiter: number): Promise<boolean> {
  const { stream, close } = fileBytes(file, 1 << 22);
  const opensCell = (b: number) => b === delimiter || b === CR || b === LF || b === QUOTE;
  const hit = (bytes: Buffer, from: number) => {
    for (let at = bytes.indexOf(SPACE_QUOTE, from); at >= 0; at = bytes.indexOf(SPACE_QUOTE, at + 1)) {
      if (at > 0 && opensCell(bytes[at - 1])) return true;
    }
    return false;
  };
  // The last two bytes before the piece (a line break at the file's start, where a cell opens): a space
  // and a quote cut between two pieces are found across them.
  let tail = Buffer.from([LF]);
  try {
    for await (const read of stream) {
      const piece = read as Buffer;
      if (hit(Buffer.concat([tail, piece.subarray(0, 2)]), 0) || hit(piece, 1)) return true;
      tail = Buffer.concat([tail, piece.subarray(Math.max(0, piece.length - 2))]).subarray(-2);
    }
  } catch (e) {
    throw unreadable(file, e);
  } finally {
    close();
  }
  return false;
}

const SPACE_QUOTE = Buffer.from([SPACE, QUOTE]);

/**
 * Thrown when the file DuckDB would read holds a space and a quote where the two readers part
 * (quoteAfterSpace): it is read again through a copy written from the in-process reading (requotedCopy).
 */
export class QuotesNeedCopy extends Error {
  constructor(readonly file: string) {
    super(`${file}: a space before a quote; read through a copy`);
  }
}

/** A cell as CSV writes it: quoted (its quotes doubled) when it holds a quote, the separator or a line break. */
function csvCell(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Streams the file once into a UTF-8 copy in `dir` written from the in-process reader's rows: every
 * record on a line of its own (a quoted cell's line breaks kept in it, blank lines kept), each cell
 * quoted as CSV quotes it, a data row's cells right of the table's columns left out, so that DuckDB
 * reads the cells the in-process reader reads. A row that
 * reader cannot parse is refused with its message, as it refuses it. Returns the copy's path.
 */
export async function requotedCopy(
  layout: TextLayout,
  dir: string,
  name: string,
  label: string,
  csv: CsvReadOptions,
): Promise<string> {
  const { delimiter } = layout;
  if (delimiter === "whitespace") throw new Error("requotedCopy: aligned columns have no quotes");
  const copy = path.join(dir, `${name}.requoted.csv`);
  const out = createWriteStream(copy);
  const decoder = textDecoderOf(layout.encoding);
  const { stream, close } = fileBytes(layout.file);
  let lines: string[] = [];
  let writing = Promise.resolve();
  async function* pieces(): AsyncGenerator<string> {
    for await (const chunk of stream) {
      // The copy is written as fast as it is parsed, no faster: what is not written yet waits here.
      await writing;
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    yield decoder.decode();
  }
  let problems;
  try {
    problems = await streamTextPieces(
      pieces(),
      delimiter,
      (rows, firstIndex) => {
        rows.forEach((cells, k) => {
          // A data row's cells right of the table's columns are left out, as the in-process table leaves them.
          const kept = firstIndex + k + 1 > layout.headerRow ? cells.slice(0, layout.headers.length) : cells;
          lines.push(kept.map((c) => csvCell(c, delimiter)).join(delimiter));
        });
        if (lines.length >= 10_000) {
          const text = `${lines.join("\n")}\n`;
          lines = [];
          writing = writing.then(async () => {
            if (!out.write(text)) await once(out, "drain");
          });
        }
      },
      true,
    );
    await writing;
  } catch (e) {
    throw unreadable(layout.file, e);
  } finally {
    close();
  }
  if (lines.length > 0 && !out.write(`${lines.join("\n")}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  if (problems.length > 0) throw problemError(layout, label, csv, problems[0]);
  return copy;
}

/** The separator DuckDB is told: a copy of aligned columns is tab-separated. */
export const duckDbDelimiter = (layout: TextLayout) =>
  layout.delimiter === "whitespace" ? "\t" : layout.delimiter;

/** Where the data of `layout`'s file starts in `readFrom`, the file DuckDB reads (itself or its copy). */
export const dataLinesOf = (layout: TextLayout, readFrom: string): DataLines => ({
  file: readFrom,
  linesAbove: layout.linesAbove,
  headerRow: layout.headerRow,
  lineBreak: layout.lineBreak,
  delimiter: duckDbDelimiter(layout).charCodeAt(0),
});

/** The files of a glob, in the order DuckDB lists them (by name). */
export async function globbedFiles(db: DuckDbSession, pattern: string): Promise<string[]> {
  const found = await db.columns(`SELECT file FROM glob('${pattern.replace(/'/g, "''")}') ORDER BY file`);
  const files = found.file as string[];
  if (files.length === 0) throw inputError("duckDbGlobEmpty", { pattern });
  return files;
}

/**
 * The kind of the files a pattern names: by its extension, or for a glob without one (`orders/*.csv*`,
 * which names .csv and .csv.gz files alike) by the files it names, which must all be Parquet or all text.
 */
export async function inputFormat(db: DuckDbSession, pattern: string): Promise<OrderFileFormat> {
  const own = formatOf(pattern);
  if (own) return own;
  if (!isGlob(pattern)) throw inputError("duckDbFileType", { file: path.basename(pattern) });
  const files = await globbedFiles(db, pattern);
  const kinds = files.map((file) => formatOf(file));
  const unknown = kinds.indexOf(null);
  if (unknown >= 0) throw inputError("duckDbFileType", { file: path.basename(files[unknown]) });
  const parquet = kinds.indexOf("parquet");
  const text = kinds.indexOf("csv");
  if (parquet >= 0 && text >= 0) {
    throw inputError("duckDbGlobMixed", {
      pattern,
      parquet: path.basename(files[parquet]),
      text: path.basename(files[text]),
    });
  }
  return parquet >= 0 ? "parquet" : "csv";
}

/** A glob's files are read as one table: the same separator, header row and headers in each. */
export function checkAlike(pattern: string, layouts: readonly TextLayout[]): void {
  const [first, ...rest] = layouts;
  const name = (l: TextLayout) => path.basename(l.file);
  for (const other of rest) {
    const unlike = (aspect: "separator" | "headerLine" | "columns", a: string, b: string) =>
      inputError("duckDbGlobUnlike", {
        pattern,
        file: name(first),
        other: name(other),
        aspect,
        first: a,
        second: b,
      });
    const word = (l: TextLayout) => delimiterName(l.delimiter);
    if (duckDbDelimiter(other) !== duckDbDelimiter(first))
      throw unlike("separator", word(first), word(other));
    if (other.skip !== first.skip) throw unlike("headerLine", String(first.skip + 1), String(other.skip + 1));
    if (other.headers.join("\u0000") !== first.headers.join("\u0000")) {
      throw unlike("columns", first.headers.join(", "), other.headers.join(", "));
    }
  }
}
