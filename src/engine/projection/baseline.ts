/**
 * The baseline of the benefit-cost projection, from the data: members per tier now, and the drivers of
 * the projection measured over the TRAILING YEAR (the last 12 months, or the whole history when it is
 * shorter), not over the last single period, so that a peak or a dip in the last month does not become
 * next year's level.
 *
 * A PERIOD is `periodMonths` months; the trailing year is the `yearPeriods` periods ending on the as-of
 * date. At every period end e of the trailing year the tier rules are evaluated as of e (same thresholds,
 * the periodic program below), and:
 * - spend per member of tier i = Σ_e spend in (e − L, e] of the customers in tier i at e
 *                                / Σ_e members of tier i at e          (a pooled average per period)
 * - migration[i][j] = Σ_e customers in state i at e − L and in state j at e / Σ_e those in state i at e − L
 * - new members per period = customers whose first purchase fell in the trailing year / its periods, and
 *   their split over the tiers (the state they hold at the end of the period they joined in).
 * With these, Σ_i spend per member_i × Σ_e members_i,e is exactly what the tiers' members spent in the
 * trailing year: a business that does not change is projected at what it sold (see reconciliation.ts).
 *
 * The projection applies the migration period after period (a Markov chain) and a seasonal index per
 * period of the year (season.ts).
 */
import { addMonths } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { activityBetween } from "../tiers/activity";
import { evaluateTiers, type TierCategory, type TierEvaluation } from "../tiers/evaluate";
import { migrationMatrix } from "../tiers/migration";
import { reviewMonths, type TierProgram } from "../tiers/program";
import { historyMonths, periodsPerYear } from "./history";
import { seasonalIndex, type SeasonalIndex } from "./season";

/** The trailing window the drivers are averaged over. */
export interface TrailingWindow {
  /** Periods of a year: 12 / periodMonths (rounded when the period does not divide the year). */
  yearPeriods: number;
  /** Periods averaged: yearPeriods, or fewer when the history is shorter. */
  periods: number;
  /** Months of order history up to the as-of date (from the first purchase in the data). */
  historyMonths: number;
}

export interface ProjectionBaseline {
  /** As-of date (day number): "now", the end of period 0. */
  asOf: number;
  /** Months per period (1 = monthly, 3 = quarterly). */
  periodMonths: number;
  /** The tiers from the top, then "lapsed" (members without a tier): the states of the projection. */
  states: readonly TierCategory[];
  /** Number of tiers (states.length − 1). */
  tierCount: number;
  /** Members per state now (tiers, then lapsed). */
  members: number[];
  window: TrailingWindow;
  /** Mean members per state at the period ends of the trailing window. */
  averageMembers: number[];
  /** Mean net spend per member of each tier per period over the trailing window (pooled, see above). */
  spendPerMember: number[];
  /**
   * What the customers spent in the trailing window, per state they held at the end of each period (the
   * last, lapsed, is spend such as refunds of customers without a tier: it is not projected).
   */
  actualRevenue: number[];
  /** Observed migration, pooled over the trailing window: rates[i][j] (a row is NaN when nobody was in i). */
  observedMigration: number[][];
  /** Members per state at the start of the periods, summed over the trailing window (the row totals). */
  observedFrom: number[];
  /** The migration the projection uses by default: the observed one, "stay" for rows without members. */
  migration: number[][];
  /** Mean number of customers whose first purchase fell in a period of the trailing window. */
  newMembers: number;
  /** Their split over the tiers (NaN for every tier when there were none). */
  entrySplit: number[];
  seasonality: SeasonalIndex;
  /** Points outstanding per tier now; lapsed members' balances count in the base tier. Zero without data. */
  pointsOutstanding: number[];
  /** True when the data had a points column. */
  hasPoints: boolean;
}

export interface BaselineOptions {
  /** Months per period, a whole number from 1 to 12 (default 1). */
  periodMonths?: number;
  /** Points balance per customer (NaN when blank), from the data's points column. */
  points?: Float64Array | null;
}

/**
 * The program evaluated every period: reviews `periodMonths` apart with the thresholds already applied
 * (so derived thresholds are not derived again), a calendar-year window replaced by a rolling 12-month
 * one (a calendar year only changes at year end), and the grace rule kept over the same span of time:
 * g reviews of R months become 1 + ⌈(g − 1) × R / L⌉ periods of L months.
 */
export function periodicProgram(program: TierProgram, periodMonths: number): TierProgram {
  const grace = program.demoteAfterPeriods ?? 1;
  return {
    ...program,
    window: program.window.kind === "calendarYear" ? { kind: "rolling", months: 12 } : program.window,
    reviewEveryMonths: periodMonths,
    demoteAfterPeriods: 1 + Math.ceil(((grace - 1) * reviewMonths(program)) / periodMonths),
  };
}

