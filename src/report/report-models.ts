/**
 * The model step of the report: the purchase model (BG/NBD or Pareto/NBD) and the spend model
 * (Gamma-Gamma) fitted on the whole history, the per-customer predictions they give (P(alive), expected
 * purchases, CLV), and a check of the purchase model on data it did not see (holdout table and tracking
 * curve). A model that cannot be fitted never stops the report: the reason is kept for the Model sheet
 * and the predictions it would have given are left out.
 */
import { NO_DAY } from "../engine/data/days";
import type { PurchaseDays } from "../engine/summary/purchase-days";
import {
  calibrationInputs,
  summarizeCustomers,
  type CalibrationInputs,
  type CustomerSummary,
} from "../engine/summary/customer-summary";
import { repeatPurchasesPerPeriod } from "../engine/summary/repeat-purchases";
import { DAYS_PER_UNIT, type TimeUnit } from "../engine/summary/time-unit";
import { transactionModelSpec } from "../engine/models/registry";
import { fitGammaGamma, gammaGammaParams, type GammaGammaFitResult } from "../engine/models/gammagamma";
import { predictCustomers } from "../engine/models/clv";
import {
  expectedCumulativeRepeatPurchases,
  holdoutByFrequency,
  type HoldoutRow,
} from "../engine/models/holdout";
import { transactionModelOf } from "../engine/models/transaction-model";
import type { FitResult, RfmData } from "../engine/models/types";
import { monthlyDiscountRate, type ReportConfig } from "./config";

/** Why a fit is not used, as a code and the model's name, for a display in another language. */
export interface ModelProblem {
  code: "modelNoHistory" | "modelNotConverged" | "modelFailed";
  model: string;
}

/** A fit that could not be used, and why, in words for the Model sheet. */
export interface FitOutcome<F extends FitResult = FitResult> {
  /** The fit, when the optimiser ran (it may not have converged). */
  fit: F | null;
  /** Why the fit is not used; null when it is. */
  problem: string | null;
  /** The problem as a code (the report's fits set it; `problem` is the words). */
  problemDetail?: ModelProblem;
}

/** The fit when it can be used (it ran and nothing is wrong with it), else null. */
export function usableFit<F extends FitResult>(outcome: FitOutcome<F>): F | null {
  return outcome.problem ? null : outcome.fit;
}

export interface ReportModels {
  unit: TimeUnit;
  transaction: FitOutcome;
  spend: FitOutcome<GammaGammaFitResult>;
  /** Per customer (summary order), or null when the purchase model is not usable. */
  probabilityAlive: Float64Array | null;
  /** Expected purchase days in the next `horizonDays` days. */
  expectedPurchases: Float64Array | null;
  horizonDays: number;
  /** Discounted value of the purchases expected in the next `clvMonths` months (needs both models). */
  clv: Float64Array | null;
  clvMonths: number;
}

export interface HoldoutCheck {
  /** Last day of the calibration period and of the holdout period (day numbers). */
  calibrationEnd: number;
  holdoutEnd: number;
  /** Customers who bought by the calibration end (the ones the check predicts for). */
  cohort: number;
  fit: FitOutcome;
  /** Predicted vs actual holdout purchases by calibration frequency (empty when the fit is not usable). */
  rows: HoldoutRow[];
  /** Cumulative repeat purchases of all customers, actual and expected, per period from `startDay`. */
  tracking: {
    startDay: number;
    periodDays: number;
    /** Day number of the end of each period. */
    periodEnds: number[];
    actual: Float64Array;
    expected: Float64Array;
  } | null;
}

/** The holdout check, or why there is none. */
export type HoldoutOutcome =
  { check: HoldoutCheck; skipped?: undefined } | { check?: undefined; skipped: string };

