/**
 * Reads a .csv or .xlsx file into the RawTable the engine takes: the header row and the cells below it.
 * CSV cells stay text (the engine's parsers read dates and amounts); an .xlsx file is read through the
 * xlsx workbook adapter (its first visible sheet, header row found as the adapter does).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { CellValue, RawTable } from "../engine/data/table";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { UserError } from "./io";

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${file} does not exist`);
    if (code === "EISDIR") throw new UserError(`${file} is a folder, not a file`);
    throw new UserError(`${file} cannot be read (${(e as Error).message})`);
  }
}

/** A CSV file as a RawTable: first non-empty line is the header; row numbers are the file's lines. */
export function parseCsvTable(text: string, source: string): RawTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const rows = parsed.data;
  if (rows.length === 0) throw new UserError(`${source} is empty`);
  const headers = rows[0].map((h) => h.trim());
  const columns: CellValue[][] = headers.map(() => []);
  for (let r = 1; r < rows.length; r++) {
    for (let c = 0; c < headers.length; c++) columns[c].push(rows[r][c] ?? null);
  }
  return { source, headers, columns, firstRow: 2 };
}

export async function readTableFile(file: string): Promise<RawTable> {
  const extension = path.extname(file).toLowerCase();
  const source = path.basename(file);
  if (extension === ".csv" || extension === ".txt") return parseCsvTable(readText(file), source);
  if (extension === ".xlsx") {
    const workbook = await XlsxWorkbook.open(file);
    const sheet = (await workbook.listSheets()).find((s) => s.visibility === "visible");
    if (!sheet) throw new UserError(`${source} has no visible sheet to read`);
    const table = await workbook.readTable({ sheet: sheet.name });
    return { ...table, source: `${source}, sheet ${sheet.name}` };
  }
  throw new UserError(
    `${source}: cannot read ${extension || "a file without extension"}; give a .csv or .xlsx file`,
  );
}
