/**
 * The ways a text (CSV) file can be told to be read, shared by the report settings and the CSV reader:
 * its field separator and its character encoding. Without them both are detected from the file.
 */

/** Field separators by name ("whitespace": columns aligned with runs of blanks, as the CDNOW files). */
export const TEXT_DELIMITERS = ["comma", "semicolon", "tab", "pipe", "whitespace"] as const;
export type TextDelimiter = (typeof TEXT_DELIMITERS)[number];

/** The character each named separator stands for. */
export const DELIMITER_CHARACTERS: Readonly<Record<Exclude<TextDelimiter, "whitespace">, string>> = {
  comma: ",",
  semicolon: ";",
  tab: "\t",
  pipe: "|",
};

/** Encodings a file can be read in (the names TextDecoder knows, in browsers and Node alike). */
export const TEXT_ENCODING_CHOICES = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "gbk",
  "gb18030",
  "big5",
  "windows-1252",
  "iso-8859-1",
] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODING_CHOICES)[number];

/** A delimiter as a user types it on a command line (",", ";", "tab", "\t", "space") -> its name. */
export function delimiterNamed(text: string): TextDelimiter | undefined {
  const t = text.trim().toLowerCase();
  if (t === "\\t" || t === "\t" || text === "\t") return "tab";
  const byChar = (Object.entries(DELIMITER_CHARACTERS) as [TextDelimiter, string][]).find(
    ([, c]) => c === text,
  );
  if (byChar) return byChar[0];
  if (t === "space" || t === "spaces" || t === "blank" || t === "whitespace") return "whitespace";
  return (TEXT_DELIMITERS as readonly string[]).includes(t) ? (t as TextDelimiter) : undefined;
}

/** An encoding as a user types it ("UTF8", "latin1", "cp1252", "GB2312") -> its name. */
export function encodingNamed(text: string): TextEncodingChoice | undefined {
  const t = text.trim().toLowerCase().replace(/_/g, "-");
  const aliases: Record<string, TextEncodingChoice> = {
    utf8: "utf-8",
    "utf-8-bom": "utf-8",
    utf16le: "utf-16le",
    utf16be: "utf-16be",
    gb2312: "gbk",
    cp936: "gbk",
    "gb-18030": "gb18030",
    latin1: "iso-8859-1",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
    cp1252: "windows-1252",
    "win-1252": "windows-1252",
    big5hkscs: "big5",
  };
  if (aliases[t]) return aliases[t];
  return (TEXT_ENCODING_CHOICES as readonly string[]).includes(t) ? (t as TextEncodingChoice) : undefined;
}
