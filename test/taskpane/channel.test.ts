import { MessageChannel, type MessagePort } from "node:worker_threads";
import { UserError } from "../../src/user-error";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import {
  connectWorkbook,
  runInWorker,
  serveInWorker,
  type Endpoint,
  type RunInWorker,
} from "../../src/taskpane/work/channel";
import { serveWorkbook } from "../../src/taskpane/work/remote-workbook";
import { isAbort } from "../../src/taskpane/work/errors";
import { ORDERS } from "../workbook/contract";

/** Node's MessagePort as the DOM-style endpoint the channel expects. */
function endpoint(port: MessagePort): Endpoint {
  const wrapped = new Map<(e: MessageEvent) => void, (data: unknown) => void>();
  return {
    postMessage: (m, transfer) => port.postMessage(m, transfer as never),
    addEventListener: (_type, listener) => {
      const onData = (data: unknown) => listener({ data } as MessageEvent);
      wrapped.set(listener, onData);
      port.on("message", onData);
    },
    removeEventListener: (_type, listener) => {
      const onData = wrapped.get(listener);
      if (onData) port.off("message", onData);
    },
  };
}

interface Request {
  fail?: boolean;
  wait?: boolean;
}

const run: RunInWorker<Request, { rows: number; sheet: string }, string> = async (wb, request, hooks) => {
  hooks.onProgress?.("reading");
  const table = await wb.readTable({ sheet: "Orders" });
  if (request.fail) await wb.readTable({ sheet: "Missing" });
  while (request.wait) {
    hooks.signal?.throwIfAborted();
    await new Promise((r) => setTimeout(r, 5));
  }
  hooks.onProgress?.("writing");
  const written = await wb.writeSheet({
    kind: "k",
    name: "Count",
    blocks: [{ at: { row: 1, col: 1 }, rows: [[table.columns[0].length]] }],
  });
  return { rows: table.columns[0].length, sheet: written.sheetName };
};

let ports: MessagePort[] = [];
afterEach(() => ports.forEach((p) => p.close()));

function connect(): { page: Endpoint } {
  const channel = new MessageChannel();
  ports = [channel.port1, channel.port2];
  serveInWorker(endpoint(channel.port2), run);
  return { page: endpoint(channel.port1) };
}

describe("a build in a worker over the Workbook port", () => {
  it("reads and writes the page's workbook, reports progress and returns the result", async () => {
    const { page } = connect();
    const wb = MemoryWorkbook.withSheets([ORDERS]);
    const progress: string[] = [];
    const result = await runInWorker(page, wb, {}, { onProgress: (p: string) => progress.push(p) });
    expect(result).toEqual({ rows: 5, sheet: "LL Count" });
    expect(progress).toEqual(["reading", "writing"]);
    expect(wb.value("LL Count", "A1")).toBe(5);
  });

  it("tells the page's hooks how far the page's workbook has read the table", async () => {
    const { page } = connect();
    const told: [number, number][] = [];
    await runInWorker(page, MemoryWorkbook.withSheets([ORDERS]), {}, { onRead: (r, t) => told.push([r, t]) });
    // ORDERS uses rows 1 to 8 (a title, a blank row, the header, data with a blank row): all 8 read.
    expect(told[told.length - 1]).toEqual([8, 8]);
  });

  it("tells the page how far a workbook held in another worker has read the table (the preview)", async () => {
    const { page } = connect();
    // The preview's workbook worker: serves its workbook over a port handed to the build's worker.
    const held = new MessageChannel();
    ports.push(held.port1, held.port2);
    const wb = MemoryWorkbook.withSheets([ORDERS]);
    serveWorkbook(endpoint(held.port1), () => wb);
    connectWorkbook(page, held.port2 as unknown as globalThis.MessagePort);
    const told: [number, number][] = [];
    const result = await runInWorker(page, null, {}, { onRead: (r, t) => told.push([r, t]) });
    expect(result).toEqual({ rows: 5, sheet: "LL Count" });
    expect(told[told.length - 1]).toEqual([8, 8]);
    expect(wb.value("LL Count", "A1")).toBe(5);
  });

  it("gives the page's UserError back as a UserError", async () => {
    const { page } = connect();
    const failed = runInWorker(page, MemoryWorkbook.withSheets([ORDERS]), { fail: true });
    await expect(failed).rejects.toThrow(UserError);
    await expect(failed).rejects.toThrow(/no sheet named "Missing"/);
  });

  it("cancels between steps when the page's signal aborts", async () => {
    const { page } = connect();
    const controller = new AbortController();
    const wb = MemoryWorkbook.withSheets([ORDERS]);
    const build = runInWorker(
      page,
      wb,
      { wait: true },
      {
        signal: controller.signal,
        onProgress: () => setTimeout(() => controller.abort(), 20),
      },
    );
    const error = await build.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAbort(error)).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Orders"]);
  });
});
