/**
 * From the clean lines DuckDB holds (read-orders-duckdb.ts) to what the engine takes:
 *
 * - `orderTableFromDuckDb`: the engine's OrderTable for the whole report. Of the purchase lines the
 *   engine uses only their purchase days: each day's value (its lines added in table order) and its count
 *   of orders (src/engine/summary/purchase-days.ts). So one entry per ORDER is handed over (a line
 *   without an order id is an order by itself), the day's value on its first order and 0 on the others:
 *   the arrays stay small (an export of 50 million item lines holds far fewer orders) and the values are
 *   the engine's to the last bit.
 * - `customerSummaryFromDuckDb`: only the calibration summary for `loyalty fit`, one row per customer
 *   aggregated in DuckDB.
 */
import { performance } from "node:perf_hooks";
import type { OrderTable } from "../../engine/data/read-orders";
import type { OrderLines, RefundLines } from "../../engine/data/orders";
import { DAYS_PER_UNIT, type TimeUnit } from "../../engine/summary/time-unit";
import { firstAfter } from "../../engine/summary/purchase-days";
import { CHECKED_ROWS, CLEAN_LINES, KEPT_CUSTOMERS, type DuckDbOrders } from "./read-orders-duckdb";
import type { DuckDbSession } from "./session";
import { firstNumber } from "./raw-columns";

/** Streams rows (idx, day, amount, row) into CSR arrays grouped by customer index 0..customers−1. */
async function groupedLines(db: DuckDbSession, sql: string, rows: number, customers: number) {
  const start = new Int32Array(customers + 1);
  const day = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const sourceRow = new Int32Array(rows);
  let i = 0;
  await db.streamNumbers(sql, (columns, n) => {
    const [idx, days, amounts, sourceRows] = columns;
    for (let k = 0; k < n; k++, i++) start[idx[k] + 1]++;
    day.set(days.subarray(0, n), i - n);
    amount.set(amounts.subarray(0, n), i - n);
    sourceRow.set(sourceRows.subarray(0, n), i - n);
  });
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  return { start, day, amount, sourceRow };
}

/** One entry per order, grouped by customer and sorted by day, each day's value on its first order. */
interface OrderEntries {
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  sourceRow: Int32Array;
}

/**
 * Table rows whose purchase lines one query hands over, sorted by row: a range DuckDB sorts in its
 * memory (about 100 MB) whatever the size of the file, where one sort of every purchase line by customer,
 * day and row ran out of DuckDB's memory at 50 million lines.
 */
const ROWS_PER_RANGE = 4_000_000;

/**
 * The purchase days (table ll_days: idx, day, orders, first_row), each as its count of order entries,
 * the day's value 0; then the purchase lines in table order, by ranges of rows, each added to its day's
 * first entry: a day's lines are added in table order, as the engine adds them (purchaseDaysOf), so the
 * values are the engine's to the last bit. Only numbers cross into JavaScript, as typed arrays, and no
 * query sorts more than one range of rows.
 */
async function orderEntries(
  db: DuckDbSession,
  customers: number,
  rowsPerRange: number,
): Promise<OrderEntries> {
  const counts = await db.columns("SELECT COALESCE(SUM(orders), 0) AS orders FROM ll_days");
  const orderCount = Number(counts.orders[0]);
  const start = new Int32Array(customers + 1);
  const day = new Int32Array(orderCount);
  const amount = new Float64Array(orderCount);
  const sourceRow = new Int32Array(orderCount);
  let e = 0;
  await db.streamNumbers(
    `SELECT CAST(idx AS INTEGER), day, CAST(orders AS INTEGER), first_row FROM ll_days ORDER BY idx, day`,
    (columns, n) => {
      const [idx, days, orders, firstRows] = columns;
      for (let k = 0; k < n; k++) {
        const count = orders[k];
        start[idx[k] + 1] += count;
        day.fill(days[k], e, e + count);
        sourceRow.fill(firstRows[k], e, e + count);
        e += count;
      }
    },
  );
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const rows = await firstNumber(db, `SELECT COALESCE(MAX(ll_row) + 1, 0) FROM ${CHECKED_ROWS}`);
  for (let from = 0; from < rows; from += rowsPerRange) {
    await db.streamNumbers(
      `SELECT CAST(k.idx AS INTEGER), l.day, l.amount FROM ${CLEAN_LINES} l JOIN ll_index k USING (customer)
       WHERE l.purchase AND l.ll_row >= ${from} AND l.ll_row < ${from + rowsPerRange} ORDER BY l.ll_row`,
      ([idx, days, amounts], n) => {
        for (let k = 0; k < n; k++) {
          const c = idx[k];
          // The day's first entry: the first of the customer's entries after the day before (whole days).
          amount[firstAfter(day, start[c], start[c + 1], days[k] - 1)] += amounts[k];
        }
      },
    );
  }
  return { start, day, amount, sourceRow };
}

