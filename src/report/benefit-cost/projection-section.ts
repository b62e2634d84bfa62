/**
 * The projection block of the Benefit cost sheet, formulas only: the drivers per tier with the scenario
 * applied, then one row per projection line with one formula per period. Each line says in its note what
 * it computes; the same formulas, in algebra, are in src/engine/projection/project.ts.
 */
import { addMonths, dateFromDay } from "../../engine/data/days";
import { yearOfPeriod, type ProjectionLineKey, type TierTotals } from "../../engine/projection/project";
import type { EffectiveDrivers } from "../../engine/projection/scenarios";
import type { NumberFormat, StyleName } from "../../sheet/sheet-model";
import { FORMATS, INPUT_KEYS } from "./fields";
import {
  FIRST_PERIOD_COL,
  NOW_COL,
  periodColumn,
  periodsRange,
  totalColumn,
  type BenefitCostLayout,
} from "./layout";
import { columnRange, type BenefitCostWriter } from "./writer";
import { columnName } from "../../sheet/a1";
import type { BenefitCostSheetTexts } from "../../engine/text/benefit-cost-sheet";

/** A driver column; its header is in the catalogue (SHEET_TEXTS.drivers). */
interface Driver {
  field: keyof EffectiveDrivers;
  name: string;
  format: NumberFormat;
  /** The driver of tier i (1-based) from the tier's assumption and the applied scenario multiplier. */
  formula: (i: number) => string;
}

