/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013 note): each
 * purchase value is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the purchase
 * process. It is fitted on the mean value m̄ of each customer's x > 0 repeat purchases:
 *   LL = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln γ + (px-1) ln m̄ + px ln x - (px+q) ln(γ + x m̄).
 */
import { digamma, lgamma } from "../math/gamma";
import { CompensatedSum } from "../math/sum";
import { distinctIndex } from "./data";
import { fitMaximumLikelihood, type Likelihood } from "./fit";
import type { Params, SpendData, SpendModelSpec } from "./model-spec";
import { simulateGammaGamma } from "./simulate";
import type { FitOptions, FitResult } from "./types";
import { InputRuleError } from "../text/model-inputs";

const { log: ln } = Math;

export type GammaGammaParams = {
  p: number;
  q: number;
  /** γ, named v in lifetimes. */
  v: number;
};

export interface GammaGammaFitResult extends FitResult {
  /** Customers left out of the fit, by reason. */
  excluded: { noRepeatPurchases: number; nonPositiveValue: number };
}

export function gammaGammaParams(fit: FitResult): GammaGammaParams {
  const [p, q, v] = fit.values;
  return { p, q, v };
}

interface SpendRows {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  customers: number;
  excluded: GammaGammaFitResult["excluded"];
}

/** Keeps customers with x > 0 and m̄ > 0 and merges identical (x, m̄) pairs. */
function spendRows(data: SpendData): SpendRows {
  const excluded = { noRepeatPurchases: 0, nonPositiveValue: 0 };
  const key = new Map<number, Map<number, number>>();
  const x: number[] = [];
  const m: number[] = [];
  const w: number[] = [];
  let customers = 0;
  for (let i = 0; i < data.x.length; i++) {
    const weight = data.weights ? data.weights[i] : 1;
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new InputRuleError({ rule: "weight", weight }, { row: i, field: "weights" });
    if (weight === 0) continue;
    const xi = data.x[i];
    const mi = data.monetary[i];
    if (!(xi >= 0) || !Number.isFinite(xi))
      throw new InputRuleError({ rule: "repeatCount", x: xi }, { row: i, field: "x" });
    if (Number.isNaN(mi))
      throw new InputRuleError({ rule: "monetaryNotNumber" }, { row: i, field: "monetary" });
    if (xi === 0) {
      excluded.noRepeatPurchases += weight;
      continue;
    }
    if (!(mi > 0) || !Number.isFinite(mi)) {
      excluded.nonPositiveValue += weight;
      continue;
    }
    let byValue = key.get(xi);
    if (!byValue) key.set(xi, (byValue = new Map()));
    let row = byValue.get(mi);
    if (row === undefined) {
      row = x.length;
      byValue.set(mi, row);
      x.push(xi);
      m.push(mi);
      w.push(0);
    }
    w[row] += weight;
    customers += weight;
  }
  return { x: Float64Array.from(x), m: Float64Array.from(m), w: Float64Array.from(w), customers, excluded };
}

class GammaGammaLikelihood implements Likelihood {
  readonly names = ["p", "q", "v"] as const;
  readonly customers: number;
  readonly distinctRows: number;
  private readonly xs: ReturnType<typeof distinctIndex>;
  private readonly weightOfX: Float64Array;
  // Sufficient statistics of the terms linear in p: Σw ln m̄, Σw x ln m̄, Σw x ln x.
  private readonly sumLnM: number;
  private readonly sumXLnM: number;
  private readonly sumXLnX: number;

  constructor(private readonly rows: SpendRows) {
    this.customers = rows.customers;
    this.distinctRows = rows.x.length;
    this.xs = distinctIndex(rows.x);
    this.weightOfX = new Float64Array(this.xs.values.length);
    let sumLnM = 0;
    let sumXLnM = 0;
    let sumXLnX = 0;
    for (let i = 0; i < rows.x.length; i++) {
      this.weightOfX[this.xs.index[i]] += rows.w[i];
      const lnM = ln(rows.m[i]);
      sumLnM += rows.w[i] * lnM;
      sumXLnM += rows.w[i] * rows.x[i] * lnM;
      sumXLnX += rows.w[i] * rows.x[i] * ln(rows.x[i]);
    }
    this.sumLnM = sumLnM;
    this.sumXLnM = sumXLnM;
    this.sumXLnX = sumXLnX;
  }

