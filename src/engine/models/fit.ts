/**
 * Maximum-likelihood fitting shared by every model: BFGS on log-parameters (so every parameter stays
 * positive), lifetimes' objective -LL/N + penalizer·Σθ², several starting points when the first does
 * not converge, and standard errors from the Hessian.
 */
import { hessianFromGradient, invertSpd, symmetricEigenvalues } from "../math/hessian";
import { minimizeBfgs, type MinimizeResult } from "../math/optimize";
import { fitStopText, type FitStop } from "../text/fit-stop";
import type { FitOptions, FitResult, ModelName } from "./types";
import { InputRuleError } from "../text/model-inputs";

const { abs, exp, log: ln, max, sqrt } = Math;

/** A model's weighted log-likelihood over its (compressed) data. */
export interface Likelihood {
  names: readonly string[];
  /** Sum of weights. */
  customers: number;
  distinctRows: number;
  /**
   * What each parameter is multiplied by before it is penalised (1 when absent). lifetimes fits BG/NBD,
   * MBG/NBD and Pareto/NBD with time rescaled so that the largest T is 1, and penalises the parameters of
   * that fit: the time-scale parameters (α, β) enter its penalty divided by max T. Matching this makes
   * our penalizer lifetimes' penalizer_coef.
   */
  penaltyScales?: ArrayLike<number>;
  /** Total weighted log-likelihood at natural parameters; writes ∂LL/∂param_i into `gradient`. */
  logLikelihood(params: Float64Array, gradient: Float64Array): number;
}

/**
 * Gradient (of -LL/N in log-parameters) below which a fit whose objective can no longer be lowered in
 * double precision counts as converged: parameters are then off by about 1e-6 of their standard error.
 */
const PRECISION_GRADIENT_TOLERANCE = 1e-6;

/** A standard error above this multiple of the estimate means the data do not identify the parameter. */
const MAX_RELATIVE_STANDARD_ERROR = 1000;

/** |log θ| beyond this means θ ran off to 0 or infinity (e^40 ≈ 2e17). */
const LOG_PARAMETER_BOUND = 40;

/** The objective -LL/N + c·Σ(s_i θ_i)² in log-parameter space and its gradient. */
function objective(lik: Likelihood, penalizer: number) {
  const n = lik.names.length;
  const params = new Float64Array(n);
  const grad = new Float64Array(n);
  const N = lik.customers;
  const scale2 = Float64Array.from({ length: n }, (_, i) => (lik.penaltyScales?.[i] ?? 1) ** 2);
  return (theta: Float64Array, out: Float64Array): number => {
    for (let i = 0; i < n; i++) params[i] = exp(theta[i]);
    const ll = lik.logLikelihood(params, grad);
    if (!Number.isFinite(ll)) return Infinity;
    let penalty = 0;
    for (let i = 0; i < n; i++) {
      penalty += scale2[i] * params[i] * params[i];
      out[i] = (-grad[i] / N + 2 * penalizer * scale2[i] * params[i]) * params[i];
    }
    return -ll / N + penalizer * penalty;
  };
}

/** How the optimiser ended, as a code and the figures its text names. */
function stopOf(res: MinimizeResult, names: readonly string[], gtol: number): FitStop {
  const gradient = max(...Array.from(res.gradient, abs));
  const iterations = res.iterations;
  switch (res.reason) {
    case "gradient":
      return { code: "gradient", gradient, tolerance: gtol, iterations };
    case "precision":
      return { code: "precision", gradient, iterations };
    case "max-iterations":
      return { code: "maxIterations", gradient, iterations };
    case "line-search":
      return { code: "lineSearch", gradient };
    case "diverged": {
      const i = res.divergedIndex ?? 0;
      return { code: "diverged", parameter: names[i], towardsZero: res.x[i] < 0 };
    }
    case "not-finite":
      return { code: "notFinite" };
  }
}

/**
 * Standard errors of the natural parameters, θ_i · sqrt([H⁻¹]_ii) with H the Hessian of -LL in log space,
 * and the condition number of H (largest / smallest eigenvalue; Infinity when H is not positive definite).
 */
function curvature(
  lik: Likelihood,
  penalizer: number,
  theta: Float64Array,
): { se: number[] | null; condition: number } {
  const f = objective(lik, penalizer);
  const N = lik.customers;
  const total = (t: Float64Array, g: Float64Array) => {
    const v = f(t, g);
    for (let i = 0; i < g.length; i++) g[i] *= N;
    return v * N;
  };
  const n = theta.length;
  const H = hessianFromGradient(total, theta, 1e-4);
  const eigen = symmetricEigenvalues(H, n);
  const condition = eigen[0] > 0 ? eigen[n - 1] / eigen[0] : Infinity;
  const cov = invertSpd(H, n);
  if (!cov) return { se: null, condition };
  const se: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = exp(theta[i]) * sqrt(cov[i * n + i]);
    if (!Number.isFinite(v)) return { se: null, condition };
    se.push(v);
  }
  return { se, condition };
}

/**
 * Fits by maximum likelihood from each start in turn until one converges (all are tried only when
 * needed) and returns the best converged fit, or the best attempt with the reason it failed.
 */
export function fitMaximumLikelihood(
  model: ModelName,
  lik: Likelihood,
  starts: readonly (readonly number[])[],
  options: FitOptions = {},
): FitResult {
  if (!(lik.customers > 0)) throw new InputRuleError({ rule: "noCustomers" });
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0)) throw new InputRuleError({ rule: "penalizer", value: penalizer });
  const gtol = options.gradientTolerance ?? 1e-9;
  const f = objective(lik, penalizer);
  const candidates = options.start ? [options.start] : starts;
  let best: MinimizeResult | null = null;
  let iterations = 0;
  let evaluations = 0;
  for (const start of candidates) {
    const theta0 = start.map((v) => ln(v));
    const res = minimizeBfgs(f, theta0, {
      gradientTolerance: gtol,
      maxIterations: options.maxIterations ?? 1000,
      variableBound: LOG_PARAMETER_BOUND,
      precisionGradientTolerance: PRECISION_GRADIENT_TOLERANCE,
    });
    iterations += res.iterations;
    evaluations += res.evaluations;
    const better =
      !best ||
      (res.converged && !best.converged) ||
      (res.converged === best.converged && res.value < best.value);
    if (better) best = res;
    if (res.converged) break;
  }
  const res = best as MinimizeResult;
  const values = Array.from(res.x, (t) => exp(t));
  const grad = new Float64Array(values.length);
  const ll = lik.logLikelihood(Float64Array.from(values), grad);
  const { se, condition } = res.converged
    ? curvature(lik, penalizer, res.x)
    : { se: null, condition: Infinity };
  // A small gradient on a likelihood that only levels off towards a boundary is not a maximum: the
  // Hessian is singular there, or some parameter is unknown to within a factor of a thousand.
  const unidentified = res.converged
    ? lik.names.filter((_, i) => !se || !(se[i] < MAX_RELATIVE_STANDARD_ERROR * values[i]))
    : [];
  const converged = res.converged && unidentified.length === 0;
  const stop: FitStop =
    res.converged && !converged
      ? { code: "notIdentified", parameters: unidentified }
      : stopOf(res, lik.names, gtol);
  return {
    model,
    names: lik.names,
    values,
    standardErrors: converged ? se : null,
    hessianCondition: condition,
    logLikelihood: ll,
    customers: lik.customers,
    distinctRows: lik.distinctRows,
    converged,
    iterations,
    evaluations,
    stop,
    reason: fitStopText(stop, "en"),
    penalizer,
  };
}
