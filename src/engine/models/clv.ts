/**
 * Model-based customer lifetime value: the discounted expected margin of a customer's future purchases,
 * from a transaction model (expected purchases) and the Gamma-Gamma spend model (expected value per
 * purchase).
 *
 * Convention (that of lifetimes' customer_lifetime_value): the horizon is cut into `periods` steps of
 * `periodLength` time units of the model (e.g. 4.345 weeks for a month when the model is fitted in
 * weeks, or 1 to step in the model's own unit). The purchases expected in step k, E[X(kΔ)] - E[X((k-1)Δ)],
 * are valued at E[M] · margin and discounted by (1 + discountRate)^k, the rate being per step:
 *   CLV = margin · E[M | x, m̄] · Σ_{k=1..periods} (E[X(kΔ) | x, t_x, T] - E[X((k-1)Δ) | ·]) / (1 + d)^k.
 * Purchases are valued at the end of the step in which they are expected; today's purchase is not
 * included.
 */
import { compressRfm } from "./data";
import { distinctRows } from "./distinct-rows";
import { gammaGammaExpectedValue, gammaGammaMeanExists, type GammaGammaParams } from "./gammagamma";
import {
  aliveExpectationsAt,
  conditionalExpectedPurchasesAt,
  probabilityAlive,
  type TransactionModel,
} from "./transaction-model";
import type { RfmData } from "./types";
import { InputRuleError } from "../text/model-inputs";

export interface ClvOptions {
  /** Number of discounting steps (e.g. 12 months). */
  periods: number;
  /** Length of a step in the model's time unit (default 1). */
  periodLength?: number;
  /** Discount rate per step (0.01 = 1 % per month when stepping monthly). */
  discountRate: number;
  /** Profit margin as a share of revenue (default 1: CLV in revenue). */
  margin?: number;
}

function checkOptions(o: ClvOptions): { periods: number; step: number; rate: number; margin: number } {
  const step = o.periodLength ?? 1;
  const margin = o.margin ?? 1;
  if (!Number.isInteger(o.periods) || o.periods < 0)
    throw new InputRuleError({ rule: "clvPeriods", value: o.periods });
  if (!(step > 0) || !Number.isFinite(step)) throw new InputRuleError({ rule: "periodLength", value: step });
  if (!(o.discountRate > -1) || !Number.isFinite(o.discountRate))
    throw new InputRuleError({ rule: "clvDiscountRate", value: o.discountRate });
  if (!Number.isFinite(margin)) throw new InputRuleError({ rule: "marginNotNumber", value: margin });
  return { periods: o.periods, step, rate: o.discountRate, margin };
}

/** Discounting weights of the steps and the horizons at their ends. */
function schedule(periods: number, step: number, rate: number) {
  const horizons = new Float64Array(periods);
  const discount = new Float64Array(periods);
  for (let k = 1; k <= periods; k++) {
    horizons[k - 1] = k * step;
    discount[k - 1] = Math.pow(1 + rate, -k);
  }
  return { horizons, discount };
}

/** Σ_k (E[X(kΔ)] - E[X((k-1)Δ)]) / (1+d)^k for one customer, given the cumulative expectations. */
function discountedIncrements(cumulative: Float64Array, discount: Float64Array): number {
  let total = 0;
  let previous = 0;
  for (let k = 0; k < cumulative.length; k++) {
    total += (cumulative[k] - previous) * discount[k];
    previous = cumulative[k];
  }
  return total;
}

/** Discounted expected number of purchases of one customer over the horizon (CLV before value and margin). */
export function discountedExpectedPurchases(
  model: TransactionModel,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions,
): number {
  const o = checkOptions(options);
  const { horizons, discount } = schedule(o.periods, o.step, o.rate);
  const cumulative = new Float64Array(o.periods);
  conditionalExpectedPurchasesAt(model, horizons, x, tx, T, cumulative);
  return discountedIncrements(cumulative, discount);
}

