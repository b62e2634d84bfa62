/**
 * The Tiers sheet: the tier rule table (its minimums are input cells: edit them and rebuild), members per
 * tier now and at the last review with a chart, the migration matrix in counts and shares, the movements,
 * and the lists of upgrade candidates and members at risk of demotion.
 */
import { formatDay } from "../../engine/data/days";
import { demotionRisks, upgradeCandidates } from "../../engine/tiers/candidates";
import type { TierEvaluation } from "../../engine/tiers/evaluate";
import { migrationMatrix, tierChanges } from "../../engine/tiers/migration";
import { reviewMonths, type TierProgram } from "../../engine/tiers/program";
import { tierName, type ReportData } from "../report-data";
import { excelDate, numberCell, round } from "./cell-values";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { TIER_INPUTS } from "../input-keys";
import { CUSTOMER_ROWS, SheetLayout, type PlacedTable } from "./layout";
import { listedNote } from "./note-text";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";
import { counted } from "../../engine/text/counted";

function windowText(program: TierProgram): string {
  const w = program.window;
  const window = w.kind === "rolling" ? `the last ${w.months} months` : "the calendar year to date";
  const every = reviewMonths(program);
  const grace = program.demoteAfterPeriods ?? 1;
  return (
    `Tiers are earned by net spend (or purchase days) in ${window}, reviewed every ${every} months; ` +
    (grace > 1
      ? `a member drops a tier after ${grace} reviews below it.`
      : "a member below the minimum drops a tier at the next review.")
  );
}

export function buildTiersSheet(data: ReportData): SheetModel {
  const evaluation = data.analysis.tiers;
  const layout = new SheetLayout().title(
    "Tiers",
    `As of ${formatDay(evaluation.asOf)}; last review ${formatDay(evaluation.previousReview)}, next review ` +
      `${formatDay(evaluation.nextReview)}. ${windowText(evaluation.program)}`,
  );
  layout.note(
    data.defaults.tiersDerived
      ? "The minimums were suggested from the data (top 10 %, next 20 %, next 30 % of active customers). " +
          "Type your own in the orange cells and rebuild: your values are kept on every refresh."
      : "Edit the minimums in the orange cells and rebuild: your values are kept on every refresh.",
  );
  layout.gap().section("Tier rules and members");
  const rules = tierRulesTable(layout, data);
  upgradeWithinInput(layout, data);
  if (rules.count > 0) membersChart(layout, rules);
  migrationTables(layout, evaluation);
  movementsTable(layout, evaluation);
  upgradeCandidatesTable(layout, data);
  demotionRiskTable(layout, data);
  return layout.finish({
    kind: "tiers",
    tabColor: "#FFC000",
  });
}

/** The tier rules with their minimums as input cells, and the members of each tier now and at the last review. */
function tierRulesTable(layout: SheetLayout, { analysis, config, defaults }: ReportData): PlacedTable {
  const evaluation = analysis.tiers;
  const money = moneyFormat(config.currency);
  const program = defaults.tiers;
  const base = program.tiers.length - 1;
  const total = evaluation.counts.reduce((s, v) => s + v, 0);
  const ruleRows: Cell[][] = evaluation.categories.map((cat, level) => {
    const rule = program.tiers[level];
    const now = evaluation.counts[level];
    const before = evaluation.previousCounts[level];
    const counts: Cell[] = [now, before, now - before, total > 0 ? now / total : null];
    if (!rule) return [cat.name, "no purchase in the window", null, null, ...counts];
    if (level === base) return [cat.name, "every active customer", null, null, ...counts];
    const suggested = defaults.tiersDerived ? (rule.minSpend ?? null) : null;
    return [
      cat.name,
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
      "Tier",
      { value: "Min net spend", note: "Net spend in the qualifying window needed for the tier" },
      {
        value: "Min purchase days",
        note: "Alternatively, this many purchase days in the window (blank: not used)",
      },
      "Suggested from data",
      "Members now",
      "At last review",
      "Change",
      "% of members",
    ],
    rows: ruleRows,
    // The minimums carry their own formats (they are input cells).
    formats: [null, null, null, money, "integer", "integer", { code: "+#,##0;-#,##0;0" }, "percent1"],
  });
  layout.validate({
    type: "decimal",
    range: `${rules.cell(0, 1)}:${rules.cell(Math.max(0, base - 1), 2)}`,
    min: 0,
    prompt: "A minimum of at least 0; clear the cell to use the suggestion",
    error: "Type a number of at least 0",
  });
  layout.gap();
  return rules;
}

/** The input cell of how close to the next tier a member must be to be listed as an upgrade candidate. */
function upgradeWithinInput(layout: SheetLayout, { defaults }: ReportData): void {
  layout.facts([
    [
      "Upgrade candidates: within",
      { value: defaults.upgradeWithin, input: TIER_INPUTS.upgradeWithin, format: "percent" },
    ],
  ]);
  layout.note("… of the next tier's minimum (members this close to the next tier are listed below).");
  layout.gap();
}

