/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides, with the same shape (an
 * Error class with code and message, the ErrorCode values), so that the functions run outside Excel
 * exactly as inside: under Jest, in `npm run bench` and in `npm run examples`. Never bundled: the
 * add-in gets the real one from Office.js.
 */
enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

class CustomFunctionsError extends Error {
  code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? "");
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

/** Defines the global `CustomFunctions` when there is none (outside Excel). */
export function installOfflineRuntime(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };
}
