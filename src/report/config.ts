/**
 * The REPORT CONFIG: everything a report build can be told, as JSON (a --config file, the settings stored
 * in the workbook, the task pane's form). Defaults make a useful report from any order table; each layer
 * given on top changes only what it names.
 *
 *   resolveReportConfig([stored, fromFile, fromFlags])   // later layers win; every layer is checked
 *
 * Every problem is reported at once, in one line naming where it came from and the setting's path:
 *   report.json: "model.margin" must be a number from 0 to 1 (got "40%")
 */
import { inputError } from "../input-errors";
import {
  labelIn,
  SETTING_TEXTS,
  settingProblem,
  type SettingProblem,
  type SettingsLabel,
} from "./setting-texts";
import { EXCEL_SERIALS } from "../sheet/serial-dates";
import { COLUMN_ROLES, type ColumnOverrides } from "../engine/data/columns";
import { formatDay } from "../engine/data/days";
import { DAY_ORDERS, parseDay, type DateParseOptions, type DayOrder } from "../engine/data/parse-date";
import { ALERT_METRICS, checkAlertRules, DEFAULT_ALERT_RULES, type AlertRule } from "../engine/alerts/rules";
import { RFM_11_SEGMENTS, RFM_8_CLASSES, type RfmSegmentScheme } from "../engine/rfm/segment-schemes";
import {
  checkTierProgram,
  tierMinimumProblems,
  DEFAULT_TIER_PROGRAM,
  hasThresholds,
  type TierProgram,
} from "../engine/tiers/program";
import { TIME_UNITS, type TimeUnit } from "../engine/summary/time-unit";
import type { LineAmounts } from "../engine/data/order-totals";
import {
  TEXT_DELIMITERS,
  TEXT_ENCODING_CHOICES,
  type TextDelimiter,
  type TextEncodingChoice,
} from "../sheet/text-formats";
import { parseHolidayDate, type HolidayEntry } from "../engine/keydates/holidays";
import type { AnalysisConfig } from "../engine/analyze";
import { DEFAULT_PREFERENCE_WINDOW_DAYS } from "../engine/preferences/analyze-preferences";
import { DEFAULT_MIN_SUPPORT } from "../engine/preferences/preferences";
import { CAMPAIGN_COLUMNS, type CampaignColumnOverrides } from "../engine/campaigns/participation";
import { DEFAULT_CAMPAIGN_WINDOW_DAYS } from "../engine/campaigns/measure";
import { LANGUAGES, type Language } from "../engine/text/language";
import { TRANSACTION_MODEL_NAMES, type TransactionModelName } from "../engine/models/registry";
import { CLV_DEFAULTS, monthlyRate } from "../engine/models/clv-conventions";
import { UserError, type UserErrorDetail } from "../user-error";
import {
  boolean,
  deepMerge,
  either,
  listOf,
  nullable,
  numberIn,
  objectOf,
  oneOf,
  text,
  type Check,
  type Fields,
} from "./config-checks";
import { SHEET_KINDS, sheetKindOf, type SheetKind } from "./sheet-kinds";

/** Where the order table is in a workbook: an Excel table, or a sheet (default: found automatically). */
export interface OrderSourceConfig {
  table?: string;
  sheet?: string;
  /** A range of `sheet` ("A1:F5000"); default its used range. */
  range?: string;
  /** Header row: found automatically, none (columns are A, B, C ...), or this sheet row. */
  header: "auto" | "none" | number;
  /** Of a text file: the field separator, and the character encoding (default: detected from the file). */
  delimiter?: TextDelimiter;
  encoding?: TextEncodingChoice;
}

export interface ReportTierProgram extends TierProgram {
  /** Members within this share of the next tier's minimum are upgrade candidates (0.2 = within 20 %). */
  upgradeWithin: number;
}

export interface ModelConfig {
  /**
   * The purchase model: "auto" (the default) chooses among BG/NBD, Pareto/NBD and MBG/NBD the one that
   * predicts the held-out period best; a model name forces that model.
   */
  transaction: "auto" | TransactionModelName;
  /** "Expected purchases in the next N days" on the Customers sheet. */
  horizonDays: number;
  /**
   * Days held back to choose and check the purchase model; "auto": the last quarter of the history, at
   * least 8 weeks; 0: no holdout (the model is then chosen by BIC on the whole history).
   */
  holdoutDays: "auto" | number;
  /** Predicted customer value over this many months. */
  clvMonths: number;
  /** Discount rate per year applied to future purchases (0.1 = 10 %). */
  annualDiscountRate: number;
  /** Share of revenue kept as margin; 1 gives the value in revenue. */
  margin: number;
}

