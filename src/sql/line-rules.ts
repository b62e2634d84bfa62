/**
 * The engine's reading rules of line-item exports (src/engine/data/) as SQL, shared by `loyalty sql`
 * (every dialect) and the CLI's DuckDB reader: a line's amount from quantity × unit price − discount,
 * cancelled statuses, "C" invoices. The words, patterns and thresholds are the engine's; the tests run
 * the SQL in DuckDB and PostgreSQL against the engine (test/cli/duckdb-rules.test.ts,
 * test/sql/customer-summary-query.test.ts).
 */
import { AMOUNT_DIGITS } from "../engine/data/row-values";
import { CANCELLED_STATUSES } from "../engine/data/cancellations";
import { MIN_REPEATED_ORDERS, REPEATED_SHARE } from "../engine/data/order-totals";

/**
 * The engine's `lineAmount(quantity, price, discount)`: (q × p − d) rounded to AMOUNT_DIGITS as
 * JavaScript's Math.round rounds (to the nearest, halves up), NULL when a part is NULL.
 */
export function lineAmountSql(quantity: string, price: string, discount: string): string {
  const v = `((${quantity}) * (${price}) - (${discount})) * ${AMOUNT_DIGITS}`;
  return `((CASE WHEN ${v} - FLOOR(${v}) >= 0.5 THEN CEIL(${v}) ELSE FLOOR(${v}) END) / ${AMOUNT_DIGITS})`;
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Whether a status (text) says the order is not revenue: the engine's CANCELLED_STATUSES after its
 * normalization (lower case, without blanks, "_" or "-"; the SQL removes spaces, not other blanks, and
 * does not apply NFKC).
 */
export function cancelledStatusSql(status: string): string {
  const normalized = `LOWER(REPLACE(REPLACE(REPLACE(TRIM(${status}), ' ', ''), '_', ''), '-', ''))`;
  return `(${normalized} IN (${CANCELLED_STATUSES.map(sqlString).join(", ")}))`;
}

/** Patterns of a cancellation invoice ("C536379") and of a plain one ("536365"), as the engine's invoiceKind. */
export const CANCELLATION_INVOICE_SQL = "^C[0-9]+$";
export const NUMERIC_INVOICE_SQL = "^[0-9]+$";

/**
 * Whether an amount column holds order totals, from per-order counts (columns multi, consistent,
 * blank_below of one row): the engine's `holdsOrderTotals` with its thresholds.
 */
export const HOLDS_ORDER_TOTALS_SQL = `multi > 0 AND consistent >= ${REPEATED_SHARE} * multi AND (blank_below > 0 OR consistent >= ${MIN_REPEATED_ORDERS})`;
