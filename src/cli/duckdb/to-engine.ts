/**
 * From the clean lines DuckDB holds (read-orders-duckdb.ts) to what the engine takes:
 *
 * - `orderTableFromDuckDb`: the engine's OrderTable for the whole report. Of the purchase lines the
 *   engine uses only their purchase days: each day's value (its lines added in table order) and its count
 *   of orders (src/engine/summary/purchase-days.ts). So the purchase DAYS are handed over
 *   (OrderTable.purchaseDays), not the lines nor the orders: one set of arrays per day, which the engine
 *   would otherwise build a second time from the lines (at 1,000,000 customers and 16 million orders,
 *   350 MB of order entries saved), and the values are the engine's to the last bit.
 * - `customerSummaryFromDuckDb`: only the calibration summary a purchase model takes (x, t_x, T) for
 *   `loyalty fit`, one row per customer aggregated in DuckDB.
 */
import { performance } from "node:perf_hooks";
import type { OrderTable } from "../../engine/data/read-orders";
import { float64Of } from "../../engine/math/typed-arrays";
import type { RefundLines } from "../../engine/data/orders";
import { DAYS_PER_UNIT, type TimeUnit } from "../../engine/summary/time-unit";
import { firstAfter, noOrderLines, type PurchaseDays } from "../../engine/summary/purchase-days";
import { CLEAN_LINES, KEPT_CUSTOMERS, type DuckDbOrders } from "./read-orders-duckdb";
import type { DuckDbSession } from "./session";
import { firstNumber } from "./raw-columns";

/**
 * Table rows whose lines one query hands over: a range's rows are read from the file alone (DuckDB skips
 * the Parquet row groups outside it), so the ranges together read the file once, and JavaScript puts a
 * range's lines back in table order by their row (DuckDB gives them in no fixed order), in buffers of
 * this many rows (about 17 bytes a row), where one sort of every line ran out of DuckDB's memory at 50
 * million lines and sorting each range in DuckDB cost more than putting it in order here.
 */
const ROWS_PER_RANGE = 2_000_000;

/** The refund lines as they come, in table order (few: one line in a hundred, say), grown as needed. */
class RefundsInTableOrder {
  private count = 0;
  private customer = new Int32Array(1024);
  private day = new Int32Array(1024);
  private amount = new Float64Array(1024);
  private row = new Int32Array(1024);

  add(customer: number, day: number, amount: number, row: number): void {
    if (this.count === this.customer.length) this.grow();
    const i = this.count++;
    this.customer[i] = customer;
    this.day[i] = day;
    this.amount[i] = amount;
    this.row[i] = row;
  }

  /** Grouped by customer, each customer's sorted by day, then by row (the order they came in). */
  grouped(customers: number): RefundLines {
    const n = this.count;
    const customerStart = new Int32Array(customers + 1);
    for (let i = 0; i < n; i++) customerStart[this.customer[i] + 1]++;
    for (let c = 0; c < customers; c++) customerStart[c + 1] += customerStart[c];
    const order = new Int32Array(n);
    const next = customerStart.slice(0, customers);
    for (let i = 0; i < n; i++) order[next[this.customer[i]]++] = i;
    for (let c = 0; c < customers; c++) {
      // A customer's few refunds: insertion sort by day keeps the table order within a day.
      for (let j = customerStart[c] + 1; j < customerStart[c + 1]; j++) {
        const line = order[j];
        let k = j;
        for (; k > customerStart[c] && this.day[order[k - 1]] > this.day[line]; k--) order[k] = order[k - 1];
        order[k] = line;
      }
    }
    return {
      customerStart,
      day: Int32Array.from(order, (i) => this.day[i]),
      amount: Float64Array.from(order, (i) => this.amount[i]),
      sourceRow: Int32Array.from(order, (i) => this.row[i]),
    };
  }

  private grow(): void {
    const size = this.customer.length * 2;
    const grown = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.customer = grown(this.customer, (k) => new Int32Array(k));
    this.day = grown(this.day, (k) => new Int32Array(k));
    this.amount = grown(this.amount, (k) => new Float64Array(k));
    this.row = grown(this.row, (k) => new Int32Array(k));
  }
}

