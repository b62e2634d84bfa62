/**
 * The Tiers sheet: the tier rule table (its minimums are input cells: edit them and rebuild), members per
 * tier now and at the last review with a chart, the migration matrix in counts and shares, the movements,
 * and the lists of upgrade candidates and members at risk of demotion.
 */
import { contactColumns, idHeader, shownCustomerIds } from "../contact-columns";
import { formatDay } from "../../engine/data/days";
import { demotionRisks, upgradeCandidates } from "../../engine/tiers/candidates";
import type { TierEvaluation } from "../../engine/tiers/evaluate";
import { migrationMatrix, tierChanges } from "../../engine/tiers/migration";
import { reviewMonths } from "../../engine/tiers/program";
import { tierName, type ReportData } from "../report-data";
import { excelDate, numberCell, round } from "./cell-values";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { TIER_INPUTS } from "../input-keys";
import { customerRows, SheetLayout, type PlacedTable } from "./layout";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";
import { localName } from "../../engine/text/bilingual";
import { TIER_TEXTS, type ReviewWords } from "../../engine/text/tiers";
import { SUMMARY_BASIS_TEXTS } from "../../engine/text/summary-basis";

type Texts = (typeof TIER_TEXTS)["en"];

/** The review dates the tier rules give, and their window, in the words of the sheet. */
function reviewWords(evaluation: TierEvaluation): ReviewWords {
  const { program } = evaluation;
  const w = program.window;
  return {
    asOf: formatDay(evaluation.asOf),
    previous: formatDay(evaluation.previousReview),
    next: formatDay(evaluation.nextReview),
    rolling: w.kind === "rolling",
    months: w.kind === "rolling" ? w.months : 12,
    every: reviewMonths(program),
    grace: program.demoteAfterPeriods ?? 1,
  };
}

export function buildTiersSheet(data: ReportData): SheetModel {
  const evaluation = data.analysis.tiers;
  const t = TIER_TEXTS[data.config.language];
  const words = reviewWords(evaluation);
  // From a customer summary only the tiers now are known: no earlier review, no movement between them.
  const fromLines = data.analysis.basis === "orders";
  const layout = new SheetLayout().title(t.title, t.intro(words));
  layout.note(t.grace(words.grace), data.defaults.tiersDerived ? t.derivedNote : t.editNote);
  if (!fromLines) layout.note(SUMMARY_BASIS_TEXTS[data.config.language].tiersNote);
  layout.gap().section(t.rulesSection);
  const rules = tierRulesTable(layout, data, t);
  upgradeWithinInput(layout, data, t);
  if (rules.count > 0) membersChart(layout, rules, t, fromLines);
  if (fromLines) {
    migrationTables(layout, data, t);
    movementsTable(layout, evaluation, t);
  }
  upgradeCandidatesTable(layout, data, t);
  if (fromLines) demotionRiskTable(layout, data, t);
  return layout.finish({
    kind: "tiers",
    tabColor: "#FFC000",
  });
}

/** The tier rules with their minimums as input cells, and the members of each tier now and at the last review. */
function tierRulesTable(
  layout: SheetLayout,
  { analysis, config, defaults }: ReportData,
  t: Texts,
): PlacedTable {
  const evaluation = analysis.tiers;
  const money = moneyFormat(config.currency);
  const program = defaults.tiers;
  const base = program.tiers.length - 1;
  const total = evaluation.counts.reduce((s, v) => s + v, 0);
  const ruleRows: Cell[][] = evaluation.categories.map((cat, level) => {
    const rule = program.tiers[level];
    const now = evaluation.counts[level];
    const before = evaluation.previousCounts[level];
    const known = analysis.basis === "orders";
    const counts: Cell[] = [
      now,
      known ? before : null,
      known ? now - before : null,
      total > 0 ? now / total : null,
    ];
    const name = localName(cat, config.language);
    if (!rule) return [name, t.noPurchase, null, null, ...counts];
    if (level === base) return [name, t.everyActive, null, null, ...counts];
    const suggested = defaults.tiersDerived ? (rule.minSpend ?? null) : null;
    return [
      name,
      { value: rule.minSpend ?? null, input: TIER_INPUTS.minSpend(rule.key), format: money },
      {
        value: rule.minPurchaseDays ?? null,
        input: TIER_INPUTS.minPurchaseDays(rule.key),
        format: "integer",
      },
      suggested,
      ...counts,
    ];
  });
  const rules = layout.table({
    header: [
      t.header.tier,
      { value: t.header.minSpend, note: t.header.minSpendNote },
      { value: t.header.minDays, note: t.header.minDaysNote },
      t.header.suggested,
      t.header.now,
      t.header.before,
      t.header.change,
      t.header.share,
    ],
    rows: ruleRows,
    // The minimums carry their own formats (they are input cells).
    formats: [null, null, null, money, "integer", "integer", { code: "+#,##0;-#,##0;0" }, "percent1"],
  });
  layout.validate({
    type: "decimal",
    range: `${rules.cell(0, 1)}:${rules.cell(Math.max(0, base - 1), 2)}`,
    min: 0,
    prompt: t.minPrompt,
    error: t.minError,
  });
  layout.gap();
  return rules;
}

/** The input cell of how close to the next tier a member must be to be listed as an upgrade candidate. */
function upgradeWithinInput(layout: SheetLayout, { defaults }: ReportData, t: Texts): void {
  layout.facts([
    [t.upgradeWithin, { value: defaults.upgradeWithin, input: TIER_INPUTS.upgradeWithin, format: "percent" }],
  ]);
  layout.note(t.upgradeWithinNote);
  layout.gap();
}

