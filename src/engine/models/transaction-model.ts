/**
 * A fitted continuous-time purchase model (BG/NBD, MBG/NBD, Pareto/NBD: any transaction model of the
 * registry) as one value, so CLV, the holdout check and the tracking curve work with whichever the caller
 * fitted. Dispatch goes through the registry: no list of models here.
 */
import type { Params, TransactionModelSpec } from "./model-spec";
import { transactionSpecOf, type ModelName } from "./registry";
import type { FitResult } from "./types";
import { namedParams } from "./model-spec";

export interface TransactionModel {
  model: ModelName;
  params: Params;
}

function spec(m: TransactionModel): TransactionModelSpec {
  return transactionSpecOf(m.model);
}

/** The model of a fit of a transaction model (throws for Gamma-Gamma or BG/BB). */
export function transactionModelOf(fit: FitResult): TransactionModel {
  return {
    model: transactionSpecOf(fit.model).name as ModelName,
    params: namedParams(fit.names, fit.values),
  };
}

/** P(alive at T | x, t_x, T). */
export function probabilityAlive(m: TransactionModel, x: number, tx: number, T: number): number {
  return spec(m).probabilityAlive(m.params, x, tx, T);
}

/** Unconditional E[X(t)] of a customer who made the first purchase at time 0. */
export function expectedPurchases(m: TransactionModel, t: number): number {
  return spec(m).expectedPurchases(m.params, t);
}

/**
 * E[X(T, T+t_k) | alive at T, x, T] for every horizon t_k of `horizons` (0 for t_k ≤ 0), written into
 * `out`. The conditional expectation is this times P(alive), the only factor that depends on t_x, so
 * customers who share x and T share these (and the hypergeometric series of the BG/NBD and MBG/NBD run
 * for all horizons at once).
 */
export function aliveExpectationsAt(
  m: TransactionModel,
  horizons: ArrayLike<number>,
  x: number,
  T: number,
  out: Float64Array,
): void {
  spec(m).aliveExpectations(m.params, horizons, x, T, out);
}

/**
 * E[X(T, T+t_k) | x, t_x, T] for every horizon t_k of `horizons`, written into `out`: the alive
 * expectations times P(alive), which is computed once for all horizons.
 */
export function conditionalExpectedPurchasesAt(
  m: TransactionModel,
  horizons: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
): void {
  aliveExpectationsAt(m, horizons, x, T, out);
  const alive = probabilityAlive(m, x, tx, T);
  for (let k = 0; k < horizons.length; k++) out[k] *= alive;
}

/** E[X(T, T+t) | x, t_x, T]: expected purchases in the next t time units. */
export function conditionalExpectedPurchases(
  m: TransactionModel,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const out = new Float64Array(1);
  conditionalExpectedPurchasesAt(m, [t], x, tx, T, out);
  return out[0];
}
