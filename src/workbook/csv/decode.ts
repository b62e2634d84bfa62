/**
 * Bytes of a text file -> text, detecting the encoding the way a user's CSV comes: UTF-8 with or without a
 * byte-order mark (Excel's "CSV UTF-8" writes one), UTF-16 with a BOM (Excel's "Unicode text"), and GBK,
 * the encoding Excel uses for "CSV" on a Chinese-language Windows. Works in the browser too (TextDecoder).
 */

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gbk";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: a legacy Chinese Windows export. GBK decodes any byte sequence (with U+FFFD for
    // the impossible ones), so this never fails.
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk" };
  }
}
