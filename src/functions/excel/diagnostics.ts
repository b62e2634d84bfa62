/**
 * The reasons behind the errors our functions returned, kept in the shared runtime in the language the
 * function spoke. Excel shows a message with #VALUE! and #N/A only; the reason of a #NUM! (a fit that did
 * not converge) is kept here for a front end to show.
 */
export interface Diagnostic {
  /** The function, as the user typed it: "LOYALTY.BGNBD". */
  fn: string;
  code: string;
  message: string;
  /** When it happened (ms since the epoch). */
  at: number;
}

const KEEP = 50;
const log: Diagnostic[] = [];

export function recordDiagnostic(fn: string, code: string, message: string): void {
  log.push({ fn, code, message, at: Date.now() });
  if (log.length > KEEP) log.splice(0, log.length - KEEP);
}

/** The latest diagnostics, newest first, optionally only of one error code. */
export function recentDiagnostics(code?: string): Diagnostic[] {
  return log.filter((d) => code === undefined || d.code === code).reverse();
}

export function clearDiagnostics(): void {
  log.length = 0;
}
