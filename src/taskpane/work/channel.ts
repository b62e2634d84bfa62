/**
 * Running a build in a worker: the page posts a request, the worker runs it against a RemoteWorkbook
 * (whose calls the page answers with its real workbook), posts progress while it works and its result or
 * error at the end. A cancelled signal on the page becomes a "cancel" message; the worker aborts its own
 * signal, which the build checks between steps. Both sides are written against a plain message endpoint,
 * so a test can connect them with a MessageChannel.
 */
import type { Workbook } from "../../sheet/port";
import { deserializeError, serializeError, type SerializedError } from "./errors";
import { RemoteWorkbook, serveWorkbookCall, type PortCall, type PortReply } from "./remote-workbook";

/** A Worker, the worker's global scope, or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

type ToWorker<Req> = { type: "build"; request: Req } | { type: "cancel" } | PortReply;

type FromWorker<Res, Prog> =
  | PortCall
  | { type: "progress"; progress: Prog }
  | { type: "done"; result: Res }
  | { type: "failed"; error: SerializedError };

export interface RunHooks<Prog> {
  onProgress?: (progress: Prog) => void;
  signal?: AbortSignal;
}

/** What the worker runs for each request. */
export type RunInWorker<Req, Res, Prog> = (
  workbook: Workbook,
  request: Req,
  hooks: RunHooks<Prog>,
) => Promise<Res>;

/** The page's side of one build: answers the worker's workbook calls until the build ends. */
export function runInWorker<Req, Res, Prog>(
  worker: Endpoint,
  workbook: Workbook,
  request: Req,
  hooks: RunHooks<Prog> = {},
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    const send = (message: ToWorker<Req>) => worker.postMessage(message);
    const onAbort = () => send({ type: "cancel" });
    const finish = () => {
      worker.removeEventListener("message", listener);
      hooks.signal?.removeEventListener("abort", onAbort);
    };
    const listener = (event: MessageEvent) => {
      const message = event.data as FromWorker<Res, Prog>;
      switch (message.type) {
        case "port-call":
          void serveWorkbookCall(workbook, message).then(send);
          break;
        case "progress":
          hooks.onProgress?.(message.progress);
          break;
        case "done":
          finish();
          resolve(message.result);
          break;
        case "failed":
          finish();
          reject(deserializeError(message.error));
          break;
      }
    };
    worker.addEventListener("message", listener);
    hooks.signal?.addEventListener("abort", onAbort);
    send({ type: "build", request });
    if (hooks.signal?.aborted) onAbort();
  });
}

/** The worker's side: runs each request with `run`, one at a time. */
export function serveInWorker<Req, Res, Prog>(scope: Endpoint, run: RunInWorker<Req, Res, Prog>): void {
  const post = (message: FromWorker<Res, Prog>) => scope.postMessage(message);
  const remote = new RemoteWorkbook(post);
  let controller: AbortController | undefined;
  scope.addEventListener("message", (event: MessageEvent) => {
    const message = event.data as ToWorker<Req>;
    if (message.type === "port-reply") remote.settle(message);
    else if (message.type === "cancel")
      controller?.abort(new DOMException("The build was cancelled", "AbortError"));
    else if (message.type === "build") {
      const current = new AbortController();
      controller = current;
      // Through a promise, so that a run that throws before its first await still answers the page.
      Promise.resolve()
        .then(() =>
          run(remote.workbook, message.request, {
            signal: current.signal,
            onProgress: (progress) => post({ type: "progress", progress }),
          }),
        )
        .then(
          (result) => post({ type: "done", result }),
          (e: unknown) => post({ type: "failed", error: serializeError(e) }),
        );
    }
  });
}
