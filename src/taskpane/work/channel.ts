/**
 * Running work in a worker: the page posts a request, the worker runs it against a Workbook and posts
 * progress while it works and its result or error at the end. Several requests may be under way at once
 * (each has an id). The workbook the worker reads and writes is either the page's (the open Excel
 * workbook: its calls are posted to the page, which answers them) or one a second worker holds (the
 * browser preview's workbook), reached over a MessagePort the page hands over once, so its tables go
 * from worker to worker without passing the page. A cancelled signal on the page becomes a "cancel"
 * message; the worker aborts its own signal, which the work checks between steps. Both sides are written
 * against a plain message endpoint, so a test can connect them with a MessageChannel.
 */
import type { ReadTableOptions, Workbook } from "../../sheet/port";
import { deserializeError, serializeError, type SerializedError } from "./errors";
import {
  RemoteWorkbook,
  serveWorkbookCall,
  type PortCall,
  type PortReply,
  type WorkbookPort,
} from "./remote-workbook";

/** A Worker, the worker's global scope, or a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

type ToWorker<Req> =
  | { type: "run"; id: number; request: Req }
  | { type: "cancel"; id: number }
  | { type: "connect"; port: MessagePort }
  | PortReply;

type FromWorker<Res, Prog> =
  | PortCall
  | { type: "progress"; id: number; progress: Prog }
  | { type: "rows"; id: number; read: number; total: number }
  | { type: "done"; id: number; result: Res }
  | { type: "failed"; id: number; error: SerializedError };

export interface RunHooks<Prog> {
  onProgress?: (progress: Prog) => void;
  signal?: AbortSignal;
  /**
   * How far a table read for the request has come: the page's workbook (Excel reads a large one in chunks)
   * or the preview's, in its own worker.
   */
  onRead?: (read: number, total: number) => void;
}

/** What the worker runs for each request; `transfer` hands buffers of the result over instead of copying. */
export type RunInWorker<Req, Res, Prog> = (
  workbook: Workbook,
  request: Req,
  hooks: RunHooks<Prog> & { transfer?: (buffers: ArrayBuffer[]) => void },
) => Promise<Res>;

let nextRunId = 1;

/** Lets the page draw and take clicks while it packs a large table it read (a macrotask, not a microtask). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The page's side of one request. `workbook`: the page's workbook, whose calls the page answers while
 * the request runs; null when the worker was connected to the workbook's own worker (connectWorkbook).
 * `transfer`: buffers of the request to hand over.
 */
export function runInWorker<Req, Res, Prog>(
  worker: Endpoint,
  workbook: Workbook | null,
  request: Req,
  hooks: RunHooks<Prog> = {},
  transfer: Transferable[] = [],
): Promise<Res> {
  const id = nextRunId++;
  return new Promise<Res>((resolve, reject) => {
    const send = (message: ToWorker<Req>, buffers: Transferable[] = []) =>
      worker.postMessage(message, buffers);
    const onAbort = () => send({ type: "cancel", id });
    const finish = () => {
      worker.removeEventListener("message", listener);
      hooks.signal?.removeEventListener("abort", onAbort);
    };
    const listener = (event: MessageEvent) => {
      const message = event.data as FromWorker<Res, Prog>;
      if (message.type === "port-call") {
        // Any request of this worker may ask; the one that started first answers (the page's workbook is one).
        if (workbook && message.run === id) {
          if (message.method === "readTable" && hooks.onRead) {
            const options = (message.args[1] ?? {}) as ReadTableOptions;
            message.args[1] = { ...options, onRows: hooks.onRead } satisfies ReadTableOptions;
          }
          void serveWorkbookCall(workbook, message, breathe).then(({ reply, transfer: t }) => send(reply, t));
        }
        return;
      }
      if (message.id !== id) return;
      switch (message.type) {
        case "progress":
          hooks.onProgress?.(message.progress);
          break;
        case "rows":
          hooks.onRead?.(message.read, message.total);
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
    send({ type: "run", id, request }, transfer);
    if (hooks.signal?.aborted) onAbort();
  });
}

/** Gives the worker the port of the worker holding the workbook: its requests use that workbook from then on. */
export function connectWorkbook(worker: Endpoint, port: MessagePort): void {
  worker.postMessage({ type: "connect", port } satisfies ToWorker<never>, [port]);
}

/** The worker's side: runs each request with `run`. */
export function serveInWorker<Req, Res, Prog>(scope: Endpoint, run: RunInWorker<Req, Res, Prog>): void {
  const post = (message: FromWorker<Res, Prog>, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);
  // Calls to the page's workbook, until a port to the workbook's own worker is given.
  let port: WorkbookPort = new RemoteWorkbook((call, transfer) => post(call, transfer));
  const controllers = new Map<number, AbortController>();
  scope.addEventListener("message", (event: MessageEvent) => {
    const message = event.data as ToWorker<Req>;
    switch (message.type) {
      case "port-reply":
        port.settle(message);
        break;
      case "connect":
        // The workbook's worker says how far a table read has come; the page hears it for the request.
        port = RemoteWorkbook.over(message.port, (run, read, total) => {
          if (run !== undefined) post({ type: "rows", id: run, read, total });
        });
        break;
      case "cancel":
        controllers.get(message.id)?.abort(new DOMException("The build was cancelled", "AbortError"));
        break;
      case "run": {
        const { id } = message;
        const controller = new AbortController();
        controllers.set(id, controller);
        const transfer: ArrayBuffer[] = [];
        // Through a promise, so that a run that throws before its first await still answers the page.
        Promise.resolve()
          .then(() =>
            run(port.workbookFor(id), message.request, {
              signal: controller.signal,
              onProgress: (progress) => post({ type: "progress", id, progress }),
              transfer: (buffers) => transfer.push(...buffers),
            }),
          )
          .then(
            (result) => post({ type: "done", id, result }, transfer),
            (e: unknown) => post({ type: "failed", id, error: serializeError(e) }),
          )
          .finally(() => controllers.delete(id));
        break;
      }
    }
  });
}
