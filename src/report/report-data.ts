/**
 * What every sheet builder gets: the engine's results, the model results, the config, and the defaults of
 * the cells a user may edit; and the name of a tier level, which several builders look up.
 */
import type { Analysis } from "../engine/analyze";
import type { AlertRule } from "../engine/alerts/rules";
import type { TierProgram } from "../engine/tiers/program";
import type { HolidayEntry } from "../engine/keydates/holidays";
import type { BenefitCostSheet } from "./benefit-cost/builder";
import type { ReportConfig } from "./config";
import type { HoldoutOutcome, ReportModels } from "./report-models";

/** The values the input cells hold until a user edits them (the builders write these). */
export interface InputDefaults {
  /** The tier program with every threshold explicit (derived from the data when the config has none). */
  tiers: TierProgram;
  /** True when those thresholds were derived from the data. */
  tiersDerived: boolean;
  upgradeWithin: number;
  alertRules: readonly AlertRule[];
  spendWindowDays: number;
  keyDateDays: number;
  /** The holidays of the settings, in the first rows of the holiday table. */
  holidays: readonly HolidayEntry[];
}

export interface ReportData {
  config: ReportConfig;
  analysis: Analysis;
  /** Null when no selected sheet needs the models. */
  models: ReportModels | null;
  holdout: HoldoutOutcome | null;
  defaults: InputDefaults;
  /** Where the orders came from, for titles: "orders.csv", "orders.xlsx, sheet Orders". */
  source: string;
  /** Header texts and sheet column letters of the order table's columns. */
  headers: readonly string[];
  columnLetters: readonly string[];
  /**
   * The Benefit cost sheet, built with the assumptions edited on the workbook's sheet (its totals go into
   * the summary); absent when the report does not build it, or built with the default assumptions.
   */
  benefitCost?: BenefitCostSheet;
}

/** Name of a tier level (TierEvaluation levels: tiers, then lapsed); "" for "not a customer yet". */
export function tierName(analysis: Analysis, level: number): string {
  return analysis.tiers.categories[level]?.name ?? "";
}
