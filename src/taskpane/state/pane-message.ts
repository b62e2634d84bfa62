/**
 * What the message bar says about an error: the error's own message (it names what is wrong and where)
 * and what to do, which depends on whose it is to fix. A cancelled build is not an error at all.
 */
import { isAbort, isUsersToFix } from "../work/errors";

export interface PaneMessage {
  text: string;
  /** The user's data or settings need a change, the file opened cannot be used, or Loyalty Lens failed. */
  fix: "data" | "file" | "internal";
}

/** `opening`: the error came from opening a file in the preview. */
export function paneMessageOf(e: unknown, opening = false): PaneMessage | undefined {
  if (isAbort(e)) return undefined;
  const text = e instanceof Error ? e.message : String(e);
  if (!isUsersToFix(e)) return { text, fix: "internal" };
  return { text, fix: opening ? "file" : "data" };
}
