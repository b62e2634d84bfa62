/**
 * Workbook adapter benchmarks: reading 1,000,000 order lines from .xlsx (streaming) and from .csv, and
 * writing a 100,000-row generated sheet, each with the peak memory it took. Budgets: the reading share of
 * issue 7's end-to-end target (1,000,000 lines in under 30 s and 2 GB).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import type { Cell, SheetModel } from "../src/sheet/sheet-model";
import { readCsvTable } from "../src/workbook/csv/read";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import type { Benchmark, BenchResult } from "./suite";

const ROWS = 1_000_000;
const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1);

function orderLine(i: number): [string, Date, number, string, string] {
  return [
    `C${(i * 7919) % 100_000}`,
    new Date(START + (i % 730) * DAY_MS),
    ((i * 37) % 50_000) / 100,
    `O${i}`,
    i % 3 ? "web" : "store",
  ];
}

async function writeOrdersXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer ID", "Order date", "Amount", "Order ID", "Channel"]).commit();
  for (let i = 0; i < ROWS; i++) {
    const row = ws.addRow(orderLine(i));
    row.getCell(2).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

function writeOrdersCsv(file: string): void {
  const lines = ["Customer ID,Order date,Amount,Order ID,Channel"];
  for (let i = 0; i < ROWS; i++) {
    const [c, d, a, o, ch] = orderLine(i);
    lines.push(`${c},${d.toISOString().slice(0, 10)},${a},${o},${ch}`);
  }
  writeFileSync(file, lines.join("\r\n"));
}

/** A garbage collection before measuring, so that what earlier work left behind is not counted. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/** JavaScript heap plus buffers: unlike the resident set size, it falls again after a collection. */
function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * Runs `work` once, sampling heap and buffer memory; returns seconds and the peak growth in MB over what
 * was in use before (after a garbage collection).
 */
async function measure(
  work: () => Promise<unknown>,
): Promise<{ seconds: number; peakMb: number; result: unknown }> {
  collectGarbage();
  const base = heapBytes();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heapBytes())), 20);
  const t0 = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, heapBytes());
  return { seconds, peakMb: (peak - base) / 2 ** 20, result };
}

function report(
  name: string,
  seconds: number,
  budget: number,
  peakMb: number,
  memoryBudgetMb: number,
): BenchResult {
  return {
    name,
    figure: `${seconds.toFixed(2)} s, heap +${Math.round(peakMb)} MB`,
    budget: `< ${budget} s, < ${memoryBudgetMb} MB`,
    met: seconds < budget && peakMb < memoryBudgetMb,
    seconds,
  };
}

function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-"));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * A generated sheet like Customers: a table of `rows` customers, 8 columns with formats, its rows carried
 * by customer id as the report's are (so the registry's fingerprint of every row is in the figure).
 */
function customersModel(rows: number): SheetModel {
  const header: Cell[] = ["Customer ID", "First purchase", "Orders", "Revenue", "R", "F", "M", "Segment"];
  const body: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    body.push([
      `C${i}`,
      new Date(START + (i % 700) * DAY_MS),
      1 + (i % 17),
      (i % 9000) / 3,
      1 + (i % 5),
      1 + ((i * 3) % 5),
      1 + ((i * 7) % 5),
      i % 2 ? "Loyal" : "At risk",
    ]);
  }
  return {
    kind: "customers",
    name: "Customers",
    blocks: [
      {
        at: { row: 1, col: 1 },
        rows: [header, ...body],
        table: { name: "LL_Customers", carry: { key: "Customer ID" } },
        columnFormats: [null, "date", "integer", "currency", "integer", "integer", "integer", null],
      },
    ],
    freeze: { rows: 1, cols: 1 },
    columnWidths: [14, 14, 8, 12, 4, 4, 4, 14],
  };
}

/** Writing a new workbook with a Customers-like sheet of `rows` rows (the model is built before timing). */
function writeSheetBenchmark(rows: number, budgetSeconds: number, budgetMb: number): Benchmark {
  const name = `write a ${rows.toLocaleString("en-US")}-row generated sheet to .xlsx`;
  return {
    name,
    run: () =>
      withTempDir(async (dir) => {
        const model = customersModel(rows);
        const cpu = process.cpuUsage();
        const { seconds, peakMb } = await measure(async () => {
          const wb = XlsxWorkbook.create();
          await wb.writeSheet(model);
          await wb.save(path.join(dir, "customers.xlsx"));
        });
        // CPU of every thread (the sheets are deflated on libuv's): on a loaded machine, the figure to compare.
        const { user, system } = process.cpuUsage(cpu);
        const result = report(name, seconds, budgetSeconds, peakMb, budgetMb);
        return { ...result, figure: `${result.figure}, ${((user + system) / 1e6).toFixed(2)} s CPU` };
      }),
  };
}

export const workbookBenchmarks: Benchmark[] = [
  {
    name: "read 1,000,000 order lines from .xlsx (streaming)",
    run: () =>
      withTempDir(async (dir) => {
        const file = path.join(dir, "orders.xlsx");
        await writeOrdersXlsx(file);
        const { seconds, peakMb, result } = await measure(async () =>
          (await XlsxWorkbook.open(file)).readTable({ sheet: "Orders" }),
        );
        const n = (result as { columns: unknown[][] }).columns[0].length;
        if (n !== ROWS) throw new Error(`read ${n} rows instead of ${ROWS}`);
        return report("read 1,000,000 order lines from .xlsx (streaming)", seconds, 20, peakMb, 1500);
      }),
  },
  {
    name: "read 1,000,000 order lines from .csv",
    run: () =>
      withTempDir(async (dir) => {
        const file = path.join(dir, "orders.csv");
        writeOrdersCsv(file);
        const { seconds, peakMb, result } = await measure(() => readCsvTable(file));
        const n = (result as { table: { columns: unknown[][] } }).table.columns[0].length;
        if (n !== ROWS) throw new Error(`read ${n} rows instead of ${ROWS}`);
        return report("read 1,000,000 order lines from .csv", seconds, 10, peakMb, 1500);
      }),
  },
  writeSheetBenchmark(100_000, 20, 1500),
  // The scale of a report on 50 million order lines: one row per customer, a million customers.
  writeSheetBenchmark(1_000_000, 30, 1500),
];
