/**
 * The page's side of the pane's workers. A WorkerRunner runs requests in one worker of its own: Cancel
 * ends that worker at once (a step of the engine cannot be interrupted from outside, and the pane must
 * answer Cancel without waiting for it) and the next request starts a fresh one. The build and the look
 * at the order table have a runner each, so cancelling a build never loses the Source step's answer.
 * In the browser preview the workbook lives in a worker too (PreviewHost): the pane's workers are
 * connected to it directly, and the page only ever holds small answers.
 */
import type { ReportProgress } from "../../report/build-report";
import type { Workbook } from "../../sheet/port";
import type { OpenProgress } from "../preview/open-file";
import type { GridView, HostRequest } from "../preview/workbook-host";
import { connectWorkbook, runInWorker, type RunHooks } from "./channel";
import { WorkerStopped } from "./errors";
import type { PaneRequest } from "./pane-request";
import { RemoteWorkbook } from "./remote-workbook";

function cancelled(): DOMException {
  return new DOMException("The build was cancelled", "AbortError");
}

class WorkerRunner {
  private worker: Worker | undefined;
  private readonly pending = new Set<(e: Error) => void>();

  constructor(
    private readonly start: () => Worker,
    /** A port to the worker holding the workbook (the preview); without it the page serves the workbook. */
    private readonly connect?: () => MessagePort,
  ) {}

  private started(): Worker {
    if (!this.worker) {
      this.worker = this.start();
      if (this.connect) connectWorkbook(this.worker, this.connect());
    }
    return this.worker;
  }

  /** Ends the worker now: every request still running in it fails as cancelled. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const reject of this.pending) reject(cancelled());
    this.pending.clear();
  }

  run<Res>(workbook: Workbook, request: PaneRequest, hooks: RunHooks<ReportProgress> = {}): Promise<Res> {
    if (hooks.signal?.aborted) return Promise.reject(cancelled());
    const worker = this.started();
    return new Promise<Res>((resolve, reject) => {
      // A worker whose script fails (to load, or with an error nothing caught) reports it here.
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        settle(() => reject(new WorkerStopped(e.message ?? "")));
      };
      const onAbort = () => this.stop();
      const settle = (then: () => void) => {
        worker.removeEventListener("error", onError);
        hooks.signal?.removeEventListener("abort", onAbort);
        this.pending.delete(reject);
        then();
      };
      this.pending.add(reject);
      worker.addEventListener("error", onError);
      hooks.signal?.addEventListener("abort", onAbort);
      runInWorker<PaneRequest, Res, ReportProgress>(worker, this.connect ? null : workbook, request, {
        onProgress: hooks.onProgress,
        onRead: hooks.onRead,
      }).then(
        (result) => settle(() => resolve(result)),
        (e: unknown) => settle(() => reject(e)),
      );
    });
  }
}

/** The pane's workers: one builds, one looks at the order table. */
export interface PaneWork {
  build: WorkerRunner;
  inspect: WorkerRunner;
}

/** `start`: a new pane worker (worker-scripts.ts); `connect`: a port to the preview's workbook, if any. */
export function paneWork(start: () => Worker, connect?: () => MessagePort): PaneWork {
  return { build: new WorkerRunner(start, connect), inspect: new WorkerRunner(start, connect) };
}

/** The browser preview's workbook, in a worker of its own (preview/workbook-host.ts). */
export class PreviewHost {
  private readonly remote: RemoteWorkbook;
  /** The requests under way, failed at once should the worker stop (its script not loaded, an error uncaught). */
  private readonly pending = new Set<(e: Error) => void>();

  /** `worker`: the workbook's worker (worker-scripts.ts). */
  constructor(private readonly worker: Worker) {
    this.remote = RemoteWorkbook.over(worker);
    worker.addEventListener("error", (e: ErrorEvent) => {
      e.preventDefault();
      for (const reject of this.pending) reject(new WorkerStopped(e.message ?? ""));
      this.pending.clear();
    });
  }

  /** The workbook held now, as the page reaches it (a new object after each open, so the pane starts afresh). */
  workbook(): Workbook {
    return this.remote.workbookFor();
  }

  /** A port over which another worker reaches the workbook. */
  port(): MessagePort {
    const channel = new MessageChannel();
    this.worker.postMessage({ type: "serve", port: channel.port1 }, [channel.port1]);
    return channel.port2;
  }

  private ask<Res>(request: HostRequest, onProgress?: (progress: OpenProgress) => void): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.pending.add(reject);
      runInWorker<HostRequest, Res, OpenProgress>(this.worker, null, request, { onProgress })
        .then(resolve, reject)
        .finally(() => this.pending.delete(reject));
    });
  }

  /**
   * Opens a file: the worker reads its bytes (a File crosses as a handle, its bytes are not copied here)
   * and says how far it has come.
   */
  open(file: File, onProgress?: (progress: OpenProgress) => void): Promise<null> {
    return this.ask({ kind: "open", file }, onProgress);
  }

  sample(customers: number): Promise<null> {
    return this.ask({ kind: "sample", customers });
  }

  grid(sheet?: string, range?: string): Promise<GridView> {
    return this.ask({ kind: "grid", sheet, range });
  }
}
