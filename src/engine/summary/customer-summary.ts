/**
 * The customer summary: per customer what RFM tables, tiers and reports show (first and last purchase,
 * orders, purchase days, spend, recency) and the buy-till-you-die inputs of the models (x, t_x, T and the
 * mean repeat-day value), optionally with a holdout period for checking a model.
 *
 * Conventions (those of Fader & Hardie, BTYD, lifetimes and CLVTools):
 * - Same-day purchases are merged into one purchase day (see purchase-days.ts).
 * - x is the number of **repeat** purchase days in the calibration period (the first purchase day is not
 *   counted); t_x is the time from the first to the last purchase day in the calibration period; T is the
 *   time from the first purchase day to the end of the calibration period; all in `unit`s.
 * - monetary is the mean value of the repeat purchase days in the calibration period (the first purchase
 *   excluded); 0 when x = 0.
 * - A customer whose first purchase is after the calibration end is not in the calibration cohort: x, t_x,
 *   T, monetary and the holdout figures are NaN for them (`calibrationInputs` leaves them out).
 * - Spend is net: purchases plus refunds (refunds are negative), up to the as-of date.
 */
import { NO_DAY } from "../data/days";
import { firstAfter, type PurchaseDays } from "./purchase-days";
import { DAYS_PER_UNIT, type TimeUnit } from "./time-unit";
import { gathered } from "../math/typed-arrays";

export interface SummaryOptions {
  /** Day number: purchases after it are ignored and recency is measured to it. */
  asOf: number;
  /** Unit of t_x and T (default "week"). */
  unit?: TimeUnit;
  /** Last day of the calibration period (day number); default the as-of date (no holdout). */
  calibrationEnd?: number;
  /**
   * Last day of the holdout period (day number); default the as-of date. The holdout is the days after the
   * calibration end up to this day.
   */
  observationEnd?: number;
}

/** The buy-till-you-die inputs, one row per customer, in the summary's time unit. */
export interface RepeatPurchaseInputs {
  unit: TimeUnit;
  /** Repeat purchase days in the calibration period. */
  x: Float64Array;
  /** Time from the first to the last calibration purchase day, in `unit`s. */
  tX: Float64Array;
  /** Time from the first purchase day to the calibration end, in `unit`s. */
  T: Float64Array;
  /** Mean value of the repeat purchase days in the calibration period; 0 when x = 0. */
  monetary: Float64Array;
  /** Purchase days in the holdout period (null without holdout). */
  holdoutX: Float64Array | null;
  /** Value of the holdout purchase days (null without holdout). */
  holdoutSpend: Float64Array | null;
}

export interface CustomerSummary extends RepeatPurchaseInputs {
  customerIds: readonly string[];
  asOf: number;
  calibrationEnd: number;
  /** Last day of the holdout period, or null when there is no holdout (calibration end = as-of date). */
  holdoutEnd: number | null;
  /** First purchase day up to the as-of date (NO_DAY when none). */
  firstDay: Int32Array;
  /** Last purchase day up to the as-of date (NO_DAY when none). */
  lastDay: Int32Array;
  /** Orders up to the as-of date (distinct order ids per day; lines without an id count one each). */
  orders: Int32Array;
  /** Distinct purchase days up to the as-of date. */
  purchaseDays: Int32Array;
  /** Net spend up to the as-of date: purchases plus refunds. */
  spend: Float64Array;
  /** Refunds up to the as-of date (zero or negative). */
  refunds: Float64Array;
  /** Purchases (before refunds) per order; NaN without orders. */
  meanOrderValue: Float64Array;
  /** Days from the last purchase to the as-of date; NaN without a purchase. */
  recencyDays: Float64Array;
}

