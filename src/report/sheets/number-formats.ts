/** The number formats of report tables: money in the data's currency, numbers spaced before text. */
import { currencyFormat, isCellSpec, numberFormatCode } from "../../sheet/sheet-model-cells";
import type { Cell, NumberFormat } from "../../sheet/sheet-model";

/** The number formats of a table's columns, left to right (null or undefined: the cell's own). */
export type ColumnFormats = (NumberFormat | null | undefined)[] | undefined;

/** The money format of the report: the data's currency symbol when the config names one. */
export function moneyFormat(symbol: string, decimals = 2): NumberFormat {
  return symbol ? currencyFormat(symbol, decimals) : decimals === 0 ? "integer" : "currency";
}

/** True for formats that show numbers (and dates), which Excel aligns right. */
export function isNumeric(format: NumberFormat | null | undefined): boolean {
  return format !== undefined && format !== null && format !== "text" && format !== "general";
}

/**
 * Formats with a little space after numbers that are followed by a text column, so "74.79" and "Reward ..."
 * do not run together ("_)" leaves the width of a bracket, as Excel's accounting formats do).
 */
export function spacedFormats(formats: ColumnFormats, firstRow: Cell[] | undefined): ColumnFormats {
  if (!formats) return formats;
  return formats.map((format, i) => {
    if (!isNumeric(format)) return format;
    const next = formats[i + 1];
    const nextCell = firstRow?.[i + 1];
    const nextIsText =
      i + 1 < formats.length &&
      (next === "text" ||
        (!isNumeric(next) &&
          (typeof nextCell === "string" || (isCellSpec(nextCell) && typeof nextCell.value === "string"))));
    if (!nextIsText) return format;
    const code = numberFormatCode(format as NumberFormat);
    return {
      code: code
        .split(";")
        .map((section) => `${section}_)`)
        .join(";"),
    };
  });
}
