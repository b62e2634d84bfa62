/**
 * The settings a previous build stored in the workbook, as the pane starts from them: the Source step's
 * choice (table, its header, columns, as-of date, unit, date order) and the Build form (sheets, thresholds). They are checked as
 * the build checks them; damaged settings give the defaults and the error to show.
 */
import type { ColumnOverrides } from "../../engine/data/columns";
import { checkConfigLayer, resolveReportConfig, type ReportConfig } from "../../report/config";
import { SETTING_TEXTS } from "../../report/setting-texts";
import type { JsonValue } from "../../sheet/port";
import type { StoredSourceSettings } from "./source-state";

export interface StoredStart {
  config: ReportConfig;
  /** undefined when nothing was stored. */
  source?: StoredSourceSettings;
  error?: unknown;
}

/** Where the stored settings are, in both languages, for what their check says. */
const STORED_LABEL = {
  en: SETTING_TEXTS.en.storedInWorkbook,
  "zh-CN": SETTING_TEXTS["zh-CN"].storedInWorkbook,
};

export function storedStart(stored: JsonValue | undefined): StoredStart {
  if (stored === undefined) return { config: resolveReportConfig([]) };
  try {
    const layer = checkConfigLayer(stored, STORED_LABEL);
    const config = resolveReportConfig([layer], STORED_LABEL);
    const { asOf, timeUnit } = config;
    const source: StoredSourceSettings = { asOf, timeUnit };
    // Only a saved order is kept; without one the Source step proposes an order from the dates.
    if (layer.dayOrder && layer.dayOrder !== "auto") source.dayOrder = layer.dayOrder;
    if (config.source.header !== "auto") source.header = config.source.header;
    if (config.source.table) source.source = { table: config.source.table };
    else if (config.source.sheet) source.source = { sheet: config.source.sheet };
    if (layer.columns) source.columns = layer.columns as ColumnOverrides;
    return { config, source };
  } catch (e) {
    return { config: resolveReportConfig([]), error: e };
  }
}
