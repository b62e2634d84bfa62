/**
 * ExcelJS cell values -> the engine's CellValue: formulas give their cached result, rich text its plain
 * text, hyperlinks their text, errors { error: "#N/A" }. Dates stay Date objects (ExcelJS turns
 * date-formatted numbers into Dates, reading them as UTC).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../engine/data/table";

type ExcelJsValue = unknown;

export function fromExcelJsValue(v: ExcelJsValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if ("formula" in o || "sharedFormula" in o) return fromExcelJsValue(o.result);
  if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? "").join("");
  if ("text" in o) return fromExcelJsValue(o.text);
  return null;
}

/**
 * The value of an ExcelJS cell. A formula gives its cached result read from the cell itself: the
 * `{ formula, result }` object ExcelJS's `cell.value` returns leaves out a result of 0 (or false, or ""),
 * which would read a formula that computes 0 as a blank cell.
 */
export function excelJsCellValue(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result;
    // ExcelJS's streaming reader parses an error result ("#DIV/0!") as a number: NaN, its code lost.
    if (typeof result === "number" && Number.isNaN(result)) return { error: "#VALUE!" };
    return fromExcelJsValue(result);
  }
  return fromExcelJsValue(cell.value);
}

/** The formula of an ExcelJS cell value (without "="), if it has one. */
export function formulaOf(v: ExcelJsValue): string | undefined {
  if (typeof v !== "object" || v === null || v instanceof Date) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.formula === "string") return o.formula;
  if (typeof o.sharedFormula === "string") return o.sharedFormula;
  return undefined;
}
