/**
 * Who is close to the next tier, and who will lose theirs: upgrade candidates (the gap to the tier above
 * in money and purchase days, also as a share of the threshold) and members at risk of demotion at the
 * next review if they buy nothing more.
 */
import type { PurchaseDays } from "../summary/purchase-days";
import { activityBetween, windowStartExclusive } from "./activity";
import { meetsTier, type TierEvaluation } from "./evaluate";
import type { TierRule } from "./program";

/** Shortfall of `value` below a minimum: NaN when there is no minimum, 0 when it is met. */
function shortfall(minimum: number | undefined, value: number): number {
  return minimum === undefined ? NaN : Math.max(0, minimum - value);
}

function shareOf(gap: number, minimum: number | undefined): number {
  if (Number.isNaN(gap) || minimum === undefined) return NaN;
  return minimum > 0 ? gap / minimum : 0;
}

/** The share of the threshold still missing, as the rule combines its minimums. */
function combinedShare(rule: TierRule, spendShare: number, daysShare: number): number {
  if (Number.isNaN(spendShare)) return daysShare;
  if (Number.isNaN(daysShare)) return spendShare;
  return rule.require === "both" ? Math.max(spendShare, daysShare) : Math.min(spendShare, daysShare);
}

export interface UpgradeCandidate {
  customer: number;
  /** Level held now and the level above it. */
  level: number;
  targetLevel: number;
  spend: number;
  purchaseDays: number;
  /** Money and purchase days missing for the target tier (NaN when the tier has no such minimum). */
  spendGap: number;
  purchaseDaysGap: number;
  /** The gaps as shares of the target's minimums. */
  spendGapShare: number;
  purchaseDaysGapShare: number;
  /** The share still missing: the smaller one when either minimum is enough, the larger when both count. */
  gapShare: number;
}

export interface UpgradeOptions {
  /** Largest missing share of the threshold to be a candidate (default 0.2: within 20 %). */
  maxGapShare?: number;
}

/** Members below the top tier within reach of the tier above, the closest first. Lapsed customers are not. */
export function upgradeCandidates(
  evaluation: TierEvaluation,
  options: UpgradeOptions = {},
): UpgradeCandidate[] {
  const maxGapShare = options.maxGapShare ?? 0.2;
  const { tiers } = evaluation.program;
  const out: UpgradeCandidate[] = [];
  for (let c = 0; c < evaluation.current.length; c++) {
    const level = evaluation.current[c];
    if (level === 0 || level >= tiers.length) continue;
    const target = tiers[level - 1];
    const spend = evaluation.spend[c];
    const days = evaluation.purchaseDays[c];
    const spendGap = shortfall(target.minSpend, spend);
    const purchaseDaysGap = shortfall(target.minPurchaseDays, days);
    const spendGapShare = shareOf(spendGap, target.minSpend);
    const purchaseDaysGapShare = shareOf(purchaseDaysGap, target.minPurchaseDays);
    const gapShare = combinedShare(target, spendGapShare, purchaseDaysGapShare);
    if (!(gapShare <= maxGapShare)) continue;
    out.push({
      customer: c,
      level,
      targetLevel: level - 1,
      spend,
      purchaseDays: days,
      spendGap,
      purchaseDaysGap,
      spendGapShare,
      purchaseDaysGapShare,
      gapShare,
    });
  }
  return out.sort((a, b) => a.gapShare - b.gapShare || b.spend - a.spend || a.customer - b.customer);
}

export interface DemotionRisk {
  customer: number;
  level: number;
  /** Spend and purchase days of the current window that still count at the next review. */
  retainedSpend: number;
  retainedPurchaseDays: number;
  /** What they must add before the next review to keep the tier (NaN when the tier has no such minimum). */
  spendNeeded: number;
  purchaseDaysNeeded: number;
  /** True when falling short at the next review means demotion (no grace left). */
  demotedAtNextReview: boolean;
}

/**
 * Members of the tiers above the base whose activity that will still count at the next review falls short
 * of their tier: they are demoted (or use up grace) unless they buy more. Top tiers first, then the
 * largest spenders.
 */
export function demotionRisks(evaluation: TierEvaluation, days: PurchaseDays): DemotionRisk[] {
  const { program, nextReview, asOf } = evaluation;
  const grace = program.demoteAfterPeriods ?? 1;
  const retained = activityBetween(days, windowStartExclusive(program.window, nextReview), asOf);
  const base = program.tiers.length - 1;
  const out: DemotionRisk[] = [];
  for (let c = 0; c < evaluation.current.length; c++) {
    const level = evaluation.current[c];
    if (level >= base) continue;
    const rule = program.tiers[level];
    const spend = retained.spend[c];
    const purchaseDays = retained.purchaseDays[c];
    if (meetsTier(rule, spend, purchaseDays)) continue;
    out.push({
      customer: c,
      level,
      retainedSpend: spend,
      retainedPurchaseDays: purchaseDays,
      spendNeeded: shortfall(rule.minSpend, spend),
      purchaseDaysNeeded: shortfall(rule.minPurchaseDays, purchaseDays),
      demotedAtNextReview: evaluation.reviewsBelow[c] + 1 >= grace,
    });
  }
  return out.sort(
    (a, b) =>
      a.level - b.level ||
      evaluation.spend[b.customer] - evaluation.spend[a.customer] ||
      a.customer - b.customer,
  );
}