/**
 * The kept customers (a purchase line, not a test account) in order of first appearance, and each one's
 * index among them by its number (`indexOf[customer]`, −1 for the file's other customers up to the last
 * kept one): the lines carry
 * the number, so no pass joins them to a table of indexes.
 */
async function keptCustomers(db: DuckDbSession) {
  const kept = await db.columns(`SELECT customer, customer_id FROM ${KEPT_CUSTOMERS} ORDER BY customer`);
  const numbers = kept.customer as number[];
  const indexOf = new Int32Array((numbers.at(-1) ?? -1) + 1).fill(-1);
  numbers.forEach((customer, c) => (indexOf[customer] = c));
  return { customerIds: kept.customer_id as string[], indexOf };
}

/**
 * Each customer's purchase days (table ll_days: customer, day, orders, which the caller made), with the
 * value 0. The table is read twice as it is, unsorted (the days of each customer counted, then put in
 * their place), and each customer's few days sorted here: DuckDB's sort of every day cost more.
 */
async function emptyPurchaseDays(db: DuckDbSession, indexOf: Int32Array, customers: number) {
  const count = await firstNumber(db, "SELECT COUNT(*) FROM ll_days");
  const start = new Int32Array(customers + 1);
  await db.streamNumbers(`SELECT CAST(customer AS INTEGER) FROM ll_days`, ([customer], n) => {
    for (let k = 0; k < n; k++) start[indexOf[customer[k]] + 1]++;
  });
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const day = new Int32Array(count);
  const orders = new Int32Array(count);
  const next = start.slice(0, customers);
  await db.streamNumbers(
    `SELECT CAST(customer AS INTEGER), day, CAST(orders AS INTEGER) FROM ll_days`,
    ([customer, days, counts], n) => {
      for (let k = 0; k < n; k++) {
        const i = next[indexOf[customer[k]]]++;
        day[i] = days[k];
        orders[i] = counts[k];
      }
    },
  );
  for (let c = 0; c < customers; c++) sortDays(day, orders, start[c], start[c + 1]);
  return { start, day, orders, value: new Float64Array(count) };
}

/** Sorts days[lo..hi) (distinct days) ascending, with their orders. */
function sortDays(days: Int32Array, orders: Int32Array, lo: number, hi: number): void {
  if (hi - lo <= 32) {
    for (let j = lo + 1; j < hi; j++) {
      const d = days[j];
      const o = orders[j];
      let k = j;
      for (; k > lo && days[k - 1] > d; k--) {
        days[k] = days[k - 1];
        orders[k] = orders[k - 1];
      }
      days[k] = d;
      orders[k] = o;
    }
    return;
  }
  // A customer of many days: the index of each day sorted with it (days are whole numbers far below 2^21).
  const keys = float64Of(hi - lo, (i) => days[lo + i] * 2 ** 31 + i).sort();
  const [d, o] = [days.slice(lo, hi), orders.slice(lo, hi)];
  keys.forEach((key, i) => {
    const from = key - Math.floor(key / 2 ** 31) * 2 ** 31;
    days[lo + i] = d[from];
    orders[lo + i] = o[from];
  });
}

/** A range of the clean lines put back in table order: the line of each row, or none (customer −1). */
class RangeInTableOrder {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly purchase: Uint8Array;
  constructor(readonly size: number) {
    this.customer = new Int32Array(size).fill(-1);
    this.day = new Int32Array(size);
    this.amount = new Float64Array(size);
    this.purchase = new Uint8Array(size);
  }
}

/**
 * The purchase days with their values, and the refund lines: the clean lines in table order, by ranges
 * of rows, each purchase line added to its day and each refund kept. A day's lines are added in table
 * order, as the engine adds them (purchaseDaysOf), so the values are the engine's to the last bit. Only
 * numbers cross into JavaScript, as typed arrays.
 */
