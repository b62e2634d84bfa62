/* Value functions of the LOYALTY namespace: expected order value, lifetime value with and without a model. */
import { simpleLtv, SimpleLtvInputError, type SimpleLtvInput } from "../../engine/clv/simple-ltv";
import { customerLifetimeValue, predictCustomers, type ClvOptions } from "../../engine/models/clv";
import { gammaGammaExpectedValue, type GammaGammaParams } from "../../engine/models/gammagamma";
import { CLV_DEFAULTS, DEFAULT_MODEL_UNIT, monthIn, monthlyRate } from "../../engine/models/clv-conventions";
import { readCustomerRows } from "../models/customer-rows";
import { clvKinds, TRANSACTION_MODELS } from "../models/engines";
import { parseModelRow } from "../models/model-row";
import { argsOf, isOmitted, optionalNumber, type Arg } from "../excel/args";
import { codedNumError, codedValueError, type ExcelError } from "../excel/errors";
import type { ArgPlace } from "../../i18n/function-errors";
import { InputRuleError } from "../../engine/text/model-inputs";
import { excelCall } from "../excel/guard";
import { perRowResult, readRows } from "../excel/rows";

const LTV_PARAMS = [
  "avg_value",
  "purchases_per_period",
  "retention",
  "margin",
  "discount_rate",
  "periods",
] as const;

/** Which engine input each LTV argument feeds, so an engine message points at the user's cell. */
const LTV_FIELDS: (keyof SimpleLtvInput)[] = [
  "averageValue",
  "purchasesPerPeriod",
  "retention",
  "margin",
  "discountRate",
  "periods",
];

function ltvAdapter(a: Record<(typeof LTV_PARAMS)[number], Arg>): unknown[][] {
  const perpetuity = isOmitted(a.periods);
  const args = perpetuity ? LTV_PARAMS.slice(0, 5) : LTV_PARAMS;
  // A row is a customer when its value or frequency is filled; the rates may be shared by all.
  const table = readRows(args.map((name, c) => ({ arg: a[name], shared: c >= 2 })));
  const rows = table.validRows();
  const [value, frequency, retention, margin, discount, periods] = table.columns;
  const out = new Array<unknown>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    try {
      const ltv = simpleLtv({
        averageValue: value[i],
        purchasesPerPeriod: frequency[i],
        retention: retention[i],
        margin: margin[i],
        discountRate: discount[i],
        periods: perpetuity ? undefined : periods[i],
      });
      out[k] = Number.isFinite(ltv)
        ? ltv
        : codedNumError({
            code: "perpetuity",
            row: i + 1,
            retention: retention[i],
            discountRate: discount[i],
            periods: a.periods.name,
          });
    } catch (e) {
      if (!(e instanceof SimpleLtvInputError)) throw e;
      const place = table.argPlace(LTV_FIELDS.indexOf(e.field), i);
      out[k] = codedValueError({ code: "inputRule", place, problem: e.problem });
    }
  }
  return perRowResult(table, rows, out);
}

/**
 * Classic lifetime value when no purchase model fits: the margin per period m = average value × purchases per period × margin, kept at the retention rate and discounted each period, over periods or for ever as m·r/(1+d−r) (Gupta & Lehmann 2003).
 * @customfunction LTV
 * @helpurl https://localhost:3000/help.html#ltv
 * @requiresParameterAddresses
 * @param avg_value Average value of one purchase (money). A cell, or a column with one row per customer.
 * @param purchases_per_period Purchases per customer per period (a year, a month...).
 * @param retention Share of customers kept from one period to the next: 80% or 0.8.
 * @param margin Profit margin as a share of the purchase value: 30% or 0.3.
 * @param discount_rate Discount rate per period: 10% or 0.1.
 * @param [periods] Number of periods to sum; leave out for the perpetuity m·r/(1+d−r).
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The lifetime value, one per row.
 */
export function ltv(
  avg_value: unknown[][],
  purchases_per_period: unknown[][],
  retention: unknown[][],
  margin: unknown[][],
  discount_rate: unknown[][],
  periods?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.LTV", () =>
    ltvAdapter(
      argsOf(
        LTV_PARAMS,
        [avg_value, purchases_per_period, retention, margin, discount_rate, periods],
        invocation,
      ),
    ),
  );
}

/** #NUM! for the engine's refusal of an infinite Gamma-Gamma mean (q ≤ 1 with x = 0); anything else is thrown. */
function infiniteValue(e: unknown, place: ArgPlace): ExcelError {
  if (!(e instanceof InputRuleError)) throw e;
  return codedNumError({ code: "inputRule", place, problem: e.problem });
}

const AVGVALUE_PARAMS = ["gg_model", "x", "mean_value"] as const;

/**
 * Expected average order value of a customer from the Gamma-Gamma model: a weighted mean of the population's mean value and the customer's own mean repeat value, weighted by how many repeat purchases back it (x = 0 gives the population mean).
 * @customfunction AVGVALUE
 * @helpurl https://localhost:3000/help.html#avgvalue
 * @requiresParameterAddresses
 * @param gg_model A Gamma-Gamma model row as LOYALTY.GAMMAGAMMA returns it.
 * @param x Repeat purchases of the customer (a cell or a column).
 * @param mean_value Mean value of the customer's repeat purchases (0 when x = 0).
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns E[M | x, mean value], one per customer.
 */
