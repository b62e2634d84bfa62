/**
 * The integral at the heart of the Pareto/NBD likelihood (Fader & Hardie 2005 note):
 *   I = ∫_{t_x}^{T} (α+τ)^-p (β+τ)^-q dτ,   p = r + x,  q = s + 1,
 * the chance of the customer dying at τ after the last purchase. The published closed form is a
 * difference of two Gauss hypergeometric terms; here each term is
 *   G(τ) = (α+τ)^-p (β+τ)^-q (μ+τ) S(z_τ) / k,  S = 2F1(1, m; k+1; z_τ),  z_τ = |α-β| / (M+τ),
 * with k = p + q - 1, M = max(α, β), μ = min(α, β) and m the exponent of the factor with M. This is Euler's
 * transformation of the published 2F1: every term of S is positive and S ≤ 1/(1-z), so nothing
 * overflows for large x, t_x or T. When z is close to 1 (one of α, β far larger than the other and
 * t_x small) the series would converge slowly, so the integral is then computed by Gauss–Legendre
 * quadrature in ln(min(α,β) + τ), where its logarithm is concave.
 * Both paths return ln I and its partial derivatives with respect to (α, β, p, q).
 */
import { gaussLegendre } from "../math/quadrature";
import { log1mExp } from "../math/logspace";

const { abs, exp, sign, log: ln, max, min } = Math;

/** Above this z the series is replaced by quadrature (≤ ~2,000 terms below it). */
const SERIES_MAX_Z = 0.98;
/**
 * ... unless the terms also fall like n^-e with e at least this (≤ ~150 terms whatever z). That fall
 * starts only once n exceeds the series' first parameter m (before, the term ratio is about z·m/(m+e),
 * close to 1 when m ≫ e), so it is relied on only for m up to SERIES_MAX_M: a Pareto/NBD fit running
 * s (and β) off to huge values gives m = s + 1 in the tens of thousands, and a series of as many terms
 * per customer and evaluation (measured: 1.5 ms a term G; the quadrature takes 3 to 60 µs).
 */
const SERIES_FAST_EXPONENT = 8;
const SERIES_MAX_M = 1000;
const RULE = gaussLegendre(12);

/** One G(τ) evaluation: ln G and its partials. */
export interface GTerm {
  log: number;
  dAlpha: number;
  dBeta: number;
  dP: number;
  dQ: number;
}

/** S(z) = Σ (m)_n/(c)_n z^n and the partials of ln S w.r.t. m, c and z. */
function seriesS(m: number, c: number, z: number, out: { lnS: number; dm: number; dc: number; dz: number }) {
  let term = 1;
  let S = 1;
  let Sm = 0;
  let Sc = 0;
  let Sz = 0;
  let sumM = 0;
  let sumC = 0;
  const tail = 1e-17 * (1 - z);
  for (let n = 0; n < 100_000; n++) {
    // One division per term: 1/((m+n)(c+n)) gives 1/(m+n), 1/(c+n) and the term ratio.
    const mn = m + n;
    const cn = c + n;
    const inv = 1 / (mn * cn);
    sumM += cn * inv;
    sumC += mn * inv;
    term *= mn * mn * inv * z;
    S += term;
    Sm += term * sumM;
    Sc -= term * sumC;
    Sz += (n + 1) * term;
    if (term <= tail * S * (n + 2)) break;
  }
  out.lnS = ln(S);
  out.dm = Sm / S;
  out.dc = Sc / S;
  // d/dz of Σ term_n = Σ n term_n / z; at z = 0 it is the first coefficient m / c.
  out.dz = z > 0 ? Sz / (z * S) : m / c;
}

const sScratch = { lnS: 0, dm: 0, dc: 0, dz: 0 };

