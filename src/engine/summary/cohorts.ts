/**
 * Cohort retention: customers grouped by the month of their first purchase (the cohort), and for each
 * month since then the share of the cohort that bought in that month. Month 0 is the first-purchase month,
 * so its retention is 1. Months after the as-of month are not observed and are absent from the row.
 */
import { formatMonthIndex } from "../data/days";
import { MonthLookup } from "./months";
import { firstAfter, type PurchaseDays } from "./purchase-days";

export interface CohortRetention {
  /** Month index of each cohort (year × 12 + month − 1), ascending, every month from the first. */
  cohorts: Int32Array;
  /** "2024-05" per cohort. */
  labels: string[];
  /** Customers per cohort. */
  sizes: Int32Array;
  /** active[k][j]: customers of cohort k who bought in month k + j; the row has one entry per observed month. */
  active: Int32Array[];
  /** retention[k][j] = active[k][j] / sizes[k] (NaN for an empty cohort). */
  retention: Float64Array[];
}

export function cohortRetention(days: PurchaseDays, asOf: number): CohortRetention {
  let firstDay = Infinity;
  for (let c = 0; c < days.customerIds.length; c++) {
    const lo = days.start[c];
    if (lo < days.start[c + 1] && days.day[lo] <= asOf) firstDay = Math.min(firstDay, days.day[lo]);
  }
  if (firstDay === Infinity) {
    return { cohorts: new Int32Array(0), labels: [], sizes: new Int32Array(0), active: [], retention: [] };
  }
  const lookup = new MonthLookup(firstDay, asOf);
  const first = lookup.monthOf(firstDay);
  const n = lookup.monthOf(asOf) - first + 1;
  const sizes = new Int32Array(n);
  const active = Array.from({ length: n }, (_, k) => new Int32Array(n - k));
  for (let c = 0; c < days.customerIds.length; c++) {
    const lo = days.start[c];
    const end = firstAfter(days.day, lo, days.start[c + 1], asOf);
    if (end === lo) continue;
    const cohort = lookup.monthOf(days.day[lo]) - first;
    sizes[cohort]++;
    const row = active[cohort];
    let previous = -1;
    for (let i = lo; i < end; i++) {
      const age = lookup.monthOf(days.day[i]) - first - cohort;
      if (age !== previous) row[(previous = age)]++;
    }
  }
  const cohorts = Int32Array.from({ length: n }, (_, k) => first + k);
  return {
    cohorts,
    labels: Array.from(cohorts, formatMonthIndex),
    sizes,
    active,
    retention: active.map((row, k) => Float64Array.from(row, (v) => (sizes[k] > 0 ? v / sizes[k] : NaN))),
  };
}
