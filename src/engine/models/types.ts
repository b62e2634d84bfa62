/** Shapes shared by the buy-till-you-die models. Time is in one unit chosen by the caller (weeks by
 *  default in the product); every model's predictions are in that same unit. */

/**
 * Per-customer inputs of the transaction models: x repeat purchases, t_x the time of the last
 * purchase and T the time of the end of observation, both measured from the customer's first purchase.
 * `weights` counts identical customers (1 each when absent).
 */
export interface RfmData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

import type { FitStop } from "../text/fit-stop";
import type { ModelName } from "./registry";

export type { ModelName } from "./registry";

export interface FitOptions {
  /**
   * L2 penalty on the parameters, lifetimes' penalizer_coef: objective = -LL/N + c·Σθ², where for BG/NBD,
   * MBG/NBD and Pareto/NBD θ are the parameters with time rescaled so that the largest T is 1 (α and β
   * divided by max T), as lifetimes fits them; the estimates are given back in the data's time unit.
   */
  penalizer?: number;
  /** Converged when every gradient component of -LL/N (w.r.t. log-parameters) is below this. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Starting values (natural scale); otherwise a data-driven start and a fallback start are tried. */
  start?: readonly number[];
}

export interface FitResult {
  model: ModelName;
  /** Parameter names in the published order, e.g. r, alpha, a, b. */
  names: readonly string[];
  /** Estimates, in the order of `names`. */
  values: number[];
  /** Standard errors from the inverse Hessian of the (penalized) log-likelihood; null when it is singular. */
  standardErrors: number[] | null;
  /**
   * Condition number of the Hessian of -LL in log-parameters at the estimates (largest over smallest
   * eigenvalue); Infinity when it is not positive definite or the fit did not converge.
   */
  hessianCondition: number;
  /** Weighted log-likelihood at the estimates, without the penalty. */
  logLikelihood: number;
  /** Number of customers (sum of weights) used by the fit. */
  customers: number;
  /** Number of distinct input rows the likelihood was evaluated on. */
  distinctRows: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** Why the optimiser stopped, as a code and figures (said in either language by fitStopText). */
  stop: FitStop;
  /** The same in English words. */
  reason: string;
  penalizer: number;
}

/** Named view of a fit's estimates. */
export function paramsOf(fit: FitResult): Record<string, number> {
  const out: Record<string, number> = {};
  fit.names.forEach((name, i) => (out[name] = fit.values[i]));
  return out;
}
