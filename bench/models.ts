/**
 * Benchmarks of the buy-till-you-die engine (issue 5): fits on a simulated CDNOW-like cohort of 23,570
 * customers (the full CDNOW cohort's size, purchases recorded by day, weeks as the unit), a BG/NBD fit
 * on 1,000,000 customers, and P(alive), E[X(t)] and CLV for all of them; and (issue 18) the same on the
 * real shape: the CDNOW sample and cohorts resampled from it, with the three-model choice.
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
import { fitMbgnbd } from "../src/engine/models/mbgnbd";
import { compressRfm } from "../src/engine/models/data";
import { compareOnHoldout } from "../src/engine/models/select";
import { modelLabel, transactionModelSpec, TRANSACTION_MODEL_NAMES } from "../src/engine/models/registry";
import { transactionModelOf } from "../src/engine/models/transaction-model";
import type { Benchmark, BenchResult } from "./suite";
import { cdnowSample, HOLDOUT_WEEKS, resampledCdnowCohort, type SpendRfm } from "./cdnow-cohort";

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
    ...realShapeBenchmarks(t),
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

/**
 * Best wall-clock time of `fn` (what the budget judges) and the process CPU time of that same run: on a
 * shared, loaded machine the wall time includes waiting for a core, the CPU time does not.
 */
function timeWithCpu(fn: () => void, repeats: number): { wall: number; cpu: number } {
  let best = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    if (wall < best.wall) best = { wall, cpu: (c.user + c.system) / 1e6 };
  }
  return best;
}

function withCpu(t: Timing, name: string, time: { wall: number; cpu: number }, budget: number): BenchResult {
  const result = t.underBudget(name, time.wall, budget);
  return { ...result, figure: `${result.figure} (CPU ${(time.cpu * 1000).toFixed(1)} ms)` };
}

function realShapeFit(
  t: Timing,
  name: string,
  data: SpendRfm,
  fit: (d: SpendRfm) => FitResult,
  budget: number,
): BenchResult {
  let result: FitResult | undefined;
  const time = timeWithCpu(() => (result = fit(data)), 5);
  checkFit(result);
  const figures = withRows(withCpu(t, name, time, budget), result);
  return { ...figures, name: `${figures.name.slice(0, -1)}, ${result?.evaluations} evaluations)` };
}

function spendFit(d: SpendRfm): FitResult {
  const repeaters = Array.from(d.x.keys()).filter((i) => d.x[i] > 0);
  return fitGammaGamma({
    x: repeaters.map((i) => d.x[i]),
    monetary: repeaters.map((i) => d.monetary[i]),
  });
}

/**
 * The real shape (issue 18): the CDNOW sample and a cohort of 23,570 customers resampled from it
 * (bench/cdnow-cohort.ts), which has as many distinct (x, t_x, T) rows as the real full cohort (8,351
 * against 8,685) and its clumps, unlike the simulated cohorts above. Budgets: 10× (BG/NBD, MBG/NBD)
 * and 20× (Pareto/NBD) ahead of lifetimes on the full cohort.
 */
function realShapeBenchmarks(t: Timing): Benchmark[] {
  const budgets = { bgnbd: 0.04, mbgnbd: 0.06, pnbd: 0.2 } as const;
  const fits = { bgnbd: fitBgnbd, mbgnbd: fitMbgnbd, pnbd: fitParetoNbd } as const;
  const shapes = [
    ["CDNOW sample (2,357 customers)", () => cdnowSample()],
    ["CDNOW-resampled cohort of 23,570", () => resampledCdnowCohort(23_570, 18)],
  ] as const;
  const out: Benchmark[] = [];
  for (const [shape, data] of shapes) {
    for (const model of ["bgnbd", "mbgnbd", "pnbd"] as const) {
      out.push({
        name: `${modelLabel(model)} fit, ${shape}`,
        run() {
          return realShapeFit(t, this.name, data(), fits[model], budgets[model]);
        },
      });
    }
    out.push({
      name: `Gamma-Gamma fit, ${shape}`,
      run() {
        return realShapeFit(t, this.name, data(), spendFit, 0.02);
      },
    });
    out.push({
      name: `three-model choice on a 39-week holdout and refit, ${shape}`,
      run() {
        const calibration = data();
        const whole = shape.startsWith("CDNOW sample")
          ? cdnowSample("whole history")
          : resampledCdnowCohort(23_570, 18, "whole history");
        let evaluations = 0;
        const time = timeWithCpu(() => {
          const ranked = compareOnHoldout(TRANSACTION_MODEL_NAMES, {
            calibration,
            holdout: calibration.holdout,
            holdoutLength: HOLDOUT_WEEKS,
          });
          const refit = transactionModelSpec(ranked[0].model).fit(whole);
          checkFit(refit);
          evaluations = ranked.reduce((s, c) => s + (c.fit?.evaluations ?? 0), refit.evaluations);
        }, 3);
        const result = withCpu(t, this.name, time, 1);
        return { ...result, name: `${result.name} (${evaluations} likelihood evaluations)` };
      },
    });
  }
  for (const model of ["bgnbd", "mbgnbd", "pnbd"] as const) {
    out.push({
      name: `P(alive), E[X(52)] and 12-month CLV (${modelLabel(model)} + Gamma-Gamma), 1,000,000 CDNOW-resampled customers`,
      run() {
        const whole = resampledCdnowCohort(1_000_000, 19, "whole history");
        const cohort = resampledCdnowCohort(23_570, 18, "whole history");
        const transaction = fits[model](cohort);
        const spend = spendFit(cohort);
        checkFit(transaction);
        checkFit(spend);
        const [p, q, v] = spend.values;
        const options = { periods: 12, periodLength: 4.345, discountRate: 0.01 };
        let sink = 0;
        const time = timeWithCpu(() => {
          const predicted = predictCustomers(transactionModelOf(transaction), whole, 52, {
            spend: { p, q, v },
            monetary: whole.monetary,
            options,
          });
          sink += predicted.probabilityAlive[0] + predicted.expectedPurchases[0] + (predicted.clv?.[0] ?? 0);
        }, 2);
        if (!Number.isFinite(sink)) throw new Error("benchmark computed nothing");
        const rows = compressRfm(whole).n;
        const result = withCpu(t, this.name, time, 1);
        return { ...result, name: `${result.name} (${rows} distinct rows)` };
      },
    });
  }
  return out;
}
