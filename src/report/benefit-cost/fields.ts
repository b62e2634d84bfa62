/**
 * The assumption fields of the Benefit cost sheet: their labels, units, formats, the defined names the
 * formulas use, and the stable keys of their input cells (which survive rebuilds; see CellSpec.input).
 * One table of each, so that the builder (builder.ts) and the reading of edited inputs (inputs.ts) agree.
 */
import type { ProgrammeAssumptions, TierAssumptions } from "../../engine/projection/assumptions";
import type { ScenarioKey, ScenarioMultipliers } from "../../engine/projection/scenarios";
import type { NumberFormat } from "../../sheet/sheet-model";

/**
 * Number formats of the sheet. `money` and `money2` are placeholders: the builder writes them with the
 * currency of the report's settings (moneyFormats below) before the sheet is returned.
 */
/**
 * Most periods the sheet holds: 3 years of months fill its fixed footprint (columns D..AM). A limit of the
 * sheet, not of the projection, which runs any number of periods.
 */
export const MAX_PERIODS_ON_SHEET = 36;

export const FORMATS = {
  money: { code: "#,##0;[Red]-#,##0" },
  money2: { code: "#,##0.00;[Red]-#,##0.00" },
  count: { code: "#,##0" },
  count1: { code: "#,##0.0" },
  percent: "percent1",
  percent2: "percent2",
  factor: { code: "0.0000" },
  multiplier: { code: '0.00"×"' },
  rate: { code: "0.0%" },
  points: { code: "#,##0" },
  plain: { code: "0.###" },
  whole: { code: "0" },
} satisfies Record<string, NumberFormat>;

export interface TierField {
  field: keyof TierAssumptions;
  header: string;
  /** Defined name of the column (one cell per tier). */
  name: string;
  format: NumberFormat;
  note: string;
  share?: boolean;
}

export const TIER_FIELDS: readonly TierField[] = [
  {
    field: "pointsPerUnit",
    header: "Points per unit of spend",
    name: "LL_PointsPerUnit",
    format: FORMATS.plain,
    note: "Points a member earns for each unit of currency spent.",
  },
  {
    field: "valuePerPoint",
    header: "Value per point",
    name: "LL_ValuePerPoint",
    format: { code: "0.0000" },
    note: "What one point is worth when redeemed, in the currency of the data.",
  },
  {
    field: "redemptionRate",
    header: "Redemption rate",
    name: "LL_RedemptionRate",
    format: FORMATS.rate,
    share: true,
    note: "Share of the points earned that will ever be redeemed (1 − breakage).",
  },
  {
    field: "birthdayGiftCost",
    header: "Birthday gift cost",
    name: "LL_GiftCost",
    format: FORMATS.money2,
    note: "Cost of one birthday gift.",
  },
  {
    field: "birthdayUptake",
    header: "Birthday gift uptake",
    name: "LL_GiftUptake",
    format: FORMATS.rate,
    share: true,
    note: "Share of the members with a birthday in the period who take the gift.",
  },
  {
    field: "serviceCostPerMember",
    header: "Service cost per member",
    name: "LL_ServiceCost",
    format: FORMATS.money2,
    note: "Cost of priority service per member per period.",
  },
  {
    field: "activitiesPerPeriod",
    header: "Activities per period",
    name: "LL_Activities",
    format: { code: "0.00" },
    note: "Member activities (events) offered per period.",
  },
  {
    field: "costPerParticipant",
    header: "Cost per participant",
    name: "LL_CostPerParticipant",
    format: FORMATS.money2,
    note: "Cost of one participant in one activity.",
  },
  {
    field: "participationRate",
    header: "Participation rate",
    name: "LL_Participation",
    format: FORMATS.rate,
    share: true,
    note: "Share of the tier's members who join an activity.",
  },
  {
    field: "otherFixedCost",
    header: "Fixed cost per period",
    name: "LL_FixedCost",
    format: FORMATS.money,
    note:
      "Benefit cost of the tier per period that does not depend on its number of members (a lounge, a " +
      "dedicated hotline). Every other cost of the tier follows its members.",
  },
  {
    field: "memberDiscount",
    header: "Member discount",
    name: "LL_Discount",
    format: FORMATS.rate,
    share: true,
    note:
      "Price discount the tier's members get, as a share of their spend: a cost of the tier that " +
      "follows its spend (with the lift and the season).",
  },
  {
    field: "spendLift",
    header: "Spend lift",
    name: "LL_SpendLift",
    format: FORMATS.rate,
    note:
      "Extra spend the tier's benefits bring, as a share of the tier's baseline spend per member. An " +
      "assumption: say where it comes from in the row under the programme assumptions (a measured " +
      "campaign lift, a benchmark). Without lift the benefits are pure cost: the key results give the " +
      "break-even lift.",
  },
  {
    field: "entryShare",
    header: "Share of new members",
    name: "LL_EntryShare",
    format: FORMATS.rate,
    share: true,
    note: "Share of each period's new members who enter this tier; the shares sum to 100 %.",
  },
];

