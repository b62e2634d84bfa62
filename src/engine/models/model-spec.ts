/**
 * The one interface every model implements (registry.ts lists them): its names in both languages, its
 * parameters, how to fit it, its per-customer log-likelihood, its predictions and its simulator. The
 * CLI, the custom functions, the report and the task pane read models only through this interface, so
 * adding a model is one file (its math and its spec) and one line in the registry.
 */
import type { Language } from "../text/language";
import type { FitOptions, FitResult, RfmData } from "./types";

/** Parameters by name, in the model's own names (r, alpha, a, b; r, alpha, s, beta; ...). */
export type Params = Readonly<Record<string, number>>;

/** Words in both languages of the product (English, Simplified Chinese). */
type Bilingual = Readonly<Record<Language, string>>;

interface ModelSpecBase<N extends string> {
  /** The key used in settings, on the command line and in JSON (`bgnbd`, `pnbd`, ...). */
  name: N;
  /** The name as the literature writes it, the first cell of a model row: "BG/NBD". */
  label: string;
  /** Other spellings accepted for the label (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  /** The source and its story in one sentence, in both languages. */
  description: Bilingual;
  /** Parameter names in the published order. */
  params: readonly string[];
  /** The custom function that fits it (LOYALTY.<fitFunction>). */
  fitFunction: string;
}

/** Simulated customers of a continuous-time model. */
export interface SimulatedRfm {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

export interface SimulationOptions {
  seed: number;
  /**
   * Record purchases at this resolution (e.g. 1/7 for days when time is in weeks): times are rounded
   * down to a multiple of it and purchases in the same step merge, as real transaction logs do. Default:
   * continuous time, exactly the model.
   */
  resolution?: number;
}

/**
 * A model of repeat purchases over continuous time (BG/NBD, MBG/NBD, Pareto/NBD): x repeat purchases,
 * the last at t_x, observed up to T, all in one time unit.
 */
export interface TransactionModelSpec<N extends string = string> extends ModelSpecBase<N> {
  family: "transaction";
  /** Whether a customer without repeat purchases is certainly alive under the model (BG/NBD: yes). */
  oneTimeBuyersAlive: boolean;
  fit(data: RfmData, options?: FitOptions): FitResult;
  logLikelihoods(p: Params, data: RfmData): Float64Array;
  /** P(alive at T | x, t_x, T). */
  probabilityAlive(p: Params, x: number, tx: number, T: number): number;
  /** Unconditional E[X(t)] of a customer who made the first purchase at time 0. */
  expectedPurchases(p: Params, t: number): number;
  /**
   * E[X(T, T+t_k) | alive at T, x, T] for every horizon t_k (0 for t_k ≤ 0), into `out`: the
   * conditional expectation without its factor P(alive), the only factor that depends on t_x.
   */
  aliveExpectations(p: Params, horizons: ArrayLike<number>, x: number, T: number, out: Float64Array): void;
  /** P(X(t) = n) for a new customer, where the model has it in closed form. */
  probabilityOfPurchases?(p: Params, t: number, n: number): number;
  simulate(p: Params, T: ArrayLike<number>, options: SimulationOptions): SimulatedRfm;
}

/** x transactions in n discrete opportunities, the last at opportunity t_x; weights count identical customers. */
export interface OpportunityData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  n: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** A model of transactions at discrete opportunities (BG/BB). */
export interface OpportunityModelSpec<N extends string = string> extends ModelSpecBase<N> {
  family: "opportunity";
  fit(data: OpportunityData, options?: FitOptions): FitResult;
  logLikelihood(p: Params, x: number, tx: number, n: number): number;
  /** P(alive at opportunity n + 1 | x, t_x, n). */
  probabilityAlive(p: Params, x: number, tx: number, n: number): number;
  /** E[X(n)]: expected transactions in the first n opportunities. */
  expectedPurchases(p: Params, n: number): number;
  /** E[X(n, n + k) | x, t_x, n]. */
  conditionalExpectedPurchases(p: Params, k: number, x: number, tx: number, n: number): number;
  simulate(
    p: Params,
    n: ArrayLike<number>,
    options: { seed: number },
  ): { x: Float64Array; tx: Float64Array; n: Float64Array };
}

/** Repeat purchases and their mean value, what a spend model is fitted on. */
export interface SpendData {
  /** Repeat purchases x. */
  x: ArrayLike<number>;
  /** Mean value of the repeat purchases m̄. */
  monetary: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/** A model of the value per purchase (Gamma-Gamma). */
export interface SpendModelSpec<N extends string = string> extends ModelSpecBase<N> {
  family: "spend";
  fit(data: SpendData, options?: FitOptions): FitResult;
  logLikelihood(p: Params, x: number, m: number): number;
  /** E[M | x, m̄]; throws a RangeError where it is infinite (see meanExists). */
  expectedValue(p: Params, x: number, m: number): number;
  meanExists(p: Params, x: number): boolean;
  simulate(p: Params, x: ArrayLike<number>, options: { seed: number }): Float64Array;
}

export type ModelSpec<N extends string = string> =
  TransactionModelSpec<N> | OpportunityModelSpec<N> | SpendModelSpec<N>;

/** Parameters by name from values in the published order. */
export function namedParams(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, i) => (out[name] = values[i]));
  return out;
}
