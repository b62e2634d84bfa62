/**
 * THE MESSAGE CATALOGUE of the generated sheets: every group of texts, in English and Simplified Chinese,
 * in one object per language. Each group lives beside its sheet's words (alerts.ts, kpis.ts, ...) with
 * both languages side by side; this assembles them so a test can walk every key of both languages. The
 * task pane's strings (src/taskpane/i18n) take the sheet names from here.
 */
import { ALERT_TEXTS, CUSTOMER_ID_HEADER } from "./alerts";
import { CUSTOMER_TEXTS } from "./customers";
import { KEY_DATE_TEXTS } from "./key-dates";
import { KPI_TEXTS } from "./kpis";
import type { Language } from "./language";
import { SEGMENT_TEXTS } from "./segments";
import { SHEET_NAME_TEXTS } from "./sheet-names";
import { THIS_WEEK_TEXTS } from "./this-week";
import { TIER_TEXTS } from "./tiers";
import { SUMMARY_BASIS_TEXTS } from "./summary-basis";

function catalogueOf(language: Language) {
  return {
    sheetNames: SHEET_NAME_TEXTS[language],
    customerIdHeader: CUSTOMER_ID_HEADER[language],
    thisWeek: THIS_WEEK_TEXTS[language],
    customers: CUSTOMER_TEXTS[language],
    segments: SEGMENT_TEXTS[language],
    tiers: TIER_TEXTS[language],
    kpis: KPI_TEXTS[language],
    alerts: ALERT_TEXTS[language],
    keyDates: KEY_DATE_TEXTS[language],
    summaryBasis: SUMMARY_BASIS_TEXTS[language],
  };
}

export type Catalogue = ReturnType<typeof catalogueOf>;

export const CATALOGUE: Readonly<Record<Language, Catalogue>> = {
  en: catalogueOf("en"),
  "zh-CN": catalogueOf("zh-CN"),
};
