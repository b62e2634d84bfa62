/**
 * The two blocks a finance reviewer reads first: the reconciliation of the model with what the business
 * actually sold (values from the data, computed by src/engine/projection/reconciliation.ts, with the
 * errors and growth as formulas over them), and the side-by-side comparison of no change, the programme
 * as set and an alternative (formulas over the projection's totals and the cost block per tier).
 */
import { addMonths, formatDay } from "../../engine/data/days";
import {
  BACKTEST_TARGET,
  type BacktestReason,
  type GrowthCauses,
  type Reconciliation,
} from "../../engine/projection/reconciliation";
import type { ProgrammeResult } from "../../engine/projection/project";
import { columnName } from "../../sheet/a1";
import { ALTERNATIVE_LABELS, FORMATS, INPUT_KEYS } from "./fields";
import { COMPARISON_LINES, totalColumn } from "./layout";
import { cell, type BenefitCostWriter } from "./writer";

const RED = { fill: "#FFC7CE", fontColor: "#9C0006", bold: true };
const GREEN = { fill: "#C6EFCE", fontColor: "#006100", bold: true };

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

const CAUSES: readonly [keyof GrowthCauses, string, string][] = [
  [
    "membersNow",
    "  members now against the year's average",
    "The members per tier the year ended with, at the year's spend per member, against what the year sold: " +
      "the growth the year already made.",
  ],
  [
    "intake",
    "  new-member intake",
    "The new members the year brought per period, joining again each period.",
  ],
  [
    "migration",
    "  migration between tiers and lapse",
    "Members moving between tiers and lapsing at the rates of the last year.",
  ],
  [
    "spendPerMember",
    "  spend per member",
    "Held at the average of the last year per tier: only the spend of customers without a tier at a " +
      "period end (refunds, mostly) is not carried forward.",
  ],
  [
    "seasonality",
    "  seasonality",
    "The seasonal index moves revenue between periods; over a whole year it adds only what the member " +
      "growth within the year makes of it.",
  ],
];

function reasonText(r: BacktestReason): string {
  switch (r.reason) {
    case "shortHistory":
      return `the backtest's baseline had only ${r.months} months of history`;
    case "noSeasonalIndex":
      return "it had no seasonal index (that needs 24 months of history before the backtest date)";
    case "trend":
      return (
        `the business grew ${percent(r.actualGrowth)} in that year while the model, holding the drivers of ` +
        `the year before, projected ${percent(r.projectedGrowth)} (trend: members moved up or spent ` +
        "differently from the year before)"
      );
  }
}

function verdict(rec: Reconciliation): { text: string; good: boolean } {
  const b = rec.backtest;
  if (!("asOf" in b)) {
    return {
      text:
        `No backtest: the data covers ${b.months} months; a backtest needs ${b.needed} (a year to check and ` +
        "a period before it to start from). Read the projection as an untested estimate.",
      good: false,
    };
  }
  const target = `±${BACKTEST_TARGET * 100} %`;
  if (b.withinTarget) {
    return {
      text: `Backtest within ${target}: run a year ago, the model projected the last ${rec.months} months within ${percent(b.error)}.`,
      good: true,
    };
  }
  return {
    text:
      `Backtest error ${percent(b.error)}, outside ${target}: ${b.reasons.map(reasonText).join("; ")}. ` +
      "Read the projection as a range, not a point.",
    good: false,
  };
}

function windowText(w: BenefitCostWriter, rec: Reconciliation): string {
  const { baseline } = w.input;
  const months = baseline.window.periods * baseline.periodMonths;
  const over = rec.partialYear
    ? `the whole history, ${months} months: shorter than a year, so the actual covers only those months`
    : `the last ${months} months`;
  const season = {
    estimated: "estimated from the two years before the as-of date, trend removed",
    tooLittleHistory: "1 for every period: it needs 24 months of history",
    periodNotDividingYear: "1 for every period: the period length does not divide the year",
    noRevenue: "1 for every period: a year without revenue",
  }[baseline.seasonality.status];
  return (
    `Spend per member, new members and migration are averages over ${over}; seasonal index: ${season}. ` +
    "Values from the data: Refresh updates them."
  );
}