export interface ReportConfig {
  source: OrderSourceConfig;
  /** Column of each role: header text, column letter or 0-based index; null: the data has none. */
  columns: ColumnOverrides;
  /** "YYYY-MM-DD"; null: the last order date. */
  asOf: string | null;
  /** How dates like 03/04/2024 are read; "auto": as a date of the column proves (25/12/2023), else asked. */
  dayOrder: DayOrder | "auto";
  /** Amounts written 1.234,56; "auto": as an amount of the table proves ("12,34"), else asked. */
  decimalComma: boolean | "auto";
  /** Whether the amount column holds line amounts or order totals repeated per line; "auto" decides. */
  lineAmounts: LineAmounts;
  /** Keep the ids the test-account rules would leave out (placeholders, test words, absurd volume). */
  keepTestAccounts: boolean;
  /** Write phone numbers as 138****1234 and e-mails as a***@host, for workbooks that are shared. */
  maskContacts: boolean;
  /** Symbol shown before money ("¥", "$"); "" shows none. */
  currency: string;
  /** Time unit of the models. */
  timeUnit: TimeUnit;
  rfm: { bins: number; frequency: "orders" | "purchaseDays" };
  segmentScheme: "rfm11" | "rfm8";
  tiers: ReportTierProgram;
  alerts: { rules: AlertRule[]; spendWindowDays: number };
  /**
   * Birthdays and anniversaries in the next `days` days, for members of the `topTiers` top tiers; holidays
   * in the next `holidayDays` days (0: none listed). `holidays` adds to the built-in calendar; an entry with
   * the name of a built-in holiday and the same kind of date (every year, or that year) replaces its date.
   */
  keyDates: { days: number; topTiers: number; holidayDays: number; holidays: HolidayEntry[] };
  /** No purchase for more than this many days counts as churned (KPIs). */
  churnWindowDays: number;
  model: ModelConfig;
  /** The sheets to build, in this order. */
  sheets: SheetKind[];
  /** Most rows of each list of members (upgrade candidates, demotion risk, alerts, key dates). */
  listLimit: number;
  /**
   * Category preferences: favourites and tables over the last `windowDays` days; category pairs bought by
   * at least `minSupport` of the members who bought in that time.
   */
  preferences: { windowDays: number; minSupport: number };
  /**
   * Campaign lift: the campaign table's sheet in the workbook (found by this name, "Campaigns" or "活动" by
   * default) and its columns; the window before and after each start when the table gives no end dates;
   * the bootstrap seed; and the campaign whose measured lift becomes the Benefit cost sheet's spend lift
   * (null: the typed assumption stays).
   */
  campaigns: {
    sheet: string | null;
    columns: CampaignColumnOverrides;
    windowDays: number;
    seed: number;
    liftForBenefitCost: string | null;
  };
  /** The language of the sheets (titles, headers, notes, names, tabs); stored, so Refresh keeps it. */
  language: Language;
  /** The call list of the This week sheet: at most `perStore` members per store. */
  thisWeek: { perStore: number };
}

type DeepPartial<T> = T extends readonly (infer _U)[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type PartialReportConfig = DeepPartial<ReportConfig>;

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  source: { header: "auto" },
  columns: {},
  asOf: null,
  dayOrder: "auto",
  decimalComma: "auto",
  lineAmounts: "auto",
  keepTestAccounts: false,
  maskContacts: false,
  currency: "",
  timeUnit: "week",
  rfm: { bins: 5, frequency: "orders" },
  segmentScheme: "rfm11",
  tiers: { ...DEFAULT_TIER_PROGRAM, tiers: [...DEFAULT_TIER_PROGRAM.tiers], upgradeWithin: 0.2 },
  alerts: { rules: [...DEFAULT_ALERT_RULES], spendWindowDays: 90 },
  keyDates: { days: 30, topTiers: 2, holidayDays: 60, holidays: [] },
  churnWindowDays: 90,
  model: {
    transaction: "auto",
    horizonDays: 90,
    holdoutDays: "auto",
    clvMonths: CLV_DEFAULTS.months,
    annualDiscountRate: CLV_DEFAULTS.annualDiscountRate,
    margin: CLV_DEFAULTS.margin,
  },
  sheets: [...SHEET_KINDS],
  listLimit: 1000,
  preferences: { windowDays: DEFAULT_PREFERENCE_WINDOW_DAYS, minSupport: DEFAULT_MIN_SUPPORT },
  campaigns: {
    sheet: null,
    columns: {},
    windowDays: DEFAULT_CAMPAIGN_WINDOW_DAYS,
    seed: 1,
    liftForBenefitCost: null,
  },
  language: "en",
  thisWeek: { perStore: 30 },
};

