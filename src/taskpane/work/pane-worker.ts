/**
 * The pane's worker: builds the report and looks at the order table off the page's thread, so the pane
 * stays responsive while the engine works. Its workbook is the page's (Excel) or, in the browser preview,
 * the one the workbook worker holds.
 */
import { serveInWorker, type Endpoint } from "./channel";
import { runPaneRequest } from "./pane-request";

serveInWorker(self as unknown as Endpoint, runPaneRequest);
