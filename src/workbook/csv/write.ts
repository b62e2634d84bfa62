/**
 * CSV for machine-readable outputs (exports of customers, alerts, ...), safe to open in a spreadsheet.
 *
 * Formula injection: a text value that starts with =, +, -, @, tab or CR would be run as a formula (or a
 * DDE command) by Excel, LibreOffice or Google Sheets when the CSV is opened. Such TEXT values are written
 * with a leading apostrophe ('=HYPERLINK(...)), the convention OWASP recommends. We chose the apostrophe
 * over a leading tab because importers trim leading whitespace (which would reopen the hole) while the
 * apostrophe survives every importer, is visible to a person, and can be removed by a program that knows
 * the convention (drop a leading ' when the next character is one of = + - @ tab CR). Numbers are written
 * as numbers, so -5 stays -5; only text is ever prefixed.
 *
 * Fields are quoted when needed (RFC 4180), lines end with CRLF, and the file starts with a UTF-8 byte
 * order mark by default so that Excel shows Chinese text correctly.
 */
import { isFormulaLike } from "../../sheet/sheet-model-cells";
import { writeFileAtomically } from "../atomic-write";
import { isCellError, type CellValue, type RawTable } from "../../engine/data/table";

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
  delimiter?: "," | ";" | "\t";
}

/** A text value made safe: prefixed with ' when a spreadsheet would take it for a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

function field(value: CsvValue, delimiter: string): string {
  let text: string;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else if (value instanceof Date) {
    const iso = value.toISOString();
    text = iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  } else text = neutraliseFormula(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvValue[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const body = rows.map((r) => r.map((v) => field(v, delimiter)).join(delimiter)).join("\r\n");
  return (options.bom === false ? "" : "\uFEFF") + body + (rows.length ? "\r\n" : "");
}

/** Writes the CSV file atomically (a temporary file renamed over the target). */
export async function writeCsvFile(
  file: string,
  rows: CsvValue[][],
  options: CsvOptions = {},
): Promise<void> {
  await writeFileAtomically(file, Buffer.from(toCsv(rows, options), "utf8"));
}

/** A refund's amount is the text "-12.30": written as the number, not as text the CSV writer would escape. */
function csvValueOf(value: CellValue): CsvValue {
  if (typeof value === "string" && /^-\d+(\.\d+)?$/.test(value)) return Number(value);
  return isCellError(value) ? value.error : value;
}

/** Writes a table (header row, then its rows) as a CSV file, as the demo writes its orders. */
export async function writeTableCsv(file: string, table: RawTable): Promise<void> {
  const rows = (table.columns[0] ?? []).map((_, r) => table.columns.map((c) => csvValueOf(c[r])));
  await writeCsvFile(file, [table.headers, ...rows]);
}
