/**
 * What a finance user reads first and last on the Benefit cost sheet: the title and checks, the key
 * results with the scenario selector, the two charts, and the sensitivity table (formulas, not an Excel
 * data table, so that it recalculates everywhere).
 */
import { formatDay } from "../../engine/data/days";
import { sum } from "../../engine/projection/sum-product";
import type { ProjectionTotals } from "../../engine/projection/project";
import { scenarioOf } from "../../engine/projection/scenarios";
import { columnName, rangeAddress } from "../../sheet/a1";
import type { ChartSpec, NumberFormat } from "../../sheet/sheet-model";
import { FORMATS, INPUT_KEYS } from "./fields";
import type { Expected } from "./grid";
import {
  BENEFIT_COST_FOOTPRINT,
  FIRST_PERIOD_COL,
  KEY_RESULT_LINES,
  periodsRange,
  totalColumn,
} from "./layout";
import type { BenefitCostTexts } from "../../engine/text/benefit-cost";
import type { MoneyWords } from "../../engine/text/benefit-cost-sheet";
import type { CurrencyOrigin } from "../report-currency";
import { cell, columnRange, rowRange, SHARE_TOLERANCE, type BenefitCostWriter } from "./writer";

/** The currency and where it came from, in the words' terms. */
function moneyWords(symbol: string, origin: CurrencyOrigin | undefined): MoneyWords {
  const others = origin?.kind === "data" ? origin.others : [];
  const base = { symbol, others: others.map((o) => ({ symbol: o.symbol.trim(), rows: o.rows })) };
  if (!origin) return { ...base, from: symbol ? "setting" : "none" };
  if (origin.kind === "setting") return { ...base, from: "setting" };
  if (origin.source.kind === "none" || !origin.currency) return { ...base, from: "none" };
  const { column, header } = origin.source;
  return { ...base, from: origin.source.kind, code: origin.currency.code, column, header };
}

export function titleSection(w: BenefitCostWriter): void {
  const { baseline } = w.input;
  const t = w.s;
  w.text(1, 1, t.title, "title");
  const asOf = formatDay(baseline.asOf);
  const money = t.money(moneyWords(w.input.currency ?? "", w.input.currencyOrigin));
  w.text(2, 1, t.subtitle(w.input.source ?? "", asOf, w.T, baseline.periodMonths, money), "note");
  w.text(3, 1, t.intro(BENEFIT_COST_FOOTPRINT), "note");
}

/** The check line under the title: green when the inputs are consistent, red naming what is not. */
export function checksSection(w: BenefitCostWriter): void {
  const { at } = w;
  const { assumptions } = w.input;
  const sharesOk = `ABS(SUM(LL_EntryShare)-1)<${SHARE_TOLERANCE}`;
  const rowsOk = `SUMPRODUCT(--(ABS(LL_MigrationRowTotals-1)>=${SHARE_TOLERANCE}))=0`;
  const periodsOk = "AND(LL_PeriodsSetting=LL_Periods,LL_PeriodMonthsSetting=LL_PeriodMonths)";
  const { allPass, check, shares: sharesProblem, rows: rowsProblem, periods: periodsProblem } = w.s.checks;
  const formula =
    `IF(AND(${sharesOk},${rowsOk},${periodsOk}),"${allPass}","${check}"` +
    `&IF(${sharesOk},"","${sharesProblem}")&IF(${rowsOk},"","${rowsProblem}")` +
    `&IF(${periodsOk},"","${periodsProblem}"))`;
  const sharesFine = Math.abs(sum(assumptions.tiers.map((t) => t.entryShare)) - 1) < SHARE_TOLERANCE;
  const rowsFine = assumptions.migration.every((r) => Math.abs(sum(r) - 1) < SHARE_TOLERANCE);
  // When the sheet is written, the period settings hold the values it is built with.
  const expected =
    sharesFine && rowsFine
      ? allPass
      : `${check}${sharesFine ? "" : sharesProblem}${rowsFine ? "" : rowsProblem}`;
  w.grid.formula(at.checks, 1, formula, expected, { style: "bold" });
  const range = cell(at.checks, 1);
  w.conditionalFormats.push(
    {
      type: "cellValue",
      range,
      operator: "equal",
      operands: [`"${allPass}"`],
      style: { fill: "#C6EFCE", fontColor: "#006100" },
    },
    {
      type: "cellValue",
      range,
      operator: "notEqual",
      operands: [`"${allPass}"`],
      style: { fill: "#FFC7CE", fontColor: "#9C0006" },
    },
  );
}

