/**
 * `loyalty fit INPUT --model bgnbd|pnbd|gg|bgbb|mbgnbd [--json]`: fits a buy-till-you-die model to a
 * summary file or a transaction file and prints the estimates, standard errors, log-likelihood and
 * whether (and why) the optimiser converged.
 */
import { performance } from "node:perf_hooks";
import { Option, type Command } from "commander";
import { DAY_ORDERS, type DayOrder } from "../../engine/data/parse-date";
import { ModelInputError } from "../../engine/models/data";
import type { GammaGammaFitResult } from "../../engine/models/gammagamma";
import { MODEL_NAMES, modelLabel, modelSpec, type ModelName } from "../../engine/models/registry";
import { paramsOf, type FitResult } from "../../engine/models/types";
import { isTimeUnit, type TimeUnit } from "../../engine/summary/time-unit";
import { isSummaryTable, readSummaryTable, summarizeTransactionTable, type FitInput } from "../fit-input";
import { UserError, type CliIO } from "../io";
import { readTableFile } from "../read-table-file";
import { counted } from "../../engine/text/counted";
import type { RawTable } from "../../engine/data/table";
import type { ModelSpec } from "../../engine/models/model-spec";
import { READ_ENGINES, usesDuckDb, type ReadEngine } from "../duckdb/engine-choice";
import { fitInputWithDuckDb } from "../duckdb/fit-with-duckdb";

interface FitCommandOptions {
  model: ModelName;
  json?: boolean;
  customer?: string;
  date?: string;
  amount?: string;
  calibrationEnd?: string;
  dateOrder: string;
  unit: string;
  penalizer: string;
  engine: ReadEngine;
}

function fitModel(model: ModelName, input: FitInput, penalizer: number): FitResult {
  const options = { penalizer };
  const weights = input.weights ?? undefined;
  const spec = modelSpec(model);
  switch (spec.family) {
    case "transaction":
      return spec.fit({ x: input.x, tx: input.tx, T: input.T, weights }, options);
    case "spend":
      return spec.fit({ x: input.x, monetary: input.monetary as Float64Array, weights }, options);
    case "opportunity":
      return spec.fit({ x: input.x, tx: input.tx, n: input.periods ?? input.T, weights }, options);
  }
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(4) : v.toPrecision(7);
}

function textReport(fit: FitResult, source: string, input: FitInput, seconds: number): string {
  const lines: string[] = [];
  const unit = input.unit ? `, time unit: ${input.unit}` : "";
  lines.push(
    `${modelLabel(fit.model)} fitted to ${counted(fit.customers, "customer")} ` +
      `(${counted(fit.distinctRows, "distinct row")}) from ${source} (${input.kind}${unit})`,
  );
  const excluded = (fit as GammaGammaFitResult).excluded;
  if (excluded) {
    lines.push(
      `left out: ${counted(excluded.noRepeatPurchases, "customer")} without repeat purchases, ` +
        `${excluded.nonPositiveValue.toLocaleString("en-US")} with a mean repeat value ≤ 0`,
    );
  }
  lines.push("", "parameter   estimate      std. error");
  fit.names.forEach((name, i) => {
    const se = fit.standardErrors ? formatNumber(fit.standardErrors[i]) : "n/a";
    lines.push(`${name.padEnd(12)}${formatNumber(fit.values[i]).padEnd(14)}${se}`);
  });
  lines.push("", `log-likelihood  ${fit.logLikelihood.toFixed(4)}`);
  if (fit.penalizer > 0) lines.push(`penalizer       ${fit.penalizer}`);
  lines.push(`${fit.converged ? "" : "NOT CONVERGED: "}${fit.reason} (${seconds.toFixed(3)} s)`);
  return lines.join("\n");
}

