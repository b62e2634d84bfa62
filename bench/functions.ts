/**
 * Benchmarks of the custom functions as Excel calls them: arguments as rows of cells, the result as
 * rows of cells, through the same guard and coercion as in the add-in. Budgets from issue 6.
 */
import { installOfflineRuntime } from "../src/functions/excel/offline-runtime";
import { pAlive } from "../src/functions/catalogue/predictions";
import { rfm } from "../src/functions/catalogue/rfm";
import { clv } from "../src/functions/catalogue/value";
import type { Benchmark, BenchResult } from "./suite";

installOfflineRuntime();

interface Timing {
  timeBest(fn: () => void, repeats?: number): number;
  underBudget(name: string, seconds: number, budgetSeconds: number): BenchResult;
}

/** A deterministic cohort of n customers as Excel columns of x, t_x and T (weeks). */
export function customerColumns(n: number): { x: number[][]; tx: number[][]; T: number[][] } {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const x: number[][] = [];
  const tx: number[][] = [];
  const T: number[][] = [];
  for (let i = 0; i < n; i++) {
    const age = 27 + Math.round(next() * 1200) / 100;
    const repeats = next() < 0.6 ? 0 : Math.floor(-Math.log(1 - next()) * 3) + 1;
    x.push([repeats]);
    tx.push([repeats === 0 ? 0 : Math.min(age, Math.max(0.01, Math.round(next() * age * 100) / 100))]);
    T.push([age]);
  }
  return { x, tx, T };
}

/** Throws when a result holds an error or a blank, so a benchmark never times a failure. */
function expectNumbers(result: unknown[][], n: number): void {
  if (result.length !== n || result.some((r) => typeof r[0] !== "number"))
    throw new Error("the function did not return one number per row");
}

export function functionBenchmarks(t: Timing): Benchmark[] {
  const BG_NBD = [["BG/NBD", 0.2426, 4.4137, 0.793, 2.4262, -9582.43]];
  return [
    {
      name: "LOYALTY.PALIVE over 100,000 rows (BG/NBD)",
      run() {
        const c = customerColumns(100_000);
        let result: unknown[][] = [];
        const seconds = t.timeBest(() => (result = pAlive(BG_NBD, c.x, c.tx, c.T)), 5);
        expectNumbers(result, 100_000);
        return t.underBudget(this.name, seconds, 0.15);
      },
    },
    {
      name: "LOYALTY.CLV over 100,000 rows (BG/NBD + Gamma-Gamma, 12 monthly periods)",
      run() {
        const c = customerColumns(100_000);
        const mean = c.x.map(([x], i) => [x === 0 ? 0 : 10 + (i % 53)]);
        const gg = [["Gamma-Gamma", 6.25, 3.74, 15.44]];
        let result: unknown[][] = [];
        const seconds = t.timeBest(
          () => (result = clv(BG_NBD, gg, c.x, c.tx, c.T, mean, 12, 0.01, 0.3, 4.345)),
          5,
        );
        expectNumbers(result, 100_000);
        return t.underBudget(this.name, seconds, 0.15);
      },
    },
    {
      name: "LOYALTY.RFM over 100,000 rows",
      run() {
        const c = customerColumns(100_000);
        // Recency in days, orders and spend, derived deterministically from the cohort.
        const recency = c.T.map(([T], i) => [Math.round((T - c.tx[i][0]) * 7)]);
        const orders = c.x.map(([x]) => [x + 1]);
        const spend = c.x.map(([x], i) => [Math.round((x + 1) * (20 + (i % 97)) * 100) / 100]);
        let result: unknown[][] = [];
        const seconds = t.timeBest(() => (result = rfm(recency, orders, spend, null)), 5);
        expectNumbers(result, 100_000);
        return t.underBudget(this.name, seconds, 0.2);
      },
    },
  ];
}
