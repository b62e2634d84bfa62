/**
 * Reads a .csv (or tab- or space-separated .txt) file into the same RawTable the workbook adapters give,
 * with the same header detection (csv/decode.ts for the encoding, csv/parse.ts for the delimiter).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { RawTable } from "../../engine/data/table";
import { UserError } from "../../user-error";
import type { SheetRow } from "../backend";
import { collectRawTable, type HeaderSpec } from "../read-table";
import { decodeText, type TextEncodingName } from "./decode";
import { parseDelimitedText, type Delimiter } from "./parse";

/** Larger text files do not fit in one JavaScript string; the message says what to do instead. */
export const MAX_CSV_BYTES = 500 * 1024 * 1024;
const ROW_BATCH = 5_000;

export interface CsvTable {
  table: RawTable;
  encoding: TextEncodingName;
  delimiter: Delimiter;
}

async function* batches(rows: string[][]): AsyncIterable<SheetRow[]> {
  for (let start = 0; start < rows.length; start += ROW_BATCH) {
    yield rows.slice(start, start + ROW_BATCH).map((cells, i) => ({ row: start + i + 1, cells }));
  }
}

export async function readCsvTable(file: string, options: { header?: HeaderSpec } = {}): Promise<CsvTable> {
  const label = path.basename(file);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UserError(`${file} is a folder, not a CSV file`);
    if (stat.size > MAX_CSV_BYTES) {
      throw new UserError(
        `${label} is ${Math.round(stat.size / 1024 ** 2)} MB, more than the 500 MB this tool reads; split it`,
      );
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new UserError(`${file} does not exist`);
    throw e;
  }
  if (bytes.length === 0) throw new UserError(`${label} is empty (0 bytes)`);
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\u0003\u0004", "latin1"))) {
    throw new UserError(`${label} is a zip file (an .xlsx workbook?), not a CSV file; name it .xlsx`);
  }
  const { text, encoding } = decodeText(bytes);
  const parsed = parseDelimitedText(text);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new UserError(`${label}, row ${p.row}: ${p.message}`);
  }
  const table = await collectRawTable(
    batches(parsed.rows),
    { source: label, left: 1 },
    options.header ?? "auto",
  );
  return { table, encoding, delimiter: parsed.delimiter };
}
