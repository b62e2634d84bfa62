/**
 * Log-likelihood of the BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin
 * 2007) models with analytic gradient. Both are
 *   LL = lnΓ(r+x) - lnΓ(r) + r ln α + ln B(a, b+x+k)/B(a, b) + ln[(α+T)^-(r+x) + D (α+t_x)^-(r+x)]
 * with k = 0, D = δ(x>0) a/(b+x-1) for BG/NBD and k = 1, D = a/(b+x) for MBG/NBD.
 * Every term that depends only on x, only on t_x or only on T is computed once per distinct value per
 * evaluation, so a row costs one exp and one log1p. The two models share their fit and per-customer
 * log-likelihood too (fitBetaGeo, betaGeoLogLikelihoods).
 */
import { digamma, lbeta, lgamma } from "../math/gamma";
import { CompensatedSum } from "../math/sum";
import type { BgnbdParams } from "./bgnbd";
import { compressRfm, distinctIndex, type CompressedRfm } from "./data";
import { fitMaximumLikelihood, type Likelihood } from "./fit";
import { rateStart } from "./starts";
import type { FitOptions, FitResult, RfmData } from "./types";

const { abs, max, exp, log: ln, log1p } = Math;

export type BetaGeoVariant = "bgnbd" | "mbgnbd";

export class BetaGeoLikelihood implements Likelihood {
  readonly names = ["r", "alpha", "a", "b"] as const;
  readonly customers: number;
  /** α (and β) in lifetimes' penalty are those of time rescaled so that the largest T is 1. */
  readonly penaltyScales: number[];
  readonly distinctRows: number;
  private readonly xs: ReturnType<typeof distinctIndex>;
  private readonly txs: ReturnType<typeof distinctIndex>;
  private readonly Ts: ReturnType<typeof distinctIndex>;
  /** Total weight of the rows with each distinct x. */
  private readonly weightOfX: Float64Array;
  // Per-distinct-value tables, refilled at each evaluation.
  private readonly a1: Float64Array;
  private readonly a2: Float64Array;
  private readonly logD: Float64Array;
  private readonly dA1r: Float64Array;
  private readonly dA2a: Float64Array;
  private readonly dA2b: Float64Array;
  private readonly dLogDb: Float64Array;
  private readonly logT: Float64Array;
  private readonly invT: Float64Array;
  private readonly logTx: Float64Array;
  private readonly invTx: Float64Array;

  constructor(
    private readonly data: CompressedRfm,
    private readonly variant: BetaGeoVariant,
  ) {
    this.customers = data.customers;
    this.distinctRows = data.n;
    let maxT = 0;
    for (let i = 0; i < data.n; i++) if (data.T[i] > maxT) maxT = data.T[i];
    this.penaltyScales = [1, 1 / maxT, 1, 1];
    this.xs = distinctIndex(data.x);
    this.txs = distinctIndex(data.tx);
    this.Ts = distinctIndex(data.T);
    const nx = this.xs.values.length;
    this.weightOfX = new Float64Array(nx);
    for (let i = 0; i < data.n; i++) this.weightOfX[this.xs.index[i]] += data.w[i];
    this.a1 = new Float64Array(nx);
    this.a2 = new Float64Array(nx);
    this.logD = new Float64Array(nx);
    this.dA1r = new Float64Array(nx);
    this.dA2a = new Float64Array(nx);
    this.dA2b = new Float64Array(nx);
    this.dLogDb = new Float64Array(nx);
    this.logT = new Float64Array(this.Ts.values.length);
    this.invT = new Float64Array(this.Ts.values.length);
    this.logTx = new Float64Array(this.txs.values.length);
    this.invTx = new Float64Array(this.txs.values.length);
  }

  private fillTables(r: number, alpha: number, a: number, b: number): void {
    const k = this.variant === "mbgnbd" ? 1 : 0;
    const lgr = lgamma(r);
    const psiR = digamma(r);
    const lbab = lbeta(a, b);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const logA = ln(a);
    const xv = this.xs.values;
    for (let j = 0; j < xv.length; j++) {
      const x = xv[j];
      this.a1[j] = lgamma(r + x) - lgr;
      this.dA1r[j] = digamma(r + x) - psiR;
      this.a2[j] = lbeta(a, b + x + k) - lbab;
      const psiABX = digamma(a + b + x + k);
      this.dA2a[j] = psiAB - psiABX;
      this.dA2b[j] = psiAB + digamma(b + x + k) - psiB - psiABX;
      // The drop-out-before-T term: BG/NBD only for x > 0, MBG/NBD always.
      const denom = this.variant === "mbgnbd" ? b + x : b + x - 1;
      if (this.variant === "bgnbd" && x === 0) {
        this.logD[j] = -Infinity;
        this.dLogDb[j] = 0;
      } else {
        this.logD[j] = logA - ln(denom);
        this.dLogDb[j] = -1 / denom;
      }
    }
    const Tv = this.Ts.values;
    for (let j = 0; j < Tv.length; j++) {
      this.logT[j] = ln(alpha + Tv[j]);
      this.invT[j] = 1 / (alpha + Tv[j]);
    }
    const tv = this.txs.values;
    for (let j = 0; j < tv.length; j++) {
      this.logTx[j] = ln(alpha + tv[j]);
      this.invTx[j] = 1 / (alpha + tv[j]);
    }
  }

