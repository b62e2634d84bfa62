/**
 * The Workbook port across a message channel. RemoteWorkbook stands for a workbook held on the other side
 * (the open Excel workbook on the page, or the browser preview's workbook in its own worker): each call
 * is posted there, run on the real workbook (serveWorkbookCall) and its result posted back. Office.js only
 * runs on the page, and the engine's number crunching runs in a worker, so the pane stays responsive.
 * What the port passes (sheet models, settings) is plain data a structured clone copies, except tables:
 * a table read is packed into typed arrays and transferred (packed-table.ts), however large it is.
 */
import type { Workbook } from "../../sheet/port";
import type { Endpoint } from "./channel";
import { deserializeError, serializeError, type SerializedError } from "./errors";
import { isPackedTable, packTable, unpackTable, type Pause } from "./packed-table";

export type WorkbookMethod = {
  [K in keyof Workbook]: Workbook[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Workbook];

export interface PortCall {
  type: "port-call";
  id: number;
  /** The request the call is made for, so the page answers it for that request's workbook. */
  run?: number;
  method: WorkbookMethod;
  args: unknown[];
}

export type PortReply =
  | { type: "port-reply"; id: number; ok: true; value: unknown }
  | { type: "port-reply"; id: number; ok: false; error: SerializedError };

const METHODS: readonly WorkbookMethod[] = [
  "listSheets",
  "listTables",
  "readTable",
  "readRange",
  "writeSheet",
  "refreshLosses",
  "deleteGeneratedSheet",
  "listGeneratedSheets",
  "readInputs",
  "readSettings",
  "writeSettings",
];

/**
 * Runs one call on a workbook and gives the reply to post back, with the buffers to transfer. `pause`
 * lets the thread breathe while a large table is packed (on the page, between Excel's chunks).
 */
export async function serveWorkbookCall(
  workbook: Workbook,
  call: PortCall,
  pause?: Pause,
): Promise<{ reply: PortReply; transfer: ArrayBuffer[] }> {
  try {
    if (!METHODS.includes(call.method)) throw new Error(`not a Workbook method: ${call.method}`);
    const method = workbook[call.method] as (...args: unknown[]) => Promise<unknown>;
    const value = await method.apply(workbook, call.args);
    if (call.method === "readTable") {
      const { packed, transfer } = await packTable(
        value as Awaited<ReturnType<Workbook["readTable"]>>,
        pause,
      );
      return { reply: { type: "port-reply", id: call.id, ok: true, value: packed }, transfer };
    }
    return { reply: { type: "port-reply", id: call.id, ok: true, value }, transfer: [] };
  } catch (e) {
    return { reply: { type: "port-reply", id: call.id, ok: false, error: serializeError(e) }, transfer: [] };
  }
}

/** Answers the port calls arriving at `endpoint` with `workbook()` (the workbook held now). */
export function serveWorkbook(endpoint: Endpoint, workbook: () => Workbook): void {
  endpoint.addEventListener("message", (event: MessageEvent) => {
    const call = event.data as PortCall;
    if (call?.type !== "port-call") return;
    void serveWorkbookCall(workbook(), call).then(({ reply, transfer }) =>
      endpoint.postMessage(reply, transfer),
    );
  });
}

/** What a worker's requests reach their workbook through. */
export interface WorkbookPort {
  /** The port as the request `run` uses it. */
  workbookFor(run: number): Workbook;
  /** A reply from the other side. */
  settle(reply: PortReply): void;
}

/** The calling side: Workbooks whose every method is answered by the other side. */
export class RemoteWorkbook implements WorkbookPort {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: (call: PortCall, transfer?: Transferable[]) => void) {}

  /** A RemoteWorkbook over a port whose other end serves a workbook (serveWorkbook). */
  static over(port: Endpoint & { start?: () => void }): RemoteWorkbook {
    const remote = new RemoteWorkbook((call) => port.postMessage(call));
    port.addEventListener("message", (event: MessageEvent) => {
      const reply = event.data as PortReply;
      if (reply?.type === "port-reply") remote.settle(reply);
    });
    port.start?.();
    return remote;
  }

  workbookFor(run?: number): Workbook {
    return Object.fromEntries(
      METHODS.map((m) => [m, (...args: unknown[]) => this.call(m, args, run)]),
    ) as unknown as Workbook;
  }

  private call(method: WorkbookMethod, args: unknown[], run: number | undefined): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(
        run === undefined
          ? { type: "port-call", id, method, args }
          : { type: "port-call", id, run, method, args },
      );
    });
  }

  settle(reply: PortReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (!reply.ok) waiting.reject(deserializeError(reply.error));
    else waiting.resolve(isPackedTable(reply.value) ? unpackTable(reply.value) : reply.value);
  }
}
