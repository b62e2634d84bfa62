/**
 * Decimal comma or decimal point, decided from a whole column: "12.345,67" or "12,34" prove a decimal
 * comma, "1,234.56" or "12.5" a decimal point, while "1.201" and "1,201" prove nothing (1201, or 1.201?).
 * A column whose values prove nothing but hold such ambiguous ones is a question for the user.
 */
import type { CellValue } from "./table";

/** What an error about the decimal separator asks the user to set (shared with the pane's English text). */
export const DECIMAL_SETTING =
  'say which the data uses: the setting "decimalComma" (--decimal-comma for 1.234,56, --no-decimal-comma for 1,234.56)';

/** A value of a column and its index among the column's cells. */
export interface ColumnValue {
  value: string;
  row: number;
}

export interface DecimalEvidence {
  /** A value proving a decimal comma, and one proving a decimal point, when the column has them. */
  comma?: ColumnValue;
  point?: ColumnValue;
  /** A value that reads differently under the two conventions ("1.201"). */
  ambiguous?: ColumnValue;
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
  for (let row = 0; row < cells.length; row++) {
    const cell = cells[row];
    if (typeof cell !== "string") continue;
    const value = cell.trim();
    if (value === "" || !/\d[.,]\d/.test(value)) continue;
    if (evidence.comma === undefined && COMMA_PROOF.some((p) => p.test(value)))
      evidence.comma = { value, row };
    else if (evidence.point === undefined && POINT_PROOF.some((p) => p.test(value)))
      evidence.point = { value, row };
    else if (evidence.ambiguous === undefined && AMBIGUOUS.test(value)) evidence.ambiguous = { value, row };
    if (evidence.comma !== undefined && evidence.point !== undefined) break;
  }
  return evidence;
}
