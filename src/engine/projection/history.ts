/** How much order history there is and how many periods make a year, for the baseline and the season. */
import type { PurchaseDays } from "../summary/purchase-days";

/** Periods in a year of periods of `periodMonths` months (12 / L, rounded when L does not divide 12). */
export function periodsPerYear(periodMonths: number): number {
  return Math.max(1, Math.round(12 / periodMonths));
}

/** Average days in a month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

/** First purchase day in the data (Infinity without purchases). */
function firstPurchaseDay(days: PurchaseDays): number {
  let first = Infinity;
  for (let c = 0; c < days.customerIds.length; c++) {
    if (days.start[c] < days.start[c + 1]) first = Math.min(first, days.day[days.start[c]]);
  }
  return first;
}

/** Whole months of history from the first purchase through `asOf` (0 without purchases before it). */
export function historyMonths(days: PurchaseDays, asOf: number): number {
  const first = firstPurchaseDay(days);
  return first > asOf ? 0 : Math.round((asOf - first + 1) / DAYS_PER_MONTH);
}
