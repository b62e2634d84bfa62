/**
 * Issue 16's size target: `loyalty report orders.csv --out report.xlsx` on a mid-size business's file,
 * 5,000,000 order lines of 200,000 customers, completes (it used to die with "RangeError: Maximum call
 * stack size exceeded" beyond about 120,000 customers). The lines are generated with a seeded generator
 * and streamed to a CSV file (the sample generator holds a whole table in memory, too much at this size;
 * not timed); the command runs in a child process as a user runs it, and its wall time and peak resident
 * set size are printed.
 *
 * Run alone: `npx tsx bench/report-5m.ts` (prints the figures as JSON); in the suite:
 * `npm run bench -- 5M`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Random } from "../src/engine/math/random";
import type { Benchmark, BenchResult } from "./suite";
import { cliBenchResult, phaseTable, runCliChild, type PhasePeak } from "./cli-child";

const LINES = 5_000_000;
const CUSTOMERS = 200_000;
/**
 * What a mid-size business may expect of a batch report on one machine: 5 minutes, and 2 GB of memory
 * for a 250 MB file (a laptop's share; the file's cells, the typed columns and the report's sheets).
 */
const TIME_BUDGET_SECONDS = 300;
const MEMORY_BUDGET_MB = 2048;

const CHANNELS = ["Store", "Online", "App", "Mini program"];
const STORES = ["North", "South", "East", "West", "Central", "Airport", "Harbour", "Station"];
const FIRST_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const DAYS = 4 * 365;

/**
 * Customer c's share of the lines grows with a skewed weight (a few buy very often); every line a day of
 * the 4 years, an order of 1 to 3 lines, an amount log-normal around 40, a refund now and then.
 */
function writeOrdersCsv(file: string, seed = 16): void {
  const rng = new Random(seed);
  const weights = new Float64Array(CUSTOMERS);
  let total = 0;
  for (let c = 0; c < CUSTOMERS; c++) total += weights[c] = Math.exp(1.2 * rng.normal());
  const fd = openSync(file, "w");
  let buffer = "Member ID,Order ID,Order Date,Amount,Quantity,Channel,Store\n";
  let written = 0;
  let order = 1_000_000;
  for (let c = 0; c < CUSTOMERS && written < LINES; c++) {
    const left = LINES - written;
    const lines =
      c === CUSTOMERS - 1 ? left : Math.min(left, Math.max(1, Math.round((weights[c] / total) * LINES)));
    const id = `M${String(c + 1).padStart(7, "0")}`;
    const channel = CHANNELS[rng.nextUint32() % CHANNELS.length];
    const store = STORES[rng.nextUint32() % STORES.length];
    for (let k = 0; k < lines;) {
      const day = FIRST_DAY + (rng.nextUint32() % DAYS);
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const items = Math.min(lines - k, 1 + (rng.nextUint32() % 3));
      order++;
      for (let i = 0; i < items; i++, k++) {
        const refund = rng.uniform() < 0.02 ? -1 : 1;
        const amount = (refund * Math.exp(3.2 + 0.8 * rng.normal())).toFixed(2);
        buffer += `${id},${order},${date},${amount},${1 + (rng.nextUint32() % 4)},${channel},${store}\n`;
      }
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = "";
      }
    }
    written += lines;
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

export interface LargeReportFigures {
  lines: number;
  customers: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  loadAverage: number;
  inputMb: number;
  outputMb: number;
  /** Time and peak of each phase of the command (reading the file, checking, ..., each sheet, saving). */
  phases: PhasePeak[];
}

export function largeReportFigures(): LargeReportFigures {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-5m-"));
  try {
    const csv = path.join(dir, "orders.csv");
    const out = path.join(dir, "report.xlsx");
    writeOrdersCsv(csv);
    const run = runCliChild(["report", csv, "--out", out, "--json", "--engine", "js"]);
    const summary = JSON.parse(run.stdout) as { orderLines: number; customers: number };
    return {
      lines: summary.orderLines,
      customers: summary.customers,
      seconds: run.seconds,
      cpuSeconds: run.cpuSeconds,
      peakRssMb: run.peakRssMb,
      loadAverage: os.loadavg()[0],
      inputMb: statSync(csv).size / 2 ** 20,
      outputMb: statSync(out).size / 2 ** 20,
      phases: run.phases,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const largeReportBenchmarks: Benchmark[] = [
  {
    name: "loyalty report end to end: 5M lines, 200k customers (5,000,000 lines / 200,000 customers), CSV -> xlsx",
    run(): Promise<BenchResult> {
      const f = largeReportFigures();
      process.stderr.write(
        `  loyalty report: ${f.lines.toLocaleString("en-US")} lines, ${f.customers.toLocaleString("en-US")} customers, ` +
          `${f.inputMb.toFixed(0)} MB CSV -> ${f.outputMb.toFixed(1)} MB xlsx: ${f.seconds.toFixed(1)} s wall, ` +
          `${f.cpuSeconds.toFixed(1)} s CPU, peak RSS ${f.peakRssMb.toFixed(0)} MB ` +
          `(target ${MEMORY_BUDGET_MB} MB: ${f.peakRssMb < MEMORY_BUDGET_MB ? "MET" : "NOT MET"}); ` +
          `load average ${f.loadAverage.toFixed(1)}\n  per phase ("start" is Node starting; "reading" reads the file):\n` +
          phaseTable(f.phases).join("\n") +
          "\n",
      );
      return Promise.resolve(
        cliBenchResult(this.name, f, { seconds: TIME_BUDGET_SECONDS, megabytes: MEMORY_BUDGET_MB }),
      );
    },
  },
];

if (require.main === module) {
  console.log(JSON.stringify(largeReportFigures(), null, 2));
}