async function purchaseDaysAndRefunds(
  db: DuckDbSession,
  kept: { customerIds: string[]; indexOf: Int32Array },
  rowsPerRange: number,
): Promise<PurchaseDays> {
  const { customerIds, indexOf } = kept;
  const customers = customerIds.length;
  const { start, day, orders, value } = await emptyPurchaseDays(db, indexOf, customers);
  const refunds = new RefundsInTableOrder();
  // ll_row numbers the file's rows from 0 (ll_raw's rowid): the file's row count bounds them, read from
  // its metadata rather than by a pass over the lines.
  const rows = await firstNumber(db, "SELECT COUNT(*) FROM ll_raw");
  const range = new RangeInTableOrder(Math.max(0, Math.min(rowsPerRange, rows)));
  // The day of the line before: an order's lines usually follow each other, and share it.
  let lastCustomer = -1;
  let lastDay = 0;
  let slot = -1;
  for (let from = 0; from < rows; from += rowsPerRange) {
    const size = Math.min(rowsPerRange, rows - from);
    await db.streamNumbers(
      `SELECT CAST(customer AS INTEGER), day, amount, CAST(purchase AS INTEGER), CAST(ll_row AS INTEGER)
       FROM ${CLEAN_LINES} WHERE ll_row >= ${from} AND ll_row < ${from + size}`,
      ([customer, days, amounts, purchase, row], n) => {
        for (let k = 0; k < n; k++) {
          // The refunds of a customer without a purchase (numbered −1, or beyond the last kept customer)
          // are not in the engine's table (customersWithoutPurchase).
          const c = customer[k] < indexOf.length ? indexOf[customer[k]] : -1;
          if (c < 0) continue;
          const at = row[k] - from;
          range.customer[at] = c;
          range.day[at] = days[k];
          range.amount[at] = amounts[k];
          range.purchase[at] = purchase[k];
        }
      },
    );
    for (let at = 0; at < size; at++) {
      const c = range.customer[at];
      if (c < 0) continue;
      range.customer[at] = -1;
      const d = range.day[at];
      const amount = range.amount[at];
      if (range.purchase[at] !== 1) {
        refunds.add(c, d, amount, from + at);
        continue;
      }
      if (c !== lastCustomer || d !== lastDay) {
        slot = firstAfter(day, start[c], start[c + 1], d - 1);
        lastCustomer = c;
        lastDay = d;
      }
      value[slot] += amount;
    }
  }
  return { customerIds, start, day, value, orders, refunds: refunds.grouped(customers) };
}

/**
 * The engine's OrderTable of the clean lines: the customers in order of first appearance, their refund
 * lines, and their purchase days (OrderTable.purchaseDays), not the purchase lines. `rowsPerRange`: table
 * rows handed over per query (a test gives a few, to see days cut between ranges).
 */
export async function orderTableFromDuckDb(
  db: DuckDbSession,
  read: DuckDbOrders,
  rowsPerRange = ROWS_PER_RANGE,
): Promise<OrderTable> {
  performance.mark("loyalty:Handing the orders to the engine");
  const kept = await keptCustomers(db);
  // The orders of each purchase day: each (day, order id) once, a line without an order id by itself.
  // Two tables, not one nested query: each aggregate then spills to disk by itself (nested, the query
  // ran out of DuckDB's memory at 50 million lines, and at 10 million under a 150 MB limit).
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_order_firsts AS
    SELECT customer, day FROM ${CLEAN_LINES}
    WHERE purchase GROUP BY customer, day, order_id, CASE WHEN order_id IS NULL THEN ll_row END`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ll_days AS
    SELECT customer, day, COUNT(*) AS orders FROM ll_order_firsts GROUP BY customer, day`);
  await db.run("DROP TABLE ll_order_firsts");
  performance.mark("loyalty:Handing over each day's value and the refunds");
  const days = await purchaseDaysAndRefunds(db, kept, rowsPerRange);
  await db.run("DROP TABLE ll_days");
  return {
    orders: noOrderLines(kept.customerIds, days.refunds),
    purchaseDays: days,
    members: read.members,
    quality: read.quality,
    columns: read.columns,
    asOf: read.asOf,
    customersWithoutPurchase: read.customersWithoutPurchase,
    testAccounts: read.testAccounts,
    formats: read.formats,
  };
}

