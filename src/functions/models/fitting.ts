/**
 * Fit functions: customer rows in, a model row out (SPEC §3), through the cache of fits so that the
 * same inputs are fitted once per session of the shared runtime.
 */
import type { FitResult } from "../../engine/models/types";
import { optionalBoolean, optionalNumber, type Arg } from "../excel/args";
import { numError, valueError } from "../excel/errors";
import { FitCache } from "./fit-cache";
import { MODEL_ROWS, modelLabels, modelRow, type ModelKind } from "./model-row";
import { TRANSACTION_MODELS } from "./engines";
import { readCustomerRows } from "./customer-rows";

/** The fits of this session, shared by every function (and the task pane) in the shared runtime. */
export const modelFits = new FitCache<FitResult>(32);

/** The model row of a fit, with the label row above it when asked for. */
export function fitOutput(kind: ModelKind, fit: FitResult, labels: boolean): unknown[][] {
  if (!fit.converged) throw numError(`the ${MODEL_ROWS[kind].label} fit did not converge: ${fit.reason}`);
  const row = modelRow(kind, fit.values, fit.logLikelihood);
  return labels ? [modelLabels(kind), row] : [row];
}

export interface TransactionFitArgs {
  frequency: Arg;
  recency: Arg;
  T: Arg;
  penalty: Arg;
  labels: Arg;
}

/** Fits BG/NBD, Pareto/NBD or MBG/NBD to the customers' x, t_x and T. */
export function fitTransactionModel(kind: ModelKind, a: TransactionFitArgs): unknown[][] {
  const model = TRANSACTION_MODELS[kind];
  if (!model) throw valueError(`${MODEL_ROWS[kind].label} is not available in this version`);
  const penalty = optionalNumber(a.penalty, 0, { min: 0 });
  const labels = optionalBoolean(a.labels, false);
  const table = readCustomerRows(a.frequency, a.recency, a.T);
  const problem = table.firstError();
  if (problem) throw problem;
  const rows = table.validRows();
  if (rows.length === 0) throw valueError("frequency, recency and T hold no customers");
  const [x, tx, T] = [0, 1, 2].map((c) => table.pick(c, rows));
  const fit = modelFits.getOrFit([x, tx, T], `${kind}|penalty=${penalty}`, () =>
    model.fit({ x, tx, T }, { penalizer: penalty }),
  );
  return fitOutput(kind, fit, labels);
}
