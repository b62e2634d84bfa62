/**
 * The time unit of model inputs and outputs. Everything the engine reports in a unit says which one; days
 * are exact, a week is 7 days, a month is an average Gregorian-ish month of 365.25 / 12 = 30.4375 days (so
 * that durations in months do not depend on which months they span).
 */
export type TimeUnit = "day" | "week" | "month";

export const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month"];

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
};

export function isTimeUnit(text: string): text is TimeUnit {
  return (TIME_UNITS as readonly string[]).includes(text);
}
