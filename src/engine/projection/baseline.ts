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
 *
 * TENURE. A member's first months are not like the later ones: a new member buys at another pace, and
 * leaves or moves up far more often than one who has stayed. A chain of tiers alone gives every member
 * of a tier the tier's average and forgets who joined recently, so it carries the members of a year ago
 * too long and gives the year's new members too little (on the demo's samples +18 % to +29 % and −48 %
 * to −63 %: two large errors that cancel in the total). The chain's states are therefore each tier split
 * into its NEW members (first purchase within the last `newMonths` months at the period end: 6, or the
 * period when it is longer, so that a period's joiners are new at its end) and its ESTABLISHED ones, then
 * lapsed: `chain` below, with spend per member and migration measured per such state exactly as above.
 * Per tier, Σ_bands spend per member_s × Σ_e members_s,e is still what the tier's members spent.
 */
import { addMonths } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { activityBetween, windowActivity, type WindowActivity } from "../tiers/activity";
import { evaluateTiers, type ActivityAt, type TierCategory, type TierEvaluation } from "../tiers/evaluate";
import { migrationMatrix } from "../tiers/migration";
import { reviewMonths, type TierProgram } from "../tiers/program";
import { historyMonths, periodsPerYear } from "./history";
import { seasonalIndex, type SeasonalIndex } from "./season";
import { float64Of } from "../math/typed-arrays";

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
  /** Observed migration between tiers, pooled over the trailing window (a row is NaN when nobody was in i). */
  observedMigration: number[][];
  /** Members per state at the start of the periods, summed over the trailing window (the row totals). */
  observedFrom: number[];
  /** The states the projection moves members between: tier × tenure, then lapsed (see the top). */
  chain: TenureChain;
  /** Mean number of customers whose first purchase fell in a period of the trailing window. */
  newMembers: number;
  /** Their split over the tiers (NaN for every tier when there were none); they join as new members. */
  entrySplit: number[];
  seasonality: SeasonalIndex;
  /** Points outstanding per tier now; lapsed members' balances count in the base tier. Zero without data. */
  pointsOutstanding: number[];
  /** True when the data had a points column. */
  hasPoints: boolean;
}

/** The tenure of a chain state: new members of a tier, its established ones, or lapsed (no tier). */
export type Tenure = "new" | "established" | "lapsed";

/** A state of the tenure chain: tier `tier` (k for lapsed) with a tenure. */
export interface ChainState {
  tier: number;
  tenure: Tenure;
  /** Stable key: the tier's key and the tenure ("gold.new"), the lapsed state's own key. */
  key: string;
}

/**
 * The chain of the projection. States: tier i's new members at i, its established ones at k + i, lapsed
 * at 2k (so the new and the established of the k tiers are two ranges of k in tier order).
 */
export interface TenureChain {
  /** A member is new at a period end whose first purchase falls in the `newMonths` months before it. */
  newMonths: number;
  states: ChainState[];
  /** Members per chain state now. */
  members: number[];
  /** Mean net spend per member per period of each tiered chain state (2k), pooled like the tiers'. */
  spendPerMember: number[];
  /** Mean members per chain state at the period ends of the trailing window. */
  averageMembers: number[];
  /** What the customers spent in the trailing window, per chain state held at each period end. */
  actualRevenue: number[];
  /** Observed migration between chain states, pooled over the trailing window (NaN rows: nobody in it). */
  observedMigration: number[][];
  /** Members per chain state at the start of the periods, summed over the trailing window. */
  observedFrom: number[];
  /** The migration the projection uses by default: the observed one, "stay" for rows without members. */
  migration: number[][];
}

/** Months a member counts as new (the shortest; a longer period makes it the period). */
const NEW_MEMBER_MONTHS = 6;

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
  /** The same three per chain state. */
  chainMembers: number[];
  chainSpend: number[];
  chainCounts: number[][];
}

/** First purchase day of every customer (Infinity without one). */
function firstPurchases(days: PurchaseDays): Float64Array {
  return float64Of(days.customerIds.length, (c) =>
    days.start[c] < days.start[c + 1] ? days.day[days.start[c]] : Infinity,
  );
}

/**
 * The chain state of a customer at level `level` on a day whose new members are those who first bought
 * after `newSince` (addMonths(day, −newMonths), worked out once per day, not once per customer: a
 * million customers over 24 periods made it most of the Benefit cost sheet's time); see TenureChain.
 */
function chainStateOf(level: number, k: number, first: number, newSince: number): number {
  if (level >= k) return 2 * k;
  return first > newSince ? level : k + level;
}

function chainStates(states: readonly TierCategory[], k: number): ChainState[] {
  const tiered = (tenure: Tenure) =>
    states.slice(0, k).map((s, tier) => ({ tier, tenure, key: `${s.key}.${tenure}` }));
  return [...tiered("new"), ...tiered("established"), { tier: k, tenure: "lapsed", key: states[k].key }];
}

/**
 * The periodic evaluation as of `end` and what happened in the period (start, end]. The start is the
 * previous period's end as counted from the as-of date (addMonths(end, −L) is not, after a month-end
 * clamp such as 30 June → 28 February → 28 January, and would count days twice).
 */
