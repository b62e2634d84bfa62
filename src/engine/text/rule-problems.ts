/**
 * What is wrong with a tier program or an alert rule table (the report's settings, a settings file, the
 * tiers typed on the Tiers sheet), in both languages: the checks return the problems as values, each front
 * end says them in its language. Tiers and rules are named in the language's name where they have one;
 * setting keys, measures and comparisons the user typed stay as typed.
 */
import type { TierMinimumProblem, TierRule } from "../tiers/program";
import { bilingual, localName } from "./bilingual";
import type { Language } from "./language";

type Named = Pick<TierRule, "name" | "nameZh">;

/** A problem of a tier program: its minimums (TierMinimumProblem) or its other settings. */
export type TierProgramProblem =
  | TierMinimumProblem
  | { problem: "tooFewTiers" }
  | { problem: "keyTwice"; tier: number; key: string }
  | { problem: "minimumNotNumber"; tier: number; named: Named; field: "minSpend" | "minPurchaseDays" }
  | { problem: "baseHasMinimum"; named: Named }
  | { problem: "windowMonths" }
  | { problem: "reviewMonths" }
  | { problem: "demoteAfterPeriods" };

/** A problem of one alert rule (`rule`: its place in the table, from 1). */
export type AlertRuleProblem = { rule: number; named: Named } & (
  | { problem: "noCondition" }
  | { problem: "unknownMeasure"; metric: string }
  | { problem: "unknownComparison"; op: string }
  | { problem: "thresholdNotNumber"; metric: string }
);

type TierTexts = {
  [P in TierProgramProblem["problem"]]: (p: Extract<TierProgramProblem, { problem: P }>) => string;
};
type AlertTexts = {
  [P in AlertRuleProblem["problem"]]: (p: Extract<AlertRuleProblem, { problem: P }>, at: string) => string;
};

const n = (v: number) => v.toLocaleString("en-US");

const TIER_PROBLEM_TEXTS = bilingual<TierTexts>({
  en: {
    someMinimums: () => "give a minimum to every tier above the base, or to none (then they are derived)",
    // The lower tier's minimum is the one to change: a tier cannot need more than the tier above it.
    belowNeedsMore: (p) => {
      const what = p.measure === "spend" ? "minimum spend" : "minimum purchase days";
      return (
        `${p.below.name}'s ${what} (${n(p.value)}) is above ${p.above.name}'s (${n(p.limit)}), the tier above it: ` +
        `lower ${p.below.name}'s ${what} to ${n(p.limit)} or less`
      );
    },
    tooFewTiers: () => "a program needs at least two tiers",
    keyTwice: (p) => `tier ${p.tier}: the key "${p.key}" is used twice`,
    minimumNotNumber: (p) => `tier ${p.tier} (${p.named.name}): ${p.field} must be a number of at least 0`,
    baseHasMinimum: (p) => `the base tier (${p.named.name}) must have no minimum`,
    windowMonths: () => "the rolling window must be a whole number of months, at least 1",
    reviewMonths: () => "reviews must be a whole number of months apart",
    demoteAfterPeriods: () => "demoteAfterPeriods must be a whole number, at least 1",
  },
  "zh-CN": {
    someMinimums: () => "请为基础等级以上的每个等级都设置门槛，或都不设置（此时自动推算）",
    belowNeedsMore: (p) => {
      const what = p.measure === "spend" ? "最低消费额" : "最少消费天数";
      const [below, above] = [localName(p.below, "zh-CN"), localName(p.above, "zh-CN")];
      return (
        `${below}的${what}（${n(p.value)}）高于上一级${above}的（${n(p.limit)}）：` +
        `请将${below}的${what}降到 ${n(p.limit)} 或以下`
      );
    },
    tooFewTiers: () => "等级方案至少需要两个等级",
    keyTwice: (p) => `第 ${p.tier} 个等级：键 "${p.key}" 被使用了两次`,
    minimumNotNumber: (p) =>
      `第 ${p.tier} 个等级（${localName(p.named, "zh-CN")}）：${p.field === "minSpend" ? "最低消费额" : "最少消费天数"}` +
      `（"${p.field}"）必须是不小于 0 的数字`,
    baseHasMinimum: (p) => `基础等级（${localName(p.named, "zh-CN")}）不能设置门槛`,
    windowMonths: () => "滚动窗口必须是整数个月，至少 1 个月",
    reviewMonths: () => "两次评审之间必须相隔整数个月",
    demoteAfterPeriods: () => '"demoteAfterPeriods" 必须是整数，至少为 1',
  },
});

const ALERT_PROBLEM_TEXTS = bilingual<AlertTexts>({
  en: {
    noCondition: (_p, at) => `${at}: has no condition`,
    unknownMeasure: (p, at) => `${at}: unknown measure "${p.metric}"`,
    unknownComparison: (p, at) => `${at}: unknown comparison "${p.op}"`,
    thresholdNotNumber: (p, at) => `${at}: the threshold of ${p.metric} is not a number`,
  },
  "zh-CN": {
    noCondition: (_p, at) => `${at}：没有任何条件`,
    unknownMeasure: (p, at) => `${at}：未知的指标 "${p.metric}"`,
    unknownComparison: (p, at) => `${at}：未知的比较符 "${p.op}"`,
    thresholdNotNumber: (p, at) => `${at}：指标 "${p.metric}" 的阈值不是数字`,
  },
});

/** A tier program's problem in `language`. */
export function tierProblemText(language: Language, p: TierProgramProblem): string {
  const say = TIER_PROBLEM_TEXTS[language][p.problem] as (p: TierProgramProblem) => string;
  return say(p);
}

/** An alert rule's problem in `language`, naming the rule by its place and name. */
export function alertProblemText(language: Language, p: AlertRuleProblem): string {
  const at =
    language === "zh-CN"
      ? `第 ${p.rule} 条预警规则（${localName(p.named, "zh-CN")}）`
      : `alert rule ${p.rule} (${p.named.name})`;
  const say = ALERT_PROBLEM_TEXTS[language][p.problem] as (p: AlertRuleProblem, at: string) => string;
  return say(p, at);
}
