/**
 * Tier programs as data: the tiers from the top down with their qualifying minimums, the qualifying
 * window, how often tiers are reviewed and the grace rule. Users edit these (a rule table on the Tiers
 * sheet); `checkTierProgram` says what is wrong with one.
 */
import { DataError } from "../data/errors";
import { tierProblemText, type TierProgramProblem } from "../text/rule-problems";

export interface TierRule {
  key: string;
  name: string;
  nameZh: string;
  /** Minimum net spend in the qualifying window (currency of the data). */
  minSpend?: number;
  /** Minimum purchase days in the qualifying window. */
  minPurchaseDays?: number;
  /** With both minimums: reaching either is enough (default), or both are needed. */
  require?: "either" | "both";
}

/**
 * The qualifying window of an evaluation on day e: the `months` months up to e (the days after
 * addMonths(e, −months), through e), or the calendar year of e up to e (year to date).
 */
export type QualifyingWindow = { kind: "rolling"; months: number } | { kind: "calendarYear" };

export interface TierProgram {
  /** From the top tier down. The last is the base tier: no minimum, every active customer has it. */
  tiers: readonly TierRule[];
  window: QualifyingWindow;
  /**
   * Months between two reviews (default: the window's length for rolling windows, 12 for calendar years).
   * The previous period is one review earlier.
   */
  reviewEveryMonths?: number;
  /**
   * Grace rule: a member is demoted only after this many consecutive reviews below the tier (default 1:
   * at the first review below). Equivalently the tier held is the best tier qualified for in the last
   * `demoteAfterPeriods` reviews.
   */
  demoteAfterPeriods?: number;
  /**
   * When no tier has a minimum, thresholds are derived from the data: the top `deriveShares[0]` of active
   * customers by window spend reach the top tier, the next `deriveShares[1]` the second, and so on
   * (default 10 %, 20 %, 30 %: one share per tier above the base).
   */
  deriveShares?: readonly number[];
}

export const DEFAULT_DERIVE_SHARES: readonly number[] = [0.1, 0.2, 0.3];

/** Platinum / Gold / Silver / Member (铂金 / 黄金 / 白银 / 普通会员), without thresholds. */
export const DEFAULT_TIERS: readonly TierRule[] = [
  { key: "platinum", name: "Platinum", nameZh: "铂金" },
  { key: "gold", name: "Gold", nameZh: "黄金" },
  { key: "silver", name: "Silver", nameZh: "白银" },
  { key: "member", name: "Member", nameZh: "普通会员" },
];

/** The default program: the four default tiers, thresholds from the data, a rolling 12-month window. */
export const DEFAULT_TIER_PROGRAM: TierProgram = {
  tiers: DEFAULT_TIERS,
  window: { kind: "rolling", months: 12 },
};

/** Customers with no purchase in the qualifying window (and no tier kept by grace). */
export const LAPSED = { key: "lapsed", name: "Lapsed", nameZh: "流失会员" } as const;

/** Customers who had not bought yet at a review ("new" in a migration matrix). */
export const NEW_MEMBER = { key: "new", name: "New", nameZh: "新会员" } as const;

export function hasThresholds(rule: TierRule): boolean {
  return rule.minSpend !== undefined || rule.minPurchaseDays !== undefined;
}

export function reviewMonths(program: TierProgram): number {
  if (program.reviewEveryMonths !== undefined) return program.reviewEveryMonths;
  return program.window.kind === "rolling" ? program.window.months : 12;
}

/**
 * A problem with the minimums of the tiers above the base (the ones a user types): some tiers have one
 * and some not, or a tier needs more than the tier above it. Tiers are named in both languages so a
 * display can say it in its own.
 */
export type TierMinimumProblem =
  | { problem: "someMinimums" }
  | {
      problem: "belowNeedsMore";
      measure: "spend" | "purchaseDays";
      below: TierName;
      above: TierName;
      /** The lower tier's minimum, which must come down to `limit` (the upper tier's) or less. */
      value: number;
      limit: number;
    };

type TierName = Pick<TierRule, "name" | "nameZh">;

const named = (t: TierRule): TierName => ({ name: t.name, nameZh: t.nameZh });

/** The minimum problems of the tiers above the base (`tiers` includes the base, last). */
export function tierMinimumProblems(tiers: readonly TierRule[]): TierMinimumProblem[] {
  const problems: TierMinimumProblem[] = [];
  const upper = tiers.slice(0, -1);
  if (upper.some(hasThresholds) && !upper.every(hasThresholds)) problems.push({ problem: "someMinimums" });
  for (let i = 1; i < upper.length; i++) {
    const above = upper[i - 1];
    const below = upper[i];
    for (const [measure, field] of [
      ["spend", "minSpend"],
      ["purchaseDays", "minPurchaseDays"],
    ] as const) {
      const value = below[field] ?? 0;
      const limit = above[field] ?? Infinity;
      if (value > limit) {
        problems.push({
          problem: "belowNeedsMore",
          measure,
          below: named(below),
          above: named(above),
          value,
          limit,
        });
      }
    }
  }
  return problems;
}

/** What is wrong with a program, one problem each (tierProblemText says them); empty when it is sound. */
export function checkTierProgram(program: TierProgram): TierProgramProblem[] {
  const problems: TierProgramProblem[] = [];
  const { tiers } = program;
  if (tiers.length < 2) problems.push({ problem: "tooFewTiers" });
  const keys = new Set<string>();
  tiers.forEach((t, i) => {
    if (keys.has(t.key)) problems.push({ problem: "keyTwice", tier: i + 1, key: t.key });
    keys.add(t.key);
    for (const [field, value] of [
      ["minSpend", t.minSpend],
      ["minPurchaseDays", t.minPurchaseDays],
    ] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        problems.push({ problem: "minimumNotNumber", tier: i + 1, named: named(t), field });
      }
    }
  });
  const base = tiers[tiers.length - 1];
  if (base && hasThresholds(base)) problems.push({ problem: "baseHasMinimum", named: named(base) });
  problems.push(...tierMinimumProblems(tiers));
  const w = program.window;
  if (w.kind === "rolling" && !(Number.isInteger(w.months) && w.months >= 1)) {
    problems.push({ problem: "windowMonths" });
  }
  const review = reviewMonths(program);
  if (!(Number.isInteger(review) && review >= 1)) problems.push({ problem: "reviewMonths" });
  const grace = program.demoteAfterPeriods ?? 1;
  if (!(Number.isInteger(grace) && grace >= 1)) problems.push({ problem: "demoteAfterPeriods" });
  return problems;
}

/** Throws a DataError listing the problems of a program. */
export function requireSoundProgram(program: TierProgram): void {
  const problems = checkTierProgram(program).map((p) => tierProblemText("en", p));
  if (problems.length > 0) throw new DataError(`tier rules: ${problems.join("; ")}`);
}