export const SEGMENT_SCHEMES: Readonly<Record<ReportConfig["segmentScheme"], RfmSegmentScheme>> = {
  rfm11: RFM_11_SEGMENTS,
  rfm8: RFM_8_CLASSES,
};

const asOfDate: Check<string> = (value, path, problems) => {
  const day = typeof value === "string" ? parseDay(value) : NaN;
  if (Number.isFinite(day)) return formatDay(day);
  problems.push(settingProblem("notDate", path, value));
  return undefined;
};

const holidayDate: Check<string> = (value, path, problems) => {
  if (typeof value === "string" && parseHolidayDate(value)) return value.trim();
  problems.push(settingProblem("notHolidayDate", path, value));
  return undefined;
};

const holiday = objectOf<HolidayEntry>({ date: holidayDate, name: text(100), nameZh: text(100) }, [
  "date",
  "name",
]);

const columnRef: Check<string | number | null> = nullable(
  either(text(200), numberIn({ min: 0, integer: true })),
);

const sheetList: Check<SheetKind[]> = (value, path, problems) => {
  const names = listOf(text(100), { min: 1 })(value, path, problems);
  if (!names) return undefined;
  const kinds: SheetKind[] = [];
  for (const name of names) {
    const kind = sheetKindOf(name);
    if (!kind) {
      problems.push(settingProblem("noSuchSheet", path, name, SHEET_KINDS));
    } else if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
};

const tierRule = objectOf(
  {
    key: text(40),
    name: text(40),
    nameZh: text(40),
    minSpend: nullable(numberIn({ min: 0 })),
    minPurchaseDays: nullable(numberIn({ min: 0, integer: true })),
    require: oneOf(["either", "both"] as const),
  },
  ["key", "name"],
);

const qualifyingWindow: Check<TierProgram["window"]> = (value, path, problems) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === "calendarYear")
    return objectOf<TierProgram["window"]>({ kind: text() }, ["kind"])(value, path, problems);
  if (kind === "rolling") {
    return objectOf<TierProgram["window"]>(
      { kind: text(), months: numberIn({ min: 1, max: 120, integer: true }) },
      ["kind", "months"],
    )(value, path, problems);
  }
  problems.push(settingProblem("notWindow", path));
  return undefined;
};

const alertRule = objectOf(
  {
    key: text(40),
    name: text(200),
    nameZh: text(200),
    tiers: listOf(text(40)),
    when: listOf(
      objectOf(
        { metric: oneOf(ALERT_METRICS), op: oneOf([">", ">=", "<", "<="] as const), value: numberIn() },
        ["metric", "op", "value"],
      ),
      { min: 1 },
    ),
  },
  ["key", "name", "when"],
);