export function keyResultsSection(w: BenefitCostWriter): void {
  const { at, T } = w;
  const kr = w.s.keyResults;
  w.text(at.keyTitle, 1, kr.title, "subtitle");
  w.text(at.keyTitle, 2, kr.totalOf(T), "note");
  scenarioSelector(w);
  const lines = keyResultLines(w);
  if (KEY_RESULT_IDS.length + 1 !== KEY_RESULT_LINES) {
    throw new Error("the layout reserves one row per key result");
  }
  KEY_RESULT_IDS.forEach((id, i) => {
    const [label, formula, expected, format, unit] = lines[id];
    const r = at.keyFirst + i;
    const style = id === "net" || id === "roi" ? "bold" : undefined;
    w.text(r, 1, label, style, keyResultNote(w, id));
    w.grid.formula(r, 2, formula, expected, { format, style });
    w.text(r, 3, unit, "note");
  });
  w.name("LL_NetEffect", keyResultCell(w, "net"), kr.netEffectName);
  const message = at.keyFirst + KEY_RESULT_IDS.length;
  const formula = liftMessageFormula(w.words, keyResultCell(w, "assumedLift"), keyResultCell(w, "breakEven"));
  w.grid.formula(message, 1, formula, liftMessage(w.words, w.p.totals), { style: "bold" });
}

/** The scenario selector: an input cell whose list is the scenarios' names in the sheet's language. */
function scenarioSelector(w: BenefitCostWriter): void {
  const { at } = w;
  const { scenarios, scenario } = w.input.assumptions;
  const kr = w.s.keyResults;
  w.text(at.scenario, 1, kr.scenario, "bold", kr.scenarioNote);
  w.inputCell(at.scenario, 2, INPUT_KEYS.scenario, w.s.scenarioNames[scenarioOf(scenarios, scenario).key]);
  w.name("LL_Scenario", cell(at.scenario, 2), kr.scenarioPrompt);
  // Named in the sheet's language; the inputs accept either language's name (inputs.ts).
  const names = scenarios.map((s) => w.s.scenarioNames[s.key]);
  w.validations.push({
    type: "list",
    range: cell(at.scenario, 2),
    values: names,
    allowBlank: false,
    prompt: kr.scenarioPrompt,
    error: kr.chooseOne(names),
  });
}

/** The key results in sheet order (one row each, then the lift message). */
const KEY_RESULT_IDS = [
  ...["now", "end", "revenue", "cost", "share", "margin", "lift", "net", "roi"],
  ...["npv", "npvCost", "liabilityNow", "liabilityEnd", "payback", "assumedLift", "breakEven"],
] as const;

type KeyResultId = (typeof KEY_RESULT_IDS)[number];
type KeyResult = [label: string, formula: string, expected: Expected, format: NumberFormat, unit: string];

/** The value cell of a key result, e.g. "B33". */
function keyResultCell(w: BenefitCostWriter, id: KeyResultId): string {
  return `B${w.at.keyFirst + KEY_RESULT_IDS.indexOf(id)}`;
}

function keyResultNote(w: BenefitCostWriter, id: KeyResultId): string | undefined {
  const { words } = w;
  const kr = w.s.keyResults;
  const notes: Partial<Record<KeyResultId, string>> = {
    net: kr.netNote,
    roi: kr.roiNote,
    payback: words.paybackNote,
    assumedLift: words.assumedLiftNote,
    breakEven: words.breakEvenNote,
  };
  return notes[id];
}

