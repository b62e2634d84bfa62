/**
 * What a file that should be an .xlsx workbook is, from its first bytes, before any library reads it: a
 * zip (a workbook, maybe), an old .xls or a password-protected workbook (OLE compound files), a text file,
 * or something else. Plain bytes and no Node module: the task pane's preview checks a dropped file with it.
 */
import { inputError } from "../../input-errors";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An encrypted .xlsx is an OLE compound file with these streams (names are UTF-16LE). */
const ENCRYPTION_STREAM = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);

const startsWith = (buf: Uint8Array, magic: readonly number[]) => magic.every((b, i) => buf[i] === b);

/** Whether `buf` holds the bytes of `needle` somewhere. */
function holds(buf: Uint8Array, needle: readonly number[]): boolean {
  for (let at = buf.indexOf(needle[0]); at >= 0; at = buf.indexOf(needle[0], at + 1)) {
    if (needle.every((b, i) => buf[at + i] === b)) return true;
  }
  return false;
}

/** Throws UserError unless `buf` is a zip file; explains what it is instead. */
export function assertZipFile(buf: Uint8Array, file: string): void {
  if (buf.length === 0) throw inputError("fileEmpty", { file });
  if (startsWith(buf, ZIP_MAGIC) || startsWith(buf, EMPTY_ZIP_MAGIC)) return;
  if (startsWith(buf, CFB_MAGIC)) {
    if (holds(buf, ENCRYPTION_STREAM)) {
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
