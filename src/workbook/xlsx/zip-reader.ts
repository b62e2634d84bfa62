/**
 * A minimal reader of the zip container of an .xlsx file: the central directory (names and declared
 * sizes, read without inflating anything) and the inflation of one entry with a hard cap on its output.
 * We read the directory ourselves, rather than through JSZip or ExcelJS, so that sizes are checked BEFORE
 * anything is inflated (zip bombs) and a truncated file is reported as such instead of as a parser error.
 */
import type { FileHandle } from "node:fs/promises";
import { constants, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
  /** CRC-32 of the uncompressed bytes, and the DOS time and date, as the directory has them. */
  crc32: number;
  dosTime: number;
  dosDate: number;
}

/** A zip file that cannot be read, said in English (its message) and in Chinese (`zh`). */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/** The entries of the central directory. Throws ZipFormatError for a truncated or damaged directory. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22)
    throw new ZipFormatError("the file is too short to be a zip file", "文件太短，不可能是 zip 文件");
  const eocd = findEndOfCentralDirectory(buf);
  const { count, offset } = endRecord(buf, eocd, eocd);
  return directoryEntries(buf.subarray(offset), count);
}

/**
 * The entries of the central directory of a zip FILE, reading only its end (the directory and the record
 * after it), not the parts: to check a big file part by part.
 */
export async function readZipDirectoryOfFile(file: FileHandle): Promise<ZipEntry[]> {
  const { size } = await file.stat();
  if (size < 22)
    throw new ZipFormatError("the file is too short to be a zip file", "文件太短，不可能是 zip 文件");
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await readAt(file, tailStart, size - tailStart);
  const eocd = findEndOfCentralDirectory(tail);
  const { count, offset } = endRecord(tail, eocd, tailStart + eocd);
  return directoryEntries(await readAt(file, offset, size - offset), count);
}

/** `length` bytes of a file from `position`. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const out = Buffer.alloc(length);
  for (let at = 0; at < length;) {
    const { bytesRead } = await file.read(out, at, length - at, position + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return out;
}

/**
 * The number of entries and the offset of the directory, from the end record at `eocd` of `buf` (-1: none);
 * `eocdInFile`: where that record is in the file (the directory must lie before it).
 */
function endRecord(buf: Buffer, eocd: number, eocdInFile: number): { count: number; offset: number } {
  if (eocd < 0)
    throw new ZipFormatError(
      "the end of the zip directory is missing (the file is truncated)",
      "zip 目录的结尾缺失（文件被截断了）",
    );
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === ZIP64_MARKER || size === ZIP64_MARKER) {
    throw new ZipFormatError(
      "the file is a zip64 archive, larger than any workbook this tool reads",
      "该文件是 zip64 压缩包，比本工具可读取的任何工作簿都大",
    );
  }
  if (offset + size > eocdInFile)
    throw new ZipFormatError(
      "the zip directory points outside the file (truncated)",
      "zip 目录指向了文件之外（文件被截断了）",
    );
  return { count, offset };
}

/** `count` entries of a directory that starts at the start of `dir`. */
function directoryEntries(dir: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError("the zip directory is damaged", "zip 目录已损坏");
    }
    const flags = dir.readUInt16LE(p + 8);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: dir.toString("utf8", p + 46, p + 46 + nameLength),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
      crc32: dir.readUInt32LE(p + 16),
      dosTime: dir.readUInt16LE(p + 12),
      dosDate: dir.readUInt16LE(p + 14),
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset].includes(ZIP64_MARKER)) {
      throw new ZipFormatError(
        `part ${entry.name} is a zip64 entry, larger than any workbook this tool reads`,
        `部件 ${entry.name} 是 zip64 条目，比本工具可读取的任何工作簿都大`,
      );
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry as they are in the file (to copy it to another zip unchanged). */
export function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(
      `part ${entry.name} is missing or damaged (the file is truncated)`,
      `部件 ${entry.name} 缺失或已损坏（文件被截断了）`,
    );
  }
  if (entry.encrypted)
    throw new ZipFormatError(`part ${entry.name} is encrypted`, `部件 ${entry.name} 已加密`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(
      `part ${entry.name} uses compression method ${entry.method}, which is not supported`,
      `部件 ${entry.name} 使用了不支持的压缩方法 ${entry.method}`,
    );
  }
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length)
    throw new ZipFormatError(
      `part ${entry.name} is cut off (the file is truncated)`,
      `部件 ${entry.name} 不完整（文件被截断了）`,
    );
  return buf.subarray(start, end);
}

/**
 * The first bytes of an entry (at least what `compressedBytes` of its compressed data hold), without
 * inflating the rest: enough to read the <dimension> at the top of a big worksheet.
 */
export function readZipEntryStart(buf: Buffer, entry: ZipEntry, compressedBytes = 8192): Buffer {
  const data = entryData(buf, entry);
  if (entry.method === 0) return data.subarray(0, compressedBytes);
  try {
    return inflateRawSync(data.subarray(0, compressedBytes), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    throw new ZipFormatError(
      `part ${entry.name} cannot be decompressed (the file is damaged)`,
      `部件 ${entry.name} 无法解压（文件已损坏）`,
    );
  }
}

/**
 * The bytes of one entry, inflated. Inflation stops with an error past the declared size, so an entry
 * whose directory lies about its size cannot exhaust memory.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const data = entryData(buf, entry);
  if (entry.method === 0) return data;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (out.length !== entry.uncompressedSize) throw new Error("size mismatch");
    return out;
  } catch {
    throw new ZipFormatError(
      `part ${entry.name} cannot be decompressed (the file is damaged)`,
      `部件 ${entry.name} 无法解压（文件已损坏）`,
    );
  }
}
