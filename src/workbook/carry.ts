/**
 * Carrying what people wrote in a generated table to the same row after a rebuild (TableCarry in
 * sheet-model.ts). Pure functions: BackedWorkbook reads the tables as they are in the workbook
 * (FoundTable), this module puts their user-typed values into the new model, keyed by the table's key
 * column, and lays out a "Kept notes" table for the rows whose key has left the table.
 */
import { isCellError, type CellValue } from "../engine/data/table";
import { KEPT_NOTES_TEXTS } from "../engine/text/kept-notes";
import { boxContains, boxesOverlap, rangeAddress, type CellPosition, type RangeBox } from "../sheet/a1";
import { blockBox, isCellSpec, tableBox } from "../sheet/sheet-model-cells";
import type { Block, Cell, Scalar, SheetModel, TableCarry } from "../sheet/sheet-model";

/** What the registry remembers of a carried table as it was last written. */
export interface CarriedTableRecord {
  name: string;
  key: string;
  userColumns: string[];
  /** Every header of the table as written (the user's columns included). */
  columns: string[];
}

/**
 * A carried table as it is in the workbook before the rebuild: its header texts and data rows, from its
 * first column to the last column a user filled right beside it.
 */
export interface FoundTable {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** The cells read (header row included): they are the table's, the model replaces them. */
  box: RangeBox;
}

export interface CarryResult {
  model: SheetModel;
  /** User values put back on their row. */
  carried: number;
  /** Rows written to Kept notes tables. */
  keptRows: number;
  /** Where the cells of each carried table go (for what is attached to them: links, formats, validation). */
  moves: TableMove[];
}

/**
 * Where the cells of a carried table as it was (`from`: its header row first, the columns users filled
 * beside it included) are in the rebuilt sheet: each column by its header, each data row by its key.
 */
export interface TableMove {
  from: RangeBox;
  /** The new column of each old column (index 0 = `from.left`); undefined where the header is gone. */
  columns: (number | undefined)[];
  /** The new row of each old data row whose key is still in the table, by old row number. */
  rows: Map<number, number>;
  /** The rebuilt table's box, header row first. */
  to: RangeBox;
  /**
   * Where the rows whose key is no longer in the table went with what users wrote on them: a carried
   * table's to its Kept notes table, a Kept notes table's back to their table (the customer returned).
   * Old row -> new row, and the new column of each old column there (undefined where it has none).
   */
  otherwise?: { rows: Map<number, number>; columns: (number | undefined)[] };
}

/** Name of the table that keeps the rows of `table` whose key is gone. */
export function keptTableName(table: string): string {
  return `${table}_Kept`;
}

const lower = (s: string) => s.trim().toLowerCase();

function cellValue(cell: Cell | undefined): Scalar | undefined {
  return isCellSpec(cell) ? cell.value : cell;
}

function headerTexts(block: Block): string[] {
  return (block.rows[0] ?? []).map((c) => String(cellValue(c) ?? ""));
}

/** A key as compared: trimmed text (so 1001 and "1001" are the same customer). */
export function keyText(v: CellValue | Scalar | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return "";
  return String(v).trim();
}

/** An empty cell, or one holding only spaces. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A cell read back as a model cell writes it (an error as its text, e.g. "#N/A"). */
export function asScalar(v: CellValue): Scalar {
  if (v === undefined) return null;
  return isCellError(v) ? v.error : v;
}

/** The carried tables of a model, as the registry records them. */
export function carriedTables(model: SheetModel): CarriedTableRecord[] {
  return model.blocks.flatMap((b) => {
    const carry = b.table?.carry;
    if (!b.table || !carry) return [];
    return [
      {
        name: b.table.name,
        key: carry.key,
        userColumns: carry.userColumns ?? [],
        columns: headerTexts(b),
      },
    ];
  });
}

/** The names of the tables whose rows a rebuild of `model` reads first (its carried and kept tables). */
export function tablesToRead(model: SheetModel, previous: CarriedTableRecord[]): string[] {
  const names = new Set<string>();
  for (const t of [...carriedTables(model), ...previous]) {
    names.add(t.name);
    names.add(keptTableName(t.name));
  }
  return [...names];
}

/**
 * Every box the model writes into (blocks and tables, and the top-left cell of each chart, which is where
 * an adapter finds its charts again): what a rebuild replaces.
 */
export function modelAreas(model: SheetModel): RangeBox[] {
  return [
    ...model.blocks.map((b) => (b.table ? tableBox(b) : blockBox(b))),
    ...(model.charts ?? []).map((c) => ({
      top: c.at.row,
      left: c.at.col,
      bottom: c.at.row,
      right: c.at.col,
    })),
  ];
}

