/**
 * The projection block of the Benefit cost sheet, formulas only: the drivers per tier with the scenario
 * applied, then one row per projection line with one formula per period. Each line says in its note what
 * it computes; the same formulas, in algebra, are in src/engine/projection/project.ts.
 */
import { addMonths, dateFromDay } from "../../engine/data/days";
import type { ProjectionLineKey } from "../../engine/projection/project";
import type { EffectiveDrivers } from "../../engine/projection/scenarios";
import type { NumberFormat, StyleName } from "../../sheet/sheet-model";
import { FORMATS } from "./fields";
import { NOW_COL, periodColumn, type BenefitCostLayout } from "./layout";
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
  w.text(at.driversTitle, 1, "Projection: drivers per tier with the scenario applied", "subtitle");
  w.header(at.driversHeader, 1, "Tier");
  DRIVERS.forEach((d, j) => {
    const c = 2 + j;
    w.header(at.driversHeader, c, d.header);
    for (let i = 0; i < k; i++) {
      w.grid.formula(at.driversFirst + i, c, d.formula(i + 1), p.drivers[i][d.field], { format: d.format });
    }
    w.name(d.name, columnRange(at.driversFirst, c, k));
  });
  for (let i = 0; i < k; i++) w.text(at.driversFirst + i, 1, w.stateName(i), "bold");
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
    formula: (x) => `LL_NewMembers*LL_ScenarioNewMembers*(1+LL_IntakeGrowth)^(${x.c}$${x.at.periodHeader}-1)`,
    note: "New members per period × scenario multiplier × (1 + intake growth)^(period − 1).",
  },
  {
    label: "Cost scale factor",
    unit: "factor",
    format: FORMATS.factor,
    values: "costScale",
    formula: (x) => {
      const now = `$C$${x.at.membersInTiers}`;
      return `IF(${now}>0,MAX(0,1+LL_CostGrowth*(${x.here(x.at.membersInTiers)}/${now}-1)),1)`;
    },
    note:
      "1 + cost growth coefficient × (members in tiers / members in tiers now − 1), at least 0. It scales " +
      "the unit cost of birthday gifts, priority service and activities.",
  },
  {
    label: "Revenue at baseline spend",
    ...money,
    values: "revenueBase",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffSpend)`,
    note: "Σ members × spend per member per period (scenario applied).",
  },
  {
    label: "Incremental revenue from the lift",
    ...money,
    values: "revenueLift",
    formula: (x) => `SUMPRODUCT(${x.tierMembers},LL_EffSpend,LL_EffLift)`,
    note: "Σ members × spend per member × spend lift.",
  },
  {
    label: "Total revenue",
    ...money,
    values: "revenue",
    formula: (x) => `${x.here(x.at.revenueBase)}+${x.here(x.at.revenueLift)}`,
    style: "total",
  },
  {
    label: "Points",
    ...money,
    values: "costPoints",
    formula: (x) =>
      `SUMPRODUCT(${x.here(x.at.pointsEarned)}:${x.here(x.at.pointsEarned + x.at.k - 1)},` +
      "LL_ValuePerPoint,LL_EffRedemption)",
    note: "Σ points earned × value per point × redemption rate: the expected cost, booked when earned.",
  },
  {
    label: "Birthday gifts",
    ...money,
    values: "costBirthday",
    formula: (x) =>
      `${x.here(x.at.costScale)}*LL_PeriodMonths/12*SUMPRODUCT(${x.tierMembers},LL_EffGiftCost,LL_GiftUptake)`,
    note:
      "Cost scale × period months / 12 (the members with a birthday in the period) × Σ members × gift " +
      "cost × uptake.",
  },
  {
    label: "Priority service",
    ...money,
    values: "costService",
    formula: (x) => `${x.here(x.at.costScale)}*SUMPRODUCT(${x.tierMembers},LL_EffServiceCost)`,
    note: "Cost scale × Σ members × service cost per member.",
  },
  {
    label: "Member activities",
    ...money,
    values: "costActivities",
    formula: (x) =>
      `${x.here(x.at.costScale)}*SUMPRODUCT(${x.tierMembers},LL_Activities,LL_EffCostPerParticipant,` +
      "LL_EffParticipation)",
    note: "Cost scale × Σ members × activities per period × cost per participant × participation rate.",
  },
  {
    label: "Other fixed cost",
    ...money,
    values: "costFixed",
    formula: () => "SUM(LL_FixedCost)",
  },
  {
    label: "Total benefit cost",
    ...money,
    values: "costTotal",
    formula: (x) => `SUM(${x.here(x.at.costPoints)}:${x.here(x.at.costFixed)})`,
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
    formula: (x) => `IF(${x.here(x.at.revenue)}>0,${x.here(x.at.costTotal)}/${x.here(x.at.revenue)},0)`,
  },
  {
    label: "Gross margin before benefits",
    ...money,
    values: "marginBeforeBenefits",
    formula: (x) => `${x.here(x.at.revenue)}*LL_GrossMargin`,
  },
  {
    label: "Gross margin after benefits",
    ...money,
    values: "marginAfterBenefits",
    formula: (x) => `${x.here(x.at.marginBeforeBenefits)}-${x.here(x.at.costTotal)}`,
  },
  {
    label: "Incremental margin from the lift",
    ...money,
    values: "incrementalMargin",
    formula: (x) => `${x.here(x.at.revenueLift)}*LL_GrossMargin`,
    note: "Incremental revenue × gross margin: what the benefits bring.",
  },
  {
    label: "Net effect of the benefits",
    ...money,
    values: "netEffect",
    formula: (x) => `${x.here(x.at.incrementalMargin)}-${x.here(x.at.costTotal)}`,
    style: "total",
    note: "Incremental margin − total benefit cost.",
  },
  {
    label: "ROI",
    unit: "share",
    format: FORMATS.rate,
    values: "roi",
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
  line: Pick<Line, "label" | "unit" | "format" | "style" | "note" | "now">,
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
  for (let t = 1; t <= T; t++) {
    w.value(at.periodHeader, periodColumn(t), t, undefined, "header");
    w.value(
      at.periodEnds,
      periodColumn(t),
      dateFromDay(addMonths(baseline.asOf, t * baseline.periodMonths)),
      "date",
      "note",
    );
  }

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
        note:
          i === 0 ? "Members × spend per member × (1 + spend lift) × points per unit of spend." : undefined,
      },
      p.pointsEarned.map((e) => e[i]),
      (x) =>
        `${x.here(at.members + i)}*INDEX(LL_EffSpend,${i + 1})*(1+INDEX(LL_EffLift,${i + 1}))*` +
        `INDEX(LL_PointsPerUnit,${i + 1})`,
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
