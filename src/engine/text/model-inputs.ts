/**
 * What the engine says about a model input it cannot take (a customer row, a horizon, a rate, cut points),
 * in both languages: the engine throws its English words (InputRuleError), the custom functions say the
 * same problem in the function's language. Symbols (x, t_x, T, n) are the models' own, the same in Chinese.
 */
import { bilingual } from "./bilingual";
import type { Language } from "./language";

/** A rule an input broke, with the values its message names. */
export type InputRuleProblem =
  | { rule: "sameLength" }
  | { rule: "repeatCount"; x: number }
  | { rule: "positiveT"; T: number }
  | { rule: "txWithinT"; tx: number; T: number }
  | { rule: "txNeedsRepeats"; x: number }
  | { rule: "weight"; weight: number }
  | { rule: "opportunities"; n: number }
  | { rule: "opportunityCount"; field: "x" | "t_x"; value: number; n: number }
  | { rule: "opportunityPair"; x: number; tx: number }
  | { rule: "wholeHorizon"; symbol: "n" | "k"; value: number }
  | { rule: "noCustomers" }
  | { rule: "noSpendCustomers" }
  | { rule: "monetaryLength" }
  | { rule: "monetaryNotNumber" }
  | { rule: "penalizer"; value: number }
  | { rule: "clvPeriods"; value: number }
  | { rule: "periodLength"; value: number }
  | { rule: "clvDiscountRate"; value: number }
  | { rule: "marginNotNumber"; value: number }
  | { rule: "infiniteMean"; x: number; q: number }
  | { rule: "ascending"; what: string; item: number }
  | { rule: "itemNotNumber"; what: string; item: number }
  | { rule: "ltvAverageValue" }
  | { rule: "ltvPurchases"; value: number }
  | { rule: "ltvRetention"; value: number }
  | { rule: "ltvMargin"; value: number }
  | { rule: "ltvDiscountRate"; value: number }
  | { rule: "ltvPeriods"; value: number };

type Texts = {
  [R in InputRuleProblem["rule"]]: (p: Extract<InputRuleProblem, { rule: R }>) => string;
};

