/**
 * Checks a file before any spreadsheet library touches it, so that each kind of bad input gets a message
 * a user can act on: not a spreadsheet, an old .xls, a password-protected workbook (an encrypted OLE
 * compound file), a truncated or damaged zip, or a zip bomb (declared sizes far beyond any real workbook).
 */
import { inputError } from "../../input-errors";
import { readZipDirectory, ZipFormatError, type ZipEntry } from "./zip-reader";
import { assertZipFile } from "./zip-sniff";

/** Total uncompressed size we accept: about four times the XML of a 1,000,000-row, 5-column sheet. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Worksheet XML compresses about 10:1; a part over 10 MB that claims more than this is a bomb. */
export const MAX_COMPRESSION_RATIO = 1000;
const RATIO_CHECK_FROM_BYTES = 10 * 1024 * 1024;

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
