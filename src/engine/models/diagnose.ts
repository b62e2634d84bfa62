/**
 * Fit diagnostics: is a fitted purchase model fit to act on? A fit is "ok", "weak" (usable, with a
 * caveat) or "degenerate" (its predictions must not be used), from the signs of a likelihood that does
 * not pin the parameters down: relative standard errors, parameters run off to 0 or to huge values, an
 * ill-conditioned Hessian, a large error on held-out data, and implausible predictions (customers who
 * stopped buying long ago predicted to buy more than they ever did). Each reason is a code with its
 * figures, said in both languages by `diagnosisText`.
 */
import { fitStopText, parameterSymbol, type FitStop } from "../text/fit-stop";
import type { Language } from "../text/language";
import type { FitResult } from "./types";

export type FitClass = "ok" | "weak" | "degenerate";

export type DiagnosisReason =
  // `detail`: the optimiser's account in English (or the error that stopped the fit); `stop`: the same as a code.
  | { code: "notConverged"; detail: string; stop?: FitStop }
  | { code: "noStandardErrors" }
  | { code: "relativeStandardError"; param: string; value: number; se: number }
  | { code: "nearZero"; param: string; value: number }
  | { code: "huge"; param: string; value: number }
  | { code: "illConditioned"; condition: number }
  | { code: "holdoutError"; error: number }
  | { code: "implausible"; predicted: number; history: number; customers: number };

export interface FitDiagnosis {
  fitClass: FitClass;
  /** Why the class is not "ok" (empty when it is), the most serious first. */
  reasons: DiagnosisReason[];
}

/** What the data say beyond the fit itself, when known. */
export interface DiagnosisEvidence {
  /**
   * Relative error of the model's predictions on held-out data (the report's binned error: Σ over
   * frequency groups of |predicted − actual| / Σ actual).
   */
  holdoutError?: number;
  /**
   * Inactive customers (no purchase in the second half of their observed time): the purchases the model
   * expects of them over the next span as long as their history, against their repeat purchases so far.
   */
  inactive?: { customers: number; predicted: number; history: number };
}

/** Thresholds. Relative standard errors: above 1 the data hardly fix the parameter, above 10 not at all. */
const WEAK_RELATIVE_SE = 1;
const DEGENERATE_RELATIVE_SE = 10;
/** Parameters below this have run to the boundary (e.g. a → 0: nobody ever drops out). */
const NEAR_ZERO = 1e-2;
const AT_ZERO = 1e-4;
const HUGE = 1e6;
/** Condition numbers of the Hessian in log-parameters: beyond 1e8 directions of the likelihood are flat. */
const WEAK_CONDITION = 1e6;
const DEGENERATE_CONDITION = 1e10;
/** Holdout errors (relative): beyond 30 % the model is a rough guide, beyond 100 % no guide. */
const WEAK_HOLDOUT_ERROR = 0.3;
const DEGENERATE_HOLDOUT_ERROR = 1;

/** Classifies a fit from its own figures and, where known, the holdout error and its predictions. */
export function diagnoseFit(fit: FitResult, evidence: DiagnosisEvidence = {}): FitDiagnosis {
  const degenerate: DiagnosisReason[] = [];
  const weak: DiagnosisReason[] = [];
  if (!fit.converged) degenerate.push({ code: "notConverged", detail: fit.reason, stop: fit.stop });
  const se = fit.standardErrors;
  if (fit.converged && !se) degenerate.push({ code: "noStandardErrors" });
  fit.names.forEach((param, i) => {
    const value = fit.values[i];
    if (value < AT_ZERO) degenerate.push({ code: "nearZero", param, value });
    else if (value < NEAR_ZERO) weak.push({ code: "nearZero", param, value });
    if (value > HUGE) degenerate.push({ code: "huge", param, value });
    if (se) {
      const reason: DiagnosisReason = { code: "relativeStandardError", param, value, se: se[i] };
      if (se[i] > DEGENERATE_RELATIVE_SE * value) degenerate.push(reason);
      else if (se[i] > WEAK_RELATIVE_SE * value) weak.push(reason);
    }
  });
  const condition = fit.hessianCondition;
  if (fit.converged && se && Number.isFinite(condition)) {
    if (condition > DEGENERATE_CONDITION) degenerate.push({ code: "illConditioned", condition });
    else if (condition > WEAK_CONDITION) weak.push({ code: "illConditioned", condition });
  }
  const error = evidence.holdoutError;
  if (error !== undefined && Number.isFinite(error)) {
    if (error > DEGENERATE_HOLDOUT_ERROR) degenerate.push({ code: "holdoutError", error });
    else if (error > WEAK_HOLDOUT_ERROR) weak.push({ code: "holdoutError", error });
  }
  const inactive = evidence.inactive;
  if (inactive && inactive.customers > 0 && inactive.predicted > inactive.history) {
    degenerate.push({ code: "implausible", ...inactive });
  }
  const reasons = [...degenerate, ...weak];
  return { fitClass: degenerate.length > 0 ? "degenerate" : weak.length > 0 ? "weak" : "ok", reasons };
}

