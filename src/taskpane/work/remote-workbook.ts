/**
 * The Workbook port across a message channel. RemoteWorkbook stands for a workbook held on the other side
 * (the open Excel workbook on the page, or the browser preview's workbook in its own worker): each call
 * is posted there, run on the real workbook (serveWorkbookCall) and its result posted back. Office.js only
 * runs on the page, and the engine's number crunching runs in a worker, so the pane stays responsive.
 * What the port passes (sheet models, settings) is plain data a structured clone copies, except tables:
 * a table read is packed into typed arrays and transferred (packed-table.ts), however large it is.
 */
import type { ReadTableOptions, Workbook } from "../../sheet/port";
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

/** How far a table read for the call `id` has come (rows read of the table's rows), while it reads. */
export interface PortRows {
  type: "port-rows";
  id: number;
  read: number;
  total: number;
}

/** Told of each table read's progress: the request it is for (undefined: the page's own) and the rows. */
export type RowsListener = (run: number | undefined, read: number, total: number) => void;

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
  "readMemberState",
  "writeMemberState",
];

/**
 * Runs one call on a workbook and gives the reply to post back, with the buffers to transfer. `pause`
 * lets the thread breathe while a large table is packed (on the page, between Excel's chunks); `onRows`
 * hears how far a table read has come (the options' own onRows cannot cross a message channel).
 */
export async function serveWorkbookCall(
  workbook: Workbook,
  call: PortCall,
  pause?: Pause,
  onRows?: (read: number, total: number) => void,
): Promise<{ reply: PortReply; transfer: ArrayBuffer[] }> {
  try {
    if (!METHODS.includes(call.method)) throw new Error(`not a Workbook method: ${call.method}`);
    const method = workbook[call.method] as (...args: unknown[]) => Promise<unknown>;
    const args =
      call.method === "readTable" && onRows
        ? [call.args[0], { ...(call.args[1] as ReadTableOptions | undefined), onRows }]
        : call.args;
    const value = await method.apply(workbook, args);
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

/**
 * Answers the port calls arriving at `endpoint` with `workbook()` (the workbook held now), telling the
 * caller how far each table read has come.
 */
export function serveWorkbook(endpoint: Endpoint, workbook: () => Workbook): void {
  endpoint.addEventListener("message", (event: MessageEvent) => {
    const call = event.data as PortCall;
    if (call?.type !== "port-call") return;
    const onRows = (read: number, total: number) =>
      endpoint.postMessage({ type: "port-rows", id: call.id, read, total } satisfies PortRows);
    void serveWorkbookCall(workbook(), call, undefined, onRows).then(({ reply, transfer }) =>
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
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; run: number | undefined }
  >();

  constructor(
    private readonly post: (call: PortCall, transfer?: Transferable[]) => void,
    private readonly onRows?: RowsListener,
  ) {}

  /**
   * A RemoteWorkbook over a port whose other end serves a workbook (serveWorkbook); `onRows` hears how far
   * the table reads of each request have come.
   */
  static over(port: Endpoint & { start?: () => void }, onRows?: RowsListener): RemoteWorkbook {
    const remote = new RemoteWorkbook((call) => port.postMessage(call), onRows);
    port.addEventListener("message", (event: MessageEvent) => {
      const message = event.data as PortReply | PortRows;
      if (message?.type === "port-reply") remote.settle(message);
      else if (message?.type === "port-rows") remote.rows(message);
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
    // A function cannot cross the channel: the other side tells how far a read has come instead.
    if (method === "readTable" && args[1] && typeof args[1] === "object") {
      const { onRows: _, ...options } = args[1] as ReadTableOptions;
      args = [args[0], options];
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, run });
      this.post(
        run === undefined
          ? { type: "port-call", id, method, args }
          : { type: "port-call", id, run, method, args },
      );
    });
  }

  /** A table read's progress, for the request that made the call. */
  rows(message: PortRows): void {
    const waiting = this.pending.get(message.id);
    if (waiting) this.onRows?.(waiting.run, message.read, message.total);
  }

  settle(reply: PortReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (!reply.ok) waiting.reject(deserializeError(reply.error));
    else waiting.resolve(isPackedTable(reply.value) ? unpackTable(reply.value) : reply.value);
  }
}
