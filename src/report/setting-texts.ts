/**
 * What is wrong with a setting (a --config file, the flags of the command line, the settings stored in a
 * workbook), in both languages side by side: the checkers of config-checks.ts and config.ts record each
 * problem in both, so the error names it in the language of the front end that shows it. Setting paths
 * ("model.margin") and the values a user wrote stay as they are.
 */
import { bilingual } from "../engine/text/bilingual";
import type { Language } from "../engine/text/language";
import {
  alertProblemText,
  tierProblemText,
  type AlertRuleProblem,
  type TierProgramProblem,
} from "../engine/text/rule-problems";

/** A problem in both languages. */
export type SettingProblem = Readonly<Record<Language, string>>;

/** A value as a problem shows what it got: JSON for a value, words for a list or an object. */
function shownIn(language: Language, value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return language === "zh-CN" ? "一个列表" : "a list";
  if (typeof value === "object") return language === "zh-CN" ? "一个对象" : "an object";
  return JSON.stringify(value);
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

const quotedList = (items: readonly string[], separator: string) =>
  items.map((c) => `"${c}"`).join(separator);

const en = {
  number: (path: string, rule: NumberRule, got: unknown) => {
    const kind = rule.integer ? "a whole number" : "a number";
    const range =
      rule.min !== undefined && rule.max !== undefined
        ? ` from ${rule.min} to ${rule.max}`
        : rule.min !== undefined
          ? ` of at least ${rule.min}`
          : rule.max !== undefined
            ? ` of at most ${rule.max}`
            : "";
    return `"${path}" must be ${kind}${range} (got ${shownIn("en", got)})`;
  },
  tooLong: (path: string, max: number) => `"${path}" must be at most ${max} characters long`,
  notText: (path: string, got: unknown) => `"${path}" must be text (got ${shownIn("en", got)})`,
  notOneOf: (path: string, choices: readonly string[], got: unknown) =>
    `"${path}" must be one of ${quotedList(choices, ", ")} (got ${shownIn("en", got)})`,
  notBoolean: (path: string, got: unknown) => `"${path}" must be true or false (got ${shownIn("en", got)})`,
  notList: (path: string, got: unknown) => `"${path}" must be a list (got ${shownIn("en", got)})`,
  tooFew: (path: string, min: number) => `"${path}" needs at least ${min} item${min === 1 ? "" : "s"}`,
  tooMany: (path: string, max: number) => `"${path}" has more than ${max} items`,
  notObject: (path: string, got: unknown) =>
    `${path ? `"${path}"` : "the settings"} must be an object (got ${shownIn("en", got)})`,
  unknown: (path: string, known: readonly string[]) =>
    `unknown setting "${path}" (known: ${quotedList(known, ", ")})`,
  missing: (path: string) => `"${path}" is missing`,
  notDate: (path: string, got: unknown) =>
    `"${path}" must be a date such as "2024-12-31" (got ${JSON.stringify(got)})`,
  notHolidayDate: (path: string, got: unknown) =>
    `"${path}" must be a date "MM-DD" (every year) or "YYYY-MM-DD" (that year) (got ${JSON.stringify(got)})`,
  noSuchSheet: (path: string, name: string, sheets: readonly string[]) =>
    `"${path}": no sheet "${name}" (the sheets are ${sheets.join(", ")})`,
  notWindow: (path: string) =>
    `"${path}" must be {"kind": "rolling", "months": 12} or {"kind": "calendarYear"}`,
  deriveShares: (upper: number) =>
    `"tiers.deriveShares" needs one share for each of the ${upper} tiers above the base`,
  alertKeyTwice: (key: string) => `alert rule key "${key}" is used twice`,
  alertUnknownTier: (rule: string, tier: string, tiers: readonly string[]) =>
    `alert rule "${rule}" names tier "${tier}", which the tier rules do not have ` +
    `(they have ${quotedList(tiers, ", ")})`,
  topTiers: (value: number, tiers: number) => `"keyDates.topTiers" is ${value} but there are ${tiers} tiers`,
  // The engine's checks of the tier rules and the alert rules.
  tierRules: (problem: TierProgramProblem) => `tier rules: ${tierProblemText("en", problem)}`,
  alertRules: (problem: AlertRuleProblem) => alertProblemText("en", problem),
  // Where the settings came from, when it is not a name the user gave (a file, a flag).
  commandLine: "the command line",
  reportSettings: "report settings",
  inThePane: "the settings in the pane",
  storedIn: (book: string) => `${book}: the Loyalty Lens settings stored in it`,
  storedInWorkbook: "the Loyalty Lens settings stored in the workbook",
  notJson: (label: string, reason: string) => `${label} is not valid JSON: ${reason}`,
};

export const SETTING_TEXTS = bilingual<typeof en>({
  en,
  "zh-CN": {
    number: (path: string, rule: NumberRule, got: unknown) => {
      const range =
        rule.min !== undefined && rule.max !== undefined
          ? `${rule.min} 到 ${rule.max} 之间的`
          : rule.min !== undefined
            ? `不小于 ${rule.min} 的`
            : rule.max !== undefined
              ? `不大于 ${rule.max} 的`
              : "";
      return `"${path}" 必须是${range ? ` ${range}` : ""}${rule.integer ? "整数" : "数字"}（实际为 ${shownIn("zh-CN", got)}）`;
    },
    tooLong: (path: string, max: number) => `"${path}" 最多 ${max} 个字符`,
    notText: (path: string, got: unknown) => `"${path}" 必须是文本（实际为 ${shownIn("zh-CN", got)}）`,
    notOneOf: (path: string, choices: readonly string[], got: unknown) =>
      `"${path}" 必须是以下之一：${quotedList(choices, "、")}（实际为 ${shownIn("zh-CN", got)}）`,
    notBoolean: (path: string, got: unknown) =>
      `"${path}" 必须是 "true" 或 "false"（实际为 ${shownIn("zh-CN", got)}）`,
    notList: (path: string, got: unknown) => `"${path}" 必须是列表（实际为 ${shownIn("zh-CN", got)}）`,
    tooFew: (path: string, min: number) => `"${path}" 至少需要 ${min} 项`,
    tooMany: (path: string, max: number) => `"${path}" 超过了 ${max} 项`,
    notObject: (path: string, got: unknown) =>
      `${path ? `"${path}" ` : "设置"}必须是对象（实际为 ${shownIn("zh-CN", got)}）`,
    unknown: (path: string, known: readonly string[]) =>
      `未知的设置 "${path}"（已知的设置：${quotedList(known, "、")}）`,
    missing: (path: string) => `缺少 "${path}"`,
    notDate: (path: string, got: unknown) =>
      `"${path}" 必须是日期，如 "2024-12-31"（实际为 ${JSON.stringify(got)}）`,
    notHolidayDate: (path: string, got: unknown) =>
      `"${path}" 必须是日期 "MM-DD"（每年）或 "YYYY-MM-DD"（仅当年）（实际为 ${JSON.stringify(got)}）`,
    noSuchSheet: (path: string, name: string, sheets: readonly string[]) =>
      `"${path}"：没有工作表 "${name}"（可用的工作表：${quotedList(sheets, "、")}）`,
    notWindow: (path: string) =>
      `"${path}" 必须是 {"kind": "rolling", "months": 12} 或 {"kind": "calendarYear"}`,
    deriveShares: (upper: number) =>
      `"tiers.deriveShares" 需要为基础等级以上的 ${upper} 个等级各给出一个比例`,
    alertKeyTwice: (key: string) => `预警规则的键 "${key}" 被使用了两次`,
    alertUnknownTier: (rule: string, tier: string, tiers: readonly string[]) =>
      `预警规则 "${rule}" 指定的等级 "${tier}" 不在等级规则中（等级规则中有 ${quotedList(tiers, "、")}）`,
    topTiers: (value: number, tiers: number) => `"keyDates.topTiers" 为 ${value}，但只有 ${tiers} 个等级`,
    tierRules: (problem: TierProgramProblem) => `等级规则：${tierProblemText("zh-CN", problem)}`,
    alertRules: (problem: AlertRuleProblem) => alertProblemText("zh-CN", problem),
    commandLine: "命令行",
    reportSettings: "报告设置",
    inThePane: "窗格中的设置",
    storedIn: (book: string) => `${book} 中保存的 Loyalty Lens 设置`,
    storedInWorkbook: "工作簿中保存的 Loyalty Lens 设置",
    // The parser's reason is English: its position in the file is what it says in Chinese.
    notJson: (label: string, reason: string) => {
      const at = /position (\d+)/.exec(reason)?.[1];
      return `${label} 不是有效的 JSON${at ? `（第 ${Number(at) + 1} 个字符附近）` : ""}`;
    },
  },
});

type Texts = typeof en;
type ProblemKey = {
  [K in keyof Texts]: Texts[K] extends (...args: never[]) => string ? K : never;
}[keyof Texts];

/** The problem `key` with its values, said in both languages. */
export function settingProblem<K extends ProblemKey>(
  key: K,
  ...values: Parameters<Texts[K]>
): SettingProblem {
  const say = (language: Language) =>
    (SETTING_TEXTS[language][key] as (...args: Parameters<Texts[K]>) => string)(...values);
  return { en: say("en"), "zh-CN": say("zh-CN") };
}

/** Where settings came from: a name the user gave (a file, a flag), or words in both languages. */
export type SettingsLabel = string | SettingProblem;

export function labelIn(label: SettingsLabel, language: Language): string {
  return typeof label === "string" ? label : label[language];
}
