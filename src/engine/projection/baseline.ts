/**
 * The baseline of the benefit-cost projection, from the engine's tier evaluation: members per tier now,
 * mean spend per member per period, the migration between tiers over one period (lapse to "no tier"
 * included), the new members of the last period and the points members hold.
 *
 * A PERIOD is `periodMonths` months ending on the as-of date. The migration per period comes from
 * evaluating the same tier rules (same thresholds, same qualifying window) one period before the as-of
 * date and on it: migration[i][j] = members in state i one period ago who are in state j now, divided by
 * the members in state i one period ago. The projection applies it period after period (a Markov chain).
 */
import { addMonths } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { activityBetween } from "../tiers/activity";
import { evaluateTiers, type TierCategory, type TierEvaluation } from "../tiers/evaluate";
import { migrationMatrix } from "../tiers/migration";
import { reviewMonths, type TierProgram } from "../tiers/program";

export interface ProjectionBaseline {
  /** As-of date (day number): "now", the end of period 0. */
  asOf: number;
  /** Months per period (1 = monthly, 3 = quarterly). */
  periodMonths: number;
  /** The tiers from the top, then "lapsed" (members without a tier): the states of the projection. */
  states: readonly TierCategory[];
  /** Number of tiers (states.length − 1). */
  tierCount: number;
  /** Members per state now, as the tier evaluation counts them (tiers, then lapsed). */
  members: number[];
  /** Mean net spend per member of each tier in the last period (per tier; lapsed members spend nothing). */
  spendPerMember: number[];
  /**
   * Observed migration over the last period: rates[i][j] (states × states); a row is NaN when nobody was
   * in that state one period ago.
   */
  observedMigration: number[][];
  /** Members per state one period ago (the row totals of the observed migration). */
  observedFrom: number[];
  /** The migration the projection uses by default: the observed one, "stay" for rows without members. */
  migration: number[][];
  /** Customers whose first purchase fell in the last period. */
  newMembers: number;
  /** Their split over the tiers (NaN for every tier when there were none). */
  entrySplit: number[];
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

export function projectionBaseline(
  days: PurchaseDays,
  evaluation: TierEvaluation,
  options: BaselineOptions = {},
): ProjectionBaseline {
  const periodMonths = options.periodMonths ?? 1;
  if (!(Number.isInteger(periodMonths) && periodMonths >= 1 && periodMonths <= 12)) {
    throw new RangeError("the period length must be a whole number of months from 1 to 12");
  }
  const { asOf, categories, lapsedLevel, current } = evaluation;
  const k = lapsedLevel;
  const K = categories.length;
  const periodic = evaluateTiers(days, periodicProgram(evaluation.program, periodMonths), asOf);
  const matrix = migrationMatrix(periodic);
  const observedMigration = matrix.rates.slice(0, K).map((row) => row.slice());
  const migration = observedMigration.map((row, i) =>
    row.every(Number.isFinite) ? row.slice() : row.map((_, j) => (i === j ? 1 : 0)),
  );
  const newRow = matrix.counts[K];
  const newMembers = matrix.rowTotals[K];
  const entrySplit = newRow.slice(0, k).map((n) => (newMembers > 0 ? n / newMembers : NaN));

  const lastPeriod = activityBetween(days, addMonths(asOf, -periodMonths), asOf);
  const spendSum = new Array<number>(k).fill(0);
  const pointsOutstanding = new Array<number>(k).fill(0);
  const points = options.points ?? null;
  for (let c = 0; c < current.length; c++) {
    const level = current[c];
    if (level < k) spendSum[level] += lastPeriod.spend[c];
    if (points && level <= k && Number.isFinite(points[c]))
      pointsOutstanding[Math.min(level, k - 1)] += points[c];
  }
  const members = Array.from(evaluation.counts);
  return {
    asOf,
    periodMonths,
    states: categories,
    tierCount: k,
    members,
    spendPerMember: spendSum.map((s, i) => (members[i] > 0 ? s / members[i] : 0)),
    observedMigration,
    observedFrom: matrix.rowTotals.slice(0, K),
    migration,
    newMembers,
    entrySplit,
    pointsOutstanding,
    hasPoints: points !== null,
  };
}
