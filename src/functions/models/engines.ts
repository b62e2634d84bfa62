/**
 * The engine behind each model a model row can name: how to fit it and what it predicts. This table is
 * the one place where the functions layer meets the model engine (src/engine/models); a model the
 * engine does not provide yet is simply absent, and functions asking for it say so.
 */
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
  bgnbdProbabilityOfPurchases,
  fitBgnbd,
  type BgnbdParams,
} from "../../engine/models/bgnbd";
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  type ParetoNbdParams,
} from "../../engine/models/paretonbd";
import {
  bgbbConditionalExpectedTransactions,
  bgbbExpectedTransactions,
  bgbbProbabilityAlive,
  fitBgbb,
  type BgbbParams,
} from "../../engine/models/bgbb";
import {
  fitMbgnbd,
  mbgnbdConditionalExpectedPurchases,
  mbgnbdExpectedPurchases,
  mbgnbdProbabilityAlive,
} from "../../engine/models/mbgnbd";
import type { FitOptions, FitResult } from "../../engine/models/types";
import type { ModelKind } from "./model-row";

/** Per-customer inputs of a fit: x, t_x and T (n opportunities for BG/BB), optionally weighted. */
export interface CustomerData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** Parameters by name, as a model row gives them. */
export type Params = Record<string, number>;

/**
 * A model of purchase counts: over continuous time (BG/NBD, Pareto/NBD, MBG/NBD; t, t_x and T in one
 * unit) or over discrete opportunities (BG/BB; t_x and T = n count opportunities, t counts the next ones).
 */
export interface TransactionModel {
  /**
   * How rows are checked: "rfm" with the engine's continuous-time rules before any call (each bad row
   * named), "engine" by the engine itself as it predicts (it throws a RangeError naming the field).
   */
  checks: "rfm" | "engine";
  fit(data: CustomerData, options: FitOptions): FitResult;
  probabilityAlive(p: Params, x: number, tx: number, T: number): number;
  expectedPurchases(p: Params, t: number): number;
  conditionalExpectedPurchases(p: Params, t: number, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer, where the engine provides it. */
  probabilityOfPurchases?(p: Params, t: number, n: number): number;
}

// The parameter names of a model row are the engine's own (see model-row.ts), so a row's params are
// the engine's parameter object.
const bg = (p: Params) => p as unknown as BgnbdParams;
const pareto = (p: Params) => p as unknown as ParetoNbdParams;
const bb = (p: Params) => p as unknown as BgbbParams;

export const TRANSACTION_MODELS: Partial<Record<ModelKind, TransactionModel>> = {
  bgnbd: {
    checks: "rfm",
    fit: fitBgnbd,
    probabilityAlive: (p, x, tx, T) => bgnbdProbabilityAlive(bg(p), x, tx, T),
    expectedPurchases: (p, t) => bgnbdExpectedPurchases(bg(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) => bgnbdConditionalExpectedPurchases(bg(p), t, x, tx, T),
    probabilityOfPurchases: (p, t, n) => bgnbdProbabilityOfPurchases(bg(p), t, n),
  },
  pnbd: {
    checks: "rfm",
    fit: fitParetoNbd,
    probabilityAlive: (p, x, tx, T) => paretoNbdProbabilityAlive(pareto(p), x, tx, T),
    expectedPurchases: (p, t) => paretoNbdExpectedPurchases(pareto(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) =>
      paretoNbdConditionalExpectedPurchases(pareto(p), t, x, tx, T),
  },
  mbgnbd: {
    checks: "rfm",
    fit: fitMbgnbd,
    probabilityAlive: (p, x, tx, T) => mbgnbdProbabilityAlive(bg(p), x, tx, T),
    expectedPurchases: (p, t) => mbgnbdExpectedPurchases(bg(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) => mbgnbdConditionalExpectedPurchases(bg(p), t, x, tx, T),
  },
  bgbb: {
    checks: "engine",
    fit: (d, options) => fitBgbb({ x: d.x, tx: d.tx, n: d.T, weights: d.weights }, options),
    probabilityAlive: (p, x, tx, n) => bgbbProbabilityAlive(bb(p), x, tx, n),
    expectedPurchases: (p, k) => bgbbExpectedTransactions(bb(p), k),
    conditionalExpectedPurchases: (p, k, x, tx, n) => bgbbConditionalExpectedTransactions(bb(p), k, x, tx, n),
  },
};

/** The transaction models the engine provides, in the order messages list them. */
export function transactionKinds(): ModelKind[] {
  return (Object.keys(TRANSACTION_MODELS) as ModelKind[]).filter((k) => TRANSACTION_MODELS[k]);
}
