/** Arithmetic on numbers kept as logarithms, so that likelihood terms like e^-9000 neither underflow nor
 *  overflow. Every function here is exact at the infinities (log 0 = -Infinity). */

const { exp, expm1, log1p, log: ln } = Math;

/** ln(1 - e^x) for x ≤ 0, accurate near 0 and for very negative x (Mächler's rule). */
export function log1mExp(x: number): number {
  if (x > 0) return NaN;
  return x > -Math.LN2 ? ln(-expm1(x)) : log1p(-exp(x));
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
