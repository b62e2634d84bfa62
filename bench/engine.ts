/**
 * Benchmarks of the engine's descriptive pipeline (issue 4): parse + clean + summary + RFM + tiers + KPIs
 * of 1,000,000 order lines for 100,000 customers under 2 s and under 1 GB peak memory, on one core. The
 * work runs in a child process pinned to one core (taskset, where there is one) so that its memory peak
 * is not mixed with the other benchmarks'.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EnginePipelineFigures } from "./engine-pipeline";
import type { Benchmark, BenchResult } from "./suite";

const TIME_BUDGET_SECONDS = 2;
const MEMORY_BUDGET_MB = 1024;

function runChild(): EnginePipelineFigures {
  const script = join(__dirname, "engine-pipeline.ts");
  const node = [process.execPath, "--require", require.resolve("tsx/cjs"), script];
  const pinned = existsSync("/usr/bin/taskset") ? ["/usr/bin/taskset", "-c", "0", ...node] : node;
  const out = execFileSync(pinned[0], pinned.slice(1), { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop() as string) as EnginePipelineFigures;
}

let figures: EnginePipelineFigures | undefined;
function pipelineFigures(): EnginePipelineFigures {
  if (!figures) {
    figures = runChild();
    const stages = Object.entries(figures.stages)
      .map(([name, s]) => `${name} ${(s * 1000).toFixed(0)} ms`)
      .join(", ");
    process.stderr.write(
      `  engine pipeline: best ${figures.bestSeconds.toFixed(2)} s (first run ${figures.coldSeconds.toFixed(2)} s): ` +
        `${stages}; whole analysis ${figures.fullAnalysisSeconds.toFixed(2)} s; ` +
        `peak RSS ${figures.peakRssMb.toFixed(0)} MB, peak heap ${figures.peakHeapMb.toFixed(0)} MB\n`,
    );
  }
  return figures;
}

export function engineBenchmarks(t: {
  underBudget(name: string, seconds: number, budgetSeconds: number): BenchResult;
}): Benchmark[] {
  return [
    {
      name: "engine: parse + clean + summary + RFM + tiers + KPIs, 1,000,000 lines / 100,000 customers",
      run() {
        const f = pipelineFigures();
        const result = t.underBudget(this.name, f.bestSeconds, TIME_BUDGET_SECONDS);
        return { ...result, figure: `${result.figure} (first run ${f.coldSeconds.toFixed(2)} s)` };
      },
    },
    {
      name: "engine: peak memory of that pipeline (generated table included)",
      run() {
        const f = pipelineFigures();
        return {
          name: this.name,
          figure: `${f.peakRssMb.toFixed(0)} MB RSS, ${f.peakHeapMb.toFixed(0)} MB heap`,
          budget: `< ${MEMORY_BUDGET_MB} MB`,
          met: f.peakRssMb < MEMORY_BUDGET_MB,
          seconds: f.bestSeconds,
        };
      },
    },
  ];
}
