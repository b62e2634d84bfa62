/**
 * Holidays and shopping days: the dates a store plans campaigns around, as data. A holiday is a name and a
 * date, either "MM-DD" (every year) or "YYYY-MM-DD" (that year only: the lunar-calendar festivals, whose
 * Gregorian date moves, are listed year by year). For each holiday in the coming days: how many top-tier
 * members and active customers could be invited, and what the store sold around the same holiday last year.
 */
import { dayFromYmd, isValidDate, NO_DAY, ymdFromDay } from "../data/days";
import { firstAfter, type PurchaseDays } from "../summary/purchase-days";
import { lookAheadDays } from "./key-dates";

export interface HolidayEntry {
  /** "MM-DD": every year; "YYYY-MM-DD": that year only. */
  date: string;
  name: string;
  nameZh?: string;
}

const fixed = (date: string, name: string, nameZh: string): HolidayEntry => ({ date, name, nameZh });

/** Gregorian dates of a lunar-calendar festival, one per year. */
const lunar = (name: string, nameZh: string, dates: string[]): HolidayEntry[] =>
  dates.map((date) => ({ date, name, nameZh }));

/**
 * The built-in calendar. The lunar festivals are listed for 2024 to 2030 only (LUNAR_TABLE_LAST_YEAR): a
 * later year has no entry and the festival is simply not shown (a guessed date would be wrong). Users add
 * their own years and their own days with the setting keyDates.holidays.
 */
export const LUNAR_TABLE_LAST_YEAR = 2030;

export const STANDARD_HOLIDAYS: readonly HolidayEntry[] = [
  fixed("01-01", "New Year's Day", "元旦"),
  fixed("02-14", "Valentine's Day", "情人节"),
  fixed("03-08", "Women's Day", "妇女节"),
  fixed("05-20", "520", "520"),
  fixed("06-18", "618 shopping festival", "618购物节"),
  fixed("10-01", "National Day", "国庆节"),
  fixed("11-11", "Singles' Day", "双十一"),
  fixed("12-12", "Double 12", "双十二"),
  fixed("12-25", "Christmas", "圣诞节"),
  ...lunar("Spring Festival", "春节", [
    "2024-02-10",
    "2025-01-29",
    "2026-02-17",
    "2027-02-06",
    "2028-01-26",
    "2029-02-13",
    "2030-02-03",
  ]),
  ...lunar("Dragon Boat Festival", "端午节", [
    "2024-06-10",
    "2025-05-31",
    "2026-06-19",
    "2027-06-09",
    "2028-05-28",
    "2029-06-16",
    "2030-06-05",
  ]),
  ...lunar("Qixi", "七夕", [
    "2024-08-10",
    "2025-08-29",
    "2026-08-19",
    "2027-08-08",
    "2028-08-26",
    "2029-08-16",
    "2030-08-05",
  ]),
  ...lunar("Mid-Autumn Festival", "中秋节", [
    "2024-09-17",
    "2025-10-06",
    "2026-09-25",
    "2027-09-15",
    "2028-10-03",
    "2029-09-22",
    "2030-09-12",
  ]),
];

export interface HolidayDate {
  /** Undefined: every year. */
  year?: number;
  month: number;
  day: number;
}

/** "MM-DD" or "YYYY-MM-DD" as a date, or null when it is neither or names no real day (02-29 is allowed). */
export function parseHolidayDate(text: string): HolidayDate | null {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = m[1] === undefined ? undefined : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A yearly date is checked against a leap year, so that 02-29 is accepted (it occurs in leap years only).
  return isValidDate(year ?? 2024, month, day) ? { year, month, day } : null;
}

/**
 * The built-in calendar with the user's entries: an entry with the name (English or Chinese) of a
 * built-in holiday and the same kind of date (every year, or the same year) replaces that date; any other
 * entry is added, and takes the built-in Chinese name when it gives none. Entries whose date does not
 * parse are left out (the settings check reports them).
 */
export function holidayCalendar(
  user: readonly HolidayEntry[],
  standard: readonly HolidayEntry[] = STANDARD_HOLIDAYS,
): HolidayEntry[] {
  const slot = (e: HolidayEntry, name: string) => `${name}|${parseHolidayDate(e.date)?.year ?? "every"}`;
  const replaced = new Set(user.flatMap((e) => [slot(e, e.name), slot(e, e.nameZh ?? e.name)]));
  const kept = standard.filter(
    (e) => !replaced.has(slot(e, e.name)) && !replaced.has(slot(e, e.nameZh ?? "")),
  );
  const zh = new Map(standard.map((e) => [e.name, e.nameZh]));
  const added = user.map((e) => (e.nameZh || !zh.get(e.name) ? e : { ...e, nameZh: zh.get(e.name) }));
  return [...kept, ...added].filter((e) => parseHolidayDate(e.date) !== null);
}