function fixed(v: number, digits = 3): string {
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toPrecision(digits);
}

function percent(v: number): string {
  return `${Math.round(v * 100)} %`;
}

/** One reason in words, English or Simplified Chinese. */
export function diagnosisText(reason: DiagnosisReason, lang: Language): string {
  const zh = lang === "zh-CN";
  switch (reason.code) {
    case "notConverged":
      // "the fit did not converge: p ran off ...", "拟合已停止：..." (the optimiser's account when known).
      if (reason.stop) return `${zh ? "拟合" : "the fit "}${fitStopText(reason.stop, lang)}`;
      return zh ? "拟合未收敛（客户或重复购买可能太少）" : `the fit did not converge: ${reason.detail}`;
    case "noStandardErrors":
      return zh
        ? "无法计算标准误（海森矩阵奇异）：数据无法确定参数"
        : "no standard errors (the Hessian is singular): the data do not determine the parameters";
    case "relativeStandardError":
      return zh
        ? `${parameterSymbol(reason.param)} = ${fixed(reason.value)} 的标准误为 ${fixed(reason.se)}（其值的 ${fixed(reason.se / reason.value, 2)} 倍）`
        : `${reason.param} = ${fixed(reason.value)} has a standard error of ${fixed(reason.se)} (${fixed(reason.se / reason.value, 2)} times its value)`;
    case "nearZero":
      return zh
        ? `${parameterSymbol(reason.param)} = ${fixed(reason.value)} 趋于 0（参数落在边界上）`
        : `${reason.param} = ${fixed(reason.value)} runs to 0 (the parameter sits on its bound)`;
    case "huge":
      return zh
        ? `${parameterSymbol(reason.param)} = ${fixed(reason.value)} 趋于无穷大`
        : `${reason.param} = ${fixed(reason.value)} runs off to infinity`;
    case "illConditioned":
      return zh
        ? `海森矩阵病态（条件数 ${fixed(reason.condition, 2)}）：似然在某些方向上几乎是平的`
        : `the Hessian is ill-conditioned (condition number ${fixed(reason.condition, 2)}): the likelihood is nearly flat in some direction`;
    case "holdoutError":
      return zh
        ? `对留出期的预测误差为 ${percent(reason.error)}`
        : `it missed the held-out purchases by ${percent(reason.error)}`;
    case "implausible":
      return zh
        ? `${reason.customers.toLocaleString("en-US")} 位已不活跃的客户被预测将购买 ${fixed(reason.predicted, 4)} 次，多于他们迄今全部的 ${fixed(reason.history, 4)} 次重复购买`
        : `${reason.customers.toLocaleString("en-US")} inactive customers are predicted to buy ${fixed(reason.predicted, 4)} times, more than their ${fixed(reason.history, 4)} repeat purchases so far`;
  }
}

/** The class and its reasons in one line: "degenerate: a = 3.4e-3 runs to 0; ...". */
export function diagnosisSummary(d: FitDiagnosis, lang: Language): string {
  const names = {
    en: { ok: "ok", weak: "weak", degenerate: "degenerate" },
    "zh-CN": { ok: "良好", weak: "较弱", degenerate: "退化" },
  }[lang];
  if (d.reasons.length === 0) return names.ok;
  const zh = lang === "zh-CN";
  return `${names[d.fitClass]}${zh ? "：" : ": "}${d.reasons.map((r) => diagnosisText(r, lang)).join(zh ? "；" : "; ")}`;
}
