/**
 * The engine's rule on order totals repeated per line (src/engine/data/order-totals.ts), which needs the
 * whole table, in DuckDB SQL over the checked lines (read-orders-duckdb.ts). The thresholds stay in the
 * engine: SQL only counts, and the engine's `holdsOrderTotals` decides. test/cli/duckdb-rules.test.ts
 * compares both engines on repeated totals.
 */
import { holdsOrderTotals, type LineAmounts } from "../../engine/data/order-totals";
import type { DuckDbSession } from "./session";

/**
 * Whether the amount column holds order totals (repeated on every line of an order, or on its first line
 * with blanks below), by the engine's rule; when it does, the later lines of those orders get the reason
 * "repeatedOrderTotal" in `lines` (ll_rows: ll_row, order_id, amount, amount_blank, reason), unless an
 * earlier rule of the engine's order already left them out. One grouping pass: per order its first line,
 * its lines, and whether every later line repeats the first line's amount or is blank (a first line
 * without an amount is no total).
 */
export async function findRepeatedTotals(
  db: DuckDbSession,
  lines: string,
  mode: LineAmounts = "auto",
): Promise<boolean> {
  if (mode === "perLine") return false;
  // Later lines repeat the total when every non-blank line has the first line's amount and none is
  // unreadable: min = max = the first amount over the non-blank lines (the first among them).
  await db.run(`CREATE TEMP TABLE ll_order_stats AS
    SELECT order_id, first_row, lines,
      lines > 1 AND first_amount IS NOT NULL AND unreadable = 0 AND low = first_amount AND high = first_amount
        OR lines = 1 AND first_amount IS NOT NULL AS consistent,
      blanks - CASE WHEN first_blank THEN 1 ELSE 0 END > 0 AS blank_below
    FROM (
      SELECT order_id, MIN(ll_row) AS first_row, COUNT(*) AS lines,
        arg_min_null(amount, ll_row) AS first_amount, arg_min(amount_blank, ll_row) AS first_blank,
        COUNT(*) FILTER (WHERE amount_blank) AS blanks,
        COUNT(*) FILTER (WHERE NOT amount_blank AND amount IS NULL) AS unreadable,
        MIN(amount) FILTER (WHERE NOT amount_blank) AS low, MAX(amount) FILTER (WHERE NOT amount_blank) AS high
      FROM ${lines} WHERE order_id IS NOT NULL GROUP BY order_id
    )`);
  const stats = await db.columns(`SELECT COUNT(*) FILTER (WHERE lines > 1) AS multi,
      COUNT(*) FILTER (WHERE lines > 1 AND consistent) AS consistent,
      COALESCE(BOOL_OR(blank_below), FALSE) AS blank_below FROM ll_order_stats`);
  const detected = holdsOrderTotals(
    Number(stats.multi[0]),
    Number(stats.consistent[0]),
    stats.blank_below[0] === true,
  );
  if (mode === "orderTotal" || detected) {
    // The engine's order of reasons: a blank row, a blank id or a test account comes before this one.
    await db.run(`UPDATE ${lines} SET reason = 'repeatedOrderTotal' FROM ll_order_stats s
      WHERE ${lines}.order_id = s.order_id AND s.lines > 1 AND ${lines}.ll_row <> s.first_row
        ${mode === "orderTotal" ? "" : "AND s.consistent"}
        AND (reason IS NULL OR reason IN ('memberDetailsOnly', 'unparsableDate', 'nonNumericAmount'))`);
  }
  await db.run("DROP TABLE ll_order_stats");
  return mode === "orderTotal" || detected;
}
