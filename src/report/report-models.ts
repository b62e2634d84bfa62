/**
 * The model step of the report: the purchase model chosen on data it did not see (BG/NBD, Pareto/NBD
 * and MBG/NBD fitted on a calibration period and scored on the held-out period after it), refitted on
 * the whole history and diagnosed; the spend model (Gamma-Gamma); the per-customer predictions they give
 * (P(alive), expected purchases, CLV); and the tracking curve of the chosen model. A degenerate fit never
 * feeds the predictions: the next best model is used, or they are left out with the reason. A model that
 * cannot be fitted never stops the report.
 */
import { NO_DAY } from "../engine/data/days";
import type { PurchaseDays } from "../engine/summary/purchase-days";
import {
  calibrationInputs,
  type CalibrationInputs,
  type CustomerSummary,
} from "../engine/summary/customer-summary";
import { repeatPurchasesPerPeriod } from "../engine/summary/repeat-purchases";
import { DAYS_PER_UNIT, type TimeUnit } from "../engine/summary/time-unit";
import {
  modelLabel,
  transactionModelSpec,
  TRANSACTION_MODEL_NAMES,
  type ModelName,
  type TransactionModelName,
} from "../engine/models/registry";
import { fitGammaGamma, gammaGammaParams, type GammaGammaFitResult } from "../engine/models/gammagamma";
import { predictCustomers } from "../engine/models/clv";
import { monthIn } from "../engine/models/clv-conventions";
import { diagnoseFit, diagnosisSummary, type FitDiagnosis } from "../engine/models/diagnose";
import { expectedCumulativeRepeatPurchases, type HoldoutRow } from "../engine/models/holdout";
import {
  inactiveEvidence,
  rankCandidates,
  scoreCandidate,
  type CandidateScore,
} from "../engine/models/select";
import { calibrationSplit, defaultHoldoutDays } from "../engine/summary/holdout";
import { transactionModelOf } from "../engine/models/transaction-model";
import type { FitResult, RfmData } from "../engine/models/types";
import { monthlyDiscountRate, type ReportConfig } from "./config";
import type { Bilingual } from "../engine/text/bilingual";
import type { Language } from "../engine/text/language";
import { MODEL_PROBLEM_TEXTS_ZH } from "../engine/text/model";
import { markPhase } from "./phase-mark";
import { float64Of, gathered } from "../engine/math/typed-arrays";

/** Why a fit is not used, as a code and the model's name, for a display in another language. */
export interface ModelProblem {
  code: "modelNoHistory" | "modelNotConverged" | "modelFailed" | "modelDegenerate";
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
  /** How fit to act on the fit is (purchase models only). */
  diagnosis?: FitDiagnosis;
}

/** The fit when it can be used (it ran and nothing is wrong with it), else null. */
export function usableFit<F extends FitResult>(outcome: FitOutcome<F>): F | null {
  return outcome.problem ? null : outcome.fit;
}

/** How the purchase model was chosen: the holdout comparison, the choice and why. */
export interface ModelChoice {
  /** "auto", or the model the settings force. */
  requested: "auto" | TransactionModelName;
  /** The candidates scored on the holdout, best first (empty without a holdout). */
  candidates: CandidateScore[];
  /** The whole-history fits tried, in the order tried (a degenerate one passes to the next). */
  tried: { model: TransactionModelName; outcome: FitOutcome }[];
  /** The model whose predictions the report uses; null when none is fit to use. */
  chosen: TransactionModelName | null;
  /** Why, in words a manager reads. */
  why: Bilingual<string>;
}