export function summarizeCustomers(days: PurchaseDays, options: SummaryOptions): CustomerSummary {
  const { asOf } = options;
  if (!Number.isFinite(asOf)) throw new RangeError("summarizeCustomers: the as-of date is not a day number");
  const unit = options.unit ?? "week";
  const calibrationEnd = Math.min(options.calibrationEnd ?? asOf, asOf);
  const holdoutEnd = Math.min(options.observationEnd ?? asOf, asOf);
  const hasHoldout = holdoutEnd > calibrationEnd;
  const perUnit = DAYS_PER_UNIT[unit];
  const n = days.customerIds.length;
  const s: CustomerSummary = {
    customerIds: days.customerIds,
    asOf,
    unit,
    calibrationEnd,
    holdoutEnd: hasHoldout ? holdoutEnd : null,
    firstDay: new Int32Array(n).fill(NO_DAY),
    lastDay: new Int32Array(n).fill(NO_DAY),
    orders: new Int32Array(n),
    purchaseDays: new Int32Array(n),
    spend: new Float64Array(n),
    refunds: new Float64Array(n),
    meanOrderValue: new Float64Array(n).fill(NaN),
    recencyDays: new Float64Array(n).fill(NaN),
    x: new Float64Array(n).fill(NaN),
    tX: new Float64Array(n).fill(NaN),
    T: new Float64Array(n).fill(NaN),
    monetary: new Float64Array(n).fill(NaN),
    holdoutX: hasHoldout ? new Float64Array(n).fill(NaN) : null,
    holdoutSpend: hasHoldout ? new Float64Array(n).fill(NaN) : null,
  };
  const { refunds } = days;
  for (let c = 0; c < n; c++) {
    const lo = days.start[c];
    const end = firstAfter(days.day, lo, days.start[c + 1], asOf);
    let refunded = 0;
    const refundEnd = firstAfter(refunds.day, refunds.customerStart[c], refunds.customerStart[c + 1], asOf);
    for (let i = refunds.customerStart[c]; i < refundEnd; i++) refunded += refunds.amount[i];
    s.refunds[c] = refunded;
    if (end === lo) {
      s.spend[c] = refunded;
      continue;
    }
    let gross = 0;
    let orderCount = 0;
    for (let i = lo; i < end; i++) {
      gross += days.value[i];
      orderCount += days.orders[i];
    }
    const first = days.day[lo];
    const last = days.day[end - 1];
    s.firstDay[c] = first;
    s.lastDay[c] = last;
    s.orders[c] = orderCount;
    s.purchaseDays[c] = end - lo;
    s.spend[c] = gross + refunded;
    s.meanOrderValue[c] = orderCount > 0 ? gross / orderCount : NaN;
    s.recencyDays[c] = asOf - last;
    if (first > calibrationEnd) continue;

    const calibrationStop = firstAfter(days.day, lo, end, calibrationEnd);
    let repeatValue = 0;
    for (let i = lo + 1; i < calibrationStop; i++) repeatValue += days.value[i];
    const repeats = calibrationStop - lo - 1;
    s.x[c] = repeats;
    s.tX[c] = (days.day[calibrationStop - 1] - first) / perUnit;
    s.T[c] = (calibrationEnd - first) / perUnit;
    s.monetary[c] = repeats > 0 ? repeatValue / repeats : 0;
    if (s.holdoutX && s.holdoutSpend) {
      const holdoutStop = firstAfter(days.day, calibrationStop, end, holdoutEnd);
      let holdoutValue = 0;
      for (let i = calibrationStop; i < holdoutStop; i++) holdoutValue += days.value[i];
      s.holdoutX[c] = holdoutStop - calibrationStop;
      s.holdoutSpend[c] = holdoutValue;
    }
  }
  return s;
}

/** The buy-till-you-die inputs of the calibration cohort only, as the model fitting takes them. */
export interface CalibrationInputs extends RepeatPurchaseInputs {
  /** Index of each row's customer in the summary. */
  customer: Int32Array;
}

/** The rows of the customers in the calibration cohort (first purchase on or before the calibration end). */
export function calibrationInputs(summary: CustomerSummary): CalibrationInputs {
  const rows: number[] = [];
  for (let c = 0; c < summary.x.length; c++) if (!Number.isNaN(summary.x[c])) rows.push(c);
  const customer = Int32Array.from(rows);
  const pick = (all: Float64Array): Float64Array => gathered(all, customer);
  return {
    unit: summary.unit,
    customer,
    x: pick(summary.x),
    tX: pick(summary.tX),
    T: pick(summary.T),
    monetary: pick(summary.monetary),
    holdoutX: summary.holdoutX ? pick(summary.holdoutX) : null,
    holdoutSpend: summary.holdoutSpend ? pick(summary.holdoutSpend) : null,
  };
}
