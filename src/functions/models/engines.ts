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
import type { FitOptions, FitResult, RfmData } from "../../engine/models/types";
import type { ModelKind } from "./model-row";

/** Parameters by name, as a model row gives them. */
export type Params = Record<string, number>;

/** A model of purchase counts over time (BG/NBD, Pareto/NBD, MBG/NBD), with t, t_x and T in one unit. */
export interface TransactionModel {
  fit(data: RfmData, options: FitOptions): FitResult;
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

export const TRANSACTION_MODELS: Partial<Record<ModelKind, TransactionModel>> = {
  bgnbd: {
    fit: fitBgnbd,
    probabilityAlive: (p, x, tx, T) => bgnbdProbabilityAlive(bg(p), x, tx, T),
    expectedPurchases: (p, t) => bgnbdExpectedPurchases(bg(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) => bgnbdConditionalExpectedPurchases(bg(p), t, x, tx, T),
    probabilityOfPurchases: (p, t, n) => bgnbdProbabilityOfPurchases(bg(p), t, n),
  },
  pnbd: {
    fit: fitParetoNbd,
    probabilityAlive: (p, x, tx, T) => paretoNbdProbabilityAlive(pareto(p), x, tx, T),
    expectedPurchases: (p, t) => paretoNbdExpectedPurchases(pareto(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) =>
      paretoNbdConditionalExpectedPurchases(pareto(p), t, x, tx, T),
  },
};

/** The transaction models the engine provides, in the order messages list them. */
export function transactionKinds(): ModelKind[] {
  return (Object.keys(TRANSACTION_MODELS) as ModelKind[]).filter((k) => TRANSACTION_MODELS[k]);
}
