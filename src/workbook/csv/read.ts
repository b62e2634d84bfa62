/**
 * Reads a .csv (or tab- or space-separated .txt) file into the same RawTable the workbook adapters give,
 * with the same header detection (csv/decode.ts for the encoding, csv/parse.ts for the delimiter).
 */
import { inputError, readFailure } from "../../input-errors";
import { promises as fs } from "node:fs";
import path from "node:path";
import { csvTableFromText, decodeCsvBytes, type CsvReadOptions, type CsvTable } from "./table";

export type { CsvTable } from "./table";

/** Larger text files do not fit in one JavaScript string; the message says what to do instead. */
export const MAX_CSV_BYTES = 500 * 1024 * 1024;

export async function readCsvTable(file: string, options: CsvReadOptions = {}): Promise<CsvTable> {
  const label = path.basename(file);
  let bytes: Buffer | undefined;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw inputError("isFolder", { file, expected: "csv" });
    if (stat.size > MAX_CSV_BYTES) {
      throw inputError("csvTooLarge", { file: label, megabytes: Math.round(stat.size / 1024 ** 2) });
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    throw readFailure(file, e, "csv");
  }
  const decoded = decodeCsvBytes(bytes, label, options.encoding);
  // The bytes go before the text is parsed: a file's size less at the peak.
  bytes = undefined;
  return csvTableFromText(decoded, label, options);
}
