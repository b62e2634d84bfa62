/**
 * The Benefit cost sheet's baseline and reconciliation on 1,000,000 order lines of 100,000 customers:
 * the tier rules evaluated at the 12 month ends of the trailing year, and again a year earlier for the
 * backtest, plus the seasonal index. Budget: 5 s (the rest of `loyalty report` takes about 17 s).
 */
import { analyzeOrders } from "../src/engine/analyze";
import { projectionBaseline } from "../src/engine/projection/baseline";
import { reconcile } from "../src/engine/projection/reconciliation";
import { generateOrders } from "../src/engine/sample/generate-orders";
import type { Benchmark, BenchResult } from "./suite";

const BUDGET_SECONDS = 5;

export function benefitCostBenchmarks(t: {
  timeBest(fn: () => void, repeats?: number): number;
  underBudget(name: string, seconds: number, budgetSeconds: number): BenchResult;
}): Benchmark[] {
  return [
    {
      name: "benefit cost: trailing-year baseline + backtest, 1,000,000 lines / 100,000 customers",
      run() {
        const analysis = analyzeOrders(generateOrders({ customers: 100_000, seed: 3 }));
        let backtested = false;
        const seconds = t.timeBest(() => {
          const baseline = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: 1 });
          backtested = "asOf" in reconcile(analysis.days, analysis.tiers.program, baseline).backtest;
        }, 2);
        if (!backtested) throw new Error("the benchmark's data made no backtest");
        return t.underBudget(this.name, seconds, BUDGET_SECONDS);
      },
    },
  ];
}
