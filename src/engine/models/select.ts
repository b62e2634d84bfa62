/**
 * Model choice on data the models did not see: each candidate purchase model is fitted on the
 * calibration period and scored on the held-out period that follows (per-customer mean absolute error
 * of repeat purchases, error of the total, the by-frequency table, and BIC in calibration). Candidates
 * are ranked: fits that are not degenerate first, the smallest error by frequency group first (it
 * catches both a wrong total and a wrong shape), BIC breaking near ties.
 */
import { predictCustomers } from "./clv";
import { diagnoseFit, type DiagnosisEvidence, type FitDiagnosis } from "./diagnose";
import { holdoutByFrequency, type HoldoutRow } from "./holdout";
import { transactionModelSpec, type TransactionModelName } from "./registry";
import { transactionModelOf, type TransactionModel } from "./transaction-model";
import type { FitOptions, FitResult, RfmData } from "./types";
import { gathered } from "../math/typed-arrays";

export interface CandidateScore {
  model: TransactionModelName;
  /** The calibration fit; null when it could not be run (then `failure` says why). */
  fit: FitResult | null;
  failure?: string;
  diagnosis: FitDiagnosis;
  /** Bayesian information criterion in calibration: k ln N − 2 LL (lower is better). */
  bic: number;
  /** Predicted vs actual mean holdout purchases by calibration frequency. */
  rows: HoldoutRow[];
  actualTotal: number;
  predictedTotal: number;
  /** (predicted − actual) / actual over all customers. */
  totalError: number;
  /** Mean over customers of |predicted − actual| holdout purchases. */
  meanAbsoluteError: number;
  /** Σ over frequency groups of |predicted − actual| purchases / Σ actual: what the ranking uses. */
  binnedError: number;
}

export interface HoldoutData {
  /** Calibration histories (T > 0). */
  calibration: RfmData;
  /** Repeat purchases of each customer in the holdout period. */
  holdout: ArrayLike<number>;
  /** Length of the holdout period in the model's unit. */
  holdoutLength: number;
}

/** Errors closer than this (relative) count as a tie, which BIC decides. */
const TIE = 0.005;

/**
 * The purchases the model expects of customers silent for the second half of their history, over a
 * span as long as that history, against their repeat purchases so far (diagnose.ts, "implausible").
 */
export function inactiveEvidence(model: TransactionModel, data: RfmData): DiagnosisEvidence["inactive"] {
  const keep: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    if (data.x[i] >= 1 && data.T[i] - data.tx[i] > data.T[i] / 2) keep.push(i);
  }
  if (keep.length === 0) return undefined;
  const pick = (a: ArrayLike<number>) => gathered(a, keep);
  const T = pick(data.T);
  const span = T.reduce((s, t) => s + t, 0) / T.length;
  const predicted = predictCustomers(
    model,
    { x: pick(data.x), tx: pick(data.tx), T },
    span,
  ).expectedPurchases;
  let history = 0;
  let future = 0;
  keep.forEach((i, k) => {
    history += data.x[i];
    future += predicted[k];
  });
  return { customers: keep.length, predicted: future, history };
}

function bicOf(fit: FitResult): number {
  return fit.names.length * Math.log(fit.customers) - 2 * fit.logLikelihood;
}

function failed(model: TransactionModelName, failure: string): CandidateScore {
  return {
    model,
    fit: null,
    failure,
    diagnosis: { fitClass: "degenerate", reasons: [{ code: "notConverged", detail: failure }] },
    bic: Infinity,
    rows: [],
    actualTotal: NaN,
    predictedTotal: NaN,
    totalError: NaN,
    meanAbsoluteError: NaN,
    binnedError: Infinity,
  };
}

/** Fits one candidate on the calibration period and scores it on the holdout. */
export function scoreCandidate(
  name: TransactionModelName,
  data: HoldoutData,
  options: FitOptions = {},
): CandidateScore {
  let fit: FitResult;
  try {
    fit = transactionModelSpec(name).fit(data.calibration, options);
  } catch (e) {
    return failed(name, e instanceof Error ? e.message : String(e));
  }
  if (!fit.converged) return { ...failed(name, fit.reason), fit, diagnosis: diagnoseFit(fit) };
  const model = transactionModelOf(fit);
  const { calibration, holdout, holdoutLength } = data;
  const predicted = predictCustomers(model, calibration, holdoutLength).expectedPurchases;
  let actualTotal = 0;
  let predictedTotal = 0;
  let absolute = 0;
  for (let i = 0; i < predicted.length; i++) {
    actualTotal += holdout[i];
    predictedTotal += predicted[i];
    absolute += Math.abs(predicted[i] - holdout[i]);
  }
  const rows = holdoutByFrequency(model, calibration, holdout, holdoutLength);
  const binned = rows.reduce((s, r) => s + r.customers * Math.abs(r.predicted - r.actual), 0);
  const binnedError = actualTotal > 0 ? binned / actualTotal : binned > 0 ? Infinity : 0;
  const diagnosis = diagnoseFit(fit, {
    holdoutError: binnedError,
    inactive: inactiveEvidence(model, calibration),
  });
  return {
    model: name,
    fit,
    diagnosis,
    bic: bicOf(fit),
    rows,
    actualTotal,
    predictedTotal,
    totalError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : NaN,
    meanAbsoluteError: predicted.length > 0 ? absolute / predicted.length : NaN,
    binnedError,
  };
}

/** Best first: not degenerate before degenerate, then the smaller error by group (BIC on a near tie). */
export function rankCandidates(scores: readonly CandidateScore[]): CandidateScore[] {
  const usable = (s: CandidateScore) => (s.diagnosis.fitClass === "degenerate" ? 1 : 0);
  return [...scores].sort((a, b) => {
    if (usable(a) !== usable(b)) return usable(a) - usable(b);
    const gap = a.binnedError - b.binnedError;
    if (Number.isFinite(gap) && Math.abs(gap) > TIE) return gap;
    if (!Number.isFinite(gap) && a.binnedError !== b.binnedError)
      return a.binnedError < b.binnedError ? -1 : 1;
    return a.bic - b.bic;
  });
}

/** Scores every candidate on the holdout and ranks them (the first is the choice when not degenerate). */
export function compareOnHoldout(
  candidates: readonly TransactionModelName[],
  data: HoldoutData,
  options: FitOptions = {},
): CandidateScore[] {
  return rankCandidates(candidates.map((name) => scoreCandidate(name, data, options)));
}