/** CLV of one customer: margin · E[M | x, m̄] · discounted expected purchases. */
export function customerLifetimeValue(
  model: TransactionModel,
  spend: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  monetary: number,
  options: ClvOptions,
): number {
  const margin = options.margin ?? 1;
  return (
    margin *
    gammaGammaExpectedValue(spend, x, monetary) *
    discountedExpectedPurchases(model, x, tx, T, options)
  );
}

export interface CustomerPredictions {
  probabilityAlive: Float64Array;
  /** E[X(T, T + horizon) | x, t_x, T]. */
  expectedPurchases: Float64Array;
  /**
   * Model-based CLV (only with spend parameters and monetary values). NaN for a customer whose expected
   * spend per purchase is infinite under the spend model (a fitted q ≤ 1 and x = 0, see
   * `gammaGammaMeanExists`): there is no finite value to give, and one such customer must not cost the
   * others theirs.
   */
  clv: Float64Array | null;
}

/**
 * P(alive), expected purchases over `horizon` and (with a spend model) CLV for every customer at once,
 * with the same numbers as one customer at a time. The conditional expectations are the alive
 * expectations, which depend on (x, T) only, times P(alive), which depends on (x, t_x, T): the former are
 * computed once per distinct (x, T) for all horizons together, the latter once per distinct
 * (x, t_x, T), so a million customers cost what their distinct histories cost.
 */
export function predictCustomers(
  model: TransactionModel,
  data: RfmData,
  horizon: number,
  clv?: { spend: GammaGammaParams; monetary: ArrayLike<number>; options: ClvOptions },
): CustomerPredictions {
  // Weights do not matter for predictions: every input row gets its own answer.
  const rows = compressRfm({ x: data.x, tx: data.tx, T: data.T });
  const o = clv ? checkOptions(clv.options) : null;
  const plan = o ? schedule(o.periods, o.step, o.rate) : null;
  const steps = plan ? plan.horizons.length : 0;
  // Horizon 0 is `horizon`, then the ends of the discounting steps.
  const horizons = new Float64Array(1 + steps);
  horizons[0] = horizon;
  if (plan) horizons.set(plan.horizons, 1);
  const width = horizons.length;

  const pairs = distinctRows([rows.x, rows.T]);
  const aliveExpected = new Float64Array(pairs.count * width);
  const one = new Float64Array(width);
  for (let q = 0; q < pairs.count; q++) {
    const r = pairs.first[q];
    aliveExpectationsAt(model, horizons, rows.x[r], rows.T[r], one);
    aliveExpected.set(one, q * width);
  }

  const rowAlive = new Float64Array(rows.n);
  const rowExpected = new Float64Array(rows.n);
  const rowDiscounted = new Float64Array(plan ? rows.n : 0);
  const cumulative = new Float64Array(steps);
  for (let r = 0; r < rows.n; r++) {
    const alive = probabilityAlive(model, rows.x[r], rows.tx[r], rows.T[r]);
    const base = pairs.index[r] * width;
    rowAlive[r] = alive;
    rowExpected[r] = aliveExpected[base] * alive;
    if (!plan) continue;
    for (let k = 0; k < steps; k++) cumulative[k] = aliveExpected[base + 1 + k] * alive;
    rowDiscounted[r] = discountedIncrements(cumulative, plan.discount);
  }

  const n = data.x.length;
  const out: CustomerPredictions = {
    probabilityAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    clv: clv ? new Float64Array(n) : null,
  };
  for (let i = 0; i < n; i++) {
    const r = rows.rowOf[i];
    out.probabilityAlive[i] = rowAlive[r];
    out.expectedPurchases[i] = rowExpected[r];
  }
  if (out.clv && clv && o) {
    for (let i = 0; i < n; i++) {
      out.clv[i] = gammaGammaMeanExists(clv.spend, data.x[i])
        ? o.margin *
          gammaGammaExpectedValue(clv.spend, data.x[i], clv.monetary[i]) *
          rowDiscounted[rows.rowOf[i]]
        : NaN;
    }
  }
  return out;
}
