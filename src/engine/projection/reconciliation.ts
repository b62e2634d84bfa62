/**
 * The reconciliation a finance reviewer traces before trusting the projection: what the business
 * actually sold in the last year, how well the same model did when run a year ago (the backtest), and the
 * next year's "no change" projection with its growth over the actual split into its causes.
 *
 * "No change" is the projection from the baseline alone: members now moved by the measured migration,
 * the measured intake split as measured, spend per member at the trailing average, the seasonal index;
 * no lift, no scenario, no benefit cost. Its states are those of the tenure chain (baseline.ts: each
 * tier's new and established members, then lapsed), s below. Its revenue over the Y = yearPeriods periods
 * of a year:
 *   N = Σ_t≤Y Σ_s n_t,s × w_s × σ_t
 * The growth N − A over the actual year A splits exactly (each step adds one cause):
 *   members now      N0 − A_tiers   N0 = Y × Σ_s n_0,s × w_s   (the members the year ended with, at its spend)
 *   migration        N1 − N0        N1 = Σ_t Σ_s (n_0 P^t)_s × w_s   (no intake; new members settling
 *                                   into established ones, moving between tiers, lapsing)
 *   intake           N2 − N1        N2 = Σ_t Σ_s n_t,s × w_s         (intake added, no season)
 *   spend per member −A_lapsed      spend per member is held at the trailing average: only the spend of
 *                                   customers without a tier (refunds, mostly) is not carried forward
 *   seasonality      N − N2
 * The backtest is the same "no change" projection from the baseline as of one year before the as-of date,
 * made from the purchases up to that date only, against what the tiers' members then actually spent.
 * Its error is split between the customers who had bought by the backtest date (projected: the same
 * projection without intake) and those whose first purchase came in the year checked (the rest), so that
 * two errors that cancel in the total are seen: a chain of tiers without tenure carries the members of a
 * year ago too long and gives new members the base tier's spend (reconciliation.test.ts, "a cohort that
 * ages").
 */
import { addMonths } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { activityBetween } from "../tiers/activity";
import type { TierProgram } from "../tiers/program";
import { baselineAsOf, type ProjectionBaseline } from "./baseline";
import { memberPath } from "./members";
import type { SeasonalityStatus } from "./season";
import { sum } from "./sum-product";

/** The backtest error the model aims at (±10 %). */
export const BACKTEST_TARGET = 0.1;

export interface NoChangeOptions {
  intake: boolean;
  migration: boolean;
  season: boolean;
}

/** Revenue per tier of the "no change" projection over `periods` periods (see above). */
export function noChangeRevenue(
  b: ProjectionBaseline,
  periods: number,
  options: NoChangeOptions = { intake: true, migration: true, season: true },
): number[] {
  const { chain, tierCount: k } = b;
  const S = chain.states.length;
  const stay = Array.from({ length: S }, (_, i) => Array.from({ length: S }, (_, j) => (i === j ? 1 : 0)));
  const entry = b.entrySplit.map((v) => (Number.isFinite(v) ? v : 0));
  const intake = options.intake ? () => b.newMembers : () => 0;
  const path = memberPath(chain.members, options.migration ? chain.migration : stay, intake, entry, periods);
  const season = b.seasonality.index;
  const w = chain.spendPerMember;
  return Array.from({ length: k }, (_, i) => {
    let total = 0;
    for (let t = 1; t <= periods; t++) {
      const spend = path[t][i] * w[i] + path[t][k + i] * w[k + i];
      total += spend * (options.season ? season[(t - 1) % season.length] : 1);
    }
    return total;
  });
}

export interface GrowthCauses {
  membersNow: number;
  migration: number;
  intake: number;
  spendPerMember: number;
  seasonality: number;
}

export type BacktestReason =
  | { reason: "shortHistory"; months: number }
  | { reason: "noSeasonalIndex"; status: SeasonalityStatus }
  | { reason: "trend"; actualGrowth: number; projectedGrowth: number }
  | { reason: "newMembers"; split: BacktestSplit };

/** Projected and actual revenue of one group of customers in the year the backtest checks. */
export interface BacktestPart {
  projected: number;
  actual: number;
  /** projected / actual − 1 (0 when the group spent nothing). */
  error: number;
}

/** The backtest's error split by who spent: customers of a year before and the year's new customers. */
export interface BacktestSplit {
  /** Customers who had bought on or before the backtest date. */
  existing: BacktestPart;
  /** Customers whose first purchase fell in the year checked, with their number (projected, actual). */
  joined: BacktestPart & { projectedCount: number; actualCount: number };
}

export interface Backtest {
  /** The as-of date of the backtest's baseline: one year before the as-of date. */
  asOf: number;
  /** Months of history the backtest's baseline had. */
  historyMonths: number;
  projected: number[];
  projectedTotal: number;
  /** projected / actual − 1, per tier (0 when the tier sold nothing) and in total (against all spend). */
  errorPerTier: number[];
  error: number;
  withinTarget: boolean;
  split: BacktestSplit;
  /** Why the error may be larger than the target (empty when within it). */
  reasons: BacktestReason[];
}

/** Why a backtest could not be made. */
export type NoBacktest = { reason: "shortHistory"; months: number; needed: number };

