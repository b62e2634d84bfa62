/**
 * A STREAMING reader of one worksheet part of an .xlsx package: the part is inflated in pieces and its
 * rows are parsed as they come, so reading a 1,000,000-row orders sheet holds the shared strings and the
 * caller's columns, never the sheet's XML or a model of the workbook. It reads only the one part asked for
 * (plus, once, the shared strings and the styles that say which numbers are dates).
 *
 * Worksheet XML is machine-written and flat (<row><c><f/><v/><is/></c></row>), so rows are cut out of
 * the text with regular expressions, as xml-text.ts does for the other parts; text is unescaped.
 */
import { inputError, partMissing } from "../../input-errors";
import { excelSerialToDate } from "../../sheet/serial-dates";
import { createInflateRaw } from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import type { CellValue } from "../../engine/data/table";
import { boxContains, boxWith, columnNumber, type RangeBox } from "../../sheet/a1";
import type { SheetRow } from "../backend";
import { isDateFormat } from "../office/cell-values";
import type { XlsxPackage } from "./package";
import { entryData } from "./zip-reader";
import { attributes, startTags, unescapeXml } from "./xml-text";

const ROW_BATCH = 5_000;
/** Inflated text is parsed in pieces of about this many characters. */
const PIECE = 1 << 20;

/** One cell as read: its value (a formula's cached result) and its formula (without "="). */
export interface ReadCell {
  col: number;
  value: CellValue;
  formula?: string;
}

/** What every sheet of a package shares: shared strings and the styles whose numbers are dates. */
export interface SheetContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  /**
   * The Date of each whole-day serial met, read once: a birthday or join date repeated on every order
   * line of its member is one Date, not one per line (on 1,000,000 lines, about 170 MB less). Whole days
   * only: they are few (a century is 36,525), times of day are mostly distinct. Nothing changes a cell's
   * Date, so sharing it is safe.
   */
  days: Map<number, Date>;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Text as a cell holds it: XML entities, and the _xHHHH_ escapes spreadsheet writers use for characters
 * XML cannot carry (control characters, a carriage return), decoded.
 */
export function cellText(xmlText: string): string {
  return unescapeXml(xmlText).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * `text` as a string of its own. A string cut out of a bigger one (a regular expression's match) keeps
 * the whole bigger one alive in V8 (a "sliced string", from 13 characters): a value read from a piece of
 * a sheet's XML would keep that megabyte piece, and a table of such values the whole sheet.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** The text of a string item (<si>, <is>): its <t> runs, without phonetic guides (<rPh>). */
export function itemText(xml: string): string {
  const bare = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  for (const m of bare.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += m[1] ?? "";
  return detached(cellText(text));
}

/** The string items of a shared strings part as written (their inner XML). */
export function sharedStringItems(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => m[1] ?? "");
}

export function sheetContext(pkg: XlsxPackage): SheetContext {
  const workbook = pkg.text("xl/workbook.xml");
  const pr = startTags(workbook, "workbookPr")[0];
  const date1904 = pr ? ["1", "true"].includes(attributes(pr).date1904 ?? "") : false;
  const rels = pkg.relationships("xl/workbook.xml");
  const target = (type: string) => rels.find((r) => r.type.endsWith(type) && pkg.has(r.target))?.target;
  const sstPart = target("/sharedStrings");
  const sharedStrings = sstPart ? sharedStringItems(pkg.text(sstPart)).map(itemText) : [];
  const dateStyles = new Set<number>();
  const stylesPart = target("/styles");
  if (stylesPart) {
    const styles = pkg.text(stylesPart);
    const custom = new Map<number, string>();
    for (const tag of startTags(styles, "numFmt")) {
      const a = attributes(tag);
      custom.set(Number(a.numFmtId), a.formatCode ?? "");
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? "";
    startTags(xfs, "xf").forEach((tag, i) => {
      const id = Number(attributes(tag).numFmtId ?? 0);
      if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)))) dateStyles.add(i);
    });
  }
  return { sharedStrings, dateStyles, date1904, days: new Map() };
}

