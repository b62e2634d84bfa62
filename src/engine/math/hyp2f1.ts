/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1, summed as a power series in the
 * form whose terms do not cancel, and kept as (sign, log|value|) so that values like (1-z)^-1000 do
 * not overflow. The models call it in the regimes of the BG/NBD and MBG/NBD predictions (c - a - b can
 * be very negative for a customer with many purchases, so the Euler-transformed series is used there).
 */

const { abs, exp, log1p, log: ln, sign } = Math;

/** A number stored as sign × e^log: zero is sign 0 with log -Infinity. */
export interface SignedLog {
  sign: number;
  log: number;
}

const RESCALE = 1e200;
const LOG_RESCALE = ln(RESCALE);

/**
 * Σ_n (a)_n (b)_n / ((c)_n n!) z^n for |z| < 1 with running rescaling. Stops when the next term can no
 * longer change the sum at double precision (the tail of a series whose term ratio tends to z is at
 * most |term| · |z| / (1 - |z|)).
 */
export function hyp2f1PowerSeries(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms = 5_000_000,
): SignedLog {
  let sum = 1;
  let term = 1;
  let logScale = 0;
  const az = abs(z);
  const tailFactor = az < 1 ? 1e-17 * (1 - az) : 0;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) break;
    if (abs(term) <= tailFactor * abs(sum) && abs(ratio) < 1) break;
    if (abs(sum) > RESCALE || abs(term) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  if (sum === 0) return { sign: 0, log: -Infinity };
  return { sign: sign(sum), log: logScale + ln(abs(sum)) };
}

/** True when every term of the series for (a, b, c) at 0 < z < 1 is non-negative. */
function termsNonNegative(a: number, b: number, c: number): boolean {
  return a >= 0 && b >= 0 && c > 0;
}

/**
 * 2F1(a, b; c; z) as sign and log magnitude, for z < 1 and c not a non-positive integer.
 * For 0 ≤ z < 1 it chooses between the direct series and Euler's transformation
 * 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z), preferring the one whose terms share a sign and
 * then the faster-decaying one; negative z goes through Pfaff's transformation to z/(z-1) in (0, 1).
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z < 1) || Number.isNaN(a + b + c)) return { sign: NaN, log: NaN };
  if (z === 0 || a === 0 || b === 0) return { sign: 1, log: 0 };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)).
    const inner = logHyp2f1(a, c - b, c, z / (z - 1));
    return { sign: inner.sign, log: inner.log - a * log1p(-z) };
  }
  const directPositive = termsNonNegative(a, b, c);
  const eulerPositive = termsNonNegative(c - a, c - b, c);
  const useEuler = eulerPositive && (!directPositive || a + b > c);
  if (useEuler) {
    const inner = hyp2f1PowerSeries(c - a, c - b, c, z);
    return { sign: inner.sign, log: inner.log + (c - a - b) * log1p(-z) };
  }
  return hyp2f1PowerSeries(a, b, c, z);
}

/** 2F1(a, b; c; z) for z < 1 (Infinity if it exceeds the double range). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z);
  return r.sign === 0 ? 0 : r.sign * exp(r.log);
}
