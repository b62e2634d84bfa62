/**
 * The generated sheets of the report: their kind (the identity the workbook finds them by), the visible
 * name in each language (the workbook adds the "LL " prefix) and the words a user may type for them in
 * `--sheets`.
 */
import type { Language } from "../engine/text/language";
import { SHEET_NAME_TEXTS } from "../engine/text/sheet-names";

export const SHEET_KINDS = [
  "this-week",
  "customers",
  "segments",
  "tiers",
  "kpis",
  "alerts",
  "key-dates",
  "preferences",
  "campaigns",
  "model",
  "benefit-cost",
  "data-quality",
] as const;

export type SheetKind = (typeof SHEET_KINDS)[number];

/** The English names (the names a user types in `--sheets`, in either language's words). */
export const SHEET_NAMES: Readonly<Record<SheetKind, string>> = SHEET_NAME_TEXTS.en;

/** The visible name of a generated sheet in a language (without the "LL " prefix). */
export function sheetName(kind: SheetKind, language: Language): string {
  return SHEET_NAME_TEXTS[language][kind];
}

/** "Key dates", "key_dates", "KeyDates" and "key-dates" all name the same sheet. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The kind a user means by `text` (a kind or a sheet name, with or without the "LL " prefix). */
export function sheetKindOf(text: string): SheetKind | undefined {
  const wanted = squash(text.replace(/^LL\s+/i, ""));
  return SHEET_KINDS.find(
    (k) =>
      squash(k) === wanted || squash(SHEET_NAMES[k]) === wanted || squash(sheetName(k, "zh-CN")) === wanted,
  );
}
