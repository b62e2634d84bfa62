/**
 * Checks a file before any spreadsheet library touches it, so that each kind of bad input gets a message
 * a user can act on: not a spreadsheet, an old .xls, a password-protected workbook (an encrypted OLE
 * compound file), a truncated or damaged zip, or a zip bomb (declared sizes far beyond any real workbook).
 */
import { inputError } from "../../input-errors";
import { readZipDirectory, ZipFormatError, type ZipEntry } from "./zip-reader";

/** Total uncompressed size we accept: about four times the XML of a 1,000,000-row, 5-column sheet. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Worksheet XML compresses about 10:1; a part over 10 MB that claims more than this is a bomb. */
export const MAX_COMPRESSION_RATIO = 1000;
const RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted .xlsx is an OLE compound file with these streams (names are UTF-16LE). */
const ENCRYPTION_STREAM = Buffer.from("EncryptionInfo", "utf16le");

/** Throws UserError unless `buf` is a zip file; explains what it is instead. */
export function assertZipFile(buf: Buffer, file: string): void {
  if (buf.length === 0) throw inputError("fileEmpty", { file });
  if (buf.subarray(0, 4).equals(ZIP_MAGIC) || buf.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return;
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.includes(ENCRYPTION_STREAM)) {
      throw inputError("xlsxEncrypted", { file });
    }
    throw inputError("xlsxIsOldExcel", { file });
  }
  // Text files have no control bytes other than tab, line feed, carriage return (and form feed).
  const looksLikeText = buf
    .subarray(0, 512)
    .every((b) => b >= 0x20 || b === 9 || b === 10 || b === 12 || b === 13);
  throw inputError(looksLikeText ? "xlsxIsText" : "xlsxNotZip", { file });
}

/** Reads the zip directory and checks it is a workbook of a sane size; returns its entries. */
export function inspectXlsxPackage(buf: Buffer, file: string): ZipEntry[] {
  assertZipFile(buf, file);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buf);
  } catch (e) {
    if (e instanceof ZipFormatError)
      throw inputError("fileIncomplete", { file, problem: { en: e.message, "zh-CN": e.zh } });
    throw e;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("content.xml") && names.has("mimetype")) {
      throw inputError("xlsxIsOds", { file });
    }
    throw inputError("zipNotWorkbook", { file });
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw inputError("zipBomb", {
        file,
        part: e.name,
        ratio: Math.round(ratio),
        size: megabytes(e.uncompressedSize),
      });
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw inputError("xlsxTooLarge", {
      file,
      size: megabytes(total),
      limit: megabytes(MAX_UNCOMPRESSED_BYTES),
    });
  }
  return entries;
}

/** A size in whole megabytes, for messages: "1,100 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;
}
