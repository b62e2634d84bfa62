/** Arithmetic on numbers kept as logarithms, so that likelihood terms like e^-9000 neither underflow nor
 *  overflow. Every function here is exact at the infinities (log 0 = -Infinity). */

const { exp, expm1, log1p, log: ln } = Math;

/** ln(1 + e^x) without overflow for large x and without loss for very negative x. */
export function log1pExp(x: number): number {
  if (x > 36) return x + exp(-x);
  if (x < -36) return exp(x);
  return log1p(exp(x));
}

/** ln(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + log1pExp(b - a) : b + log1pExp(a - b);
}

/** ln(1 - e^x) for x ≤ 0, accurate near 0 and for very negative x (Mächler's rule). */
export function log1mExp(x: number): number {
  if (x > 0) return NaN;
  return x > -Math.LN2 ? ln(-expm1(x)) : log1p(-exp(x));
}

/** ln(e^a - e^b) for a ≥ b; -Infinity when they are equal. */
export function logDiffExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b > a) return NaN;
  if (a === b) return -Infinity;
  return a + log1mExp(b - a);
}

/** ln Σ e^(v_i) over the first `n` entries of `values`. */
export function logSumExp(values: ArrayLike<number>, n: number = values.length): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += exp(values[i] - max);
  return max + ln(sum);
}

/** 1 / (1 + e^x), the logistic function of -x, exact 0 and 1 in the tails and never NaN for finite x. */
export function inverseLogit1p(x: number): number {
  if (x >= 0) {
    const e = exp(-x);
    return e / (1 + e);
  }
  return 1 / (1 + exp(x));
}

/** (1 - e^(-εL)) / ε, with its limit L at ε = 0: discounting and drop-out terms near a removable pole. */
export function oneMinusExpOver(epsilon: number, L: number): number {
  if (epsilon === 0) return L;
  return -expm1(-epsilon * L) / epsilon;
}
