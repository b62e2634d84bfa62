/**
 * Calendar arithmetic on day numbers.
 *
 * Convention used throughout the engine: a date is an integer **day number**, the number of days since
 * 1970-01-01 (day 0), in the proleptic Gregorian calendar, with no time of day and no time zone. A store's
 * day is the calendar day written in its data, so nothing here converts between zones. Day numbers fit in
 * an Int32Array; `NO_DAY` marks a missing date there.
 *
 * Spreadsheets' date serial numbers are the sheet layer's (src/sheet/serial-dates.ts); the date parser takes
 * their rule as an option.
 */

/** Marks "no date" in an Int32Array of day numbers (the smallest Int32). */
export const NO_DAY = -2147483648;

const MS_PER_DAY = 86_400_000;

export interface YearMonthDay {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year, month and day name a real date (years 1..9999). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Day number of a calendar date. The arguments are not checked (use `isValidDate` first); a day beyond the
 * month's end rolls over, as in Excel's DATE().
 */
export function dayFromYmd(year: number, month: number, day: number): number {
  // H. Hinnant's days_from_civil: exact integer arithmetic, no Date objects.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number. */
export function ymdFromDay(dayNumber: number): YearMonthDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** "2024-02-29" (ISO 8601). */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Day number of a JavaScript Date, read in UTC (ExcelJS gives a cell's wall-clock date as UTC). */
export function dayFromDate(date: Date): number {
  const ms = date.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : NaN;
}

/** A Date at 00:00 UTC of a day number. */
export function dateFromDay(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

/**
 * Month index of a day number: year × 12 + (month − 1). Consecutive months have consecutive indexes, so
 * "months between" is a subtraction.
 */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = ymdFromDay(dayNumber);
  return year * 12 + month - 1;
}

/** First day (day number) of a month index. */
export function firstDayOfMonthIndex(monthIndex: number): number {
  return dayFromYmd(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** Last day (day number) of a month index. */
export function lastDayOfMonthIndex(monthIndex: number): number {
  return firstDayOfMonthIndex(monthIndex + 1) - 1;
}

/** "2024-02" for a month index. */
export function formatMonthIndex(monthIndex: number): string {
  const month = (monthIndex % 12) + 1;
  return `${String(Math.floor(monthIndex / 12)).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
}

/**
 * The same day `months` months later (or earlier, when negative); the day is clamped to the end of a
 * shorter month, so 2024-02-29 minus 12 months is 2023-02-28 and 2024-01-31 plus 1 month is 2024-02-29.
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  const target = year * 12 + month - 1 + months;
  const y = Math.floor(target / 12);
  const m = (target % 12) + 1;
  return dayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole years from `fromDay` to `toDay` (an age, or years of membership). */
export function wholeYearsBetween(fromDay: number, toDay: number): number {
  const a = ymdFromDay(fromDay);
  const b = ymdFromDay(toDay);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}
