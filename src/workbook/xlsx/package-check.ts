/**
 * The check of a workbook file just written, before it replaces anything (atomic-write.ts): its zip
 * directory reads, its workbook part lists sheets whose parts are there, and EVERY part inflates to the size
 * and CRC-32 the directory gives. Each part is inflated as a stream, a megabyte at a time, on libuv's
 * threads: a million customers' sheets (over 1 GB of XML with their contact columns) are checked without
 * being held, where reading the file back whole refused anything past 1 GB. Nothing is parsed but the
 * workbook part and its relationships.
 */
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw, crc32 } from "node:zlib";
import { inputError } from "../../input-errors";
import { attributes, parseRelationships, startTags } from "./xml-text";
import { readAt, readZipDirectoryOfFile, ZipFormatError, type ZipEntry } from "./zip-reader";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
/** Parts inflated at once: the big sheets of a report go on two threads while the others wait. */
const AT_ONCE = 2;

/** Throws a UserError naming `label` (the file's name) and the part when the file at `path` is not whole. */
export async function checkWrittenWorkbook(path: string, label: string): Promise<void> {
  const file = await open(path, "r");
  try {
    let entries: ZipEntry[];
    try {
      entries = await readZipDirectoryOfFile(file);
    } catch (e) {
      if (e instanceof ZipFormatError)
        throw inputError("fileIncomplete", { file: label, problem: { en: e.message, "zh-CN": e.zh } });
      throw e;
    }
    const names = new Set(entries.map((e) => e.name));
    if (!names.has(WORKBOOK)) throw inputError("zipNotWorkbook", { file: label });
    const texts = new Map<string, string>();
    const queue = [...entries];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const kept = entry.name === WORKBOOK || entry.name === WORKBOOK_RELS;
        const text = await checkPart(file, path, entry, kept).catch((e: unknown) => {
          throw e instanceof ZipFormatError
            ? inputError("partNotDecompressed", { file: label, part: entry.name })
            : e;
        });
        if (text !== undefined) texts.set(entry.name, text);
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    checkSheetsListed(texts, names, label);
  } finally {
    await file.close();
  }
}

/** The workbook part lists sheets, each with its part in the file. */
function checkSheetsListed(texts: Map<string, string>, names: Set<string>, label: string): void {
  const rels = parseRelationships(texts.get(WORKBOOK_RELS) ?? "", WORKBOOK);
  const ids = startTags(texts.get(WORKBOOK) ?? "", "sheet").map((tag) => attributes(tag)["r:id"]);
  // A chart sheet is listed too: its part must be there as a worksheet's must.
  const partOf = (id: string) => rels.find((r) => r.id === id)?.target;
  const missing = ids.length === 0 ? WORKBOOK : ids.map(partOf).find((part) => !part || !names.has(part));
  if (ids.length === 0 || missing !== undefined || ids.some((id) => !partOf(id))) {
    throw inputError("partNotDecompressed", { file: label, part: missing || WORKBOOK });
  }
}

/**
 * Inflates one part as a stream and compares its size and CRC-32 with the directory's; returns its text
 * when `keep` (a small part read whole). Throws ZipFormatError when they differ or it does not inflate.
 */
async function checkPart(
  file: FileHandle,
  path: string,
  entry: ZipEntry,
  keep: boolean,
): Promise<string | undefined> {
  const bad = () =>
    new ZipFormatError(
      `part ${entry.name} cannot be decompressed (the file is damaged)`,
      `部件 ${entry.name} 无法解压（文件已损坏）`,
    );
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== 0x04034b50 || (entry.method !== 0 && entry.method !== 8)) throw bad();
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  let crc = 0;
  let size = 0;
  const kept: Buffer[] = [];
  if (entry.compressedSize > 0) {
    const source = createReadStream(path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 1 << 20,
    });
    // Inflated a megabyte at a time: zlib's default 16 KB would call back to this thread 64 times as often.
    const stream = entry.method === 0 ? source : source.pipe(createInflateRaw({ chunkSize: 1 << 20 }));
    if (stream !== source) source.on("error", (e) => stream.destroy(e));
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (size > entry.uncompressedSize) throw bad();
        if (keep) kept.push(chunk);
      }
    } catch {
      source.destroy();
      throw bad();
    }
  }
  if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0) throw bad();
  return keep ? Buffer.concat(kept).toString("utf8") : undefined;
}