export interface Reconciliation {
  /** Months in the year compared (yearPeriods × period length). */
  months: number;
  /** Periods in it. */
  periods: number;
  /** True when the history is shorter than the year: the actual covers the whole history. */
  partialYear: boolean;
  actualPerTier: number[];
  /** Spend of customers without a tier at a period end (refunds, mostly): in the total, not projected. */
  actualWithoutTier: number;
  actualTotal: number;
  backtest: Backtest | NoBacktest;
  nextPerTier: number[];
  nextTotal: number;
  /** nextTotal / actualTotal − 1 (0 without actual revenue). */
  growth: number;
  causes: GrowthCauses;
}

const relative = (value: number, reference: number) => (reference !== 0 ? value / reference - 1 : 0);

function growthCauses(b: ProjectionBaseline, Y: number, actualTiers: number, actualWithoutTier: number) {
  const total = (options: NoChangeOptions) => sum(noChangeRevenue(b, Y, options));
  const N0 = Y * sum(b.chain.spendPerMember.map((w, s) => w * b.chain.members[s]));
  const N1 = total({ intake: false, migration: true, season: false });
  const N2 = total({ intake: true, migration: true, season: false });
  const N = total({ intake: true, migration: true, season: true });
  return {
    membersNow: N0 - actualTiers,
    migration: N1 - N0,
    intake: N2 - N1,
    spendPerMember: actualWithoutTier === 0 ? 0 : -actualWithoutTier,
    seasonality: N - N2,
  };
}

const part = (projected: number, actual: number): BacktestPart => ({
  projected,
  actual,
  error: relative(projected, actual),
});

/**
 * The split of the backtest (see the top): the actual spend in (from, to] of the customers whose first
 * purchase is in it, the rest of the actual total to those who had bought before.
 */
function splitOf(
  days: PurchaseDays,
  earlier: ProjectionBaseline,
  to: number,
  projectedTotal: number,
  actual: number,
): BacktestSplit {
  const from = earlier.asOf;
  const spend = activityBetween(days, from, to).spend;
  let joinedSpend = 0;
  let joinedCount = 0;
  for (let c = 0; c < spend.length; c++) {
    const first = days.start[c] < days.start[c + 1] ? days.day[days.start[c]] : Infinity;
    if (first > from && first <= to) {
      joinedSpend += spend[c];
      joinedCount++;
    }
  }
  const Y = earlier.window.yearPeriods;
  const existing = sum(noChangeRevenue(earlier, Y, { intake: false, migration: true, season: true }));
  return {
    existing: part(existing, actual - joinedSpend),
    joined: {
      ...part(projectedTotal - existing, joinedSpend),
      projectedCount: earlier.newMembers * Y,
      actualCount: joinedCount,
    },
  };
}

function backtestOf(
  days: PurchaseDays,
  program: TierProgram,
  b: ProjectionBaseline,
  actualPerTier: number[],
  actual: number,
): Backtest | NoBacktest {
  const Y = b.window.yearPeriods;
  const L = b.periodMonths;
  const asOf = addMonths(b.asOf, -Y * L);
  const needed = Y * L + L;
  if (b.window.periods < Y || b.window.historyMonths < needed) {
    return { reason: "shortHistory", months: b.window.historyMonths, needed };
  }
  const earlier = baselineAsOf(days, program, asOf, L);
  const projected = noChangeRevenue(earlier, Y);
  const projectedTotal = sum(projected);
  const error = relative(projectedTotal, actual);
  const withinTarget = Math.abs(error) <= BACKTEST_TARGET;
  const split = splitOf(days, earlier, b.asOf, projectedTotal, actual);
  const reasons: BacktestReason[] = [];
  if (!withinTarget) {
    if (earlier.window.historyMonths < 12) {
      reasons.push({ reason: "shortHistory", months: earlier.window.historyMonths });
    }
    const before = sum(earlier.actualRevenue);
    reasons.push({
      reason: "trend",
      actualGrowth: relative(actual, before),
      projectedGrowth: relative(projectedTotal, before),
    });
    if (earlier.seasonality.status !== "estimated") {
      reasons.push({ reason: "noSeasonalIndex", status: earlier.seasonality.status });
    }
    if (Math.abs(split.joined.error) > BACKTEST_TARGET || Math.abs(split.existing.error) > BACKTEST_TARGET) {
      reasons.push({ reason: "newMembers", split });
    }
  }
  return {
    asOf,
    historyMonths: earlier.window.historyMonths,
    projected,
    projectedTotal,
    errorPerTier: projected.map((p, i) => relative(p, actualPerTier[i])),
    error,
    withinTarget,
    split,
    reasons,
  };
}

/** The reconciliation of a baseline made with `program` (thresholds applied) from `days`. */
export function reconcile(days: PurchaseDays, program: TierProgram, b: ProjectionBaseline): Reconciliation {
  const k = b.tierCount;
  const Y = b.window.yearPeriods;
  const actualPerTier = b.actualRevenue.slice(0, k);
  const actualWithoutTier = b.actualRevenue[k];
  const actualTotal = sum(actualPerTier) + actualWithoutTier;
  const nextPerTier = noChangeRevenue(b, Y);
  const nextTotal = sum(nextPerTier);
  return {
    months: Y * b.periodMonths,
    periods: Y,
    partialYear: b.window.periods < Y,
    actualPerTier,
    actualWithoutTier,
    actualTotal,
    backtest: backtestOf(days, program, b, actualPerTier, actualTotal),
    nextPerTier,
    nextTotal,
    growth: relative(nextTotal, actualTotal),
    causes: growthCauses(b, Y, sum(actualPerTier), actualWithoutTier),
  };
}