function membersChart(layout: SheetLayout, rules: PlacedTable, t: Texts, withBefore: boolean): void {
  layout.chart(
    tableChart(rules, {
      type: "column",
      title: t.chartTitle,
      series: [...(withBefore ? [[t.seriesBefore, 5, "#A5A5A5"] as const] : []), [t.seriesNow, 4, "#4472C4"]],
      valueFormat: "integer",
      width: 620,
      height: 300,
    }),
  );
}

/** The migration matrix since the last review: in members, then as shares of each row with a colour scale. */
function migrationTables(layout: SheetLayout, { analysis, config }: ReportData, t: Texts): void {
  const matrix = migrationMatrix(analysis.tiers);
  const name = (c: { name: string; nameZh?: string }) => localName(c, config.language);
  const columns = matrix.columns.map(name);
  layout.section(t.migrationCounts, t.migrationNote);
  layout.table({
    header: [t.fromTo, ...columns, t.total],
    rows: matrix.rows.map((r, i) => [name(r), ...matrix.counts[i], matrix.rowTotals[i]]),
    total: [t.total, ...matrix.columnTotals, matrix.columnTotals.reduce((a, b) => a + b, 0)],
    formats: [null, ...columns.map(() => "integer" as const), "integer"],
  });
  layout.gap();
  layout.section(t.migrationShares);
  const ratesTable = layout.table({
    header: [t.fromTo, ...columns],
    rows: matrix.rows.map((r, i) => [name(r), ...matrix.rates[i].map(numberCell)]),
    formats: [null, ...columns.map(() => "percent" as const)],
  });
  if (ratesTable.count > 0) {
    layout.format({
      type: "colorScale",
      range: `${ratesTable.cell(0, 1)}:${ratesTable.cell(ratesTable.count - 1, columns.length)}`,
      colors: ["#FFFFFF", "#5B9BD5"],
    });
  }
  layout.gap();
}

function movementsTable(layout: SheetLayout, evaluation: TierEvaluation, t: Texts): void {
  const changes = tierChanges(evaluation);
  layout.section(t.movements);
  layout.table({
    header: [...t.movementHeader],
    rows: [
      [t.movement.promoted, changes.promoted.length],
      [t.movement.demoted, changes.demoted.length],
      [t.movement.lapsed, changes.lapsed.length],
      [t.movement.reactivated, changes.reactivated.length],
      [t.movement.joined, changes.joined.length],
    ],
    formats: [null, "integer"],
  });
  layout.gap();
}

/** Members close to the next tier's minimum, closest first. */
function upgradeCandidatesTable(layout: SheetLayout, data: ReportData, t: Texts): void {
  const { analysis, config } = data;
  const language = config.language;
  const ids = shownCustomerIds(data);
  const contacts = contactColumns(data);
  const [idText, ...rest] = t.upgradeHeader;
  const money = moneyFormat(config.currency);
  const candidates = upgradeCandidates(analysis.tiers, { maxGapShare: config.tiers.upgradeWithin });
  const shown = candidates.slice(0, config.listLimit);
  layout.section(
    t.upgradeSection,
    t.upgradeNote(candidates.length, Math.round(config.tiers.upgradeWithin * 100), shown.length),
  );
  layout.table({
    header: [idHeader(data, idText), ...contacts.header, ...rest],
    rows: shown.map((u) => [
      ids[u.customer],
      ...contacts.cells(u.customer),
      tierName(analysis, u.level, language),
      tierName(analysis, u.targetLevel, language),
      round(u.spend, 2),
      round(u.spendGap, 2),
      u.purchaseDays,
      numberCell(u.purchaseDaysGap),
      numberCell(u.gapShare),
    ]),
    formats: ["text", ...contacts.formats, null, null, money, money, "integer", "integer", "percent1"],
    table: { name: "LL_UpgradeCandidates", style: "TableStyleLight9", carry: customerRows(language) },
  });
  layout.gap();
}

/** Members who will not meet their tier's minimum at the next review from what they have bought so far. */
function demotionRiskTable(layout: SheetLayout, data: ReportData, t: Texts): void {
  const { analysis, config } = data;
  const language = config.language;
  const evaluation = analysis.tiers;
  const ids = shownCustomerIds(data);
  const contacts = contactColumns(data);
  const [idText, ...rest] = t.demotionHeader;
  const money = moneyFormat(config.currency);
  const risks = demotionRisks(evaluation, analysis.days);
  const risksShown = risks.slice(0, config.listLimit);
  layout.section(
    t.demotionSection,
    t.demotionNote(risks.length, formatDay(evaluation.nextReview), risksShown.length),
  );
  layout.table({
    header: [idHeader(data, idText), ...contacts.header, ...rest],
    rows: risksShown.map((d) => [
      ids[d.customer],
      ...contacts.cells(d.customer),
      tierName(analysis, d.level, language),
      round(d.retainedSpend, 2),
      round(d.spendNeeded, 2),
      d.retainedPurchaseDays,
      numberCell(d.purchaseDaysNeeded),
      d.demotedAtNextReview ? t.yes : t.graceLeft,
      excelDate(analysis.summary.lastDay[d.customer]),
    ]),
    formats: ["text", ...contacts.formats, null, money, money, "integer", "integer", null, "date"],
    table: { name: "LL_DemotionRisk", style: "TableStyleLight9", carry: customerRows(language) },
  });
}