/** The day of each holiday in `year` (yearly ones that year, dated ones when they fall in it). */
function occurrencesIn(
  calendar: readonly HolidayEntry[],
  year: number,
): { entry: HolidayEntry; day: number }[] {
  const out: { entry: HolidayEntry; day: number }[] = [];
  for (const entry of calendar) {
    const date = parseHolidayDate(entry.date);
    if (!date || (date.year !== undefined && date.year !== year)) continue;
    if (!isValidDate(year, date.month, date.day)) continue; // 02-29 outside leap years
    out.push({ entry, day: dayFromYmd(year, date.month, date.day) });
  }
  return out;
}

export interface UpcomingHoliday {
  name: string;
  nameZh: string;
  day: number;
  /** Days from the as-of date (0 = today). */
  daysUntil: number;
  /**
   * The same holiday a year earlier, when the calendar has it and the data covers the days around it:
   * its day, sales (purchase-day values, refunds not taken off) and buyers in day ± `aroundDays`.
   */
  lastYear: { day: number; sales: number; buyers: number } | null;
}

export interface HolidayOptions {
  /** Look ahead this many days; the as-of date counts as day 0 (default 60, at most 366). */
  days?: number;
  /** Last year's sales are summed over the holiday ± this many days (default 7). */
  aroundDays?: number;
}

/** Sales and distinct buyers over the days first..last. */
function salesBetween(days: PurchaseDays, first: number, last: number): { sales: number; buyers: number } {
  let sales = 0;
  let buyers = 0;
  for (let c = 0; c + 1 < days.start.length; c++) {
    const from = firstAfter(days.day, days.start[c], days.start[c + 1], first - 1);
    const to = firstAfter(days.day, from, days.start[c + 1], last);
    for (let i = from; i < to; i++) sales += days.value[i];
    if (to > from) buyers++;
  }
  return { sales, buyers };
}

/**
 * Whom to invite to the coming holidays, counted as of today (the same for every holiday, so the sheet says
 * it once): the members of the top tiers, then the customers active lately.
 */
export interface HolidayInvitees {
  /** Members of the top tiers today: the first to invite. */
  topTierMembers: number;
  /** Customers who bought in the last `activeDays` days up to the as-of date. */
  activeCustomers: number;
}

export interface InviteeOptions {
  /** Tier level per customer (TierEvaluation.current) and how many top levels count as top tiers. */
  levels?: Uint8Array;
  topTiers?: number;
  /** A customer who bought within this many days up to the as-of date is active (default 365). */
  activeDays?: number;
}

export function holidayInvitees(
  lastDay: Int32Array,
  asOf: number,
  options: InviteeOptions = {},
): HolidayInvitees {
  const activeDays = options.activeDays ?? 365;
  const topTiers = options.topTiers ?? 0;
  return {
    topTierMembers: options.levels ? options.levels.filter((level) => level < topTiers).length : 0,
    activeCustomers: lastDay.filter((d) => d !== NO_DAY && d <= asOf && d > asOf - activeDays).length,
  };
}

/** The holidays within [asOf, asOf + days], soonest first (then by name), with last year's sales. */
export function upcomingHolidays(
  calendar: readonly HolidayEntry[],
  purchases: PurchaseDays,
  asOf: number,
  options: HolidayOptions = {},
): UpcomingHoliday[] {
  const horizon = lookAheadDays(options.days ?? 60, "holidays");
  const around = options.aroundDays ?? 7;
  let firstDataDay = Infinity;
  for (let i = 0; i < purchases.day.length; i++) firstDataDay = Math.min(firstDataDay, purchases.day[i]);

  const { year } = ymdFromDay(asOf);
  const out: UpcomingHoliday[] = [];
  for (const y of [year, year + 1]) {
    const previous = occurrencesIn(calendar, y - 1);
    for (const { entry, day } of occurrencesIn(calendar, y)) {
      if (day < asOf || day > asOf + horizon) continue;
      const before = previous.find((p) => p.entry.name === entry.name);
      const covered = before && before.day - around >= firstDataDay && before.day + around <= asOf;
      out.push({
        name: entry.name,
        nameZh: entry.nameZh ?? entry.name,
        day,
        daysUntil: day - asOf,
        lastYear: covered
          ? { day: before.day, ...salesBetween(purchases, before.day - around, before.day + around) }
          : null,
      });
    }
  }
  return out.sort((a, b) => a.day - b.day || a.name.localeCompare(b.name));
}
