/**
 * The engine behind each model a model row can name: how to fit it and what it predicts. This table is
 * the one place where the functions layer meets the model engine (src/engine/models): the
 * continuous-time models go through the engine's own dispatch (transaction-model.ts), BG/BB through its
 * module. A model the engine does not provide is absent, and functions asking for it say so.
 */
import { bgnbdProbabilityOfPurchases, fitBgnbd, type BgnbdParams } from "../../engine/models/bgnbd";
import {
  bgbbConditionalExpectedTransactions,
  bgbbExpectedTransactions,
  bgbbProbabilityAlive,
  fitBgbb,
  type BgbbParams,
} from "../../engine/models/bgbb";
import { fitMbgnbd } from "../../engine/models/mbgnbd";
import { fitParetoNbd } from "../../engine/models/paretonbd";
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  type TransactionModel as EngineModel,
} from "../../engine/models/transaction-model";
import type { FitOptions, FitResult } from "../../engine/models/types";
import type { ModelKind } from "./model-row";

/** Per-customer inputs of a fit: x, t_x and T (n opportunities for BG/BB), optionally weighted. */
export interface CustomerData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** Parameters by name, as a model row gives them (the engine's names: see model-row.ts). */
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
  /** The engine's continuous-time model of these parameters (what its CLV takes); absent for BG/BB. */
  engineModel?(p: Params): EngineModel;
}

/** A continuous-time model, predicting through the engine's dispatch. */
function continuous(kind: EngineModel["model"], fit: TransactionModel["fit"]): TransactionModel {
  const engineModel = (p: Params) => ({ model: kind, params: p }) as unknown as EngineModel;
  return {
    checks: "rfm",
    fit,
    engineModel,
    probabilityAlive: (p, x, tx, T) => probabilityAlive(engineModel(p), x, tx, T),
    expectedPurchases: (p, t) => expectedPurchases(engineModel(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) =>
      conditionalExpectedPurchases(engineModel(p), t, x, tx, T),
  };
}

const bb = (p: Params) => p as unknown as BgbbParams;

export const TRANSACTION_MODELS: Partial<Record<ModelKind, TransactionModel>> = {
  bgnbd: {
    ...continuous("bgnbd", fitBgnbd),
    probabilityOfPurchases: (p, t, n) => bgnbdProbabilityOfPurchases(p as unknown as BgnbdParams, t, n),
  },
  pnbd: continuous("pnbd", fitParetoNbd),
  mbgnbd: continuous("mbgnbd", fitMbgnbd),
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

/** The models the engine's CLV works with (continuous time). */
export function clvKinds(): ModelKind[] {
  return transactionKinds().filter((k) => TRANSACTION_MODELS[k]?.engineModel);
}