/** The Date of a date cell's serial (a whole day's once per context: SheetContext.days). */
function dateOfSerial(ctx: SheetContext, serial: number): Date {
  if (!Number.isInteger(serial)) return excelSerialToDate(serial);
  let date = ctx.days.get(serial);
  if (!date) ctx.days.set(serial, (date = excelSerialToDate(serial)));
  return date;
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;

function child(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`).exec(xml);
  return m ? (m[1] ?? "") : undefined;
}

/** The cells of one <row>'s content. `nextCol` is the column of a cell written without r=. */
export function parseCells(content: string, ctx: SheetContext): ReadCell[] {
  const cells: ReadCell[] = [];
  let nextCol = 1;
  for (const m of content.matchAll(CELL)) {
    const a = attributes(m[1]);
    const col = a.r ? columnNumber(a.r.replace(/\d+$/, "")) : nextCol;
    nextCol = col + 1;
    const inner = m[2] ?? "";
    const v = child(inner, "v");
    const f = child(inner, "f");
    let value: CellValue = null;
    switch (a.t) {
      case "s":
        value = v === undefined ? null : (ctx.sharedStrings[Number(v)] ?? null);
        break;
      case "inlineStr": {
        const is = child(inner, "is");
        value = is === undefined ? null : itemText(is);
        break;
      }
      case "str":
        value = v === undefined ? null : detached(cellText(v));
        break;
      case "b":
        value = v === undefined ? null : v.trim() === "1" || v.trim() === "true";
        break;
      case "e":
        value = v === undefined ? null : { error: unescapeXml(v) };
        break;
      case "d":
        value = v === undefined ? null : new Date(v);
        break;
      default: {
        if (v === undefined || v.trim() === "") break;
        const n = Number(v);
        if (Number.isNaN(n)) value = detached(unescapeXml(v));
        else if (ctx.dateStyles.has(Number(a.s ?? 0))) value = dateOfSerial(ctx, ctx.date1904 ? n + 1462 : n);
        else value = n;
      }
    }
    if (value === "") value = null;
    const cell: ReadCell = { col, value };
    if (f !== undefined && f.trim() !== "") cell.formula = detached(unescapeXml(f));
    if (value !== null || cell.formula !== undefined) cells.push(cell);
  }
  return cells;
}

/**
 * The rows of a worksheet part, in batches, each as the cells it holds (blank cells left out). Rows
 * outside `box` (when given) are skipped.
 */
export async function* readSheetCells(
  pkg: XlsxPackage,
  part: string,
  ctx: SheetContext,
  box?: RangeBox,
): AsyncIterable<{ row: number; cells: ReadCell[] }[]> {
  let text = "";
  let nextRow = 1;
  let batch: { row: number; cells: ReadCell[] }[] = [];
  const take = (final: boolean) => {
    // Everything before the last row's start tag is complete rows; that row waits for the next piece.
    const cut = final ? text.length : lastRowStart(text);
    if (cut < 0) {
      // No row at all (blank space, comments): nothing to parse, keep only what may start a tag.
      text = text.slice(-32);
      return;
    }
    if (cut === 0) return;
    const done = text.slice(0, cut);
    text = text.slice(cut);
    for (const m of done.matchAll(ROW)) {
      const a = attributes(m[1]);
      const row = a.r ? Number(a.r) : nextRow;
      nextRow = row + 1;
      if (box && (row < box.top || row > box.bottom)) continue;
      let cells = parseCells(m[2] ?? "", ctx);
      if (box) cells = cells.filter((c) => boxContains(box, row, c.col));
      if (cells.length) batch.push({ row, cells });
    }
  };
  for await (const piece of partTextPieces(pkg, part)) {
    text += piece;
    if (text.length < PIECE) continue;
    take(false);
    if (batch.length >= ROW_BATCH) {
      yield batch;
      batch = [];
    }
    if (box && nextRow > box.bottom + 1) break;
  }
  take(true);
  if (batch.length) yield batch;
}

/**
 * The text of a part as it is inflated, in pieces cut anywhere (a character is never split): a big part
 * is never held whole, as bytes or as text.
 */
export async function* partTextPieces(pkg: XlsxPackage, part: string): AsyncIterable<string> {
  const entry = pkg.entries.find((e) => e.name === part);
  if (!entry) throw partMissing(pkg.file, part);
  const data = entryData(pkg.buffer, entry);
  const decoder = new StringDecoder("utf8");
  const pieces: AsyncIterable<Buffer> =
    entry.method === 0 ? chunksOf(data) : inflateChunks(data, entry.uncompressedSize, pkg.file, part);
  for await (const piece of pieces) yield decoder.write(piece);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Offset of the last <row> start tag of `text` (any prefix), or -1 when it has none. */
export function lastRowStart(text: string): number {
  for (let i = text.lastIndexOf("row"); i > 0; i = text.lastIndexOf("row", i - 1)) {
    const next = text.charCodeAt(i + 3);
    // "row" followed by a space, ">" or "/" ends the name; preceded by "<" or "<prefix:".
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
    if (text[i - 1] === "<") return i - 1;
    if (text[i - 1] === ":") {
      const open = text.lastIndexOf("<", i);
      if (open >= 0 && /^<\w+:$/.test(text.slice(open, i))) return open;
    }
  }
  return -1;
}

async function* chunksOf(data: Buffer): AsyncIterable<Buffer> {
  for (let i = 0; i < data.length; i += PIECE) yield data.subarray(i, i + PIECE);
}

/** The inflated pieces of an entry; more than the directory declares is damage (or a zip bomb). */
async function* inflateChunks(
  data: Buffer,
  declared: number,
  file: string,
  part: string,
): AsyncIterable<Buffer> {
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate) {
      total += (chunk as Buffer).length;
      if (total > declared) throw new Error("more than declared");
      yield chunk as Buffer;
    }
  } catch {
    throw inputError("partNotDecompressed", { file, part });
  } finally {
    inflate.destroy();
  }
}

/** The rows of a box of a sheet as the port's SheetRow (cells[0] is the box's left column). */
export async function* sheetRows(
  pkg: XlsxPackage,
  part: string,
  ctx: SheetContext,
  box: RangeBox | undefined,
): AsyncIterable<SheetRow[]> {
  const left = box?.left ?? 1;
  for await (const batch of readSheetCells(pkg, part, ctx, box)) {
    yield batch.map(({ row, cells }) => {
      const out: CellValue[] = [];
      for (const c of cells) out[c.col - left] = c.value;
      return { row, cells: Array.from(out, (v) => v ?? null) };
    });
  }
}

/** The smallest box holding every non-blank cell of a sheet part (undefined for an empty sheet). */
export async function usedBox(
  pkg: XlsxPackage,
  part: string,
  ctx: SheetContext,
): Promise<RangeBox | undefined> {
  let box: RangeBox | undefined;
  for await (const batch of readSheetCells(pkg, part, ctx)) {
    for (const { row, cells } of batch) {
      for (const c of cells) {
        if (c.value === null && c.formula === undefined) continue;
        box = boxWith(box, row, c.col);
      }
    }
  }
  return box;
}
