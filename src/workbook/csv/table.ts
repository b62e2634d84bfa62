/**
 * The bytes of a delimited text file -> a RawTable, without any file system: used by readCsvTable (the
 * CLI) and by the task pane's browser preview for a dropped .csv file.
 */
import type { RawTable } from "../../engine/data/table";
import { UserError } from "../../user-error";
import type { SheetRow } from "../backend";
import { collectRawTable, type HeaderSpec } from "../read-table";
import { decodeText, type TextEncodingName } from "./decode";
import { parseDelimitedText, type Delimiter } from "./parse";
import { DELIMITER_CHARACTERS, type TextDelimiter, type TextEncodingChoice } from "../../sheet/text-formats";

/** "comma", "tab", "whitespace": a delimiter as messages name it. */
export function delimiterName(delimiter: Delimiter): string {
  if (delimiter === "whitespace") return "whitespace";
  const entry = Object.entries(DELIMITER_CHARACTERS).find(([, c]) => c === delimiter);
  return entry ? entry[0] : delimiter;
}

const ROW_BATCH = 5_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface CsvTable {
  table: RawTable;
  encoding: TextEncodingName;
  /** Whether the encoding was told apart from the bytes (false: given). */
  encodingDetected: boolean;
  delimiter: Delimiter;
}

/** How to read a text file: its header row, field separator and encoding (each detected when not given). */
export interface CsvReadOptions {
  header?: HeaderSpec;
  delimiter?: TextDelimiter;
  encoding?: TextEncodingChoice;
  /** Told after each batch of the parsed lines is taken into the table: lines so far, lines in all. */
  onRows?: (read: number, total: number) => void;
}

async function* batches(
  rows: string[][],
  onRows?: (read: number, total: number) => void,
): AsyncIterable<SheetRow[]> {
  for (let start = 0; start < rows.length; start += ROW_BATCH) {
    yield rows.slice(start, start + ROW_BATCH).map((cells, i) => ({ row: start + i + 1, cells }));
    onRows?.(Math.min(start + ROW_BATCH, rows.length), rows.length);
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file that is not text is, when it is not: an old or encrypted Excel file, or other binary data
 * (an image, a PDF, a program). Text has no NUL bytes and almost no other control characters, in UTF-8,
 * GBK and (after its byte-order mark) UTF-16 alike. Undefined for text.
 */
function binaryFileKind(bytes: Uint8Array): string | undefined {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return "it is an Excel 97-2003 (.xls) or a password-protected workbook; save it as .xlsx or export it as CSV";
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return undefined;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return "it holds binary data (an image, a PDF or a program?); export the orders as CSV";
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control > head.length / 100
    ? "it holds binary data (an image, a PDF or a program?); export the orders as CSV"
    : undefined;
}

/** `label` names the file in messages ("orders.csv, row 12: ..."). */
export async function csvTableFromBytes(
  bytes: Uint8Array,
  label: string,
  options: CsvReadOptions = {},
): Promise<CsvTable> {
  if (bytes.length === 0) throw new UserError(`${label} is empty (0 bytes)`);
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new UserError(`${label} is a zip file (an .xlsx workbook?), not a CSV file; name it .xlsx`);
  }
  const binary = binaryFileKind(bytes);
  if (binary) throw new UserError(`${label} is not a text (CSV) file: ${binary}`);
  const { text, encoding, detected } = decodeText(bytes, options.encoding);
  const parsed = parseDelimitedText(text, options.delimiter);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new UserError(
      `${label}, row ${p.row}: ${p.message} (read as ${encoding}, fields separated by ${delimiterName(parsed.delimiter)}; ` +
        '--delimiter or --encoding, or "source" in the settings, read it otherwise)',
    );
  }
  const table = await collectRawTable(
    batches(parsed.rows, options.onRows),
    { source: label, place: { file: label }, left: 1 },
    options.header ?? "auto",
  );
  return { table, encoding, encodingDetected: detected, delimiter: parsed.delimiter };
}
