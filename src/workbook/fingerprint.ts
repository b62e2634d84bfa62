/**
 * A FINGERPRINT of what a build wrote on a generated sheet, kept in its registry entry, so that the next
 * refresh can tell a cell the report wrote from one a user typed over (fingerprint-check.ts). Pure
 * functions, the same for every adapter (the file, Excel, the browser preview).
 *
 * It must stay small (the registry lives in the workbook): a 100,000-customer table costs 8 characters a
 * row, not a hash per cell.
 * - Blocks that are not tables (titles, KPI cards, notes, the benefit-cost model): one 24-bit hash per
 *   cell of the block's rectangle, its blank cells included (a value typed there is lost on a rebuild too).
 * - Tables: per data row, a hash of its identity (the customer id of a carried table, else its position)
 *   and the SUM of its cells' hashes; per column (by header), the sum of its cells' hashes. A cell hash mixes
 *   the row's identity, the header and the value, so a changed cell changes exactly one row sum and one
 *   column sum by the same amount: a single changed cell is located by row x column, several by matching
 *   those amounts (see fingerprint-check.ts). Rows are found by identity, so a user who sorts or filters
 *   the table changes nothing.
 * - Cells written as formulas: a hash per cell of the formula's text (never of its result, which Excel
 *   recomputes), by address.
 * Left out: input cells (the user's to edit, kept by Refresh), the users' columns of carried tables, and
 * the tables that hold what users wrote (Kept notes, typed-over values).
 */
import { isCellError, type CellValue } from "../engine/data/table";
import { cellAddress } from "../sheet/a1";
import { keyText } from "./carry";
import { dateToExcelSerial } from "../sheet/serial-dates";
import {
  createRowResolver,
  fitToCell,
  formulaBody,
  isCellSpec,
  type ResolvedCell,
} from "../sheet/sheet-model-cells";
import type { Block, Cell, Scalar, SheetModel } from "../sheet/sheet-model";

/** What the registry records of one generated sheet's cells (see the module's comment). */
export interface SheetFingerprint {
  blocks: BlockPrint[];
  tables: TablePrint[];
  /** Cells written as formulas: address -> hash of the formula text. */
  formulas: Record<string, string>;
}

export interface BlockPrint {
  /** Top-left cell. */
  at: string;
  width: number;
  /** HASH_CHARS per cell, row by row; SKIPPED for a cell that is not compared (an input, a formula). */
  cells: string;
}

export interface TablePrint {
  name: string;
  /** Header of the column that identifies a row (a carried table's customer id); none: rows by position. */
  key?: string;
  /** The columns compared, by header as written. */
  headers: string[];
  /** HASH_CHARS per column of `headers`: the sum of its cells' hashes. */
  columns: string;
  /** 2 x HASH_CHARS per data row, in table order: the hash of its identity, then the sum of its cells. */
  rows: string;
}

/** Characters of one encoded 24-bit hash. */
export const HASH_CHARS = 4;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/";
/** A cell of a block that is not compared. */
export const SKIPPED = "~".repeat(HASH_CHARS);
const MASK = 0xffffff;

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a continued from the state `h` over the text's UTF-16 code units. */
function fnvOver(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a, 32 bits, over the text's UTF-16 code units (its bytes for ASCII text). */
export function fnv1a32(text: string): number {
  return fnvOver(FNV_BASIS, text) >>> 0;
}

/** The finaliser of MurmurHash3, so that every bit mixes, cut to 24 bits. */
function finish24(fnv: number): number {
  let h = fnv;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & MASK;
}

/** A 24-bit hash of a text: FNV-1a, then the finaliser of MurmurHash3 so that every bit mixes. */
export function hash24(text: string): number {
  return finish24(fnv1a32(text));
}

/** Sums of hashes wrap at 24 bits. */
export function add24(a: number, b: number): number {
  return (a + b) & MASK;
}

export function sub24(a: number, b: number): number {
  return (a - b) & MASK;
}

export function encode24(n: number): string {
  let out = "";
  for (let i = HASH_CHARS - 1; i >= 0; i--) out += ALPHABET[(n >>> (6 * i)) & 63];
  return out;
}

/** The hash encoded at `at` of `text`. */
export function decode24(text: string, at = 0): number {
  let n = 0;
  for (let i = 0; i < HASH_CHARS; i++) n = (n << 6) | ALPHABET.indexOf(text[at + i]);
  return n;
}

/**
 * A cell's value as compared, the same whoever wrote the file: dates as their serial number, numbers to
 * 15 significant digits (what Excel shows; LibreOffice writes no fewer), blanks and empty text alike.
 */
export function valueText(v: CellValue | Scalar | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof Date) return numberText(dateToExcelSerial(v));
  if (isCellError(v)) return `e:${v.error}`;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "b:1" : "b:0";
  return `s:${v.replace(/\r\n/g, "\n")}`;
}

