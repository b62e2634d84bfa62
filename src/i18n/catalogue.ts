/**
 * THE MESSAGE CATALOGUE: every text Loyalty Lens shows or writes, in English and Simplified Chinese, in one
 * object per language, by namespace:
 *
 * - `sheets`: the generated sheets' words (src/engine/text/: each group beside its sheet's words, both
 *   languages side by side, so the report builders below this layer use them directly);
 * - `messages`: the coded errors and warnings (messages.ts), said alike by the pane, the CLI and the
 *   custom functions;
 * - `pane`: the task pane's labels (pane.ts);
 * - `cli`: what the `loyalty` command says (command-line.ts): summaries, progress, warnings;
 * - `functions`: the custom functions' errors (function-errors.ts).
 *
 * Each group is typed so that a key missing in either language does not compile; the catalogue's test
 * walks every key of every namespace at run time too (and the functions' metadata in
 * src/functions/i18n/zh-CN.json against the English one).
 */
import { ALERT_TEXTS, CUSTOMER_ID_HEADER } from "../engine/text/alerts";
import { BENEFIT_COST_TEXTS } from "../engine/text/benefit-cost";
import { CONTACT_TEXTS } from "../engine/text/contacts";
import { CAMPAIGN_TEXTS } from "../engine/text/campaigns";
import { CHANGE_TEXTS } from "../engine/text/changes";
import { CUSTOMER_TEXTS } from "../engine/text/customers";
import { DATA_QUALITY_TEXTS } from "../engine/text/data-quality";
import { FIT_STOP_TEXTS } from "../engine/text/fit-stop";
import { KEY_DATE_TEXTS } from "../engine/text/key-dates";
import { KPI_TEXTS } from "../engine/text/kpis";
import { MODEL_TEXTS } from "../engine/text/model";
import type { Language } from "../engine/text/language";
import { PLACE_TEXTS } from "../engine/text/places";
import { PREFERENCE_ROLE_WORDS, PREFERENCE_TEXTS } from "../engine/text/preferences";
import { READING_TEXTS } from "../engine/text/reading";
import { SEGMENT_TEXTS } from "../engine/text/segments";
import { SHEET_NAME_TEXTS } from "../engine/text/sheet-names";
import { THIS_WEEK_TEXTS } from "../engine/text/this-week";
import { TYPED_OVER_TEXTS } from "../engine/text/typed-over";
import { KEPT_NOTES_TEXTS } from "../engine/text/kept-notes";
import { TIER_TEXTS } from "../engine/text/tiers";
import { SUMMARY_BASIS_TEXTS } from "../engine/text/summary-basis";
import { SQL_COMMENT_TEXTS } from "../engine/text/sql-comment";
import { MESSAGE_TEXTS } from "./messages";
import { CLI_TEXTS } from "./command-line";
import { SETTING_TEXTS } from "../report/setting-texts";
import { HELP_TEXTS } from "./command-help";
import { FUNCTION_TEXTS } from "./function-errors";
import { STRINGS } from "./pane";

function sheetTextsOf(language: Language) {
  return {
    sheetNames: SHEET_NAME_TEXTS[language],
    customerIdHeader: CUSTOMER_ID_HEADER[language],
    contacts: CONTACT_TEXTS[language],
    thisWeek: THIS_WEEK_TEXTS[language],
    typedOver: TYPED_OVER_TEXTS[language],
    keptNotes: KEPT_NOTES_TEXTS[language],
    changes: CHANGE_TEXTS[language],
    customers: CUSTOMER_TEXTS[language],
    segments: SEGMENT_TEXTS[language],
    tiers: TIER_TEXTS[language],
    kpis: KPI_TEXTS[language],
    model: MODEL_TEXTS[language],
    fitStop: FIT_STOP_TEXTS[language],
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

function catalogueOf(language: Language) {
  return {
    sheets: sheetTextsOf(language),
    messages: { ...MESSAGE_TEXTS[language], settings: SETTING_TEXTS[language] },
    pane: STRINGS[language],
    cli: { ...CLI_TEXTS[language], help: HELP_TEXTS[language], sqlComment: SQL_COMMENT_TEXTS[language] },
    functions: FUNCTION_TEXTS[language],
  };
}

export type Catalogue = ReturnType<typeof catalogueOf>;

export const CATALOGUE: Readonly<Record<Language, Catalogue>> = {
  en: catalogueOf("en"),
  "zh-CN": catalogueOf("zh-CN"),
};
