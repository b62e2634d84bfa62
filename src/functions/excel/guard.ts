/**
 * The boundary every custom function goes through. Whatever happens inside, Excel gets values or
 * error values, never a JavaScript exception: a thrown error becomes one error value with a message;
 * cells of the result are made safe (NaN and ±Infinity become #NUM!, null becomes blank, per-row errors
 * become error values, ragged rows are padded) so that Excel never shows #CALC! or a silent 0 from us.
 */
import { languageOf, type Language } from "../../engine/text/language";
import type { FunctionErrorDetail } from "../../i18n/function-errors";
import { LANGUAGES } from "../rfm/choices";
import { recordDiagnostic } from "./diagnostics";
import {
  asExcelError,
  codedValueError,
  ExcelError,
  inputErrorCode,
  shownMessage,
  toCustomFunctionsError,
} from "./errors";

/** What a function body may return: a 2-D array of cells, or one value. */
export type ExcelResult = unknown[][] | number | string | boolean;

/** A function body: given the language it speaks (its words in text results), what Excel should show. */
export type ExcelBody = (language: Language) => ExcelResult;

function safeCell(fn: string, v: unknown, language: Language): unknown {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v;
    const detail: FunctionErrorDetail = { code: "computed", fn, value: String(v) };
    const e = new ExcelError("#NUM!", { functions: detail });
    recordDiagnostic(fn, e.code, shownMessage(e, language));
    return toCustomFunctionsError(e, language);
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  if (v instanceof ExcelError) {
    recordDiagnostic(fn, v.code, shownMessage(v, language));
    return toCustomFunctionsError(v, language);
  }
  if (inputErrorCode(v) !== undefined) return v;
  const e = codedValueError({ code: "unshowable", fn });
  recordDiagnostic(fn, e.code, shownMessage(e, language));
  return toCustomFunctionsError(e, language);
}

/**
 * A row of `width` safe cells: the row itself when it already is one (most rows of a large result are
 * plain numbers, and copying 100,000 of them costs more than the function), else a padded copy.
 */
function safeRow(fn: string, row: unknown[], width: number, language: Language): unknown[] {
  let copy: unknown[] | undefined;
  for (let c = 0; c < width; c++) {
    const safe = c < row.length ? safeCell(fn, row[c], language) : "";
    if (!copy && (c >= row.length || safe !== row[c])) copy = row.slice(0, c);
    if (copy) copy[c] = safe;
  }
  return copy ?? row;
}

/** #N/A for a result without rows or columns. */
function nothingToReturn(fn: string, what: "rows" | "columns"): ExcelError {
  const detail: FunctionErrorDetail = { code: "nothingToReturn", fn, what };
  return new ExcelError("#N/A", { functions: detail });
}

/** A result made safe for Excel: rectangular, non-empty, every cell a value Excel can show. */
export function toExcelResult(fn: string, result: ExcelResult, language: Language = "en"): unknown[][] {
  if (!Array.isArray(result)) return [[safeCell(fn, result, language)]];
  if (result.length === 0) return [[failure(fn, nothingToReturn(fn, "rows"), language)]];
  let width = 0;
  for (const row of result) width = Math.max(width, Array.isArray(row) ? row.length : 1);
  if (width === 0) return [[failure(fn, nothingToReturn(fn, "columns"), language)]];
  const out: unknown[][] = new Array(result.length);
  for (let r = 0; r < result.length; r++) {
    const row = Array.isArray(result[r]) ? (result[r] as unknown[]) : [result[r]];
    out[r] = safeRow(fn, row, width, language);
  }
  return out;
}

function failure(fn: string, e: ExcelError, language: Language): CustomFunctions.Error {
  recordDiagnostic(fn, e.code, shownMessage(e, language));
  return toCustomFunctionsError(e, language);
}

/**
 * The language a function's errors are said in: its [language] argument when it has one and it is given
 * ("zh", "zh-CN", "中文", "en", as the argument reads them), else Office's display language, the language
 * Excel shows the functions' descriptions in; English outside Office.
 */
export function functionLanguage(argument?: unknown): Language {
  const value = Array.isArray(argument) ? (argument as unknown[][])[0]?.[0] : argument;
  const named = typeof value === "string" ? LANGUAGES[value.trim().toLowerCase()] : undefined;
  if (named) return named === "zh" ? "zh-CN" : "en";
  return typeof Office === "undefined" ? "en" : languageOf(Office.context?.displayLanguage);
}

/**
 * Runs a function body and returns what Excel should show. `fn` names the function for messages and
 * the diagnostics log ("LOYALTY.PALIVE"); its errors and the words of its results (header rows, labels)
 * are said in Office's display language.
 */
export function excelCall(fn: string, body: ExcelBody): unknown[][] {
  return excelCallIn(undefined, fn, body);
}

/** excelCall for a function with a [language] argument: it speaks that language when given. */
export function excelCallIn(language: unknown, fn: string, body: ExcelBody): unknown[][] {
  const said = functionLanguage(language);
  try {
    return toExcelResult(fn, body(said), said);
  } catch (e) {
    return [[failure(fn, asExcelError(e, fn), said)]];
  }
}
