/**
 * Cell values between the Excel JavaScript API and the port. Excel gives every cell as a value, a value
 * type and a number format: dates are numbers with a date format, errors are their text ("#N/A") with the
 * type "Error". What we send is one entry of a `formulas` array per cell, where Excel treats a string as
 * if it were typed: "00042" would become 42 and "=x" or "+x" a formula. So every text is sent with the
 * quote prefix (') that makes Excel keep it as text, exactly as written.
 */
import { dateToExcelSerial, excelSerialToDate } from "../../sheet/serial-dates";
import type { CellValue } from "../../engine/data/table";
import { type ResolvedCell } from "../../sheet/sheet-model-cells";

/** One entry of a `formulas` array sent to Excel (null: leave the cell as it is). */
export type OfficeInput = string | number | boolean | null;

/**
 * True when a number format shows a date (day, month or year), e.g. yyyy-mm-dd, m/d/yyyy,
 * yyyy"年"m"月"d"日", [$-409]d-mmm-yy; false for General, numbers, text, times of day and durations.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code || code === "General" || code === "@") return false;
  const firstSection = code.split(";")[0];
  const bare = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/[dy]/i.test(bare)) return true;
  // "m" alone is a month (mmm yyyy); next to hours or seconds it is minutes.
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}

/** A cell as Excel reported it, as the port's CellValue. */
export function fromOfficeCell(value: unknown, type: string, numberFormat: string | undefined): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" && isDateFormat(numberFormat)
        ? excelSerialToDate(value)
        : Number(value);
    case "String":
      return value === "" ? null : String(value);
    default:
      return value === "" || value === undefined ? null : (value as CellValue);
  }
}

/** Text sent with the quote prefix so Excel stores it as typed, never as a number, date or formula. */
export function asText(text: string): string {
  return `'${text}`;
}

/** What to send for one resolved cell of a sheet model. */
export function toOfficeInput(cell: ResolvedCell): OfficeInput {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return dateToExcelSerial(v);
  if (typeof v === "string") return asText(v);
  return v;
}

/**
 * Whether a cell read back holds a formula: its `formulas` entry starts with "=" and differs from its
 * value. (A text cell holding "=1+1" reports that text as both value and formula.)
 */
export function formulaOf(value: unknown, formula: unknown): string | undefined {
  if (typeof formula !== "string" || !formula.startsWith("=")) return undefined;
  return formula === value ? undefined : formula.slice(1);
}
