/** The benchmarks and their budgets. Each issue that sets a speed target adds its benchmark here. */
import { scoreAgainstBreaks } from "../src/engine/rfm/score";
import { functionBenchmarks } from "./functions";
import { modelBenchmarks } from "./models";
import { engineBenchmarks } from "./engine";
import { reportBenchmarks } from "./report";
import { largeReportBenchmarks } from "./report-5m";
import { refreshBenchmarks } from "./refresh";
import { workbookBenchmarks } from "./workbook";
import { paneBenchmarks } from "./pane";
import { duckDbBenchmarks } from "./duckdb";
import { rowNumberBenchmarks } from "./row-numbers";
import { benefitCostBenchmarks } from "./benefit-cost";

export interface BenchResult {
  name: string;
  figure: string;
  budget: string;
  met: boolean;
  seconds: number;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult> | BenchResult;
}

/** Best of `repeats` wall-clock timings of `fn`, in seconds. */
export function timeBest(fn: () => void, repeats = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

export function underBudget(name: string, seconds: number, budgetSeconds: number): BenchResult {
  return {
    name,
    figure: seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`,
    budget: budgetSeconds < 1 ? `< ${budgetSeconds * 1000} ms` : `< ${budgetSeconds} s`,
    met: seconds < budgetSeconds,
    seconds,
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: "score 1,000,000 values against 4 cut points",
    run() {
      const values = new Float64Array(1_000_000).map((_, i) => (i * 7919) % 1000);
      const breaks = [200, 400, 600, 800];
      let sink = 0;
      const seconds = timeBest(() => {
        for (let i = 0; i < values.length; i++) sink += scoreAgainstBreaks(values[i], breaks);
      });
      if (sink === 0) throw new Error("benchmark computed nothing");
      return underBudget(this.name, seconds, 0.1);
    },
  },
  ...functionBenchmarks({ timeBest, underBudget }),
  ...modelBenchmarks({ timeBest, underBudget }),
  ...engineBenchmarks({ underBudget }),
  ...workbookBenchmarks,
  ...reportBenchmarks,
  ...largeReportBenchmarks,
  ...refreshBenchmarks,
  ...paneBenchmarks(underBudget),
  ...benefitCostBenchmarks({ timeBest, underBudget }),
  ...duckDbBenchmarks,
  ...rowNumberBenchmarks,
];
