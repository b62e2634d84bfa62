import { runBuild } from "../../src/taskpane/work/build-request";
import { serveInWorker, type Endpoint } from "../../src/taskpane/work/channel";

/**
 * Two connected endpoints in this realm. (Node's MessagePort would rebuild Dates in Node's own realm,
 * which Jest's sandbox does not take for Dates; the browser test covers a real worker.)
 */
function connectedPair(): [Endpoint, Endpoint] {
  const listeners = [new Set<(e: MessageEvent) => void>(), new Set<(e: MessageEvent) => void>()];
  const side = (mine: number): Endpoint => ({
    postMessage: (data) => setTimeout(() => listeners[1 - mine].forEach((l) => l({ data } as MessageEvent))),
    addEventListener: (_type, listener) => listeners[mine].add(listener),
    removeEventListener: (_type, listener) => listeners[mine].delete(listener),
  });
  return [side(0), side(1)];
}

/** The page's end of a channel whose other end serves the pane's builds, as the build worker does. */
export function buildWorker(): Endpoint {
  const [page, inWorker] = connectedPair();
  serveInWorker(inWorker, runBuild);
  return page;
}
