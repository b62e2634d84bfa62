/**
 * Fit functions: customer rows in, a model row out (SPEC §3), through the cache of fits so that the
 * same inputs are fitted once per session of the shared runtime.
 */
import { fitGammaGamma } from "../../engine/models/gammagamma";
import type { FitResult } from "../../engine/models/types";
import { readRows } from "../excel/rows";
import { isOmitted, optionalBoolean, optionalNumber, type Arg } from "../excel/args";
import { codedNumError, codedValueError } from "../excel/errors";
import { FitCache } from "./fit-cache";
import type { Language } from "../../engine/text/language";
import { modelLabels, modelRow } from "./model-row";
import { modelLabel, type ModelName } from "../../engine/models/registry";
import { TRANSACTION_MODELS } from "./engines";
import { engineRowError, readCustomerRows } from "./customer-rows";

/** The fits of this session, shared by every function (and the task pane) in the shared runtime. */
export const modelFits = new FitCache<FitResult>(32);

/** The model row of a fit, with the label row above it when asked for. */
export function fitOutput(kind: ModelName, fit: FitResult, labels: boolean, language: Language): unknown[][] {
  if (!fit.converged)
    throw codedNumError({ code: "notConverged", model: modelLabel(kind), reason: fit.reason });
  const row = modelRow(kind, fit.values, fit.logLikelihood);
  return labels ? [modelLabels(kind, language), row] : [row];
}

export interface TransactionFitArgs {
  frequency: Arg;
  recency: Arg;
  /** T, or the number of opportunities n for BG/BB. */
  T: Arg;
  /** Number of identical customers per row (BG/BB's recency/frequency matrix); absent elsewhere. */
  weights?: Arg;
  penalty: Arg;
  labels: Arg;
}

/** Fits BG/NBD, Pareto/NBD, MBG/NBD or BG/BB to the customers' x, t_x and T (or n). */
export function fitTransactionModel(kind: ModelName, a: TransactionFitArgs, language: Language): unknown[][] {
  const model = TRANSACTION_MODELS[kind];
  if (!model) throw codedValueError({ code: "modelUnavailable", model: modelLabel(kind) });
  const penalty = optionalNumber(a.penalty, 0, { min: 0 });
  const labels = optionalBoolean(a.labels, false);
  const weighted = a.weights !== undefined && !isOmitted(a.weights);
  const extra = weighted && a.weights ? [{ arg: a.weights, rule: { min: 0 } }] : [];
  const table = readCustomerRows(a.frequency, a.recency, a.T, extra, model.checks);
  const problem = table.firstError();
  if (problem) throw problem;
  const rows = table.validRows();
  if (rows.length === 0)
    throw codedValueError({ code: "noCustomers", names: [a.frequency.name, a.recency.name, a.T.name] });
  const inputs = table.columns.map((_, c) => table.pick(c, rows));
  const [x, tx, T, weights] = inputs;
  const fit = modelFits.getOrFit(inputs, `${kind}|penalty=${penalty}`, () => {
    try {
      return model.fit({ x, tx, T, weights }, { penalizer: penalty });
    } catch (e) {
      throw engineRowError(e, table, rows);
    }
  });
  return fitOutput(kind, fit, labels, language);
}

export interface SpendFitArgs {
  frequency: Arg;
  monetary: Arg;
  penalty: Arg;
  labels: Arg;
}

/**
 * Fits the Gamma-Gamma spend model to the customers' x and mean repeat value. The model is defined on
 * customers with repeat purchases of positive value; the others are rows of the range, not errors, and
 * the engine leaves them out (LOYALTY.SUMMARY gives them x = 0 and a mean value of 0).
 */
export function fitSpendModel(a: SpendFitArgs, language: Language): unknown[][] {
  const penalty = optionalNumber(a.penalty, 0, { min: 0 });
  const labels = optionalBoolean(a.labels, false);
  const table = readRows([
    { arg: a.frequency, rule: { min: 0 } },
    { arg: a.monetary, rule: { min: 0 } },
  ]);
  const problem = table.firstError();
  if (problem) throw problem;
  const rows = table.validRows();
  const [x, monetary] = [0, 1].map((c) => table.pick(c, rows));
  const fit = modelFits.getOrFit([x, monetary], `gg|penalty=${penalty}`, () =>
    fitGammaGamma({ x, monetary }, { penalizer: penalty }),
  );
  return fitOutput("gg", fit, labels, language);
}
