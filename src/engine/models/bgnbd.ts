/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases follow a
 * Poisson process with rate λ ~ Gamma(r, α) while alive; after each repeat purchase a customer drops
 * out with probability p ~ Beta(a, b).
 */
import { lbeta, lgamma } from "../math/gamma";
import { logRegularizedIncompleteBeta } from "../math/incbeta";
import { inverseLogit1p } from "../math/logspace";
import { betaGeoLogLikelihoods, fitBetaGeo } from "./betageo-likelihood";
import { expectedCount, oneMinusHOverB, oneMinusHOverBAt } from "./betageo-expectation";
import type { Params, TransactionModelSpec } from "./model-spec";
import { simulateBgnbd } from "./simulate";
import type { FitOptions, FitResult, RfmData } from "./types";

const { exp, log1p, log: ln } = Math;

export type BgnbdParams = {
  r: number;
  alpha: number;
  a: number;
  b: number;
};

export function bgnbdParams(fit: FitResult): BgnbdParams {
  const [r, alpha, a, b] = fit.values;
  return { r, alpha, a, b };
}

/** Maximum-likelihood fit of the BG/NBD model. */
export function fitBgnbd(data: RfmData, options: FitOptions = {}): FitResult {
  return fitBetaGeo("bgnbd", data, options);
}

/** Per-customer log-likelihood (same order as the input rows). */
export function bgnbdLogLikelihoods(p: BgnbdParams, data: RfmData): Float64Array {
  return betaGeoLogLikelihoods("bgnbd", p, data);
}

/** ln of the odds that the customer has dropped out: ln[a/(b+x-1)] + (r+x) ln((α+T)/(α+t_x)). */
function logOddsDead(p: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return ln(p.a / (p.b + x - 1)) + (p.r + x) * log1p((T - tx) / (p.alpha + tx));
}

/** P(alive at T | x, t_x, T). Exactly 1 for x = 0; tends to 0 without overflow for extreme histories. */
export function bgnbdProbabilityAlive(p: BgnbdParams, x: number, tx: number, T: number): number {
  return inverseLogit1p(logOddsDead(p, x, tx, T));
}

/** Unconditional E[X(t)]: expected repeat purchases in (0, t] of a new customer. */
export function bgnbdExpectedPurchases(p: BgnbdParams, t: number): number {
  if (t <= 0) return 0;
  return expectedCount((p.a + p.b - 1) * oneMinusHOverB(p.r, p.b, p.a + p.b - 1, p.alpha, t));
}

/**
 * E[X(T, T+t_k) | alive at T, x, T] for every horizon t_k (0 for t_k ≤ 0), into `out`: the conditional
 * expectation without its factor P(alive), which alone depends on t_x.
 */
function bgnbdAliveExpectations(
  p: BgnbdParams,
  horizons: ArrayLike<number>,
  x: number,
  T: number,
  out: Float64Array,
): void {
  const c = p.a + p.b + x - 1;
  oneMinusHOverBAt(p.r + x, p.b + x, c, p.alpha + T, horizons, out);
  for (let k = 0; k < horizons.length; k++) out[k] = expectedCount(c * out[k]);
}

const oneHorizon = new Float64Array(1);
const oneValue = new Float64Array(1);

/** E[X(T, T+t) | x, t_x, T]: expected repeat purchases in the next t time units. */
export function bgnbdConditionalExpectedPurchases(
  p: BgnbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  oneHorizon[0] = t;
  bgnbdAliveExpectations(p, oneHorizon, x, T, oneValue);
  return oneValue[0] * bgnbdProbabilityAlive(p, x, tx, T);
}

/** P(X(t) = n) for a new customer (FHL 2005, equation 8). */
export function bgnbdProbabilityOfPurchases(p: BgnbdParams, t: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) return 0;
  if (t <= 0) return n === 0 ? 1 : 0;
  const logQ = ln(p.alpha / (p.alpha + t));
  const logP = ln(t / (p.alpha + t));
  const lbab = lbeta(p.a, p.b);
  const first = exp(
    lbeta(p.a, p.b + n) - lbab + lgamma(p.r + n) - lgamma(p.r) - lgamma(n + 1) + p.r * logQ + n * logP,
  );
  if (n === 0) return first;
  // 1 - Σ_{j<n} NBD(j) is the negative binomial tail P(N ≥ n) = I_p(n, r).
  const tail = logRegularizedIncompleteBeta(t / (p.alpha + t), n, p.r);
  return first + exp(lbeta(p.a + 1, p.b + n - 1) - lbab + tail);
}

const bg = (p: Params) => p as BgnbdParams;

export const BGNBD: TransactionModelSpec<"bgnbd"> = {
  name: "bgnbd",
  label: "BG/NBD",
  aliases: ["BGNBD"],
  description: {
    en: "BG/NBD (Fader, Hardie & Lee 2005): customers buy at their own steady rate while active and may drop out after each repeat purchase.",
    "zh-CN": "BG/NBD（Fader、Hardie 与 Lee 2005）：客户活跃时以各自稳定的频率购买，每次重复购买后可能流失。",
  },
  params: ["r", "alpha", "a", "b"],
  fitFunction: "BGNBD",
  family: "transaction",
  oneTimeBuyersAlive: true,
  fit: fitBgnbd,
  logLikelihoods: (p, data) => bgnbdLogLikelihoods(bg(p), data),
  probabilityAlive: (p, x, tx, T) => bgnbdProbabilityAlive(bg(p), x, tx, T),
  expectedPurchases: (p, t) => bgnbdExpectedPurchases(bg(p), t),
  aliveExpectations: (p, horizons, x, T, out) => bgnbdAliveExpectations(bg(p), horizons, x, T, out),
  probabilityOfPurchases: (p, t, n) => bgnbdProbabilityOfPurchases(bg(p), t, n),
  simulate: (p, T, options) => simulateBgnbd(bg(p), T, options),
};
