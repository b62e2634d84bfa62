/**
 * What the message bar says: about an error, the error's own message (it names what is wrong and where)
 * and what to do, which depends on whose it is to fix; about a build that worked but could not read some
 * dates for want of a date order, that (in the pane's language) and where to set the order. A cancelled
 * build is not an error at all.
 */
import type { ReportSummary } from "../../report/report-summary";
import type { UserErrorDetail } from "../../user-error";
import { isAbort, isUsersToFix, WorkerStopped } from "../work/errors";

export interface PaneError {
  /** The error's English message, shown when it has no `detail`. */
  text: string;
  /** The message as code and values, shown in the pane's language. */
  detail?: UserErrorDetail;
  /**
   * The user's data or settings need a change ("dayOrder": the date order in the Source step, "noHeader":
   * its "No header row" setting), the file opened cannot be used, or Loyalty Lens failed.
   */
  fix: "data" | "dayOrder" | "noHeader" | "file" | "internal";
  /** A worker of the pane stopped (fix "internal"): the browser's reason, "" when it gave none. */
  workerStopped?: string;
}

/** A build that worked, with something the user should change: the date order in the Source step. */
export interface PaneWarning {
  warning: "dayOrder";
}

export type PaneMessage = PaneError | PaneWarning;

/** `opening`: the error came from opening a file in the preview. */
export function paneMessageOf(e: unknown, opening = false): PaneError | undefined {
  if (isAbort(e)) return undefined;
  const text = e instanceof Error ? e.message : String(e);
  if (e instanceof WorkerStopped) return { text, fix: "internal", workerStopped: e.reason };
  if (!isUsersToFix(e)) return { text, fix: "internal" };
  const coded = e.detail ? { text, detail: e.detail } : { text };
  if (opening) return { ...coded, fix: "file" };
  if (e.detail?.code === "noHeaderRow") return { ...coded, fix: "noHeader" };
  return { ...coded, fix: e.fix === "dayOrder" ? "dayOrder" : "data" };
}

/** What the message bar says after a build that worked: nothing, or to set the date order. */
export function resultMessageOf(summary: ReportSummary): PaneWarning | undefined {
  return summary.dataQuality.needsDayOrder ? { warning: "dayOrder" } : undefined;
}
