/**
 * The hypergeometric factor of the BG/NBD and MBG/NBD expected-purchase formulas:
 *   (1 - H) / B  with  H = (1-z)^A' · 2F1(A', B'; C; z),  B = C - B' (= a - 1 in both models).
 * Through Euler's transformation H = (1-z)^B · 2F1(C-A', B; C; z), so for B → 0 (a → 1, where the
 * published formula has 0/0) the quotient is evaluated without cancellation, and for customers with
 * many purchases (C - A' - B' ≪ 0, where 2F1 itself overflows) every term stays small.
 */
import { logHyp2f1 } from "../math/hyp2f1";

const { abs, exp, expm1, log1p } = Math;

/**
 * An expected number of purchases built on `oneMinusHOverB`. When 1 - H cancels almost completely (r near
 * 0 from a fit the data cannot identify, e.g. a single customer without repeat purchases) rounding can
 * leave a value like -1e-14 where the true expectation is positive and below that rounding level; a count
 * is never negative, so such a value is 0.
 */
export function expectedCount(value: number): number {
  return value > 0 ? value : 0;
}

/**
 * The coefficient ratios ((A+m)(B+m)) / ((C+m)(m+1)) of the Euler series for the current call, kept for
 * the next horizons (a fixed cache: a series longer than this computes its further ratios as it goes).
 */
const RATIO_CACHE = 4096;
const ratios = new Float64Array(RATIO_CACHE);

/**
 * (1 - (1-z)^a1 · 2F1(a1, b1; c; z)) / (c - b1) at z_k = t_k / (s + t_k) for every t_k of `horizons`,
 * written into out[k] (0 where t_k ≤ 0). With s = α + T this is the factor of the conditional
 * expectation at T over the next t_k; with s = α, of the unconditional one. ln(1 - z) is computed as
 * -log1p(t / s), without rounding.
 *
 * The coefficients of the Euler series do not depend on z, so the horizons share them: each ratio is
 * computed once per call (a CLV needs one horizon per discounting step). Each horizon takes exactly the
 * terms and operations it would take alone.
 */
export function oneMinusHOverBAt(
  a1: number,
  b1: number,
  c: number,
  s: number,
  horizons: ArrayLike<number>,
  out: Float64Array,
): void {
  const A = c - a1;
  const B = c - b1;
  const n = horizons.length;
  if (!(A > -5)) {
    // Strongly negative A: the Euler series would alternate; the direct series has positive terms.
    for (let k = 0; k < n; k++) {
      const t = horizons[k];
      const z = t <= 0 ? 0 : t / (s + t);
      out[k] = z === 0 ? 0 : directOneMinusHOverB(a1, b1, c, B, z, -log1p(t / s));
    }
    return;
  }
  // Euler form: 2F1(A, B; C; z) = 1 + B·G with G = Σ_{m≥1} (A)_m (B+1)_{m-1} / ((C)_m m!) z^m.
  let cached = 0;
  for (let k = 0; k < n; k++) {
    const t = horizons[k];
    const z = t <= 0 ? 0 : t / (s + t);
    if (z === 0) {
      out[k] = 0;
      continue;
    }
    let term = (A * z) / c;
    let G = term;
    const tail = 1e-17 * (1 - z);
    for (let m = 1; m < 10_000_000; m++) {
      let ratio: number;
      if (m <= cached) ratio = ratios[m];
      else {
        ratio = ((A + m) * (B + m)) / ((c + m) * (m + 1));
        if (m < RATIO_CACHE) ratios[(cached = m)] = ratio;
      }
      term *= ratio * z;
      G += term;
      if (abs(term) <= tail * abs(G) || term === 0) break;
    }
    const L = -log1p(t / s);
    const first = B === 0 ? -L : -expm1(B * L) / B;
    out[k] = first - exp(B * L) * G;
  }
}

/** The same for one z, by the direct series (for A = c - a1 ≤ -5). */
function directOneMinusHOverB(a1: number, b1: number, c: number, B: number, z: number, L: number): number {
  const F = logHyp2f1(a1, b1, c, z);
  const logH = a1 * L + F.log;
  if (F.sign > 0) return -expm1(logH) / B;
  return F.sign < 0 ? (1 + exp(logH)) / B : 1 / B;
}

const oneHorizon = new Float64Array(1);
const oneValue = new Float64Array(1);

/** oneMinusHOverBAt for a single horizon t. */
export function oneMinusHOverB(a1: number, b1: number, c: number, s: number, t: number): number {
  oneHorizon[0] = t;
  oneMinusHOverBAt(a1, b1, c, s, oneHorizon, oneValue);
  return oneValue[0];
}
