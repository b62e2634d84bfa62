/**
 * The Model sheet: what the purchase and spend models assume, in plain words; their fitted parameters
 * with standard errors and log-likelihood; and the check on held-out data (predicted vs actual purchases
 * by calibration frequency, and the tracking chart of cumulative repeat purchases). When a model could not
 * be fitted, the sheet says why instead.
 */
import { formatDay } from "../../engine/data/days";
import { modelLabel, modelSpec, type ModelName } from "../../engine/models/registry";
import type { TimeUnit } from "../../engine/summary/time-unit";
import type { Language } from "../../engine/text/language";
import { MODEL_TEXTS } from "../../engine/text/model";
import type { FitResult } from "../../engine/models/types";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import {
  fitProblemText,
  NOT_RUN,
  usableFit,
  type FitOutcome,
  type HoldoutCheck,
  type ReportModels,
} from "../report-models";
import { diagnosisSummary } from "../../engine/models/diagnose";
import { type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { count, percentText } from "./note-text";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";

type Texts = (typeof MODEL_TEXTS)["en"];

/** "Converged", or why not. */
function fitStatus(outcome: FitOutcome, t: Texts, language: Language): string {
  const problem = fitProblemText(outcome, language);
  if (!outcome.fit) return problem ?? t.notFitted;
  return problem ? t.notUsed(problem) : t.converged;
}

function parameterTable(layout: SheetLayout, fit: FitResult, unit: TimeUnit, t: Texts): void {
  const meaning = t.meaning(unit);
  layout.table({
    header: t.parameterHeader,
    rows: fit.names.map((name, i) => [
      t.parameterName(name),
      round(fit.values[i], 6),
      fit.standardErrors ? round(fit.standardErrors[i], 6) : null,
      meaning[name] ?? "",
    ]),
    formats: [null, { code: "0.0000" }, { code: "0.0000" }, null],
  });
}

function fitFacts(
  layout: SheetLayout,
  outcome: FitOutcome,
  customersLabel: string,
  t: Texts,
  language: Language,
): void {
  const fit = outcome.fit;
  const facts: [string, Cell][] = [
    [t.status, fitStatus(outcome, t, language)],
    [customersLabel, fit ? fit.customers : null],
    [t.logLikelihood, fit ? round(fit.logLikelihood, 4) : null],
  ];
  if (outcome.diagnosis) facts.push([t.diagnosis, diagnosisSummary(outcome.diagnosis, language)]);
  layout.facts(facts, [undefined, "integer", { code: "#,##0.0000" }, undefined]);
}

/** The holdout comparison of the candidate purchase models, the choice and why. */
function choiceSection(layout: SheetLayout, models: ReportModels, t: Texts, language: Language): void {
  const { choice } = models;
  const h = t.choiceHeader;
  layout.section(t.choiceSection);
  layout.note(choice.why[language]);
  if (choice.candidates.length === 0) return;
  layout.table({
    header: [
      h.model,
      { value: h.fit, note: h.fitNote },
      { value: h.byGroup, note: h.byGroupNote },
      { value: h.total, note: h.totalNote },
      { value: h.perCustomer, note: h.perCustomerNote },
      { value: h.bic, note: h.bicNote },
      h.used,
    ],
    rows: choice.candidates.map((c) => [
      modelLabel(c.model),
      t.fitClass[c.diagnosis.fitClass],
      round(c.binnedError, 4),
      round(c.totalError, 4),
      round(c.meanAbsoluteError, 4),
      round(c.bic, 1),
      c.model === choice.chosen ? t.yes : "",
    ]),
    formats: [
      "text",
      "text",
      "percent1",
      { code: "+0.0%;-0.0%;0.0%" },
      { code: "0.000" },
      { code: "#,##0.0" },
      "text",
    ],
    table: { name: "LL_ModelChoice", style: "TableStyleLight9" },
  });
  layout.gap();
}

/** A fitted model: its status and fit, then its parameters when the fit can be used (returned). */
function fittedModel(
  layout: SheetLayout,
  outcome: FitOutcome,
  customersLabel: string,
  unit: TimeUnit,
  t: Texts,
  language: Language,
): FitResult | null {
  fitFacts(layout, outcome, customersLabel, t, language);
  layout.gap();
  const fit = usableFit(outcome);
  if (fit) {
    parameterTable(layout, fit, unit, t);
    layout.gap();
  }
  return fit;
}

/** Derived figures a manager can read: average purchase rate, drop-out chance, average spend. */
function derivedFigures(data: ReportData, unit: TimeUnit, t: Texts): [string, Cell][] {
  const { models, config } = data;
  const out: [string, Cell][] = [];
  const fit = models && usableFit(models.transaction);
  if (fit) {
    const [r, alpha, x3, x4] = fit.values;
    out.push([t.purchasesPer(unit), { value: round(r / alpha, 4), format: { code: "0.000" } }]);
    if (fit.model === "pnbd") {
      out.push([t.dropOutRatePer(unit), { value: round(x3 / x4, 4), format: { code: "0.000" } }]);
    } else {
      out.push([t.dropOutChance, { value: round(x3 / (x3 + x4), 4), format: "percent1" }]);
    }
  }
  const s = models && usableFit(models.spend);
  if (s) {
    const [p, q, v] = s.values;
    if (q > 1) {
      out.push([
        t.averageSpend,
        { value: round((p * v) / (q - 1), 2), format: moneyFormat(config.currency) },
      ]);
    }
  }
  return out;
}

function holdoutSection(
  layout: SheetLayout,
  check: HoldoutCheck,
  unit: TimeUnit,
  t: Texts,
  language: Language,
): void {
  const { fit, rows, tracking } = check;
  const actualTotal = rows.reduce((s, r) => s + r.customers * r.actual, 0);
  const predictedTotal = rows.reduce((s, r) => s + r.customers * r.predicted, 0);
  layout.note(
    t.checkIntro(
      fit.fit ? modelLabel(fit.fit.model) : null,
      formatDay(check.calibrationEnd),
      t.customersCount(count(check.cohort), check.cohort === 1),
      check.holdoutEnd - check.calibrationEnd,
    ),
  );
  if (rows.length > 0) {
    const gap = `${predictedTotal >= actualTotal ? "+" : "−"}${percentText(Math.abs(predictedTotal / actualTotal - 1), 0)}`;
    layout.note(t.checkTotals(count(actualTotal), count(predictedTotal), gap));
  }
  const usable = fittedModel(layout, fit, t.customersInCheck, unit, t, language);
  if (!usable || rows.length === 0) return;
  const h = t.holdoutHeader;
  layout.section(t.byFrequencySection);
  layout.table({
    header: [
      h.before,
      h.customers,
      { value: h.actual, note: h.actualNote },
      { value: h.predicted, note: h.predictedNote },
      h.difference,
    ],
    rows: rows.map((r) => [
      r.frequency,
      r.customers,
      round(r.actual, 4),
      round(r.predicted, 4),
      round(r.predicted - r.actual, 4),
    ]),
    total: [
      h.all,
      check.cohort,
      round(actualTotal / check.cohort, 4),
      round(predictedTotal / check.cohort, 4),
      round((predictedTotal - actualTotal) / check.cohort, 4),
    ],
    formats: ["text", "integer", { code: "0.00" }, { code: "0.00" }, { code: "+0.00;-0.00;0.00" }],
    table: { name: "LL_HoldoutCheck", style: "TableStyleLight9" },
  });
  layout.gap();
  if (!tracking) return;
  const drawChart = layout.chartSpace(340);
  const calibrationEnd = formatDay(check.calibrationEnd);
  layout.section(t.trackingSection, t.trackingNote(tracking.periodDays === 7, calibrationEnd));
  const trackingTable = layout.table({
    header: t.trackingHeader,
    rows: tracking.periodEnds.map((end, k) => [
      formatDay(end),
      tracking.actual[k],
      round(tracking.expected[k], 1),
      end > check.calibrationEnd ? t.yes : "",
    ]),
    formats: ["text", "integer", "integer", null],
  });
  drawChart(
    tableChart(trackingTable, {
      type: "line",
      title: t.trackingChart(calibrationEnd),
      series: [
        [t.trackingHeader[1], 1, "#404040"],
        [t.trackingHeader[2], 2, "#4472C4"],
      ],
      valueFormat: "integer",
      yAxisTitle: t.trackingAxis,
      width: 760,
    }),
  );
}

/** What the models assume, in plain words, and BG/NBD's caveat on one-time buyers when it is used. */
function assumptions(
  layout: SheetLayout,
  kind: ModelName | null,
  label: string,
  models: ReportModels | null,
  t: Texts,
  language: Language,
): void {
  layout.gap().section(t.assumptionsSection);
  if (kind) layout.note(...(t.assumptions[kind] ?? [modelSpec(kind).description[language]]));
  layout.note(t.spendAssumptions);
  layout.note(t.limits);
  if (kind && modelSpec(kind).family === "transaction" && models?.notYetRepeated) {
    layout.note(t.oneTimeBuyers(label));
  }
  layout.gap();
}

export function buildModelSheet(data: ReportData): SheetModel {
  const { models, holdout, config, analysis } = data;
  const language = config.language;
  const t = MODEL_TEXTS[language];
  const unit = models?.unit ?? config.timeUnit;
  const requested = config.model.transaction;
  const kind =
    models?.choice.chosen ?? models?.transaction.fit?.model ?? (requested === "auto" ? null : requested);
  const label = kind ? modelLabel(kind) : t.noneFit;
  const layout = new SheetLayout().title(
    t.title(label, Boolean(models?.choice.chosen && requested === "auto")),
    t.intro(formatDay(analysis.asOf), unit),
  );
  layout.note(t.timeUnit(unit));
  if (models) {
    layout.gap();
    choiceSection(layout, models, t, language);
  }
  assumptions(layout, kind, label, models, t, language);
  if (!models) {
    layout.note(t.notRun);
    return layout.finish({ kind: "model", columnWidths: [44, 14, 14, 60] });
  }

  layout.section(t.purchaseSection(label));
  fittedModel(layout, models.transaction, t.customersFitted, unit, t, language);
  layout.section(t.spendSection);
  fittedModel(layout, models.spend, t.customersWithRepeats, unit, t, language);
  const derived = derivedFigures(data, unit, t);
  if (derived.length > 0) {
    layout.section(t.plainSection);
    layout.facts(derived);
    layout.gap();
  }
  layout.section(t.checkSection);
  if (holdout?.check) holdoutSection(layout, holdout.check, unit, t, language);
  else layout.note(t.noCheck(holdout?.skipped[language] ?? NOT_RUN[language]));
  return layout.finish({
    kind: "model",
    columnWidths: [50, 14, 21, 23, 12, 40, 10],
    tabColor: "#7030A0",
  });
}
