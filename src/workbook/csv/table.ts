/**
 * The bytes of a delimited text file -> a RawTable, without any file system: used by readCsvTable (the
 * CLI) and by the task pane's browser preview for a dropped .csv file.
 */
import { inputError } from "../../input-errors";
import type { DelimiterWord } from "../../engine/text/reading";
import type { RawTable } from "../../engine/data/table";
import { columnName } from "../../sheet/a1";
import { RawTableCollector, type HeaderSpec, type TitleRow } from "../read-table";
import { decodeText, type DecodedText, type TextEncodingName } from "./decode";
import { streamDelimitedText, type Delimiter, type TextProblem } from "./parse";
import type { UserError } from "../../user-error";
import { DELIMITER_CHARACTERS, type TextDelimiter, type TextEncodingChoice } from "../../sheet/text-formats";

/** "comma", "tab", "whitespace": a delimiter as messages name it. */
export function delimiterName(delimiter: Delimiter): string {
  if (delimiter === "whitespace") return "whitespace";
  const entry = Object.entries(DELIMITER_CHARACTERS).find(([, c]) => c === delimiter);
  return entry ? entry[0] : delimiter;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface CsvTable {
  table: RawTable;
  encoding: TextEncodingName;
  /** Whether the encoding was told apart from the bytes (false: given). */
  encodingDetected: boolean;
  delimiter: Delimiter;
  /** Title lines above a header-less table, left out of it. */
  titleRows: TitleRow[];
}

/** How to read a text file: its header row, field separator and encoding (each detected when not given). */
export interface CsvReadOptions {
  header?: HeaderSpec;
  delimiter?: TextDelimiter;
  encoding?: TextEncodingChoice;
  /** Told after each batch of the parsed lines is taken into the table: lines so far, lines in all. */
  onRows?: (read: number, total: number) => void;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file that is not text is, when it is not: an old or encrypted Excel file, or other binary data
 * (an image, a PDF, a program). Text has no NUL bytes and almost no other control characters, in UTF-8,
 * GBK and (after its byte-order mark) UTF-16 alike. Undefined for text.
 */
function binaryFileKind(bytes: Uint8Array): "csvIsOldExcel" | "csvIsBinary" | undefined {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return "csvIsOldExcel";
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return undefined;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return "csvIsBinary";
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control > head.length / 100 ? "csvIsBinary" : undefined;
}

/** Lines of a text (at least its rows: a quoted field may hold line breaks). */
function lineCount(text: string): number {
  const lineBreak = text.includes("\n") ? "\n" : "\r";
  let lines = 1;
  for (let at = text.indexOf(lineBreak); at >= 0; at = text.indexOf(lineBreak, at + 1)) lines++;
  return lines;
}

/**
 * The text of a delimited file's bytes (see decode.ts), after checking that it is text at all. `label`
 * names the file in messages ("orders.csv, row 12: ...").
 */
export function decodeCsvBytes(bytes: Uint8Array, label: string, given?: TextEncodingChoice): DecodedText {
  if (bytes.length === 0) throw inputError("fileEmpty", { file: label });
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw inputError("csvIsZip", { file: label });
  }
  const binary = binaryFileKind(bytes);
  if (binary) throw inputError(binary, { file: label });
  return decodeText(bytes, given);
}

/**
 * The error of a row the CSV parser cannot read (an unclosed quote, a quote not doubled): the file, its
 * row and column with the column's header, and how the file was read. One message for every reader of
 * text files (the DuckDB path says the same of the same file).
 */
export function textProblemError(
  label: string,
  problem: TextProblem,
  header: string | undefined,
  encoding: TextEncodingName,
  delimiter: Delimiter,
): UserError {
  return inputError("csvRow", {
    file: label,
    row: problem.row,
    ...(problem.column === undefined ? {} : { column: columnName(problem.column) }),
    ...(header ? { header } : {}),
    problem: problem.message,
    parser: problem.code,
    encoding,
    delimiter: delimiterName(delimiter) as DelimiterWord,
  });
}

/** The table of a delimited file's bytes (the task pane's dropped file); see csvTableFromText. */
export async function csvTableFromBytes(
  bytes: Uint8Array,
  label: string,
  options: CsvReadOptions = {},
): Promise<CsvTable> {
  return csvTableFromText(decodeCsvBytes(bytes, label, options.encoding), label, options);
}

/** The table of a delimited file's text (`decodeCsvBytes`); `label` names the file in messages. */
export function csvTableFromText(
  decoded: DecodedText,
  label: string,
  options: CsvReadOptions = {},
): CsvTable {
  const { text, encoding, detected } = decoded;
  // Rows go into the table's columns as they are parsed: the file is never held as an array of rows.
  const collector = new RawTableCollector(
    { source: label, place: { file: label }, left: 1 },
    options.header ?? "auto",
    lineCount(text),
  );
  // A table that cannot be made (no header row) is said after what the parser found wrong, if anything:
  // an unclosed quote explains the rest.
  let failure: unknown;
  const shape = streamDelimitedText(text, options.delimiter, (rows, firstIndex, consumed) => {
    try {
      if (failure === undefined)
        for (let i = 0; i < rows.length; i++) collector.add({ row: firstIndex + i + 1, cells: rows[i] });
    } catch (e) {
      failure = e;
    }
    const read = firstIndex + rows.length;
    // The lines in all are known at the end; until then, estimated from the share of the text parsed.
    options.onRows?.(read, consumed >= text.length ? read : Math.round((read * text.length) / consumed));
  });
  if (shape.problems.length > 0) {
    const p = shape.problems[0];
    const header = p.column === undefined ? undefined : collector.headerAbove(p.row, p.column);
    throw textProblemError(label, p, header, encoding, shape.delimiter);
  }
  if (failure !== undefined) throw failure;
  const table = collector.finish();
  const { titleRows } = collector;
  return { table, encoding, encodingDetected: detected, delimiter: shape.delimiter, titleRows };
}
