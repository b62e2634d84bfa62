/**
 * SQL pieces shared by the DuckDB readers: the file's columns (table ll_raw, always aliased r) as text
 * and as "blank", and a query's single number.
 */
import type { DuckDbSession } from "./session";

/** A name quoted as DuckDB quotes identifiers. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A column of the file as text. */
export const rawText = (column: string) => `CAST(r.${quoted(column)} AS VARCHAR)`;
/**
 * True where the file's cell is blank (empty or spaces), as the engine's isBlankCell. A typed column's
 * cell (a number, a date) is blank only when it is NULL, which is cheaper to ask than its text.
 */
export const rawBlank = (column: string, type = "VARCHAR") =>
  type === "VARCHAR" ? `TRIM(COALESCE(${rawText(column)}, '')) = ''` : `r.${quoted(column)} IS NULL`;

const NUMERIC_TYPE =
  /^(DOUBLE|FLOAT|REAL|DECIMAL(\(\d+, ?\d+\))?|U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))$/;
const DATE_TYPE = /^(DATE|TIMESTAMP(_S|_MS|_NS)?)$/;

/**
 * A typed (Parquet) amount column's value as the engine's parseAmount gives it for a number cell: the
 * number when finite, else NULL. Undefined for a text column, whose text the engine's parsers read.
 */
export function typedAmountSql(column: string, type: string): string | undefined {
  if (!NUMERIC_TYPE.test(type)) return undefined;
  const value = `CAST(r.${quoted(column)} AS DOUBLE)`;
  return `CASE WHEN isfinite(${value}) THEN ${value} END`;
}

/**
 * A DATE or TIMESTAMP column's day number as the engine's parseDay gives it for a date cell (the day
 * of its date, a time of day dropped). Undefined for other types, whose text the engine's parsers read.
 */
export function typedDaySql(column: string, type: string): string | undefined {
  if (!DATE_TYPE.test(type)) return undefined;
  const value = `r.${quoted(column)}`;
  return `CASE WHEN isfinite(${value}) THEN CAST(CAST(${value} AS DATE) - DATE '1970-01-01' AS INTEGER) END`;
}

/** The first value of a query's first column as a number (0 when there is none). */
export async function firstNumber(db: DuckDbSession, sql: string): Promise<number> {
  const result = await db.columns(sql);
  return Number(Object.values(result)[0][0] ?? 0);
}
