/**
 * The one place the CLV conventions are set: the report (LL Customers' predicted value), the custom
 * function LOYALTY.CLV and the CLI all take their defaults from here, so the same customer gets the
 * same value from each.
 *
 * Ours: the horizon is cut into calendar months of 365.25 / 12 = 30.4375 days (4.348 weeks), the
 * purchases expected in month k are valued at the Gamma-Gamma expected spend times the margin and
 * discounted by (1 + d)^-k with d the monthly rate equivalent to the annual one, (1 + annual)^(1/12) − 1.
 * Defaults: 12 months, 10 % a year (0.797 % a month), margin 1 (value in revenue).
 *
 * lifetimes' customer_lifetime_value(time=12, discount_rate=0.01, freq="W") steps 4.345 weeks a month
 * and takes the rate per month as given (its 0.01 is 12.7 % a year); clv.ts with periodLength 4.345
 * reproduces it exactly (test/engine/models/lifetimes-per-customer.test.ts). CLVTools' predict() gives
 * CLV = DERT × the Gamma-Gamma mean spending, where DERT counts the whole residual lifetime (no horizon)
 * discounted continuously, e^(−δt), at continuous.discount.factor δ (default 0.1) per period of the
 * data's time unit; a rate d per month is δ = ln(1 + d) with monthly periods.
 */
import { DAYS_PER_UNIT, type TimeUnit } from "../summary/time-unit";

export const CLV_DEFAULTS = {
  /** Months in the horizon. */
  months: 12,
  /** Discount rate per year (0.1 = 10 %). */
  annualDiscountRate: 0.1,
  /** Share of revenue kept as margin (1: the value in revenue). */
  margin: 1,
} as const;

/** The length of a calendar month (365.25 / 12 days) in `unit`: 4.348… weeks, 30.4375 days, 1 month. */
export function monthIn(unit: TimeUnit): number {
  return DAYS_PER_UNIT.month / DAYS_PER_UNIT[unit];
}

/** The monthly discount rate equivalent to an annual one: (1 + annual)^(1/12) − 1. */
export function monthlyRate(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/** The time unit LOYALTY.SUMMARY and `loyalty fit` use by default, hence LOYALTY.CLV's month. */
export const DEFAULT_MODEL_UNIT: TimeUnit = "week";
