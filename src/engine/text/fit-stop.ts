/**
 * Why the optimiser stopped fitting a model, in both languages: `loyalty fit` prints it under the
 * parameters, the Model sheet and the diagnosis name it for a fit that did not converge. The figures
 * (the largest gradient component, the tolerance, the iterations) and the parameter names are the same
 * in both; the Chinese writes α, β and γ as the literature does.
 */
import { bilingual } from "./bilingual";
import type { Language } from "./language";

/** How a fit ended, as a code and the figures its text names (FitResult.stop). */
export type FitStop =
  | { code: "gradient"; gradient: number; tolerance: number; iterations: number }
  | { code: "precision"; gradient: number; iterations: number }
  | { code: "maxIterations"; gradient: number; iterations: number }
  | { code: "lineSearch"; gradient: number }
  | { code: "diverged"; parameter: string; towardsZero: boolean }
  | { code: "notFinite" }
  | { code: "notIdentified"; parameters: string[] };

/** A gradient as the texts write it: one significant decimal, in exponent form (3.2e-10). */
const g = (gradient: number) => gradient.toExponential(1);

/**
 * A parameter as the Chinese texts write it: the Greek letters the literature uses for α, β and γ (v of
 * Gamma-Gamma), and BG/BB's γ and δ; the Latin letters (r, a, b, s, p, q) as they are.
 */
export function parameterSymbol(param: string): string {
  return (
    ({ alpha: "α", beta: "β", v: "γ", gamma: "γ", delta: "δ" } as Record<string, string>)[param] ?? param
  );
}

export const FIT_STOP_TEXTS = bilingual({
  en: {
    gradient: (gradient: number, tolerance: number, iterations: number) =>
      `converged: largest gradient component ${g(gradient)} < ${tolerance} after ${iterations} iterations`,
    precision: (gradient: number, iterations: number) =>
      "converged to the precision of double arithmetic: no step lowers the objective further, " +
      `largest gradient component ${g(gradient)} after ${iterations} iterations`,
    maxIterations: (gradient: number, iterations: number) =>
      `did not converge in ${iterations} iterations (largest gradient component ${g(gradient)})`,
    lineSearch: (gradient: number) =>
      `stopped: no step lowers the objective any more, but the gradient (${g(gradient)}) is not small; ` +
      "the likelihood is flat or ill-conditioned here",
    diverged: (parameter: string, towardsZero: boolean) =>
      `did not converge: ${parameter} ran off to ${towardsZero ? "0" : "infinity"}, the data do not identify it ` +
      "(too few customers or repeat purchases?); a penalizer can help",
    notFinite: "did not converge: the log-likelihood is not finite at the starting values",
    notIdentified: (parameters: string[]) =>
      "did not converge to a proper maximum: the likelihood levels off and " +
      `${parameters.join(", ")} ${parameters.length > 1 ? "are" : "is"} not identified by the data ` +
      "(too few customers or repeat purchases?); a penalizer can help",
  },
  "zh-CN": {
    gradient: (gradient: number, tolerance: number, iterations: number) =>
      `已收敛：迭代 ${iterations} 次后，梯度的最大分量为 ${g(gradient)}，小于 ${tolerance}`,
    precision: (gradient: number, iterations: number) =>
      "已收敛到双精度运算的精度：再无任何一步能降低目标函数，" +
      `迭代 ${iterations} 次后梯度的最大分量为 ${g(gradient)}`,
    maxIterations: (gradient: number, iterations: number) =>
      `未收敛：迭代 ${iterations} 次后仍未收敛（梯度的最大分量为 ${g(gradient)}）`,
    lineSearch: (gradient: number) =>
      `已停止：再无任何一步能降低目标函数，但梯度（${g(gradient)}）并不小；此处似然平坦或病态`,
    diverged: (parameter: string, towardsZero: boolean) =>
      `未收敛：${parameterSymbol(parameter)} 趋于${towardsZero ? " 0" : "无穷大"}，数据无法确定它` +
      "（客户或重复购买可能太少）；设置惩罚系数可能有帮助",
    notFinite: "未收敛：在初始值处对数似然不是有限值",
    notIdentified: (parameters: string[]) =>
      `未收敛到真正的最大值：似然趋于平坦，数据无法确定 ${parameters.map(parameterSymbol).join("、")}` +
      "（客户或重复购买可能太少）；设置惩罚系数可能有帮助",
  },
});

/** How the fit ended, in `language`. */
export function fitStopText(stop: FitStop, language: Language): string {
  const t = FIT_STOP_TEXTS[language];
  switch (stop.code) {
    case "gradient":
      return t.gradient(stop.gradient, stop.tolerance, stop.iterations);
    case "precision":
      return t.precision(stop.gradient, stop.iterations);
    case "maxIterations":
      return t.maxIterations(stop.gradient, stop.iterations);
    case "lineSearch":
      return t.lineSearch(stop.gradient);
    case "diverged":
      return t.diverged(stop.parameter, stop.towardsZero);
    case "notFinite":
      return t.notFinite;
    case "notIdentified":
      return t.notIdentified(stop.parameters);
  }
}
