/**
 * Starts a build from the page: in the build worker when the browser can start one, else on the page
 * itself (the build yields between steps, so the pane still repaints and Cancel still arrives).
 */
import type { ReportProgress, ReportResult } from "../../report/build-report";
import type { Workbook } from "../../workbook/port";
import type { BuildRequest } from "./build-request";
import { runInWorker, type RunHooks } from "./channel";

let worker: Worker | null | undefined;

function buildWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = new Worker(new URL("./build-worker.ts", import.meta.url));
    } catch {
      worker = null;
    }
  }
  return worker;
}

export async function startBuild(
  workbook: Workbook,
  request: BuildRequest,
  hooks: RunHooks<ReportProgress>,
): Promise<ReportResult> {
  const w = buildWorker();
  if (w) {
    return new Promise<ReportResult>((resolve, reject) => {
      // A worker whose script fails (to load, or with an error nothing caught) reports it here.
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        reject(new Error(`The build worker stopped: ${e.message || "its script could not be loaded"}`));
      };
      w.addEventListener("error", onError);
      runInWorker<BuildRequest, ReportResult, ReportProgress>(w, workbook, request, hooks)
        .then(resolve, reject)
        .finally(() => w.removeEventListener("error", onError));
    });
  }
  const { runBuild } = await import("./build-request");
  return runBuild(workbook, request, hooks);
}
