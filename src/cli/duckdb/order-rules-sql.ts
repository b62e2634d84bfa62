/**
 * The rules that need whole orders, in DuckDB SQL over the checked lines (the view ll_rows of
 * read-orders-duckdb.ts), in ONE grouping pass by order id:
 *
 * - the engine's rule on order totals repeated per line (src/engine/data/order-totals.ts): SQL only counts,
 *   and the engine's `holdsOrderTotals` decides;
 * - the last day of a line (the as-of date when none is given), when no order total is left out (one MAX
 *   over the lines, not a state of every order);
 * - whether any order may hold exact duplicate lines (equal lines share their order): when none may, the
 *   search for duplicates (clean-lines.ts's markDuplicates) needs no pass of its own.
 *
 * test/cli/duckdb-rules.test.ts compares both engines on repeated totals.
 */
import { holdsOrderTotals, type LineAmounts } from "../../engine/data/order-totals";
import type { DuckDbSession } from "./session";

/** The orders whose later lines repeat the order's total: each with its first row (the one counted). */
export const TOTAL_ORDERS = "ll_total_orders";

export interface OrderFacts {
  /** Whether the amount column holds order totals (the table TOTAL_ORDERS lists them). */
  orderTotals: boolean;
  /** The last day of a line no rule left out, when no order total was found (else undefined). */
  lastDay?: number;
  /** False when no two lines of an order can be equal (then no line is an exact duplicate). */
  mayRepeat: boolean;
}

/**
 * Whether two of an order's lines may be equal, from 32-bit hashes of their customer, day and amount
 * (equal lines have equal hashes): with two lines, when the hashes are equal; with three, when the middle
 * one (their XOR with the lowest and the highest taken out) equals either; with more (or the lines without
 * an order id, one group), always. Exact, never a guess: a "may" is then searched line by line. Every
 * line of the order counts (those a rule leaves out too: more lines can only say "may"), and the three
 * small aggregates add little to the pass.
 */
const MAY_REPEAT = `lines >= 4 OR lines = 2 AND low_hash = high_hash
  OR lines = 3 AND xor(xor(xor_hash, low_hash), high_hash) IN (low_hash, high_hash)`;

/**
 * Per order (`lines` columns: ll_row, order_id, customer, day, amount, amount_blank): its first line, its
 * lines, whether every later line repeats the first line's amount or is blank (a first line without an
 * amount is no total), and whether two of its lines may be equal. Sixteen million orders do not fit in
 * DuckDB's memory: each aggregate adds to every order's state, which spills, so the states are few and
 * small: the first line and whether its amount is blank in one number (MIN of ll_row × 2 + blank), counts
 * as INTEGER, no day (the last day of the lines is one MAX over them, lastDaySql).
 */
function perOrder(lines: string, totals: boolean): string {
  // Later lines repeat the total when every non-blank line has the first line's amount and none is
  // unreadable: the first line is not blank, and min = max over the non-blank lines. Where the rule does
  // not apply (`totals` false) none of this is aggregated.
  const totalsFacts = totals
    ? `first % 2 = 0 AND NOT unreadable AND low = high AS consistent,
      blanks > first % 2 AS blank_below`
    : "FALSE AS consistent, FALSE AS blank_below";
  const totalsAggregates = totals
    ? `MIN(ll_row * 2 + CAST(amount_blank AS INTEGER)) AS first,
        CAST(COUNT(*) FILTER (WHERE amount_blank) AS INTEGER) AS blanks,
        BOOL_OR(NOT amount_blank AND amount IS NULL) AS unreadable,
        MIN(amount) FILTER (WHERE NOT amount_blank) AS low, MAX(amount) FILTER (WHERE NOT amount_blank) AS high,`
    : "";
  return `SELECT order_id, lines, ${MAY_REPEAT} AS may_repeat, ${totalsFacts}${totals ? ", first // 2 AS first_row" : ""}
    FROM (
      SELECT order_id, CAST(COUNT(*) AS INTEGER) AS lines, ${totalsAggregates}
        MIN(line_hash) AS low_hash, MAX(line_hash) AS high_hash, bit_xor(line_hash) AS xor_hash
      FROM (
        SELECT *, CAST(hash(customer, day, amount) % 4294967296 AS UINTEGER) AS line_hash FROM ${lines}
      ) GROUP BY order_id
    )`;
}

/** The last day of a line no rule left out so far (the as-of date when none is given and no total is left out). */
const lastDaySql = (lines: string) => `SELECT MAX(day) AS last_day FROM ${lines} WHERE reason IS NULL`;

/**
 * The facts of the orders in one pass; when the amounts are order totals (`mode`, else by the engine's
 * rule), a second pass lists those orders in TOTAL_ORDERS (the caller then marks their later lines).
 * `totals`: false where the rule does not apply (no amount column: the amount is quantity × price).
 */
export async function readOrderFacts(
  db: DuckDbSession,
  lines: string,
  totals: boolean,
  mode: LineAmounts = "auto",
): Promise<OrderFacts> {
  const facts = await db.columns(`SELECT
      COUNT(*) FILTER (WHERE order_id IS NOT NULL AND lines > 1) AS multi,
      COUNT(*) FILTER (WHERE order_id IS NOT NULL AND lines > 1 AND consistent) AS consistent,
      COALESCE(BOOL_OR(blank_below) FILTER (WHERE order_id IS NOT NULL), FALSE) AS blank_below,
      COALESCE(BOOL_OR(may_repeat), FALSE) AS may_repeat
    FROM (${perOrder(lines, totals)})`);
  const detected =
    totals &&
    mode !== "perLine" &&
    (mode === "orderTotal" ||
      holdsOrderTotals(Number(facts.multi[0]), Number(facts.consistent[0]), facts.blank_below[0] === true));
  const last = detected ? undefined : (await db.columns(lastDaySql(lines))).last_day[0];
  const result: OrderFacts = {
    orderTotals: detected,
    mayRepeat: facts.may_repeat[0] === true,
    ...(!detected && last !== null && last !== undefined ? { lastDay: Number(last) } : {}),
  };
  if (detected) {
    await db.run(`CREATE TEMP TABLE ${TOTAL_ORDERS} AS SELECT order_id, first_row FROM (${perOrder(lines, totals)})
      WHERE order_id IS NOT NULL AND lines > 1 ${mode === "orderTotal" ? "" : "AND consistent"}`);
  }
  return result;
}