/** What one period of the trailing window contributes: its members, spend, movements and joiners. */
interface PeriodObservation {
  members: number[];
  spend: number[];
  /** counts[i][j] from state i at the period start to j at its end; the last row: new customers. */
  counts: number[][];
}

/**
 * The periodic evaluation as of `end` and what happened in the period (start, end]. The start is the
 * previous period's end as counted from the as-of date (addMonths(end, −L) is not, after a month-end
 * clamp such as 30 June → 28 February → 28 January, and would count days twice).
 */
function observePeriod(
  days: PurchaseDays,
  program: TierProgram,
  start: number,
  end: number,
): PeriodObservation {
  const evaluation = evaluateTiers(days, program, end);
  const spendOf = activityBetween(days, start, end).spend;
  const K = evaluation.categories.length;
  const spend = new Array<number>(K).fill(0);
  const { current, notYetLevel } = evaluation;
  for (let c = 0; c < current.length; c++) if (current[c] !== notYetLevel) spend[current[c]] += spendOf[c];
  return { members: Array.from(evaluation.counts), spend, counts: migrationMatrix(evaluation).counts };
}

const add = (into: number[], values: readonly number[]) => values.forEach((v, i) => (into[i] += v));

/** Points outstanding per tier now: each customer's balance in the tier held, lapsed ones in the base tier. */
function pointsPerTier(current: Uint8Array, k: number, points: Float64Array | null): number[] {
  const outstanding = new Array<number>(k).fill(0);
  if (!points) return outstanding;
  for (let c = 0; c < current.length; c++) {
    if (current[c] <= k && Number.isFinite(points[c])) outstanding[Math.min(current[c], k - 1)] += points[c];
  }
  return outstanding;
}

/**
 * The baseline as of `evaluation.asOf`, with the tier rules of `evaluation` (its thresholds applied),
 * from the purchases on or before the as-of date only: a later as-of date is never looked at, so the
 * same function makes the backtest's baseline a year earlier.
 */
export function projectionBaseline(
  days: PurchaseDays,
  evaluation: TierEvaluation,
  options: BaselineOptions = {},
): ProjectionBaseline {
  const L = options.periodMonths ?? 1;
  if (!(Number.isInteger(L) && L >= 1 && L <= 12)) {
    throw new RangeError("the period length must be a whole number of months from 1 to 12");
  }
  return baselineAsOf(days, evaluation.program, evaluation.asOf, L, options.points ?? null);
}

/** The baseline as of `asOf` for a program whose thresholds are applied. */
export function baselineAsOf(
  days: PurchaseDays,
  program: TierProgram,
  asOf: number,
  L: number,
  points: Float64Array | null = null,
): ProjectionBaseline {
  const periodic = periodicProgram(program, L);
  const now = evaluateTiers(days, periodic, asOf);
  const states = now.categories;
  const k = now.lapsedLevel;
  const K = states.length;
  const yearPeriods = periodsPerYear(L);
  const history = historyMonths(days, asOf);
  const periods = Math.max(1, Math.min(yearPeriods, Math.floor(history / L)));

  const memberSum = new Array<number>(K).fill(0);
  const spendSum = new Array<number>(K).fill(0);
  const counts = Array.from({ length: K + 1 }, () => new Array<number>(K).fill(0));
  for (let e = 0; e < periods; e++) {
    const observed = observePeriod(days, periodic, addMonths(asOf, -(e + 1) * L), addMonths(asOf, -e * L));
    add(memberSum, observed.members);
    add(spendSum, observed.spend);
    observed.counts.forEach((row, i) => add(counts[i], row));
  }
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const observedMigration = counts
    .slice(0, K)
    .map((row, i) => row.map((v) => (rowTotals[i] > 0 ? v / rowTotals[i] : NaN)));
  const migration = observedMigration.map((row, i) =>
    row.every(Number.isFinite) ? row.slice() : row.map((_, j) => (i === j ? 1 : 0)),
  );
  const joined = rowTotals[K];
  return {
    asOf,
    periodMonths: L,
    states,
    tierCount: k,
    members: Array.from(now.counts),
    window: { yearPeriods, periods, historyMonths: history },
    averageMembers: memberSum.map((m) => m / periods),
    spendPerMember: spendSum.slice(0, k).map((s, i) => (memberSum[i] > 0 ? s / memberSum[i] : 0)),
    actualRevenue: spendSum,
    observedMigration,
    observedFrom: rowTotals.slice(0, K),
    migration,
    newMembers: joined / periods,
    entrySplit: counts[K].slice(0, k).map((n) => (joined > 0 ? n / joined : NaN)),
    seasonality: seasonalIndex(days, asOf, L),
    pointsOutstanding: pointsPerTier(now.current, k, points),
    hasPoints: points !== null,
  };
}
