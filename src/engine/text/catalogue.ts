/**
 * THE MESSAGE CATALOGUE of the generated sheets (and of the CLI's lines on how it read a file): every group of texts, in English and Simplified Chinese,
 * in one object per language. Each group lives beside its sheet's words (alerts.ts, kpis.ts, ...) with
 * both languages side by side; this assembles them so a test can walk every key of both languages. The
 * task pane's strings (src/taskpane/i18n) take the sheet names from here.
 */
import { ALERT_TEXTS, CUSTOMER_ID_HEADER } from "./alerts";
import { BENEFIT_COST_TEXTS } from "./benefit-cost";
import { CONTACT_TEXTS } from "./contacts";
import { CAMPAIGN_TEXTS } from "./campaigns";
import { CHANGE_TEXTS } from "./changes";
import { CUSTOMER_TEXTS } from "./customers";
import { DATA_QUALITY_TEXTS } from "./data-quality";
import { KEY_DATE_TEXTS } from "./key-dates";
import { KPI_TEXTS } from "./kpis";
import { MODEL_TEXTS } from "./model";
import type { Language } from "./language";
import { PLACE_TEXTS } from "./places";
import { PREFERENCE_ROLE_WORDS, PREFERENCE_TEXTS } from "./preferences";
import { READING_TEXTS } from "./reading";
import { SEGMENT_TEXTS } from "./segments";
import { SHEET_NAME_TEXTS } from "./sheet-names";
import { THIS_WEEK_TEXTS } from "./this-week";
import { TIER_TEXTS } from "./tiers";
import { SUMMARY_BASIS_TEXTS } from "./summary-basis";

function catalogueOf(language: Language) {
  return {
    sheetNames: SHEET_NAME_TEXTS[language],
    customerIdHeader: CUSTOMER_ID_HEADER[language],
    contacts: CONTACT_TEXTS[language],
    thisWeek: THIS_WEEK_TEXTS[language],
    changes: CHANGE_TEXTS[language],
    customers: CUSTOMER_TEXTS[language],
    segments: SEGMENT_TEXTS[language],
    tiers: TIER_TEXTS[language],
    kpis: KPI_TEXTS[language],
    model: MODEL_TEXTS[language],
    alerts: ALERT_TEXTS[language],
    keyDates: KEY_DATE_TEXTS[language],
    summaryBasis: SUMMARY_BASIS_TEXTS[language],
    benefitCost: BENEFIT_COST_TEXTS[language],
    preferences: PREFERENCE_TEXTS[language],
    preferenceRoles: {
      category: PREFERENCE_ROLE_WORDS.category[language],
      brand: PREFERENCE_ROLE_WORDS.brand[language],
      product: PREFERENCE_ROLE_WORDS.product[language],
    },
    campaigns: CAMPAIGN_TEXTS[language],
    dataQuality: DATA_QUALITY_TEXTS[language],
    places: PLACE_TEXTS[language],
    reading: READING_TEXTS[language],
  };
}

export type Catalogue = ReturnType<typeof catalogueOf>;

export const CATALOGUE: Readonly<Record<Language, Catalogue>> = {
  en: catalogueOf("en"),
  "zh-CN": catalogueOf("zh-CN"),
};
