/**
 * What the pane asks a build to do, and how it is done: Build passes the settings from the form; Refresh
 * passes none, so the build uses the settings stored in the workbook. The same function runs in the
 * worker (build-worker.ts) and, where no worker can be started, on the page.
 */
import { buildReport, type ReportProgress, type ReportResult } from "../../report/build-report";
import { checkConfigLayer, type PartialReportConfig } from "../../report/config";
import { SETTING_TEXTS } from "../../report/setting-texts";
import type { RunInWorker } from "./channel";

export interface BuildRequest {
  /** undefined: Refresh, with the stored settings. */
  config?: PartialReportConfig;
  /** Write even what would remove something of the user's on the report's sheets ("Refresh anyway"). */
  force?: boolean;
}

export const runBuild: RunInWorker<BuildRequest, ReportResult, ReportProgress> = async (
  workbook,
  request,
  hooks,
) =>
  buildReport({
    workbook,
    config:
      request.config &&
      checkConfigLayer(request.config, {
        en: SETTING_TEXTS.en.inThePane,
        "zh-CN": SETTING_TEXTS["zh-CN"].inThePane,
      }),
    signal: hooks.signal,
    onProgress: hooks.onProgress,
    force: request.force === true,
  });
