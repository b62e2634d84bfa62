/**
 * BG/BB model for discrete transaction opportunities (Fader, Hardie & Shang 2010, Marketing Science
 * 29(6)): at each of n opportunities an alive customer transacts with probability p ~ Beta(α, β); before
 * each opportunity an alive customer drops out with probability θ ~ Beta(γ, δ). A customer is
 * summarised by x transactions in n opportunities, the last at opportunity t_x (0 when x = 0):
 *   L = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *     + Σ_{i=0}^{n-t_x-1} B(α+x, β+t_x-x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
 * Every term is a ratio of gamma functions at integer offsets from the parameters, so one table of
 * lnΓ and ψ per parameter and evaluation serves every row.
 */
import { digamma, lbeta, lgamma } from "../math/gamma";
import { CompensatedSum } from "../math/sum";
import { fitMaximumLikelihood, type Likelihood } from "./fit";
import type { OpportunityData, OpportunityModelSpec, Params } from "./model-spec";
import { simulateBgbb } from "./simulate";
import type { FitOptions, FitResult } from "./types";
import { InputRuleError, type InputRuleProblem } from "../text/model-inputs";

const { abs, exp, expm1, log, log1p, min } = Math;

export type BgbbParams = {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
};

export function bgbbParams(fit: FitResult): BgbbParams {
  const [alpha, beta, gamma, delta] = fit.values;
  return { alpha, beta, gamma, delta };
}

function checkRow(i: number, x: number, tx: number, n: number): void {
  const fail = (field: string, problem: InputRuleProblem) => {
    throw new InputRuleError(problem, { row: i, field });
  };
  if (!Number.isInteger(n) || n < 0) fail("n", { rule: "opportunities", n });
  if (!Number.isInteger(x) || x < 0 || x > n)
    fail("x", { rule: "opportunityCount", field: "x", value: x, n });
  if (!Number.isInteger(tx) || tx < 0 || tx > n)
    fail("t_x", { rule: "opportunityCount", field: "t_x", value: tx, n });
  if ((x === 0) !== (tx === 0) || x > tx) fail("t_x", { rule: "opportunityPair", x, tx });
}

interface OpportunityRows {
  x: Int32Array;
  tx: Int32Array;
  n: Int32Array;
  w: Float64Array;
  customers: number;
  maxN: number;
}