function observePeriod(
  days: PurchaseDays,
  program: TierProgram,
  period: { start: number; end: number; first: Float64Array; newMonths: number },
  activityAt: ActivityAt,
): PeriodObservation {
  const { start, end, first, newMonths } = period;
  const evaluation = evaluateTiers(days, program, end, activityAt);
  const spendOf = activityBetween(days, start, end).spend;
  const K = evaluation.categories.length;
  const k = evaluation.lapsedLevel;
  const S = 2 * k + 1;
  const spend = new Array<number>(K).fill(0);
  const chainMembers = new Array<number>(S).fill(0);
  const chainSpend = new Array<number>(S).fill(0);
  const chainCounts = Array.from({ length: S + 1 }, () => new Array<number>(S).fill(0));
  const { current, previous, notYetLevel } = evaluation;
  const [newSinceEnd, newSinceStart] = [addMonths(end, -newMonths), addMonths(start, -newMonths)];
  for (let c = 0; c < current.length; c++) {
    if (current[c] === notYetLevel) continue;
    spend[current[c]] += spendOf[c];
    const to = chainStateOf(current[c], k, first[c], newSinceEnd);
    const from = previous[c] === notYetLevel ? S : chainStateOf(previous[c], k, first[c], newSinceStart);
    chainMembers[to]++;
    chainSpend[to] += spendOf[c];
    chainCounts[from][to]++;
  }
  return {
    members: Array.from(evaluation.counts),
    spend,
    counts: migrationMatrix(evaluation).counts,
    chainMembers,
    chainSpend,
    chainCounts,
  };
}

/**
 * The window activity of the last few review days asked for, kept: the evaluation as of the as-of date
 * is the first period's, and a period's previous review is (month-end clamps aside) the next period's
 * review, so each review's activity over a million customers is worked out once, not two or three
 * times. Only a few are kept (each is three arrays a customer long).
 */
function recentActivity(days: PurchaseDays, program: TierProgram, keep = 3): ActivityAt {
  const recent = new Map<number, WindowActivity>();
  return (day) => {
    let activity = recent.get(day);
    if (!activity) {
      activity = windowActivity(days, program.window, day);
      recent.set(day, activity);
      if (recent.size > keep) recent.delete(recent.keys().next().value as number);
    }
    return activity;
  };
}

/** Migration rates from counts (rows: from; the last row, joiners, left out), and the used migration. */
function ratesOf(counts: readonly number[][], states: number) {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const observed = counts
    .slice(0, states)
    .map((row, i) => row.map((v) => (rowTotals[i] > 0 ? v / rowTotals[i] : NaN)));
  const used = observed.map((row, i) =>
    row.every(Number.isFinite) ? row.slice() : row.map((_, j) => (i === j ? 1 : 0)),
  );
  return { observed, used, rowTotals };
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
  const activityAt = recentActivity(days, periodic);
  const now = evaluateTiers(days, periodic, asOf, activityAt);
  const states = now.categories;
  const k = now.lapsedLevel;
  const K = states.length;
  const yearPeriods = periodsPerYear(L);
  const history = historyMonths(days, asOf);
  const periods = Math.max(1, Math.min(yearPeriods, Math.floor(history / L)));

  const newMonths = Math.max(NEW_MEMBER_MONTHS, L);
  const first = firstPurchases(days);
  const S = 2 * k + 1;
  const memberSum = new Array<number>(K).fill(0);
  const spendSum = new Array<number>(K).fill(0);
  const counts = Array.from({ length: K + 1 }, () => new Array<number>(K).fill(0));
  const chainMemberSum = new Array<number>(S).fill(0);
  const chainSpendSum = new Array<number>(S).fill(0);
  const chainCounts = Array.from({ length: S + 1 }, () => new Array<number>(S).fill(0));
  for (let e = 0; e < periods; e++) {
    const [start, end] = [addMonths(asOf, -(e + 1) * L), addMonths(asOf, -e * L)];
    const observed = observePeriod(days, periodic, { start, end, first, newMonths }, activityAt);
    add(memberSum, observed.members);
    add(spendSum, observed.spend);
    observed.counts.forEach((row, i) => add(counts[i], row));
    add(chainMemberSum, observed.chainMembers);
    add(chainSpendSum, observed.chainSpend);
    observed.chainCounts.forEach((row, i) => add(chainCounts[i], row));
  }
  const tiers = ratesOf(counts, K);
  const chain = ratesOf(chainCounts, S);
  const chainNow = new Array<number>(S).fill(0);
  const newSince = addMonths(asOf, -newMonths);
  for (let c = 0; c < now.current.length; c++) {
    if (now.current[c] !== now.notYetLevel) chainNow[chainStateOf(now.current[c], k, first[c], newSince)]++;
  }
  const perMember = (spent: number[], members: number[], n: number) =>
    spent.slice(0, n).map((s, i) => (members[i] > 0 ? s / members[i] : 0));
  const joined = tiers.rowTotals[K];
  return {
    asOf,
    periodMonths: L,
    states,
    tierCount: k,
    members: Array.from(now.counts),
    window: { yearPeriods, periods, historyMonths: history },
    averageMembers: memberSum.map((m) => m / periods),
    spendPerMember: perMember(spendSum, memberSum, k),
    actualRevenue: spendSum,
    observedMigration: tiers.observed,
    observedFrom: tiers.rowTotals.slice(0, K),
    chain: {
      newMonths,
      states: chainStates(states, k),
      members: chainNow,
      spendPerMember: perMember(chainSpendSum, chainMemberSum, 2 * k),
      averageMembers: chainMemberSum.map((m) => m / periods),
      actualRevenue: chainSpendSum,
      observedMigration: chain.observed,
      observedFrom: chain.rowTotals.slice(0, S),
      migration: chain.used,
    },
    newMembers: joined / periods,
    entrySplit: counts[K].slice(0, k).map((n) => (joined > 0 ? n / joined : NaN)),
    seasonality: seasonalIndex(days, asOf, L),
    pointsOutstanding: pointsPerTier(now.current, k, points),
    hasPoints: points !== null,
  };
}