/** The customer summary columns a purchase model takes, one value per customer in the calibration cohort. */
export interface DuckDbCalibration {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * The calibration cohort's x, t_x and T as the engine's customerSummary defines them
 * (src/engine/summary/customer-summary.ts): each kept customer's first and last purchase day up to the
 * calibration end, and how many days. All three are whole days over the unit, exact whatever the order the
 * lines come in; the customers come in order of first appearance, as in process. No spend: a sum of amounts
 * in DuckDB's order differs from the engine's in the last bits, so a spend model takes the purchase days the
 * report takes (fit-with-duckdb.ts), and the purchase models need none.
 *
 * The purchase lines' customers and days cross into JavaScript as typed arrays, each into its customer's
 * room (as many as the rows holding its id), where its distinct days are counted: 200 MB of days at 50
 * million lines, where DuckDB's grouping of 16 million (customer, day) pairs filled its memory limit.
 */
export async function customerSummaryFromDuckDb(
  db: DuckDbSession,
  read: DuckDbOrders,
  options: { calibrationEnd?: number; unit: TimeUnit },
): Promise<DuckDbCalibration> {
  performance.mark("loyalty:Computing the customer summary");
  const end = Math.min(options.calibrationEnd ?? read.asOf, read.asOf);
  const rooms = await customerRooms(db);
  const next = rooms.start.slice(0, rooms.kept);
  const days = new Int32Array(rooms.start[rooms.kept]);
  let lowest = end;
  await db.streamNumbers(
    `SELECT customer, day FROM ${CLEAN_LINES} WHERE purchase AND day <= ${end}`,
    ([customers, lineDays], n) => {
      for (let k = 0; k < n; k++) {
        const day = lineDays[k];
        days[next[rooms.index[customers[k]]]++] = day;
        if (day < lowest) lowest = day;
      }
    },
  );
  return calibrationOf(days, rooms.start, next, { end, lowest, perUnit: DAYS_PER_UNIT[options.unit] });
}

/**
 * The kept customers in order of first appearance, each with its room for days (start, as many as the
 * rows holding its id), and each customer number's place among them (index).
 */
async function customerRooms(
  db: DuckDbSession,
): Promise<{ kept: number; start: Int32Array; index: Int32Array }> {
  const kept = await firstNumber(db, `SELECT COUNT(*) FROM ${KEPT_CUSTOMERS}`);
  const numbers = await firstNumber(db, `SELECT COALESCE(MAX(customer) + 1, 0) FROM ${KEPT_CUSTOMERS}`);
  const start = new Int32Array(kept + 1);
  const index = new Int32Array(numbers).fill(-1);
  let at = 0;
  await db.streamNumbers(
    `SELECT customer, CAST(lines AS INTEGER) FROM ${KEPT_CUSTOMERS} ORDER BY customer`,
    ([customers, lines], n) => {
      for (let k = 0; k < n; k++, at++) {
        index[customers[k]] = at;
        start[at + 1] = start[at] + lines[k];
      }
    },
  );
  return { kept, start, index };
}

/**
 * x, t_x and T of the customers whose days fill days[start[c] .. filled[c]): their first day before the
 * end (a first purchase on the end has T = 0, no time to observe: left out), distinct days counted by
 * marking each day with its customer.
 */
function calibrationOf(
  days: Int32Array,
  start: Int32Array,
  filled: Int32Array,
  t: { end: number; lowest: number; perUnit: number },
): DuckDbCalibration {
  const customers = filled.length;
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  const markedBy = new Int32Array(t.end - t.lowest + 1).fill(-1);
  let n = 0;
  for (let c = 0; c < customers; c++) {
    let first = Infinity;
    let last = -Infinity;
    let distinct = 0;
    for (let i = start[c]; i < filled[c]; i++) {
      const day = days[i];
      if (markedBy[day - t.lowest] === c) continue;
      markedBy[day - t.lowest] = c;
      distinct++;
      if (day < first) first = day;
      if (day > last) last = day;
    }
    if (distinct === 0 || first >= t.end) continue;
    x[n] = distinct - 1;
    tx[n] = (last - first) / t.perUnit;
    T[n] = (t.end - first) / t.perUnit;
    n++;
  }
  return { x: x.slice(0, n), tx: tx.slice(0, n), T: T.slice(0, n) };
}
