/**
 * Bytes of a text file -> text. The encoding is given, or told apart by validity and character statistics:
 * a byte-order mark (Excel's "CSV UTF-8" and "Unicode text"), valid UTF-8, else the legacy encodings that
 * decode the bytes without error ranked by chardet's statistics: GBK/GB18030 (Excel's "CSV" on a Chinese
 * Windows), Big5 (Traditional Chinese), Windows-1252/Latin-1 (Western Europe). Latin-1 bytes also decode
 * as GBK ("Müller" -> "M黮ler"), so validity alone cannot decide. Works in the browser too (TextDecoder).
 */
import chardet from "chardet";
import type { TextEncodingChoice } from "../../sheet/text-formats";

export type TextEncodingName =
  "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gbk" | "big5" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the encoding was told apart from the bytes, false when it was given. */
  detected: boolean;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** TextDecoder's label for each name (GBK is read with GB18030, its superset). */
const DECODER_LABEL: Record<TextEncodingName, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gbk: "gb18030",
  big5: "big5",
  "windows-1252": "windows-1252",
};

const GIVEN: Record<TextEncodingChoice, TextEncodingName> = {
  "utf-8": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gbk: "gbk",
  gb18030: "gbk",
  big5: "big5",
  "windows-1252": "windows-1252",
  // The WHATWG decoders read ISO-8859-1 as Windows-1252, which only adds characters in 0x80-0x9F.
  "iso-8859-1": "windows-1252",
};

/** A streaming decoder of `encoding` (a byte-order mark is skipped), for files read in pieces. */
export function textDecoderOf(encoding: TextEncodingName): TextDecoder {
  return new TextDecoder(DECODER_LABEL[encoding]);
}

/** chardet's names of the encodings we read. */
function fromChardet(name: string): TextEncodingName | undefined {
  const n = name.toLowerCase();
  if (n === "gb18030" || n === "gbk" || n === "gb2312") return "gbk";
  if (n === "big5") return "big5";
  if (/^(iso-8859-(1|15|9)|windows-125[02])$/.test(n)) return "windows-1252";
  return undefined;
}

function decodes(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A MB of the lines that are not ASCII is enough for the statistics; the whole file is decoded once the
 * encoding is chosen.
 */
export const SAMPLE_BYTES = 1 << 20;

/**
 * Share of the bytes ≥ 0x80 that stand alone between ASCII bytes. Western text has accented letters one at
 * a time among plain ones ("Müller", "Zoé"); Chinese text in GBK or Big5 has its characters as pairs of
 * high bytes, mostly in runs ("客户ID").
 */
function isolatedHighShare(bytes: Uint8Array): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    const before = i > 0 && bytes[i - 1] >= 0x80;
    const after = i + 1 < bytes.length && bytes[i + 1] >= 0x80;
    if (!before && !after) isolated++;
  }
  return high === 0 ? 0 : isolated / high;
}

/** chardet's confidence (0-100) above which a file is read as Big5 rather than GBK. */
const BIG5_CONFIDENCE = 50;

/** Index of the first byte that is not ASCII from `from` on, or -1. */
function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * Where the sample that decides a legacy encoding starts: the line holding the first byte that is not
 * ASCII, wherever it is. A file whose first megabyte is plain ASCII (ids, dates, amounts) and whose first
 * "Zoé" or "张三" comes later is judged on those bytes, not on ASCII alone. A line break is never part of
 * a GBK or Big5 character, so the sample starts on a character.
 */
export function legacySampleStart(bytes: Uint8Array): number {
  const high = firstNonAscii(bytes);
  if (high < 0) return 0;
  const lineBreak = Math.max(bytes.lastIndexOf(0x0a, high), bytes.lastIndexOf(0x0d, high));
  return lineBreak + 1;
}

/**
 * The encoding of a text that is not UTF-8 and has no byte-order mark, from SAMPLE_BYTES + 1 bytes from
 * `legacySampleStart` (fewer at the end of the text): what a reader streaming a file (the DuckDB path)
 * reads to decide as decodeText does on the whole of it.
 */
export function legacyEncodingOfSample(bytes: Uint8Array): TextEncodingName {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // A sample cut in the middle of a character fails to decode at its end only: trim it.
  const whole = bytes.length <= SAMPLE_BYTES ? sample : sample.subarray(0, SAMPLE_BYTES - 4);
  if (isolatedHighShare(sample) > 0.5) return "windows-1252";
  // Big5 bytes are nearly always valid GBK too: Big5 only when chardet's statistics are sure of it and
  // like it better than GBK (on a few characters both may score 100).
  const matches = chardet.analyse(sample);
  const confidence = (name: TextEncodingName) =>
    Math.max(0, ...matches.filter((m) => fromChardet(m.name) === name).map((m) => m.confidence));
  const big5 = confidence("big5");
  const ranked: TextEncodingName[] =
    big5 >= BIG5_CONFIDENCE && big5 > confidence("gbk") ? ["big5", "gbk"] : ["gbk", "big5"];
  return ranked.find((name) => decodes(whole, name) !== undefined) ?? "windows-1252";
}

/** The legacy encoding of a whole text that is not UTF-8, decided on its sample (legacySampleStart). */
function legacyEncoding(bytes: Uint8Array): TextEncodingName {
  const start = legacySampleStart(bytes);
  return legacyEncodingOfSample(bytes.subarray(start, start + SAMPLE_BYTES + 1));
}

export function decodeText(bytes: Uint8Array, given?: TextEncodingChoice): DecodedText {
  if (given !== undefined) {
    const encoding = GIVEN[given];
    const bom = encoding === "utf-8" && startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    const utf16Bom =
      encoding.startsWith("utf-16") && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]));
    const body = bytes.subarray(bom || (utf16Bom ? 2 : 0));
    return { text: new TextDecoder(DECODER_LABEL[encoding]).decode(body), encoding, detected: false };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "utf-8-bom",
      detected: true,
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      detected: true,
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
      detected: true,
    };
  }
  const utf8 = decodes(bytes, "utf-8");
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", detected: true };
  const encoding = legacyEncoding(bytes);
  // Not fatal here: a stray byte in a big file becomes U+FFFD rather than refusing the whole file.
  return { text: new TextDecoder(DECODER_LABEL[encoding]).decode(bytes), encoding, detected: true };
}