export const INPUT_RULE_TEXTS = bilingual<Texts>({
  en: {
    sameLength: () => "x, t_x, T (and weights) must have the same length",
    repeatCount: (p) => `expected a repeat-purchase count ≥ 0, got ${p.x}`,
    positiveT: (p) => `expected T > 0, got ${p.T}`,
    txWithinT: (p) => `expected 0 ≤ t_x ≤ T (${p.T}), got ${p.tx}`,
    txNeedsRepeats: (p) => `a customer with x = ${p.x} repeat purchases needs t_x > 0`,
    weight: (p) => `weight ${p.weight} is not ≥ 0`,
    opportunities: (p) => `periods n = ${p.n} is not a whole number ≥ 0`,
    opportunityCount: (p) =>
      `${p.field === "x" ? "frequency" : "recency"} ${p.field} = ${p.value} is not a whole number in 0..n (${p.n})`,
    opportunityPair: (p) => `recency t_x = ${p.tx} is impossible with frequency x = ${p.x}`,
    wholeHorizon: (p) => `${p.symbol} = ${p.value} is not a whole number ≥ 0`,
    noCustomers: () => "there are no customers to fit the model to",
    noSpendCustomers: () =>
      "no customer has repeat purchases with a positive value: the spend model cannot be fitted",
    monetaryLength: () => "x and monetary must have the same length",
    monetaryNotNumber: () => "the monetary value is not a number",
    penalizer: (p) => `the penalizer must be ≥ 0, got ${p.value}`,
    clvPeriods: (p) => `periods must be a whole number ≥ 0, got ${p.value}`,
    periodLength: (p) => `periodLength must be > 0, got ${p.value}`,
    clvDiscountRate: (p) => `discountRate must be above -1 (e.g. 0.01 for 1 % per period), got ${p.value}`,
    marginNotNumber: (p) => `margin must be a number, got ${p.value}`,
    infiniteMean: (p) => `the Gamma-Gamma mean spend is infinite for x = ${p.x} when q = ${p.q} ≤ 1`,
    ascending: (p) =>
      `${p.what} must be in ascending order (item ${p.item} is smaller than item ${p.item - 1})`,
    itemNotNumber: (p) => `${p.what}: item ${p.item} is not a number`,
    ltvAverageValue: () => "average value must be a number",
    ltvPurchases: (p) => `purchases per period must be 0 or more, not ${p.value}`,
    ltvRetention: (p) => `retention must be between 0 and 1 (80% or 0.8), not ${p.value}`,
    ltvMargin: (p) => `margin must be between 0 and 1 (30% or 0.3), not ${p.value}`,
    ltvDiscountRate: (p) => `discount rate must be above -1, not ${p.value}`,
    ltvPeriods: (p) => `periods must be a whole number of 0 or more, not ${p.value}`,
  },
  "zh-CN": {
    sameLength: () => "x、t_x、T（以及权重）的长度必须相同",
    repeatCount: (p) => `重复购买次数应不小于 0，而不是 ${p.x}`,
    positiveT: (p) => `T 应大于 0，而不是 ${p.T}`,
    txWithinT: (p) => `t_x 应满足 0 ≤ t_x ≤ T（${p.T}），而不是 ${p.tx}`,
    txNeedsRepeats: (p) => `有 ${p.x} 次重复购买（x = ${p.x}）的客户，t_x 必须大于 0`,
    weight: (p) => `权重 ${p.weight} 不是不小于 0 的数`,
    opportunities: (p) => `期数 n = ${p.n} 不是不小于 0 的整数`,
    opportunityCount: (p) =>
      `${p.field === "x" ? "交易次数" : "最近交易期"} ${p.field} = ${p.value} 不是 0 到 n（${p.n}）之间的整数`,
    opportunityPair: (p) => `最近交易期 t_x = ${p.tx} 与交易次数 x = ${p.x} 不可能同时成立`,
    wholeHorizon: (p) => `${p.symbol} = ${p.value} 不是不小于 0 的整数`,
    noCustomers: () => "没有可用于拟合模型的客户",
    noSpendCustomers: () => "没有客户有金额为正的重复购买：无法拟合消费金额模型",
    monetaryLength: () => "x 与平均消费金额的长度必须相同",
    monetaryNotNumber: () => "平均消费金额不是数字",
    penalizer: (p) => `惩罚系数应不小于 0，而不是 ${p.value}`,
    clvPeriods: (p) => `期数应为不小于 0 的整数，而不是 ${p.value}`,
    periodLength: (p) => `每期长度应大于 0，而不是 ${p.value}`,
    clvDiscountRate: (p) => `每期折现率应大于 -1（如 0.01 表示每期 1 %），而不是 ${p.value}`,
    marginNotNumber: (p) => `利润率必须是数字，而不是 ${p.value}`,
    infiniteMean: (p) => `当 q = ${p.q} ≤ 1 时，x = ${p.x} 的 Gamma-Gamma 平均消费为无穷大`,
    ascending: (p) => `${p.what} 必须按升序排列（第 ${p.item} 项小于第 ${p.item - 1} 项）`,
    itemNotNumber: (p) => `${p.what}：第 ${p.item} 项不是数字`,
    ltvAverageValue: () => "平均客单价必须是数字",
    ltvPurchases: (p) => `每期购买次数不能小于 0，而不是 ${p.value}`,
    ltvRetention: (p) => `留存率必须在 0 到 1 之间（80% 或 0.8），而不是 ${p.value}`,
    ltvMargin: (p) => `利润率必须在 0 到 1 之间（30% 或 0.3），而不是 ${p.value}`,
    ltvDiscountRate: (p) => `折现率必须大于 -1，而不是 ${p.value}`,
    ltvPeriods: (p) => `期数必须是不小于 0 的整数，而不是 ${p.value}`,
  },
});

/** The problem in `language`. */
export function inputRuleText(problem: InputRuleProblem, language: Language): string {
  const say = INPUT_RULE_TEXTS[language][problem.rule] as (p: InputRuleProblem) => string;
  return say(problem);
}

/**
 * An input the engine refuses, as a RangeError (its name, so the front ends treat it as bad input) that
 * keeps the problem and, when it is about one row of the input, that row (0-based) and its field.
 */
export class InputRuleError extends RangeError {
  constructor(
    readonly problem: InputRuleProblem,
    readonly at?: { row: number; field: string },
  ) {
    const text = inputRuleText(problem, "en");
    super(at ? `row ${at.row + 1}: ${text}` : text);
    this.name = "RangeError";
  }
}
