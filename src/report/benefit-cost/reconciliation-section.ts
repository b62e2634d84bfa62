/**
 * The two blocks a finance reviewer reads first: the reconciliation of the model with what the business
 * actually sold (values from the data, computed by src/engine/projection/reconciliation.ts, with the
 * errors and growth as formulas over them), and the side-by-side comparison of no change, the programme
 * as set and an alternative (formulas over the projection's totals and the cost block per tier).
 */
import { addMonths, formatDay } from "../../engine/data/days";
import {
  BACKTEST_TARGET,
  type BacktestPart,
  type BacktestReason,
  type GrowthCauses,
  type Reconciliation,
} from "../../engine/projection/reconciliation";
import type { ProgrammeResult } from "../../engine/projection/project";
import { columnName } from "../../sheet/a1";
import { FORMATS, INPUT_KEYS } from "./fields";
import { COMPARISON_LINES, totalColumn } from "./layout";
import type { BenefitCostTexts } from "../../engine/text/benefit-cost";
import { cell, type BenefitCostWriter } from "./writer";

const RED = { fill: "#FFC7CE", fontColor: "#9C0006", bold: true };
const GREEN = { fill: "#C6EFCE", fontColor: "#006100", bold: true };
/** The verdict's fill reaches at least column Q, past the end of its longest texts. */
const VERDICT_LAST_COL = 17;

const CAUSES: readonly (keyof GrowthCauses)[] = [
  "membersNow",
  "intake",
  "migration",
  "spendPerMember",
  "seasonality",
];

function reasonText(t: BenefitCostTexts, r: BacktestReason): string {
  switch (r.reason) {
    case "shortHistory":
      return t.reasons.shortHistory(r.months);
    case "noSeasonalIndex":
      return t.reasons.noSeasonalIndex;
    case "trend":
      return t.reasons.trend(r.actualGrowth, r.projectedGrowth);
    case "newMembers":
      return t.reasons.newMembers(r.split);
  }
}

/** The verdict line, and the line under it saying why the target may be missed. */
function verdict(t: BenefitCostTexts, rec: Reconciliation): { text: string; why: string; good: boolean } {
  const b = rec.backtest;
  if (!("asOf" in b)) return { text: t.noBacktest(b.months, b.needed), why: "", good: false };
  if (b.withinTarget) {
    return { text: t.withinTarget(BACKTEST_TARGET, rec.months, b.error), why: "", good: true };
  }
  const why = b.reasons.length ? t.why(b.reasons.map((r) => reasonText(t, r))) : "";
  return { text: t.outsideTarget(b.error, BACKTEST_TARGET), why, good: false };
}

function windowText(w: BenefitCostWriter, rec: Reconciliation): string {
  const t = w.words;
  const { baseline } = w.input;
  const months = baseline.window.periods * baseline.periodMonths;
  const over = rec.partialYear ? t.wholeHistory(months) : t.lastMonths(months);
  return t.window(over, t.season[baseline.seasonality.status]);
}

export function reconciliationSection(w: BenefitCostWriter): void {
  const { at, k } = w;
  const rec = w.input.reconciliation;
  const asOf = w.input.baseline.asOf;
  const months = rec.months;
  const t = w.words;
  w.text(at.reconciliationTitle, 1, t.reconciliationTitle, "subtitle");
  w.header(at.reconciliationHeader, 1, t.revenue);
  w.header(at.reconciliationHeader, 2, t.total);
  for (let i = 0; i < k; i++) w.header(at.reconciliationHeader, 3 + i, w.stateName(i));
  const row = (r: number, label: string, total: number, perTier: readonly number[], note?: string) => {
    w.text(r, 1, label, undefined, note);
    w.value(r, 2, total, FORMATS.money, "bold");
    perTier.forEach((v, i) => w.value(r, 3 + i, v, FORMATS.money));
  };
  row(at.actual, t.actual(months, formatDay(asOf)), rec.actualTotal, rec.actualPerTier, t.actualNote);
  const ratioRow = (r: number, over: number, label: string, values: number[], note: string) => {
    w.text(r, 1, label, "bold", note);
    for (let c = 0; c <= k; c++) {
      const [a, b] = [cell(over, 2 + c), cell(at.actual, 2 + c)];
      w.grid.formula(r, 2 + c, `IF(${b}<>0,${a}/${b}-1,0)`, values[c], { format: FORMATS.rate });
    }
  };
  const b = rec.backtest;
  if ("asOf" in b) {
    row(at.backtest, t.backtest(formatDay(b.asOf)), b.projectedTotal, b.projected, t.backtestNote(months));
    ratioRow(at.backtestError, at.backtest, t.backtestError, [b.error, ...b.errorPerTier], t.errorNote);
    const { existing, joined } = b.split;
    const partRow = (r: number, label: string, p: BacktestPart) => {
      w.text(r, 1, label, undefined, t.backtestPartNote[p === existing ? "existing" : "joined"]);
      w.value(r, 2, p.error, FORMATS.rate);
    };
    partRow(at.backtestExisting, t.backtestExisting(formatDay(b.asOf)), existing);
    partRow(at.backtestJoined, t.backtestJoined(joined.actualCount, joined.projectedCount), joined);
  } else {
    w.text(at.backtest, 1, t.backtestImpossible(formatDay(addMonths(asOf, -months))));
    w.text(at.backtest, 2, t.notPossible, "note");
    w.text(at.backtestError, 1, t.backtestError, "bold");
    w.text(at.backtestError, 2, t.none, "note");
  }
  row(at.next, t.next(months), rec.nextTotal, rec.nextPerTier, t.nextNote);
  const tierGrowth = rec.nextPerTier.map((v, i) =>
    rec.actualPerTier[i] !== 0 ? v / rec.actualPerTier[i] - 1 : 0,
  );
  ratioRow(at.growth, at.next, t.growth, [rec.growth, ...tierGrowth], t.growthNote);
  CAUSES.forEach((key, i) => {
    const r = at.causes + i;
    const [label, note] = t.causes[key];
    w.text(r, 1, label, undefined, note);
    w.value(r, 2, rec.causes[key], FORMATS.money);
    const share = rec.actualTotal !== 0 ? rec.causes[key] / rec.actualTotal : 0;
    const actual = cell(at.actual, 2);
    w.grid.formula(r, 3, `IF(${actual}<>0,B${r}/${actual},0)`, share, { format: FORMATS.rate });
  });
  const v = verdict(t, rec);
  for (const [r, text] of [
    [at.verdict, v.text],
    [at.verdictWhy, v.why],
  ] as const) {
    if (!text) continue;
    w.text(r, 1, text, v.good ? GREEN : RED);
    // The line runs over the empty cells to its right: they carry its fill, so the whole line reads as one.
    for (let c = 2; c <= Math.max(VERDICT_LAST_COL, w.lastCol); c++) {
      w.value(r, c, null, undefined, v.good ? GREEN : RED);
    }
  }
  w.text(at.windowNote, 1, windowText(w, rec), "note");
}

