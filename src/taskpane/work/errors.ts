/**
 * Errors across the worker boundary. A structured clone keeps an Error's message but not its class, and
 * the pane needs the class: a UserError or DataError is the user's to fix (shown with what to do), an
 * AbortError is a cancelled build (no error at all), anything else is a fault of ours.
 */
import { DataError } from "../../engine/data/errors";
import { UserError } from "../../user-error";

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error || (typeof e === "object" && e !== null && "message" in e)) {
    const err = e as Error;
    return { name: err.name || "Error", message: String(err.message), stack: err.stack };
  }
  return { name: "Error", message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  let e: Error;
  if (s.name === "UserError") e = new UserError(s.message);
  else if (s.name === "DataError") e = new DataError(s.message);
  else {
    e = new Error(s.message);
    e.name = s.name;
  }
  if (s.stack) e.stack = s.stack;
  return e;
}

/** A mistake in the user's data or settings, as opposed to a fault of the add-in. */
export function isUsersToFix(e: unknown): boolean {
  return e instanceof UserError || e instanceof DataError;
}

export function isAbort(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as Error).name === "AbortError";
}
