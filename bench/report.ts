/**
 * Issue 7's end-to-end target: `loyalty report orders.csv --out report.xlsx` on 1,000,000 order lines of
 * 100,000 customers from the generator, in under 30 s and under 2 GB peak memory. The orders are
 * generated and written to a CSV file first (not timed); then the command runs in a child process, as a
 * user runs it (Node started, TypeScript loaded through tsx, the file read, every sheet built and the
 * workbook saved), so its time is the wall-clock time of the whole command and its memory the child's
 * peak resident set size.
 *
 * Run alone: `npx tsx bench/report.ts` (prints the figures as JSON).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateOrders } from "../src/engine/sample/generate-orders";
import { writeCsvFile, type CsvValue } from "../src/workbook/csv/write";
import type { Benchmark, BenchResult } from "./suite";
import { cliBenchResult, runCliChild } from "./cli-child";

const LINES = 1_000_000;
const CUSTOMERS = 100_000;
const TIME_BUDGET_SECONDS = 30;
const MEMORY_BUDGET_MB = 2048;

export interface ReportBenchFigures {
  lines: number;
  customers: number;
  /** Wall-clock seconds of the command, from starting Node to its exit. */
  seconds: number;
  /** The command's own `seconds` (from the start of the command to the saved file). */
  commandSeconds: number;
  /** CPU seconds of the child (user + system): the wall time on an idle machine, about. */
  cpuSeconds: number;
  /** Peak resident set size of the child process, MB. */
  peakRssMb: number;
  /** The machine's 1-minute load average when the command ended (other work slows the wall time). */
  loadAverage: number;
  inputMb: number;
  outputMb: number;
  sheets: string[];
}

/** The generated orders as the CSV a shop would export (refunds as negative numbers). */
async function writeOrdersCsv(file: string): Promise<void> {
  const table = generateOrders({ customers: CUSTOMERS, lines: LINES, seed: 7 });
  const n = table.columns[0].length;
  const rows: CsvValue[][] = [table.headers];
  for (let r = 0; r < n; r++) rows.push(table.columns.map((c) => c[r] as CsvValue));
  await writeCsvFile(file, rows, { bom: false });
}

export async function reportBenchFigures(): Promise<ReportBenchFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-report-"));
  try {
    const csv = path.join(dir, "orders.csv");
    const out = path.join(dir, "report.xlsx");
    await writeOrdersCsv(csv);
    const run = runCliChild(["report", csv, "--out", out, "--json"]);
    const summary = JSON.parse(run.stdout) as {
      seconds: number;
      orderLines: number;
      customers: number;
      sheets: { sheetName: string }[];
    };
    return {
      lines: summary.orderLines,
      customers: summary.customers,
      seconds: run.seconds,
      commandSeconds: summary.seconds,
      cpuSeconds: run.cpuSeconds,
      peakRssMb: run.peakRssMb,
      loadAverage: os.loadavg()[0],
      inputMb: statSync(csv).size / 2 ** 20,
      outputMb: statSync(out).size / 2 ** 20,
      sheets: summary.sheets.map((s) => s.sheetName),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let figures: Promise<ReportBenchFigures> | undefined;
function once(): Promise<ReportBenchFigures> {
  figures ??= reportBenchFigures().then((f) => {
    process.stderr.write(
      `  loyalty report: ${f.lines.toLocaleString("en-US")} lines, ${f.customers.toLocaleString("en-US")} customers, ` +
        `${f.inputMb.toFixed(0)} MB CSV -> ${f.outputMb.toFixed(1)} MB xlsx (${f.sheets.length} sheets): ` +
        `${f.seconds.toFixed(1)} s wall (command ${f.commandSeconds.toFixed(1)} s), ${f.cpuSeconds.toFixed(1)} s CPU, ` +
        `peak RSS ${f.peakRssMb.toFixed(0)} MB; load average ${f.loadAverage.toFixed(1)}\n`,
    );
    return f;
  });
  return figures;
}

export const reportBenchmarks: Benchmark[] = [
  {
    name: "loyalty report end to end: 1,000,000 lines / 100,000 customers, CSV -> xlsx with every report sheet",
    async run(): Promise<BenchResult> {
      const f = await once();
      return cliBenchResult(this.name, f, { seconds: TIME_BUDGET_SECONDS, megabytes: MEMORY_BUDGET_MB });
    },
  },
];

if (require.main === module) {
  once().then((f) => console.log(JSON.stringify(f, null, 2)));
}
