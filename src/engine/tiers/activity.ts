/**
 * Activity in a qualifying window: per customer the net spend (purchases plus refunds) and the purchase
 * days between two days. The window is (after, through]: it excludes `after` and includes `through`.
 */
import { addMonths, dayFromYmd, ymdFromDay } from "../data/days";
import { firstAfter, type PurchaseDays } from "../summary/purchase-days";
import type { QualifyingWindow } from "./program";

export interface WindowActivity {
  spend: Float64Array;
  purchaseDays: Int32Array;
  /** 1 when the customer had made a first purchase by `through` (on that day or before), else 0. */
  hasBought: Uint8Array;
}

/** The day before the window of a review on `reviewDay` (the window is the days after it, through reviewDay). */
export function windowStartExclusive(window: QualifyingWindow, reviewDay: number): number {
  if (window.kind === "rolling") return addMonths(reviewDay, -window.months);
  return dayFromYmd(ymdFromDay(reviewDay).year, 1, 1) - 1;
}

export function activityBetween(days: PurchaseDays, after: number, through: number): WindowActivity {
  const n = days.customerIds.length;
  const spend = new Float64Array(n);
  const purchaseDays = new Int32Array(n);
  const hasBought = new Uint8Array(n);
  const { refunds } = days;
  for (let c = 0; c < n; c++) {
    const lo = days.start[c];
    const hi = days.start[c + 1];
    if (lo === hi || days.day[lo] > through) continue;
    hasBought[c] = 1;
    const from = firstAfter(days.day, lo, hi, after);
    const to = firstAfter(days.day, from, hi, through);
    let total = 0;
    for (let i = from; i < to; i++) total += days.value[i];
    const rLo = refunds.customerStart[c];
    const rHi = refunds.customerStart[c + 1];
    const rTo = firstAfter(refunds.day, rLo, rHi, through);
    for (let i = firstAfter(refunds.day, rLo, rHi, after); i < rTo; i++) total += refunds.amount[i];
    spend[c] = total;
    purchaseDays[c] = to - from;
  }
  return { spend, purchaseDays, hasBought };
}

/** Activity in the qualifying window of a review on `reviewDay`. */
export function windowActivity(
  days: PurchaseDays,
  window: QualifyingWindow,
  reviewDay: number,
): WindowActivity {
  return activityBetween(days, windowStartExclusive(window, reviewDay), reviewDay);
}
