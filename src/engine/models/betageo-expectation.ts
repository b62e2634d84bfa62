/**
 * The hypergeometric factor of the BG/NBD and MBG/NBD expected-purchase formulas:
 *   (1 - H) / B  with  H = (1-z)^A' · 2F1(A', B'; C; z),  B = C - B' (= a - 1 in both models).
 * Through Euler's transformation H = (1-z)^B · 2F1(C-A', B; C; z), so for B → 0 (a → 1, where the
 * published formula has 0/0) the quotient is evaluated without cancellation, and for customers with
 * many purchases (C - A' - B' ≪ 0, where 2F1 itself overflows) every term stays small.
 */
import { logHyp2f1 } from "../math/hyp2f1";

// Module-level aliases: inside Jest's vm context every lookup of the global Math is slow, and these
// functions run in the hot loops of the fits.
const { abs, exp, expm1 } = Math;

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
 * (1 - (1-z)^a1 · 2F1(a1, b1; c; z)) / (c - b1) for 0 ≤ z < 1, with L = ln(1 - z) passed in so callers
 * can compute it as -log1p(t / (α + T)) without rounding.
 */
export function oneMinusHOverB(a1: number, b1: number, c: number, z: number, L: number): number {
  const A = c - a1;
  const B = c - b1;
  if (z === 0) return 0;
  if (A > -5) {
    // Euler form: 2F1(A, B; C; z) = 1 + B·G with G = Σ_{n≥1} (A)_n (B+1)_{n-1} / ((C)_n n!) z^n.
    let term = (A * z) / c;
    let G = term;
    const tail = 1e-17 * (1 - z);
    for (let n = 1; n < 10_000_000; n++) {
      term *= (((A + n) * (B + n)) / ((c + n) * (n + 1))) * z;
      G += term;
      if (abs(term) <= tail * abs(G) || term === 0) break;
    }
    const eBL = exp(B * L);
    const first = B === 0 ? -L : -expm1(B * L) / B;
    return first - eBL * G;
  }
  // Strongly negative A: the Euler series would alternate; the direct series has positive terms.
  const F = logHyp2f1(a1, b1, c, z);
  const logH = a1 * L + F.log;
  if (F.sign > 0) return -expm1(logH) / B;
  return F.sign < 0 ? (1 + exp(logH)) / B : 1 / B;
}
