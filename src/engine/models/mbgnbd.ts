/**
 * MBG/NBD model (Batislam, Denizel & Filiztekin 2007; Hoppe & Wagner 2007): the BG/NBD with drop-out
 * possible also right after the first purchase, so a customer without repeat purchases need not be
 * alive. Same parameters r, α, a, b and the same likelihood machinery (betageo-likelihood.ts).
 */
import { inverseLogit1p } from "../math/logspace";
import { betaGeoLogLikelihoods, fitBetaGeo } from "./betageo-likelihood";
import { expectedCount, oneMinusHOverB, oneMinusHOverBAt } from "./betageo-expectation";
import type { BgnbdParams } from "./bgnbd";
import type { Params, TransactionModelSpec } from "./model-spec";
import { simulateMbgnbd } from "./simulate";
import type { FitOptions, FitResult, RfmData } from "./types";

const { log1p, log: ln } = Math;

/** MBG/NBD has the BG/NBD's parameters: r, alpha, a, b. */
export type MbgnbdParams = BgnbdParams;

/** Maximum-likelihood fit of the MBG/NBD model. */
export function fitMbgnbd(data: RfmData, options: FitOptions = {}): FitResult {
  return fitBetaGeo("mbgnbd", data, options);
}

/** Per-customer log-likelihood (same order as the input rows). */
export function mbgnbdLogLikelihoods(p: MbgnbdParams, data: RfmData): Float64Array {
  return betaGeoLogLikelihoods("mbgnbd", p, data);
}

/** P(alive at T | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)). */
export function mbgnbdProbabilityAlive(p: MbgnbdParams, x: number, tx: number, T: number): number {
  const logOddsDead = ln(p.a / (p.b + x)) + (p.r + x) * log1p((T - tx) / (p.alpha + tx));
  return inverseLogit1p(logOddsDead);
}

/** Unconditional E[X(t)] = b/(a-1) · [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]. */
export function mbgnbdExpectedPurchases(p: MbgnbdParams, t: number): number {
  if (t <= 0) return 0;
  return expectedCount(p.b * oneMinusHOverB(p.r, p.b + 1, p.a + p.b, p.alpha, t));
}

/**
 * E[X(T, T+t_k) | alive at T, x, T] = (a+b+x)/(a-1) · [1 - ((α+T)/(α+T+t_k))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)]
 * for every horizon t_k (0 for t_k ≤ 0), into `out`: the conditional expectation without its factor
 * P(alive), which alone depends on t_x.
 */
function mbgnbdAliveExpectations(
  p: MbgnbdParams,
  horizons: ArrayLike<number>,
  x: number,
  T: number,
  out: Float64Array,
): void {
  const c = p.a + p.b + x;
  oneMinusHOverBAt(p.r + x, p.b + x + 1, c, p.alpha + T, horizons, out);
  for (let k = 0; k < horizons.length; k++) out[k] = expectedCount(c * out[k]);
}

const oneHorizon = new Float64Array(1);
const oneValue = new Float64Array(1);

/** E[X(T, T+t) | x, t_x, T]: the alive expectation times P(alive). */
export function mbgnbdConditionalExpectedPurchases(
  p: MbgnbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  oneHorizon[0] = t;
  mbgnbdAliveExpectations(p, oneHorizon, x, T, oneValue);
  return oneValue[0] * mbgnbdProbabilityAlive(p, x, tx, T);
}

const mbg = (p: Params) => p as MbgnbdParams;

export const MBGNBD: TransactionModelSpec<"mbgnbd"> = {
  name: "mbgnbd",
  label: "MBG/NBD",
  aliases: ["MBGNBD"],
  description: {
    en: "MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD in which a customer may also drop out right after the first purchase.",
    "zh-CN": "MBG/NBD（Batislam、Denizel 与 Filiztekin 2007）：BG/NBD 的变体，客户在首次购买后即可能流失。",
  },
  params: ["r", "alpha", "a", "b"],
  fitFunction: "MBGNBD",
  family: "transaction",
  oneTimeBuyersAlive: false,
  fit: fitMbgnbd,
  logLikelihoods: (p, data) => mbgnbdLogLikelihoods(mbg(p), data),
  probabilityAlive: (p, x, tx, T) => mbgnbdProbabilityAlive(mbg(p), x, tx, T),
  expectedPurchases: (p, t) => mbgnbdExpectedPurchases(mbg(p), t),
  aliveExpectations: (p, horizons, x, T, out) => mbgnbdAliveExpectations(mbg(p), horizons, x, T, out),
  simulate: (p, T, options) => simulateMbgnbd(mbg(p), T, options),
};
