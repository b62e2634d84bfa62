/**
 * Decimal comma or decimal point, decided from a whole column: "12.345,67" or "12,34" prove a decimal
 * comma, "1,234.56" or "12.5" a decimal point, while "1.201" and "1,201" prove nothing (1201, or 1.201?).
 * A column whose values prove nothing but hold such ambiguous ones is a question for the user.
 */
import type { CellValue } from "./table";

/** What an error about the decimal separator asks the user to set (shared with the pane's English text). */
export const DECIMAL_SETTING =
  'say which the data uses: the setting "decimalComma" (--decimal-comma for 1.234,56, --no-decimal-comma for 1,234.56)';

export interface DecimalEvidence {
  /** A value proving a decimal comma, and one proving a decimal point, when the column has them. */
  comma?: string;
  point?: string;
  /** A value that reads differently under the two conventions ("1.201"). */
  ambiguous?: string;
}

const COMMA_PROOF = [
  /\d\.\d{3}(?:\.\d{3})*,\d/, // 12.345,67
  /\d,(?:\d{1,2}|\d{4,})(?!\d)/, // 12,34 or 12,3456: not a group of three
  /\d\.\d{3}\.\d{3}(?!\d)/, // 1.000.000
];
const POINT_PROOF = [
  /\d,\d{3}(?:,\d{3})*\.\d/, // 1,234.56
  /\d\.(?:\d{1,2}|\d{4,})(?!\d)/, // 12.5 or 0.1234
  /\d,\d{3},\d{3}(?!\d)/, // 1,000,000
];
/** One separator followed by exactly three digits, and nothing else: 1.201 or 1,201. */
const AMBIGUOUS = /^[^\d]*\d{1,3}[.,]\d{3}(?!\d)[^\d.,]*$/;

/** What the text cells of a column say about their decimal separator (numbers say nothing). */
export function decimalEvidence(cells: readonly CellValue[]): DecimalEvidence {
  const evidence: DecimalEvidence = {};
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const text = cell.trim();
    if (text === "" || !/\d[.,]\d/.test(text)) continue;
    if (evidence.comma === undefined && COMMA_PROOF.some((p) => p.test(text))) evidence.comma = text;
    else if (evidence.point === undefined && POINT_PROOF.some((p) => p.test(text))) evidence.point = text;
    else if (evidence.ambiguous === undefined && AMBIGUOUS.test(text)) evidence.ambiguous = text;
    if (evidence.comma !== undefined && evidence.point !== undefined) break;
  }
  return evidence;
}