  logLikelihood(params: Float64Array, gradient: Float64Array): number {
    const r = params[0];
    const alpha = params[1];
    const a = params[2];
    const b = params[3];
    this.fillTables(r, alpha, a, b);
    const { x, w, n } = this.data;
    const xIdx = this.xs.index;
    const tIdx = this.txs.index;
    const TIdx = this.Ts.index;
    const rowsLL = new CompensatedSum();
    let gr = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    for (let i = 0; i < n; i++) {
      const j = xIdx[i];
      const p = r + x[i];
      const lT = this.logT[TIdx[i]];
      const A3 = -p * lT;
      const logD = this.logD[j];
      const wi = w[i];
      if (logD === -Infinity) {
        rowsLL.add(wi * A3);
        gr -= wi * lT;
        gAlpha -= wi * p * this.invT[TIdx[i]];
        continue;
      }
      const lt = this.logTx[tIdx[i]];
      const A4 = logD - p * lt;
      // ln(e^A3 + e^A4) and the share w4 of the second term.
      const d = A3 - A4;
      let logSum: number;
      let w4: number;
      if (d > 0) {
        const e = exp(-d);
        logSum = A3 + log1p(e);
        w4 = e / (1 + e);
      } else {
        const e = exp(d);
        logSum = A4 + log1p(e);
        w4 = 1 / (1 + e);
      }
      const w3 = 1 - w4;
      rowsLL.add(wi * logSum);
      gr -= wi * (w3 * lT + w4 * lt);
      gAlpha -= wi * p * (w3 * this.invT[TIdx[i]] + w4 * this.invTx[tIdx[i]]);
      gA += (wi * w4) / a;
      gB += wi * w4 * this.dLogDb[j];
    }
    // Terms that depend on x only, summed by distinct x.
    const N = this.customers;
    let ll = rowsLL.value + N * r * ln(alpha);
    gr += N * ln(alpha);
    gAlpha += (N * r) / alpha;
    for (let j = 0; j < this.weightOfX.length; j++) {
      const W = this.weightOfX[j];
      ll += W * (this.a1[j] + this.a2[j]);
      gr += W * this.dA1r[j];
      gA += W * this.dA2a[j];
      gB += W * this.dA2b[j];
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = gA;
    gradient[3] = gB;
    return ll;
  }

  /** Per-row log-likelihood of the compressed rows (unweighted). */
  rowLogLikelihoods(params: ArrayLike<number>): Float64Array {
    const [r, alpha, a, b] = [params[0], params[1], params[2], params[3]];
    this.fillTables(r, alpha, a, b);
    const out = new Float64Array(this.data.n);
    const la = r * ln(alpha);
    for (let i = 0; i < this.data.n; i++) {
      const j = this.xs.index[i];
      const p = r + this.data.x[i];
      const A3 = -p * this.logT[this.Ts.index[i]];
      const A4 = this.logD[j] - p * this.logTx[this.txs.index[i]];
      const m = max(A3, A4);
      out[i] = la + this.a1[j] + this.a2[j] + (A4 === -Infinity ? A3 : m + log1p(exp(-abs(A3 - A4))));
    }
    return out;
  }
}

/** Maximum-likelihood fit of the BG/NBD or MBG/NBD model: same parameters, same starting points. */
export function fitBetaGeo(variant: BetaGeoVariant, data: RfmData, options: FitOptions): FitResult {
  const compressed = compressRfm(data);
  const alpha0 = 1 / rateStart(compressed);
  return fitMaximumLikelihood(
    variant,
    new BetaGeoLikelihood(compressed, variant),
    [
      [1, alpha0, 1, 3],
      [1, 1, 1, 1],
      [0.1, 0.1 * alpha0, 0.5, 0.5],
    ],
    options,
  );
}

/** Per-customer log-likelihood of either model, in the order of the input rows (0 for weight 0). */
export function betaGeoLogLikelihoods(variant: BetaGeoVariant, p: BgnbdParams, data: RfmData): Float64Array {
  const compressed = compressRfm(data);
  const rows = new BetaGeoLikelihood(compressed, variant).rowLogLikelihoods([p.r, p.alpha, p.a, p.b]);
  return Float64Array.from(compressed.rowOf, (row) => (row < 0 ? 0 : rows[row]));
}