/**
 * A number as compared: its shortest decimal form (what round-trips, as Excel and this program write it)
 * rounded half up to 15 significant digits, as LibreOffice rounds it when it saves a file (0.4741968846147745
 * is saved as 0.474196884614775). Rounding the double itself would give ...774 there.
 */
function numberText(n: number): string {
  // Small whole numbers (dates, counts, days, scores) are most of a table's numbers: each worked out once.
  if (n >= 0 && n < SMALL_WHOLE && (n | 0) === n) return (smallWholeTexts[n] ??= numberTextOf(n));
  return numberTextOf(n);
}

const SMALL_WHOLE = 1 << 17;
const smallWholeTexts: string[] = [];

function numberTextOf(n: number): string {
  if (!Number.isFinite(n) || n === 0) return `n:${n === 0 ? 0 : n}`;
  const sign = n < 0 ? "-" : "";
  // String() gives the same shortest digits as toExponential(), in plain decimal form from 1e-7 to 1e21:
  // the digits and the exponent are read off it (the hot path of a million-row table).
  const plain = String(n < 0 ? -n : n);
  if (plain.indexOf("e") < 0) {
    const dot = plain.indexOf(".");
    if (dot < 0) return significant(sign, plain, plain.length - 1);
    if (dot > 1 || plain.charCodeAt(0) !== 48) {
      return significant(sign, plain.slice(0, dot) + plain.slice(dot + 1), dot - 1);
    }
    let zeros = 0;
    while (plain.charCodeAt(dot + 1 + zeros) === 48) zeros++;
    return significant(sign, plain.slice(dot + 1 + zeros), -(zeros + 1));
  }
  const [mantissa, exponent] = plain.split("e");
  return significant(sign, mantissa.replace(".", ""), Number(exponent));
}

/**
 * "n:" + the sign, the shortest `digits` (the first not 0) rounded half up to 15 significant digits
 * without the zeros that end them, and "e" + the exponent of the first digit.
 */
function significant(sign: string, digits: string, exp: number): string {
  let kept = digits;
  if (kept.length > 15) {
    const up = kept.charCodeAt(15) >= 53; // "5"
    kept = kept.slice(0, 15);
    if (up) {
      // Add one to the 15 digits by hand: a run of nines at the end carries.
      let end = 15;
      while (end > 0 && kept.charCodeAt(end - 1) === 57) end--;
      if (end === 0) {
        kept = "1";
        exp++;
      } else {
        kept = kept.slice(0, end - 1) + String.fromCharCode(kept.charCodeAt(end - 1) + 1);
      }
    }
  }
  let last = kept.length;
  while (last > 1 && kept.charCodeAt(last - 1) === 48) last--;
  return `n:${sign}${kept.slice(0, last)}e${exp}`;
}

/**
 * A formula as compared: without "=", the prefixes Excel adds to newer functions (_xlfn.), spaces and the
 * case of what is not quoted text, which writers change without changing the formula.
 */
export function formulaText(formula: string): string {
  const body = formula.trim().replace(/^=/, "");
  return `f:${body.replace(/"[^"]*"|'[^']*'|[^"']+/g, (part) =>
    part.startsWith('"') || part.startsWith("'")
      ? part
      : part
          .replace(/_xl(fn|ws)\./gi, "")
          .replace(/\s+/g, "")
          .toUpperCase(),
  )}`;
}

/** The hash of one cell of a table: its row's identity, its column and its value. */
export function tableCellHash(identity: string, header: string, value: string): number {
  return rowCellHash(rowHashStart(identity), columnKey(header), value);
}

