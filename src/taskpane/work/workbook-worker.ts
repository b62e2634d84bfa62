/**
 * The browser preview's workbook worker: holds the workbook (the sample or the file the user opened),
 * answers the page's requests (open, sample, a window of a sheet) and serves the Workbook port to the
 * page and to the pane's workers, each over its own port.
 */
import type { OpenProgress } from "../preview/open-file";
import { WorkbookHost, type HostRequest } from "../preview/workbook-host";
import { serveInWorker, type Endpoint } from "./channel";
import { serveWorkbook } from "./remote-workbook";

const scope = self as unknown as Endpoint;
const host = new WorkbookHost();

serveWorkbook(scope, () => host.workbook);
scope.addEventListener("message", (event: MessageEvent) => {
  const message = event.data as { type?: string; port?: MessagePort };
  if (message?.type !== "serve" || !message.port) return;
  serveWorkbook(message.port, () => host.workbook);
  message.port.start();
});
serveInWorker<HostRequest, unknown, OpenProgress>(scope, (_workbook, request, hooks) =>
  host.answer(request, hooks.onProgress),
);