/** The rows below which nothing of the model lies (charts included, at about 20 pixels a row). */
export function modelBottom(model: SheetModel): number {
  let bottom = 0;
  for (const box of modelAreas(model)) bottom = Math.max(bottom, box.bottom);
  for (const c of model.charts ?? []) bottom = Math.max(bottom, c.at.row + Math.ceil(c.height / 20));
  return bottom;
}

interface Pending {
  keyHeader: string;
  /** User columns in the order first seen. */
  columns: string[];
  byKey: Map<string, Map<string, CellValue>>;
}

/**
 * The headers (lower case) of carried table `name` whose values the rebuild writes itself: its generated
 * columns as last written (the registry's record; the new model's for older files), the key excepted.
 * Their old values are never the user's, so they need not be read. Empty for a Kept notes table.
 */
export function reportColumns(name: string, model: SheetModel, previous: CarriedTableRecord[]): Set<string> {
  const written = [...previous, ...carriedTables(model)].find((t) => lower(t.name) === lower(name));
  if (!written) return new Set();
  const users = new Set(written.userColumns.map(lower));
  const key = lower(written.key);
  return new Set(written.columns.map(lower).filter((h) => !users.has(h) && h !== key));
}

/** The user's values of the found tables, by the carried table they belong to. */
function pendingValues(
  model: SheetModel,
  found: FoundTable[],
  previous: CarriedTableRecord[],
): Map<string, Pending> {
  const out = new Map<string, Pending>();
  const current = carriedTables(model);
  for (const record of [...previous, ...current]) {
    if (out.has(lower(record.name))) continue;
    // A kept table is read with the table it keeps rows of.
    if (previous.some((t) => lower(keptTableName(t.name)) === lower(record.name))) continue;
    // The table as last written tells which columns were generated; the new model for older files.
    const written = previous.find((p) => lower(p.name) === lower(record.name)) ?? record;
    const generated = reportColumns(record.name, model, previous);
    const pending: Pending = { keyHeader: written.key, columns: [], byKey: new Map() };
    const take = (table: FoundTable | undefined, isUser: (h: string) => boolean) => {
      if (!table) return;
      const keyIndex = table.header.findIndex((h) => lower(h) === lower(written.key));
      if (keyIndex < 0) return;
      table.header.forEach((h, j) => {
        if (j === keyIndex || !isUser(h)) return;
        for (const row of table.rows) {
          const key = keyText(row[keyIndex]);
          const v = row[j];
          if (key === "" || isBlank(v)) continue;
          if (!pending.columns.some((c) => lower(c) === lower(h))) pending.columns.push(h);
          let values = pending.byKey.get(key);
          if (!values) pending.byKey.set(key, (values = new Map()));
          values.set(lower(h), v);
        }
      });
    };
    const byName = (name: string) => found.find((f) => lower(f.name) === lower(name));
    // Kept rows first: what is in the table itself is newer.
    take(byName(keptTableName(record.name)), () => true);
    take(byName(record.name), (h) => !generated.has(lower(h)));
    out.set(lower(record.name), pending);
  }
  return out;
}

/**
 * The model with the user's values of `found` (the tables as they are before the rebuild) on the rows of
 * the same key, the columns users added appended to their table, and a Kept notes table below the sheet's
 * content for each table with values of rows whose key is gone. `previous`: the carried tables as the
 * registry recorded them at the last write (empty for a file written before carrying existed).
 */
export function carryUserValues(
  model: SheetModel,
  found: FoundTable[],
  previous: CarriedTableRecord[],
): CarryResult {
  const pending = pendingValues(model, found, previous);
  let carried = 0;
  const blocks = model.blocks.map((b) => ({ ...b }));
  blocks.forEach((block, bi) => {
    const p = block.table && pending.get(lower(block.table.name));
    if (block.table?.carry && p && p.columns.length > 0) carried += putOnRows(block, bi, blocks, p);
  });
  const kept = keptNotesBlocks(model, pending, modelBottom({ ...model, blocks }) + 2);
  const built = { ...model, blocks: [...blocks, ...kept.blocks] };
  return { model: built, carried, keptRows: kept.rows, moves: tableMoves(found, built) };
}

/**
 * Puts the pending values of a carried table (`blocks[index]`, a copy) on the rows of their key, with the
 * columns users added appended where the sheet has room; the values put are taken out of `p`, and counted.
 */