/** A header as the cell hashes take it. */
function columnKey(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * The FNV state after a row's identity and the NUL after it: the hash of each of its cells goes on from
 * there (rowCellHash), so a row's identity is hashed once, not once per cell.
 */
function rowHashStart(identity: string): number {
  return Math.imul(fnvOver(FNV_BASIS, identity), FNV_PRIME);
}

/** tableCellHash(identity, header, value), the identity's state given (rowHashStart), `key` columnKey(header). */
function rowCellHash(start: number, key: string, value: string): number {
  return finish24(fnvOver(Math.imul(fnvOver(start, key), FNV_PRIME), value));
}

/** What identifies a row: its key's text (a customer id), or its position among the data rows. */
export function rowIdentity(key: CellValue | Scalar | undefined, position: number, keyed: boolean): string {
  return keyed ? keyText(key) : `#${position}`;
}

/** What of a model the fingerprint leaves out. */
export interface FingerprintSkips {
  /** Tables whose cells are the users' (Kept notes, typed-over values). */
  tables: Set<string>;
  /** Per carried table (lower-case name), the users' columns (lower-case headers). */
  userColumns: Map<string, Set<string>>;
}

/** One row of a block as written, by column within the block (resolved one row at a time). */
type RowCells = (r: number) => Map<number, ResolvedCell>;

/** The fingerprint of `model` as written (see the module's comment). */
export function fingerprintOf(model: SheetModel, skips: FingerprintSkips): SheetFingerprint {
  const print: SheetFingerprint = { blocks: [], tables: [], formulas: {} };
  const resolveRow = createRowResolver();
  for (const block of model.blocks) {
    if (block.table && skips.tables.has(block.table.name.toLowerCase())) continue;
    // Row by row: a table of 100,000 customers is never resolved whole.
    const rowCells: RowCells = (r) => {
      const cells = new Map<number, ResolvedCell>();
      for (const c of resolveRow(block, r)) {
        cells.set(c.col - block.at.col, c);
        if (c.formula !== undefined && !c.input)
          print.formulas[cellAddress(c.row, c.col)] = formulaHash(c.formula);
      }
      return cells;
    };
    if (block.table) print.tables.push(tablePrint(block, rowCells, skips, print.formulas));
    else print.blocks.push(blockPrint(block, rowCells));
  }
  return print;
}

function formulaHash(formula: string): string {
  return encode24(hash24(formulaText(formula)));
}

function blockPrint(block: Block, rowCells: RowCells): BlockPrint {
  let width = 1;
  for (const row of block.rows) width = Math.max(width, row.length);
  let cells = "";
  for (let r = 0; r < block.rows.length; r++) {
    const byCol = rowCells(r);
    for (let c = 0; c < width; c++) {
      const cell = byCol.get(c);
      cells +=
        cell?.input || cell?.formula !== undefined ? SKIPPED : encode24(hash24(valueText(cell?.value)));
    }
  }
  // A block without rows still has its one cell (blockBox).
  if (block.rows.length === 0) cells = encode24(hash24(""));
  return { at: cellAddress(block.at.row, block.at.col), width, cells };
}

/** A cell of a table's data row that is not compared: an input, a formula. */
const NOT_COMPARED = Symbol("not compared");

/**
 * What the fingerprint compares of a cell of a table's data row: its value as written (text cut to fit a
 * cell, as the resolver cuts it), read without resolving the cell's style and format: the data rows of a
 * million-customer table are most of a report's cells.
 */
function comparedValue(cell: Cell | undefined): Scalar | undefined | typeof NOT_COMPARED {
  if (!isCellSpec(cell)) return cell === undefined ? undefined : fitToCell(cell);
  return cell.input || cell.formula !== undefined ? NOT_COMPARED : fitToCell(cell.value ?? null);
}

/** A key cell's value as written (a formula has none). */
function keyValue(cell: Cell | undefined): Scalar | undefined {
  if (!isCellSpec(cell)) return cell === undefined ? undefined : fitToCell(cell);
  return cell.formula !== undefined ? undefined : fitToCell(cell.value ?? null);
}

function tablePrint(
  block: Block,
  rowCells: RowCells,
  skips: FingerprintSkips,
  formulas: SheetFingerprint["formulas"],
): TablePrint {
  const table = block.table as NonNullable<Block["table"]>;
  const headerCells = rowCells(0);
  const width = block.rows[0]?.length ?? 0;
  const headers = Array.from({ length: width }, (_, c) => String(headerCells.get(c)?.value ?? ""));
  const users = skips.userColumns.get(table.name.toLowerCase()) ?? new Set<string>();
  const key = table.carry?.key;
  const keyIndex = key === undefined ? -1 : headers.findIndex((h) => same(h, key));
  const compared = headers
    .map((h, i) => ({ h, i, key: columnKey(h) }))
    .filter(({ i, key }) => i !== keyIndex && !users.has(key));
  const sums = compared.map(() => 0);
  let rows = "";
  const pieces: string[] = [];
  for (let r = 1; r < block.rows.length; r++) {
    const cells = block.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (isCellSpec(cell) && cell.formula !== undefined && !cell.input)
        formulas[cellAddress(block.at.row + r, block.at.col + c)] = formulaHash(formulaBody(cell.formula));
    }
    const identity = rowIdentity(keyIndex < 0 ? undefined : keyValue(cells[keyIndex]), r, keyIndex >= 0);
    const start = rowHashStart(identity);
    let sum = 0;
    for (let j = 0; j < compared.length; j++) {
      const value = comparedValue(cells[compared[j].i]);
      if (value === NOT_COMPARED) continue;
      const hash = rowCellHash(start, compared[j].key, valueText(value));
      sum = add24(sum, hash);
      sums[j] = add24(sums[j], hash);
    }
    rows += encode24(hash24(identity)) + encode24(sum);
    // Joined in pieces: one string built of a million small ones is a deep rope.
    if (rows.length >= 1 << 16) {
      pieces.push(rows);
      rows = "";
    }
  }
  pieces.push(rows);
  const print: TablePrint = {
    name: table.name,
    headers: compared.map(({ h }) => h),
    columns: sums.map(encode24).join(""),
    rows: pieces.join(""),
  };
  if (keyIndex >= 0) print.key = key;
  return print;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
