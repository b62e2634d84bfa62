/**
 * Model checks against data the model did not see: the holdout table (predicted vs actual purchases in
 * the holdout period, by calibration frequency) and the tracking curve (expected vs actual cumulative
 * repeat purchases of the whole cohort, period by period), as in Fader, Hardie & Lee (2005) and the
 * BTYD walkthrough.
 */
import {
  conditionalExpectedPurchasesAt,
  expectedPurchases,
  type TransactionModel,
} from "./transaction-model";
import type { RfmData } from "./types";

export interface HoldoutRow {
  /** Calibration frequency: "0", "1", ..., and the last bin "7+". */
  frequency: string;
  customers: number;
  /** Mean actual purchases in the holdout period. */
  actual: number;
  /** Mean of E[X(T, T+t*) | x, t_x, T]. */
  predicted: number;
}

/**
 * Predicted vs actual holdout purchases by calibration frequency 0, 1, ..., lastBin-1 and lastBin+.
 * `holdoutLength` is t*, the length of the holdout period in the model's unit (one value for all, or
 * one per customer).
 */
export function holdoutByFrequency(
  model: TransactionModel,
  data: RfmData,
  actualHoldout: ArrayLike<number>,
  holdoutLength: number | ArrayLike<number>,
  lastBin = 7,
): HoldoutRow[] {
  const bins = lastBin + 1;
  const count = new Float64Array(bins);
  const actual = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const one = new Float64Array(1);
  const horizon = [0];
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const b = Math.min(x, lastBin);
    horizon[0] = typeof holdoutLength === "number" ? holdoutLength : holdoutLength[i];
    conditionalExpectedPurchasesAt(model, horizon, x, x > 0 ? data.tx[i] : 0, data.T[i], one);
    count[b]++;
    actual[b] += actualHoldout[i];
    predicted[b] += one[0];
  }
  const rows: HoldoutRow[] = [];
  for (let b = 0; b < bins; b++) {
    rows.push({
      frequency: b === lastBin ? `${lastBin}+` : String(b),
      customers: count[b],
      actual: count[b] > 0 ? actual[b] / count[b] : 0,
      predicted: count[b] > 0 ? predicted[b] / count[b] : 0,
    });
  }
  return rows;
}

/**
 * Expected cumulative repeat purchases of a cohort at the end of each of `periods` periods:
 *   E_cum(k) = Σ_i E[X(k·Δ - b_i)] over customers whose first purchase b_i is before k·Δ,
 * with b_i measured in the model's unit from the cohort's start (day 0 of period 1). Customers sharing
 * a first-purchase time are evaluated together.
 */
export function expectedCumulativeRepeatPurchases(
  model: TransactionModel,
  firstPurchase: ArrayLike<number>,
  periods: number,
  periodLength = 1,
): Float64Array {
  const byBirth = new Map<number, number>();
  for (let i = 0; i < firstPurchase.length; i++) {
    byBirth.set(firstPurchase[i], (byBirth.get(firstPurchase[i]) ?? 0) + 1);
  }
  const out = new Float64Array(periods);
  for (let k = 1; k <= periods; k++) {
    const t = k * periodLength;
    let total = 0;
    for (const [birth, customers] of byBirth) {
      if (birth < t) total += customers * expectedPurchases(model, t - birth);
    }
    out[k - 1] = total;
  }
  return out;
}
