/**
 * The assumption fields of the Benefit cost sheet: their formats, the defined names the formulas use, and the stable keys of their input cells (which survive rebuilds; see CellSpec.input).
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

/** A tier assumption column; its header and note are in the catalogue (SHEET_TEXTS.tierFields). */
export interface TierField {
  field: keyof TierAssumptions;
  /** Defined name of the column (one cell per tier). */
  name: string;
  format: NumberFormat;
  share?: boolean;
}

export const TIER_FIELDS: readonly TierField[] = [
  {
    field: "pointsPerUnit",
    name: "LL_PointsPerUnit",
    format: FORMATS.plain,
  },
  {
    field: "valuePerPoint",
    name: "LL_ValuePerPoint",
    format: { code: "0.0000" },
  },
  {
    field: "redemptionRate",
    name: "LL_RedemptionRate",
    format: FORMATS.rate,
    share: true,
  },
  {
    field: "birthdayGiftCost",
    name: "LL_GiftCost",
    format: FORMATS.money2,
  },
  {
    field: "birthdayUptake",
    name: "LL_GiftUptake",
    format: FORMATS.rate,
    share: true,
  },
  {
    field: "serviceCostPerMember",
    name: "LL_ServiceCost",
    format: FORMATS.money2,
  },
  {
    field: "activitiesPerPeriod",
    name: "LL_Activities",
    format: { code: "0.00" },
  },
  {
    field: "costPerParticipant",
    name: "LL_CostPerParticipant",
    format: FORMATS.money2,
  },
  {
    field: "participationRate",
    name: "LL_Participation",
    format: FORMATS.rate,
    share: true,
  },
  {
    field: "otherFixedCost",
    name: "LL_FixedCost",
    format: FORMATS.money,
  },
  {
    field: "memberDiscount",
    name: "LL_Discount",
    format: FORMATS.rate,
    share: true,
  },
  {
    field: "spendLift",
    name: "LL_SpendLift",
    format: FORMATS.rate,
  },
  {
    field: "entryShare",
    name: "LL_EntryShare",
    format: FORMATS.rate,
    share: true,
  },
];

/** A programme assumption row; its label and unit are in the catalogue (SHEET_TEXTS.programmeFields). */
export interface ProgrammeField {
  field: keyof ProgrammeAssumptions | "periods" | "periodMonths";
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
    name: "LL_GrossMargin",
    format: FORMATS.rate,
    max: 1,
  },
  {
    field: "discountRate",
    name: "LL_DiscountRate",
    format: FORMATS.percent2,
    min: -0.99,
  },
  {
    field: "newMembersPerPeriod",
    name: "LL_NewMembers",
    format: FORMATS.count,
    min: 0,
  },
  {
    field: "membershipGrowthRate",
    name: "LL_IntakeGrowth",
    format: FORMATS.percent2,
    min: -0.99,
  },
  {
    field: "fixedCost",
    name: "LL_ProgrammeFixedCost",
    format: FORMATS.money,
    min: 0,
  },
  {
    field: "pointsBurnRate",
    name: "LL_PointsBurn",
    format: FORMATS.rate,
    min: 0,
    max: 1,
  },
  {
    field: "periods",
    name: "LL_PeriodsSetting",
    format: FORMATS.whole,
    min: 1,
    max: MAX_PERIODS_ON_SHEET,
    whole: true,
  },
  {
    field: "periodMonths",
    name: "LL_PeriodMonthsSetting",
    format: FORMATS.whole,
    min: 1,
    max: 12,
    whole: true,
  },
];

/** A scenario multiplier row; its label is in the catalogue (SHEET_TEXTS.scenarioRows). */
export interface ScenarioField {
  field: keyof ScenarioMultipliers;
  /** Defined name of the applied (selected) multiplier. */
  name: string;
}

export const SCENARIO_ROWS: readonly ScenarioField[] = [
  { field: "newMembers", name: "LL_ScenarioNewMembers" },
  { field: "spendPerMember", name: "LL_ScenarioSpend" },
  { field: "spendLift", name: "LL_ScenarioLift" },
  { field: "redemptionRate", name: "LL_ScenarioRedemption" },
  {
    field: "participationRate",
    name: "LL_ScenarioParticipation",
  },
  { field: "unitCosts", name: "LL_ScenarioUnitCosts" },
];

/** Stable keys of the input cells. Tier and scenario keys, not positions, so edits follow the tier. */
export const INPUT_KEYS = {
  scenario: "bc.scenario",
  programme: (field: ProgrammeField["field"]) => `bc.${field}`,
  tier: (tierKey: string, field: keyof TierAssumptions) => `bc.tier.${tierKey}.${field}`,
  multiplier: (scenario: ScenarioKey, field: keyof ScenarioMultipliers) => `bc.scenario.${scenario}.${field}`,
  points: (tierKey: string) => `bc.points.${tierKey}`,
  /** Spend per member of a tiered chain state ("gold.new", "gold.established"). */
  spend: (stateKey: string) => `bc.spend.${stateKey}`,
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