  logLikelihood(params: Float64Array, gradient: Float64Array): number {
    const p = params[0];
    const q = params[1];
    const v = params[2];
    const { x, m, w } = this.rows;
    const rowsLL = new CompensatedSum();
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let i = 0; i < x.length; i++) {
      const denom = v + x[i] * m[i];
      const L = ln(denom);
      const shape = p * x[i] + q;
      rowsLL.add(-w[i] * shape * L);
      gp -= w[i] * x[i] * L;
      gq -= w[i] * L;
      gv -= (w[i] * shape) / denom;
    }
    let ll = rowsLL.value;
    for (let j = 0; j < this.weightOfX.length; j++) {
      const X = this.xs.values[j];
      const W = this.weightOfX[j];
      const psiSum = digamma(p * X + q);
      ll += W * (lgamma(p * X + q) - lgamma(p * X));
      gp += W * X * (psiSum - digamma(p * X));
      gq += W * psiSum;
    }
    const N = this.customers;
    ll += -N * lgamma(q) + N * q * ln(v) + p * this.sumXLnM - this.sumLnM + p * this.sumXLnX;
    gp += this.sumXLnM + this.sumXLnX;
    gq += -N * digamma(q) + N * ln(v);
    gv += (N * q) / v;
    gradient[0] = gp;
    gradient[1] = gq;
    gradient[2] = gv;
    return ll;
  }
}

/** Fits the Gamma-Gamma model on the customers with x > 0 and m̄ > 0; the others are counted in `excluded`. */
export function fitGammaGamma(data: SpendData, options: FitOptions = {}): GammaGammaFitResult {
  if (data.x.length !== data.monetary.length) throw new InputRuleError({ rule: "monetaryLength" });
  const rows = spendRows(data);
  if (rows.customers === 0) {
    throw new InputRuleError({ rule: "noSpendCustomers" });
  }
  let mean = 0;
  for (let i = 0; i < rows.x.length; i++) mean += rows.w[i] * rows.m[i];
  mean /= rows.customers;
  const fit = fitMaximumLikelihood(
    "gg",
    new GammaGammaLikelihood(rows),
    [
      [1, 2, mean],
      [1, 1, 1],
      [5, 5, mean],
    ],
    options,
  );
  return { ...fit, excluded: rows.excluded };
}

/** Per-customer Gamma-Gamma log-likelihood of a mean value m̄ over x > 0 purchases. */
export function gammaGammaLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  return (
    lgamma(g.p * x + g.q) -
    lgamma(g.p * x) -
    lgamma(g.q) +
    g.q * ln(g.v) +
    (g.p * x - 1) * ln(m) +
    g.p * x * ln(x) -
    (g.p * x + g.q) * ln(g.v + x * m)
  );
}

/**
 * E[M | x, m̄] = p(γ + x m̄)/(px + q - 1): a weighted mean of the population mean pγ/(q-1) and the
 * customer's own m̄. For x = 0 it is the population mean, which exists only for q > 1.
 */
export function gammaGammaExpectedValue(g: GammaGammaParams, x: number, m: number): number {
  if (!gammaGammaMeanExists(g, x)) {
    throw new InputRuleError({ rule: "infiniteMean", x, q: g.q });
  }
  return (g.p * (g.v + (x > 0 ? x * m : 0))) / (g.p * x + g.q - 1);
}

/**
 * Whether E[M | x, m̄] is finite: px + q > 1. With a fitted q ≤ 1 (spend so heavy-tailed that the population
 * mean is infinite) it is not, for customers without repeat purchases (x = 0) at least.
 */
export function gammaGammaMeanExists(g: GammaGammaParams, x: number): boolean {
  return g.p * x + g.q - 1 > 0;
}

const gg = (p: Params) => p as GammaGammaParams;

export const GAMMA_GAMMA: SpendModelSpec<"gg"> = {
  name: "gg",
  label: "Gamma-Gamma",
  aliases: ["GAMMAGAMMA", "GG"],
  description: {
    en: "Gamma-Gamma (Fader, Hardie & Lee 2005): each customer's spend per purchase varies around their own average, independent of how often they buy.",
    "zh-CN":
      "Gamma-Gamma（Fader、Hardie 与 Lee 2005）：每位客户每次购买的金额围绕其自身平均值波动，与购买频率无关。",
  },
  params: ["p", "q", "v"],
  fitFunction: "GAMMAGAMMA",
  family: "spend",
  fit: fitGammaGamma,
  logLikelihood: (p, x, m) => gammaGammaLogLikelihood(gg(p), x, m),
  expectedValue: (p, x, m) => gammaGammaExpectedValue(gg(p), x, m),
  meanExists: (p, x) => gammaGammaMeanExists(gg(p), x),
  simulate: (p, x, options) => simulateGammaGamma(gg(p), x, options),
};
