/**
 * The engine behind each model a model row can name: how to fit it and what it predicts, made from the
 * engine's model registry (src/engine/models/registry.ts), so a model added there is here too. The
 * continuous-time models predict through the engine's dispatch (transaction-model.ts); models over
 * discrete opportunities (BG/BB) through their own spec.
 */
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  type TransactionModel as EngineModel,
} from "../../engine/models/transaction-model";
import type { OpportunityModelSpec, TransactionModelSpec } from "../../engine/models/model-spec";
import { MODEL_NAMES, modelSpec, type ModelName } from "../../engine/models/registry";
import type { FitOptions, FitResult } from "../../engine/models/types";

/** Per-customer inputs of a fit: x, t_x and T (n opportunities for BG/BB), optionally weighted. */
export interface CustomerData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** Parameters by name, as a model row gives them (the engine's names). */
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
function continuous(spec: TransactionModelSpec, name: ModelName): TransactionModel {
  const engineModel = (p: Params): EngineModel => ({ model: name, params: p });
  return {
    checks: "rfm",
    fit: (data, options) => spec.fit(data, options),
    engineModel,
    probabilityAlive: (p, x, tx, T) => probabilityAlive(engineModel(p), x, tx, T),
    expectedPurchases: (p, t) => expectedPurchases(engineModel(p), t),
    conditionalExpectedPurchases: (p, t, x, tx, T) =>
      conditionalExpectedPurchases(engineModel(p), t, x, tx, T),
    probabilityOfPurchases: spec.probabilityOfPurchases,
  };
}

/** A model over discrete opportunities: T is the number of opportunities n. */
function discrete(spec: OpportunityModelSpec): TransactionModel {
  return {
    checks: "engine",
    fit: (d, options) => spec.fit({ x: d.x, tx: d.tx, n: d.T, weights: d.weights }, options),
    probabilityAlive: spec.probabilityAlive,
    expectedPurchases: spec.expectedPurchases,
    conditionalExpectedPurchases: spec.conditionalExpectedPurchases,
  };
}

export const TRANSACTION_MODELS: Partial<Record<ModelName, TransactionModel>> = {};
for (const name of MODEL_NAMES) {
  const spec = modelSpec(name);
  if (spec.family === "transaction") TRANSACTION_MODELS[name] = continuous(spec, name);
  else if (spec.family === "opportunity") TRANSACTION_MODELS[name] = discrete(spec);
}

/** The transaction models the engine provides, in the order messages list them. */
export function transactionKinds(): ModelName[] {
  return MODEL_NAMES.filter((k) => TRANSACTION_MODELS[k]);
}

/** The models the engine's CLV works with (continuous time). */
export function clvKinds(): ModelName[] {
  return transactionKinds().filter((k) => TRANSACTION_MODELS[k]?.engineModel);
}
