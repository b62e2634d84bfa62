/**
 * The rules over the checked rows (the view ll_rows, checked-rows.ts) that need the whole table, after
 * the order rules: exact duplicates, returns netted against their order or day, the clean lines and the
 * customers kept. Each leaves a small table of what it found; the clean lines are a view, not a copy.
 */
import type { DuckDbSession } from "./session";
import { firstNumber, rawBlank, rawText } from "./raw-columns";
import { CHECKED_ROWS } from "./checked-rows";

/**
 * The clean lines (view): customer, order_date, day, amount, order_id, ll_row and purchase, for the
 * quality report, the customer summary and the report's orders.
 */
export const CLEAN_LINES = "ll_lines";
/**
 * Every kept customer (a purchase line, not a test account): customer, customer_id, first_row, lines (the
 * rows holding the id: at least its clean lines).
 */
export const KEPT_CUSTOMERS = "ll_customers";
/** Every customer id of the file: customer (its number), customer_id, first_row, test_rule, lines. */
export const FIRST_ROWS = "ll_first_rows";
/**
 * The lines of the days that hold a return (customer, day, amount, order_id, ll_row, cancel): every refund
 * line is one of them, so the quality report takes the refunds' and the netted lines' examples from it.
 */
export const RETURN_DAY_LINES = "ll_return_day_lines";
/** The lines ≥ 0 a return netted out (ll_row). */
export const NETTED = "ll_netted";

/**
 * Lists exact duplicate lines (every cell the same, blank cells alike whatever their spaces), the first of
 * equal lines kept, in table ll_duplicates; returns whether there are any. Equal lines have equal
 * customers, days, amounts and order ids: one pass lists the hashes of those shared by several lines
 * (usually none, and the search ends there), and only the lines with such a hash are compared cell by cell.
 */
export async function markDuplicates(db: DuckDbSession, headers: string[]): Promise<boolean> {
  const key = "hash(customer, day, amount, order_id)";
  await db.run(`CREATE TEMP TABLE ll_shared_keys AS
    SELECT ${key} AS h FROM ${CHECKED_ROWS} WHERE reason IS NULL GROUP BY h HAVING COUNT(*) > 1`);
  if ((await firstNumber(db, "SELECT COUNT(*) FROM ll_shared_keys")) === 0) return false;
  const cells = headers.map((h) => `CASE WHEN ${rawBlank(h)} THEN NULL ELSE ${rawText(h)} END`).join(", ");
  await db.run(`CREATE TABLE ll_duplicates AS
    SELECT ll_row FROM (
      SELECT c.ll_row, ROW_NUMBER() OVER (PARTITION BY ${cells} ORDER BY c.ll_row) AS k
      FROM (
        SELECT ll_row FROM ${CHECKED_ROWS} WHERE reason IS NULL AND ${key} IN (SELECT h FROM ll_shared_keys)
      ) c JOIN ll_raw r ON r.rowid = c.ll_row
    ) WHERE k > 1`);
  return (await firstNumber(db, "SELECT COUNT(*) FROM ll_duplicates")) > 0;
}

/** The lines of a day holding a return whose day, or order, the return nets to ≤ 0 (NETTED). */
async function nettedLines(db: DuckDbSession): Promise<void> {
  await db.run(`CREATE TABLE ${NETTED} AS
    WITH netted_days AS (
      SELECT customer, day FROM ${RETURN_DAY_LINES} GROUP BY customer, day HAVING SUM(amount) <= 0
    ),
    netted_orders AS (
      SELECT customer, day, order_id FROM ${RETURN_DAY_LINES} WHERE order_id IS NOT NULL
      GROUP BY customer, day, order_id HAVING MIN(amount) < 0 AND SUM(amount) <= 0
    )
    SELECT c.ll_row FROM ${RETURN_DAY_LINES} c
    LEFT JOIN netted_days nd ON nd.customer = c.customer AND nd.day = c.day
    LEFT JOIN netted_orders no ON no.customer = c.customer AND no.day = c.day AND no.order_id = c.order_id
    WHERE c.amount >= 0 AND (nd.day IS NOT NULL OR no.day IS NOT NULL)`);
}

/**
 * The clean lines, each marked as a purchase or not by the engine's rules (read-orders.ts): cancelled
 * lines (a status or "C" invoice, amount ≥ 0) are not revenue and left out; a refund is not a purchase,
 * nor a line of a day, or of an order, holding a return whose lines sum to ≤ 0 (netReturns). Only days
 * with a return can be netted out, and they are few: their lines are a small table (two passes: the days,
 * then their lines), netted there, and the clean lines are a view of ll_rows with the netted lines
 * marked. Then the kept customers, in one more pass.
 */
export async function keepCleanLines(db: DuckDbSession, keepDuplicates: boolean): Promise<void> {
  const clean = `reason IS NULL ${keepDuplicates ? "" : "AND NOT duplicate"} AND NOT (cancel > 0 AND amount >= 0)`;
  await db.run(`CREATE TEMP TABLE ll_return_days AS
    SELECT DISTINCT customer, day FROM ${CHECKED_ROWS} WHERE ${clean} AND amount < 0`);
  await db.run(`CREATE TEMP TABLE ${RETURN_DAY_LINES} AS
    SELECT c.customer, c.day, c.amount, c.order_id, c.ll_row, c.cancel FROM ${CHECKED_ROWS} c
    SEMI JOIN ll_return_days USING (customer, day) WHERE ${clean}`);
  await db.run("DROP TABLE ll_return_days");
  await nettedLines(db);
  await db.run(`CREATE VIEW ${CLEAN_LINES} AS
    SELECT c.customer, CAST(DATE '1970-01-01' + c.day AS DATE) AS order_date, c.day, c.amount, c.order_id,
      c.ll_row, c.amount >= 0 AND n.ll_row IS NULL AS purchase
    FROM ${CHECKED_ROWS} c LEFT JOIN ${NETTED} n USING (ll_row) WHERE ${clean}`);
  await db.run(`CREATE TABLE ${KEPT_CUSTOMERS} AS
    SELECT customer, customer_id, first_row, lines FROM ${FIRST_ROWS}
    WHERE customer IN (SELECT DISTINCT customer FROM ${CLEAN_LINES} WHERE purchase) ORDER BY customer`);
}

/** Customers (not test accounts) with a line but no purchase, in order of first appearance. */
export function withoutPurchase(column: "customer_id" | "first_row"): string {
  return `SELECT f.${column} FROM ${FIRST_ROWS} f
    WHERE f.customer NOT IN (SELECT customer FROM ${KEPT_CUSTOMERS}) AND f.test_rule IS NULL
    ORDER BY f.customer`;
}
