/**
 * Bad and hostile files for the corpus tests, made in the test (nothing big is committed): workbooks with
 * odd contents (ExcelJS), an encrypted OLE container, and real zip bombs whose sizes are honest, built
 * without ever holding the expanded bytes: raw-deflate segments ending in a full flush are independent, so
 * one compressed megabyte of spaces repeated N times inflates to N megabytes.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { randomBytes } from "node:crypto";
import zlib from "node:zlib";

export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A small order table (customer, date, amount), as rows of cells. */
export const ORDER_ROWS: ExcelJS.CellValue[][] = [
  ["C1", day(2024, 1, 5), 10],
  ["C1", day(2024, 3, 5), 20],
  ["C2", day(2024, 2, 5), 5],
  ["C3", day(2024, 4, 1), 7],
  ["C2", day(2024, 6, 1), 8],
  ["C3", day(2024, 6, 20), 4],
];
export const ORDER_HEADER = ["Customer ID", "Order date", "Amount"];

/** An .xlsx workbook with one sheet "Orders", filled by `fill`. */
export async function workbookBytes(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Orders"));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the header at row `at` and the order rows below it. */
export function putOrders(ws: ExcelJS.Worksheet, at = 1, rows = ORDER_ROWS): void {
  ws.getRow(at).values = ORDER_HEADER;
  rows.forEach((r, i) => (ws.getRow(at + 1 + i).values = r));
}

/** An OLE compound file as Excel writes a password-protected workbook (an EncryptionInfo stream). */
export function encryptedWorkbookBytes(): Buffer {
  const cfb = Buffer.alloc(8192);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
  Buffer.from("EncryptedPackage", "utf16le").copy(cfb, 1152);
  return cfb;
}

interface ZipPart {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

function deflatedPart(name: string, data: Buffer): ZipPart {
  return { name, compressed: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

/** A zip file of deflated parts with honest local headers and central directory (no zip64). */
function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.compressed.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + p.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A worksheet part of `megabytes` MB: an XML header, `megabytes` times one MB of filler (spaces, with
 * `noiseBytes` random letters per MB to bring the compression ratio down), and the closing tags.
 */
function bombPart(name: string, megabytes: number, noiseBytes: number): ZipPart {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from("</sheetData></worksheet>");
  const block = Buffer.alloc(1024 * 1024, 0x20);
  // Noise inside an XML comment keeps the part well-formed.
  Buffer.from(`<!--${randomBytes(noiseBytes).toString("hex").slice(0, noiseBytes)}-->`).copy(block, 0);
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const segments = [zlib.deflateRawSync(head, full)];
  const blockSegment = zlib.deflateRawSync(block, full);
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) {
    segments.push(blockSegment);
    crc = zlib.crc32(block, crc);
  }
  segments.push(zlib.deflateRawSync(tail)); // the final block
  crc = zlib.crc32(tail, crc);
  return {
    name,
    compressed: Buffer.concat(segments),
    crc,
    size: head.length + megabytes * block.length + tail.length,
  };
}

/**
 * A real .xlsx zip bomb: the parts of a small valid workbook, with its first worksheet replaced by a part
 * that really inflates to `megabytes` MB (sizes in the zip are true). `noiseBytes` = 0 gives the highest
 * ratio deflate allows (about 1,000:1).
 */
export async function zipBombBytes(megabytes: number, noiseBytes = 0): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbookBytes((ws) => putOrders(ws)));
  const parts: ZipPart[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
    if (name === "xl/worksheets/sheet1.xml") parts.push(bombPart(name, megabytes, noiseBytes));
    else parts.push(deflatedPart(name, await zip.file(name)!.async("nodebuffer")));
  }
  return zipOf(parts);
}
