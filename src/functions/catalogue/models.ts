/* Model fits of the LOYALTY namespace: customer rows in, a model row (name, parameters, log-likelihood) out. */
import { argsOf } from "../excel/args";
import { excelCall } from "../excel/guard";
import { fitTransactionModel } from "../models/fitting";

const FIT_PARAMS = ["frequency", "recency", "T", "penalty", "labels"] as const;

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) to customers' repeat purchases: returns the model row BG/NBD | r | alpha | a | b | log-likelihood that PALIVE, EXPECTED and CLV take.
 * @customfunction BGNBD
 * @helpurl https://localhost:3000/help.html#bgnbd
 * @requiresParameterAddresses
 * @param frequency Repeat purchases x of each customer (column x of LOYALTY.SUMMARY).
 * @param recency Time t_x from the first to the last purchase, in the unit of T.
 * @param T Time from the first purchase to the end of the calibration period (weeks, days or months).
 * @param [penalty] L2 penalty on the parameters for small or degenerate data, as lifetimes' penalizer. Default 0.
 * @param [labels] TRUE to put a row of labels (model, r, alpha, a, b, log-likelihood) above the model row.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The model row.
 */
export function bgnbd(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalty?: unknown,
  labels?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.BGNBD", () =>
    fitTransactionModel("bgnbd", argsOf(FIT_PARAMS, [frequency, recency, T, penalty, labels], invocation)),
  );
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) to customers' repeat purchases: returns the model row Pareto/NBD | r | alpha | s | beta | log-likelihood.
 * @customfunction PARETONBD
 * @helpurl https://localhost:3000/help.html#paretonbd
 * @requiresParameterAddresses
 * @param frequency Repeat purchases x of each customer (column x of LOYALTY.SUMMARY).
 * @param recency Time t_x from the first to the last purchase, in the unit of T.
 * @param T Time from the first purchase to the end of the calibration period (weeks, days or months).
 * @param [penalty] L2 penalty on the parameters for small or degenerate data, as lifetimes' penalizer. Default 0.
 * @param [labels] TRUE to put a row of labels (model, r, alpha, s, beta, log-likelihood) above the model row.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The model row.
 */
export function paretoNbd(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalty?: unknown,
  labels?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.PARETONBD", () =>
    fitTransactionModel("pnbd", argsOf(FIT_PARAMS, [frequency, recency, T, penalty, labels], invocation)),
  );
}