/** Each key result: its label, formula (over the projection's lines), the engine's value, format, unit. */
function keyResultLines(w: BenefitCostWriter): Record<KeyResultId, KeyResult> {
  const { at, T, words } = w;
  const t = w.p.totals;
  const kr = w.s.keyResults;
  const units = w.s.units;
  const last = w.lastColumn;
  const B = (id: KeyResultId) => keyResultCell(w, id);
  const total = (r: number) => `SUM(${periodsRange(r, T)})`;
  const npv = (r: number) => `NPV(LL_DiscountRate,${periodsRange(r, T)})`;
  const money = (label: string, formula: string, expected: number, unit = units.money): KeyResult => {
    return [label, formula, expected, FORMATS.money, unit];
  };
  // One key result over another, 0 when the other is not positive.
  const share = (label: string, id: KeyResultId, over: KeyResultId, expected: number): KeyResult => {
    return [label, `IF(${B(over)}>0,${B(id)}/${B(over)},0)`, expected, FORMATS.rate, units.share];
  };
  const members = (label: string, column: string, expected: number): KeyResult => {
    return [label, `${column}${at.membersInTiers}`, expected, FORMATS.count, units.members];
  };
  return {
    now: members(kr.lines.now, "C", t.membersInTiersNow),
    end: members(kr.lines.end, last, t.membersInTiersAtEnd),
    revenue: money(kr.lines.revenue, total(at.revenue), t.revenue),
    cost: money(kr.lines.cost, total(at.costTotal), t.benefitCost),
    share: share(kr.lines.share, "cost", "revenue", t.costShareOfRevenue),
    margin: money(kr.lines.margin, total(at.marginAfterBenefits), t.marginAfterBenefits),
    lift: money(kr.lines.lift, total(at.incrementalMargin), t.incrementalMargin),
    net: money(kr.lines.net, total(at.netEffect), t.netEffect),
    roi: share(kr.lines.roi, "net", "cost", t.roi),
    npv: money(kr.lines.npv, npv(at.netEffect), t.npvNetEffect, units.moneyDiscounted),
    npvCost: money(kr.lines.npvCost, npv(at.costTotal), t.npvBenefitCost, units.moneyDiscounted),
    liabilityNow: money(kr.lines.liabilityNow, `C${at.pointsLiability}`, t.pointsLiabilityNow),
    liabilityEnd: money(kr.lines.liabilityEnd, `${last}${at.pointsLiability}`, t.pointsLiabilityAtEnd),
    payback: paybackResult(w),
    assumedLift: assumedLiftResult(w),
    breakEven: [
      words.breakEven,
      breakEvenFormula(B("cost"), words.noBreakEven),
      t.breakEvenLift ?? words.noBreakEven,
      FORMATS.rate,
      units.share,
    ],
  };
}

/** The payback period in months, or words saying there is none in the horizon. */
function paybackResult(w: BenefitCostWriter): KeyResult {
  const { at, T, words } = w;
  const t = w.p.totals;
  const last = w.lastColumn;
  return [
    words.payback,
    `IF(${last}${at.payback}>0,${last}${at.payback}*LL_PeriodMonths,"${words.noPayback(T)}")`,
    t.paybackPeriod > 0 ? t.paybackPeriod * w.input.baseline.periodMonths : words.noPayback(T),
    FORMATS.whole,
    words.months,
  ];
}

/** The lift the assumptions give over all tiers: the Total column's lift revenue over its base revenue. */
function assumedLiftResult(w: BenefitCostWriter): KeyResult {
  const { at, T, words } = w;
  const totalCol = columnName(totalColumn(T));
  return [
    words.assumedLift,
    `IF(${totalCol}${at.revenueBase}>0,${totalCol}${at.revenueLift}/${totalCol}${at.revenueBase},0)`,
    w.p.totals.assumedLift,
    FORMATS.rate,
    w.s.units.share,
  ];
}

