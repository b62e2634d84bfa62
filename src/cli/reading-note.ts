/**
 * How the CLI read a text file, in one line: the encoding (detected or given) and the field separator, so a
 * misread file is noticed and the flag that reads it otherwise is at hand.
 */
import type { Language } from "../engine/text/language";
import { READING_TEXTS, titleRowsSentences, type DelimiterWord } from "../engine/text/reading";
import type { TextEncodingName } from "../workbook/csv/decode";
import type { Delimiter } from "../workbook/csv/parse";
import { delimiterName } from "../workbook/csv/table";
import type { TitleRow } from "../workbook/read-table";

/** How a text file was read, by the in-process reader or the DuckDB path. */
export interface TextReading {
  /** The file's name in messages. */
  source: string;
  encoding: TextEncodingName;
  /** Whether the encoding was told apart from the bytes (false: given). */
  encodingDetected: boolean;
  delimiter: Delimiter;
  /** Title lines above a header-less table, left out of it (the same in both readers; a glob's name their file). */
  titleRows?: readonly TitleRow[];
}

/**
 * The note for a file in another encoding than UTF-8, and on the title lines left out above a header-less
 * table; undefined when there is nothing to notice.
 */
export function readingNote(read: TextReading, language: Language = "en"): string | undefined {
  const texts = READING_TEXTS[language];
  const notes: string[] = [];
  if (!read.encoding.startsWith("utf")) {
    const name = delimiterName(read.delimiter);
    const delimiter = texts.delimiters[name as DelimiterWord] ?? name;
    notes.push(texts.read(read.source, read.encoding, read.encodingDetected, delimiter));
  }
  if (read.titleRows && read.titleRows.length > 0)
    notes.push(...titleRowsSentences(language, { source: read.source }, read.titleRows));
  return notes.length > 0 ? notes.join(texts.partSeparator) : undefined;
}