function jsonReport(fit: FitResult, seconds: number): string {
  const se = fit.standardErrors;
  const out: Record<string, unknown> = {
    model: fit.model,
    params: paramsOf(fit),
    logLikelihood: fit.logLikelihood,
    customers: fit.customers,
    converged: fit.converged,
    iterations: fit.iterations,
    seconds,
    standardErrors: se ? Object.fromEntries(fit.names.map((n, i) => [n, se[i]])) : null,
    distinctRows: fit.distinctRows,
    reason: fit.reason,
  };
  const excluded = (fit as GammaGammaFitResult).excluded;
  if (excluded) out.excluded = excluded;
  return JSON.stringify(out);
}

async function runFit(file: string, options: FitCommandOptions, io: CliIO): Promise<void> {
  if (!isTimeUnit(options.unit)) throw new UserError(`--unit: "${options.unit}" is not day, week or month`);
  const penalizer = Number(options.penalizer);
  if (!(penalizer >= 0)) throw new UserError(`--penalizer: "${options.penalizer}" is not a number ≥ 0`);
  const family = modelSpec(options.model).family;
  let input: FitInput;
  let source: string;
  if (family !== "opportunity" && usesDuckDb(file, options.engine, io)) {
    ({ input, source } = await fitInputWithDuckDb(
      file,
      { ...options, dayOrder: options.dateOrder as DayOrder, unit: options.unit as TimeUnit },
      io,
    ));
  } else {
    const table = await readTableFile(file);
    source = table.source;
    input = fitInputOf(table, options, family);
  }
  const started = performance.now();
  let fit: FitResult;
  try {
    fit = fitModel(options.model, input, penalizer);
  } catch (e) {
    if (e instanceof ModelInputError || e instanceof RangeError)
      throw new UserError(`${source}: ${e.message}`);
    throw e;
  }
  const seconds = (performance.now() - started) / 1000;
  io.out(options.json ? jsonReport(fit, seconds) : textReport(fit, source, input, seconds));
}

/** The fit's input from a table read in process: a summary table as it is, or orders summarised. */
function fitInputOf(table: RawTable, options: FitCommandOptions, family: ModelSpec["family"]): FitInput {
  const needs =
    family === "spend" ? (["monetary"] as const) : family === "opportunity" ? (["periods"] as const) : [];
  if (isSummaryTable(table)) return readSummaryTable(table, needs);
  if (family === "opportunity") {
    throw new UserError(
      `${table.source}: ${modelLabel(options.model)} needs a summary of discrete opportunities with columns frequency, recency, periods (and weights), as in donations.csv`,
    );
  }
  return summarizeTransactionTable(table, {
    ...options,
    dayOrder: options.dateOrder as DayOrder,
    unit: options.unit as TimeUnit,
  });
}

export function registerFit(program: Command, io: CliIO): void {
  program
    .command("fit")
    .description("fit a buy-till-you-die model to a summary file or a transaction file (.csv or .xlsx)")
    .argument("<input>", "summary file (frequency, recency, T [, monetary_value]) or transaction file")
    .addOption(new Option("-m, --model <model>", "model to fit").choices(MODEL_NAMES).makeOptionMandatory())
    .option("--json", "print one JSON object")
    .option("--customer <column>", "customer id column of a transaction file (detected by default)")
    .option("--date <column>", "date column of a transaction file (detected by default)")
    .option("--amount <column>", "amount column of a transaction file (detected by default)")
    .addOption(
      new Option("--date-order <order>", "order of day and month in dates such as 03/04/2024")
        .choices(DAY_ORDERS)
        .default("ymd"),
    )
    .option("--calibration-end <date>", "last day of the calibration period (default: the last order date)")
    .option("--unit <unit>", "time unit of the model: day, week or month", "week")
    .addOption(
      new Option(
        "--engine <engine>",
        "who reads a transaction file: js (in process), duckdb (out of core: Parquet, globs, very large files) or auto",
      )
        .choices(READ_ENGINES)
        .default("auto"),
    )
    .option("--penalizer <c>", "L2 penalty on the parameters, as lifetimes' penalizer_coef", "0")
    .action((file: string, options: FitCommandOptions) => runFit(file, options, io));
}