function putOnRows(block: Block, index: number, blocks: Block[], p: Pending): number {
  const table = block.table as NonNullable<Block["table"]>;
  const carry = table.carry as TableCarry;
  const header = headerTexts(block);
  const keyIndex = header.findIndex((h) => lower(h) === lower(carry.key));
  const added = p.columns.filter((c) => !header.some((h) => lower(h) === lower(c)));
  // Added columns widen the table; where that would run into another part of the sheet, their values
  // stay in Kept notes instead.
  const widened = { ...tableBox(block), right: tableBox(block).right + added.length };
  const fits =
    added.length === 0 || !blocks.some((other, oi) => oi !== index && boxesOverlap(widened, blockBox(other)));
  const columns = fits ? [...header, ...added] : header;
  const at = new Map(columns.map((h, i) => [lower(h), i]));
  const rows = block.rows.map((r) => [...r]);
  if (fits && added.length > 0) {
    rows[0] = [...rows[0], ...added.map((h): Cell => ({ value: h, style: "header" }))];
    block.columnFormats = [...(block.columnFormats ?? []), ...added.map(() => null)];
    // The added columns are the user's from now on: the registry records them so.
    block.table = { ...table, carry: { ...carry, userColumns: [...(carry.userColumns ?? []), ...added] } };
  }
  let carried = 0;
  for (let r = 1; r < rows.length; r++) {
    const key = keyText(cellValue(rows[r][keyIndex]));
    const values = p.byKey.get(key);
    if (!values) continue;
    for (const [h, v] of values) {
      const i = at.get(h);
      if (i === undefined) continue;
      const cell = rows[r][i];
      rows[r][i] = isCellSpec(cell) ? { ...cell, value: asScalar(v) } : asScalar(v);
      values.delete(h);
      carried++;
    }
    if (values.size === 0) p.byKey.delete(key);
  }
  block.rows = rows;
  return carried;
}

/**
 * A "Kept notes" title, note and table from row `top` down, for each carried table of `model` with
 * values left in `pending` (their key has left the table); the blocks and the rows of the tables.
 */
function keptNotesBlocks(
  model: SheetModel,
  pending: Map<string, Pending>,
  top: number,
): { blocks: Block[]; rows: number } {
  const blocks: Block[] = [];
  const texts = KEPT_NOTES_TEXTS[model.language ?? "en"];
  let keptRows = 0;
  let row = top;
  for (const block of model.blocks) {
    const carry = block.table?.carry as TableCarry | undefined;
    const p = block.table && pending.get(lower(block.table.name));
    if (!carry || !p || p.byKey.size === 0) continue;
    const columns = p.columns.filter((c) => [...p.byKey.values()].some((v) => v.has(lower(c))));
    const name = keptTableName((block.table as { name: string }).name);
    blocks.push({
      at: { row, col: 1 },
      rows: [[{ value: carry.keptTitle ?? texts.title, style: "subtitle" }]],
    });
    blocks.push({
      at: { row: row + 1, col: 1 },
      rows: [[{ value: carry.keptNote ?? texts.note, style: "note" }]],
    });
    const keyHeader = p.keyHeader;
    const header = [keyHeader, ...columns.filter((c) => lower(c) !== lower(keyHeader))];
    const rows: Cell[][] = [...p.byKey].map(([key, values]) => [
      key,
      ...header.slice(1).map((h) => asScalar(values.get(lower(h)) ?? null)),
    ]);
    blocks.push({
      at: { row: row + 2, col: 1 },
      rows: [header, ...rows],
      columnFormats: ["text"],
      table: {
        name,
        style: "TableStyleLight1",
        carry: {
          key: keyHeader,
          userColumns: header.slice(1),
          keptTitle: carry.keptTitle,
          keptNote: carry.keptNote,
        },
      },
    });
    keptRows += rows.length;
    row += 2 + rows.length + 3;
  }
  return { blocks, rows: keptRows };
}

/** A table of `model` as a carried table's rows are looked for in it: its box, its columns and rows by key. */
interface Placed {
  box: RangeBox;
  header: string[];
  rows: Map<string, number>;
}

function placed(model: SheetModel, name: string): Placed | undefined {
  const block = model.blocks.find((b) => b.table && lower(b.table.name) === lower(name));
  const key = block?.table?.carry?.key;
  if (!block || key === undefined) return undefined;
  const box = tableBox(block);
  const header = headerTexts(block).map(lower);
  const keyAt = header.indexOf(lower(key));
  const rows = new Map<string, number>();
  block.rows.forEach((cells, r) => {
    const k = keyText(cellValue(cells[keyAt]));
    if (r > 0 && k !== "" && !rows.has(k)) rows.set(k, box.top + r);
  });
  return { box, header, rows };
}

