/**
 * Seeded simulators of every model: customers drawn from the model's own story, for parameter-recovery
 * tests and benchmarks. Same seed, same customers.
 */
import { Random } from "../math/random";
import type { BgbbParams } from "./bgbb";
import type { BgnbdParams } from "./bgnbd";
import type { GammaGammaParams } from "./gammagamma";
import type { ParetoNbdParams } from "./paretonbd";
import type { SimulatedRfm, SimulationOptions } from "./model-spec";

export type { SimulatedRfm, SimulationOptions } from "./model-spec";

const { floor, min } = Math;

/** Records purchase times of one customer into x and t_x, merging purchases within one resolution step. */
class PurchaseRecorder {
  x = 0;
  tx = 0;
  private lastStep = 0;
  constructor(private readonly resolution: number) {}
  reset(): void {
    this.x = 0;
    this.tx = 0;
    this.lastStep = 0;
  }
  add(t: number): void {
    if (this.resolution > 0) {
      const step = floor(t / this.resolution);
      if (step === this.lastStep) return;
      this.lastStep = step;
      this.tx = step * this.resolution;
    } else {
      this.tx = t;
    }
    this.x++;
  }
}

/**
 * Customers observed for T[i] time units each: `purchases` draws one customer's story and records its
 * purchase times (the loop, the output and the recording are the same for every continuous-time model).
 */
function simulateCustomers(
  T: ArrayLike<number>,
  options: SimulationOptions,
  purchases: (rng: Random, T: number, rec: PurchaseRecorder) => void,
): SimulatedRfm {
  const rng = new Random(options.seed);
  const n = T.length;
  const out: SimulatedRfm = { x: new Float64Array(n), tx: new Float64Array(n), T: Float64Array.from(T) };
  const rec = new PurchaseRecorder(options.resolution ?? 0);
  for (let i = 0; i < n; i++) {
    rec.reset();
    purchases(rng, T[i], rec);
    out.x[i] = rec.x;
    out.tx[i] = rec.tx;
  }
  return out;
}

/**
 * Purchase process shared by the BG/NBD family: Poisson(λ) purchases until drop-out, which happens with
 * probability p after each repeat purchase (and, for MBG/NBD, also at time 0).
 */
function simulateBetaGeo(
  p: BgnbdParams,
  T: ArrayLike<number>,
  options: SimulationOptions,
  dropAtStart: boolean,
): SimulatedRfm {
  return simulateCustomers(T, options, (rng, end, rec) => {
    const lambda = rng.gamma(p.r, p.alpha);
    const drop = rng.beta(p.a, p.b);
    if (dropAtStart && rng.uniform() < drop) return;
    for (let t = rng.exponential(lambda); t <= end; t += rng.exponential(lambda)) {
      rec.add(t);
      if (rng.uniform() < drop) return;
    }
  });
}

/** BG/NBD customers observed for T[i] time units each. */
export function simulateBgnbd(
  p: BgnbdParams,
  T: ArrayLike<number>,
  options: SimulationOptions,
): SimulatedRfm {
  return simulateBetaGeo(p, T, options, false);
}

/** MBG/NBD customers (drop-out possible right after the first purchase). */
export function simulateMbgnbd(
  p: BgnbdParams,
  T: ArrayLike<number>,
  options: SimulationOptions,
): SimulatedRfm {
  return simulateBetaGeo(p, T, options, true);
}

/** Pareto/NBD customers: Poisson(λ) purchases during an Exponential(μ) lifetime. */
export function simulateParetoNbd(
  p: ParetoNbdParams,
  T: ArrayLike<number>,
  options: SimulationOptions,
): SimulatedRfm {
  return simulateCustomers(T, options, (rng, T, rec) => {
    const lambda = rng.gamma(p.r, p.alpha);
    const mu = rng.gamma(p.s, p.beta);
    const end = min(T, rng.exponential(mu));
    for (let t = rng.exponential(lambda); t <= end; t += rng.exponential(lambda)) rec.add(t);
  });
}

/**
 * Gamma-Gamma mean spend of each customer's x repeat purchases: ν ~ Gamma(q, γ), and the mean of x
 * Gamma(p, ν) values is Gamma(px, xν). Customers with x = 0 get 0.
 */
export function simulateGammaGamma(
  g: GammaGammaParams,
  x: ArrayLike<number>,
  options: { seed: number },
): Float64Array {
  const rng = new Random(options.seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const nu = rng.gamma(g.q, g.v);
    out[i] = x[i] > 0 ? rng.gamma(g.p * x[i], x[i] * nu) : 0;
  }
  return out;
}

/** BG/BB customers over n[i] opportunities: drop-out chance θ before each, transaction chance p at each. */
export function simulateBgbb(b: BgbbParams, n: ArrayLike<number>, options: { seed: number }) {
  const rng = new Random(options.seed);
  const count = n.length;
  const x = new Float64Array(count);
  const tx = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const p = rng.beta(b.alpha, b.beta);
    const theta = rng.beta(b.gamma, b.delta);
    for (let k = 1; k <= n[i]; k++) {
      if (rng.uniform() < theta) break;
      if (rng.uniform() < p) {
        x[i]++;
        tx[i] = k;
      }
    }
  }
  return { x, tx, n: Float64Array.from(n) };
}

/**
 * Observation lengths of a CDNOW-like cohort in weeks: first purchases spread over the first 12 weeks
 * (84 days) of a 39-week calibration period, so T takes 84 whole-day values from 27 to 38.86 weeks.
 */
export function cohortObservationWeeks(customers: number, seed: number): Float64Array {
  const rng = new Random(seed);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) T[i] = (272 - floor(rng.uniform() * 84)) / 7;
  return T;
}
