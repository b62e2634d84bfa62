/**
 * The classic customer lifetime value for when no purchase model fits: a constant margin per period,
 * a constant retention rate and a discount rate (Gupta & Lehmann 2003, "Customers as assets",
 * Journal of Interactive Marketing 17(1), 9-24; Gupta & Lehmann 2005, "Managing Customers as
 * Investments", ch. 2).
 *
 *   m = average value × purchases per period × margin           (margin earned per period)
 *   q = r / (1 + d)                                             (retained and discounted, per period)
 *   LTV(N) = Σ_{t=1..N} m · r^t / (1 + d)^t = m · q · (1 − q^N) / (1 − q)      (N periods)
 *   LTV(∞) = m · r / (1 + d − r)                                (the perpetuity, needs r < 1 + d)
 *
 * Convention (Gupta & Lehmann's): the margin of period t is earned at the end of the period by the
 * customers still retained then, so it is weighted by r^t and discounted by (1 + d)^t; today's margin
 * from a customer just acquired is not included. Add m to include it, which gives the other textbook
 * form m · (1 + d) / (1 + d − r). The famous "margin multiple" r / (1 + d − r) is 2.5 for r = 80 %,
 * d = 12 %. Rates are per period, in the same period as the purchase frequency.
 */

import { InputRuleError, type InputRuleProblem } from "../text/model-inputs";

export interface SimpleLtvInput {
  /** Average value of one purchase (money). */
  averageValue: number;
  /** Purchases per customer per period. */
  purchasesPerPeriod: number;
  /** Share of customers retained from one period to the next, 0..1. */
  retention: number;
  /** Profit margin as a fraction of value, 0..1. */
  margin: number;
  /** Discount rate per period (0.1 for 10 %); above −1. */
  discountRate: number;
  /** Number of periods; undefined for the perpetuity. */
  periods?: number;
}

/** An input out of its range; `field` says which, so a caller can point at its own cell or column. */
export class SimpleLtvInputError extends InputRuleError {
  constructor(
    readonly field: keyof SimpleLtvInput,
    problem: InputRuleProblem,
  ) {
    super(problem);
  }
}

function check(ok: boolean, field: keyof SimpleLtvInput, problem: InputRuleProblem): void {
  if (!ok) throw new SimpleLtvInputError(field, problem);
}

/** Checks the inputs; each message names the input and the values it accepts. */
export function checkSimpleLtvInput(input: SimpleLtvInput): void {
  const { averageValue, purchasesPerPeriod, retention, margin, discountRate, periods } = input;
  check(Number.isFinite(averageValue), "averageValue", { rule: "ltvAverageValue" });
  check(purchasesPerPeriod >= 0 && Number.isFinite(purchasesPerPeriod), "purchasesPerPeriod", {
    rule: "ltvPurchases",
    value: purchasesPerPeriod,
  });
  check(retention >= 0 && retention <= 1, "retention", { rule: "ltvRetention", value: retention });
  check(margin >= 0 && margin <= 1, "margin", { rule: "ltvMargin", value: margin });
  check(discountRate > -1 && Number.isFinite(discountRate), "discountRate", {
    rule: "ltvDiscountRate",
    value: discountRate,
  });
  if (periods !== undefined)
    check(Number.isInteger(periods) && periods >= 0, "periods", { rule: "ltvPeriods", value: periods });
}

/** The margin multiple Σ q^t over the horizon (or forever): LTV / m. Infinity when the perpetuity diverges. */
export function marginMultiple(retention: number, discountRate: number, periods?: number): number {
  const q = retention / (1 + discountRate);
  if (periods === undefined) return q < 1 ? q / (1 - q) : Infinity;
  if (q === 1) return periods;
  return (q * (1 - Math.pow(q, periods))) / (1 - q);
}

/**
 * The lifetime value (see the module comment). Throws a RangeError for invalid input; returns
 * Infinity for a perpetuity whose retention is not below 1 + discount rate (the sum diverges).
 */
export function simpleLtv(input: SimpleLtvInput): number {
  checkSimpleLtvInput(input);
  const m = input.averageValue * input.purchasesPerPeriod * input.margin;
  if (m === 0) return 0;
  return m * marginMultiple(input.retention, input.discountRate, input.periods);
}
