/**
 * Dates from cells: serial numbers (by the reader's rule), JavaScript Dates, ISO strings and the text formats
 * stores export. The result is a day number (see days.ts) or NaN when the cell holds no usable date; the
 * caller counts NaN as a data-quality finding and `explainDate` says why for the report.
 */
import { isCellError, type CellValue } from "./table";
import { dayFromDate, dayFromYmd, isValidDate } from "./days";

/**
 * Order of day and month in dates such as 03/04/2024. "ymd" (the default) accepts only year-first dates;
 * "dmy" and "mdy" also read day-first or month-first dates. The parsers never guess; readOrderTable, when
 * given no order, takes the one a date of the whole column proves (`proposeDayOrder`: 25/12/2023 is day
 * first) and says so, and leaves the dates unread (asking for the order) when none proves it.
 */
export type DayOrder = "ymd" | "dmy" | "mdy";

export const DAY_ORDERS: readonly DayOrder[] = ["ymd", "dmy", "mdy"];

/** Why a date such as 03/04/2024 is not read while the order is "ymd": `explainDate` says this. */
export const DAY_ORDER_UNKNOWN =
  "day/month order unknown: set the date order (day-month-year or month-day-year)";

/**
 * How a source writes dates as numbers. Spreadsheets count days from an epoch (their serial numbers); the
 * sheet layer gives Excel's rule (sheet/serial-dates.ts), which the readers of sheets and files pass on.
 */
export interface SerialDates {
  /** Day number of a serial (time of day dropped), NaN when the serial is no date. */
  dayOf(serial: number): number;
  /** Largest serial that is a date; a larger eight-digit whole number is read as YYYYMMDD. */
  max: number;
}

export interface DateParseOptions {
  dayOrder?: DayOrder;
  /**
   * Numbers (and five-digit texts such as "45000") in a date column are serials by this rule. Without it a
   * number is a date only when it reads as YYYYMMDD (19970101).
   */
  serials?: SerialDates;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
}; // prettier-ignore

/** What may follow a date: a time of day with optional seconds, fraction, zone or AM/PM. Ignored. */
const TIME_SUFFIX =
  /(?:T|\s+)\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[AaPp]\.?[Mm]\.?)?\s*$/y;

/** "12 May 2024", "12-May-24", "May 12, 2024", with an optional time. */
const DAY_MONTHNAME_YEAR = /^(\d{1,2})[\s\-./]*([A-Za-z]{3,9})\.?[\s\-./,]*(\d{4}|\d{2})(.*)$/;
const MONTHNAME_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(.*)$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Excel's rule for two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(digits: string, value: number): number {
  if (digits.length > 2) return value;
  return value < 30 ? 2000 + value : 1900 + value;
}

function ymdOrNaN(year: number, month: number, day: number): number {
  return isValidDate(year, month, day) ? dayFromYmd(year, month, day) : NaN;
}

/** True when `s` ends at `from`, or holds only a time of day (or blanks) from there on. */
function onlyTimeFrom(s: string, from: number): boolean {
  if (from >= s.length) return true;
  TIME_SUFFIX.lastIndex = from;
  return TIME_SUFFIX.test(s) || s.slice(from).trim().length === 0;
}

/** A number read as a serial (when the options give the rule), or as YYYYMMDD when it is one (19970101). */
function dayFromNumber(n: number, options: DateParseOptions | undefined): number {
  if (!Number.isFinite(n)) return NaN;
  const serials = options?.serials;
  if ((!serials || n > serials.max) && Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    return ymdOrNaN(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return serials ? serials.dayOf(n) : NaN;
}

/** A serial number written as text ("45000" or "45000.5"): five digits, 1927-05-18 to 2173-10-14. */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** Reads three numbers separated by one separator character ("2024-05-12", "12/05/2024"), fast. */
function dayFromNumericText(s: string, options: DateParseOptions | undefined): number {
  const n = s.length;
  let i = 0;
  let a = 0;
  while (i < n && isDigit(s.charCodeAt(i))) a = a * 10 + s.charCodeAt(i++) - 48;
  const lenA = i;
  if (lenA === 8 && onlyTimeFrom(s, i)) {
    return ymdOrNaN(Math.floor(a / 10000), Math.floor(a / 100) % 100, a % 100);
  }
  if (lenA === 5) return options?.serials && SERIAL_TEXT.test(s) ? options.serials.dayOf(Number(s)) : NaN;
  const sep = s.charCodeAt(i++);
  if (sep !== 45 /* - */ && sep !== 47 /* / */ && sep !== 46 /* . */) return NaN;
  let b = 0;
  const startB = i;
  while (i < n && isDigit(s.charCodeAt(i))) b = b * 10 + s.charCodeAt(i++) - 48;
  if (i - startB === 0 || i - startB > 2 || i === n || s.charCodeAt(i) !== sep) return NaN;
  i++;
  let c = 0;
  const startC = i;
  while (i < n && isDigit(s.charCodeAt(i))) c = c * 10 + s.charCodeAt(i++) - 48;
  const lenC = i - startC;
  if (lenC === 0 || !onlyTimeFrom(s, i)) return NaN;
  if (lenA === 4 && lenC <= 2) return ymdOrNaN(a, b, c);
  if (lenA <= 2 && (lenC === 4 || lenC === 2)) {
    const year = fullYear(s.slice(startC, i), c);
    const order = options?.dayOrder ?? "ymd";
    if (order === "dmy") return ymdOrNaN(year, b, a);
    if (order === "mdy") return ymdOrNaN(year, a, b);
  }
  return NaN;
}

function dayFromWordyText(s: string): number {
  let m = CHINESE_DATE.exec(s);
  if (m) return onlyTimeFrom(m[4], 0) ? ymdOrNaN(+m[1], +m[2], +m[3]) : NaN;
  m = DAY_MONTHNAME_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month && onlyTimeFrom(m[4], 0) ? ymdOrNaN(fullYear(m[3], +m[3]), month, +m[1]) : NaN;
  }
  m = MONTHNAME_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month && onlyTimeFrom(m[4], 0) ? ymdOrNaN(+m[3], month, +m[2]) : NaN;
  }
  return NaN;
}