/**
 * λ* = (benefit cost − the points and discounts the lift earns) / (margin × base revenue − the points
 * and discounts base revenue earns), from the cost block per tier (see project.ts).
 */
function breakEvenFormula(cost: string, noBreakEven: string): string {
  const spendCosts = (revenue: string) =>
    `SUMPRODUCT(${revenue},LL_PointsPerUnit,LL_ValuePerPoint,LL_EffRedemption)+SUMPRODUCT(${revenue},LL_Discount)`;
  const liftCosts =
    "SUMPRODUCT(LL_TierLiftRevenue,LL_PointsPerUnit,LL_ValuePerPoint,LL_EffRedemption)" +
    "+SUMPRODUCT(LL_TierLiftRevenue,LL_Discount)";
  const denominator = `LL_GrossMargin*SUM(LL_TierBaseRevenue)-(${spendCosts("LL_TierBaseRevenue")})`;
  return `IF(${denominator}>0,(${cost}-(${liftCosts}))/(${denominator}),"${noBreakEven}")`;
}

/** A share as TEXT(x, "0.0%") writes it. */
function percentText(x: number): string {
  // Half away from zero, as spreadsheet programs round.
  return `${((Math.sign(x) * Math.round(Math.abs(x) * 1000)) / 10).toFixed(1)}%`;
}

function liftMessageFormula(words: BenefitCostTexts, assumed: string, breakEven: string): string {
  const LIFT_TEXTS = words.lift;
  const pct = (ref: string) => `TEXT(${ref},"0.0%")`;
  const [zero1, zero2] = LIFT_TEXTS.zero;
  const [pays1, pays2, pays3] = LIFT_TEXTS.pays;
  const [short1, short2, short3] = LIFT_TEXTS.short;
  return (
    `IF(ISNUMBER(${breakEven}),IF(${assumed}=0,"${zero1}"&${pct(breakEven)}&"${zero2}",` +
    `IF(${assumed}>=${breakEven},"${pays1}"&${pct(assumed)}&"${pays2}"&${pct(breakEven)}&"${pays3}",` +
    `"${short1}"&${pct(assumed)}&"${short2}"&${pct(breakEven)}&"${short3}")),"${LIFT_TEXTS.none}")`
  );
}

function liftMessage(words: BenefitCostTexts, t: ProjectionTotals): string {
  const LIFT_TEXTS = words.lift;
  const be = t.breakEvenLift;
  if (be === null) return LIFT_TEXTS.none;
  if (t.assumedLift === 0) return LIFT_TEXTS.zero[0] + percentText(be) + LIFT_TEXTS.zero[1];
  const [a, b, c] = t.assumedLift >= be ? LIFT_TEXTS.pays : LIFT_TEXTS.short;
  return a + percentText(t.assumedLift) + b + percentText(be) + c;
}

