/**
 * One interface over the continuous-time transaction models (BG/NBD, MBG/NBD, Pareto/NBD), so CLV, the
 * holdout check and the tracking curve work with whichever the caller fitted.
 */
import {
  bgnbdAliveExpectations,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  type BgnbdParams,
} from "./bgnbd";
import { mbgnbdAliveExpectations, mbgnbdExpectedPurchases, mbgnbdProbabilityAlive } from "./mbgnbd";
import {
  paretoNbdAliveExpectation,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  type ParetoNbdParams,
} from "./paretonbd";

export type TransactionModel =
  | { model: "bgnbd"; params: BgnbdParams }
  | { model: "mbgnbd"; params: BgnbdParams }
  | { model: "pnbd"; params: ParetoNbdParams };

/** P(alive at T | x, t_x, T). */
export function probabilityAlive(m: TransactionModel, x: number, tx: number, T: number): number {
  switch (m.model) {
    case "bgnbd":
      return bgnbdProbabilityAlive(m.params, x, tx, T);
    case "mbgnbd":
      return mbgnbdProbabilityAlive(m.params, x, tx, T);
    case "pnbd":
      return paretoNbdProbabilityAlive(m.params, x, tx, T);
  }
}

/** Unconditional E[X(t)] of a customer who made the first purchase at time 0. */
export function expectedPurchases(m: TransactionModel, t: number): number {
  switch (m.model) {
    case "bgnbd":
      return bgnbdExpectedPurchases(m.params, t);
    case "mbgnbd":
      return mbgnbdExpectedPurchases(m.params, t);
    case "pnbd":
      return paretoNbdExpectedPurchases(m.params, t);
  }
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
  switch (m.model) {
    case "bgnbd":
      return bgnbdAliveExpectations(m.params, horizons, x, T, out);
    case "mbgnbd":
      return mbgnbdAliveExpectations(m.params, horizons, x, T, out);
    case "pnbd":
      for (let k = 0; k < horizons.length; k++) {
        out[k] = horizons[k] > 0 ? paretoNbdAliveExpectation(m.params, horizons[k], x, T) : 0;
      }
  }
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