/**
 * The day number of a cell, or NaN when it holds no date.
 *
 * Accepted: numbers as serials by `options.serials` (time of day dropped) or as eight-digit YYYYMMDD; Date objects (read
 * in UTC, as ExcelJS gives them); text in ISO form (2024-05-12, 2024-05-12T10:30:00Z, 2024-5-12 10:30),
 * YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, 2024年5月12日, 12 May 2024, May 12, 2024, and DD/MM/YYYY or
 * MM/DD/YYYY when `options.dayOrder` says which. A time zone in the text is ignored: the date is the
 * calendar date as written.
 */
export function parseDay(value: CellValue, options?: DateParseOptions): number {
  if (typeof value === "number") return dayFromNumber(value, options);
  if (typeof value === "string") {
    let s = value;
    const first = s.charCodeAt(0);
    if (!isDigit(first) || !isDigit(s.charCodeAt(s.length - 1))) {
      s = s.trim();
      if (s.length === 0) return NaN;
    }
    return isDigit(s.charCodeAt(0)) ? dayFromNumericTextOrWords(s, options) : dayFromWordyText(s);
  }
  if (value instanceof Date) return dayFromDate(value);
  return NaN;
}

function dayFromNumericTextOrWords(s: string, options: DateParseOptions | undefined): number {
  const day = dayFromNumericText(s, options);
  return Number.isNaN(day) && s.length > 6 ? dayFromWordyText(s) : day;
}

/** True when the cell is empty: null, undefined, or text of blanks only. */
export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim().length === 0);
}

/**
 * Why a cell is not a date, in a few words for the data-quality report (only called for the examples, so
 * it may be slow).
 */
export function explainDate(value: CellValue, options?: DateParseOptions): string {
  if (isBlankCell(value)) return "blank";
  if (isCellError(value)) return `error value ${value.error}`;
  if (typeof value === "boolean") return "TRUE/FALSE is not a date";
  if (typeof value === "number") {
    return options?.serials ? "number out of the range of dates" : "a number here is a date only as YYYYMMDD";
  }
  if (value instanceof Date) return "invalid date";
  const s = String(value).trim();
  const slash = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(s);
  if (slash && (options?.dayOrder ?? "ymd") === "ymd") {
    return DAY_ORDER_UNKNOWN;
  }
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(s) || /^\d{8}$/.test(s) || slash) {
    return "no such day in the calendar";
  }
  return "not a date";
}

/** A day order the data shows, with the first date that shows it ("25/12/2023" proves day first). */
export interface DayOrderProposal {
  order: Exclude<DayOrder, "ymd">;
  example: string;
}

/**
 * Proposes a day order for text dates such as 03/04/2024 from the first `limit` values of a column: "dmy"
 * when some first number exceeds 12, "mdy" when some second number does, undefined when the column does not
 * say (or contradicts itself). The caller shows the proposal, and the date that proves it, to the user;
 * parsing never applies it silently.
 */
export function proposeDayOrder(values: ArrayLike<CellValue>, limit = 10_000): DayOrderProposal | undefined {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  const pattern = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/;
  for (let i = 0; i < Math.min(values.length, limit); i++) {
    const v = values[i];
    if (typeof v !== "string") continue;
    const m = pattern.exec(v);
    if (!m) continue;
    if (+m[1] > 12) dayFirst ??= m[0].trim();
    if (+m[2] > 12) monthFirst ??= m[0].trim();
  }
  if ((dayFirst === undefined) === (monthFirst === undefined)) return undefined;
  return dayFirst !== undefined
    ? { order: "dmy", example: dayFirst }
    : { order: "mdy", example: monthFirst as string };
}
