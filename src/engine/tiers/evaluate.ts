/**
 * Tier evaluation as of a date and at the previous review: the tier each customer qualifies for by the
 * activity in the qualifying window, the tier held after the grace rule, and the counts per tier.
 *
 * Levels: 0 .. k − 1 are the tiers from the top (k tiers), k is "lapsed" (no purchase in the window and
 * no tier kept by grace), k + 1 is "not a customer yet" (no purchase on or before the review).
 */
import { addMonths, dayFromYmd, ymdFromDay } from "../data/days";
import type { PurchaseDays } from "../summary/purchase-days";
import { windowActivity, type WindowActivity } from "./activity";
import { DataError } from "../data/errors";
import {
  hasThresholds,
  LAPSED,
  requireSoundProgram,
  reviewMonths,
  type TierProgram,
  type TierRule,
} from "./program";
import { withDerivedThresholds } from "./thresholds";

export interface TierCategory {
  key: string;
  name: string;
  nameZh: string;
}

export interface TierEvaluation {
  /** The program applied, thresholds included (derived ones when the user gave none). */
  program: TierProgram;
  thresholdsDerived: boolean;
  asOf: number;
  previousReview: number;
  nextReview: number;
  /** The tiers and then "lapsed": the names of levels 0 .. k. */
  categories: readonly TierCategory[];
  lapsedLevel: number;
  notYetLevel: number;
  /** Level qualified for by the activity in the window ending on the as-of date (before grace). */
  qualified: Uint8Array;
  /** Level held on the as-of date (grace applied). */
  current: Uint8Array;
  /** Level held at the previous review. */
  previous: Uint8Array;
  /** Net spend and purchase days in the qualifying window ending on the as-of date. */
  spend: Float64Array;
  purchaseDays: Int32Array;
  /** Consecutive reviews, this one included, qualifying below the tier held (0 .. grace − 1). */
  reviewsBelow: Uint8Array;
  /** Customers per level 0 .. k (tiers and lapsed) now and at the previous review. */
  counts: Int32Array;
  previousCounts: Int32Array;
}

/** True when activity meets a tier's minimums (a tier without minimums is always met). */
export function meetsTier(rule: TierRule, spend: number, purchaseDays: number): boolean {
  const spendOk = rule.minSpend === undefined ? undefined : spend >= rule.minSpend;
  const daysOk = rule.minPurchaseDays === undefined ? undefined : purchaseDays >= rule.minPurchaseDays;
  if (spendOk === undefined) return daysOk ?? true;
  if (daysOk === undefined) return spendOk;
  return rule.require === "both" ? spendOk && daysOk : spendOk || daysOk;
}

/** The best level a customer's window activity qualifies for. */
export function qualifyingLevel(
  tiers: readonly TierRule[],
  spend: number,
  purchaseDays: number,
  hasBought: boolean,
): number {
  if (!hasBought) return tiers.length + 1;
  if (purchaseDays === 0) return tiers.length;
  for (let level = 0; level < tiers.length - 1; level++)
    if (meetsTier(tiers[level], spend, purchaseDays)) return level;
  return tiers.length - 1;
}

/** The review `periodsBack` reviews before the as-of date. */
export function reviewDay(program: TierProgram, asOf: number, periodsBack: number): number {
  if (periodsBack === 0) return asOf;
  if (program.window.kind === "calendarYear") return dayFromYmd(ymdFromDay(asOf).year - periodsBack, 12, 31);
  return addMonths(asOf, -periodsBack * reviewMonths(program));
}

/** The next review after the as-of date. */
export function nextReviewDay(program: TierProgram, asOf: number): number {
  if (program.window.kind === "calendarYear") {
    const yearEnd = dayFromYmd(ymdFromDay(asOf).year, 12, 31);
    return yearEnd > asOf ? yearEnd : dayFromYmd(ymdFromDay(asOf).year + 1, 12, 31);
  }
  return addMonths(asOf, reviewMonths(program));
}

function countLevels(levels: Uint8Array, categories: number): Int32Array {
  const counts = new Int32Array(categories);
  for (const level of levels) if (level < categories) counts[level]++;
  return counts;
}

/**
 * Evaluates the program on the as-of date. Without thresholds in the program, spend minimums are derived
 * from the spend of the customers active in the window ending on the as-of date.
 */
/** The activity in the qualifying window of a review on a day (never changed by its callers). */
export type ActivityAt = (reviewDay: number) => WindowActivity;

/**
 * `activityAt`: where the window activity of a review comes from; by default it is worked out for each
 * review (the benefit-cost baseline, evaluating period after period, shares the reviews they have in
 * common).
 */
export function evaluateTiers(
  days: PurchaseDays,
  program: TierProgram,
  asOf: number,
  activityAt: ActivityAt = (day) => windowActivity(days, program.window, day),
): TierEvaluation {
  requireSoundProgram(program);
  const grace = program.demoteAfterPeriods ?? 1;
  // Activity at the as-of date and at the `grace` reviews before it.
  const activity = Array.from({ length: grace + 1 }, (_, j) => activityAt(reviewDay(program, asOf, j)));
  return evaluateOnActivity(activity, program, asOf, days.customerIds.length);
}

