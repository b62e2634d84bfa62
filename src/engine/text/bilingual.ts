/**
 * A group of texts in both languages, side by side in one module so a translator sees both. The Chinese
 * texts are typed against the English ones: a key missing in either language does not compile (and the
 * catalogue's test walks every key at run time too).
 */
import type { Language } from "./language";

export type Bilingual<T> = Readonly<Record<Language, T>>;

export function bilingual<T>(texts: { en: T; "zh-CN": NoInfer<T> }): Bilingual<T> {
  return texts;
}

/** The English or Chinese name of something that carries both (tiers, segments, alert rules, holidays). */
export function localName(item: { name: string; nameZh?: string }, language: Language): string {
  return language === "zh-CN" && item.nameZh ? item.nameZh : item.name;
}
