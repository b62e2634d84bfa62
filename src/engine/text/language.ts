/**
 * The languages Loyalty Lens speaks: English and Simplified Chinese, the same two for the task pane, the
 * CLI's messages, the functions' errors and every generated sheet (SPEC §6). Every Chinese locale gets the
 * Simplified Chinese texts (the only Chinese there is), everything else English.
 */
export type Language = "en" | "zh-CN";

export const LANGUAGES: readonly Language[] = ["en", "zh-CN"];

/** The language of a locale tag ("zh-TW" and "zh" -> zh-CN, "fr-FR" -> en). */
export function languageOf(tag: string | undefined | null): Language {
  return tag && /^zh\b/i.test(tag) ? "zh-CN" : "en";
}
