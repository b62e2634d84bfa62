/**
 * The language a sheet is written in: the report's setting when it has one (English by default).
 */
export type Language = "en" | "zh-CN";

export function reportLanguage(data: { config: object }): Language {
  const language = (data.config as { language?: unknown }).language;
  return language === "zh-CN" ? "zh-CN" : "en";
}
