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

interface Driver {
  field: keyof EffectiveDrivers;
  header: string;
  name: string;
  format: NumberFormat;
  /** The driver of tier i (1-based) from the tier's assumption and the applied scenario multiplier. */
  formula: (i: number) => string;
}

const DRIVERS: readonly Driver[] = [
  {
    field: "spendPerMember",
    header: "Spend per member",
    name: "LL_EffSpend",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_SpendNow,${i})*LL_ScenarioSpend`,
  },
  {
    field: "spendLift",
    header: "Spend lift",
    name: "LL_EffLift",
    format: FORMATS.rate,
    formula: (i) => `INDEX(LL_SpendLift,${i})*LL_ScenarioLift`,
  },
  {
    field: "redemptionRate",
    header: "Redemption rate",
    name: "LL_EffRedemption",
    format: FORMATS.rate,
    formula: (i) => `MIN(1,INDEX(LL_RedemptionRate,${i})*LL_ScenarioRedemption)`,
  },
  {
    field: "participationRate",
    header: "Participation rate",
    name: "LL_EffParticipation",
    format: FORMATS.rate,
    formula: (i) => `MIN(1,INDEX(LL_Participation,${i})*LL_ScenarioParticipation)`,
  },
  {
    field: "birthdayGiftCost",
    header: "Birthday gift cost",
    name: "LL_EffGiftCost",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_GiftCost,${i})*LL_ScenarioUnitCosts`,
  },
  {
    field: "serviceCostPerMember",
    header: "Service cost per member",
    name: "LL_EffServiceCost",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_ServiceCost,${i})*LL_ScenarioUnitCosts`,
  },
  {
    field: "costPerParticipant",
    header: "Cost per participant",
    name: "LL_EffCostPerParticipant",
    format: FORMATS.money2,
    formula: (i) => `INDEX(LL_CostPerParticipant,${i})*LL_ScenarioUnitCosts`,
  },
];

export function driversSection(w: BenefitCostWriter): void {
  const { at, k, p } = w;
  const c0 = at.driversCol;
  w.text(at.driversTitle, c0, "Drivers per tier with the scenario applied", "subtitle");
  w.header(at.driversHeader, c0, "Tier");
  DRIVERS.forEach((d, j) => {
    const c = c0 + 1 + j;
    w.header(at.driversHeader, c, d.header);
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
  /** The tier rows of the members block of this column. */
  tierMembers: string;
}

interface Line {
  label: string;
  unit: string;
  format: NumberFormat;
  /** The engine's values (index 0 = now), and the line's row in the layout, which has the same name. */
  values: ProjectionLineKey;
  formula: (x: Refs) => string;
  /** Also a formula in the "now" column. */
  now?: boolean;
  /** The Total column: the sum of the periods, or one total over another (0 when that is not positive). */
  total?: "sum" | [ProjectionLineKey, ProjectionLineKey];
  style?: StyleName;
  note?: string;
}

const money = { unit: "money", format: FORMATS.money };

/** The lines after the members block, in sheet order (sections start at their label rows). */
const LINES: readonly Line[] = [
  {
    label: "Members in tiers",
    unit: "members",
    format: FORMATS.count1,
    values: "membersInTiers",
    formula: (x) => `SUM(${x.tierMembers})`,
    now: true,
    style: "total",
    note: "All tiers; lapsed members have no benefits and bring no revenue.",
  },
  {
    label: "New members joining",
    unit: "members",
    format: FORMATS.count1,
    values: "newMembers",
    total: "sum",
    formula: (x) => `LL_NewMembers*LL_ScenarioNewMembers*(1+LL_IntakeGrowth)^(${x.c}$${x.at.periodHeader}-1)`,
    note: "New members per period × scenario multiplier × (1 + intake growth)^(period − 1).",
  },
  {
    label: "Revenue at baseline spend",
    ...money,
    values: "revenueBase",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffSpend)*${x.here(x.at.seasonalIndex)}`,
    note: "Σ members × spend per member per period (scenario applied) × the period's seasonal index.",
  },
  {
    label: "Incremental revenue from the lift",
    ...money,
    values: "revenueLift",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffSpend,LL_EffLift)*${x.here(x.at.seasonalIndex)}`,
    note: "Σ members × spend per member × spend lift × the period's seasonal index.",
  },
  {
    label: "Total revenue",
    ...money,
    values: "revenue",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenueBase)}+${x.here(x.at.revenueLift)}`,
    style: "total",
  },
  {
    label: "Member discounts",
    ...money,
    values: "costDiscount",
    total: "sum",
    formula: (x) =>
      `SUMPRODUCT(${x.tierMembers},LL_EffSpend,1+LL_EffLift,LL_Discount)*${x.here(x.at.seasonalIndex)}`,
    note: "Σ members × spend per member × (1 + spend lift) × member discount × seasonal index.",
  },
  {
    label: "Points",
    ...money,
    values: "costPoints",
    total: "sum",
    formula: (x) =>
      `SUMPRODUCT(${x.here(x.at.pointsEarned)}:${x.here(x.at.pointsEarned + x.at.k - 1)},` +
      "LL_ValuePerPoint,LL_EffRedemption)",
    note: "Σ points earned × value per point × redemption rate: the expected cost, booked when earned.",
  },
  {
    label: "Birthday gifts",
    ...money,
    values: "costBirthday",
    total: "sum",
    formula: (x) => `LL_PeriodMonths/12*SUMPRODUCT(${x.tierMembers},LL_EffGiftCost,LL_GiftUptake)`,
    note: "Period months / 12 (the members with a birthday in the period) × Σ members × gift cost × uptake.",
  },
  {
    label: "Priority service",
    ...money,
    values: "costService",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffServiceCost)`,
    note: "Σ members × service cost per member.",
  },
  {
    label: "Member activities",
    ...money,
    values: "costActivities",
    total: "sum",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_Activities,LL_EffCostPerParticipant,LL_EffParticipation)`,
    note: "Σ members × activities per period × cost per participant × participation rate.",
  },
  {
    label: "Tier fixed costs",
    ...money,
    values: "costFixed",
    total: "sum",
    formula: () => "SUM(LL_FixedCost)",
  },
  {
    label: "Programme fixed cost",
    ...money,
    values: "costProgramme",
    total: "sum",
    formula: () => "LL_ProgrammeFixedCost",
  },
  {
    label: "Total benefit cost",
    ...money,
    values: "costTotal",
    total: "sum",
    formula: (x) => `SUM(${x.here(x.at.costDiscount)}:${x.here(x.at.costProgramme)})`,
    style: "total",
  },
  {
    label: "Benefit cost per member in tiers",
    unit: "money",
    format: FORMATS.money2,
    values: "costPerMember",
    formula: (x) =>
      `IF(${x.here(x.at.membersInTiers)}>0,${x.here(x.at.costTotal)}/${x.here(x.at.membersInTiers)},0)`,
  },
  {
    label: "Benefit cost % of revenue",
    unit: "share",
    format: FORMATS.rate,
    values: "costShareOfRevenue",
    total: ["costTotal", "revenue"],
    formula: (x) => `IF(${x.here(x.at.revenue)}>0,${x.here(x.at.costTotal)}/${x.here(x.at.revenue)},0)`,
  },
  {
    label: "Gross margin before benefits",
    ...money,
    values: "marginBeforeBenefits",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenue)}*LL_GrossMargin`,
  },
  {
    label: "Gross margin after benefits",
    ...money,
    values: "marginAfterBenefits",
    total: "sum",
    formula: (x) => `${x.here(x.at.marginBeforeBenefits)}-${x.here(x.at.costTotal)}`,
  },
  {
    label: "Incremental margin from the lift",
    ...money,
    values: "incrementalMargin",
    total: "sum",
    formula: (x) => `${x.here(x.at.revenueLift)}*LL_GrossMargin`,
    note: "Incremental revenue × gross margin: what the benefits bring.",
  },
  {
    label: "Net effect of the benefits",
    ...money,
    values: "netEffect",
    total: "sum",
    formula: (x) => `${x.here(x.at.incrementalMargin)}-${x.here(x.at.costTotal)}`,
    style: "total",
    note: "Incremental margin − total benefit cost.",
  },
  {
    label: "ROI",
    unit: "share",
    format: FORMATS.rate,
    values: "roi",
    total: ["netEffect", "costTotal"],
    formula: (x) => `IF(${x.here(x.at.costTotal)}>0,${x.here(x.at.netEffect)}/${x.here(x.at.costTotal)},0)`,
    note: "Net effect / benefit cost.",
  },
  {
    label: "Cumulative benefit cost",
    ...money,
    values: "cumulativeCost",
    formula: (x) =>
      x.t === 1 ? x.here(x.at.costTotal) : `${x.prev}${x.at.cumulativeCost}+${x.here(x.at.costTotal)}`,
  },
  {
    label: "Cumulative net effect",
    ...money,
    values: "cumulativeNetEffect",
    formula: (x) =>
      x.t === 1 ? x.here(x.at.netEffect) : `${x.prev}${x.at.cumulativeNetEffect}+${x.here(x.at.netEffect)}`,
  },
  {
    label: "Cumulative ROI",
    unit: "share",
    format: FORMATS.rate,
    values: "cumulativeRoi",
    formula: (x) =>
      `IF(${x.here(x.at.cumulativeCost)}>0,${x.here(x.at.cumulativeNetEffect)}/${x.here(x.at.cumulativeCost)},0)`,
  },
  {
    label: "Payback period",
    unit: "period",
    format: FORMATS.whole,
    values: "payback",
    formula: (x) => {
      const found = x.t === 1 ? "0" : `${x.prev}${x.at.payback}`;
      return `IF(${found}>0,${found},IF(${x.here(x.at.cumulativeNetEffect)}>=0,${x.c}$${x.at.periodHeader},0))`;
    },
    note:
      "The first period whose cumulative net effect is 0 or more (0 while it is still negative): the " +
      "last column is the payback period of the key results.",
  },
  {
    label: "Discount factor",
    unit: "factor",
    format: FORMATS.factor,
    values: "discountFactor",
    formula: (x) => `1/(1+LL_DiscountRate)^${x.c}$${x.at.periodHeader}`,
    note: "1 / (1 + discount rate per period)^period.",
  },
  {
    label: "Discounted net effect",
    ...money,
    values: "discountedNetEffect",
    total: "sum",
    formula: (x) => `${x.here(x.at.netEffect)}*${x.here(x.at.discountFactor)}`,
    note: "Their sum is the NPV of the net effect in the key results.",
  },
  {
    label: "Points liability",
    ...money,
    values: "pointsLiability",
    formula: (x) =>
      `SUMPRODUCT(${x.here(x.at.pointsOutstanding)}:${x.here(x.at.pointsOutstanding + x.at.k - 1)},` +
      "LL_ValuePerPoint,LL_EffRedemption)",
    now: true,
    style: "total",
    note: "Outstanding points × value per point × redemption rate, as finance books it.",
  },
];

/** Writes one line: label, unit, and its formula in every period column (and "now" when it has one). */
function writeLine(
  w: BenefitCostWriter,
  r: number,
  line: Pick<Line, "label" | "unit" | "format" | "style" | "note" | "now" | "total">,
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
    const refs: Refs = {
      c,
      prev: columnName(col - 1),
      t,
      at,
      here: (row) => `${c}${row}`,
      tierMembers: `${c}${at.members}:${c}${at.members + k - 1}`,
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
  const { at, k, K, p, T } = w;
  const { baseline } = w.input;
  w.text(at.projectionTitle, 1, "Projection by period (formulas)", "subtitle");
  w.text(at.periodHeader, 1, "Period", "header");
  w.text(at.periodHeader, 2, "Unit", "header");
  w.text(at.periodHeader, NOW_COL, "Now", "header");
  w.text(at.periodEnds, 1, "Period ends", "note");
  w.value(at.periodEnds, NOW_COL, dateFromDay(baseline.asOf), "date", "note");
  w.text(at.periodHeader, totalColumn(T), "Total", "header");
  const multiYear = at.yearsTitle > 0;
  if (multiYear) w.text(at.yearRow, 1, w.words.yearOfHorizon, "note");
  w.text(at.seasonalIndex, 1, w.words.seasonalIndex, "bold", w.words.seasonalIndexNote);
  w.text(at.seasonalIndex, 2, "factor", "note");
  for (let t = 1; t <= T; t++) {
    const col = periodColumn(t);
    w.value(at.periodHeader, col, t, undefined, "header");
    w.value(
      at.periodEnds,
      col,
      dateFromDay(addMonths(baseline.asOf, t * baseline.periodMonths)),
      "date",
      "note",
    );
    if (multiYear) w.value(at.yearRow, col, yearOfPeriod(t, baseline.periodMonths), FORMATS.whole, "note");
    w.inputCell(
      at.seasonalIndex,
      col,
      INPUT_KEYS.season(t),
      w.input.assumptions.seasonalIndex[t - 1],
      FORMATS.factor,
    );
  }
  w.decimal(periodsRange(at.seasonalIndex, T), 0);

  const sections: [number, string][] = [
    [at.membersLabel, "Members at period end"],
    [at.revenueLabel, "Revenue"],
    [at.costLabel, "Benefit cost"],
    [at.resultLabel, "Result"],
    [at.pointsLabel, "Points"],
  ];
  for (const [r, label] of sections) w.text(r, 1, label, "subtitle");

  for (let s = 0; s < K; s++) {
    const entry = (x: Refs) => (s < k ? `+${x.here(at.newMembers)}*INDEX(LL_EntryShare,${s + 1})` : "");
    writeLine(
      w,
      at.members + s,
      {
        label: `  ${w.stateName(s)}`,
        unit: "members",
        format: FORMATS.count1,
        now: true,
        note:
          s === 0
            ? "Members at the end of a period = members at the end of the previous one × the migration " +
              "matrix, plus the new members × the tier's share of new members."
            : undefined,
      },
      p.members.map((n) => n[s]),
      (x) =>
        x.t === 0
          ? `INDEX(LL_MembersNow,${s + 1})`
          : `SUMPRODUCT(${x.prev}${at.members}:${x.prev}${at.members + K - 1},INDEX(LL_Migration,0,${s + 1}))` +
            entry(x),
    );
  }
  for (const line of LINES) writeLine(w, at[line.values], line, p[line.values], line.formula);

  for (let i = 0; i < k; i++) {
    const tier = w.stateName(i);
    writeLine(
      w,
      at.pointsEarned + i,
      {
        label: `Points earned: ${tier}`,
        unit: "points",
        format: FORMATS.points,
        total: "sum",
        note:
          i === 0
            ? "Members × spend per member × (1 + spend lift) × points per unit of spend × seasonal index."
            : undefined,
      },
      p.pointsEarned.map((e) => e[i]),
      (x) =>
        `${x.here(at.members + i)}*INDEX(LL_EffSpend,${i + 1})*(1+INDEX(LL_EffLift,${i + 1}))*` +
        `INDEX(LL_PointsPerUnit,${i + 1})*${x.here(at.seasonalIndex)}`,
    );
    writeLine(
      w,
      at.pointsOutstanding + i,
      {
        label: `Points outstanding: ${tier}`,
        unit: "points",
        format: FORMATS.points,
        now: true,
        note:
          i === 0
            ? "Outstanding at the previous period end × (1 − points leaving per period) + points earned."
            : undefined,
      },
      p.pointsOutstanding.map((o) => o[i]),
      (x) =>
        x.t === 0
          ? `INDEX(LL_PointsNow,${i + 1})`
          : `${x.prev}${at.pointsOutstanding + i}*(1-LL_PointsBurn)+${x.here(at.pointsEarned + i)}`,
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
  w.text(header, 2, "Unit", "header");
  const yearRange = periodsRange(at.yearRow, T);
  const lines: [string, ProjectionLineKey, keyof (typeof p.years)[number], NumberFormat, string][] = [
    ["Revenue", "revenue", "revenue", FORMATS.money, "money"],
    ["Benefit cost", "costTotal", "benefitCost", FORMATS.money, "money"],
    ["Incremental margin from the lift", "incrementalMargin", "incrementalMargin", FORMATS.money, "money"],
    ["Net effect of the benefits", "netEffect", "netEffect", FORMATS.money, "money"],
    ["ROI", "roi", "roi", FORMATS.rate, "share"],
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
const TIER_COST_COLUMNS: readonly [string, keyof TierTotals, string][] = [
  ["Revenue at baseline spend", "revenueBase", "Σ members × spend per member × seasonal index, all periods."],
  ["Incremental revenue", "revenueLift", "Revenue at baseline spend × the tier's spend lift."],
  ["Member discounts", "discount", "Revenue with the lift × member discount."],
  ["Points cost", "points", "Points issued × redemption rate × cash value per point."],
  ["Birthday gifts", "birthday", "Members × period months / 12 × gift cost × uptake, all periods."],
  ["Priority service", "service", "Members × service cost per member, all periods."],
  ["Activities", "activities", "Members × activities × cost per participant × participation, all periods."],
  ["Fixed cost", "fixed", "The tier's fixed cost per period × the number of periods."],
  ["Total benefit cost", "total", "The tier's costs: discounts, points, gifts, service, activities, fixed."],
];

export function tierCostSection(w: BenefitCostWriter): void {
  const { at, k, p, T } = w;
  w.text(at.tierCostTitle, 1, w.words.tierCostTitle(T), "subtitle");
  w.header(at.tierCostHeader, 1, "Tier");
  const members = (i: number) => periodsRange(at.members + i, T);
  const formulas: Record<keyof TierTotals, (i: number, r: number) => string> = {
    memberPeriods: () => "",
    revenueBase: (i) =>
      `INDEX(LL_EffSpend,${i})*SUMPRODUCT(${members(i - 1)},${periodsRange(at.seasonalIndex, T)})`,
    revenueLift: (i, r) => `B${r}*INDEX(LL_EffLift,${i})`,
    revenue: () => "",
    discount: (i, r) => `(B${r}+C${r})*INDEX(LL_Discount,${i})`,
    points: (i) =>
      `SUM(${periodsRange(at.pointsEarned + i - 1, T)})*INDEX(LL_ValuePerPoint,${i})*INDEX(LL_EffRedemption,${i})`,
    birthday: (i) =>
      `LL_PeriodMonths/12*INDEX(LL_EffGiftCost,${i})*INDEX(LL_GiftUptake,${i})*SUM(${members(i - 1)})`,
    service: (i) => `INDEX(LL_EffServiceCost,${i})*SUM(${members(i - 1)})`,
    activities: (i) =>
      `INDEX(LL_Activities,${i})*INDEX(LL_EffCostPerParticipant,${i})*INDEX(LL_EffParticipation,${i})*` +
      `SUM(${members(i - 1)})`,
    fixed: (i) => `INDEX(LL_FixedCost,${i})*LL_Periods`,
    total: (_, r) => `SUM(D${r}:I${r})`,
  };
  TIER_COST_COLUMNS.forEach(([header, field, note], j) => {
    const col = 2 + j;
    w.header(at.tierCostHeader, col, header, note);
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
