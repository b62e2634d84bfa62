/**
 * `loyalty fit INPUT --model auto|bgnbd|pnbd|gg|bgbb|mbgnbd [--json]`: fits a buy-till-you-die model to a
 * summary file or a transaction file and prints the estimates, standard errors, log-likelihood and
 * whether (and why) the optimiser converged.
 */
import { HELP_TEXTS } from "../../i18n/command-help";
import { inputError } from "../../input-errors";
import { modelInputProblem } from "../fit-input";
import { performance } from "node:perf_hooks";
import { Option, type Command } from "commander";
import { ModelInputError } from "../../engine/models/data";
import { InputRuleError } from "../../engine/text/model-inputs";
import type { GammaGammaFitResult } from "../../engine/models/gammagamma";
import {
  MODEL_NAMES,
  modelLabel,
  modelSpec,
  TRANSACTION_MODEL_NAMES,
  type ModelName,
} from "../../engine/models/registry";
import { paramsOf, type FitResult } from "../../engine/models/types";
import { fitStopText, parameterSymbol } from "../../engine/text/fit-stop";
import {
  diagnoseFit,
  diagnosisSummary,
  diagnosisText,
  type FitDiagnosis,
} from "../../engine/models/diagnose";
import { compareOnHoldout, type CandidateScore } from "../../engine/models/select";
import { isTimeUnit, type TimeUnit } from "../../engine/summary/time-unit";
import { DEFAULT_MODEL_UNIT } from "../../engine/models/clv-conventions";
import { isSummaryTable, readSummaryTable, summarizeTransactionTable, type FitInput } from "../fit-input";
import type { CliIO } from "../io";
import { readTableFile } from "../read-table-file";
import { percent as formatPercent } from "../../engine/text/format";
import { CLI_TEXTS } from "../../i18n/command-line";
import { textLength } from "../../report/sheets/content-width";
import type { RawTable } from "../../engine/data/table";
import type { ModelSpec } from "../../engine/models/model-spec";
import { READ_ENGINES, usesDuckDb, type ReadEngine } from "../duckdb/engine-choice";
import { fitInputWithDuckDb } from "../duckdb/fit-with-duckdb";
import type { OrderTable, ReadOrdersOptions } from "../../engine/data/read-orders";
import { analysisConfigOf, resolveReportConfig } from "../../report/config";
import { addTableOptions, csvReadOptions, tableConfigLayer, type TableFlags } from "../table-options";
import { readingNote, type TextReading } from "../reading-note";
import { readRulesLine, testAccountLine } from "../left-out";
import type { Language } from "../../engine/text/language";
import { READING_TEXTS } from "../../engine/text/reading";
import { langOption } from "./report";

interface FitCommandOptions extends TableFlags {
  model: ModelName | "auto";
  lang?: Language;
  json?: boolean;
  calibrationEnd?: string;
  unit: string;
  penalizer: string;
  engine: ReadEngine;
  summary?: string;
}

/**
 * A transaction file as `loyalty report` reads it: the same column flags, formats and line rules (one layer
 * of report settings), with what is said about the reading: the encoding and separator of a legacy text
 * file and the rules applied to the lines go with the result (`notes`), the test accounts left out go to
 * stderr in the same one line as the report's.
 */
class OrderReading {
  readonly read: ReadOrdersOptions;
  readonly csv;
  readonly notes: string[] = [];
  readonly language: Language;
  private told = false;

  constructor(
    options: FitCommandOptions,
    private readonly io: CliIO,
  ) {
    const layer = tableConfigLayer(options);
    this.language = options.lang ?? "en";
    this.read = analysisConfigOf(resolveReportConfig([layer])).read ?? {};
    this.csv = csvReadOptions(layer);
  }

  async table(file: string): Promise<RawTable> {
    return readTableFile(file, this.csv, (csv) => this.onText({ ...csv, source: csv.table.source }));
  }

  /** Told how a text file was read (the DuckDB path tells it without a table). */
  readonly onText = (read: TextReading): void => {
    const note = readingNote(read, this.language);
    if (note) this.notes.push(note);
  };

