/* Model fits of the LOYALTY namespace: customer rows in, a model row (name, parameters, log-likelihood) out. */
import { argsOf } from "../excel/args";
import { excelCall } from "../excel/guard";
import { fitSpendModel, fitTransactionModel } from "../models/fitting";

const FIT_PARAMS = ["frequency", "recency", "T", "penalty", "labels"] as const;

/** BGNBD, PARETONBD and MBGNBD: the same arguments, fitted to their model. */
function fitCall(
  name: string,
  model: "bgnbd" | "pnbd" | "mbgnbd",
  values: unknown[],
  invocation: CustomFunctions.Invocation | undefined,
): unknown[][] {
  return excelCall(name, (language) =>
    fitTransactionModel(model, argsOf(FIT_PARAMS, values, invocation), language),
  );
}

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
  return fitCall("LOYALTY.BGNBD", "bgnbd", [frequency, recency, T, penalty, labels], invocation);
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
  return fitCall("LOYALTY.PARETONBD", "pnbd", [frequency, recency, T, penalty, labels], invocation);
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007), BG/NBD with a possible drop-out before the first repeat purchase: returns the model row MBG/NBD | r | alpha | a | b | log-likelihood.
 * @customfunction MBGNBD
 * @helpurl https://localhost:3000/help.html#mbgnbd
 * @requiresParameterAddresses
 * @param frequency Repeat purchases x of each customer (column x of LOYALTY.SUMMARY).
 * @param recency Time t_x from the first to the last purchase, in the unit of T.
 * @param T Time from the first purchase to the end of the calibration period (weeks, days or months).
 * @param [penalty] L2 penalty on the parameters for small or degenerate data, as lifetimes' penalizer. Default 0.
 * @param [labels] TRUE to put a row of labels (model, r, alpha, a, b, log-likelihood) above the model row.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The model row.
 */
export function mbgnbd(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalty?: unknown,
  labels?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return fitCall("LOYALTY.MBGNBD", "mbgnbd", [frequency, recency, T, penalty, labels], invocation);
}

const BGBB_PARAMS = ["frequency", "recency", "n", "weights", "penalty", "labels"] as const;

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) for discrete opportunities such as yearly donations or monthly visits: returns the model row BG/BB | alpha | beta | gamma | delta | log-likelihood.
 * @customfunction BGBB
 * @helpurl https://localhost:3000/help.html#bgbb
 * @requiresParameterAddresses
 * @param frequency Number of opportunities with a transaction x (0 to n), per customer or per row of a recency/frequency table.
 * @param recency The opportunity of the last transaction t_x (0 when x = 0).
 * @param n Number of opportunities observed.
 * @param [weights] Number of customers with this (x, t_x, n), for a recency/frequency table; default one each.
 * @param [penalty] L2 penalty on the parameters for small or degenerate data. Default 0.
 * @param [labels] TRUE to put a row of labels (model, alpha, beta, gamma, delta, log-likelihood) above the model row.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The model row.
 */
export function bgbb(
  frequency: unknown[][],
  recency: unknown[][],
  n: unknown[][],
  weights?: unknown[][],
  penalty?: unknown,
  labels?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.BGBB", (language) => {
    const a = argsOf(BGBB_PARAMS, [frequency, recency, n, weights, penalty, labels], invocation);
    return fitTransactionModel("bgbb", { ...a, T: a.n }, language);
  });
}

const GG_PARAMS = ["frequency", "monetary", "penalty", "labels"] as const;

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005) to the mean repeat purchase value of customers with repeat purchases (the others are left out, as the model requires): returns the model row Gamma-Gamma | p | q | v | log-likelihood.
 * @customfunction GAMMAGAMMA
 * @helpurl https://localhost:3000/help.html#gammagamma
 * @requiresParameterAddresses
 * @param frequency Repeat purchases x of each customer (column x of LOYALTY.SUMMARY).
 * @param monetary Mean value of the customer's repeat purchases (column mean repeat value of LOYALTY.SUMMARY).
 * @param [penalty] L2 penalty on the parameters for small or degenerate data, as lifetimes' penalizer. Default 0.
 * @param [labels] TRUE to put a row of labels (model, p, q, v, log-likelihood) above the model row.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The model row.
 */
export function gammaGamma(
  frequency: unknown[][],
  monetary: unknown[][],
  penalty?: unknown,
  labels?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.GAMMAGAMMA", (language) =>
    fitSpendModel(argsOf(GG_PARAMS, [frequency, monetary, penalty, labels], invocation), language),
  );
}
