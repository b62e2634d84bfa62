/**
 * Errors and warnings of the engine and the report in the pane's language. An error or warning that a
 * store manager is likely to meet carries its message as a code and values (UserErrorDetail, ModelProblem)
 * beside its English text; the pane says it in its own words from that. One without a code is shown in its
 * English text: the CLI's words, still naming what is wrong and where.
 */
import { ROLE_LABELS, type ColumnRole } from "../../engine/data/columns";
import { DAY_ORDER_UNKNOWN } from "../../engine/data/parse-date";
import { QUALITY_REASONS, type QualityReason } from "../../engine/data/quality";
import type { CellPlace, TablePlace } from "../../engine/data/table";
import type { ModelProblem } from "../../report/report-models";
import type { UserErrorDetail } from "../../user-error";
import { STRINGS, type Language } from "./strings";

export type MessageDetail = UserErrorDetail | ModelProblem;
export type MessageCode = MessageDetail["code"];
/** The detail of code C (a detail type may have several codes, as ModelProblem has). */
type DetailOf<C extends MessageCode> = MessageDetail extends infer D
  ? D extends { code: infer K }
    ? C extends K
      ? D
      : never
    : never
  : never;

/** The words a message is made of, in the pane's language: names of roles and findings, counts, notes. */
export interface MessageWords {
  role: (role: ColumnRole) => string;
  finding: (reason: QualityReason) => string;
  number: (n: number) => string;
  /** What was wrong in a cell (a parser's explanation), in the language where it is a known one. */
  note: (note: string) => string;
  /** A place in the user's data (`text` in English, `place` its parts when known), in the language's words. */
  place: (text: string, place: TablePlace | CellPlace | undefined) => string;
}

/** The words of a place in the user's data: its file, sheet and table names are the user's own. */
export interface PlaceTexts {
  sheet: (name: string) => string;
  table: (name: string) => string;
  row: (n: number) => string;
  column: (letter: string, header: string | undefined) => string;
  separator: string;
}

/**
 * A place said part by part: "orders.csv, sheet Orders, row 2, column B (Date)". Without the table's file
 * or sheet (a table that came from no reader) the parts would say less than `text`, so `text` is kept.
 */
export function placeText(
  texts: PlaceTexts,
  text: string,
  place: TablePlace | CellPlace | undefined,
): string {
  if (!place || (place.file === undefined && place.sheet === undefined)) return text;
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.sheet !== undefined) parts.push(texts.sheet(place.sheet));
  if (place.table !== undefined) parts.push(texts.table(place.table));
  if ("row" in place) parts.push(texts.row(place.row), texts.column(place.column, place.header));
  return parts.join(texts.separator);
}

/** One text per code, each in every language: the Strings tables are typed with this. */
export type MessageTexts = { [C in MessageCode]: (d: DetailOf<C>, w: MessageWords) => string };

/** Known cell notes in Chinese; other notes are the parsers' English words. */
const NOTES_ZH: Record<string, string> = {
  [DAY_ORDER_UNKNOWN]: "日/月顺序未知：请设置日期顺序（日-月-年或月-日-年）",
};

/** A data-quality finding's name in the language; `fallback` for a reason the engine does not list. */
export function findingLabel(language: Language, reason: string, fallback = reason): string {
  const info = QUALITY_REASONS.find((r) => r.reason === reason);
  if (!info) return fallback;
  return language === "zh-CN" ? info.labelZh : info.label;
}

export function messageWords(language: Language): MessageWords {
  const zh = language === "zh-CN";
  return {
    role: (role) => (zh ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en),
    finding: (reason) => findingLabel(language, reason),
    // As the English messages write counts (counted()), and as the pane writes numbers in Chinese.
    number: (n) => n.toLocaleString(zh ? "zh-CN" : "en-US"),
    note: (note) => (zh ? (NOTES_ZH[note] ?? note) : note),
    place: (text, place) => placeText(STRINGS[language].places, text, place),
  };
}

/** The message in the pane's language (`texts`: the language's table, `strings.messages`). */
export function messageText(texts: MessageTexts, language: Language, detail: MessageDetail): string {
  const render = texts[detail.code] as (d: MessageDetail, w: MessageWords) => string;
  return render(detail, messageWords(language));
}

/** What the pane shows of an error or warning: said from its code when it has one, else its English text. */
export function shownText(
  texts: MessageTexts,
  language: Language,
  detail: MessageDetail | undefined,
  englishText: string,
): string {
  return detail ? messageText(texts, language, detail) : englishText;
}