export interface ReportModels {
  unit: TimeUnit;
  /** The chosen purchase model fitted on the whole history (or the best-ranked one when none is usable). */
  transaction: FitOutcome;
  choice: ModelChoice;
  spend: FitOutcome<GammaGammaFitResult>;
  /** Per customer (summary order), or null when the purchase model is not usable. */
  probabilityAlive: Float64Array | null;
  /** Expected purchase days in the next `horizonDays` days. */
  expectedPurchases: Float64Array | null;
  horizonDays: number;
  /** Discounted value of the purchases expected in the next `clvMonths` months (needs both models). */
  clv: Float64Array | null;
  clvMonths: number;
  /**
   * Per customer (summary order): 1 for a customer without repeat purchases whom the chosen model holds
   * certainly alive (BG/NBD's property: with x = 0 nobody dies), so the sheets say "not yet repeated"
   * instead of a P(alive) of 100 %; null when the chosen model lets such customers die.
   */
  notYetRepeated: Uint8Array | null;
  /** The check on held-out data (by-frequency table and tracking curve of the chosen model). */
  holdout: HoldoutOutcome;
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
  { check: HoldoutCheck; skipped?: undefined } | { check?: undefined; skipped: Bilingual<string> };

/** Why there is no holdout check when it was not run at all. */
export const NOT_RUN: Bilingual<string> = { en: "it was not run", "zh-CN": "未运行检验" };

/** Customers who bought first on the last day have T = 0, which the models cannot take: left out of fits. */
function fittable(inputs: CalibrationInputs): RfmData & { monetary: Float64Array; holdout: Float64Array } {
  const keep: number[] = [];
  for (let i = 0; i < inputs.T.length; i++) if (inputs.T[i] > 0) keep.push(i);
  const pick = (a: Float64Array) => gathered(a, keep);
  return {
    x: pick(inputs.x),
    tx: pick(inputs.tX),
    T: pick(inputs.T),
    monetary: pick(inputs.monetary),
    holdout: pick(inputs.holdoutX ?? new Float64Array(inputs.x.length)),
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fits a purchase model on the whole history and diagnoses it; a failure becomes the `problem`. */
function fitTransaction(kind: TransactionModelName, data: RfmData, holdoutError?: number): FitOutcome {
  const label = modelLabel(kind);
  if (data.x.length === 0)
    return {
      fit: null,
      problem: `${label}: no customer has a purchase history to fit`,
      problemDetail: { code: "modelNoHistory", model: label },
    };
  markPhase(`fitting ${label} on the whole history`);
  const outcome = fitOutcome(label, () => transactionModelSpec(kind).fit(data));
  if (!outcome.fit || outcome.problem) return outcome;
  const diagnosis = diagnoseFit(outcome.fit, {
    holdoutError,
    inactive: inactiveEvidence(transactionModelOf(outcome.fit), data),
  });
  if (diagnosis.fitClass !== "degenerate") return { ...outcome, diagnosis };
  return {
    fit: outcome.fit,
    diagnosis,
    problem: `${label} is degenerate, its predictions are not used: ${diagnosisSummary(diagnosis, "en").replace(/^[^:]*: /, "")}`,
    problemDetail: { code: "modelDegenerate", model: label },
  };
}

/** Why a fit is not used, in the sheets' language (the English carries the optimiser's detail). */
export function fitProblemText(outcome: FitOutcome, language: Language): string | null {
  if (!outcome.problem) return null;
  if (language === "en" || !outcome.problemDetail) return outcome.problem;
  const { code, model } = outcome.problemDetail;
  const why = MODEL_PROBLEM_TEXTS_ZH[code](model);
  return outcome.diagnosis ? `${why}：${diagnosisSummary(outcome.diagnosis, language)}` : why;
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

/** First purchase day of the whole base (NaN without customers). */
function firstDayOfAll(summary: CustomerSummary): number {
  let first = Infinity;
  for (const d of summary.firstDay) if (d !== NO_DAY && d < first) first = d;
  return Number.isFinite(first) ? first : NaN;
}

/**
 * Days held back to choose and check the model: the last quarter of the observed span, at least 8
 * weeks, in whole time units (or the settings' number of days).
 */
function holdoutDaysFor(config: ReportConfig, unit: TimeUnit, historyDays: number): number {
  if (config.model.holdoutDays !== "auto") return config.model.holdoutDays;
  return defaultHoldoutDays(historyDays, DAYS_PER_UNIT[unit]);
}

/** The calibration/holdout split of the history, or why there is none. */
interface HoldoutSplit {
  calibrationEnd: number;
  holdoutDays: number;
  inputs: CalibrationInputs;
  data: ReturnType<typeof fittable>;
}

function splitHistory(
  days: PurchaseDays | null,
  summary: CustomerSummary,
  config: ReportConfig,
): HoldoutSplit | { skipped: Bilingual<string> } {
  if (!days) {
    return {
      skipped: {
        en:
          "a customer summary holds no purchase dates to hold back (the model is chosen on the whole history); " +
          "build the report from the order lines for the check",
        "zh-CN": "客户汇总表中没有可留出的购买日期（模型按全部历史选择）；用订单明细生成报表才能做此检验",
      },
    };
  }
  const unit = summary.unit;
  const perUnit = DAYS_PER_UNIT[unit];
  const asOf = summary.asOf;
  const history = asOf - firstDayOfAll(summary);
  const holdoutDays = holdoutDaysFor(config, unit, history);
  if (holdoutDays <= 0)
    return {
      skipped: {
        en: "the check on held-out data is switched off (model.holdoutDays = 0)",
        "zh-CN": "留出期检验已关闭（model.holdoutDays = 0）",
      },
    };
  if (!(history - holdoutDays >= 2 * perUnit) || holdoutDays < perUnit) {
    return {
      skipped: {
        en: `the history (${history} days) is too short to hold ${holdoutDays} days back and still fit the models`,
        "zh-CN": `历史（${history} 天）太短，留出 ${holdoutDays} 天后无法再拟合模型`,
      },
    };
  }
  const calibrationEnd = asOf - holdoutDays;
  const inputs = calibrationSplit(days, { asOf, unit, calibrationEnd });
  return { calibrationEnd, holdoutDays, inputs, data: fittable(inputs) };
}

function percentWords(v: number): string {
  return `${Math.round(Math.abs(v) * 100)} %`;
}

/** "Pareto/NBD predicted the last 13 weeks within 4 %; BG/NBD within 9 %; ..." and the choice. */
function explainChoice(
  requested: ModelChoice["requested"],
  candidates: CandidateScore[],
  tried: ModelChoice["tried"],
  chosen: TransactionModelName | null,
  holdoutDays: number | null,
  unit: TimeUnit,
): Bilingual<string> {
  const span = holdoutDays === null ? "" : `${Math.round(holdoutDays / DAYS_PER_UNIT[unit])} ${unit}s`;
  const zhUnit = { day: "天", week: "周", month: "个月" }[unit];
  const spanZh = holdoutDays === null ? "" : `${Math.round(holdoutDays / DAYS_PER_UNIT[unit])} ${zhUnit}`;
  const scored = candidates.filter((c) => Number.isFinite(c.binnedError));
  const en: string[] = [];
  const zh: string[] = [];
  if (scored.length > 0) {
    en.push(
      scored
        .map(
          (c, k) =>
            `${modelLabel(c.model)} ${k === 0 ? `predicted the last ${span} within ` : "within "}${percentWords(c.binnedError)}`,
        )
        .join("; ") + " (error by purchase-count group, against what customers really bought).",
    );
    zh.push(
      scored
        .map(
          (c, k) =>
            `${modelLabel(c.model)} ${k === 0 ? `对最近 ${spanZh}的预测误差为 ` : "误差为 "}${percentWords(c.binnedError)}`,
        )
        .join("；") + "（按购买次数分组，与客户实际购买相比）。",
    );
  }
  const rejected = tried.filter((t) => t.model !== chosen && t.outcome.problem);
  for (const t of rejected) {
    en.push(`${modelLabel(t.model)} is not used: ${t.outcome.problem ?? "not fit to use"}.`);
    zh.push(
      `未使用 ${modelLabel(t.model)}：${t.outcome.diagnosis ? diagnosisSummary(t.outcome.diagnosis, "zh-CN") : "拟合失败"}。`,
    );
  }
  if (!chosen) {
    en.push(
      requested === "auto"
        ? "No purchase model is fit to use on this data, so P(alive), expected purchases and predicted value are left empty."
        : `The settings ask for ${modelLabel(requested)} (model.transaction), which is not fit to use on this data, so P(alive), expected purchases and predicted value are left empty; "auto" lets the report choose another model.`,
    );
    zh.push("没有适用于这些数据的购买模型，因此存活概率、预期购买和预测价值留空。");
  } else if (requested !== "auto") {
    en.push(`${modelLabel(chosen)} is used because the settings ask for it (model.transaction).`);
    zh.push(`按设置（model.transaction）使用 ${modelLabel(chosen)}。`);
  } else if (scored.length > 0) {
    en.push(
      `${modelLabel(chosen)} is used: it predicted the held-out ${span} best and was refitted on the whole history.`,
    );
    zh.push(`使用 ${modelLabel(chosen)}：它对留出的 ${spanZh}预测最准，并已在全部历史上重新拟合。`);
  } else {
    en.push(
      `${modelLabel(chosen)} is used: with no held-out period to compare on, it has the best BIC on the whole history.`,
    );
    zh.push(`使用 ${modelLabel(chosen)}：没有留出期可供比较，它在全部历史上的 BIC 最好。`);
  }
  return { en: en.join(" "), "zh-CN": zh.join("") };
}

/** The purchase models tried, the one chosen (null when none is usable) and its fit on the whole history. */
interface TransactionChoice {
  tried: ModelChoice["tried"];
  chosen: TransactionModelName | null;
  transaction: FitOutcome;
}

/**
 * The first candidate whose fit on the whole history is usable, in the order of their holdout scores, or
 * without those of their BIC on the whole history (every candidate then fitted). When none is usable, the
 * best-ranked one's outcome says why.
 */
function chooseTransactionModel(
  candidates: readonly TransactionModelName[],
  data: RfmData,
  holdoutScores: CandidateScore[],
): TransactionChoice {
  const tried: ModelChoice["tried"] = [];
  let order: TransactionModelName[] = holdoutScores.length > 0 ? holdoutScores.map((c) => c.model) : [];
  if (order.length === 0) {
    // No holdout: every candidate on the whole history, the lowest BIC among the usable first.
    for (const model of candidates) tried.push({ model, outcome: fitTransaction(model, data) });
    const bic = (o: FitOutcome) =>
      o.problem || !o.fit
        ? Infinity
        : o.fit.names.length * Math.log(o.fit.customers) - 2 * o.fit.logLikelihood;
    tried.sort((a, b) => bic(a.outcome) - bic(b.outcome));
    order = tried.map((t) => t.model);
  }
  for (const model of order) {
    let entry = tried.find((t) => t.model === model);
    if (!entry) {
      const score = holdoutScores.find((c) => c.model === model);
      entry = { model, outcome: fitTransaction(model, data, score?.binnedError) };
      tried.push(entry);
    }
    if (usableFit(entry.outcome)) return { tried, chosen: model, transaction: entry.outcome };
  }
  // None fit to use: the best-ranked one says why (with its code). Every path above tries at least one
  // candidate, as there is always one; the first candidate's own fit stands in should none have been tried,
  // so that the reason is always a coded one.
  const transaction = tried.length > 0 ? tried[0].outcome : fitTransaction(candidates[0], data);
  return { tried, chosen: null, transaction };
}

/**
 * Each customer's P(alive), expected purchases, CLV (with a usable spend model) and, for a model that holds
 * one-time buyers alive, who has not repeated yet; indexed like the summary.
 */
function customerPredictions(
  chosen: TransactionModelName,
  transactionFit: FitResult,
  spend: FitOutcome<GammaGammaFitResult>,
  inputs: CalibrationInputs,
  customers: number,
  config: ReportConfig,
): Pick<ReportModels, "probabilityAlive" | "expectedPurchases" | "clv" | "notYetRepeated"> {
  const unit = inputs.unit;
  const model = transactionModelOf(transactionFit);
  // A first purchase on the last day gives T = 0: a moment later is the same customer for the models.
  const T = float64Of(inputs.T.length, (i) => Math.max(inputs.T[i], 1e-9));
  const spendFit = usableFit(spend);
  const clvOptions = spendFit
    ? {
        spend: gammaGammaParams(spendFit),
        monetary: inputs.monetary,
        options: {
          periods: config.model.clvMonths,
          periodLength: monthIn(unit),
          discountRate: monthlyDiscountRate(config),
          margin: config.model.margin,
        },
      }
    : undefined;
  const predicted = predictCustomers(
    model,
    { x: inputs.x, tx: inputs.tX, T },
    config.model.horizonDays / DAYS_PER_UNIT[unit],
    clvOptions,
  );
  // Every customer of the summary is in the calibration cohort here, in the same order; scatter anyway.
  const scatter = (values: Float64Array) => {
    const all = new Float64Array(customers).fill(NaN);
    inputs.customer.forEach((c, i) => (all[c] = values[i]));
    return all;
  };
  let notYetRepeated: Uint8Array | null = null;
  if (transactionModelSpec(chosen).oneTimeBuyersAlive) {
    notYetRepeated = new Uint8Array(customers);
    const marks = notYetRepeated;
    inputs.customer.forEach((c, i) => (marks[c] = inputs.x[i] === 0 ? 1 : 0));
  }
  return {
    probabilityAlive: scatter(predicted.probabilityAlive),
    expectedPurchases: scatter(predicted.expectedPurchases),
    clv: predicted.clv ? scatter(predicted.clv) : null,
    notYetRepeated,
  };
}

/**
 * Chooses the purchase model (on the holdout when the history allows, else by BIC), fits both models on
 * the whole history and predicts for every customer of the summary.
 */
export function fitReportModels(
  /** The purchase days, or null for a customer summary (no holdout check, no tracking curve). */
  days: PurchaseDays | null,
  summary: CustomerSummary,
  config: ReportConfig,
): ReportModels {
  const unit = summary.unit;
  const inputs = calibrationInputs(summary);
  const data = fittable(inputs);
  const requested = config.model.transaction;
  const candidates = requested === "auto" ? TRANSACTION_MODEL_NAMES : [requested];
  const split = splitHistory(days, summary, config);
  const holdoutScores =
    "skipped" in split
      ? []
      : rankCandidates(
          candidates.map((name) => {
            markPhase(`fitting ${modelLabel(name)} on the calibration period`);
            return scoreCandidate(name, {
              calibration: split.data,
              holdout: split.data.holdout,
              holdoutLength: split.holdoutDays / DAYS_PER_UNIT[unit],
            });
          }),
        );
  const { tried, chosen, transaction } = chooseTransactionModel(candidates, data, holdoutScores);
  markPhase("fitting Gamma-Gamma");
  const spend = fitOutcome("Gamma-Gamma", () => fitGammaGamma({ x: data.x, monetary: data.monetary }));
  const choice: ModelChoice = {
    requested,
    candidates: holdoutScores,
    tried,
    chosen,
    why: explainChoice(
      requested,
      holdoutScores,
      tried,
      chosen,
      "skipped" in split ? null : split.holdoutDays,
      unit,
    ),
  };
  const out: ReportModels = {
    unit,
    transaction,
    choice,
    spend,
    probabilityAlive: null,
    expectedPurchases: null,
    horizonDays: config.model.horizonDays,
    clv: null,
    clvMonths: config.model.clvMonths,
    notYetRepeated: null,
    holdout: { skipped: NOT_RUN },
  };
  markPhase("fitting: the holdout check and tracking curve");
  out.holdout = holdoutCheck(days, summary, split, chosen, holdoutScores);
  markPhase("fitting: predictions per customer");
  const transactionFit = chosen ? usableFit(transaction) : null;
  if (!transactionFit || !chosen) return out;
  const n = summary.customerIds.length;
  return { ...out, ...customerPredictions(chosen, transactionFit, spend, inputs, n, config) };
}

/**
 * The chosen model checked on the holdout: its calibration fit's predicted vs actual purchases by
 * calibration frequency, and the cumulative repeat purchases of the whole base period by period
 * (customers acquired later enter the curve when they first buy).
 */
function holdoutCheck(
  days: PurchaseDays | null,
  summary: CustomerSummary,
  split: HoldoutSplit | { skipped: Bilingual<string> },
  chosen: TransactionModelName | null,
  scores: CandidateScore[],
): HoldoutOutcome {
  // Without purchase days (a customer summary) splitHistory has already said why there is no check.
  if ("skipped" in split || !days)
    return {
      skipped: "skipped" in split ? split.skipped : { en: "no purchase days", "zh-CN": "没有购买日期" },
    };
  const score = scores.find((c) => c.model === chosen) ?? scores[0];
  if (!score)
    return { skipped: { en: "no purchase model could be checked", "zh-CN": "没有可检验的购买模型" } };
  const label = modelLabel(score.model);
  const fit: FitOutcome = score.fit
    ? score.fit.converged
      ? { fit: score.fit, problem: null, diagnosis: score.diagnosis }
      : {
          fit: score.fit,
          problem: `${label} ${score.fit.reason}`,
          problemDetail: { code: "modelNotConverged", model: label },
        }
    : {
        fit: null,
        problem: `${label} could not be fitted: ${score.failure ?? ""}`,
        problemDetail: { code: "modelFailed", model: label },
      };
  const check: HoldoutCheck = {
    calibrationEnd: split.calibrationEnd,
    holdoutEnd: summary.asOf,
    cohort: split.inputs.customer.length,
    fit,
    rows: score.rows,
    tracking: null,
  };
  const usable = usableFit(fit);
  if (!usable) return { check };
  const model = transactionModelOf(usable);
  const perUnit = DAYS_PER_UNIT[summary.unit];
  const start = firstDayOfAll(summary);
  const history = summary.asOf - start;
  // Weekly up to three years of history, monthly beyond (a readable number of points either way).
  const periodDays = history <= 3 * 365 ? 7 : DAYS_PER_UNIT.month;
  const periods = Math.max(1, Math.ceil((history + 1) / periodDays));
  const firstPurchase = float64Of(summary.firstDay.length, (c) => (summary.firstDay[c] - start) / perUnit);
  check.tracking = {
    startDay: start,
    periodDays,
    periodEnds: Array.from({ length: periods }, (_, k) => Math.round(start + (k + 1) * periodDays - 1)),
    actual: repeatPurchasesPerPeriod(days, start, periodDays, periods).cumulative,
    expected: expectedCumulativeRepeatPurchases(model, firstPurchase, periods, periodDays / perUnit),
  };
  return { check };
}

/**
 * What the report predicts per customer with its chosen, non-degenerate purchase model (summary
 * order), or why there are no predictions: the one entry point for sheets that act on P(alive) and CLV.
 */
export type ChosenPredictions =
  | {
      available: true;
      model: ModelName;
      /** "BG/NBD". */
      label: string;
      diagnosis: FitDiagnosis | null;
      unit: TimeUnit;
      probabilityAlive: Float64Array;
      /** Expected purchase days in the next `horizonDays` days. */
      expectedPurchases: Float64Array;
      horizonDays: number;
      /** Discounted predicted value over `clvMonths` months; null when the spend model is not usable. */
      clv: Float64Array | null;
      clvMonths: number;
      /** See ReportModels.notYetRepeated: P(alive) of these customers is the model's 1, not evidence. */
      notYetRepeated: Uint8Array | null;
    }
  | {
      available: false;
      /** Why, in English and Chinese. */
      reason: Bilingual<string>;
      problem: ModelProblem | null;
    };

export function chosenPredictions(models: ReportModels | null): ChosenPredictions {
  if (!models) {
    return {
      available: false,
      reason: {
        en: "the models were not run (no selected sheet needs them)",
        "zh-CN": "未运行模型（所选工作表都不需要）",
      },
      problem: null,
    };
  }
  const { choice, transaction } = models;
  if (!choice.chosen || !models.probabilityAlive || !models.expectedPurchases) {
    return { available: false, reason: choice.why, problem: transaction.problemDetail ?? null };
  }
  return {
    available: true,
    model: choice.chosen,
    label: modelLabel(choice.chosen),
    diagnosis: transaction.diagnosis ?? null,
    unit: models.unit,
    probabilityAlive: models.probabilityAlive,
    expectedPurchases: models.expectedPurchases,
    horizonDays: models.horizonDays,
    clv: models.clv,
    clvMonths: models.clvMonths,
    notYetRepeated: models.notYetRepeated,
  };
}