/**
 * Level of `TierEvaluation.previous` when the tier at the previous review is not known (a customer
 * summary gives the activity of the current window only): no category, so it is counted nowhere and
 * named "".
 */
export const UNKNOWN_LEVEL = 255;

/**
 * The evaluation from a customer summary's window spend and purchase days (every customer has bought):
 * the tier qualified for and held now. The previous review is unknown (`previous` is UNKNOWN_LEVEL), so
 * a program whose grace rule or window needs earlier activity cannot be evaluated: that is a DataError
 * naming the setting.
 */
export function evaluateTiersOnWindow(
  window: { spend: Float64Array; purchaseDays: Int32Array },
  windowMonths: number,
  program: TierProgram,
  asOf: number,
): TierEvaluation {
  requireSoundProgram(program);
  if ((program.demoteAfterPeriods ?? 1) !== 1) {
    throw new DataError(
      `tiers.demoteAfterPeriods is ${program.demoteAfterPeriods}: keeping a tier through reviews below it needs ` +
        "the activity of earlier reviews, which a customer summary does not have; set it to 1, or build the report from the order lines",
      undefined,
      { code: "summaryTierGrace", periods: program.demoteAfterPeriods ?? 1 },
    );
  }
  if (program.window.kind !== "rolling" || program.window.months !== windowMonths) {
    const given = program.window.kind === "rolling" ? `${program.window.months} months` : "the calendar year";
    throw new DataError(
      `tiers.window is ${given}, but the customer summary gives the spend of the ${windowMonths} months up to ` +
        `the as-of date; set tiers.window to ${windowMonths} rolling months, or build the report from the order lines`,
      undefined,
      {
        code: "summaryTierWindow",
        given: program.window.kind === "rolling" ? program.window.months : "calendarYear",
        months: windowMonths,
      },
    );
  }
  const n = window.spend.length;
  const now = { ...window, hasBought: new Uint8Array(n).fill(1) };
  const evaluation = evaluateOnActivity([now, now], program, asOf, n);
  evaluation.previous.fill(UNKNOWN_LEVEL);
  evaluation.previousCounts.fill(0);
  return evaluation;
}

/**
 * The spend of the customers who bought in the window, in customer order (a loop: a typed array's
 * filter with a function took some 60 ns a customer).
 */
function activeSpendOf(activity: WindowActivity): Float64Array {
  let n = 0;
  for (let c = 0; c < activity.spend.length; c++) if (activity.purchaseDays[c] > 0) n++;
  const spend = new Float64Array(n);
  n = 0;
  for (let c = 0; c < activity.spend.length; c++)
    if (activity.purchaseDays[c] > 0) spend[n++] = activity.spend[c];
  return spend;
}

/** The evaluation from the activity at the as-of date and at the `grace` reviews before it. */
function evaluateOnActivity(
  activity: WindowActivity[],
  program: TierProgram,
  asOf: number,
  n: number,
): TierEvaluation {
  const grace = program.demoteAfterPeriods ?? 1;
  const now = activity[0];
  const derive = !program.tiers.slice(0, -1).some(hasThresholds);
  let applied = program;
  if (derive) {
    applied = withDerivedThresholds(program, activeSpendOf(now));
  }
  const { tiers } = applied;
  const qualifiedAt = activity.map((a) => {
    const levels = new Uint8Array(n);
    for (let c = 0; c < n; c++)
      levels[c] = qualifyingLevel(tiers, a.spend[c], a.purchaseDays[c], a.hasBought[c] === 1);
    return levels;
  });
  // Held tier at review j: the best level qualified for in reviews j .. j + grace − 1.
  const heldAt = (j: number): Uint8Array => {
    const held = qualifiedAt[j].slice();
    for (let i = j + 1; i < j + grace; i++) {
      for (let c = 0; c < n; c++) if (qualifiedAt[i][c] < held[c]) held[c] = qualifiedAt[i][c];
    }
    return held;
  };
  const current = heldAt(0);
  const previous = heldAt(1);
  const reviewsBelow = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    let below = 0;
    while (below < grace && qualifiedAt[below][c] > current[c]) below++;
    reviewsBelow[c] = below;
  }
  const categories: TierCategory[] = [
    ...tiers.map(({ key, name, nameZh }) => ({ key, name, nameZh })),
    { ...LAPSED },
  ];
  return {
    program: applied,
    thresholdsDerived: derive,
    asOf,
    previousReview: reviewDay(applied, asOf, 1),
    nextReview: nextReviewDay(applied, asOf),
    categories,
    lapsedLevel: tiers.length,
    notYetLevel: tiers.length + 1,
    qualified: qualifiedAt[0],
    current,
    previous,
    spend: now.spend,
    purchaseDays: now.purchaseDays,
    reviewsBelow,
    counts: countLevels(current, categories.length),
    previousCounts: countLevels(previous, categories.length),
  };
}
