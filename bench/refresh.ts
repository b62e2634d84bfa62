/**
 * Issue 17's target: `loyalty report book.xlsx --in-place` on a workbook whose Orders sheet holds
 * 1,000,000 order lines of 100,000 customers stays under 1.5 GB peak memory: the orders are read by
 * streaming their sheet part and the report's parts are spliced into the package, never a model of the
 * whole workbook. The workbook is written first (not timed, with ExcelJS's streaming writer); then the
 * command runs in a child process, as a user runs it, twice: the first refresh adds the report sheets,
 * the second replaces them (carrying what is typed in them). The figure is the second run's.
 *
 * The peak of each phase (reading the orders, the engine's steps, each sheet built, the save's rendering,
 * splicing and writing) of both runs is printed too, so that a figure over budget says where it comes from.
 *
 * Run alone: `npx tsx bench/refresh.ts` (prints the figures as JSON).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { generateOrders } from "../src/engine/sample/generate-orders";
import type { Benchmark, BenchResult } from "./suite";
import { cliBenchResult, phasesLine, runCliChild, type PhasePeak } from "./cli-child";

const LINES = 1_000_000;
const CUSTOMERS = 100_000;
const MEMORY_BUDGET_MB = 1536;
const TIME_BUDGET_SECONDS = 120;

interface RefreshFigures {
  lines: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  firstPeakRssMb: number;
  inputMb: number;
  outputMb: number;
  loadAverage: number;
  /** The second run's peak per phase (reading the orders, the engine, each sheet, the save's steps). */
  phases: PhasePeak[];
  /** The first run's. */
  firstPhases: PhasePeak[];
}

async function writeBook(file: string): Promise<void> {
  const table = generateOrders({ customers: CUSTOMERS, lines: LINES, seed: 7, cells: "typed" });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Orders");
  ws.addRow(table.headers).commit();
  const n = table.columns[0].length;
  for (let r = 0; r < n; r++) ws.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue)).commit();
  ws.commit();
  await wb.commit();
}

const refresh = (book: string) => runCliChild(["report", book, "--in-place", "--json"]);

export async function refreshBenchFigures(): Promise<RefreshFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-refresh-"));
  try {
    const book = path.join(dir, "book.xlsx");
    await writeBook(book);
    const inputMb = statSync(book).size / 2 ** 20;
    const first = refresh(book);
    const second = refresh(book);
    const summary = JSON.parse(second.stdout) as { orderLines: number };
    return {
      lines: summary.orderLines,
      seconds: second.seconds,
      cpuSeconds: second.cpuSeconds,
      peakRssMb: second.peakRssMb,
      firstPeakRssMb: first.peakRssMb,
      inputMb,
      outputMb: statSync(book).size / 2 ** 20,
      loadAverage: os.loadavg()[0],
      phases: second.phases,
      firstPhases: first.phases,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const refreshBenchmarks: Benchmark[] = [
  {
    name: "loyalty report --in-place (refresh): workbook with 1,000,000 order lines / 100,000 customers",
    async run(): Promise<BenchResult> {
      const f = await refreshBenchFigures();
      process.stderr.write(
        `  refresh: ${f.lines.toLocaleString("en-US")} lines, ${f.inputMb.toFixed(0)} MB -> ${f.outputMb.toFixed(0)} MB; ` +
          `first run peak ${f.firstPeakRssMb.toFixed(0)} MB; load average ${f.loadAverage.toFixed(1)}\n` +
          `  refresh: peak per phase, first run: ${phasesLine(f.firstPhases)}\n` +
          `  refresh: peak per phase, second run: ${phasesLine(f.phases)}\n`,
      );
      return cliBenchResult(this.name, f, { seconds: TIME_BUDGET_SECONDS, megabytes: MEMORY_BUDGET_MB });
    },
  },
];

if (require.main === module) {
  refreshBenchFigures().then((f) => console.log(JSON.stringify(f, null, 2)));
}
