/**
 * The engine's reading rules of line-item exports (src/engine/data/: row-values.ts, order-totals.ts,
 * cancellations.ts) where they need the whole table, in DuckDB SQL over ll_raw and the lookup tables
 * (lookups.ts). The words, patterns and thresholds stay in the engine: SQL only counts, and the engine's
 * functions decide (`holdsOrderTotals`, `cancellationInvoicesUsed`). Where the arithmetic itself is SQL
 * (the line amount), test/cli/duckdb-rules.test.ts proves it equal to the engine's.
 */
import { holdsOrderTotals, type LineAmounts } from "../../engine/data/order-totals";
import {
  cancellationInvoicesUsed,
  CANCELLATION_INVOICE_ID,
  NUMERIC_INVOICE_ID,
} from "../../engine/data/cancellations";
import type { DuckDbSession } from "./session";
import { rawBlank, rawText } from "./raw-columns";

/** Lines of orders whose total is counted on their first line, as the engine's findOrderTotals finds them. */
export const REPEATED_TOTALS = "ll_repeated";

/**
 * Whether the amount column holds order totals (repeated on every line of an order, or on its first line
 * with blanks below), by the engine's rule; when it does, table REPEATED_TOTALS (ll_row) lists the later
 * lines of those orders. Order ids are ll_order_ids.v0, amounts ll_amounts.v0 (NULL when unreadable).
 */
export async function findRepeatedTotals(
  db: DuckDbSession,
  columns: { order: string; amount: string },
  mode: LineAmounts = "auto",
): Promise<boolean> {
  await db.run(`CREATE TABLE ${REPEATED_TOTALS} (ll_row BIGINT)`);
  if (mode === "perLine") return false;
  await db.run(`CREATE TEMP TABLE ll_order_lines AS
    SELECT r.rowid AS ll_row, o.v0 AS order_id, a.v0 AS amount, ${rawBlank(columns.amount)} AS blank
    FROM ll_raw r JOIN ll_order_ids o ON o.raw = ${rawText(columns.order)}
    LEFT JOIN ll_amounts a ON a.raw = ${rawText(columns.amount)}
    WHERE o.v0 IS NOT NULL`);
  // Per order: its first line, how many lines, and whether every later line repeats the first line's
  // amount or is blank (a first line without an amount is no total).
  await db.run(`CREATE TEMP TABLE ll_order_stats AS
    SELECT f.order_id, f.first_row, f.lines,
      ANY_VALUE(fl.amount) IS NOT NULL
        AND COALESCE(BOOL_AND(l.blank OR COALESCE(l.amount = fl.amount, FALSE)) FILTER (WHERE l.ll_row <> f.first_row), TRUE)
        AS consistent,
      COALESCE(BOOL_OR(l.blank) FILTER (WHERE l.ll_row <> f.first_row), FALSE) AS blank_below
    FROM (SELECT order_id, MIN(ll_row) AS first_row, COUNT(*) AS lines FROM ll_order_lines GROUP BY order_id) f
    JOIN ll_order_lines fl ON fl.ll_row = f.first_row
    JOIN ll_order_lines l ON l.order_id = f.order_id
    GROUP BY f.order_id, f.first_row, f.lines`);
  const stats = await db.columns(`SELECT COUNT(*) FILTER (WHERE lines > 1) AS multi,
      COUNT(*) FILTER (WHERE lines > 1 AND consistent) AS consistent,
      COALESCE(BOOL_OR(blank_below), FALSE) AS blank_below FROM ll_order_stats`);
  const detected = holdsOrderTotals(
    Number(stats.multi[0]),
    Number(stats.consistent[0]),
    stats.blank_below[0] === true,
  );
  if (mode === "orderTotal" || detected) {
    await db.run(`INSERT INTO ${REPEATED_TOTALS}
      SELECT l.ll_row FROM ll_order_lines l JOIN ll_order_stats s USING (order_id)
      WHERE l.ll_row <> s.first_row ${mode === "orderTotal" ? "" : "AND s.consistent"}`);
  }
  await db.run("DROP TABLE ll_order_lines; DROP TABLE ll_order_stats");
  return mode === "orderTotal" || detected;
}

/** Whether "C" + digits invoices are cancellations in this file (ll_order_ids.v1 holds each id's invoiceKind). */
export async function usesCancellationInvoicesSql(db: DuckDbSession, orderColumn: string): Promise<boolean> {
  const counts = await db.columns(
    `SELECT COUNT(*) FILTER (WHERE o.v1 = ${CANCELLATION_INVOICE_ID}) AS with_c,
       COUNT(*) FILTER (WHERE o.v1 = ${NUMERIC_INVOICE_ID}) AS numeric
     FROM ll_raw r JOIN ll_order_ids o ON o.raw = ${rawText(orderColumn)}`,
  );
  const [withC, numeric] = [Number(counts.with_c[0]), Number(counts.numeric[0])];
  return cancellationInvoicesUsed(withC, numeric);
}