export function sensitivitySection(w: BenefitCostWriter): void {
  const { at, k, p, T, sensitivity: sens } = w;
  const { assumptions } = w.input;
  w.text(at.sensitivityTitle, 1, w.s.sensitivityTitle, "subtitle");
  const h = at.sensitivityHelperHeader;
  const c0 = at.sensitivityHelperCol;
  w.header(h, c0, w.s.tier);
  w.header(h, c0 + 1, ...w.s.pointsValue);
  w.header(h, c0 + 2, ...w.s.activityCost);
  for (let i = 0; i < k; i++) {
    const r = at.sensitivityHelperFirst + i;
    const pointsValue = sum(p.pointsEarned.slice(1).map((e) => e[i])) * assumptions.tiers[i].valuePerPoint;
    const activityCost =
      assumptions.tiers[i].activitiesPerPeriod *
      p.drivers[i].costPerParticipant *
      sum(p.members.slice(1).map((n) => n[i] + n[k + i]));
    w.text(r, c0, w.stateName(i), "bold");
    w.grid.formula(
      r,
      c0 + 1,
      `SUM(${periodsRange(at.pointsEarned + i, T)})*INDEX(LL_ValuePerPoint,${i + 1})`,
      pointsValue,
      { format: FORMATS.money },
    );
    w.grid.formula(
      r,
      c0 + 2,
      `INDEX(LL_Activities,${i + 1})*INDEX(LL_EffCostPerParticipant,${i + 1})*` +
        `(SUM(${periodsRange(at.members + i, T)})+SUM(${periodsRange(at.members + k + i, T)}))`,
      activityCost,
      { format: FORMATS.money },
    );
  }
  w.name("LL_SensPointsValue", columnRange(at.sensitivityHelperFirst, c0 + 1, k));
  w.name("LL_SensActivityCost", columnRange(at.sensitivityHelperFirst, c0 + 2, k));

  const g = at.gridHeader;
  const [corner, cornerNote] = w.s.gridCorner;
  w.text(g, 1, corner, "header", cornerNote);
  sens.participationRates.forEach((q, j) =>
    w.inputCell(g, 2 + j, INPUT_KEYS.participationAxis(j), q, FORMATS.rate),
  );
  sens.redemptionRates.forEach((rate, i) => {
    const r = at.gridFirst + i;
    w.inputCell(r, 1, INPUT_KEYS.redemptionAxis(i), rate, FORMATS.rate);
    sens.participationRates.forEach((_, j) => {
      const formula =
        `LL_NetEffect+SUMPRODUCT(LL_SensPointsValue,LL_EffRedemption)-$A${r}*SUM(LL_SensPointsValue)` +
        `+SUMPRODUCT(LL_SensActivityCost,LL_EffParticipation)-${columnName(2 + j)}$${g}*SUM(LL_SensActivityCost)`;
      w.grid.formula(r, 2 + j, formula, sens.cumulativeNetEffect[i][j], { format: FORMATS.money });
    });
  });
  w.decimal(columnRange(at.gridFirst, 1, sens.redemptionRates.length), 0, 1);
  w.decimal(rowRange(g, 2, sens.participationRates.length), 0, 1);
  w.conditionalFormats.push({
    type: "colorScale",
    range: rangeAddress({
      top: at.gridFirst,
      left: 2,
      bottom: at.gridFirst + sens.redemptionRates.length - 1,
      right: 1 + sens.participationRates.length,
    }),
    colors: ["#F8696B", "#FFFFFF", "#63BE7B"],
  });
}

/** Revenue against benefit cost by period, and members per tier (beside the key results). */
export function benefitCostCharts(w: BenefitCostWriter): ChartSpec[] {
  const { at, k, T } = w;
  const last = w.lastColumn;
  const words = w.s.charts;
  return [
    {
      type: "column",
      title: words.revenueCost,
      categories: periodsRange(at.periodHeader, T),
      series: [
        { name: { ref: cell(at.revenue, 1) }, values: periodsRange(at.revenue, T), color: "#4472C4" },
        { name: { ref: cell(at.costTotal, 1) }, values: periodsRange(at.costTotal, T), color: "#ED7D31" },
      ],
      xAxisTitle: words.period,
      yAxisTitle: words.money,
      valueFormat: FORMATS.count,
      legend: "bottom",
      at: { row: at.keyTitle, col: FIRST_PERIOD_COL + 1 },
      width: 560,
      height: 300,
    },
    {
      type: "line",
      title: words.members,
      categories: `C${at.periodHeader}:${last}${at.periodHeader}`,
      series: Array.from({ length: 2 * k }, (_, s) => ({
        name: w.chainStateName(s),
        values: `C${at.members + s}:${last}${at.members + s}`,
      })),
      xAxisTitle: words.period,
      yAxisTitle: words.members2,
      valueFormat: FORMATS.count,
      legend: "bottom",
      at: { row: at.keyTitle, col: FIRST_PERIOD_COL + 8 },
      width: 520,
      height: 300,
    },
  ];
}