/** The table a found one's rows go to when their key is not in it: its Kept notes table, or the reverse. */
function partnerName(name: string, model: SheetModel): string {
  const kept = model.blocks.find((b) => b.table && lower(keptTableName(b.table.name)) === lower(name));
  return kept?.table ? kept.table.name : keptTableName(name);
}

/** Where the cells of each found table are in `model`, matched by table name, header text and key. */
function tableMoves(found: FoundTable[], model: SheetModel): TableMove[] {
  return found.flatMap((f) => {
    const main = placed(model, f.name);
    if (!main) return [];
    const partner = placed(model, partnerName(f.name, model));
    const block = model.blocks.find((b) => b.table && lower(b.table.name) === lower(f.name));
    const key = lower(block?.table?.carry?.key ?? "");
    const oldKey = f.header.findIndex((h) => lower(h) === key);
    const columnsIn = (p: Placed) =>
      f.header.map((h) => {
        const i = p.header.indexOf(lower(h));
        return i < 0 ? undefined : p.box.left + i;
      });
    const rows = new Map<number, number>();
    const otherwise = new Map<number, number>();
    f.rows.forEach((cells, i) => {
      if (oldKey < 0) return;
      const k = keyText(cells[oldKey]);
      const row = main.rows.get(k);
      if (row !== undefined) rows.set(f.box.top + 1 + i, row);
      else if (partner?.rows.has(k)) otherwise.set(f.box.top + 1 + i, partner.rows.get(k) as number);
    });
    const move: TableMove = { from: f.box, columns: columnsIn(main), rows, to: main.box };
    if (partner && otherwise.size > 0) move.otherwise = { rows: otherwise, columns: columnsIn(partner) };
    return [move];
  });
}

/**
 * Where a cell of a carried table as it was (a header or a customer's cell) is in the rebuilt sheet,
 * with what a user wrote in it: the same column by its header on the same customer's row, or, where
 * the customer left the table, on their row of its Kept notes (which holds only the columns users
 * wrote in). Undefined outside the tables, or where the column or the customer is gone.
 */
export function carriedCell(row: number, col: number, moves: TableMove[]): CellPosition | undefined {
  const move = moves.find((m) => boxContains(m.from, row, col));
  if (!move) return undefined;
  const i = col - move.from.left;
  const at = row === move.from.top ? move.to.top : move.rows.get(row);
  if (at !== undefined) {
    const c = move.columns[i];
    return c === undefined ? undefined : { row: at, col: c };
  }
  const kept = move.otherwise?.rows.get(row);
  const c = move.otherwise?.columns[i];
  return kept === undefined || c === undefined ? undefined : { row: kept, col: c };
}

/**
 * Where a box of the old sheet goes when it lies in a carried table: the same columns by header and the
 * same customers' rows (a box spanning every data row of a column spans them all in the rebuilt table).
 * Undefined when it cannot follow: it is not inside one table, or a column or a customer is gone.
 */
export function relocateBox(box: RangeBox, moves: TableMove[]): RangeBox[] | undefined {
  const move = moves.find(
    (m) =>
      box.top >= m.from.top &&
      box.bottom <= m.from.bottom &&
      box.left >= m.from.left &&
      box.right <= m.from.right,
  );
  if (!move) return undefined;
  const columns: number[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const to = move.columns[c - move.from.left];
    if (to === undefined) return undefined;
    columns.push(to);
  }
  let rows: number[] = [];
  if (box.bottom === move.from.bottom && box.top <= move.from.top + 1 && box.bottom > box.top) {
    for (let r = box.top <= move.from.top ? move.to.top : move.to.top + 1; r <= move.to.bottom; r++)
      rows.push(r);
  } else {
    for (let r = box.top; r <= box.bottom; r++) {
      const to = r === move.from.top ? move.to.top : move.rows.get(r);
      if (to === undefined) return undefined;
      rows.push(to);
    }
  }
  rows = [...new Set(rows)].sort((a, b) => a - b);
  // Runs of rows by runs of columns: the fewest boxes that hold the cells.
  const runs = <T>(sorted: number[], make: (first: number, last: number) => T): T[] => {
    const out: T[] = [];
    let first = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
        out.push(make(first, sorted[i - 1]));
        first = sorted[i];
      }
    }
    return out;
  };
  const cols = [...new Set(columns)].sort((a, b) => a - b);
  return runs(cols, (left, right) => ({ left, right })).flatMap(({ left, right }) =>
    runs(rows, (top, bottom) => ({ top, left, bottom, right })),
  );
}

/** "B5:D9" of each box, for the registry. */
export function areaAddresses(boxes: RangeBox[]): string[] {
  return boxes.map((b) => rangeAddress(b, false, true));
}
