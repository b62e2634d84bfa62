/**
 * Helpers for calling custom functions as Excel does and reading what Excel would show.
 * Excel passes ranges as rows of cells with "" for blanks, a scalar for a single-value parameter, null
 * for an omitted optional argument, and (with requiresParameterAddresses) an invocation with addresses.
 */

/** An error value as the fake CustomFunctions.Error of test/setup holds it. */
export interface ShownError {
  code: string;
  message: string;
}

/** The error shown in one cell of a result, or undefined when the cell holds a value. */
export function errorIn(result: unknown[][], row = 0, column = 0): ShownError | undefined {
  const cell = result[row]?.[column] as { code?: string; message?: string } | undefined;
  if (cell && typeof cell === "object" && typeof cell.code === "string")
    return { code: cell.code, message: cell.message ?? "" };
  return undefined;
}

/** A column range as Excel passes it. */
export function column(...cells: unknown[]): unknown[][] {
  return cells.map((c) => [c]);
}

/** An invocation as Excel passes it to a function with @requiresParameterAddresses. */
export function at(...parameterAddresses: string[]): CustomFunctions.Invocation {
  return { parameterAddresses } as CustomFunctions.Invocation;
}

/** The error made by CustomFunctions.Error in test/setup, as an input cell (allowErrorForDataTypeAny). */
export function excelErrorValue(code: string): unknown {
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
}

/** Runs `body` as in Excel whose display language is `displayLanguage` (what a function without a [language] argument speaks). */
export function inOffice<T>(displayLanguage: string, body: () => T): T {
  const global = globalThis as { Office?: unknown };
  global.Office = { context: { displayLanguage } };
  try {
    return body();
  } finally {
    delete global.Office;
  }
}
