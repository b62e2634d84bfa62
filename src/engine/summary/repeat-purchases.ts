/**
 * Actual repeat purchases over time, the "actual" line of a model's tracking chart: repeat purchase days
 * (every purchase day after a customer's first) counted per period from a start day.
 */
import type { PurchaseDays } from "./purchase-days";

export interface RepeatPurchaseCounts {
  /** Day number where period 1 begins. */
  startDay: number;
  /** Length of a period in days (7 for weeks). */
  periodDays: number;
  /** Repeat purchase days in each period: perPeriod[k] counts days in [start + k·len, start + (k+1)·len). */
  perPeriod: Float64Array;
  /** Running totals: cumulative[k] counts repeat purchase days before the end of period k + 1. */
  cumulative: Float64Array;
}

/** Counts repeat purchase days per period; days before `startDay` or after the last period are left out. */
export function repeatPurchasesPerPeriod(
  days: PurchaseDays,
  startDay: number,
  periodDays: number,
  periods: number,
): RepeatPurchaseCounts {
  const perPeriod = new Float64Array(periods);
  for (let c = 0; c < days.customerIds.length; c++) {
    for (let i = days.start[c] + 1; i < days.start[c + 1]; i++) {
      const k = Math.floor((days.day[i] - startDay) / periodDays);
      if (k >= 0 && k < periods) perPeriod[k]++;
    }
  }
  const cumulative = new Float64Array(periods);
  let total = 0;
  for (let k = 0; k < periods; k++) cumulative[k] = total += perPeriod[k];
  return { startDay, periodDays, perPeriod, cumulative };
}