export function avgValue(
  gg_model: unknown[][],
  x: unknown[][],
  mean_value: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.AVGVALUE", () => {
    const a = argsOf(AVGVALUE_PARAMS, [gg_model, x, mean_value], invocation);
    const gg = parseModelRow(a.gg_model, ["gg"]).params as unknown as GammaGammaParams;
    const table = readRows([
      { arg: a.x, rule: { min: 0 } },
      { arg: a.mean_value, rule: { min: 0 } },
    ]);
    const rows = table.validRows();
    const [xs, ms] = table.columns;
    const out = new Array<unknown>(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      try {
        out[k] = gammaGammaExpectedValue(gg, xs[i], ms[i]);
      } catch (e) {
        // The engine refuses only an infinite mean (q ≤ 1 with x = 0): a number too large, #NUM!.
        out[k] = infiniteValue(e, table.argPlace(0, i));
      }
    }
    return perRowResult(table, rows, out);
  });
}

const CLV_PARAMS = [
  "model",
  "gg_model",
  "x",
  "t_x",
  "T",
  "mean_value",
  "horizon",
  "discount_rate",
  "margin",
  "period_length",
] as const;

/**
 * Model-based lifetime value: purchases expected in each coming period × Gamma-Gamma value × margin, discounted at each period's end. The defaults give the report's value: 12 calendar months of a model in weeks at 10% a year (see the help page).
 * @customfunction CLV
 * @helpurl https://localhost:3000/help.html#clv
 * @requiresParameterAddresses
 * @param model A model row of LOYALTY.BGNBD, PARETONBD or MBGNBD.
 * @param gg_model A Gamma-Gamma model row of LOYALTY.GAMMAGAMMA.
 * @param x Repeat purchases of the customer (a cell or a column).
 * @param t_x Time from the first to the last purchase, in the unit the model was fitted in.
 * @param T Time from the first purchase to the end of the calibration period.
 * @param mean_value Mean value of the customer's repeat purchases (0 when x = 0).
 * @param [horizon] Number of periods ahead. Default 12 (a year of months).
 * @param [discount_rate] Discount rate per period: 1% a month is 0.01. Default 0.797%, the monthly rate of 10% a year.
 * @param [margin] Profit margin as a share of value, 30% or 0.3. Default 1: the CLV in revenue.
 * @param [period_length] Length of a period in the model's time unit. Default 4.348, a calendar month (365.25/12 days) in weeks, the unit of LOYALTY.SUMMARY's default; give 30.4375 for a model fitted in days, 1 in months.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The discounted lifetime value over the horizon, one per customer.
 */
export function clv(
  model: unknown[][],
  gg_model: unknown[][],
  x: unknown[][],
  t_x: unknown[][],
  T: unknown[][],
  mean_value: unknown[][],
  horizon?: unknown,
  discount_rate?: unknown,
  margin?: unknown,
  period_length?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.CLV", () => {
    const a = argsOf(
      CLV_PARAMS,
      [model, gg_model, x, t_x, T, mean_value, horizon, discount_rate, margin, period_length],
      invocation,
    );
    const row = parseModelRow(a.model, clvKinds());
    const engineModel = TRANSACTION_MODELS[row.kind]!.engineModel!(row.params);
    const spend = parseModelRow(a.gg_model, ["gg"]).params as unknown as GammaGammaParams;
    // The report's conventions (clv-conventions.ts), so that the defaults give its predicted value.
    const options: ClvOptions = {
      periods: optionalNumber(a.horizon, CLV_DEFAULTS.months, { min: 0, integer: true }),
      discountRate: optionalNumber(a.discount_rate, monthlyRate(CLV_DEFAULTS.annualDiscountRate), {
        min: -1,
        minExclusive: true,
      }),
      margin: optionalNumber(a.margin, CLV_DEFAULTS.margin, { min: 0, max: 1 }),
      periodLength: optionalNumber(a.period_length, monthIn(DEFAULT_MODEL_UNIT), {
        min: 0,
        minExclusive: true,
      }),
    };
    const table = readCustomerRows(a.x, a.t_x, a.T, [{ arg: a.mean_value, rule: { min: 0 } }]);
    const rows = table.validRows();
    const [xs, txs, Ts, ms] = [0, 1, 2, 3].map((c) => table.pick(c, rows));
    // All customers at once: the engine computes each distinct (x, t_x, T) history once.
    const all = predictCustomers(engineModel, { x: xs, tx: txs, T: Ts }, 0, {
      spend,
      monetary: ms,
      options,
    }).clv as Float64Array;
    if (!all.some(Number.isNaN)) return perRowResult(table, rows, all);
    // Some customer's value is infinite (Gamma-Gamma with q ≤ 1 and x = 0): row by row, with the reason.
    const out = Array.from(rows, (i, k) => {
      try {
        return customerLifetimeValue(engineModel, spend, xs[k], txs[k], Ts[k], ms[k], options);
      } catch (e) {
        return infiniteValue(e, table.argPlace(0, i));
      }
    });
    return perRowResult(table, rows, out);
  });
}