export interface ProgrammeField {
  field: keyof ProgrammeAssumptions | "periods" | "periodMonths";
  label: string;
  unit: string;
  name: string;
  format: NumberFormat;
  /** Validation: min and max, whole numbers. */
  min?: number;
  max?: number;
  whole?: boolean;
}

export const PROGRAMME_FIELDS: readonly ProgrammeField[] = [
  {
    field: "grossMargin",
    label: "Gross margin",
    unit: "share of revenue, before benefit cost",
    name: "LL_GrossMargin",
    format: FORMATS.rate,
    max: 1,
  },
  {
    field: "discountRate",
    label: "Discount rate per period",
    unit: "for the NPV; 10 % a year is 0.80 % a month, 2.41 % a quarter",
    name: "LL_DiscountRate",
    format: FORMATS.percent2,
    min: -0.99,
  },
  {
    field: "newMembersPerPeriod",
    label: "New members per period",
    unit: "members joining in period 1",
    name: "LL_NewMembers",
    format: FORMATS.count,
    min: 0,
  },
  {
    field: "membershipGrowthRate",
    label: "Growth of the new-member intake per period",
    unit: "period t brings new members × (1 + growth)^(t − 1)",
    name: "LL_IntakeGrowth",
    format: FORMATS.percent2,
    min: -0.99,
  },
  {
    field: "fixedCost",
    label: "Programme fixed cost per period",
    unit: "staff, systems, communication: does not follow the members (benefits do, per tier)",
    name: "LL_ProgrammeFixedCost",
    format: FORMATS.money,
    min: 0,
  },
  {
    field: "pointsBurnRate",
    label: "Points leaving the balance per period",
    unit: "redeemed or expired, share of the balance at the start of the period",
    name: "LL_PointsBurn",
    format: FORMATS.rate,
    min: 0,
    max: 1,
  },
  {
    field: "periods",
    label: "Number of periods",
    unit: `1 to ${MAX_PERIODS_ON_SHEET}; applied when the sheet is refreshed`,
    name: "LL_PeriodsSetting",
    format: FORMATS.whole,
    min: 1,
    max: MAX_PERIODS_ON_SHEET,
    whole: true,
  },
  {
    field: "periodMonths",
    label: "Period length (months)",
    unit: "1 (months) to 12; applied when the sheet is refreshed",
    name: "LL_PeriodMonthsSetting",
    format: FORMATS.whole,
    min: 1,
    max: 12,
    whole: true,
  },
];

export interface ScenarioField {
  field: keyof ScenarioMultipliers;
  label: string;
  /** Defined name of the applied (selected) multiplier. */
  name: string;
}

export const SCENARIO_ROWS: readonly ScenarioField[] = [
  { field: "newMembers", label: "New members", name: "LL_ScenarioNewMembers" },
  { field: "spendPerMember", label: "Spend per member", name: "LL_ScenarioSpend" },
  { field: "spendLift", label: "Spend lift", name: "LL_ScenarioLift" },
  { field: "redemptionRate", label: "Redemption rate (capped at 100 %)", name: "LL_ScenarioRedemption" },
  {
    field: "participationRate",
    label: "Participation rate (capped at 100 %)",
    name: "LL_ScenarioParticipation",
  },
  { field: "unitCosts", label: "Unit benefit costs (gift, service, activity)", name: "LL_ScenarioUnitCosts" },
];

/** Stable keys of the input cells. Tier and scenario keys, not positions, so edits follow the tier. */
export const INPUT_KEYS = {
  scenario: "bc.scenario",
  programme: (field: ProgrammeField["field"]) => `bc.${field}`,
  tier: (tierKey: string, field: keyof TierAssumptions) => `bc.tier.${tierKey}.${field}`,
  multiplier: (scenario: ScenarioKey, field: keyof ScenarioMultipliers) => `bc.scenario.${scenario}.${field}`,
  points: (tierKey: string) => `bc.points.${tierKey}`,
  migration: (from: string, to: string) => `bc.migration.${from}.${to}`,
  season: (t: number) => `bc.season.${t}`,
  alternative: (field: "topTierCost" | "topTierLift") => `bc.alternative.${field}`,
  liftSource: "bc.liftSource",
  redemptionAxis: (i: number) => `bc.sensitivity.redemption.${i + 1}`,
  participationAxis: (j: number) => `bc.sensitivity.participation.${j + 1}`,
};

/** The sheet's two money formats with the currency symbol of the settings (none when it is blank). */
export function moneyFormats(currency: string): { money: NumberFormat; money2: NumberFormat } {
  const symbol = currency ? `"${currency.replace(/"/g, '""')}"` : "";
  return {
    money: { code: `${symbol}#,##0;[Red]-${symbol}#,##0` },
    money2: { code: `${symbol}#,##0.00;[Red]-${symbol}#,##0.00` },
  };
}