const CONFIG_FIELDS: Fields = {
  source: objectOf({
    table: text(255),
    sheet: text(31),
    range: text(40),
    header: either(oneOf(["auto", "none"] as const), numberIn({ min: 1, max: 1_048_576, integer: true })),
    delimiter: oneOf(TEXT_DELIMITERS),
    encoding: oneOf(TEXT_ENCODING_CHOICES),
  }),
  columns: objectOf(Object.fromEntries(COLUMN_ROLES.map((role) => [role, columnRef]))),
  asOf: nullable(asOfDate),
  dayOrder: oneOf([...DAY_ORDERS, "auto"] as const),
  decimalComma: either(boolean(), oneOf(["auto"] as const)),
  lineAmounts: oneOf(["auto", "perLine", "orderTotal"] as const),
  keepTestAccounts: boolean(),
  maskContacts: boolean(),
  currency: text(5),
  timeUnit: oneOf(TIME_UNITS),
  rfm: objectOf({
    bins: numberIn({ min: 2, max: 10, integer: true }),
    frequency: oneOf(["orders", "purchaseDays"] as const),
  }),
  segmentScheme: oneOf(["rfm11", "rfm8"] as const),
  tiers: objectOf({
    tiers: listOf(tierRule, { min: 2, max: 10 }),
    window: qualifyingWindow,
    reviewEveryMonths: numberIn({ min: 1, max: 120, integer: true }),
    demoteAfterPeriods: numberIn({ min: 1, max: 12, integer: true }),
    deriveShares: listOf(numberIn({ min: 0, max: 1 })),
    upgradeWithin: numberIn({ min: 0, max: 1 }),
  }),
  alerts: objectOf({
    rules: listOf(alertRule),
    spendWindowDays: numberIn({ min: 1, max: 3660, integer: true }),
  }),
  keyDates: objectOf({
    days: numberIn({ min: 0, max: 366, integer: true }),
    topTiers: numberIn({ min: 1, max: 10, integer: true }),
    holidayDays: numberIn({ min: 0, max: 366, integer: true }),
    holidays: listOf(holiday, { max: 1000 }),
  }),
  churnWindowDays: numberIn({ min: 1, max: 3660, integer: true }),
  model: objectOf({
    transaction: oneOf(["auto", ...TRANSACTION_MODEL_NAMES] as const),
    horizonDays: numberIn({ min: 1, max: 3660, integer: true }),
    holdoutDays: either(oneOf(["auto"] as const), numberIn({ min: 0, max: 3660, integer: true })),
    clvMonths: numberIn({ min: 1, max: 120, integer: true }),
    annualDiscountRate: numberIn({ min: 0, max: 1 }),
    margin: numberIn({ min: 0, max: 1 }),
  }),
  sheets: sheetList,
  listLimit: numberIn({ min: 10, max: 1_000_000, integer: true }),
  preferences: objectOf({
    windowDays: numberIn({ min: 7, max: 3660, integer: true }),
    minSupport: numberIn({ min: 0.0001, max: 1 }),
  }),
  campaigns: objectOf({
    sheet: nullable(text(31)),
    columns: objectOf(
      Object.fromEntries(
        CAMPAIGN_COLUMNS.map((role) => [role, either(text(200), numberIn({ min: 0, integer: true }))]),
      ),
    ),
    windowDays: numberIn({ min: 7, max: 365, integer: true }),
    seed: numberIn({ min: 0, max: 2 ** 31, integer: true }),
    liftForBenefitCost: nullable(text(200)),
  }),
  language: oneOf(LANGUAGES),
  thisWeek: objectOf({ perStore: numberIn({ min: 1, max: 10_000, integer: true }) }),
  // Written into every stored copy, so later versions can tell old settings apart.
  version: numberIn({ min: 1, integer: true }),
};

/** JSON null in a tier's minimum means "no minimum": the engine wants the field left out. */
function dropNullMinimums(config: ReportConfig): ReportConfig {
  const tiers = config.tiers.tiers.map((t) => {
    const rule = { ...t };
    if (rule.minSpend === null) delete rule.minSpend;
    if (rule.minPurchaseDays === null) delete rule.minPurchaseDays;
    return rule;
  });
  return { ...config, tiers: { ...config.tiers, tiers } };
}

/** The settings' problems as one error; `detail` instead of the list when a coded one says it better. */
function fail(label: SettingsLabel, problems: SettingProblem[], detail?: UserErrorDetail): never {
  const both = { en: labelIn(label, "en"), "zh-CN": labelIn(label, "zh-CN") };
  if (!detail) throw inputError("settingsInvalid", { label: both, problems });
  throw new UserError(`${both.en}: ${problems.map((p) => p.en).join("; ")}`, undefined, detail);
}

/** Checks one layer of settings (a parsed JSON file, the stored settings); `label` names where it came from. */
export function checkConfigLayer(raw: unknown, label: SettingsLabel): PartialReportConfig {
  const problems: SettingProblem[] = [];
  const layer = objectOf<PartialReportConfig & { version?: number }>(CONFIG_FIELDS)(raw, "", problems);
  if (problems.length > 0) fail(label, problems);
  const { version: _version, ...settings } = layer ?? {};
  return settings;
}

/** Parses the text of a JSON settings file (`label`: its name, for messages). */
export function parseConfigText(text: string, label: string): PartialReportConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw inputError("settingsNotJson", { problem: settingProblem("notJson", label, (e as Error).message) });
  }
  return checkConfigLayer(raw, label);
}

