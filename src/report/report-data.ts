/**
 * What every sheet builder gets: the engine's results, the model results, the config, and the defaults of
 * the cells a user may edit; and the name of a tier level, which several builders look up.
 */
import type { MemberChanges } from "../engine/followup/changes";
import type { Analysis } from "../engine/analyze";
import type { AlertRule } from "../engine/alerts/rules";
import type { TierProgram } from "../engine/tiers/program";
import type { HolidayEntry } from "../engine/keydates/holidays";
import type { BenefitCostSheet } from "./benefit-cost/builder";
import type { ReportConfig } from "./config";
import type { ReportCurrency } from "./report-currency";
import { localName } from "../engine/text/bilingual";
import type { Language } from "../engine/text/language";
import type { HoldoutOutcome, ReportModels } from "./report-models";
import type { Preferences } from "../engine/preferences/analyze-preferences";
import type { ReportCampaigns } from "./report-campaigns";
import { float64Of } from "../engine/math/typed-arrays";

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
  /** The settings used; `currency` is the one the money is shown in (the setting's, or the data's). */
  config: ReportConfig;
  /** That currency and where it came from (the setting, a currency column, the amount text). */
  currency?: ReportCurrency;
  analysis: Analysis;
  /** Null when no selected sheet needs the models. */
  models: ReportModels | null;
  holdout: HoldoutOutcome | null;
  defaults: InputDefaults;
  /**
   * Where the orders came from, for titles, in the sheets' language: "orders.csv", "orders.xlsx, sheet
   * Orders", "orders.xlsx，工作表 Orders".
   */
  source: string;
  /** Header texts and sheet column letters of the order table's columns. */
  headers: readonly string[];
  columnLabels: readonly string[];
  /**
   * The Benefit cost sheet, built with the assumptions edited on the workbook's sheet (its totals go into
   * the summary); absent when the report does not build it, or built with the default assumptions.
   */
  benefitCost?: BenefitCostSheet;
  /** What members buy; null when the orders have no category, brand or product column. */
  preferences: Preferences | null;
  /** The campaigns measured; null when there is no campaign history. */
  campaigns: ReportCampaigns | null;
  /**
   * What changed since the workbook's previous build (member-changes.ts): null on a first build (nothing
   * to compare with); absent when not compared.
   */
  memberChanges?: MemberChanges | null;
}

/** Name of a tier level (TierEvaluation levels: tiers, then lapsed); "" for "not a customer yet". */
export function tierName(analysis: Analysis, level: number, language: Language = "en"): string {
  const category = analysis.tiers.categories[level];
  return category ? localName(category, language) : "";
}

/**
 * Value at risk per customer: predicted value × (1 − P(alive)), the value a member would bring if they
 * stay, weighted by how likely they are to have gone; null when the models could not be used. The one
 * definition of the Alerts and This week sheets.
 */
export function valueAtRisk(models: ReportModels | null): Float64Array | null {
  const alive = models?.probabilityAlive;
  const clv = models?.clv;
  if (!alive || !clv) return null;
  return float64Of(clv.length, (c) => clv[c] * (1 - alive[c]));
}
