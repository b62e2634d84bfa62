/**
 * The DuckDB path's search for empty lines (src/cli/duckdb/row-numbers.ts), which runs beside DuckDB's
 * load of every text file it reads as it is: a file of 10,000,000 order lines (about 330 MB, written
 * here, not timed) without empty lines (the quick search alone), and the same with one empty line in the
 * middle (the quick search, then the pass record by record). The figure is the CPU time per GB, which a
 * loaded machine changes less than the wall time; the budget: the quick search under 1 s a GB.
 *
 * Run alone: `npm run bench -- "row numbers"`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findEmptyRecords } from "../src/cli/duckdb/row-numbers";
import type { Benchmark, BenchResult } from "./suite";

const LINES = 10_000_000;
const BUDGET_SECONDS_PER_GB = 1;

/** Writes the order lines, with an empty line after line `gapAt` when given; returns the file. */
function writeOrders(dir: string, name: string, gapAt?: number): string {
  const file = path.join(dir, name);
  const fd = openSync(file, "w");
  let text = "customer_id,order_date,amount,order_id\n";
  for (let i = 0; i < LINES; i++) {
    const month = String(1 + (i % 12)).padStart(2, "0");
    const day = String(1 + (i % 28)).padStart(2, "0");
    text += `C${(i * 7919) % 200_000},2024-${month}-${day},${(i % 9000) / 100},O${Math.floor(i / 3)}\n`;
    if (i === gapAt) text += "\n";
    if (text.length > 1 << 20) {
      writeSync(fd, text);
      text = "";
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  return file;
}

async function cpuSecondsPerGb(file: string, expected: number): Promise<number> {
  const before = process.cpuUsage();
  const { empties } = await findEmptyRecords({
    file,
    linesAbove: 1,
    headerRow: 1,
    lineBreak: "\n",
    delimiter: 44,
  });
  const used = process.cpuUsage(before);
  if (empties.length !== expected)
    throw new Error(`${empties.length} empty lines found, ${expected} written`);
  return (used.user + used.system) / 1e6 / (statSync(file).size / 2 ** 30);
}

function result(name: string, secondsPerGb: number): BenchResult {
  return {
    name,
    figure: `${secondsPerGb.toFixed(2)} s CPU a GB`,
    budget: `< ${BUDGET_SECONDS_PER_GB} s a GB`,
    met: secondsPerGb < BUDGET_SECONDS_PER_GB,
    seconds: secondsPerGb,
  };
}

export const rowNumberBenchmarks: Benchmark[] = [
  {
    name: "duckdb row numbers: empty lines searched in 10M lines, none there",
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-rows-"));
      try {
        return result(this.name, await cpuSecondsPerGb(writeOrders(dir, "orders.csv"), 0));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "duckdb row numbers: 10M lines with an empty line in the middle, counted record by record",
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "ll-bench-rows-"));
      try {
        const seconds = await cpuSecondsPerGb(writeOrders(dir, "gap.csv", LINES / 2), 1);
        // Both passes: reported against twice the quick search's budget.
        return {
          ...result(this.name, seconds),
          budget: `< ${2 * BUDGET_SECONDS_PER_GB} s a GB`,
          met: seconds < 2,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