/** Problems that involve several settings at once. */
function crossProblems(config: ReportConfig): SettingProblem[] {
  const problems = checkTierProgram(config.tiers).map((p) => settingProblem("tierRules", p));
  const upper = config.tiers.tiers.length - 1;
  const derive = !config.tiers.tiers.slice(0, -1).some(hasThresholds);
  if (derive && config.tiers.deriveShares && config.tiers.deriveShares.length !== upper) {
    problems.push(settingProblem("deriveShares", upper));
  }
  problems.push(...checkAlertRules(config.alerts.rules).map((p) => settingProblem("alertRules", p)));
  const tierKeys = new Set(config.tiers.tiers.map((t) => t.key));
  const ruleKeys = new Set<string>();
  for (const rule of config.alerts.rules) {
    if (ruleKeys.has(rule.key)) problems.push(settingProblem("alertKeyTwice", rule.key));
    ruleKeys.add(rule.key);
    for (const tier of rule.tiers ?? []) {
      if (!tierKeys.has(tier)) {
        problems.push(settingProblem("alertUnknownTier", rule.key, tier, [...tierKeys]));
      }
    }
  }
  if (config.keyDates.topTiers > upper + 1) {
    problems.push(settingProblem("topTiers", config.keyDates.topTiers, upper + 1));
  }
  return problems;
}

/**
 * The config of a build: the defaults with each layer laid on top (later layers win; lists replace
 * lists). Every layer must already be checked (checkConfigLayer); this checks what the layers say together,
 * its problems named by `label` (where the settings came from: a --config file's name; default "report
 * settings").
 */
export function resolveReportConfig(
  layers: readonly (PartialReportConfig | undefined)[],
  label?: SettingsLabel,
): ReportConfig {
  let merged: ReportConfig = DEFAULT_REPORT_CONFIG;
  for (const layer of layers) if (layer) merged = deepMerge(merged, layer);
  const config = dropNullMinimums(merged);
  const tiers = config.tiers.tiers.map((t) => ({ ...t, nameZh: t.nameZh ?? t.name }));
  const rules = config.alerts.rules.map((r) => ({ ...r, nameZh: r.nameZh ?? r.name }));
  const resolved = { ...config, tiers: { ...config.tiers, tiers }, alerts: { ...config.alerts, rules } };
  const problems = crossProblems(resolved);
  if (problems.length > 0) {
    // Tier minimums that clash (typed in the pane) are the likely problem: coded when they are the only one
    // and the settings are not a file the user names (its message names the file).
    const minimums = tierMinimumProblems(resolved.tiers.tiers);
    fail(
      label ?? { en: SETTING_TEXTS.en.reportSettings, "zh-CN": SETTING_TEXTS["zh-CN"].reportSettings },
      problems,
      minimums.length === problems.length && label === undefined
        ? { code: "tierMinimumsInSettings", problems: minimums }
        : undefined,
    );
  }
  return resolved;
}

/** The settings as stored in a workbook: JSON, with a version number. */
export function storedConfig(config: ReportConfig): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ version: 1, ...config })) as Record<string, unknown>;
}

/**
 * How the report reads dates: in the settings' day order (inferred when "auto"), and numbers in a date
 * column as Excel serials, since the report reads sheets and files that Excel (or a tool like it) wrote.
 */
export function dateReadOptions(config: ReportConfig): DateParseOptions {
  return config.dayOrder === "auto"
    ? { serials: EXCEL_SERIALS }
    : { dayOrder: config.dayOrder, serials: EXCEL_SERIALS };
}

/** The engine's settings for the descriptive analysis. */
export function analysisConfigOf(config: ReportConfig): AnalysisConfig {
  return {
    read: {
      columns: config.columns,
      dates: dateReadOptions(config),
      amounts: config.decimalComma === "auto" ? {} : { decimalComma: config.decimalComma },
      lineAmounts: config.lineAmounts,
      ...(config.keepTestAccounts ? { testAccounts: [] } : {}),
      asOf: config.asOf === null ? undefined : parseDay(config.asOf),
    },
    unit: config.timeUnit,
    rfm: { bins: config.rfm.bins, frequency: config.rfm.frequency },
    segmentScheme: SEGMENT_SCHEMES[config.segmentScheme],
    tiers: config.tiers,
    churnWindowDays: config.churnWindowDays,
    alertRules: config.alerts.rules,
    spendWindowDays: config.alerts.spendWindowDays,
    keyDateDays: config.keyDates.days,
  };
}

/** The monthly discount rate equivalent to the annual one (clv-conventions.ts). */
export function monthlyDiscountRate(config: ReportConfig): number {
  return monthlyRate(config.model.annualDiscountRate);
}