export function reconciliationSection(w: BenefitCostWriter): void {
  const { at, k } = w;
  const rec = w.input.reconciliation;
  const asOf = w.input.baseline.asOf;
  const months = rec.months;
  w.text(at.reconciliationTitle, 1, "Reconciliation: the model against what the business sold", "subtitle");
  w.header(at.reconciliationHeader, 1, "Revenue");
  w.header(at.reconciliationHeader, 2, "Total");
  for (let i = 0; i < k; i++) w.header(at.reconciliationHeader, 3 + i, w.stateName(i));
  const row = (r: number, label: string, total: number, perTier: readonly number[], note?: string) => {
    w.text(r, 1, label, undefined, note);
    w.value(r, 2, total, FORMATS.money, "bold");
    perTier.forEach((v, i) => w.value(r, 3 + i, v, FORMATS.money));
  };
  row(
    at.actual,
    `Actual, last ${months} months to ${formatDay(asOf)}`,
    rec.actualTotal,
    rec.actualPerTier,
    "Net spend of all customers in the data. Per tier: by the tier each customer held at the end of each " +
      "period. The total includes spend of customers without a tier at a period end (refunds, mostly).",
  );
  const ratioRow = (r: number, over: number, label: string, values: number[], note: string) => {
    w.text(r, 1, label, "bold", note);
    for (let c = 0; c <= k; c++) {
      const [a, b] = [cell(over, 2 + c), cell(at.actual, 2 + c)];
      w.grid.formula(r, 2 + c, `IF(${b}<>0,${a}/${b}-1,0)`, values[c], { format: FORMATS.rate });
    }
  };
  const b = rec.backtest;
  if ("asOf" in b) {
    row(
      at.backtest,
      `Backtest: projected as of ${formatDay(b.asOf)}`,
      b.projectedTotal,
      b.projected,
      "The same no-change model run on the data up to a year before the as-of date only, projecting the " +
        `${months} months it did not see.`,
    );
    ratioRow(
      at.backtestError,
      at.backtest,
      "Backtest error",
      [b.error, ...b.errorPerTier],
      "Projected / actual − 1.",
    );
  } else {
    w.text(at.backtest, 1, `Backtest as of ${formatDay(addMonths(asOf, -months))}`);
    w.text(at.backtest, 2, "not possible", "note");
    w.text(at.backtestError, 1, "Backtest error", "bold");
    w.text(at.backtestError, 2, "none", "note");
  }
  row(
    at.next,
    `Next ${months} months, no change`,
    rec.nextTotal,
    rec.nextPerTier,
    "The projection from the baseline alone: members now, moved by the measured migration, the measured " +
      "intake, spend per member of the last year, the seasonal index; no lift, no scenario.",
  );
  const tierGrowth = rec.nextPerTier.map((v, i) =>
    rec.actualPerTier[i] !== 0 ? v / rec.actualPerTier[i] - 1 : 0,
  );
  ratioRow(
    at.growth,
    at.next,
    "Growth over the actual, from:",
    [rec.growth, ...tierGrowth],
    "Next / actual − 1.",
  );
  CAUSES.forEach(([key, label, note], i) => {
    const r = at.causes + i;
    w.text(r, 1, label, undefined, note);
    w.value(r, 2, rec.causes[key], FORMATS.money);
    const share = rec.actualTotal !== 0 ? rec.causes[key] / rec.actualTotal : 0;
    const actual = cell(at.actual, 2);
    w.grid.formula(r, 3, `IF(${actual}<>0,B${r}/${actual},0)`, share, { format: FORMATS.rate });
  });
  const v = verdict(rec);
  w.text(at.verdict, 1, v.text, v.good ? GREEN : RED);
  w.text(at.windowNote, 1, windowText(w, rec), "note");
}

const COMPARISON_ROWS: readonly [string, keyof ProgrammeResult, boolean][] = [
  ["Revenue", "revenue", false],
  ["Benefit cost", "benefitCost", false],
  ["Gross margin after benefits", "marginAfterBenefits", false],
  ["Net effect against no change", "netEffect", true],
  ["ROI of the benefits", "roi", true],
];

export function comparisonSection(w: BenefitCostWriter): void {
  const { at, p, T } = w;
  const { alternative } = w.input.assumptions;
  const tc = columnName(totalColumn(T));
  const top = at.tierCostFirst;
  w.text(at.comparisonTitle, 1, `Programmes side by side, over the ${T} periods`, "subtitle");
  w.header(at.comparisonHeader, 1, "Programme");
  w.header(
    at.comparisonHeader,
    2,
    "No change",
    "No programme: the business at its baseline spend, no benefit cost.",
  );
  w.header(at.comparisonHeader, 3, "As set", "The programme with the assumptions and scenario above.");
  w.header(
    at.comparisonHeader,
    4,
    `Cheaper ${w.stateName(0)}`,
    "The programme as set with the top tier's variable benefit costs and spend lift × the factors below.",
  );
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
  COMPARISON_ROWS.forEach(([label, key, bold], i) => {
    w.text(r(i), 1, label, bold ? "bold" : undefined);
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
    w.text(row, 1, `Cheaper ${w.stateName(0)}: ${ALTERNATIVE_LABELS[field]}`);
    w.inputCell(row, 2, INPUT_KEYS.alternative(field), alternative[field], FORMATS.multiplier);
    w.name(field === "topTierCost" ? "LL_AltTopCost" : "LL_AltTopLift", cell(row, 2));
    w.decimal(cell(row, 2), 0);
  });
}
