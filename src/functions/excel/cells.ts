/**
 * Reading one cell value as Excel passes it to a custom function: a number, a string ("" for a blank
 * cell), a boolean, `null` for an omitted argument, or (only with allowErrorForDataTypeAny) an error.
 *
 * Numbers follow Excel's own conversion of text in arithmetic (="12"*1 is 12): text numbers with
 * thousands separators, a decimal point, an exponent or a percent sign are numbers. Booleans are not
 * numbers here: SUM skips TRUE in a range, and a TRUE where a count of purchases belongs is a mistake
 * to report, not a 1 to use.
 */
import { inputErrorCode } from "./errors";

/** A blank cell ("") or an omitted argument (null; undefined from JavaScript callers). */
export function isBlank(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A text number as Excel reads it in arithmetic ("1,234.5", "12%", "(15)", "1e3"), else undefined. */
export function parseTextNumber(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (THOUSANDS.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const n = Number(s) * scale * sign;
  return Number.isFinite(n) ? n : undefined;
}

/** The number in a cell (a number or a text number), or undefined when the cell holds no number. */
export function cellNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") return parseTextNumber(v);
  return undefined;
}

/** TRUE/FALSE from a boolean, 1/0 or the text TRUE/FALSE (as Excel writes them in any case), else undefined. */
export function cellBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const s = v.trim().toUpperCase();
    if (s === "TRUE" || s === "1") return true;
    if (s === "FALSE" || s === "0") return false;
  }
  return undefined;
}

/** A cell value as a message shows it: "abc" in quotes, TRUE, 12, #N/A. */
export function showValue(v: unknown): string {
  const code = inputErrorCode(v);
  if (code) return code;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null || v === undefined) return "blank";
  if (typeof v === "number") return String(v);
  return typeof v;
}
