/**
 * Layout of the veryHidden settings sheet (SETTINGS_SHEET_NAME), the same for every adapter so that a file
 * written by the CLI and opened in Excel with the add-in reads the same settings:
 *
 *   row 1:  A = STORE_TITLE (what this sheet is), B = "format 1"
 *   row 2+: A = key ("settings", "registry"), B, C, ... = the JSON text, cut into pieces of at most
 *           CHUNK_LENGTH characters because an Excel cell holds at most 32,767 characters.
 *
 * Plain text cells, no formulas, nothing Excel would reformat.
 */
import type { CellValue } from "../engine/data/table";

export const STORE_TITLE =
  "Loyalty Lens settings. Do not edit: the add-in and the loyalty command keep them.";
export const STORE_FORMAT = "format 1";
export const CHUNK_LENGTH = 30_000;

export type StoreEntries = Record<string, string>;

export function encodeStore(entries: StoreEntries): string[][] {
  const rows: string[][] = [[STORE_TITLE, STORE_FORMAT]];
  for (const [key, text] of Object.entries(entries)) {
    const row = [key];
    for (let i = 0; i < text.length; i += CHUNK_LENGTH) row.push(text.slice(i, i + CHUNK_LENGTH));
    if (row.length === 1) row.push("");
    rows.push(row);
  }
  return rows;
}

/** Reads the entries back; undefined when the rows are not a settings store (e.g. a user's sheet). */
export function decodeStore(rows: CellValue[][]): StoreEntries | undefined {
  if (rows.length === 0 || rows[0][0] !== STORE_TITLE) return undefined;
  const entries: StoreEntries = {};
  for (const row of rows.slice(1)) {
    const key = row[0];
    if (typeof key !== "string" || key === "") continue;
    entries[key] = row
      .slice(1)
      .map((v) => (v === null || v === undefined ? "" : String(v)))
      .join("");
  }
  return entries;
}