/** ln G(τ) and its partials; G(T) depends on x and T only, so callers may compute it once per pair. */
export function termG(alpha: number, beta: number, p: number, q: number, tau: number, out: GTerm): void {
  const k = p + q - 1;
  const alphaIsMax = alpha >= beta;
  const M = alphaIsMax ? alpha : beta;
  const mu = alphaIsMax ? beta : alpha;
  const m = alphaIsMax ? p : q;
  const Mt = M + tau;
  const z = (M - mu) / Mt;
  seriesS(m, k + 1, z, sScratch);
  const la = ln(alpha + tau);
  const lb = ln(beta + tau);
  out.log = -p * la - q * lb + ln(mu + tau) + sScratch.lnS - ln(k);
  const dzdM = (mu + tau) / (Mt * Mt);
  const dzdMu = -1 / Mt;
  let dAlpha = -p / (alpha + tau);
  let dBeta = -q / (beta + tau);
  if (alphaIsMax) {
    dAlpha += sScratch.dz * dzdM;
    dBeta += 1 / (mu + tau) + sScratch.dz * dzdMu;
  } else {
    dBeta += sScratch.dz * dzdM;
    dAlpha += 1 / (mu + tau) + sScratch.dz * dzdMu;
  }
  out.dAlpha = dAlpha;
  out.dBeta = dBeta;
  out.dP = -la + sScratch.dc - 1 / k + (alphaIsMax ? sScratch.dm : 0);
  out.dQ = -lb + sScratch.dc - 1 / k + (alphaIsMax ? 0 : sScratch.dm);
}

const gLow: GTerm = { log: 0, dAlpha: 0, dBeta: 0, dP: 0, dQ: 0 };
const gHigh: GTerm = { log: 0, dAlpha: 0, dBeta: 0, dP: 0, dQ: 0 };

/** ln of the integrand (α+τ)^-p (β+τ)^-q. */
function logIntegrand(alpha: number, beta: number, p: number, q: number, tau: number): number {
  return -p * ln(alpha + tau) - q * ln(beta + tau);
}

/**
 * ∫ by composite Gauss–Legendre in w = ln(μ + τ): the log-integrand plus the Jacobian is concave in w,
 * so panels are laid outward from its maximum, each spanning a drop of at most 3 in the log, until the
 * rest cannot matter (a drop of 45).
 */
function quadrature(
  alpha: number,
  beta: number,
  p: number,
  q: number,
  t: number,
  T: number,
  grad: Float64Array | null,
): number {
  const alphaIsMax = alpha >= beta;
  const mu = alphaIsMax ? beta : alpha;
  const aM = alphaIsMax ? p : q;
  const bMu = alphaIsMax ? q : p;
  const c = abs(alpha - beta);
  const w0 = ln(mu + t);
  const w1 = ln(mu + T);
  // h(w) = ln of integrand·Jacobian = -aM ln(c + e^w) + (1 - bMu) w; slope s(w) decreasing.
  const h = (w: number) => -aM * ln(c + exp(w)) + (1 - bMu) * w;
  let mode: number;
  if (1 - bMu <= 0) mode = w0;
  else {
    const interior = ln(((1 - bMu) * c) / (aM + bMu - 1));
    mode = min(max(interior, w0), w1);
  }
  const hMax = h(mode);
  let sum = 0;
  let sA = 0;
  let sB = 0;
  let sP = 0;
  let sQ = 0;
  const panel = (lo: number, hi: number) => {
    const half = (hi - lo) / 2;
    const mid = (hi + lo) / 2;
    for (let j = 0; j < RULE.nodes.length; j++) {
      const w = mid + half * RULE.nodes[j];
      const v = RULE.weights[j] * half * exp(h(w) - hMax);
      const tau = exp(w) - mu;
      sum += v;
      if (grad) {
        sA -= (v * p) / (alpha + tau);
        sB -= (v * q) / (beta + tau);
        sP -= v * ln(alpha + tau);
        sQ -= v * ln(beta + tau);
      }
    }
  };
  // Walk from the mode towards `end`, choosing panels by halving until the drop is at most 3.
  const walk = (end: number) => {
    let from = mode;
    const dir = sign(end - from);
    while (dir !== 0 && (end - from) * dir > 0) {
      let width = abs(end - from);
      while (width > 1e-12 && h(from) - h(from + dir * width) > 3) width /= 2;
      const to = from + dir * width;
      panel(min(from, to), max(from, to));
      from = to;
      if (hMax - h(from) > 45) break;
    }
  };
  walk(w0);
  walk(w1);
  // The w-integral equals the τ-integral; hMax carried the Jacobian at the mode: undo nothing, it is
  // part of h. ln I = hMax + ln(sum).
  if (grad) {
    grad[0] = sA / sum;
    grad[1] = sB / sum;
    grad[2] = sP / sum;
    grad[3] = sQ / sum;
  }
  return hMax + ln(sum);
}

