/**
 * The seasonal index of the projection: how much a period of the year sells against the year's mean
 * period, measured on the two years before the as-of date (so it needs 24 months of history).
 *
 * Position q = 1..P of the year is the q-th period after the as-of date (P = 12 / L periods of L months);
 * one and two years earlier it was the period (asOf − 12y + (q − 1)L, asOf − 12y + qL], with revenue
 * R_y,q (all customers' net spend) and the year's total Y_y = Σ_q R_y,q. A growing business sells more at
 * the end of each year than at its start: that is trend, not season, so each period's share of its year
 * is divided by where the growth alone would put it:
 *   g = Y_1 / Y_2 (the last year over the one before),  ρ = g^(1/P),  trend_q = ρ^q / mean_q'(ρ^q')
 *   index_q = mean over y = 1, 2 of (R_y,q / (Y_y / P)) / trend_q, then scaled so that the P indexes
 *   average exactly 1 (the index moves revenue between the periods of a year, it adds none).
 * Without 24 months of history, with periods that do not divide the year, or without revenue in either
 * year, every index is 1 and `status` says why.
 */
import { addMonths } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { historyMonths, periodsPerYear } from "./history";

export type SeasonalityStatus = "estimated" | "tooLittleHistory" | "periodNotDividingYear" | "noRevenue";

export interface SeasonalIndex {
  /** index[q − 1]: the index of the q-th period after the as-of date, q = 1..P (1 when not estimated). */
  index: number[];
  status: SeasonalityStatus;
}

/** Months of history the index needs: two whole years. */
const SEASON_HISTORY_MONTHS = 24;

/** Net spend of all customers per period of L months, the `count` periods ending on `asOf`, oldest first. */
function revenuePerPeriod(days: PurchaseDays, asOf: number, L: number, count: number): number[] {
  const bounds = Array.from({ length: count + 1 }, (_, j) => addMonths(asOf, (j - count) * L));
  const totals = new Array<number>(count).fill(0);
  // The bucket of day d: the j with bounds[j] < d <= bounds[j + 1], or −1 outside them.
  const bucket = (d: number): number => {
    if (d <= bounds[0] || d > bounds[count]) return -1;
    let lo = 0;
    let hi = count;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid] < d) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const addAll = (day: Int32Array, amount: Float64Array) => {
    for (let i = 0; i < day.length; i++) {
      const j = bucket(day[i]);
      if (j >= 0) totals[j] += amount[i];
    }
  };
  addAll(days.day, days.value);
  addAll(days.refunds.day, days.refunds.amount);
  return totals;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The index of the two years of revenue `older` and `last` (P periods each, oldest first). */
function indexOfYears(older: readonly number[], last: readonly number[]): number[] | null {
  const P = last.length;
  const years = [last, older];
  const totals = years.map((y) => y.reduce((a, b) => a + b, 0));
  if (!(totals[0] > 0 && totals[1] > 0)) return null;
  const rho = Math.pow(totals[0] / totals[1], 1 / P);
  const ramp = Array.from({ length: P }, (_, q) => Math.pow(rho, q + 1));
  const rampMean = mean(ramp);
  const raw = Array.from({ length: P }, (_, q) =>
    mean(years.map((y, i) => y[q] / (totals[i] / P) / (ramp[q] / rampMean))),
  );
  const scale = mean(raw);
  return raw.map((v) => v / scale);
}

export function seasonalIndex(days: PurchaseDays, asOf: number, L: number): SeasonalIndex {
  const P = periodsPerYear(L);
  const flat = { index: new Array<number>(P).fill(1) };
  if (P * L !== 12) return { ...flat, status: "periodNotDividingYear" };
  if (historyMonths(days, asOf) < SEASON_HISTORY_MONTHS) return { ...flat, status: "tooLittleHistory" };
  const revenue = revenuePerPeriod(days, asOf, L, 2 * P);
  const index = indexOfYears(revenue.slice(0, P), revenue.slice(P));
  return index ? { index, status: "estimated" } : { ...flat, status: "noRevenue" };
}