const DRIVERS: readonly Driver[] = [
  {
    field: "spendNew",
    name: "LL_EffSpendNew",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_SpendNew,${i})*LL_ScenarioSpend`,
  },
  {
    field: "spendEstablished",
    name: "LL_EffSpendEstablished",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_SpendEstablished,${i})*LL_ScenarioSpend`,
  },
  {
    field: "spendLift",
    name: "LL_EffLift",
    format: FORMATS.rate,
    formula: (i) => `INDEX(LL_SpendLift,${i})*LL_ScenarioLift`,
  },
  {
    field: "redemptionRate",
    name: "LL_EffRedemption",
    format: FORMATS.rate,
    formula: (i) => `MIN(1,INDEX(LL_RedemptionRate,${i})*LL_ScenarioRedemption)`,
  },
  {
    field: "participationRate",
    name: "LL_EffParticipation",
    format: FORMATS.rate,
    formula: (i) => `MIN(1,INDEX(LL_Participation,${i})*LL_ScenarioParticipation)`,
  },
  {
    field: "birthdayGiftCost",
    name: "LL_EffGiftCost",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_GiftCost,${i})*LL_ScenarioUnitCosts`,
  },
  {
    field: "serviceCostPerMember",
    name: "LL_EffServiceCost",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_ServiceCost,${i})*LL_ScenarioUnitCosts`,
  },
  {
    field: "costPerParticipant",
    name: "LL_EffCostPerParticipant",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_CostPerParticipant,${i})*LL_ScenarioUnitCosts`,
  },
];

export function driversSection(w: BenefitCostWriter): void {
  const { at, k, p } = w;
  const c0 = at.driversCol;
  w.text(at.driversTitle, c0, w.s.driversTitle, "subtitle");
  w.header(at.driversHeader, c0, w.s.tier);
  DRIVERS.forEach((d, j) => {
    const c = c0 + 1 + j;
    w.header(at.driversHeader, c, w.s.drivers[d.field]);
    for (let i = 0; i < k; i++) {
      w.grid.formula(at.driversFirst + i, c, d.formula(i + 1), p.drivers[i][d.field], { format: d.format });
    }
    w.name(d.name, columnRange(at.driversFirst, c, k));
  });
  for (let i = 0; i < k; i++) w.text(at.driversFirst + i, c0, w.stateName(i), "bold");
}

/** Cell references a line's formula is made of, for the period column `c` (and the one before, `prev`). */
interface Refs {
  c: string;
  prev: string;
  t: number;
  at: BenefitCostLayout;
  /** Row `r` of this period's column, e.g. "F61". */
  here: (r: number) => string;
  /** The members of each tier in this column: its new members + its established ones (an array). */
  tierMembers: string;
  /** Each tier's spend at baseline spend per member in this column, before the season (an array). */
  tierSpend: string;
  /** All the tiered rows of the members block of this column. */
  allTiered: string;
}

/** What a row writes: its label, unit and note in the sheet's language, its format and style. */
interface LineText {
  label: string;
  unit: string;
  note?: string;
}

/** A projection line; its label and note are in the catalogue (SHEET_TEXTS.lines), by `values`. */
interface Line {
  unit: UnitKey;
  format: NumberFormat;
  /** The engine's values (index 0 = now), and the line's row in the layout, which has the same name. */
  values: ProjectionLineKey;
  formula: (x: Refs) => string;
  /** Also a formula in the "now" column. */
  now?: boolean;
  /** The Total column: the sum of the periods, or one total over another (0 when that is not positive). */
  total?: "sum" | [ProjectionLineKey, ProjectionLineKey];
  style?: StyleName;
}

type UnitKey = keyof BenefitCostSheetTexts["units"];

const money = { unit: "money" as const, format: FORMATS.money };

/** The lines after the members block, in sheet order (sections start at their label rows). */
const LINES: readonly Line[] = [
  {
    unit: "members",
    format: FORMATS.count1,
    values: "membersInTiers",
    formula: (x) => `SUM(${x.allTiered})`,
    now: true,
    style: "total",
  },
  {
    unit: "members",
    format: FORMATS.count1,
    values: "newMembers",
    total: "sum",
    formula: (x) => `LL_NewMembers*LL_ScenarioNewMembers*(1+LL_IntakeGrowth)^(${x.c}$${x.at.periodHeader}-1)`,
  },
  {
    ...money,
    values: "revenueBase",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierSpend})*${x.here(x.at.seasonalIndex)}`,
  },
  {
    ...money,
    values: "revenueLift",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierSpend},LL_EffLift)*${x.here(x.at.seasonalIndex)}`,
  },
  {
    ...money,
    values: "revenue",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenueBase)}+${x.here(x.at.revenueLift)}`,
    style: "total",
  },
  {
    ...money,
    values: "costDiscount",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierSpend},1+LL_EffLift,LL_Discount)*${x.here(x.at.seasonalIndex)}`,
  },
  {
    ...money,
    values: "costPoints",
    total: "sum",
    formula: (x) =>
      `SUMPRODUCT(${x.here(x.at.pointsEarned)}:${x.here(x.at.pointsEarned + x.at.k - 1)},` +
      "LL_ValuePerPoint,LL_EffRedemption)",
  },
  {
    ...money,
    values: "costBirthday",
    total: "sum",
    formula: (x) => `LL_PeriodMonths/12*SUMPRODUCT(${x.tierMembers},LL_EffGiftCost,LL_GiftUptake)`,
  },
  {
    ...money,
    values: "costService",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffServiceCost)`,
  },
  {
    ...money,
    values: "costActivities",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_Activities,LL_EffCostPerParticipant,LL_EffParticipation)`,
  },
  {
    ...money,
    values: "costFixed",
    total: "sum",
    formula: () => "SUM(LL_FixedCost)",
  },
  {
    ...money,
    values: "costProgramme",
    total: "sum",
    formula: () => "LL_ProgrammeFixedCost",
  },
  {
    ...money,
    values: "costTotal",
    total: "sum",
    formula: (x) => `SUM(${x.here(x.at.costDiscount)}:${x.here(x.at.costProgramme)})`,
    style: "total",
  },
  {
    unit: "money",
    format: FORMATS.money2,
    values: "costPerMember",
    formula: (x) =>
      `IF(${x.here(x.at.membersInTiers)}>0,${x.here(x.at.costTotal)}/${x.here(x.at.membersInTiers)},0)`,
  },
  {
    unit: "share",
    format: FORMATS.rate,
    values: "costShareOfRevenue",
    total: ["costTotal", "revenue"],
    formula: (x) => `IF(${x.here(x.at.revenue)}>0,${x.here(x.at.costTotal)}/${x.here(x.at.revenue)},0)`,
  },
  {
    ...money,
    values: "marginBeforeBenefits",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenue)}*LL_GrossMargin`,
  },
  {
    ...money,
    values: "marginAfterBenefits",
    total: "sum",
    formula: (x) => `${x.here(x.at.marginBeforeBenefits)}-${x.here(x.at.costTotal)}`,
  },
  {
    ...money,
    values: "incrementalMargin",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenueLift)}*LL_GrossMargin`,
  },
  {
    ...money,
    values: "netEffect",
    total: "sum",
    formula: (x) => `${x.here(x.at.incrementalMargin)}-${x.here(x.at.costTotal)}`,
    style: "total",
  },
  {
    unit: "share",
    format: FORMATS.rate,
    values: "roi",
    total: ["netEffect", "costTotal"],
    formula: (x) => `IF(${x.here(x.at.costTotal)}>0,${x.here(x.at.netEffect)}/${x.here(x.at.costTotal)},0)`,
  },
  {
    ...money,
    values: "cumulativeCost",
    formula: (x) =>
      x.t === 1 ? x.here(x.at.costTotal) : `${x.prev}${x.at.cumulativeCost}+${x.here(x.at.costTotal)}`,
  },
  {
    ...money,
    values: "cumulativeNetEffect",
    formula: (x) =>
      x.t === 1 ? x.here(x.at.netEffect) : `${x.prev}${x.at.cumulativeNetEffect}+${x.here(x.at.netEffect)}`,
  },
  {
    unit: "share",
    format: FORMATS.rate,
    values: "cumulativeRoi",
    formula: (x) =>
      `IF(${x.here(x.at.cumulativeCost)}>0,${x.here(x.at.cumulativeNetEffect)}/${x.here(x.at.cumulativeCost)},0)`,
  },
  {
    unit: "period",
    format: FORMATS.whole,
    values: "payback",
    formula: (x) => {
      const found = x.t === 1 ? "0" : `${x.prev}${x.at.payback}`;
      return `IF(${found}>0,${found},IF(${x.here(x.at.cumulativeNetEffect)}>=0,${x.c}$${x.at.periodHeader},0))`;
    },
  },
  {
    unit: "factor",
    format: FORMATS.factor,
    values: "discountFactor",
    formula: (x) => `1/(1+LL_DiscountRate)^${x.c}$${x.at.periodHeader}`,
  },
  {
    ...money,
    values: "discountedNetEffect",
    total: "sum",
    formula: (x) => `${x.here(x.at.netEffect)}*${x.here(x.at.discountFactor)}`,
  },
  {
    ...money,
    values: "pointsLiability",
    formula: (x) =>
      `SUMPRODUCT(${x.here(x.at.pointsOutstanding)}:${x.here(x.at.pointsOutstanding + x.at.k - 1)},` +
      "LL_ValuePerPoint,LL_EffRedemption)",
    now: true,
    style: "total",
  },
];

/** Writes one line: label, unit, and its formula in every period column (and "now" when it has one). */
function writeLine(
  w: BenefitCostWriter,
  r: number,
  line: LineText & Pick<Line, "format" | "style" | "now" | "total">,
  values: readonly number[],
  formula: (x: Refs) => string,
): void {
  const { at, k } = w;
  w.text(r, 1, line.label, line.style, line.note);
  w.text(r, 2, line.unit, "note");
  if (!line.now && line.style) w.value(r, NOW_COL, null, undefined, line.style);
  for (let t = line.now ? 0 : 1; t <= w.T; t++) {
    const col = periodColumn(t);
    const c = columnName(col);
    const tiers = w.tierMemberRanges(c);
    const refs: Refs = {
      c,
      prev: columnName(col - 1),
      t,
      at,
      here: (row) => `${c}${row}`,
      tierMembers: `${tiers.new}+${tiers.established}`,
      tierSpend: `${tiers.new}*LL_EffSpendNew+${tiers.established}*LL_EffSpendEstablished`,
      allTiered: `${c}${at.members}:${c}${at.members + 2 * k - 1}`,
    };
    w.grid.formula(r, col, formula(refs), values[t], { format: line.format, style: line.style });
  }
  if (line.total) writeTotal(w, r, line.total, values, line.format);
}

/** The sum of the periods of `values`. */
const periodSum = (values: readonly number[]) => values.slice(1).reduce((a, b) => a + b, 0);

/** The Total cell of a line: the sum of its periods, or a ratio of two other lines' totals. */
function writeTotal(
  w: BenefitCostWriter,
  r: number,
  total: NonNullable<Line["total"]>,
  values: readonly number[],
  format: NumberFormat,
): void {
  const { at, T, p } = w;
  const col = totalColumn(T);
  const c = columnName(col);
  if (total === "sum") {
    w.grid.formula(r, col, `SUM(${periodsRange(r, T)})`, periodSum(values), { format, style: "total" });
    return;
  }
  const [over, under] = total;
  const [a, b] = [periodSum(p[over]), periodSum(p[under])];
  w.grid.formula(r, col, `IF(${c}${at[under]}>0,${c}${at[over]}/${c}${at[under]},0)`, b > 0 ? a / b : 0, {
    format,
    style: "total",
  });
}

export function projectionSection(w: BenefitCostWriter): void {
  const { at, p } = w;
  periodHeaderRows(w);
  const sections: [number, string][] = [
    [at.membersLabel, w.s.sections.members],
    [at.revenueLabel, w.s.sections.revenue],
    [at.costLabel, w.s.sections.cost],
    [at.resultLabel, w.s.sections.result],
    [at.pointsLabel, w.s.sections.points],
  ];
  for (const [r, label] of sections) w.text(r, 1, label, "subtitle");
  membersBlock(w);
  for (const line of LINES) {
    const [label, note] = w.s.lines[line.values];
    const text = { label, note: note || undefined, unit: w.s.units[line.unit] };
    writeLine(w, at[line.values], { ...line, ...text }, p[line.values], line.formula);
  }
  pointsBlock(w);
}

/** The rows above the lines: period numbers, period ends, the year of each (multi-year), the season. */
function periodHeaderRows(w: BenefitCostWriter): void {
  const { at, T } = w;
  const { baseline } = w.input;
  w.text(at.projectionTitle, 1, w.s.projectionTitle, "subtitle");
  w.text(at.periodHeader, 1, w.s.period, "header");
  w.text(at.periodHeader, 2, w.s.unit, "header");
  w.text(at.periodHeader, NOW_COL, w.s.now, "header");
  w.text(at.periodEnds, 1, w.s.periodEnds, "note");
  w.value(at.periodEnds, NOW_COL, dateFromDay(baseline.asOf), "date", "note");
  w.text(at.periodHeader, totalColumn(T), w.s.total, "header");
  const multiYear = at.yearsTitle > 0;
  if (multiYear) w.text(at.yearRow, 1, w.words.yearOfHorizon, "note");
  w.text(at.seasonalIndex, 1, w.words.seasonalIndex, "bold", w.words.seasonalIndexNote);
  w.text(at.seasonalIndex, 2, w.s.units.factor, "note");
  for (let t = 1; t <= T; t++) {
    const col = periodColumn(t);
    w.value(at.periodHeader, col, t, undefined, "header");
    const end = dateFromDay(addMonths(baseline.asOf, t * baseline.periodMonths));
    w.value(at.periodEnds, col, end, "date", "note");
    if (multiYear) w.value(at.yearRow, col, yearOfPeriod(t, baseline.periodMonths), FORMATS.whole, "note");
    const season = w.input.assumptions.seasonalIndex[t - 1];
    w.inputCell(at.seasonalIndex, col, INPUT_KEYS.season(t), season, FORMATS.factor);
  }
  w.decimal(periodsRange(at.seasonalIndex, T), 0);
}

/** Points earned and outstanding per tier, period by period. */
function pointsBlock(w: BenefitCostWriter): void {
  const { at, k, p } = w;
  for (let i = 0; i < k; i++) {
    const tier = w.stateName(i);
    writeLine(
      w,
      at.pointsEarned + i,
      {
        label: w.s.pointsEarned(tier),
        unit: w.s.units.points,
        format: FORMATS.points,
        total: "sum",
        note: i === 0 ? w.s.pointsEarnedNote : undefined,
      },
      p.pointsEarned.map((e) => e[i]),
      (x) =>
        `(${x.here(at.members + i)}*INDEX(LL_EffSpendNew,${i + 1})+` +
        `${x.here(at.members + k + i)}*INDEX(LL_EffSpendEstablished,${i + 1}))*` +
        `(1+INDEX(LL_EffLift,${i + 1}))*INDEX(LL_PointsPerUnit,${i + 1})*${x.here(at.seasonalIndex)}`,
    );
    writeLine(
      w,
      at.pointsOutstanding + i,
      {
        label: w.s.pointsOutstandingOf(tier),
        unit: w.s.units.points,
        format: FORMATS.points,
        now: true,
        note: i === 0 ? w.s.pointsOutstandingNote : undefined,
      },
      p.pointsOutstanding.map((o) => o[i]),
      (x) =>
        x.t === 0
          ? `INDEX(LL_PointsNow,${i + 1})`
          : `${x.prev}${at.pointsOutstanding + i}*(1-LL_PointsBurn)+${x.here(at.pointsEarned + i)}`,
    );
  }
}

/** The chain's formula for state s now (t = 0): the members now of the baseline's columns. */
function membersNowFormula(w: BenefitCostWriter, s: number): string {
  const k = w.k;
  if (s < k) return `INDEX(LL_MembersNew,${s + 1})`;
  return s < 2 * k ? `INDEX(LL_MembersEstablished,${s - k + 1})` : "LL_LapsedNow";
}

/**
 * The members block: one row per chain state (the tiers' new members, their established ones, lapsed),
 * each the previous period's column × its column of the migration matrix, plus the new members who join
 * the tier's new state.
 */
function membersBlock(w: BenefitCostWriter): void {
  const { at, k, S, p } = w;
  for (let s = 0; s < S; s++) {
    const entry = (x: Refs) => (s < k ? `+${x.here(at.newMembers)}*INDEX(LL_EntryShare,${s + 1})` : "");
    writeLine(
      w,
      at.members + s,
      {
        label: `  ${w.chainStateName(s)}`,
        unit: w.s.units.members,
        format: FORMATS.count1,
        now: true,
        note: s === 0 ? w.s.membersNote : undefined,
      },
      p.members.map((n) => n[s]),
      (x) =>
        x.t === 0
          ? membersNowFormula(w, s)
          : `SUMPRODUCT(${x.prev}${at.members}:${x.prev}${at.members + S - 1},INDEX(LL_Migration,0,${s + 1}))` +
            entry(x),
    );
  }
}

/** Totals by year of the horizon (when it is longer than a year): the lines' periods summed by year. */
export function yearsSection(w: BenefitCostWriter): void {
  const { at, p, T } = w;
  if (at.yearsTitle === 0) return;
  w.text(at.yearsTitle, 1, w.words.yearsTitle, "subtitle");
  const header = at.yearsFirst - 1;
  w.text(header, 1, w.words.year, "header");
  w.text(header, 2, w.s.unit, "header");
  const yearRange = periodsRange(at.yearRow, T);
  const kr = w.s.keyResults.lines;
  const { money: moneyUnit, share } = w.s.units;
  const lines: [string, ProjectionLineKey, keyof (typeof p.years)[number], NumberFormat, string][] = [
    [kr.revenue, "revenue", "revenue", FORMATS.money, moneyUnit],
    [kr.cost, "costTotal", "benefitCost", FORMATS.money, moneyUnit],
    [kr.lift, "incrementalMargin", "incrementalMargin", FORMATS.money, moneyUnit],
    [kr.net, "netEffect", "netEffect", FORMATS.money, moneyUnit],
    [w.s.lines.roi[0], "roi", "roi", FORMATS.rate, share],
  ];
  p.years.forEach((year, y) => {
    const col = FIRST_PERIOD_COL + y;
    const c = columnName(col);
    w.value(header, col, year.year, FORMATS.whole, "header");
    lines.forEach(([, line, field], i) => {
      const r = at.yearsFirst + i;
      const formula =
        line === "roi"
          ? `IF(${c}${at.yearsFirst + 1}>0,${c}${at.yearsFirst + 3}/${c}${at.yearsFirst + 1},0)`
          : `SUMIF(${yearRange},${c}$${header},${periodsRange(at[line], T)})`;
      w.grid.formula(r, col, formula, year[field], { format: lines[i][3] });
    });
  });
  lines.forEach(([label, , , , unit], i) => {
    w.text(at.yearsFirst + i, 1, label, i === 3 ? "bold" : undefined);
    w.text(at.yearsFirst + i, 2, unit, "note");
  });
}

/** The cost block per tier: each tier's revenue and benefit costs over all the periods. */
const TIER_COST_COLUMNS: readonly (keyof BenefitCostSheetTexts["tierCost"])[] = [
  "revenueBase",
  "revenueLift",
  "discount",
  "points",
  "birthday",
  "service",
  "activities",
  "fixed",
  "total",
];

export function tierCostSection(w: BenefitCostWriter): void {
  const { at, k, p, T } = w;
  w.text(at.tierCostTitle, 1, w.words.tierCostTitle(T), "subtitle");
  w.header(at.tierCostHeader, 1, w.s.tier);
  // Tier i's member-periods: its new members' rows and its established ones'.
  const [newRow, establishedRow] = [(i: number) => at.members + i - 1, (i: number) => at.members + k + i - 1];
  const members = (i: number) =>
    `(SUM(${periodsRange(newRow(i + 1), T)})+SUM(${periodsRange(establishedRow(i + 1), T)}))`;
  const season = periodsRange(at.seasonalIndex, T);
  const formulas: Record<keyof TierTotals, (i: number, r: number) => string> = {
    memberPeriods: () => "",
    revenueBase: (i) =>
      `INDEX(LL_EffSpendNew,${i})*SUMPRODUCT(${periodsRange(newRow(i), T)},${season})+` +
      `INDEX(LL_EffSpendEstablished,${i})*SUMPRODUCT(${periodsRange(establishedRow(i), T)},${season})`,
    revenueLift: (i, r) => `B${r}*INDEX(LL_EffLift,${i})`,
    revenue: () => "",
    discount: (i, r) => `(B${r}+C${r})*INDEX(LL_Discount,${i})`,
    points: (i) =>
      `SUM(${periodsRange(at.pointsEarned + i - 1, T)})*INDEX(LL_ValuePerPoint,${i})*INDEX(LL_EffRedemption,${i})`,
    birthday: (i) =>
      `LL_PeriodMonths/12*INDEX(LL_EffGiftCost,${i})*INDEX(LL_GiftUptake,${i})*${members(i - 1)}`,
    service: (i) => `INDEX(LL_EffServiceCost,${i})*${members(i - 1)}`,
    activities: (i) =>
      `INDEX(LL_Activities,${i})*INDEX(LL_EffCostPerParticipant,${i})*INDEX(LL_EffParticipation,${i})*` +
      members(i - 1),
    fixed: (i) => `INDEX(LL_FixedCost,${i})*LL_Periods`,
    total: (_, r) => `SUM(D${r}:I${r})`,
  };
  TIER_COST_COLUMNS.forEach((field, j) => {
    const col = 2 + j;
    w.header(at.tierCostHeader, col, ...w.s.tierCost[field]);
    for (let i = 0; i < k; i++) {
      const r = at.tierCostFirst + i;
      w.grid.formula(r, col, formulas[field](i + 1, r), p.tierTotals[i][field], {
        format: FORMATS.money,
        style: field === "total" ? "bold" : undefined,
      });
    }
    const column = columnName(col);
    w.grid.formula(
      at.tierCostTotal,
      col,
      `SUM(${column}${at.tierCostFirst}:${column}${at.tierCostFirst + k - 1})`,
      p.tierTotals.reduce((total, t) => total + t[field], 0),
      { format: FORMATS.money, style: "total" },
    );
  });
  for (let i = 0; i < k; i++) w.text(at.tierCostFirst + i, 1, w.stateName(i), "bold");
  w.text(at.tierCostTotal, 1, w.words.allTiers, "total");
  w.name("LL_TierBaseRevenue", columnRange(at.tierCostFirst, 2, k));
  w.name("LL_TierLiftRevenue", columnRange(at.tierCostFirst, 3, k));
}
