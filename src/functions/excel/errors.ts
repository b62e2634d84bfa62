/**
 * Excel errors raised by the adapters, and their conversion into `CustomFunctions.Error` at the boundary.
 *
 * The adapters throw `ExcelError` (a plain class, so the modules run and test without Excel); only the
 * guard turns it into the runtime's `CustomFunctions.Error`. Excel shows a custom message with `#VALUE!`
 * and `#N/A` only (CustomFunctionsRuntime 1.3), so the message of any other code is kept for the
 * diagnostics log but not passed to Excel.
 */
import type { DataErrorDetail } from "../../engine/data/errors";
import type { Language } from "../../engine/text/language";
import { functionErrorText, type ArgPlace, type FunctionErrorDetail } from "../../i18n/function-errors";
import { messageText } from "../../i18n/messages";
import { InputRuleError } from "../../engine/text/model-inputs";
import { ModelInputError } from "../../engine/models/data";

/** The error values a custom function may return (Excel accepts #NAME? and #REF! only as inputs). */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#NULL!";

/** Codes that Excel accepts as inputs; the others map to #VALUE! when they must be passed on. */
const INPUT_ONLY_CODES = new Set(["#NAME?", "#REF!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!"]);

/** Codes for which Excel displays a custom message. */
const CODES_WITH_MESSAGE = new Set<ExcelErrorCode>(["#VALUE!", "#N/A"]);

/** Excel caps the message of an error value; longer messages are cut with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 255;

/**
 * What an error says, as code and values said in the function's language at the boundary: a function's
 * own (every error the functions raise has a code, so none can be written in English only) or an engine
 * DataError's. An engine error without a code is a check of ours that the functions' own checks should
 * have met first: said as a fault of ours (code "internal"), its English words as technical detail.
 */
export type ExcelErrorDetail =
  { functions: FunctionErrorDetail } | { data: DataErrorDetail; english: string };

export class ExcelError extends Error {
  /** `message`: the English words (the diagnostics log keeps them). */
  constructor(
    readonly code: ExcelErrorCode,
    readonly detail: ExcelErrorDetail,
  ) {
    super(errorMessage(detail, "en"));
    this.name = "ExcelError";
  }
}

/** #VALUE! said from a code: an argument cannot be used (wrong type, out of range, wrong shape). */
export function codedValueError(detail: FunctionErrorDetail): ExcelError {
  return new ExcelError("#VALUE!", { functions: detail });
}

/** An error's message in `language`. */
function errorMessage(detail: ExcelErrorDetail, language: Language): string {
  if ("functions" in detail) return functionErrorText(language, detail.functions);
  return language === "en" ? detail.english : messageText(language, detail.data);
}

/** What Excel shows of an error in `language`. */
export function shownMessage(e: ExcelError, language: Language): string {
  return errorMessage(e.detail, language);
}

/** #NUM! said from a code: a computation failed on usable input (a fit that does not converge, an infinite value). */
export function codedNumError(detail: FunctionErrorDetail): ExcelError {
  return new ExcelError("#NUM!", { functions: detail });
}

/**
 * An error value that came in as an argument, as Excel passes it when a function allows errors
 * (a `CustomFunctions.Error` with a code) or as the engine's table cells hold it (`{ error: "#N/A" }`).
 * Returns its code, or undefined when `v` is not an error value.
 */
export function inputErrorCode(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null || v instanceof Date) return undefined;
  const o = v as { code?: unknown; error?: unknown };
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (typeof o.error === "string" && o.error.startsWith("#")) return o.error;
  return undefined;
}

/** The error to return for an error value found in an input: the same code where Excel allows it. */
export function propagatedError(code: string, where: string | ArgPlace): ExcelError {
  const out = INPUT_ONLY_CODES.has(code) ? "#VALUE!" : (code as ExcelErrorCode);
  const place = typeof where === "string" ? { name: where } : where;
  return new ExcelError(out, { functions: { code: "holdsError", place, error: code } });
}

function shorten(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

/**
 * Engine error names and the Excel error each becomes. The engine is free of Office: it refuses input
 * by throwing ordinary errors with a `name` (RangeError for a value out of range, DataError for a table
 * or rule it cannot use, ModelInputError for a row a model cannot take), and this table is the one
 * place that knows what Excel shows for them. A fit that does not converge is not thrown: it comes back
 * with `converged: false` and the adapters return #NUM! for it.
 */
export const ENGINE_ERROR_CODES: Readonly<Record<string, ExcelErrorCode>> = {
  RangeError: "#VALUE!",
  DataError: "#VALUE!",
  ModelInputError: "#VALUE!",
};

/**
 * Any thrown value as an ExcelError: our own pass through; an engine error whose name says the input
 * was refused keeps its message (see ENGINE_ERROR_CODES); anything else is a fault of ours, still shown
 * as #VALUE! (the only error Excel explains) but said to be internal, so nobody hunts for it in the data.
 */
export function asExcelError(e: unknown, fn = "Loyalty Lens"): ExcelError {
  if (e instanceof ExcelError) return e;
  if (e instanceof Error) {
    const code = ENGINE_ERROR_CODES[e.name];
    const english = e.message || e.name;
    if (code && e instanceof InputRuleError)
      return new ExcelError(code, { functions: { code: "inputRule", problem: e.problem } });
    if (code && e instanceof ModelInputError)
      return new ExcelError(code, { functions: { code: "inputRule", problem: e.problem.problem } });
    const data = (e as { detail?: DataErrorDetail }).detail;
    if (code && data) return new ExcelError(code, { data, english });
    // No code: the engine's own check of what the functions check first (every refusal a user can meet
    // through a function has a code), so a fault of ours, said so in the function's language.
    return codedValueError({ code: "internal", fn, what: english });
  }
  const code = inputErrorCode(e);
  if (code) {
    const out = INPUT_ONLY_CODES.has(code) ? "#VALUE!" : (code as ExcelErrorCode);
    return new ExcelError(out, { functions: { code: "holdsError", place: "input", error: code } });
  }
  return codedValueError({ code: "internal", fn, what: String(e) });
}

/** The runtime's error object for Excel. Built only at call time: `CustomFunctions` exists only in Excel. */
export function toCustomFunctionsError(e: ExcelError, language: Language = "en"): CustomFunctions.Error {
  const code = e.code as unknown as CustomFunctions.ErrorCode;
  return CODES_WITH_MESSAGE.has(e.code)
    ? new CustomFunctions.Error(code, shorten(shownMessage(e, language)))
    : new CustomFunctions.Error(code);
}