/** `rowsPerRange`: table rows handed over per query (a test gives a few, to see days cut between ranges). */
export async function orderTableFromDuckDb(
  db: DuckDbSession,
  read: DuckDbOrders,
  rowsPerRange = ROWS_PER_RANGE,
): Promise<OrderTable> {
  performance.mark("loyalty:Handing the orders to the engine");
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_index AS
    SELECT customer, customer_id, ROW_NUMBER() OVER (ORDER BY customer) - 1 AS idx FROM ${KEPT_CUSTOMERS}`);
  const ids = await db.columns(`SELECT customer_id FROM ll_index ORDER BY idx`);
  const customerIds = ids.customer_id as string[];
  // The orders of each purchase day: each (day, order id) once, a line without an order id by itself.
  // Two tables, not one nested query: each aggregate then spills to disk by itself (nested, the query
  // ran out of DuckDB's memory at 50 million lines, and at 10 million under a 150 MB limit).
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_order_firsts AS
    SELECT customer, day, MIN(ll_row) AS first_row FROM ${CLEAN_LINES}
    WHERE purchase GROUP BY customer, day, order_id, CASE WHEN order_id IS NULL THEN ll_row END`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_days AS
    SELECT k.idx, o.day, COUNT(*) AS orders, CAST(MIN(o.first_row) AS INTEGER) AS first_row
    FROM ll_order_firsts o JOIN ll_index k USING (customer) GROUP BY k.idx, o.day`);
  await db.run("DROP TABLE ll_order_firsts");
  const lines = await orderEntries(db, customerIds.length, rowsPerRange);
  const orderCount = lines.day.length;
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_refunds AS
    SELECT k.idx, l.day, l.amount, l.ll_row FROM ${CLEAN_LINES} l JOIN ll_index k USING (customer)
    WHERE NOT l.purchase`);
  const refundCount = await firstNumber(db, `SELECT COUNT(*) FROM ll_refunds`);
  const refund = await groupedLines(
    db,
    `SELECT CAST(idx AS INTEGER), day, amount, CAST(ll_row AS INTEGER) FROM ll_refunds ORDER BY idx, day, ll_row`,
    refundCount,
    customerIds.length,
  );
  await db.run("DROP TABLE ll_days; DROP TABLE ll_refunds; DROP TABLE ll_index");
  const refunds: RefundLines = {
    customerStart: refund.start,
    day: refund.day,
    amount: refund.amount,
    sourceRow: refund.sourceRow,
  };
  const customer = new Int32Array(orderCount);
  for (let c = 0; c < customerIds.length; c++) customer.fill(c, lines.start[c], lines.start[c + 1]);
  const orderLines: OrderLines = {
    customerIds,
    customerStart: lines.start,
    customer,
    day: lines.day,
    amount: lines.amount,
    sourceRow: lines.sourceRow,
    newOrder: new Uint8Array(orderCount).fill(1),
    quantity: null,
    channel: null,
    channels: [],
    labels: {},
    refunds,
  };
  return {
    orders: orderLines,
    members: read.members,
    quality: read.quality,
    columns: read.columns,
    asOf: read.asOf,
    customersWithoutPurchase: read.customersWithoutPurchase,
    testAccounts: read.testAccounts,
    formats: read.formats,
  };
}

/** The customer summary columns `loyalty fit` takes, one value per customer in the calibration cohort. */
export interface DuckDbCalibration {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

/**
 * The calibration cohort's x, t_x, T and monetary value as the engine's customerSummary defines them
 * (src/engine/summary/customer-summary.ts), from one row per customer that DuckDB aggregates from the
 * purchase days: the first and last calibration day, how many, their total and the first day's value.
 * DuckDB adds each day's lines, and the days, in no fixed order (adding them in table order needs
 * DuckDB's ordered aggregates, which hold every line in memory and ran out of it at 10 million lines), so
 * the monetary value can differ from the engine's in the last bits; the customers come in order of first
 * appearance, as in process.
 */
export async function customerSummaryFromDuckDb(
  db: DuckDbSession,
  read: DuckDbOrders,
  options: { calibrationEnd?: number; unit: TimeUnit },
): Promise<DuckDbCalibration> {
  performance.mark("loyalty:Computing the customer summary");
  const end = Math.min(options.calibrationEnd ?? read.asOf, read.asOf);
  const days = `SELECT customer, day, SUM(amount) AS value FROM ${CLEAN_LINES}
    WHERE purchase AND day <= ${end} GROUP BY customer, day`;
  // A customer whose first purchase is on the calibration end has T = 0: no time to observe; left out.
  // Customers are numbered in order of first appearance (every one here is a kept customer).
  const rows = await db.columns(`SELECT MIN(day) AS first, MAX(day) AS last, COUNT(*) AS days,
      SUM(value) AS total, arg_min(value, day) AS first_value
    FROM (${days}) GROUP BY customer HAVING MIN(day) < ${end} ORDER BY customer`);
  const n = rows.first.length;
  const perUnit = DAYS_PER_UNIT[options.unit];
  const summary: DuckDbCalibration = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
  };
  for (let c = 0; c < n; c++) {
    const first = Number(rows.first[c]);
    const repeats = Number(rows.days[c]) - 1;
    summary.x[c] = repeats;
    summary.tx[c] = (Number(rows.last[c]) - first) / perUnit;
    summary.T[c] = (end - first) / perUnit;
    // The repeat days' value: all calibration days' but the first's.
    summary.monetary[c] = repeats > 0 ? (Number(rows.total[c]) - Number(rows.first_value[c])) / repeats : 0;
  }
  return summary;
}
