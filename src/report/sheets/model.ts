/**
 * The Model sheet: what the purchase and spend models assume, in plain words; their fitted parameters
 * with standard errors and log-likelihood; and the check on held-out data (predicted vs actual purchases
 * by calibration frequency, and the tracking chart of cumulative repeat purchases). When a model could not
 * be fitted, the sheet says why instead.
 */
import { formatDay } from "../../engine/data/days";
import { modelLabel, modelSpec } from "../../engine/models/registry";
import type { FitResult } from "../../engine/models/types";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { usableFit, type FitOutcome, type HoldoutCheck, type ReportModels } from "../report-models";
import { diagnosisSummary } from "../../engine/models/diagnose";
import { type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { count, percentText } from "./note-text";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";
import { counted } from "../../engine/text/counted";

const ASSUMPTIONS: Record<string, string[]> = {
  bgnbd: [
    "BG/NBD (Fader, Hardie & Lee 2005): while a customer is active, they buy at their own steady rate, at random moments.",
    "After each purchase they may drop out for good, with their own probability. Rates and drop-out chances differ",
    "from customer to customer (gamma and beta distributions). Nobody says they have left: P(alive) is the model's estimate.",
  ],
  pnbd: [
    "Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while a customer is active, they buy at their own steady rate,",
    "at random moments; each customer stays active for a random, unobserved lifetime. Purchase rates and lifetimes",
    "differ from customer to customer (gamma distributions). P(alive) is the model's estimate that the lifetime has not ended.",
  ],
};

const SPEND_ASSUMPTIONS =
  "Gamma-Gamma: each customer's spend per purchase varies around their own average, and how much a customer " +
  "spends does not depend on how often they buy. It is fitted on customers with repeat purchases.";

function meanings(model: string, unit: string): Record<string, string> {
  const common: Record<string, string> = {
    r: "shape of the spread of purchase rates",
    alpha: `scale of the spread of purchase rates (${unit}s)`,
    p: "shape of the spend per purchase",
    q: "shape of the spread of average spend",
    v: "scale of the spread of average spend",
  };
  return model === "pnbd"
    ? {
        ...common,
        s: "shape of the spread of drop-out rates",
        beta: `scale of the spread of drop-out rates (${unit}s)`,
      }
    : { ...common, a: "drop-out chance after a purchase: a / (a + b) on average", b: "see a" };
}

/** "Converged", or why not. */
function fitStatus(outcome: FitOutcome): string {
  if (!outcome.fit) return outcome.problem ?? "not fitted";
  return outcome.problem ? `not used: ${outcome.problem}` : "converged";
}

function parameterTable(layout: SheetLayout, fit: FitResult, unit: string): void {
  const meaning = meanings(fit.model, unit);
  layout.table({
    header: ["Parameter", "Estimate", "Std. error", "Meaning"],
    rows: fit.names.map((name, i) => [
      name === "v" ? "γ (v)" : name,
      round(fit.values[i], 6),
      fit.standardErrors ? round(fit.standardErrors[i], 6) : null,
      meaning[name] ?? "",
    ]),
    formats: [null, { code: "0.0000" }, { code: "0.0000" }, null],
  });
}

function fitFacts(layout: SheetLayout, outcome: FitOutcome, customersLabel: string): void {
  const fit = outcome.fit;
  const facts: [string, Cell][] = [
    ["Status", fitStatus(outcome)],
    [customersLabel, fit ? fit.customers : null],
    ["Log-likelihood", fit ? round(fit.logLikelihood, 4) : null],
  ];
  if (outcome.diagnosis) facts.push(["Diagnosis", diagnosisSummary(outcome.diagnosis, "en")]);
  layout.facts(facts, [undefined, "integer", { code: "#,##0.0000" }, undefined]);
}

/** The holdout comparison of the candidate purchase models, the choice and why. */
function choiceSection(layout: SheetLayout, models: ReportModels): void {
  const { choice } = models;
  layout.section("Which purchase model, and why");
  layout.note(choice.why.en);
  if (choice.candidates.length === 0) return;
  layout.table({
    header: [
      "Model",
      {
        value: "Fit",
        note: "ok, weak (usable with care) or degenerate (never used): see the diagnosis below",
      },
      {
        value: "Error by group",
        note: "Held-out purchases: Σ over groups of customers with 0, 1, ..., 7+ purchases before of |predicted − actual|, over all actual purchases. The choice uses it.",
      },
      {
        value: "Error of the total",
        note: "(predicted − actual) / actual held-out purchases of all customers",
      },
      { value: "Error per customer", note: "Mean over customers of |predicted − actual| held-out purchases" },
      {
        value: "BIC",
        note: "Bayesian information criterion of the fit on the calibration period (lower is better)",
      },
      "Used",
    ],
    rows: choice.candidates.map((c) => [
      modelLabel(c.model),
      c.diagnosis.fitClass,
      round(c.binnedError, 4),
      round(c.totalError, 4),
      round(c.meanAbsoluteError, 4),
      round(c.bic, 1),
      c.model === choice.chosen ? "yes" : "",
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
  unit: string,
): FitResult | null {
  fitFacts(layout, outcome, customersLabel);
  layout.gap();
  const fit = usableFit(outcome);
  if (fit) {
    parameterTable(layout, fit, unit);
    layout.gap();
  }
  return fit;
}

/** Derived figures a manager can read: average purchase rate, drop-out chance, average spend. */
function derivedFigures(data: ReportData): [string, Cell][] {
  const { models, config } = data;
  const out: [string, Cell][] = [];
  const unit = models?.unit ?? config.timeUnit;
  const t = models && usableFit(models.transaction);
  if (t) {
    const [r, alpha, x3, x4] = t.values;
    out.push([
      `Purchases per ${unit} of an active customer`,
      { value: round(r / alpha, 4), format: { code: "0.000" } },
    ]);
    if (t.model === "pnbd") {
      out.push([
        `Average drop-out rate per ${unit}`,
        { value: round(x3 / x4, 4), format: { code: "0.000" } },
      ]);
    } else {
      out.push([
        "Average chance of dropping out after a purchase",
        { value: round(x3 / (x3 + x4), 4), format: "percent1" },
      ]);
    }
  }
  const s = models && usableFit(models.spend);
  if (s) {
    const [p, q, v] = s.values;
    if (q > 1) {
      out.push([
        "Average spend per purchase (model)",
        { value: round((p * v) / (q - 1), 2), format: moneyFormat(config.currency) },
      ]);
    }
  }
  return out;
}

function holdoutSection(layout: SheetLayout, check: HoldoutCheck, unit: string): void {
  const { fit, rows, tracking } = check;
  const actualTotal = rows.reduce((s, r) => s + r.customers * r.actual, 0);
  const predictedTotal = rows.reduce((s, r) => s + r.customers * r.predicted, 0);
  layout.note(
    `${fit.fit ? modelLabel(fit.fit.model) : "The purchase model"} was fitted again on the purchases up to ${formatDay(check.calibrationEnd)} ` +
      `(${counted(check.cohort, "customer")} had bought by then) and asked to predict the ${check.holdoutEnd - check.calibrationEnd} days after it.`,
  );
  if (rows.length > 0) {
    layout.note(
      `Repeat purchases in those days: ${count(actualTotal)} actual, ${count(predictedTotal)} predicted ` +
        `(${predictedTotal >= actualTotal ? "+" : "−"}${percentText(Math.abs(predictedTotal / actualTotal - 1), 0)}).`,
    );
  }
  const usable = fittedModel(layout, fit, "Customers in the check", unit);
  if (!usable || rows.length === 0) return;
  layout.section("Predicted vs actual purchases in the held-out days, by purchases before");
  layout.table({
    header: [
      "Repeat purchases before",
      "Customers",
      { value: "Actual per customer", note: "Mean repeat purchases per customer in the held-out days" },
      { value: "Predicted per customer", note: "Mean the model predicted for those customers" },
      "Difference",
    ],
    rows: rows.map((r) => [
      r.frequency,
      r.customers,
      round(r.actual, 4),
      round(r.predicted, 4),
      round(r.predicted - r.actual, 4),
    ]),
    total: [
      "All",
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
  const per = tracking.periodDays === 7 ? "week" : "month";
  layout.section(
    "Tracking data",
    `Cumulative repeat purchases of all customers at the end of each ${per}; the model was fitted on the ` +
      `data up to ${formatDay(check.calibrationEnd)}.`,
  );
  const trackingTable = layout.table({
    header: ["Period ending", "Actual", "Model", "Held out"],
    rows: tracking.periodEnds.map((end, k) => [
      formatDay(end),
      tracking.actual[k],
      round(tracking.expected[k], 1),
      end > check.calibrationEnd ? "yes" : "",
    ]),
    formats: ["text", "integer", "integer", null],
  });
  drawChart(
    tableChart(trackingTable, {
      type: "line",
      title: `Cumulative repeat purchases: actual vs model (fitted up to ${formatDay(check.calibrationEnd)})`,
      series: [
        ["Actual", 1, "#404040"],
        ["Model", 2, "#4472C4"],
      ],
      valueFormat: "integer",
      yAxisTitle: "Repeat purchases (cumulative)",
      width: 760,
    }),
  );
}

export function buildModelSheet(data: ReportData): SheetModel {
  const { models, holdout, config, analysis } = data;
  const unit = models?.unit ?? config.timeUnit;
  const requested = config.model.transaction;
  const kind =
    models?.choice.chosen ?? models?.transaction.fit?.model ?? (requested === "auto" ? null : requested);
  const label = kind ? modelLabel(kind) : "none fit to use";
  const how = models?.choice.chosen && requested === "auto" ? ", chosen on held-out data" : "";
  const layout = new SheetLayout().title(
    `Purchase model (${label}${how}) and spend model (Gamma-Gamma)`,
    `Fitted on every purchase up to ${formatDay(analysis.asOf)}; time in ${unit}s; purchases on one day count once.`,
  );
  if (models) {
    layout.gap();
    choiceSection(layout, models);
  }
  layout.gap().section("What the models assume");
  if (kind) layout.note(...(ASSUMPTIONS[kind] ?? [modelSpec(kind).description.en]));
  layout.note(SPEND_ASSUMPTIONS);
  layout.note(
    "They use only the purchase history (how often, how recently, how much), not prices, campaigns or seasons; " +
      "their predictions are averages over many customers, reliable for groups more than for one person.",
  );
  if (kind && modelSpec(kind).family === "transaction" && models?.notYetRepeated) {
    layout.note(
      `${label} never lets a customer without repeat purchases drop out (Hardie's note 021 calls this a shortcoming of ` +
        "the model): its P(alive) for them is 100 % whatever their age. The Customers sheet shows them as " +
        '"not yet repeated" instead.',
    );
  }
  layout.gap();
  if (!models) {
    layout.note("The models were not run for this report (no selected sheet needs them).");
    return layout.finish({ kind: "model", columnWidths: [44, 14, 14, 60] });
  }

  layout.section(`Purchase model: ${label}`);
  fittedModel(layout, models.transaction, "Customers fitted", unit);
  layout.section("Spend model: Gamma-Gamma");
  fittedModel(layout, models.spend, "Customers with repeat purchases", unit);
  const derived = derivedFigures(data);
  if (derived.length > 0) {
    layout.section("In plain figures");
    layout.facts(derived);
    layout.gap();
  }
  layout.section("Check on held-out data");
  if (holdout?.check) holdoutSection(layout, holdout.check, unit);
  else layout.note(`No check: ${holdout?.skipped ?? "it was not run"}.`);
  return layout.finish({
    kind: "model",
    columnWidths: [50, 14, 21, 23, 12, 40, 10],
    tabColor: "#7030A0",
  });
}
