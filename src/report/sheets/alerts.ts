/**
 * The Alerts sheet: the alert rules with their thresholds as input cells (edit and rebuild), and the
 * members to act on, the rules that fired, their tier, days since the last purchase and value at risk
 * (predicted value × (1 − P(alive))), the largest value at risk first.
 */
import { formatDay } from "../../engine/data/days";
import type { AlertMetric } from "../../engine/alerts/rules";
import type { Cell, NumberFormat, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { numberCell, round } from "./cell-values";
import { alertNamesByCustomer, shortRuleName } from "./alert-names";
import { membersToAct } from "../contact-list";
import { contactColumns, idHeader, shownCustomerIds } from "../contact-columns";
import { ALERT_INPUTS } from "../input-keys";
import { customerRows, SENTENCE_WIDTH, SheetLayout } from "./layout";
import { ALERT_TEXTS } from "../../engine/text/alerts";
import { localName } from "../../engine/text/bilingual";
import { moneyFormat } from "./number-formats";

function metricFormat(metric: AlertMetric, money: NumberFormat): NumberFormat {
  if (metric === "spendChange") return "percent";
  if (metric === "rhythmRatio") return { code: "0.0" };
  if (metric === "spendRecent" || metric === "spendPrior") return money;
  return "integer";
}

export function buildAlertsSheet(data: ReportData): SheetModel {
  const t = ALERT_TEXTS[data.config.language];
  const layout = new SheetLayout().title(t.title, t.intro(formatDay(data.analysis.asOf)));
  layout.gap().section(t.rules);
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
  const language = config.language;
  const t = ALERT_TEXTS[language];
  const money = moneyFormat(config.currency);
  const firedPerRule = new Int32Array(alerts.rules.length);
  for (const r of alerts.rule) firedPerRule[r]++;
  const ruleRows: Cell[][] = [];
  defaults.alertRules.forEach((rule, r) => {
    rule.when.forEach((condition, i) => {
      ruleRows.push([
        // The short name in the cell (a wrapped long one would need a taller row), the whole rule as a note.
        i === 0 ? { value: shortRuleName(localName(rule, language)), note: localName(rule, language) } : "",
        i === 0
          ? (rule.tiers ?? [])
              .map((key) => {
                const category = analysis.tiers.categories.find((c) => c.key === key);
                return category ? localName(category, language) : key;
              })
              .join(t.listSeparator) || t.allCustomers
          : "",
        t.metric(condition.metric, rhythm.spendWindowDays),
        t.operators[condition.op],
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
    header: [...t.rulesHeader],
    rows: ruleRows,
    formats: [null, null, null, null, null, "integer"],
  });
  layout.facts([
    [
      t.spendWindow,
      { value: defaults.spendWindowDays, input: ALERT_INPUTS.spendWindowDays, format: "integer" },
    ],
  ]);
  layout.gap();
}

/**
 * One row per flagged member with the rules that fired, the largest value at risk first (predicted value ×
 * (1 − P(alive))), or the largest net spend first when the models could not be used.
 */
function membersToActOn(layout: SheetLayout, data: ReportData): void {
  const { analysis, models, config } = data;
  const { rhythm } = analysis;
  const language = config.language;
  const t = ALERT_TEXTS[language];
  const money = moneyFormat(config.currency);
  const window = rhythm.spendWindowDays;
  const rulesOf = alertNamesByCustomer(analysis, language);
  // In the order the result card names them (contact-list.ts).
  const { members, atRisk } = membersToAct(analysis, models);
  const alive = models?.probabilityAlive ?? null;
  const clv = models?.clv ?? null;
  const shown = members.slice(0, config.listLimit);
  layout.section(
    t.membersSection,
    t.membersNote(members.length, shown.length, alive !== null && clv !== null),
  );
  const contacts = contactColumns(data);
  const ids = shownCustomerIds(data);
  const [idText, ...rest] = t.header(window, config.model.clvMonths);
  const list = layout.table({
    header: [idHeader(data, idText), ...contacts.header, ...rest],
    rows: shown.map((c) => [
      ids[c],
      ...contacts.cells(c),
      tierName(analysis, analysis.tiers.current[c], language),
      (rulesOf.get(c) ?? []).map(shortRuleName).join(t.ruleSeparator),
      numberCell(rhythm.daysSinceLast[c]),
      numberCell(rhythm.medianIntervalDays[c]),
      round(rhythm.spendRecent[c], 2),
      round(rhythm.spendPrior[c], 2),
      numberCell(rhythm.spendChange[c]),
      alive ? round(alive[c], 4) : null,
      clv ? round(clv[c], 2) : null,
      round(atRisk(c), 2),
      localName(analysis.segments.segments[analysis.segments.segment[c]], language),
    ]),
    formats: [
      "text",
      ...contacts.formats,
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
    // The rules that fired are shown whole (several rules make a long line), as This week's reasons are.
    maxWidth: SENTENCE_WIDTH,
    table: { name: "LL_Alerts", style: "TableStyleMedium3", carry: customerRows(language) },
  });
  if (list.count > 0)
    layout.format({ type: "dataBar", range: list.column(10 + contacts.header.length), color: "#F8696B" });
}
