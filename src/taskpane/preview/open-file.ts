/**
 * A file dropped onto the browser preview, as an in-memory workbook the pane works on exactly as on the
 * open Excel workbook: a .csv or .txt file becomes one sheet (read by the same CSV code as the CLI), an
 * .xlsx file keeps its sheets and tables (read with ExcelJS's browser build, loaded only when an .xlsx
 * file is dropped, so the pane itself stays small).
 */
import ExcelJS from "exceljs";
import type ExcelJsModule from "exceljs";
import type { CellValue } from "../../engine/data/table";
import { parseRangeAddress, rangeAddress } from "../../sheet/a1";
import { sheetNameProblem } from "../../sheet/sheet-model-check";
import type { Scalar } from "../../sheet/sheet-model";
import { UserError } from "../../user-error";
import { csvTableFromBytes } from "../../workbook/csv/table";
import { MemoryWorkbook, type UserSheetFixture } from "../../workbook/memory/memory-workbook";
import { fromExcelJsValue } from "../../workbook/xlsx/excel-values";
import { assertZipFile } from "../../workbook/xlsx/zip-sniff";

/** Larger files are better opened in Excel itself, or given to the `loyalty` command. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

function scalar(v: CellValue): Scalar {
  if (v === undefined) return null;
  if (typeof v === "object" && v !== null && !(v instanceof Date)) return v.error;
  return v;
}

/** The file's name without extension, made a valid sheet name. */
export function sheetNameFor(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[[\]:*?/\\']/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return base && !sheetNameProblem(base) ? base : "Data";
}

/**
 * How far opening a file has come, for the pane's status line: reading the file (decoding and parsing
 * it: one step), its lines taken into the table (so many of so many), then the sheet filled.
 */
export type OpenProgress =
  { stage: "file" } | { stage: "rows"; read: number; total: number } | { stage: "sheet" };

/** True for the error of a table whose header row was not found. */
function isNoHeaderRow(e: unknown): boolean {
  return e instanceof UserError && e.detail?.code === "noHeaderRow";
}

async function csvWorkbook(
  name: string,
  bytes: Uint8Array,
  onProgress?: (progress: OpenProgress) => void,
): Promise<MemoryWorkbook> {
  const onRows = onProgress && ((read: number, total: number) => onProgress({ stage: "rows", read, total }));
  // A file without a header row (the CDNOW master) opens as its rows, from A1: the Orders step then
  // offers to read it without a header, as `--no-header` does.
  const { table, headerless } = await csvTableFromBytes(bytes, name, { onRows }).then(
    (read) => ({ table: read.table, headerless: false }),
    async (e: unknown) => {
      if (!isNoHeaderRow(e)) throw e;
      const read = await csvTableFromBytes(bytes, name, { onRows, header: "none" });
      return { table: read.table, headerless: true };
    },
  );
  onProgress?.({ stage: "sheet" });
  const height = Math.max(0, ...table.columns.map((c) => c.length));
  const rows: Scalar[][] = headerless ? [] : [table.headers];
  for (let r = 0; r < height; r++) rows.push(table.columns.map((c) => scalar(c[r])));
  // The header may not have been on the file's first line: keep the rows where the file had them.
  const top = headerless ? table.firstRow : table.firstRow - 1;
  return MemoryWorkbook.withSheets([{ name: sheetNameFor(name), rows, at: `A${Math.max(1, top)}` }], {
    label: name,
  });
}

interface ExcelJsTableModel {
  name: string;
  displayName?: string;
  tableRef?: string;
  ref: string;
}

export type ExcelJsLoader = () => Promise<typeof ExcelJsModule>;

/**
 * ExcelJS's browser build, bundled into the workbook worker (the only code that opens files): a chunk
 * loaded on demand would be fetched by the worker with importScripts, which the privacy check refuses
 * in the built add-in, and the worker's start-up costs the page nothing.
 */
const loadExcelJsChunk: ExcelJsLoader = async () => ExcelJS;

async function xlsxWorkbook(
  name: string,
  bytes: Uint8Array,
  load: ExcelJsLoader,
  onProgress?: (progress: OpenProgress) => void,
): Promise<MemoryWorkbook> {
  // What the file is when it is no workbook at all (text, an old .xls, a password-protected one), said
  // before ExcelJS fails on it with words of its own.
  assertZipFile(bytes, name);
  const Excel = await load();
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    onProgress?.({ stage: "sheet" });
  } catch (e) {
    const reason = (e as Error).message;
    throw new UserError(`${name} cannot be read as an .xlsx workbook (${reason})`, undefined, {
      code: "fileNotXlsx",
      file: name,
      reason,
    });
  }
  const sheets: UserSheetFixture[] = [];
  for (const ws of book.worksheets) {
    if (ws.state === "veryHidden") continue;
    const rows: Scalar[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values = row.values as unknown[];
      rows[r - 1] = Array.from({ length: Math.max(0, values.length - 1) }, (_, c) =>
        scalar(fromExcelJsValue(values[c + 1])),
      );
    });
    const tables = ws.getTables().map((t) => {
      const model = (t as unknown as { table: ExcelJsTableModel }).table;
      const range = rangeAddress(parseRangeAddress(model.tableRef ?? model.ref), false, true);
      return { name: model.displayName ?? model.name, range };
    });
    sheets.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []), tables });
  }
  if (sheets.length === 0) {
    throw new UserError(`${name} has no sheet to read`, undefined, { code: "fileNoSheet", file: name });
  }
  return MemoryWorkbook.withSheets(sheets, { label: name });
}

/** UserError for a file larger than the preview reads (checked before its bytes are read). */
export function checkFileSize(name: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    const megabytes = Math.round(size / 1024 ** 2);
    throw new UserError(
      `${name} is ${megabytes} MB; the browser preview reads files up to 200 MB. ` +
        "Open it in Excel with the add-in, or run: loyalty report " +
        name,
      undefined,
      { code: "fileTooLarge", file: name, megabytes },
    );
  }
}

/** The dropped file as a workbook; UserError for a file the preview cannot read. */
export async function workbookFromFile(
  name: string,
  bytes: Uint8Array,
  loadExcelJs: ExcelJsLoader = loadExcelJsChunk,
  onProgress?: (progress: OpenProgress) => void,
): Promise<MemoryWorkbook> {
  checkFileSize(name, bytes.length);
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const known = ["csv", "txt", "xlsx", "xlsm"].includes(extension ?? "");
  if (known) onProgress?.({ stage: "file" });
  if (extension === "csv" || extension === "txt") return csvWorkbook(name, bytes, onProgress);
  if (extension === "xlsx" || extension === "xlsm") return xlsxWorkbook(name, bytes, loadExcelJs, onProgress);
  throw new UserError(`${name}: the preview reads .xlsx and .csv files; save it as one of those`, undefined, {
    code: "fileType",
    file: name,
  });
}
