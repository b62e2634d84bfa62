/**
 * The boundary every custom function goes through. Whatever happens inside, Excel gets values or
 * error values, never a JavaScript exception: a thrown error becomes one error value with a message;
 * cells of the result are made safe (NaN and ±Infinity become #NUM!, null becomes blank, per-row errors
 * become error values, ragged rows are padded) so that Excel never shows #CALC! or a silent 0 from us.
 */
import { recordDiagnostic } from "./diagnostics";
import {
  asExcelError,
  ExcelError,
  inputErrorCode,
  numError,
  toCustomFunctionsError,
  valueError,
} from "./errors";

/** What a function body may return: a 2-D array of cells, or one value. */
export type ExcelResult = unknown[][] | number | string | boolean;

function safeCell(fn: string, v: unknown): unknown {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v;
    const e = numError(`${fn} computed ${String(v)}`);
    recordDiagnostic(fn, e.code, e.message);
    return toCustomFunctionsError(e);
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  if (v instanceof ExcelError) {
    recordDiagnostic(fn, v.code, v.message);
    return toCustomFunctionsError(v);
  }
  if (inputErrorCode(v) !== undefined) return v;
  const e = valueError(`internal error in ${fn}: a result Excel cannot show`);
  recordDiagnostic(fn, e.code, e.message);
  return toCustomFunctionsError(e);
}

/**
 * A row of `width` safe cells: the row itself when it already is one (most rows of a large result are
 * plain numbers, and copying 100,000 of them costs more than the function), else a padded copy.
 */
function safeRow(fn: string, row: unknown[], width: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let c = 0; c < width; c++) {
    const safe = c < row.length ? safeCell(fn, row[c]) : "";
    if (!copy && (c >= row.length || safe !== row[c])) copy = row.slice(0, c);
    if (copy) copy[c] = safe;
  }
  return copy ?? row;
}

/** A result made safe for Excel: rectangular, non-empty, every cell a value Excel can show. */
export function toExcelResult(fn: string, result: ExcelResult): unknown[][] {
  if (!Array.isArray(result)) return [[safeCell(fn, result)]];
  if (result.length === 0) return [[failure(fn, new ExcelError("#N/A", `${fn}: no rows to return`))]];
  let width = 0;
  for (const row of result) width = Math.max(width, Array.isArray(row) ? row.length : 1);
  if (width === 0) return [[failure(fn, new ExcelError("#N/A", `${fn}: no columns to return`))]];
  const out: unknown[][] = new Array(result.length);
  for (let r = 0; r < result.length; r++) {
    const row = Array.isArray(result[r]) ? (result[r] as unknown[]) : [result[r]];
    out[r] = safeRow(fn, row, width);
  }
  return out;
}

function failure(fn: string, e: ExcelError): CustomFunctions.Error {
  recordDiagnostic(fn, e.code, e.message);
  return toCustomFunctionsError(e);
}

/**
 * Runs a function body and returns what Excel should show. `fn` names the function for messages and
 * the diagnostics log ("LOYALTY.PALIVE").
 */
export function excelCall(fn: string, body: () => ExcelResult): unknown[][] {
  try {
    return toExcelResult(fn, body());
  } catch (e) {
    return [[failure(fn, asExcelError(e, fn))]];
  }
}
