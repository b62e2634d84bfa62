/**
 * Gamma-family special functions: log-gamma, digamma, trigamma and log-beta, accurate to about
 * 1e-15 (absolute for logs, relative for the others) over the positive reals. The likelihoods of the
 * buy-till-you-die models are sums of these, so they must neither overflow nor lose precision for
 * large arguments (x in the thousands, as in the hard cases of the test data).
 */

const { abs, log1p, max, min, tan, log: ln, sin } = Math;

const HALF_LOG_2PI = 0.9189385332046728;

/** Stirling series remainder lnΓ(x) - [(x - ½)ln x - x + ½ln 2π], for x ≥ 10 (error < 2e-17). */
export function lgammaCorrection(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / x) *
    (1 / 12 +
      x2 *
        (-1 / 360 + x2 * (1 / 1260 + x2 * (-1 / 1680 + x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 / 156))))))
  );
}

/** ln|Γ(x)|. Positive arguments below 10 are shifted up with the recurrence Γ(x+1) = xΓ(x). */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
    return ln(Math.PI / abs(sin(Math.PI * x))) - lgamma(1 - x);
  }
  if (x >= 10) return (x - 0.5) * ln(x) - x + HALF_LOG_2PI + lgammaCorrection(x);
  let product = 1;
  let y = x;
  while (y < 10) {
    product *= y;
    y += 1;
  }
  return (y - 0.5) * ln(y) - y + HALF_LOG_2PI + lgammaCorrection(y) - ln(product);
}

/** ψ(x) = d/dx lnΓ(x), for x > 0 (and by reflection for negative non-integers). */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    return digamma(1 - x) - Math.PI / tan(Math.PI * x);
  }
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const x2 = 1 / (x * x);
  const tail =
    x2 * (1 / 12 - x2 * (1 / 120 - x2 * (1 / 252 - x2 * (1 / 240 - x2 * (1 / 132 - x2 * (691 / 32760))))));
  return shift + ln(x) - 0.5 / x - tail;
}

/** ψ'(x), the derivative of the digamma function, for x > 0. */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const ix = 1 / x;
  const x2 = ix * ix;
  const series =
    ix + x2 / 2 + ix * x2 * (1 / 6 - x2 * (1 / 30 - x2 * (1 / 42 - x2 * (1 / 30 - x2 * (5 / 66)))));
  return shift + series;
}

/**
 * ln B(a, b) = lnΓ(a) + lnΓ(b) - lnΓ(a+b) for a, b > 0, written (as in R's lbeta) so that large
 * arguments do not cancel catastrophically.
 */
export function lbeta(a: number, b: number): number {
  const p = min(a, b);
  const q = max(a, b);
  if (!(p > 0)) return p === 0 ? Infinity : NaN;
  if (q === Infinity) return -Infinity;
  if (p >= 10) {
    const corr = lgammaCorrection(p) + lgammaCorrection(q) - lgammaCorrection(p + q);
    const ratio = p / (p + q);
    return -0.5 * ln(q) + HALF_LOG_2PI + corr + (p - 0.5) * ln(ratio) + q * log1p(-ratio);
  }
  if (q >= 10) {
    const corr = lgammaCorrection(q) - lgammaCorrection(p + q);
    return lgamma(p) + corr + p - p * ln(p + q) + (q - 0.5) * log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}
