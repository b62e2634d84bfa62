/**
 * Benchmarks of the buy-till-you-die engine (issue 5): fits on a simulated CDNOW-like cohort of 23,570
 * customers (the full CDNOW cohort's size, purchases recorded by day, weeks as the unit), a BG/NBD fit
 * on 1,000,000 customers, and P(alive), E[X(t)] and CLV for all of them.
 */
import { fitBgnbd } from "../src/engine/models/bgnbd";
import { predictCustomers } from "../src/engine/models/clv";
import { fitGammaGamma } from "../src/engine/models/gammagamma";
import { fitParetoNbd } from "../src/engine/models/paretonbd";
import {
  cohortObservationWeeks,
  simulateBgnbd,
  simulateGammaGamma,
  simulateParetoNbd,
  type SimulatedRfm,
} from "../src/engine/models/simulate";
import type { FitResult } from "../src/engine/models/types";
import type { Benchmark, BenchResult } from "./suite";

interface Timing {
  timeBest(fn: () => void, repeats?: number): number;
  underBudget(name: string, seconds: number, budgetSeconds: number): BenchResult;
}

// The published CDNOW estimates: the simulated cohorts look like the real one.
const BGNBD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const PNBD = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };
const DAY = 1 / 7;

function cohort(customers: number, seed: number, model: "bgnbd" | "pnbd"): SimulatedRfm {
  const T = cohortObservationWeeks(customers, seed);
  return model === "bgnbd"
    ? simulateBgnbd(BGNBD, T, { seed: seed + 1, resolution: DAY })
    : simulateParetoNbd(PNBD, T, { seed: seed + 1, resolution: DAY });
}

/** Fails the benchmark rather than timing a fit that went wrong. */
function checkFit(fit: FitResult | undefined): void {
  if (!fit || !fit.converged) throw new Error(`benchmark fit did not converge: ${fit?.reason}`);
}

function withRows(result: BenchResult, fit: FitResult | undefined): BenchResult {
  return fit
    ? { ...result, name: `${result.name} (${fit.distinctRows} distinct rows, ${fit.iterations} iterations)` }
    : result;
}

export function modelBenchmarks(t: Timing): Benchmark[] {
  return [
    {
      name: "BG/NBD fit, CDNOW-like cohort of 23,570 customers",
      run() {
        const data = cohort(23_570, 1, "bgnbd");
        let fit: FitResult | undefined;
        const seconds = t.timeBest(() => (fit = fitBgnbd(data)), 5);
        checkFit(fit);
        return withRows(t.underBudget(this.name, seconds, 0.1), fit);
      },
    },
    {
      name: "Pareto/NBD fit, CDNOW-like cohort of 23,570 customers",
      run() {
        const data = cohort(23_570, 2, "pnbd");
        let fit: FitResult | undefined;
        const seconds = t.timeBest(() => (fit = fitParetoNbd(data)), 3);
        checkFit(fit);
        return withRows(t.underBudget(this.name, seconds, 0.5), fit);
      },
    },
    {
      name: "Gamma-Gamma fit, repeaters of a 23,570-customer cohort",
      run() {
        const data = cohort(23_570, 3, "bgnbd");
        const monetary = simulateGammaGamma(SPEND, data.x, { seed: 4 });
        let fit: FitResult | undefined;
        const seconds = t.timeBest(() => (fit = fitGammaGamma({ x: data.x, monetary })), 5);
        checkFit(fit);
        return withRows(t.underBudget(this.name, seconds, 0.05), fit);
      },
    },
    {
      name: "BG/NBD fit, 1,000,000 customers",
      run() {
        const data = cohort(1_000_000, 5, "bgnbd");
        let fit: FitResult | undefined;
        const seconds = t.timeBest(() => (fit = fitBgnbd(data)), 2);
        checkFit(fit);
        return withRows(t.underBudget(this.name, seconds, 3), fit);
      },
    },
    {
      name: "P(alive), E[X(39)] and 12-month CLV (BG/NBD + Gamma-Gamma), 1,000,000 customers",
      run() {
        const data = cohort(1_000_000, 6, "bgnbd");
        const monetary = simulateGammaGamma(SPEND, data.x, { seed: 7 });
        const options = { periods: 12, periodLength: 4.345, discountRate: 0.01, margin: 0.3 };
        let sink = 0;
        const seconds = t.timeBest(() => {
          const p = predictCustomers({ model: "bgnbd", params: BGNBD }, data, 39, {
            spend: SPEND,
            monetary,
            options,
          });
          sink += p.probabilityAlive[0] + p.expectedPurchases[0] + (p.clv?.[0] ?? 0);
        }, 2);
        if (!Number.isFinite(sink)) throw new Error("benchmark computed nothing");
        return t.underBudget(this.name, seconds, 1);
      },
    },
  ];
}
