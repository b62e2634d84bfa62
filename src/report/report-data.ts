/**
 * What every sheet builder gets: the engine's results, the model results, the config, and the defaults of
 * the cells a user may edit. Plus the small lookups several builders share (a customer's tier name, the
 * alerts of a customer, a day as an Excel date).
 */
import type { Analysis } from "../engine/analyze";
import type { AlertRule } from "../engine/alerts/rules";
import { excelSerialFromDay, NO_DAY } from "../engine/data/days";
import type { TierProgram } from "../engine/tiers/program";
import type { HolidayEntry } from "../engine/keydates/holidays";
import type { BenefitCostSheet } from "./benefit-cost/builder";
import type { ReportConfig } from "./config";
import { localName } from "../engine/text/bilingual";
import type { Language } from "../engine/text/language";
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

/** Excel date serial of a day number; null for a missing day. */
export function excelDate(day: number): number | null {
  return day === NO_DAY || !Number.isFinite(day) ? null : excelSerialFromDay(day);
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
  return Float64Array.from(clv, (v, c) => v * (1 - alive[c]));
}

/** The name of an alert rule up to its colon ("VIP overdue: more than ..." -> "VIP overdue"), for lists. */
export function shortRuleName(name: string): string {
  const colon = name.indexOf(":");
  return colon > 0 ? name.slice(0, colon) : name;
}

/** The names of the alert rules fired for each customer, joined ("; "), or "" when none fired. */
export function alertNamesByCustomer(analysis: Analysis): Map<number, string[]> {
  const { alerts } = analysis;
  const byCustomer = new Map<number, string[]>();
  for (let i = 0; i < alerts.customer.length; i++) {
    const c = alerts.customer[i];
    const list = byCustomer.get(c) ?? [];
    list.push(alerts.rules[alerts.rule[i]].name);
    byCustomer.set(c, list);
  }
  return byCustomer;
}

/** Rounds for storage: fewer digits make a smaller file and nothing a person reads changes. */
export function round(v: number, digits: number): number | null {
  if (!Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Customer indexes ordered by a value, highest first (NaN last), ties in customer order. */
export function indexesByDescending(values: ArrayLike<number>, n = values.length): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  return order.sort((a, b) => key(b) - key(a) || a - b);
}
