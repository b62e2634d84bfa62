/**
 * The build worker: runs report builds off the page's thread, so the pane stays responsive while the
 * engine works; the workbook it reads and writes is the page's, reached over the message channel.
 */
import { serveInWorker, type Endpoint } from "./channel";
import { runBuild } from "./build-request";

serveInWorker(self as unknown as Endpoint, runBuild);
