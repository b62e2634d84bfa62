/**
 * ExcelJS cell values -> the engine's CellValue: formulas give their cached result, rich text its plain
 * text, hyperlinks their text, errors { error: "#N/A" }. Dates stay Date objects (ExcelJS turns
 * date-formatted numbers into Dates, reading them as UTC).
 */
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
