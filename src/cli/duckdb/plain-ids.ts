/**
 * Order ids that SQL can read by itself. An export of 50 million item lines holds some 17 million order
 * ids: parsing each in JavaScript (lookups.ts) would carry them all into memory and back. Most are
 * "plain": they begin and end with a printable ASCII character, so the engine's parseId returns them as
 * they are and its invoiceKind tests them untrimmed. Only the others (blanks around them, "42.0" from a
 * float column, other scripts at their ends) go to the engine's parsers; test/cli/duckdb-plain-ids.test.ts
 * proves the SQL equal to parseId and invoiceKind on random text.
 */
import { CANCELLATION_INVOICE_SQL, NUMERIC_INVOICE_SQL } from "../../sql/line-rules";

/** Whether the text `raw` (VARCHAR) is an id that parseId leaves unchanged and invoiceKind need not trim. */
export function plainIdSql(raw: string): string {
  const printable = (c: string) => `(ord(${c}) BETWEEN 33 AND 126)`;
  // parseId turns "42.0" (a number through a float column) into "42": such text ends with a zero.
  return `(${raw} <> '' AND ${printable(raw)} AND ${printable(`right(${raw}, 1)`)} AND
    CASE WHEN suffix(${raw}, '0') THEN NOT regexp_full_match(${raw}, '[0-9]+\\.0+') ELSE TRUE END)`;
}

/** Whether a plain id is a cancellation invoice ("C536379") or a numeric one ("536365"), as invoiceKind. */
export function isCancellationInvoiceSql(raw: string): string {
  return `(prefix(${raw}, 'C') AND regexp_matches(${raw}, '${CANCELLATION_INVOICE_SQL}'))`;
}
export function isNumericInvoiceSql(raw: string): string {
  return `(ord(${raw}) BETWEEN 48 AND 57 AND regexp_matches(${raw}, '${NUMERIC_INVOICE_SQL}'))`;
}
