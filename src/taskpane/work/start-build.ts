/**
 * Starts a build from the page, in the build worker (every browser Office runs add-ins in has workers).
 * The worker is one script with no chunks to load, and the report builder is not in the page's bundle.
 */
import type { ReportProgress, ReportResult } from "../../report/build-report";
import type { Workbook } from "../../sheet/port";
import type { BuildRequest } from "./build-request";
import { runInWorker, type RunHooks } from "./channel";

let worker: Worker | undefined;

function buildWorker(): Worker {
  worker ??= new Worker(new URL("./build-worker.ts", import.meta.url));
  return worker;
}

export async function startBuild(
  workbook: Workbook,
  request: BuildRequest,
  hooks: RunHooks<ReportProgress>,
): Promise<ReportResult> {
  const w = buildWorker();
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