/** The comparison's rows, and whether a row is bold. */
const COMPARISON_ROWS: readonly [keyof ProgrammeResult, boolean][] = [
  ["revenue", false],
  ["benefitCost", false],
  ["marginAfterBenefits", false],
  ["netEffect", true],
  ["roi", true],
];

export function comparisonSection(w: BenefitCostWriter): void {
  const { at, p, T } = w;
  const { alternative } = w.input.assumptions;
  const tc = columnName(totalColumn(T));
  const top = at.tierCostFirst;
  const t = w.words;
  w.text(at.comparisonTitle, 1, t.comparisonTitle(T), "subtitle");
  w.header(at.comparisonHeader, 1, t.programme);
  w.header(at.comparisonHeader, 2, t.noChange, t.noChangeNote);
  w.header(at.comparisonHeader, 3, t.asSet, t.asSetNote);
  w.header(at.comparisonHeader, 4, t.cheaper(w.stateName(0)), t.cheaperNote);
  const r = (i: number) => at.comparisonFirst + i;
  const altFactor = "(1+INDEX(LL_EffLift,1)*LL_AltTopLift)/(1+INDEX(LL_EffLift,1))";
  const altLift = `(${tc}${at.revenueLift}-C${top}+C${top}*LL_AltTopLift)`;
  const formulas: Record<string, [string, string, string]> = {
    revenue: [`${tc}${at.revenueBase}`, `${tc}${at.revenue}`, `${tc}${at.revenueBase}+${altLift}`],
    benefitCost: [
      "0",
      `${tc}${at.costTotal}`,
      `${tc}${at.costTotal}-SUM(D${top}:H${top})+LL_AltTopCost*((D${top}+E${top})*${altFactor}+SUM(F${top}:H${top}))`,
    ],
    marginAfterBenefits: [
      `B${r(0)}*LL_GrossMargin`,
      `${tc}${at.marginAfterBenefits}`,
      `D${r(0)}*LL_GrossMargin-D${r(1)}`,
    ],
    netEffect: ["0", `${tc}${at.netEffect}`, `${altLift}*LL_GrossMargin-D${r(1)}`],
    roi: ["0", `IF(C${r(1)}>0,C${r(3)}/C${r(1)},0)`, `IF(D${r(1)}>0,D${r(3)}/D${r(1)},0)`],
  };
  const columns = [p.comparison.noChange, p.comparison.asSet, p.comparison.alternative];
  COMPARISON_ROWS.forEach(([key, bold], i) => {
    w.text(r(i), 1, t.comparisonRows[key], bold ? "bold" : undefined);
    columns.forEach((result, j) => {
      const format = key === "roi" ? FORMATS.rate : FORMATS.money;
      const formula = formulas[key][j];
      if (formula === "0") w.value(r(i), 2 + j, 0, format);
      else w.grid.formula(r(i), 2 + j, formula, result[key], { format, style: bold ? "bold" : undefined });
    });
  });
  if (COMPARISON_ROWS.length !== COMPARISON_LINES) throw new Error("the layout reserves one row per line");
  (["topTierCost", "topTierLift"] as const).forEach((field, i) => {
    const row = at.alternativeFirst + i;
    w.text(row, 1, `${t.cheaper(w.stateName(0))}: ${t.alternative[field]}`);
    w.inputCell(row, 2, INPUT_KEYS.alternative(field), alternative[field], FORMATS.multiplier);
    w.name(field === "topTierCost" ? "LL_AltTopCost" : "LL_AltTopLift", cell(row, 2));
    w.decimal(cell(row, 2), 0);
  });
}
