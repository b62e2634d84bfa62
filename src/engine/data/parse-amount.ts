/**
 * Money amounts from cells: numbers as they are, and text as stores export it: "1234.5", "¥1,234.50",
 * "$12", "USD 12.00", "1 234,50 €" or "1.234,50" (when the locale writes decimal commas), "(12.00)" and
 * "12.00-" for negatives. The result is a number in the currency of the data, or NaN when the cell holds
 * no amount (the caller counts NaN as a data-quality finding).
 */
import { isCellError, type CellValue } from "./table";

export interface AmountParseOptions {
  /**
   * The data writes decimal commas and groups thousands with dots or spaces (1.234,50). Without it a comma
   * is a thousands separator and a dot the decimal point (1,234.50).
   */
  decimalComma?: boolean;
}

const CURRENCY_CODES = "USD|CNY|RMB|EUR|GBP|JPY|HKD|TWD|SGD|AUD|CAD|CHF|KRW|INR|MYR|THB";

/** Sign and currency around the digits; the digits part is checked separately for its grouping. */
const AMOUNT_TEXT = new RegExp(
  "^(\\()?\\s*([-+\u2212])?\\s*" +
    `(?:(?:[A-Z]{1,3})?[$¥￥€£₩₹]|(?:${CURRENCY_CODES})\\s?)?` +
    "\\s*([-+\u2212])?\\s*([0-9][0-9.,'\u00a0\u202f ]*)\\s*" +
    `(?:[$¥￥€£₩₹元]|(?:${CURRENCY_CODES}))?\\s*(\\))?\\s*(-)?$`,
);

/** Plain numbers with a dot decimal point: the fast path, no regular expression. */
function plainNumber(s: string): number {
  const n = s.length;
  if (n === 0 || n > 20) return NaN;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === n) return NaN;
  let dots = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (++dots > 1) return NaN;
    } else if (c < 48 || c > 57) return NaN;
  }
  return Number(s);
}

/** Digits with optional thousands grouping in threes and one decimal separator; NaN otherwise. */
function groupedNumber(digits: string, decimalComma: boolean): number {
  const decimal = decimalComma ? "," : ".";
  const text = digits.replace(/[\u00a0\u202f' ]/g, decimalComma ? "." : ",");
  const point = text.lastIndexOf(decimal);
  const whole = point >= 0 ? text.slice(0, point) : text;
  const fraction = point >= 0 ? text.slice(point + 1) : "";
  if (!/^\d*$/.test(fraction) || (point >= 0 && fraction.length === 0)) return NaN;
  const groupSeparator = decimalComma ? "." : ",";
  const groups = whole.split(groupSeparator);
  if (groups.length > 1) {
    if (!/^\d{1,3}$/.test(groups[0])) return NaN;
    for (let g = 1; g < groups.length; g++) if (!/^\d{3}$/.test(groups[g])) return NaN;
  } else if (!/^\d+$/.test(whole)) return NaN;
  return Number(`${groups.join("")}.${fraction || "0"}`);
}

/**
 * The amount in a cell, or NaN when there is none. Booleans, errors and blanks are NaN. Thousands groups
 * must be groups of three digits, so "12,34" is not read as 1234 (nor as 12.34 unless `decimalComma`).
 */
export function parseAmount(value: CellValue, options?: AmountParseOptions): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (typeof value !== "string") return NaN;
  if (!options?.decimalComma) {
    const fast = plainNumber(value);
    if (!Number.isNaN(fast)) return fast;
  }
  const m = AMOUNT_TEXT.exec(value.trim());
  if (!m) return NaN;
  const [, open, sign1, sign2, digits, close, trailingMinus] = m;
  if (Boolean(open) !== Boolean(close)) return NaN;
  const amount = groupedNumber(digits.trim(), Boolean(options?.decimalComma));
  if (Number.isNaN(amount)) return NaN;
  const minuses = [sign1, sign2].filter((c) => c === "-" || c === "\u2212").length;
  const negative = Boolean(open) || minuses % 2 === 1 || Boolean(trailingMinus);
  return negative ? -amount : amount;
}

/** Why a cell is not an amount, in a few words for the data-quality report. */
/** Why "12,34" is not read as an amount when decimal commas are off, and what reads it. */
export const DECIMAL_COMMA_NOTE = 'a decimal comma: --decimal-comma (the setting "decimalComma") reads it';

export function explainAmount(value: CellValue, options?: AmountParseOptions): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return "blank";
  }
  if (isCellError(value)) return `Excel error ${value.error}`;
  if (typeof value === "boolean") return "TRUE/FALSE is not an amount";
  if (value instanceof Date) return "a date, not an amount";
  if (typeof value === "number") return "not a finite number";
  // 1.234,50 or 12,34 (not a group of three): a decimal comma the settings did not expect.
  if (!options?.decimalComma && /^\s*-?(\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,}))\s*$/.test(value)) {
    return DECIMAL_COMMA_NOTE;
  }
  return "not a number";
}
