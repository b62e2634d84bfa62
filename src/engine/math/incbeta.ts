/** The regularized incomplete beta function I_x(a, b), used for negative binomial tail probabilities. */
import { lbeta } from "./gamma";
import { log1mExp } from "./logspace";

const { abs, exp, log, log1p, min } = Math;

/** Continued fraction of the incomplete beta function (modified Lentz), fast for x < (a+1)/(a+b+2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** ln I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1; accurate also when I_x is tiny. */
export function logRegularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (x === 0) return -Infinity;
  if (x === 1) return 0;
  const logFront = a * log(x) + b * log1p(-x) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    return logFront + log(betaContinuedFraction(a, b, x)) - log(a);
  }
  const complement = logFront + log(betaContinuedFraction(b, a, 1 - x)) - log(b);
  return log1mExp(min(0, complement));
}

/** I_x(a, b), the regularized incomplete beta function. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return exp(logRegularizedIncompleteBeta(x, a, b));
}
