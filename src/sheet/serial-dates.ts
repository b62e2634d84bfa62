/**
 * Excel's date serial numbers. A spreadsheet stores a date as the count of days since its epoch (serial 1 is
 * 1900-01-01 in the 1900 date system; old Mac workbooks use the 1904 system), with the time of day as the
 * fraction. The engine counts days from 1970-01-01 (engine/data/days.ts) and knows no spreadsheet; this
 * module converts between the two, and gives the engine's date parser the rule for numbers in date columns
 * (EXCEL_SERIALS), so readers of sheets and files say how their numbers are dates.
 */
import type { SerialDates } from "../engine/data/parse-date";

/** Day number (days since 1970-01-01) of the serial 0 in the 1900 system, for serials from 61 (1900-03-01) on. */
export const EXCEL_EPOCH_OFFSET = 25569;

/** Largest Excel serial number: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

/** Offset between the 1904 date system (old Mac workbooks) and the 1900 one, in days. */
export const EXCEL_1904_OFFSET = 1462;

const DAY_MS = 86_400_000;

/**
 * Day number of an Excel serial in the 1900 date system; the fraction (time of day) is dropped. Returns NaN
 * for serials outside 1..2958465 and for 60, Excel's 1900-02-29, a day that never existed.
 */
export function dayFromExcelSerial(serial: number): number {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1)) return NaN;
  const whole = Math.floor(serial);
  if (whole === 60) return NaN;
  // Excel counts 1900 as a leap year, so serials before its phantom 29 February are one day later.
  return whole < 60 ? whole - EXCEL_EPOCH_OFFSET + 1 : whole - EXCEL_EPOCH_OFFSET;
}

/** Excel serial (1900 date system) of a day number: the inverse of `dayFromExcelSerial`. */
export function excelSerialFromDay(dayNumber: number): number {
  const serial = dayNumber + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * Excel date serial of a Date, reading the Date's UTC calendar date and time (the convention of ExcelJS
 * and of the engine's date parsing: a date without a time zone is midnight UTC).
 */
export function dateToExcelSerial(date: Date): number {
  return date.getTime() / DAY_MS + EXCEL_EPOCH_OFFSET;
}

export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * DAY_MS));
}

/** Numbers in a date column of an Excel sheet (or of a file Excel wrote): serials of the 1900 system. */
export const EXCEL_SERIALS: SerialDates = { dayOf: dayFromExcelSerial, max: MAX_EXCEL_SERIAL };

/** Numbers in a date column of a workbook in the 1904 date system. */
export const EXCEL_1904_SERIALS: SerialDates = {
  dayOf: (serial) => dayFromExcelSerial(serial + EXCEL_1904_OFFSET),
  max: MAX_EXCEL_SERIAL - EXCEL_1904_OFFSET,
};
