/**
 * The Alerts sheet: the alert rules with their thresholds as input cells (edit and rebuild), and the
 * members to act on, the rules that fired, their tier, days since the last purchase and value at risk
 * (predicted value × (1 − P(alive))), the largest value at risk first.
 */
import { chosenPredictions } from "../report-models";
import { formatDay } from "../../engine/data/days";
import type { AlertMetric } from "../../engine/alerts/rules";
import type { Cell, NumberFormat, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { numberCell, round } from "./cell-values";
import { alertNamesByCustomer, shortRuleName } from "./alert-names";
import { ALERT_INPUTS } from "../input-keys";
import { CUSTOMER_ROWS, SheetLayout } from "./layout";
import { listedNote } from "./note-text";
import { moneyFormat } from "./number-formats";
import { counted } from "../../engine/text/counted";

/** What a measure is, in words, and how its threshold is shown. */
export function metricLabel(metric: AlertMetric, windowDays: number): string {
  switch (metric) {
    case "rhythmRatio":
      return "Days since last purchase ÷ usual days between purchases";
    case "daysSinceLast":
      return "Days since last purchase";
    case "medianIntervalDays":
      return "Usual days between purchases";
    case "spendChange":
      return `Change in spend: last ${windowDays} days vs the ${windowDays} before`;
    case "spendRecent":
      return `Spend in the last ${windowDays} days`;
    case "spendPrior":
      return `Spend in the ${windowDays} days before that`;
  }
}

function metricFormat(metric: AlertMetric, money: NumberFormat): NumberFormat {
  if (metric === "spendChange") return "percent";
  if (metric === "rhythmRatio") return { code: "0.0" };
  if (metric === "spendRecent" || metric === "spendPrior") return money;
  return "integer";
}

const OPERATOR_WORDS = { ">": "above", ">=": "at least", "<": "below", "<=": "at most" } as const;

export function buildAlertsSheet(data: ReportData): SheetModel {
  const layout = new SheetLayout().title(
    "Alerts",
    `Members to act on as of ${formatDay(data.analysis.asOf)}. Edit the thresholds in the orange cells and rebuild: ` +
      "your values are kept on every refresh.",
  );
  layout.gap().section("Rules");
  rulesTable(layout, data);
  membersToActOn(layout, data);
  return layout.finish({
    kind: "alerts",
    // Every column as wide as its header and values (rule names in column A included).
    tabColor: "#C00000",
  });
}

/** One row per condition of each rule, its threshold an input cell, with how many members it flagged. */
function rulesTable(layout: SheetLayout, { analysis, config, defaults }: ReportData): void {
  const { alerts, rhythm } = analysis;
  const money = moneyFormat(config.currency);
  const firedPerRule = new Int32Array(alerts.rules.length);
  for (const r of alerts.rule) firedPerRule[r]++;
  const ruleRows: Cell[][] = [];
  defaults.alertRules.forEach((rule, r) => {
    rule.when.forEach((condition, i) => {
      ruleRows.push([
        // The short name in the cell (a wrapped long one would need a taller row), the whole rule as a note.
        i === 0 ? { value: shortRuleName(rule.name), note: rule.name } : "",
        i === 0
          ? (rule.tiers ?? [])
              .map((key) => analysis.tiers.categories.find((c) => c.key === key)?.name ?? key)
              .join(", ") || "All customers"
          : "",
        metricLabel(condition.metric, rhythm.spendWindowDays),
        OPERATOR_WORDS[condition.op],
        {
          value: condition.value,
          input: ALERT_INPUTS.threshold(rule.key, i),
          format: metricFormat(condition.metric, money),
        },
        i === 0 ? (firedPerRule[r] ?? 0) : null,
      ]);
    });
  });
  layout.table({
    header: ["Rule", "Applies to", "Measure", "Fires when", "Threshold", "Members flagged"],
    rows: ruleRows,
    formats: [null, null, null, null, null, "integer"],
  });
  layout.facts([
    [
      "Spend compared over (days)",
      { value: defaults.spendWindowDays, input: ALERT_INPUTS.spendWindowDays, format: "integer" },
    ],
  ]);
  layout.gap();
}

/**
 * One row per flagged member with the rules that fired, the largest value at risk first (predicted value ×
 * (1 − P(alive))), or the largest net spend first when the models could not be used.
 */
function membersToActOn(layout: SheetLayout, { analysis, models, config }: ReportData): void {
  const { rhythm, summary } = analysis;
  const money = moneyFormat(config.currency);
  const window = rhythm.spendWindowDays;
  const rulesOf = alertNamesByCustomer(analysis);
  const members = [...rulesOf.keys()];
  const chosen = chosenPredictions(models);
  const alive = chosen.available ? chosen.probabilityAlive : null;
  const clv = chosen.available ? chosen.clv : null;
  const atRisk = (c: number) => (alive && clv ? clv[c] * (1 - alive[c]) : NaN);
  const sortKey = (c: number) => (Number.isFinite(atRisk(c)) ? atRisk(c) : -Infinity);
  members.sort((a, b) => sortKey(b) - sortKey(a) || summary.spend[b] - summary.spend[a] || a - b);
  const shown = members.slice(0, config.listLimit);
  layout.section(
    "Members to act on",
    counted(members.length, "member") +
      listedNote(shown.length, members.length, "# with the most value at risk") +
      (alive && clv
        ? `. Value at risk = predicted value × (1 − P(alive)), both from ${chosen.available ? chosen.label : ""}: what the member would bring if they stay.`
        : ". The models could not be used, so the list is sorted by net spend."),
  );
  const list = layout.table({
    header: [
      "Customer ID",
      "Tier",
      "Alert",
      "Days since last purchase",
      "Usual days between purchases",
      `Spend last ${window} days`,
      `Spend previous ${window} days`,
      "Spend change",
      "P(alive)",
      `Predicted value (${config.model.clvMonths} months)`,
      "Value at risk",
      "Segment",
    ],
    rows: shown.map((c) => [
      summary.customerIds[c],
      tierName(analysis, analysis.tiers.current[c]),
      (rulesOf.get(c) ?? []).map(shortRuleName).join("; "),
      numberCell(rhythm.daysSinceLast[c]),
      numberCell(rhythm.medianIntervalDays[c]),
      round(rhythm.spendRecent[c], 2),
      round(rhythm.spendPrior[c], 2),
      numberCell(rhythm.spendChange[c]),
      alive ? round(alive[c], 4) : null,
      clv ? round(clv[c], 2) : null,
      round(atRisk(c), 2),
      analysis.segments.segments[analysis.segments.segment[c]].name,
    ]),
    formats: [
      "text",
      null,
      null,
      "integer",
      { code: "#,##0.0" },
      money,
      money,
      "percent",
      "percent1",
      money,
      money,
      null,
    ],
    table: { name: "LL_Alerts", style: "TableStyleMedium3", carry: CUSTOMER_ROWS },
  });
  if (list.count > 0) layout.format({ type: "dataBar", range: list.column(10), color: "#F8696B" });
}
