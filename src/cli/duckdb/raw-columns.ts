/**
 * SQL pieces shared by the DuckDB readers: the file's columns (table ll_raw, always aliased r) as text
 * and as "blank", and a query's single number.
 */
import type { DuckDbSession } from "./session";

/** A name quoted as DuckDB quotes identifiers. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A column of the file as text. */
export const rawText = (column: string) => `CAST(r.${quoted(column)} AS VARCHAR)`;
/** True where the file's cell is blank (empty or spaces), as the engine's isBlankCell. */
export const rawBlank = (column: string) => `TRIM(COALESCE(${rawText(column)}, '')) = ''`;

/** The first value of a query's first column as a number (0 when there is none). */
export async function firstNumber(db: DuckDbSession, sql: string): Promise<number> {
  const result = await db.columns(sql);
  return Number(Object.values(result)[0][0] ?? 0);
}