  /** Told how the lines were read; said once even when the table is summarised twice (--model auto). */
  readonly onRead = (read: Pick<OrderTable, "quality" | "formats" | "testAccounts">): void => {
    if (this.told) return;
    this.told = true;
    this.notes.push(readRulesLine({ ...read.quality, formats: read.formats }, this.language));
    const leftOut = testAccountLine(read.testAccounts, this.language);
    if (leftOut) this.io.err(`loyalty: ${leftOut}`);
  };
}

/** Why the fit has fewer customers than the file: those first seen on the calibration end (T = 0). */
function leftOutNote(input: FitInput, language: Language): string | undefined {
  const n = input.firstBoughtOnCalibrationEnd ?? 0;
  return n === 0 ? undefined : READING_TEXTS[language].fitLeftOut(n);
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

function textReport(
  fit: FitResult,
  source: string,
  input: FitInput,
  seconds: number,
  language: Language,
): string {
  const texts = CLI_TEXTS[language].fit;
  const lines: string[] = [];
  lines.push(
    texts.headline({
      model: modelLabel(fit.model),
      customers: fit.customers,
      distinctRows: fit.distinctRows,
      source,
      kind: input.kind,
      unit: input.unit ?? undefined,
    }),
  );
  const excluded = (fit as GammaGammaFitResult).excluded;
  if (excluded) lines.push(texts.excluded(excluded.noRepeatPurchases, excluded.nonPositiveValue));
  const [parameter, estimate, standardError] = texts.parameterHeader;
  lines.push("", `${padShown(parameter, 12)}${padShown(estimate, 14)}${standardError}`);
  fit.names.forEach((name, i) => {
    const se = fit.standardErrors ? formatNumber(fit.standardErrors[i]) : texts.notAvailable;
    // The Chinese writes the Greek parameters as the literature does (α, β), as the Model sheet does.
    const shown = language === "zh-CN" ? parameterSymbol(name) : name;
    lines.push(`${shown.padEnd(12)}${formatNumber(fit.values[i]).padEnd(14)}${se}`);
  });
  lines.push("", `${padShown(texts.logLikelihood, 16)}${fit.logLikelihood.toFixed(4)}`);
  if (fit.penalizer > 0) lines.push(`${padShown(texts.penalizer, 16)}${fit.penalizer}`);
  lines.push(texts.stopped(fit.converged, fitStopText(fit.stop, language), seconds));
  return lines.join("\n");
}

/** The class of a purchase model's fit and why (absent for Gamma-Gamma and BG/BB). */
function diagnosisOf(fit: FitResult, holdoutError?: number): FitDiagnosis | null {
  return modelSpec(fit.model).family === "transaction" ? diagnoseFit(fit, { holdoutError }) : null;
}

function jsonReport(
  fit: FitResult,
  seconds: number,
  diagnosis = diagnosisOf(fit),
  input?: FitInput,
): Record<string, unknown> {
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
  if (input?.firstBoughtOnCalibrationEnd !== undefined)
    out.firstBoughtOnCalibrationEnd = input.firstBoughtOnCalibrationEnd;
  if (diagnosis) {
    out.fitClass = diagnosis.fitClass;
    out.diagnosis = diagnosis.reasons.map((r) => ({ ...r, text: diagnosisText(r, "en") }));
  }
  return out;
}

/** `text` padded to `width` columns of a terminal, wide (Chinese) characters taking two. */
function padShown(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - textLength(text)));
}

/** The holdout comparison as a table, the choice and why, in `language`. */
function selectionText(
  scores: CandidateScore[],
  chosen: CandidateScore | null,
  input: FitInput,
  language: Language,
): string {
  const texts = CLI_TEXTS[language].fit;
  const missing = texts.notAvailable;
  const percent = (v: number) => (Number.isFinite(v) ? formatPercent(v, 1, language) : missing);
  const holdout = input.holdout!;
  const widths = [13, 12, 16, 16, 20];
  const header = texts.comparisonHeader
    .map((h, i) => (i < widths.length ? padShown(h, widths[i]) : h))
    .join("");
  const lines = [
    texts.comparedOn(holdout.calibrationEnd, holdout.length.toFixed(1), input.unit ?? ""),
    "",
    header,
  ];
  for (const c of scores) {
    lines.push(
      `${modelLabel(c.model).padEnd(13)}${padShown(texts.fitClasses[c.diagnosis.fitClass] ?? c.diagnosis.fitClass, 12)}` +
        `${percent(c.binnedError).padEnd(16)}${percent(c.totalError).padEnd(16)}` +
        `${(Number.isFinite(c.meanAbsoluteError) ? c.meanAbsoluteError.toFixed(3) : missing).padEnd(20)}` +
        `${Number.isFinite(c.bic) ? c.bic.toFixed(1) : missing}`,
    );
  }
  lines.push("");
  for (const c of scores.filter((s) => s.diagnosis.fitClass !== "ok"))
    lines.push(`${modelLabel(c.model)}: ${diagnosisSummary(c.diagnosis, language)}`);
  lines.push(chosen ? texts.chosen(modelLabel(chosen.model)) : texts.noneChosen);
  return lines.join("\n");
}

