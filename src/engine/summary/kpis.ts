/**
 * Monthly KPIs of a customer base, from the purchase days up to the as-of date.
 *
 * Definitions (per calendar month m; the as-of month is usually partial, see `partial`):
 * - active customers: customers with at least one purchase day in m;
 * - new customers: customers whose first purchase is in m; returning = active − new;
 * - repeat-purchase rate: customers with two or more purchase days in m / active customers of m;
 * - retention rate: customers active in both m − 1 and m / customers active in m − 1;
 * - churned customers: customers acquired by the end of m (the as-of date for its month) whose last
 *   purchase up to then is more than `churnWindowDays` days before it (a count at the month's end);
 * - churn rate, monthly like retention: customers who reach `churnWindowDays` days without a purchase
 *   during m (newly churned) / customers not churned at the end of m − 1 (acquired − churned then);
 * - revenue: purchases in m (before refunds); refunds: refunds dated in m (negative); net = the sum;
 * - average order value: revenue / orders of m.
 * Rates are NaN when their denominator is 0.
 */
import { formatMonthIndex, lastDayOfMonthIndex } from "../data/days";
import { MonthLookup } from "./months";
import { firstAfter, type PurchaseDays } from "./purchase-days";

export interface MonthlyKpiOptions {
  /** Day number: later purchases are ignored; its month is the last row. */
  asOf: number;
  /** A customer with no purchase for more than this many days counts as churned (default 90). */
  churnWindowDays?: number;
}

export interface MonthlyKpis {
  churnWindowDays: number;
  /** Month indexes (year × 12 + month − 1), consecutive, from the first purchase month to the as-of month. */
  months: Int32Array;
  /** "2024-05" for each month. */
  labels: string[];
  /** True when the as-of date is before the end of the last month. */
  partial: boolean;
  activeCustomers: Int32Array;
  newCustomers: Int32Array;
  returningCustomers: Int32Array;
  /** Customers with two or more purchase days in the month. */
  repeatCustomers: Int32Array;
  repeatPurchaseRate: Float64Array;
  /** Active in the month before and in this one. */
  retainedCustomers: Int32Array;
  retentionRate: Float64Array;
  /** Customers acquired up to the end of the month. */
  customersToDate: Int32Array;
  churnedCustomers: Int32Array;
  /** Customers whose days without a purchase pass the churn window during the month. */
  newlyChurned: Int32Array;
  /** newlyChurned / customers not churned at the end of the month before: a monthly rate. */
  churnRate: Float64Array;
  orders: Int32Array;
  revenue: Float64Array;
  refunds: Float64Array;
  netRevenue: Float64Array;
  averageOrderValue: Float64Array;
}

function ratio(numerator: ArrayLike<number>, denominator: ArrayLike<number>): Float64Array {
  return Float64Array.from(numerator, (v, i) => (denominator[i] > 0 ? v / denominator[i] : NaN));
}

/** The range of purchase days up to `asOf`, or undefined when there is none. */
function dayRange(days: PurchaseDays, asOf: number): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < days.customerIds.length; c++) {
    const lo = days.start[c];
    const end = firstAfter(days.day, lo, days.start[c + 1], asOf);
    if (end === lo) continue;
    if (days.day[lo] < first) first = days.day[lo];
    if (days.day[end - 1] > last) last = days.day[end - 1];
  }
  return first <= last ? { first, last } : undefined;
}

/** The months a KPI table covers, and the rules its counts follow. */
interface KpiSpan {
  lookup: MonthLookup;
  firstMonth: number;
  lastMonth: number;
  /** Number of months. */
  n: number;
  asOf: number;
  /** Days without a purchase after which a customer counts as churned. */
  window: number;
}

function kpiSpan(days: PurchaseDays, asOf: number, window: number): KpiSpan {
  const range = dayRange(days, asOf);
  // Churn spells start up to `window` days after the last purchase: cover those days too.
  const lookup = new MonthLookup(range?.first ?? asOf, asOf + window + 1);
  const lastMonth = lookup.monthOf(asOf);
  const firstMonth = range ? lookup.monthOf(range.first) : lastMonth;
  return { lookup, firstMonth, lastMonth, n: lastMonth - firstMonth + 1, asOf, window };
}

/** The per-month counts, filled customer by customer. */
function emptyTally(n: number) {
  return {
    active: new Int32Array(n),
    fresh: new Int32Array(n),
    repeat: new Int32Array(n),
    retained: new Int32Array(n),
    orders: new Int32Array(n),
    revenue: new Float64Array(n),
    refunds: new Float64Array(n),
    // Churn spells as a difference array over months: +1 where a spell starts, −1 after it ends.
    churnDelta: new Int32Array(n + 1),
    newlyChurned: new Int32Array(n),
    churnedAtAsOf: 0,
  };
}

