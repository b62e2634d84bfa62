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

const ROW_BATCH = 5_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

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

/** `label` names the file in messages ("orders.csv, row 12: ..."). */
export async function csvTableFromBytes(
  bytes: Uint8Array,
  label: string,
  options: { header?: HeaderSpec } = {},
): Promise<CsvTable> {
  if (bytes.length === 0) throw new UserError(`${label} is empty (0 bytes)`);
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
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
