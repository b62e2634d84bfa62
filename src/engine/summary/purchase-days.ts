/**
 * Purchase days: a customer's purchases merged by day, as the buy-till-you-die models, the tier windows,
 * the KPIs and the alerts all count them. Several orders on one day are one purchase day whose value is
 * their sum (the convention of Fader and Hardie, lifetimes, BTYD and CLVTools).
 */
import type { OrderLines, RefundLines } from "../data/orders";

export interface PurchaseDays {
  customerIds: readonly string[];
  /** Customer c's purchase days: start[c] .. start[c + 1] − 1, in ascending day order. */
  start: Int32Array;
  /** Day number of each purchase day. */
  day: Int32Array;
  /** Sum of the line amounts of that day (refunds not included). */
  value: Float64Array;
  /** Distinct orders that day (see OrderLines.newOrder). */
  orders: Int32Array;
  /** The customers' refunds, grouped the same way (see OrderLines). */
  refunds: RefundLines;
}

/** Merges each customer's lines by day. Lines must be grouped by customer and sorted by day (OrderLines). */
export function purchaseDaysOf(orders: OrderLines): PurchaseDays {
  const customers = orders.customerIds.length;
  const lines = orders.day.length;
  let dayCount = 0;
  for (let i = 0; i < lines; i++) {
    if (i === 0 || orders.customer[i] !== orders.customer[i - 1] || orders.day[i] !== orders.day[i - 1]) {
      dayCount++;
    }
  }
  const start = new Int32Array(customers + 1);
  const day = new Int32Array(dayCount);
  const value = new Float64Array(dayCount);
  const orderCount = new Int32Array(dayCount);
  let slot = -1;
  for (let c = 0; c < customers; c++) {
    start[c] = slot + 1;
    for (let i = orders.customerStart[c]; i < orders.customerStart[c + 1]; i++) {
      if (i === orders.customerStart[c] || orders.day[i] !== orders.day[i - 1]) {
        slot++;
        day[slot] = orders.day[i];
      }
      value[slot] += orders.amount[i];
      orderCount[slot] += orders.newOrder[i];
    }
  }
  start[customers] = dayCount;
  return { customerIds: orders.customerIds, start, day, value, orders: orderCount, refunds: orders.refunds };
}

/** Order lines of `customerIds` without a line: what a reader that hands over purchase days or a summary gives. */
export function noOrderLines(customerIds: readonly string[], refunds: RefundLines): OrderLines {
  return {
    customerIds,
    customerStart: new Int32Array(customerIds.length + 1),
    customer: new Int32Array(0),
    day: new Int32Array(0),
    amount: new Float64Array(0),
    sourceRow: new Int32Array(0),
    newOrder: new Uint8Array(0),
    quantity: null,
    channel: null,
    channels: [],
    labels: {},
    refunds,
  };
}

/** Index of the first element of `days[lo..hi)` greater than `limit` (binary search; days ascending). */
export function firstAfter(days: Int32Array, lo: number, hi: number, limit: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