/** `--model auto`: the purchase models compared on the holdout; the best refitted on the whole history. */
async function runAuto(
  file: string,
  options: FitCommandOptions,
  penalizer: number,
  io: CliIO,
): Promise<void> {
  const reading = new OrderReading(options, io);
  const table = await reading.table(file);
  if (isSummaryTable(table)) {
    throw inputError("autoNeedsOrders", { source: table.source, models: [...TRANSACTION_MODEL_NAMES] });
  }
  const transactionOptions = {
    read: reading.read,
    calibrationEnd: options.calibrationEnd,
    unit: options.unit as TimeUnit,
  };
  const input = summarizeTransactionTable(
    table,
    { ...transactionOptions, defaultHoldout: true },
    reading.onRead,
  );
  if (!input.holdout) {
    throw inputError("noDaysAfterCalibration", { date: String(options.calibrationEnd) });
  }
  const started = performance.now();
  const scores = compareOnHoldout(
    TRANSACTION_MODEL_NAMES,
    {
      calibration: { x: input.x, tx: input.tx, T: input.T },
      holdout: input.holdout.x,
      holdoutLength: input.holdout.length,
    },
    { penalizer },
  );
  const chosen = scores.find((c) => c.diagnosis.fitClass !== "degenerate") ?? null;
  let whole: FitResult | null = null;
  let wholeInput: FitInput | null = null;
  if (chosen) {
    wholeInput = summarizeTransactionTable(table, { ...transactionOptions, calibrationEnd: undefined });
    whole = fitModel(chosen.model, wholeInput, penalizer);
  }
  const seconds = (performance.now() - started) / 1000;
  const diagnosis = whole && chosen ? diagnosisOf(whole, chosen.binnedError) : null;
  if (options.json) {
    io.out(
      JSON.stringify({
        model: "auto",
        chosen: chosen?.model ?? null,
        calibrationEnd: input.holdout.calibrationEnd,
        holdoutLength: input.holdout.length,
        candidates: scores.map((c) => ({
          model: c.model,
          fitClass: c.diagnosis.fitClass,
          diagnosis: c.diagnosis.reasons.map((r) => ({ ...r, text: diagnosisText(r, "en") })),
          holdoutError: Number.isFinite(c.binnedError) ? c.binnedError : null,
          totalError: Number.isFinite(c.totalError) ? c.totalError : null,
          meanAbsoluteError: Number.isFinite(c.meanAbsoluteError) ? c.meanAbsoluteError : null,
          bic: Number.isFinite(c.bic) ? c.bic : null,
          params: c.fit ? paramsOf(c.fit) : null,
        })),
        fit: whole ? jsonReport(whole, seconds, diagnosis, wholeInput ?? undefined) : null,
        seconds,
        read: reading.notes,
      }),
    );
    return;
  }
  const { language } = reading;
  const text = [selectionText(scores, chosen, input, language)];
  if (whole && wholeInput) {
    text.push("", textReport(whole, table.source, wholeInput, seconds, language));
    if (diagnosis) text.push(CLI_TEXTS[language].fit.fitClass(diagnosisSummary(diagnosis, language)));
    const leftOut = leftOutNote(wholeInput, reading.language);
    if (leftOut) text.push(leftOut);
  }
  io.out([...text, ...reading.notes].join("\n"));
}

/**
 * `loyalty fit --summary FILE`: the input must be a customer summary (frequency, recency, T, as
 * `loyalty sql` makes it), read in process; `loyalty fit FILE` finds that out from the headers.
 */
