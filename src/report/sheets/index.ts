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
