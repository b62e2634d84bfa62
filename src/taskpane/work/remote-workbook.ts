/**
 * The Workbook port across a message channel. In the worker, RemoteWorkbook stands for the workbook the
 * pane holds (the open Excel workbook, or the preview's in-memory workbook): each call is posted to the
 * page, which runs it on the real workbook (serveWorkbookCall) and posts the result back. Office.js only
 * runs on the page, and the engine's number crunching runs in the worker, so the pane stays responsive.
 * Everything the port passes (tables, sheet models, settings) is plain data a structured clone copies.
 */
import type { Workbook } from "../../sheet/port";
import { deserializeError, serializeError, type SerializedError } from "./errors";

export type WorkbookMethod = {
  [K in keyof Workbook]: Workbook[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Workbook];

export interface PortCall {
  type: "port-call";
  id: number;
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
  "deleteGeneratedSheet",
  "listGeneratedSheets",
  "readInputs",
  "readSettings",
  "writeSettings",
];

/** Runs one call on the page's workbook and gives the reply to post back. */
export async function serveWorkbookCall(workbook: Workbook, call: PortCall): Promise<PortReply> {
  try {
    if (!METHODS.includes(call.method)) throw new Error(`not a Workbook method: ${call.method}`);
    const method = workbook[call.method] as (...args: unknown[]) => Promise<unknown>;
    const value = await method.apply(workbook, call.args);
    return { type: "port-reply", id: call.id, ok: true, value };
  } catch (e) {
    return { type: "port-reply", id: call.id, ok: false, error: serializeError(e) };
  }
}

function remoteMethod(
  call: (method: WorkbookMethod, args: unknown[]) => Promise<unknown>,
  method: WorkbookMethod,
) {
  return (...args: unknown[]) => call(method, args);
}

/** The worker's side: a Workbook whose every method is answered by the page. */
export class RemoteWorkbook {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: (call: PortCall) => void) {}

  /** The port, as the orchestrator takes it. */
  readonly workbook: Workbook = Object.fromEntries(
    METHODS.map((m) => [m, remoteMethod((method, args) => this.call(method, args), m)]),
  ) as unknown as Workbook;

  private call(method: WorkbookMethod, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "port-call", id, method, args });
    });
  }

  /** A reply from the page. */
  settle(reply: PortReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(deserializeError(reply.error));
  }
}
