/**
 * Segment tables for reports: per segment (or value band, or tier) the customers, revenue, their shares,
 * and the mean recency, frequency and spend; and the Pareto table of revenue concentration.
 */
import type { CustomerSummary } from "../summary/customer-summary";
import type { RfmScores } from "./rfm-scores";
import type { SegmentAssignment } from "./segments";

export interface SegmentRow {
  key: string;
  name: string;
  nameZh: string;
  customers: number;
  /** customers / all customers. */
  customerShare: number;
  /** Net spend of the segment's customers. */
  revenue: number;
  /** revenue / revenue of all customers. */
  revenueShare: number;
  meanRecencyDays: number;
  meanOrders: number;
  meanSpend: number;
  /** Mean R, F and M scores (NaN without scores). */
  meanR: number;
  meanF: number;
  meanM: number;
}

/** One row per segment of the assignment, in the scheme's order (empty segments included, means NaN). */
export function summarizeSegments(
  assignment: SegmentAssignment,
  summary: CustomerSummary,
  scores?: RfmScores,
): SegmentRow[] {
  const k = assignment.segments.length;
  const count = new Float64Array(k);
  const sums = Array.from({ length: 7 }, () => new Float64Array(k));
  const [revenue, recency, orders, r, f, m] = sums;
  let totalRevenue = 0;
  const n = assignment.segment.length;
  for (let i = 0; i < n; i++) {
    const g = assignment.segment[i];
    count[g]++;
    revenue[g] += summary.spend[i];
    totalRevenue += summary.spend[i];
    recency[g] += summary.recencyDays[i];
    orders[g] += summary.orders[i];
    if (scores) {
      r[g] += scores.r[i];
      f[g] += scores.f[i];
      m[g] += scores.m[i];
    }
  }
  return assignment.segments.map((seg, g) => ({
    key: seg.key,
    name: seg.name,
    nameZh: seg.nameZh,
    customers: count[g],
    customerShare: n > 0 ? count[g] / n : NaN,
    revenue: revenue[g],
    revenueShare: totalRevenue !== 0 ? revenue[g] / totalRevenue : NaN,
    meanRecencyDays: recency[g] / count[g],
    meanOrders: orders[g] / count[g],
    meanSpend: revenue[g] / count[g],
    meanR: scores ? r[g] / count[g] : NaN,
    meanF: scores ? f[g] / count[g] : NaN,
    meanM: scores ? m[g] / count[g] : NaN,
  }));
}

export interface ParetoRow {
  /** Share of customers, the most valuable first (0.2 = the top 20 %). */
  topShare: number;
  /** round(topShare × customers), at least 1. */
  customers: number;
  revenue: number;
  revenueShare: number;
}

export const DEFAULT_PARETO_SHARES: readonly number[] = [0.01, 0.05, 0.1, 0.2, 0.5];

function descendingFinite(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort()
    .reverse();
}

/** Share of revenue from the top 1, 5, 10, 20, 50 % of customers (or the shares given). */
export function paretoTable(values: ArrayLike<number>, topShares = DEFAULT_PARETO_SHARES): ParetoRow[] {
  const sorted = descendingFinite(values);
  const cumulative = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) cumulative[i + 1] = cumulative[i] + sorted[i];
  const total = cumulative[sorted.length];
  return topShares.map((share) => {
    const customers = Math.min(sorted.length, Math.max(1, Math.round(share * sorted.length)));
    const revenue = cumulative[customers];
    return { topShare: share, customers, revenue, revenueShare: total !== 0 ? revenue / total : NaN };
  });
}

/** The Pareto curve: cumulative revenue share at `points` + 1 evenly spaced customer shares 0..1. */
export function paretoCurve(
  values: ArrayLike<number>,
  points = 100,
): { customerShare: Float64Array; revenueShare: Float64Array } {
  const sorted = descendingFinite(values);
  const n = sorted.length;
  let total = 0;
  for (const v of sorted) total += v;
  const customerShare = new Float64Array(points + 1);
  const revenueShare = new Float64Array(points + 1);
  let taken = 0;
  let running = 0;
  for (let p = 0; p <= points; p++) {
    const upTo = Math.round((p / points) * n);
    while (taken < upTo) running += sorted[taken++];
    customerShare[p] = p / points;
    revenueShare[p] = total !== 0 ? running / total : NaN;
  }
  return { customerShare, revenueShare };
}