/**
 * Whether ∫_t^T is computed from the series G(t) − G(T) (true) or by quadrature (false): the series
 * terms fall like n^-e z^n for n beyond m, with e the exponent of the factor with min(α, β) and m that of
 * the other; slow when z is near 1 and either e is small or m is large.
 */
export function seriesIsFast(alpha: number, beta: number, p: number, q: number, t: number): boolean {
  const zt = abs(alpha - beta) / (max(alpha, beta) + t);
  if (zt <= SERIES_MAX_Z) return true;
  const alphaIsMax = alpha >= beta;
  const e = alphaIsMax ? q : p;
  const m = alphaIsMax ? p : q;
  return e >= SERIES_FAST_EXPONENT && m <= SERIES_MAX_M;
}

/**
 * ln ∫_t^T (α+τ)^-p (β+τ)^-q dτ for 0 ≤ t < T, and (when `grad` is given) its partial derivatives
 * [∂α, ∂β, ∂p, ∂q]. Returns -Infinity for t ≥ T.
 */
export function logParetoIntegral(
  alpha: number,
  beta: number,
  p: number,
  q: number,
  t: number,
  T: number,
  grad: Float64Array | null,
  /** G(T) when the caller already has it (see termG). */
  high?: GTerm,
  /** G(t) when the caller already has it. */
  low?: GTerm,
): number {
  if (!(t < T)) {
    if (grad) grad.fill(0);
    return -Infinity;
  }
  if (!seriesIsFast(alpha, beta, p, q, t)) return quadrature(alpha, beta, p, q, t, T, grad);
  if (low) {
    gLow.log = low.log;
    gLow.dAlpha = low.dAlpha;
    gLow.dBeta = low.dBeta;
    gLow.dP = low.dP;
    gLow.dQ = low.dQ;
  } else {
    termG(alpha, beta, p, q, t, gLow);
  }
  if (high) {
    gHigh.log = high.log;
    gHigh.dAlpha = high.dAlpha;
    gHigh.dBeta = high.dBeta;
    gHigh.dP = high.dP;
    gHigh.dQ = high.dQ;
  } else {
    termG(alpha, beta, p, q, T, gHigh);
  }
  const logRatio = gHigh.log - gLow.log;
  if (!(logRatio < -1e-6)) {
    // t and T so close that G(t) - G(T) cancels: the midpoint rule is exact to O((T - t)²).
    const mid = (t + T) / 2;
    if (grad) {
      grad[0] = -p / (alpha + mid);
      grad[1] = -q / (beta + mid);
      grad[2] = -ln(alpha + mid);
      grad[3] = -ln(beta + mid);
    }
    return ln(T - t) + logIntegrand(alpha, beta, p, q, mid);
  }
  if (grad) {
    const rho = exp(logRatio);
    const inv = 1 / (1 - rho);
    grad[0] = (gLow.dAlpha - rho * gHigh.dAlpha) * inv;
    grad[1] = (gLow.dBeta - rho * gHigh.dBeta) * inv;
    grad[2] = (gLow.dP - rho * gHigh.dP) * inv;
    grad[3] = (gLow.dQ - rho * gHigh.dQ) * inv;
  }
  return gLow.log + log1mExp(logRatio);
}

/** Exposed for tests: the quadrature path on its own. */
export const paretoIntegralByQuadrature = quadrature;