function compressOpportunities(data: OpportunityData): OpportunityRows {
  const rows = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const n: number[] = [];
  const w: number[] = [];
  let customers = 0;
  let maxN = 0;
  for (let i = 0; i < data.x.length; i++) {
    const weight = data.weights ? data.weights[i] : 1;
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new InputRuleError({ rule: "weight", weight }, { row: i, field: "weights" });
    checkRow(i, data.x[i], data.tx[i], data.n[i]);
    if (weight === 0) continue;
    const key = `${data.x[i]},${data.tx[i]},${data.n[i]}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = x.length;
      rows.set(key, row);
      x.push(data.x[i]);
      tx.push(data.tx[i]);
      n.push(data.n[i]);
      w.push(0);
    }
    w[row] += weight;
    customers += weight;
    maxN = Math.max(maxN, data.n[i]);
  }
  return {
    x: Int32Array.from(x),
    tx: Int32Array.from(tx),
    n: Int32Array.from(n),
    w: Float64Array.from(w),
    customers,
    maxN,
  };
}

/** lnΓ(c + k) and ψ(c + k) for k = 0..size-1. */
class GammaTable {
  readonly lg: Float64Array;
  readonly psi: Float64Array;
  constructor(size: number) {
    this.lg = new Float64Array(size);
    this.psi = new Float64Array(size);
  }
  fill(c: number): void {
    for (let k = 0; k < this.lg.length; k++) {
      this.lg[k] = lgamma(c + k);
      this.psi[k] = digamma(c + k);
    }
  }
}

class BgbbLikelihood implements Likelihood {
  readonly names = ["alpha", "beta", "gamma", "delta"] as const;
  readonly customers: number;
  readonly distinctRows: number;
  private readonly ga: GammaTable;
  private readonly gb: GammaTable;
  private readonly gab: GammaTable;
  private readonly gg: GammaTable;
  private readonly gd: GammaTable;
  private readonly ggd: GammaTable;
  private readonly logTerm: Float64Array;

  constructor(private readonly rows: OpportunityRows) {
    this.customers = rows.customers;
    this.distinctRows = rows.x.length;
    const size = rows.maxN + 2;
    this.ga = new GammaTable(size);
    this.gb = new GammaTable(size);
    this.gab = new GammaTable(size);
    this.gg = new GammaTable(size);
    this.gd = new GammaTable(size);
    this.ggd = new GammaTable(size);
    this.logTerm = new Float64Array(size + 1);
  }

  logLikelihood(params: Float64Array, gradient: Float64Array): number {
    const [alpha, beta, gamma, delta] = params;
    const { ga, gb, gab, gg, gd, ggd } = this;
    ga.fill(alpha);
    gb.fill(beta);
    gab.fill(alpha + beta);
    gg.fill(gamma);
    gd.fill(delta);
    ggd.fill(gamma + delta);
    const lbAB = ga.lg[0] + gb.lg[0] - gab.lg[0];
    const lbGD = gg.lg[0] + gd.lg[0] - ggd.lg[0];
    const { x, tx, n, w } = this.rows;
    const ll = new CompensatedSum();
    let gA = 0;
    let gB = 0;
    let gG = 0;
    let gD = 0;
    const terms = this.logTerm;
    // Term j: B(α+x, β+m_j)/B(α,β) · B(γ+g_j, δ+d_j)/B(γ,δ); j = 0 is "alive after n".
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const count = n[i] - tx[i] + 1;
      let max = -Infinity;
      for (let j = 0; j < count; j++) {
        const m = j === 0 ? n[i] - xi : tx[i] - xi + j - 1;
        const g = j === 0 ? 0 : 1;
        const d = j === 0 ? n[i] : tx[i] + j - 1;
        const v = ga.lg[xi] + gb.lg[m] - gab.lg[xi + m] - lbAB + gg.lg[g] + gd.lg[d] - ggd.lg[g + d] - lbGD;
        terms[j] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let j = 0; j < count; j++) sum += terms[j] = exp(terms[j] - max);
      ll.add(w[i] * (max + log(sum)));
      for (let j = 0; j < count; j++) {
        const share = (w[i] * terms[j]) / sum;
        const m = j === 0 ? n[i] - xi : tx[i] - xi + j - 1;
        const g = j === 0 ? 0 : 1;
        const d = j === 0 ? n[i] : tx[i] + j - 1;
        gA += share * (ga.psi[xi] - gab.psi[xi + m]);
        gB += share * (gb.psi[m] - gab.psi[xi + m]);
        gG += share * (gg.psi[g] - ggd.psi[g + d]);
        gD += share * (gd.psi[d] - ggd.psi[g + d]);
      }
    }
    const N = this.customers;
    gradient[0] = gA + N * (gab.psi[0] - ga.psi[0]);
    gradient[1] = gB + N * (gab.psi[0] - gb.psi[0]);
    gradient[2] = gG + N * (ggd.psi[0] - gg.psi[0]);
    gradient[3] = gD + N * (ggd.psi[0] - gd.psi[0]);
    return ll.value;
  }
}

/** Maximum-likelihood fit of the BG/BB model. */
export function fitBgbb(data: OpportunityData, options: FitOptions = {}): FitResult {
  const rows = compressOpportunities(data);
  return fitMaximumLikelihood(
    "bgbb",
    new BgbbLikelihood(rows),
    [
      [1, 1, 1, 1],
      [0.5, 0.5, 0.5, 2],
      [2, 2, 0.2, 5],
    ],
    options,
  );
}

/** ln L of one customer and the ln of its "alive after n" term. */
function logLikelihoodTerms(
  b: BgbbParams,
  x: number,
  tx: number,
  n: number,
): { total: number; alive: number } {
  const lbAB = lbeta(b.alpha, b.beta);
  const lbGD = lbeta(b.gamma, b.delta);
  const alive = lbeta(b.alpha + x, b.beta + n - x) - lbAB + lbeta(b.gamma, b.delta + n) - lbGD;
  let total = alive;
  for (let i = 0; i <= n - tx - 1; i++) {
    const v = lbeta(b.alpha + x, b.beta + tx - x + i) - lbAB + lbeta(b.gamma + 1, b.delta + tx + i) - lbGD;
    total = Math.max(total, v) + log1p(exp(-abs(total - v)));
  }
  return { total, alive };
}

export function bgbbLogLikelihood(b: BgbbParams, x: number, tx: number, n: number): number {
  checkRow(0, x, tx, n);
  return logLikelihoodTerms(b, x, tx, n).total;
}

/** P(alive at opportunity n + 1 | x, t_x, n): alive after n and surviving the next drop-out chance. */
export function bgbbProbabilityAlive(b: BgbbParams, x: number, tx: number, n: number): number {
  checkRow(0, x, tx, n);
  const { total, alive } = logLikelihoodTerms(b, x, tx, n);
  const next = alive + log((b.delta + n) / (b.gamma + b.delta + n));
  return min(1, exp(next - total));
}

/**
 * (1 - Π_{i<k} (1+δ+s+i)/(γ+δ+s+i)) / (γ - 1): the drop-out factor of the BG/BB expectations, with the
 * product summed as logs so that γ → 1 (0/0 in the published formula) stays exact.
 */
function survivalSum(gamma: number, delta: number, start: number, k: number): number {
  const eps = gamma - 1;
  let logR = 0;
  for (let i = 0; i < k; i++) logR += log1p(-eps / (gamma + delta + start + i));
  if (eps === 0) {
    let s = 0;
    for (let i = 0; i < k; i++) s += 1 / (1 + delta + start + i);
    return s;
  }
  return -expm1(logR) / eps;
}

/** Unconditional E[X(n)]: expected transactions in the first n opportunities. */
export function bgbbExpectedTransactions(b: BgbbParams, n: number): number {
  if (!Number.isInteger(n) || n < 0)
    throw new InputRuleError({ rule: "wholeHorizon", symbol: "n", value: n });
  return (b.alpha / (b.alpha + b.beta)) * b.delta * survivalSum(b.gamma, b.delta, 0, n);
}

/** E[X(n, n + k) | x, t_x, n]: expected transactions in the next k opportunities (FHS 2010, eq. 13). */
export function bgbbConditionalExpectedTransactions(
  b: BgbbParams,
  k: number,
  x: number,
  tx: number,
  n: number,
): number {
  checkRow(0, x, tx, n);
  if (!Number.isInteger(k) || k < 0)
    throw new InputRuleError({ rule: "wholeHorizon", symbol: "k", value: k });
  if (k === 0) return 0;
  const { total } = logLikelihoodTerms(b, x, tx, n);
  const front =
    lbeta(b.alpha + x + 1, b.beta + n - x) -
    lbeta(b.alpha, b.beta) +
    log(b.delta) +
    lgamma(b.gamma + b.delta) -
    lgamma(1 + b.delta) +
    lgamma(1 + b.delta + n) -
    lgamma(b.gamma + b.delta + n) -
    total;
  return exp(front) * survivalSum(b.gamma, b.delta, n, k);
}

const bb = (p: Params) => p as BgbbParams;

export const BGBB: OpportunityModelSpec<"bgbb"> = {
  name: "bgbb",
  label: "BG/BB",
  aliases: ["BGBB"],
  description: {
    en: "BG/BB (Fader, Hardie & Shang 2010): at each discrete opportunity an active customer transacts with their own probability and may drop out before it.",
    "zh-CN":
      "BG/BB（Fader、Hardie 与 Shang 2010）：在每个离散的交易机会，活跃客户以各自的概率交易，并可能在此之前流失。",
  },
  params: ["alpha", "beta", "gamma", "delta"],
  fitFunction: "BGBB",
  family: "opportunity",
  fit: fitBgbb,
  logLikelihood: (p, x, tx, n) => bgbbLogLikelihood(bb(p), x, tx, n),
  probabilityAlive: (p, x, tx, n) => bgbbProbabilityAlive(bb(p), x, tx, n),
  expectedPurchases: (p, n) => bgbbExpectedTransactions(bb(p), n),
  conditionalExpectedPurchases: (p, k, x, tx, n) => bgbbConditionalExpectedTransactions(bb(p), k, x, tx, n),
  simulate: (p, n, options) => simulateBgbb(bb(p), n, options),
};
