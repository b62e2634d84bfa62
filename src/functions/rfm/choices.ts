/**
 * The named choices of the RFM functions: segment schemes and the language of segment names. Users
 * type a scheme's id ("rfm11"), a short form ("11") or its name; the tables themselves are the
 * engine's (src/engine/rfm/segment-schemes.ts).
 */
import {
  FOUR_VALUE_CLASSES,
  ONE_EIGHT_ONE,
  RFM_11_SEGMENTS,
  RFM_8_CLASSES,
  type RfmSegmentScheme,
  type ValueBandScheme,
} from "../../engine/rfm/segment-schemes";

function spellings<T extends { id: string; name: string; nameZh: string }>(
  scheme: T,
  short: string,
): Record<string, T> {
  return { [scheme.id]: scheme, [short]: scheme, [scheme.name]: scheme, [scheme.nameZh]: scheme };
}

export const RFM_SCHEMES: Readonly<Record<string, RfmSegmentScheme>> = {
  ...spellings(RFM_11_SEGMENTS, "11"),
  ...spellings(RFM_8_CLASSES, "8"),
};

export const VALUE_BAND_SCHEMES: Readonly<Record<string, ValueBandScheme>> = {
  ...spellings(ONE_EIGHT_ONE, "1-8-1"),
  ...spellings(FOUR_VALUE_CLASSES, "4"),
};

export type NameLanguage = "en" | "zh";

export const LANGUAGES: Readonly<Record<string, NameLanguage>> = {
  en: "en",
  english: "en",
  zh: "zh",
  "zh-cn": "zh",
  chinese: "zh",
  中文: "zh",
};

/** A segment's name in the language asked for. */
export function segmentName(segment: { name: string; nameZh: string }, language: NameLanguage): string {
  return language === "zh" ? segment.nameZh : segment.name;
}
