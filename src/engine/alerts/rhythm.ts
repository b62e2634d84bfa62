/**
 * Purchase rhythm per customer, the inputs of the alerts: the median interval between purchase days, the
 * days since the last one, their ratio, and the spend of the last N days against the N days before.
 */
import { activityBetween } from "../tiers/activity";
import { firstAfter, type PurchaseDays } from "../summary/purchase-days";
import { float64Of } from "../math/typed-arrays";

export interface RhythmOptions {
  /** Length N of the two spend windows compared, in days (default 90). */
  spendWindowDays?: number;
}

export interface PurchaseRhythm {
  asOf: number;
  spendWindowDays: number;
  /** Median days between consecutive purchase days; NaN with fewer than two purchase days. */
  medianIntervalDays: Float64Array;
  /** Days from the last purchase to the as-of date; NaN without a purchase. */
  daysSinceLast: Float64Array;
  /** daysSinceLast / medianIntervalDays: 1 is on rhythm, 2 is twice as long as usual. */
  rhythmRatio: Float64Array;
  /** Net spend in the last N days (asOf − N, asOf]. */
  spendRecent: Float64Array;
  /** Net spend in the N days before (asOf − 2N, asOf − N]. */
  spendPrior: Float64Array;
  /** (recent − prior) / prior: −0.6 is a 60 % drop; NaN when nothing was spent before. */
  spendChange: Float64Array;
}

function median(values: Float64Array, count: number): number {
  const sorted = values.subarray(0, count).sort();
  const mid = count >> 1;
  return count % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function purchaseRhythm(
  days: PurchaseDays,
  asOf: number,
  options: RhythmOptions = {},
): PurchaseRhythm {
  const window = options.spendWindowDays ?? 90;
  const n = days.customerIds.length;
  const medianIntervalDays = new Float64Array(n).fill(NaN);
  const daysSinceLast = new Float64Array(n).fill(NaN);
  let longest = 0;
  for (let c = 0; c < n; c++) longest = Math.max(longest, days.start[c + 1] - days.start[c]);
  const gaps = new Float64Array(Math.max(0, longest - 1));
  for (let c = 0; c < n; c++) {
    const lo = days.start[c];
    const end = firstAfter(days.day, lo, days.start[c + 1], asOf);
    if (end === lo) continue;
    daysSinceLast[c] = asOf - days.day[end - 1];
    if (end - lo < 2) continue;
    for (let i = lo + 1; i < end; i++) gaps[i - lo - 1] = days.day[i] - days.day[i - 1];
    medianIntervalDays[c] = median(gaps, end - lo - 1);
  }
  const recent = activityBetween(days, asOf - window, asOf).spend;
  const prior = activityBetween(days, asOf - 2 * window, asOf - window).spend;
  return {
    asOf,
    spendWindowDays: window,
    medianIntervalDays,
    daysSinceLast,
    rhythmRatio: float64Of(n, (c) => daysSinceLast[c] / medianIntervalDays[c]),
    spendRecent: recent,
    spendPrior: prior,
    spendChange: float64Of(n, (c) => (prior[c] > 0 ? (recent[c] - prior[c]) / prior[c] : NaN)),
  };
}
