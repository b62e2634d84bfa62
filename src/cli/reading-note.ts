/**
 * How the CLI read a text file, in one line: the encoding (detected or given) and the field separator, so a
 * misread file is noticed and the flag that reads it otherwise is at hand.
 */
import type { Language } from "../engine/text/language";
import { READING_TEXTS, type DelimiterWord } from "../engine/text/reading";
import { delimiterName, type CsvTable } from "../workbook/csv/table";

export function readingNote(csv: CsvTable, language: Language = "en"): string {
  const texts = READING_TEXTS[language];
  const name = delimiterName(csv.delimiter);
  const delimiter = texts.delimiters[name as DelimiterWord] ?? name;
  return texts.read(csv.table.source, csv.encoding, csv.encodingDetected, delimiter);
}
