/**
 * Writes a zip file from entries that are either COPIED from another zip (their compressed bytes, CRC and
 * time as they were: the part is byte for byte the one the user had) or NEW (deflated here). Refresh
 * rewrites a workbook this way so that everything that is not the report's goes through untouched.
 */
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import { entryData, type ZipEntry } from "./zip-reader";

/** A new part: text, bytes, or a part deflated as it was made (a big sheet, whose text is never held whole). */
export type PartContent = Buffer | string | DeflatedPart;

export type ZipOut =
  { name: string; copyFrom: { buffer: Buffer; entry: ZipEntry } } | { name: string; content: PartContent };

/** Parts above this size are deflated at level 1: several times faster for a slightly larger file. */
const FAST_FROM_BYTES = 1 << 20;

/** Pieces of a parallel part being deflated at once: with the text waiting for them, a few MB. */
const MAX_IN_FLIGHT = 4;

/**
 * A part deflated as its text is added, in pieces of about a megabyte, each ending with a sync flush
 * (byte-aligned, no final block) so that they follow each other as one deflate stream: only the
 * compressed bytes are kept, with the CRC-32 and size of the whole.
 *
 * A PARALLEL part deflates its pieces on libuv's threads while the caller goes on making the text (a new
 * workbook's big sheets: the other core deflates what this one writes). Its producer awaits `drain()` now
 * and then, so that no more than a few pieces wait, and `settled()` before the part is zipped.
 */
export class DeflatedPart {
  readonly pieces: Buffer[] = [];
  crc = 0;
  size = 0;
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private finished = false;
  /** The pieces of a parallel part being deflated, oldest first, and the first failure. */
  private inFlight: Promise<void>[] = [];
  private pendingCount = 0;
  private failure?: Error;

  constructor(private readonly parallel = false) {}

  add(content: string | Buffer): void {
    if (this.finished) throw new Error("a part cannot grow once finished");
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.waiting.push(bytes);
    this.waitingBytes += bytes.length;
    if (this.waitingBytes >= FAST_FROM_BYTES) this.flush(constants.Z_SYNC_FLUSH);
  }

  /** Ends the stream with its final block; nothing can be added after. */
  finish(): void {
    if (this.finished) return;
    this.flush(constants.Z_FINISH);
    this.finished = true;
  }

  /** Pieces still being deflated (always 0 for a part that is not parallel). */
  get pending(): number {
    return this.pendingCount;
  }

  /** Resolves once no more than a few pieces are being deflated. */
  async drain(): Promise<void> {
    while (this.inFlight.length > MAX_IN_FLIGHT) await this.inFlight.shift();
  }

  /** Resolves once every piece is deflated; rejects with the deflater's error if one failed. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight);
    this.inFlight = [];
    if (this.failure) throw this.failure;
  }

  private flush(mode: number): void {
    const bytes = this.waiting.length === 1 ? this.waiting[0] : Buffer.concat(this.waiting);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.waiting = [];
    this.waitingBytes = 0;
    // A part that stays small is deflated in one go at the usual level.
    const options = { level: this.size > FAST_FROM_BYTES ? 1 : 6, finishFlush: mode };
    if (!this.parallel) {
      this.pieces.push(deflateRawSync(bytes, options));
      return;
    }
    const index = this.pieces.push(EMPTY) - 1;
    this.pendingCount++;
    this.inFlight.push(
      new Promise<void>((resolve) =>
        // Output in one chunk (a megabyte of XML deflates to about 100 KB): zlib's default 16 KB chunks
        // call back to this thread for each.
        deflateRaw(bytes, { ...options, chunkSize: DEFLATED_CHUNK }, (error, out) => {
          this.pendingCount--;
          if (error) this.failure ??= error;
          else this.pieces[index] = out;
          resolve();
        }),
      ),
    );
  }
}

const EMPTY = Buffer.alloc(0);
const DEFLATED_CHUNK = 1 << 18;

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
/** Bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;

/** DOS time and date of `d` (local time, 2-second steps), as zip headers keep them. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  offset: number;
}

/** The zip file of `entries`, in that order. */
export function writeZip(entries: ZipOut[], now = new Date()): Buffer {
  return Buffer.concat(zipPieces(entries, now));
}

/**
 * The bytes of the zip file of `entries` as the pieces it is made of, in order: a file written from them
 * needs no copy of them joined (a million customers' workbook is over 100 MB).
 */
export function zipPieces(entries: ZipOut[], now = new Date()): Buffer[] {
  const chunks: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  const stamp = dosDateTime(now);
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    // A deflated part's pieces go into the file as they are: a big sheet's bytes are not copied again.
    let data: Buffer[];
    let w: Omit<Written, "name" | "offset">;
    if ("copyFrom" in e) {
      const { buffer, entry } = e.copyFrom;
      data = [entryData(buffer, entry)];
      w = {
        method: entry.method,
        crc: entry.crc32,
        compressedSize: data[0].length,
        size: entry.uncompressedSize,
        time: entry.dosTime,
        date: entry.dosDate,
      };
    } else {
      let part = e.content;
      if (!(part instanceof DeflatedPart)) {
        part = new DeflatedPart();
        part.add(e.content as string | Buffer);
      }
      part.finish();
      if (part.pending > 0) throw new Error(`part ${e.name} is still being deflated: await its settled()`);
      data = part.pieces;
      const compressedSize = data.reduce((sum, piece) => sum + piece.length, 0);
      w = { method: 8, crc: part.crc, compressedSize, size: part.size, ...stamp };
    }
    if (offset > 0xfffffffe || w.size > 0xfffffffe || w.compressedSize > 0xfffffffe) {
      throw new Error("the workbook would need a zip64 file, larger than any workbook this tool writes");
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_SIGNATURE, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(w.method, 8);
    header.writeUInt16LE(w.time, 10);
    header.writeUInt16LE(w.date, 12);
    header.writeUInt32LE(w.crc >>> 0, 14);
    header.writeUInt32LE(w.compressedSize, 18);
    header.writeUInt32LE(w.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    chunks.push(header, name, ...data);
    written.push({ ...w, name, offset });
    offset += header.length + name.length + w.compressedSize;
  }
  const directoryStart = offset;
  for (const w of written) {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(UTF8_FLAG, 8);
    h.writeUInt16LE(w.method, 10);
    h.writeUInt16LE(w.time, 12);
    h.writeUInt16LE(w.date, 14);
    h.writeUInt32LE(w.crc >>> 0, 16);
    h.writeUInt32LE(w.compressedSize, 20);
    h.writeUInt32LE(w.size, 24);
    h.writeUInt16LE(w.name.length, 28);
    h.writeUInt32LE(w.offset, 42);
    chunks.push(h, w.name);
    offset += h.length + w.name.length;
  }
  if (written.length > 0xffff) throw new Error("too many parts for a zip file without zip64");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  return chunks;
}