type KpiTally = ReturnType<typeof emptyTally>;

/** One customer's purchase days `lo..end − 1` (up to the as-of date) into the tally. */
function tallyPurchases(days: PurchaseDays, lo: number, end: number, span: KpiSpan, t: KpiTally): void {
  const { lookup, firstMonth, n, asOf, window } = span;
  t.fresh[lookup.monthOf(days.day[lo]) - firstMonth]++;
  let previousMonth = -1;
  let daysInMonth = 0;
  for (let i = lo; i < end; i++) {
    const m = lookup.monthOf(days.day[i]) - firstMonth;
    t.orders[m] += days.orders[i];
    t.revenue[m] += days.value[i];
    if (m !== previousMonth) {
      t.active[m]++;
      if (previousMonth >= 0 && m === previousMonth + 1) t.retained[m]++;
      previousMonth = m;
      daysInMonth = 1;
    } else if (++daysInMonth === 2) {
      t.repeat[m]++;
    }
    // Churned at the month ends after day + window and before the next purchase (full months only).
    const from = lookup.monthOf(days.day[i] + window + 1) - firstMonth;
    const to = (i + 1 < end ? lookup.monthOf(days.day[i + 1]) - firstMonth : n) - 1;
    const stop = Math.min(to, n - 2);
    if (from <= stop) {
      t.churnDelta[from]++;
      t.churnDelta[stop + 1]--;
    }
    // The day the window is passed, when no purchase comes first (and it has come by the as-of date).
    const crossed = days.day[i] + window + 1;
    if (crossed <= asOf && (i + 1 >= end || days.day[i + 1] > crossed)) {
      t.newlyChurned[lookup.monthOf(crossed) - firstMonth]++;
    }
  }
  if (asOf - days.day[end - 1] > window) t.churnedAtAsOf++;
}

/** Customer c's refunds up to the as-of date into the tally's months. */
function tallyRefunds(days: PurchaseDays, c: number, span: KpiSpan, t: KpiTally): void {
  const { refunds: r } = days;
  const refundEnd = firstAfter(r.day, r.customerStart[c], r.customerStart[c + 1], span.asOf);
  for (let i = r.customerStart[c]; i < refundEnd; i++) {
    const m = span.lookup.monthOf(r.day[i]) - span.firstMonth;
    if (m >= 0) t.refunds[m] += r.amount[i];
  }
}

/** The KPI table from the tally: churn spells summed, rates as ratios of the counts. */
function kpisOf(t: KpiTally, span: KpiSpan): MonthlyKpis {
  const { n, asOf, lastMonth, firstMonth } = span;
  const { active, fresh, repeat, retained, newlyChurned, revenue, refunds, orders } = t;
  const churned = new Int32Array(n);
  const toDate = new Int32Array(n);
  let running = 0;
  let acquired = 0;
  for (let m = 0; m < n; m++) {
    running += t.churnDelta[m];
    churned[m] = m === n - 1 ? t.churnedAtAsOf : running;
    toDate[m] = acquired += fresh[m];
  }
  const months = Int32Array.from({ length: n }, (_, i) => firstMonth + i);
  return {
    churnWindowDays: span.window,
    months,
    labels: Array.from(months, formatMonthIndex),
    partial: asOf < lastDayOfMonthIndex(lastMonth),
    activeCustomers: active,
    newCustomers: fresh,
    returningCustomers: Int32Array.from(active, (a, i) => a - fresh[i]),
    repeatCustomers: repeat,
    repeatPurchaseRate: ratio(repeat, active),
    retainedCustomers: retained,
    retentionRate: ratio(
      retained,
      Int32Array.from(active, (_, i) => (i > 0 ? active[i - 1] : 0)),
    ),
    customersToDate: toDate,
    churnedCustomers: churned,
    newlyChurned,
    churnRate: ratio(
      newlyChurned,
      Int32Array.from(churned, (_, i) => (i > 0 ? toDate[i - 1] - churned[i - 1] : 0)),
    ),
    orders,
    revenue,
    refunds,
    netRevenue: Float64Array.from(revenue, (v, i) => v + refunds[i]),
    averageOrderValue: ratio(revenue, orders),
  };
}

export function monthlyKpis(days: PurchaseDays, options: MonthlyKpiOptions): MonthlyKpis {
  const span = kpiSpan(days, options.asOf, options.churnWindowDays ?? 90);
  const tally = emptyTally(span.n);
  for (let c = 0; c < days.customerIds.length; c++) {
    const lo = days.start[c];
    const end = firstAfter(days.day, lo, days.start[c + 1], span.asOf);
    if (end === lo) continue;
    tallyPurchases(days, lo, end, span, tally);
    tallyRefunds(days, c, span, tally);
  }
  return kpisOf(tally, span);
}