async function runFitCommand(file: string | undefined, options: FitCommandOptions, io: CliIO): Promise<void> {
  if (options.summary === undefined) {
    if (file === undefined) throw inputError("fitInputMissing");
    return runFit(file, options, io);
  }
  if (file !== undefined) throw inputError("inputAndSummary", { input: file });
  const table = await readTableFile(options.summary);
  if (!isSummaryTable(table)) {
    throw inputError("notFitSummary", { file: table.source, headers: [...table.headers] });
  }
  return runFit(options.summary, { ...options, engine: "js" }, io);
}

async function runFit(file: string, options: FitCommandOptions, io: CliIO): Promise<void> {
  if (!isTimeUnit(options.unit)) throw inputError("badUnit", { value: String(options.unit) });
  const penalizer = Number(options.penalizer);
  if (!(penalizer >= 0)) throw inputError("badPenalizer", { value: String(options.penalizer) });
  if (options.model === "auto") return runAuto(file, options, penalizer, io);
  const model = options.model;
  const family = modelSpec(model).family;
  let input: FitInput;
  let source: string;
  const reading = new OrderReading(options, io);
  if (family !== "opportunity" && usesDuckDb(file, options.engine, io)) {
    ({ input, source } = await fitInputWithDuckDb(
      file,
      {
        read: { ...reading.read, csv: reading.csv },
        calibrationEnd: options.calibrationEnd,
        unit: options.unit as TimeUnit,
        spend: family === "spend",
      },
      io,
      reading.onRead,
      reading.onText,
    ));
  } else {
    const table = await reading.table(file);
    source = table.source;
    input = fitInputOf(table, { ...options, model }, family, reading);
  }
  const started = performance.now();
  let fit: FitResult;
  try {
    fit = fitModel(model, input, penalizer);
  } catch (e) {
    if (e instanceof ModelInputError || e instanceof InputRuleError)
      throw inputError("fitRefused", { source, problem: modelInputProblem(e) });
    throw e;
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    io.out(JSON.stringify({ ...jsonReport(fit, seconds, undefined, input), read: reading.notes }));
    return;
  }
  const diagnosis = diagnosisOf(fit);
  const text = [textReport(fit, source, input, seconds, reading.language)];
  if (diagnosis)
    text.push(CLI_TEXTS[reading.language].fit.fitClass(diagnosisSummary(diagnosis, reading.language)));
  const leftOut = leftOutNote(input, reading.language);
  if (leftOut) text.push(leftOut);
  io.out([...text, ...reading.notes].join("\n"));
}

/** The fit's input from a table read in process: a summary table as it is, or orders summarised. */
function fitInputOf(
  table: RawTable,
  options: FitCommandOptions & { model: ModelName },
  family: ModelSpec["family"],
  reading: OrderReading,
): FitInput {
  const needs =
    family === "spend" ? (["monetary"] as const) : family === "opportunity" ? (["periods"] as const) : [];
  if (isSummaryTable(table)) return readSummaryTable(table, needs);
  if (family === "opportunity") {
    throw inputError("needsOpportunities", { source: table.source, model: modelLabel(options.model) });
  }
  return summarizeTransactionTable(
    table,
    { read: reading.read, calibrationEnd: options.calibrationEnd, unit: options.unit as TimeUnit },
    reading.onRead,
  );
}

export function registerFit(program: Command, io: CliIO): void {
  const language = io.language ?? "en";
  const h = HELP_TEXTS[language].fit;
  const command = program
    .command("fit")
    .description(h.description)
    .argument("[input]", h.input)
    .option("--summary <file>", h.summary)
    .addOption(
      new Option("-m, --model <model>", h.model).choices(["auto", ...MODEL_NAMES]).makeOptionMandatory(),
    )
    .option("--json", h.json)
    .addOption(langOption(h.lang))
    .option("--calibration-end <date>", h.calibrationEnd)
    .option("--unit <unit>", h.unit, DEFAULT_MODEL_UNIT)
    .addOption(new Option("--engine <engine>", h.engine).choices(READ_ENGINES).default("auto"))
    .option("--penalizer <c>", h.penalizer, "0")
    .action((file: string | undefined, options: FitCommandOptions) => runFitCommand(file, options, io));
  // The same column, format and line-rule flags as `loyalty report` (src/cli/table-options.ts).
  addTableOptions(command, language);
}
