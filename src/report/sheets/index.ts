/** The builder of each generated sheet, and which sheets show model results. */
import type { ReportData } from "../report-data";
import type { SheetModel } from "../../sheet/sheet-model";
import type { SheetKind } from "../sheet-kinds";
import { buildAlertsSheet } from "./alerts";
import { buildCampaignsSheet } from "./campaigns";
import { buildPreferencesSheet } from "./preferences";
import { buildBenefitCostSheet } from "./benefit-cost";
import { buildCustomersSheet } from "./customers";
import { buildDataQualitySheet } from "./data-quality";
import { buildKeyDatesSheet } from "./key-dates";
import { buildKpisSheet } from "./kpis";
import { buildModelSheet } from "./model";
import { buildSegmentsSheet } from "./segments";
import { buildThisWeekSheet } from "./this-week";
import { buildTiersSheet } from "./tiers";
import { summaryBasisBuilder } from "./summary-basis";

export const SHEET_BUILDERS: Readonly<Record<SheetKind, (data: ReportData) => SheetModel>> = {
  "this-week": buildThisWeekSheet,
  customers: buildCustomersSheet,
  segments: buildSegmentsSheet,
  tiers: buildTiersSheet,
  kpis: buildKpisSheet,
  alerts: buildAlertsSheet,
  "key-dates": buildKeyDatesSheet,
  preferences: buildPreferencesSheet,
  campaigns: buildCampaignsSheet,
  model: buildModelSheet,
  "benefit-cost": buildBenefitCostSheet,
  "data-quality": buildDataQualitySheet,
};

/** Sheets with P(alive), expected purchases or predicted value: the models are fitted when one is built. */
export const SHEETS_USING_MODELS: readonly SheetKind[] = [
  "this-week",
  "customers",
  "segments",
  "alerts",
  "model",
];

/**
 * The builder of a sheet for the analysis' basis: from a customer summary, the sheets that need order
 * lines say so instead (summary-basis.ts).
 */
export function sheetBuilder(
  kind: SheetKind,
  basis: ReportData["analysis"]["basis"],
): (data: ReportData) => SheetModel {
  return (basis === "summary" && summaryBasisBuilder(kind)) || SHEET_BUILDERS[kind];
}
