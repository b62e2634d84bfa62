/**
 * Errors across the worker boundary. A structured clone keeps an Error's message but not its class, and
 * the pane needs the class: a UserError or DataError is the user's to fix (shown with what to do, and with
 * the setting to change when its `fix` names one), an AbortError is a cancelled build (no error at all),
 * anything else is a fault of ours. The `fix` and the `detail` (the message as code and values, shown in
 * the pane's language) cross with it.
 */
import { DataError, type DataErrorDetail, type InputFix } from "../../engine/data/errors";
import { UserError, type UserErrorDetail } from "../../user-error";

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The setting to change, of a UserError or DataError. */
  fix?: InputFix;
  /** The message as code and values, of a UserError or DataError, for the pane's language. */
  detail?: UserErrorDetail;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error || (typeof e === "object" && e !== null && "message" in e)) {
    const err = e as Error;
    const s: SerializedError = { name: err.name || "Error", message: String(err.message), stack: err.stack };
    if (isUsersToFix(e)) {
      if (e.fix) s.fix = e.fix;
      if (e.detail) s.detail = e.detail;
    }
    return s;
  }
  return { name: "Error", message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  let e: Error;
  if (s.name === "UserError") e = new UserError(s.message, s.fix, s.detail);
  // A DataError's detail is one of the engine's codes: it was made from one.
  else if (s.name === "DataError")
    e = new DataError(s.message, s.fix, s.detail as DataErrorDetail | undefined);
  else {
    e = new Error(s.message);
    e.name = s.name;
  }
  if (s.stack) e.stack = s.stack;
  return e;
}

/**
 * A worker of the pane (the preview's workbook, a build, the look at the order table) that stopped: its
 * script could not be loaded, or an error nothing caught ended it. `reason`: the browser's words ("" when
 * it gave none). A fault of ours, said in the pane's language with the reason as technical detail.
 */
export class WorkerStopped extends Error {
  constructor(readonly reason: string) {
    super(`The worker stopped: ${reason || "its script could not be loaded"}`);
    this.name = "WorkerStopped";
  }
}

/** A mistake in the user's data or settings, as opposed to a fault of the add-in. */
export function isUsersToFix(e: unknown): e is UserError | DataError {
  return e instanceof UserError || e instanceof DataError;
}

export function isAbort(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as Error).name === "AbortError";
}
