/**
 * How the CLI read a text file, in one line: the encoding (detected or given) and the field separator, so a
 * misread file is noticed and the flag that reads it otherwise is at hand.
 */
import { delimiterName, type CsvTable } from "../workbook/csv/table";

export function readingNote(csv: CsvTable): string {
  const encoding = csv.encodingDetected ? `${csv.encoding} (detected; --encoding to change)` : csv.encoding;
  return `Read ${csv.table.source} as ${encoding}, fields separated by ${delimiterName(csv.delimiter)}`;
}
