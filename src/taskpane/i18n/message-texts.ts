/**
 * Errors and warnings of the engine and the report in the pane's language. An error or warning that a
 * store manager is likely to meet carries its message as a code and values (UserErrorDetail, ModelProblem)
 * beside its English text; the pane says it in its own words from that. One without a code is shown in its
 * English text: the CLI's words, still naming what is wrong and where.
 */
import { ROLE_LABELS, type ColumnRole } from "../../engine/data/columns";
import { qualityNote } from "../../engine/text/data-quality";
import { QUALITY_REASONS, type QualityReason } from "../../engine/data/quality";
import type { CellPlace, TablePlace } from "../../engine/data/table";
import { placeText } from "../../engine/text/places";
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

/** One text per code, each in every language: the Strings tables are typed with this. */
export type MessageTexts = { [C in MessageCode]: (d: DetailOf<C>, w: MessageWords) => string };

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
    note: (note) => qualityNote(note, language),
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
