/* Predictions of the LOYALTY namespace from a model row: P(alive), expected purchases, P(X(t) = n). */
import { argsOf, isOmitted } from "../excel/args";
import { codedValueError } from "../excel/errors";
import { excelCall } from "../excel/guard";
import { perRowResult, readRows, type RowTable } from "../excel/rows";
import { engineRowError, readCustomerRows } from "../models/customer-rows";
import { transactionModelOf } from "../models/prediction-args";
import { predictCustomers } from "../../engine/models/clv";

/**
 * One engine call per valid row; an engine's RangeError about a row becomes that row's #VALUE! (naming
 * argument `fallback` when the engine does not say which input it means).
 */
function perRowCompute(table: RowTable, compute: (row: number) => number, fallback?: number): unknown[][] {
  const rows = table.validRows();
  const out = new Array<unknown>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    try {
      out[k] = compute(i);
    } catch (e) {
      out[k] = engineRowError(e, table, [i], fallback);
    }
  }
  return perRowResult(table, rows, out);
}

const PALIVE_PARAMS = ["model", "x", "t_x", "T"] as const;

/**
 * Probability that a customer is still active at the end of the calibration period, from a model row and x, t_x, T. It is the model's number: BG/NBD gives a one-time buyer (x = 0) 1 however long ago they bought (the report says "not yet repeated").
 * @customfunction PALIVE
 * @helpurl https://localhost:3000/help.html#palive
 * @requiresParameterAddresses
 * @param model A model row as LOYALTY.BGNBD, LOYALTY.MBGNBD or LOYALTY.PARETONBD returns it.
 * @param x Repeat purchases of the customer (a cell or a column).
 * @param t_x Time from the first to the last purchase, in the unit the model was fitted in.
 * @param T Time from the first purchase to the end of the calibration period.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns P(alive), from 0 to 1, one per customer.
 */
export function pAlive(
  model: unknown[][],
  x: unknown[][],
  t_x: unknown[][],
  T: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.PALIVE", () => {
    const a = argsOf(PALIVE_PARAMS, [model, x, t_x, T], invocation);
    const { row, model: m } = transactionModelOf(a.model);
    const table = readCustomerRows(a.x, a.t_x, a.T, [], m.checks);
    const [xs, txs, Ts] = table.columns;
    return perRowCompute(table, (i) => m.probabilityAlive(row.params, xs[i], txs[i], Ts[i]));
  });
}

const EXPECTED_PARAMS = ["model", "t", "x", "t_x", "T"] as const;

/**
 * Expected number of repeat purchases in the next t time units: for a customer with history x, t_x, T when they are given, or for a new customer when they are left out.
 * @customfunction EXPECTED
 * @helpurl https://localhost:3000/help.html#expected
 * @requiresParameterAddresses
 * @param model A model row as LOYALTY.BGNBD or LOYALTY.PARETONBD returns it.
 * @param t The horizon, in the unit the model was fitted in (a cell, or a column of horizons).
 * @param [x] Repeat purchases of the customer; give x, t_x and T together, or none of them.
 * @param [t_x] Time from the first to the last purchase.
 * @param [T] Time from the first purchase to the end of the calibration period.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns Expected repeat purchases, one per customer (or per horizon).
 */
export function expected(
  model: unknown[][],
  t: unknown[][],
  x?: unknown[][],
  t_x?: unknown[][],
  T?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.EXPECTED", () => {
    const a = argsOf(EXPECTED_PARAMS, [model, t, x, t_x, T], invocation);
    const { row, model: m } = transactionModelOf(a.model);
    const given = [a.x, a.t_x, a.T].filter((arg) => !isOmitted(arg)).length;
    const horizon = { arg: a.t, rule: { min: 0 } };
    if (given === 0) {
      const table = readRows([horizon]);
      const [ts] = table.columns;
      return perRowCompute(table, (i) => m.expectedPurchases(row.params, ts[i]), 0);
    }
    if (given < 3) throw codedValueError({ code: "partialHistory", names: [a.x.name, a.t_x.name, a.T.name] });
    const table = readCustomerRows(a.x, a.t_x, a.T, [{ ...horizon, shared: true }], m.checks);
    const [xs, txs, Ts, ts] = table.columns;
    const engineModel = m.engineModel?.(row.params);
    if (engineModel && table.vectors[3].cells.length === 1) {
      // One horizon for every customer: the engine's batch prediction, with the same numbers, computes
      // the work that depends on (x, T) once per distinct pair.
      const rows = table.validRows();
      const [x, tx, T] = [0, 1, 2].map((c) => table.pick(c, rows));
      const t = rows.length > 0 ? ts[rows[0]] : 0;
      return perRowResult(table, rows, predictCustomers(engineModel, { x, tx, T }, t).expectedPurchases);
    }
    return perRowCompute(
      table,
      (i) => m.conditionalExpectedPurchases(row.params, ts[i], xs[i], txs[i], Ts[i]),
      3,
    );
  });
}

const PROB_PARAMS = ["model", "t", "n"] as const;

/**
 * Probability that a new customer makes exactly n repeat purchases in a period of length t (BG/NBD).
 * @customfunction PROBPURCHASES
 * @helpurl https://localhost:3000/help.html#probpurchases
 * @requiresParameterAddresses
 * @param model A BG/NBD model row as LOYALTY.BGNBD returns it.
 * @param t Length of the period, in the unit the model was fitted in.
 * @param n Number of repeat purchases: 0, 1, 2... (a cell or a column, e.g. 0 to 10 for the whole distribution).
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns P(X(t) = n), one per value of n (or t).
 */
export function probPurchases(
  model: unknown[][],
  t: unknown[][],
  n: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.PROBPURCHASES", () => {
    const a = argsOf(PROB_PARAMS, [model, t, n], invocation);
    const { row, model: m } = transactionModelOf(a.model);
    const probability = m.probabilityOfPurchases;
    if (!probability) throw codedValueError({ code: "bgnbdOnly", name: a.model.name });
    const table = readRows([
      { arg: a.t, rule: { min: 0 } },
      { arg: a.n, rule: { min: 0, integer: true } },
    ]);
    const [ts, ns] = table.columns;
    return perRowCompute(table, (i) => probability(row.params, ts[i], ns[i]));
  });
}