/** Customers who bought first on the last day have T = 0, which the models cannot take: left out of fits. */
function fittable(inputs: CalibrationInputs): RfmData & { monetary: Float64Array } {
  const keep: number[] = [];
  for (let i = 0; i < inputs.T.length; i++) if (inputs.T[i] > 0) keep.push(i);
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  return { x: pick(inputs.x), tx: pick(inputs.tX), T: pick(inputs.T), monetary: pick(inputs.monetary) };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fits the purchase model; a failure becomes the `problem`. */
function fitTransaction(kind: ReportConfig["model"]["transaction"], data: RfmData): FitOutcome {
  const spec = transactionModelSpec(kind);
  const label = spec.label;
  if (data.x.length === 0)
    return {
      fit: null,
      problem: `${label}: no customer has a purchase history to fit`,
      problemDetail: { code: "modelNoHistory", model: label },
    };
  return fitOutcome(label, () => spec.fit(data));
}

/** Runs a fit of the model `label`; a fit that did not converge or failed becomes the `problem`. */
function fitOutcome<F extends FitResult>(label: string, fit: () => F): FitOutcome<F> {
  try {
    const result = fit();
    if (result.converged) return { fit: result, problem: null };
    return {
      fit: result,
      problem: `${label} ${result.reason}`,
      problemDetail: { code: "modelNotConverged", model: label },
    };
  } catch (e) {
    return {
      fit: null,
      problem: `${label} could not be fitted: ${message(e)}`,
      problemDetail: { code: "modelFailed", model: label },
    };
  }
}

/** Fits both models on the whole history and predicts for every customer of the summary. */
export function fitReportModels(summary: CustomerSummary, config: ReportConfig): ReportModels {
  const unit = summary.unit;
  const perUnit = DAYS_PER_UNIT[unit];
  const inputs = calibrationInputs(summary);
  const data = fittable(inputs);
  const transaction = fitTransaction(config.model.transaction, data);
  const spend = fitOutcome("Gamma-Gamma", () => fitGammaGamma({ x: data.x, monetary: data.monetary }));
  const out: ReportModels = {
    unit,
    transaction,
    spend,
    probabilityAlive: null,
    expectedPurchases: null,
    horizonDays: config.model.horizonDays,
    clv: null,
    clvMonths: config.model.clvMonths,
  };
  const transactionFit = usableFit(transaction);
  if (!transactionFit) return out;
  const model = transactionModelOf(transactionFit);
  // A first purchase on the last day gives T = 0: a moment later is the same customer for the models.
  const T = Float64Array.from(inputs.T, (t) => Math.max(t, 1e-9));
  const spendFit = usableFit(spend);
  const clvOptions = spendFit
    ? {
        spend: gammaGammaParams(spendFit),
        monetary: inputs.monetary,
        options: {
          periods: config.model.clvMonths,
          periodLength: DAYS_PER_UNIT.month / perUnit,
          discountRate: monthlyDiscountRate(config),
          margin: config.model.margin,
        },
      }
    : undefined;
  const predicted = predictCustomers(
    model,
    { x: inputs.x, tx: inputs.tX, T },
    config.model.horizonDays / perUnit,
    clvOptions,
  );
  // Every customer of the summary is in the calibration cohort here, in the same order; scatter anyway.
  const n = summary.customerIds.length;
  const scatter = (values: Float64Array) => {
    const all = new Float64Array(n).fill(NaN);
    inputs.customer.forEach((c, i) => (all[c] = values[i]));
    return all;
  };
  out.probabilityAlive = scatter(predicted.probabilityAlive);
  out.expectedPurchases = scatter(predicted.expectedPurchases);
  out.clv = predicted.clv ? scatter(predicted.clv) : null;
  return out;
}

/** First purchase day of the whole base (NaN without customers). */
function firstDayOfAll(summary: CustomerSummary): number {
  let first = Infinity;
  for (const d of summary.firstDay) if (d !== NO_DAY && d < first) first = d;
  return Number.isFinite(first) ? first : NaN;
}

/** Days held back for the check: half the history in whole time units, at most a year. */
export function holdoutDaysFor(config: ReportConfig, unit: TimeUnit, historyDays: number): number {
  if (config.model.holdoutDays !== "auto") return config.model.holdoutDays;
  const perUnit = DAYS_PER_UNIT[unit];
  const units = Math.min(Math.round(historyDays / 2 / perUnit), Math.floor(365 / perUnit));
  return Math.round(units * perUnit);
}

/**
 * Refits the purchase model on the history up to a calibration end and compares what it predicts for the
 * held-out days with what happened: by calibration frequency, and as the cumulative repeat purchases of
 * the whole base period by period (customers acquired later enter the curve when they first buy).
 */
export function checkOnHoldout(
  days: PurchaseDays,
  summary: CustomerSummary,
  config: ReportConfig,
): HoldoutOutcome {
  const unit = summary.unit;
  const perUnit = DAYS_PER_UNIT[unit];
  const asOf = summary.asOf;
  const start = firstDayOfAll(summary);
  const history = asOf - start;
  const holdoutDays = holdoutDaysFor(config, unit, history);
  if (holdoutDays <= 0)
    return { skipped: "the check on held-out data is switched off (model.holdoutDays = 0)" };
  if (history - holdoutDays < 2 * perUnit || holdoutDays < perUnit) {
    return {
      skipped: `the history (${history} days) is too short to hold ${holdoutDays} days back and still fit the model`,
    };
  }
  const calibrationEnd = asOf - holdoutDays;
  const calibration = summarizeCustomers(days, { asOf, unit, calibrationEnd, observationEnd: asOf });
  const inputs = calibrationInputs(calibration);
  const fit = fitTransaction(config.model.transaction, fittable(inputs));
  const check: HoldoutCheck = {
    calibrationEnd,
    holdoutEnd: asOf,
    cohort: inputs.customer.length,
    fit,
    rows: [],
    tracking: null,
  };
  const usable = usableFit(fit);
  if (!usable) return { check };
  const model = transactionModelOf(usable);
  const T = Float64Array.from(inputs.T, (t) => Math.max(t, 1e-9));
  check.rows = holdoutByFrequency(
    model,
    { x: inputs.x, tx: inputs.tX, T },
    inputs.holdoutX ?? new Float64Array(inputs.x.length),
    holdoutDays / perUnit,
  );
  // Weekly up to three years of history, monthly beyond (a readable number of points either way).
  const periodDays = history <= 3 * 365 ? 7 : DAYS_PER_UNIT.month;
  const periods = Math.max(1, Math.ceil((history + 1) / periodDays));
  const firstPurchase = Float64Array.from(summary.firstDay, (d) => (d - start) / perUnit);
  check.tracking = {
    startDay: start,
    periodDays,
    periodEnds: Array.from({ length: periods }, (_, k) => Math.round(start + (k + 1) * periodDays - 1)),
    actual: repeatPurchasesPerPeriod(days, start, periodDays, periods).cumulative,
    expected: expectedCumulativeRepeatPurchases(model, firstPurchase, periods, periodDays / perUnit),
  };
  return { check };
}
