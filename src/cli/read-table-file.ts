/**
 * Reads a .csv or .xlsx file into the RawTable the engine takes: the header row and the cells below it.
 * Both go through the workbook adapters, so `loyalty fit` reads files exactly as `loyalty report` does: a
 * .csv/.txt file through the CSV reader (encoding and delimiter detected, binary files refused, cells kept
 * as text for the engine's parsers), an .xlsx file through the xlsx adapter (its first visible sheet, the
 * header row found as the adapter does, bad and hostile files refused with a clear message).
 */
import { inputError } from "../input-errors";
import path from "node:path";
import type { RawTable } from "../engine/data/table";
import { readCsvTable } from "../workbook/csv/read";
import type { CsvReadOptions, CsvTable } from "../workbook/csv/table";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { fileError } from "./io";

/** `options`: how a text file is read (header, separator, encoding); `onText` is told how it was read. */
export async function readTableFile(
  file: string,
  options: CsvReadOptions = {},
  onText?: (csv: CsvTable) => void,
): Promise<RawTable> {
  const extension = path.extname(file).toLowerCase();
  const source = path.basename(file);
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") {
    const csv = await readCsvTable(file, options);
    onText?.(csv);
    return csv.table;
  }
  if (extension === ".xlsx") {
    const workbook = await XlsxWorkbook.open(file);
    const sheet = (await workbook.listSheets()).find((s) => s.visibility === "visible");
    if (!sheet) throw inputError("noVisibleSheetIn", { file: source });
    // The workbook's label is the file name, so the table's place is "orders.xlsx, sheet Orders".
    return workbook.readTable({ sheet: sheet.name });
  }
  throw fileError({ code: "fileExtension", file: source, extension });
}
