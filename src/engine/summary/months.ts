/**
 * Fast month lookup for day numbers in a known range: KPIs and cohorts ask "which month?" for every
 * purchase day, so a table over the range replaces the calendar arithmetic.
 */
import { firstDayOfMonthIndex, monthIndexOfDay } from "../data/days";

export class MonthLookup {
  private readonly months: Int32Array;

  constructor(
    private readonly firstDay: number,
    lastDay: number,
  ) {
    this.months = new Int32Array(Math.max(0, lastDay - firstDay + 1));
    let month = monthIndexOfDay(firstDay);
    let nextMonthStart = firstDayOfMonthIndex(month + 1);
    for (let i = 0; i < this.months.length; i++) {
      if (firstDay + i >= nextMonthStart) nextMonthStart = firstDayOfMonthIndex(++month + 1);
      this.months[i] = month;
    }
  }

  /** Month index (year × 12 + month − 1) of a day number; days outside the range are computed. */
  monthOf(day: number): number {
    const i = day - this.firstDay;
    return i >= 0 && i < this.months.length ? this.months[i] : monthIndexOfDay(day);
  }
}