function membersChart(layout: SheetLayout, rules: PlacedTable): void {
  layout.chart(
    tableChart(rules, {
      type: "column",
      title: "Members per tier: now and at the last review",
      series: [
        ["At last review", 5, "#A5A5A5"],
        ["Now", 4, "#4472C4"],
      ],
      valueFormat: "integer",
      width: 620,
      height: 300,
    }),
  );
}

/** The migration matrix since the last review: in members, then as shares of each row with a colour scale. */
function migrationTables(layout: SheetLayout, evaluation: TierEvaluation): void {
  const matrix = migrationMatrix(evaluation);
  const columns = matrix.columns.map((c) => c.name);
  layout.section(
    "Migration since the last review (members)",
    "Rows: tier at the last review (New: not a customer then). Columns: tier now.",
  );
  layout.table({
    header: ["From \\ To", ...columns, "Total"],
    rows: matrix.rows.map((r, i) => [r.name, ...matrix.counts[i], matrix.rowTotals[i]]),
    total: ["Total", ...matrix.columnTotals, matrix.columnTotals.reduce((a, b) => a + b, 0)],
    formats: [null, ...columns.map(() => "integer" as const), "integer"],
  });
  layout.gap();
  layout.section("Migration since the last review (share of each row)");
  const ratesTable = layout.table({
    header: ["From \\ To", ...columns],
    rows: matrix.rows.map((r, i) => [r.name, ...matrix.rates[i].map(numberCell)]),
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

function movementsTable(layout: SheetLayout, evaluation: TierEvaluation): void {
  const changes = tierChanges(evaluation);
  layout.section("Movements since the last review");
  layout.table({
    header: ["Movement", "Members"],
    rows: [
      ["Promoted to a higher tier", changes.promoted.length],
      ["Demoted to a lower tier", changes.demoted.length],
      ["Lapsed (no purchase in the window)", changes.lapsed.length],
      ["Reactivated (bought again)", changes.reactivated.length],
      ["New customers", changes.joined.length],
    ],
    formats: [null, "integer"],
  });
  layout.gap();
}

/** Members close to the next tier's minimum, closest first. */
function upgradeCandidatesTable(layout: SheetLayout, { analysis, config }: ReportData): void {
  const ids = analysis.summary.customerIds;
  const money = moneyFormat(config.currency);
  const candidates = upgradeCandidates(analysis.tiers, { maxGapShare: config.tiers.upgradeWithin });
  const shown = candidates.slice(0, config.listLimit);
  layout.section(
    "Upgrade candidates",
    `${counted(candidates.length, "member")} ${candidates.length === 1 ? "is" : "are"} within ${Math.round(config.tiers.upgradeWithin * 100)} % of the next ` +
      `tier's minimum${listedNote(shown.length, candidates.length, "# closest")}.`,
  );
  layout.table({
    header: [
      "Customer ID",
      "Tier now",
      "Next tier",
      "Net spend in window",
      "Spend still needed",
      "Purchase days in window",
      "Purchase days still needed",
      "Missing share of minimum",
    ],
    rows: shown.map((u) => [
      ids[u.customer],
      tierName(analysis, u.level),
      tierName(analysis, u.targetLevel),
      round(u.spend, 2),
      round(u.spendGap, 2),
      u.purchaseDays,
      numberCell(u.purchaseDaysGap),
      numberCell(u.gapShare),
    ]),
    formats: ["text", null, null, money, money, "integer", "integer", "percent1"],
    table: { name: "LL_UpgradeCandidates", style: "TableStyleLight9", carry: CUSTOMER_ROWS },
  });
  layout.gap();
}

/** Members who will not meet their tier's minimum at the next review from what they have bought so far. */
function demotionRiskTable(layout: SheetLayout, { analysis, config }: ReportData): void {
  const evaluation = analysis.tiers;
  const ids = analysis.summary.customerIds;
  const money = moneyFormat(config.currency);
  const risks = demotionRisks(evaluation, analysis.days);
  const risksShown = risks.slice(0, config.listLimit);
  layout.section(
    "Demotion risk",
    `${counted(risks.length, "member")} will not meet their tier's minimum at the next review ` +
      `(${formatDay(evaluation.nextReview)}) from what they have bought so far` +
      `${listedNote(risksShown.length, risks.length)}.`,
  );
  layout.table({
    header: [
      "Customer ID",
      "Tier",
      "Net spend counting at next review",
      "Spend needed to keep tier",
      "Purchase days counting",
      "Purchase days needed",
      "Demoted at next review",
      "Last purchase",
    ],
    rows: risksShown.map((d) => [
      ids[d.customer],
      tierName(analysis, d.level),
      round(d.retainedSpend, 2),
      round(d.spendNeeded, 2),
      d.retainedPurchaseDays,
      numberCell(d.purchaseDaysNeeded),
      d.demotedAtNextReview ? "Yes" : "No (grace)",
      excelDate(analysis.summary.lastDay[d.customer]),
    ]),
    formats: ["text", null, money, money, "integer", "integer", null, "date"],
    table: { name: "LL_DemotionRisk", style: "TableStyleLight9", carry: CUSTOMER_ROWS },
  });
}
