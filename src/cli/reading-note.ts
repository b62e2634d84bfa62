/**
 * How the CLI read a text file, in one line: the encoding (detected or given) and the field separator, so a
 * misread file is noticed and the flag that reads it otherwise is at hand.
 */
import type { Language } from "../engine/text/language";
import { READING_TEXTS, type DelimiterWord } from "../engine/text/reading";
import type { TextEncodingName } from "../workbook/csv/decode";
import type { Delimiter } from "../workbook/csv/parse";
import { delimiterName } from "../workbook/csv/table";

/** How a text file was read, by the in-process reader or the DuckDB path. */
export interface TextReading {
  /** The file's name in messages. */
  source: string;
  encoding: TextEncodingName;
  /** Whether the encoding was told apart from the bytes (false: given). */
  encodingDetected: boolean;
  delimiter: Delimiter;
}

/** The note for a file in another encoding than UTF-8 (undefined for UTF-8: nothing to notice). */
export function readingNote(read: TextReading, language: Language = "en"): string | undefined {
  if (read.encoding.startsWith("utf")) return undefined;
  const texts = READING_TEXTS[language];
  const name = delimiterName(read.delimiter);
  const delimiter = texts.delimiters[name as DelimiterWord] ?? name;
  return texts.read(read.source, read.encoding, read.encodingDetected, delimiter);
}
