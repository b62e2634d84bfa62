/**
 * Comparing the old sheet with the FINGERPRINT of what the last build wrote there (fingerprint.ts): the
 * cells the report wrote whose value a user changed (typed over, cleared, pasted over). The old sheet is
 * fed row by row as it is read, top to bottom, so a sheet of 100,000 customers is never held: of each
 * table row only a few sums are kept, and the cells of the rows that changed.
 *
 * A changed table cell changes its row's sum and its column's sum by the same amount (the difference of
 * two hashes, random to 24 bits). Rows are found by identity; columns are found by matching amounts: a row
 * whose difference is a changed column's has its one changed cell there; the last column with a difference
 * takes every row left, the last row every column left; pairs are matched the same way. What no match
 * explains (rows of the table a user deleted blur the columns' sums) is taken cell by cell: every cell of
 * the row that holds something in a column whose sum changed is the user's, so nothing typed is lost.
 */
import type { CellValue } from "../engine/data/table";
import { boxContains, cellAddress, parseCellAddress, type CellPosition, type RangeBox } from "../sheet/a1";
import type { CellContents } from "./backend";
import { isBlank } from "./carry";
import {
  add24,
  decode24,
  formulaText,
  hash24,
  HASH_CHARS,
  rowIdentity,
  SKIPPED,
  sub24,
  tableCellHash,
  valueText,
  type BlockPrint,
  type SheetFingerprint,
  type TablePrint,
} from "./fingerprint";

/** A cell the report wrote whose value a user changed. */
export interface OvertypedCell {
  /** Where it is now ("B57"). */
  cell: string;
  /** What is in it now (null: cleared). */
  value: CellValue;
  /** The table it is in, the header of its column and (a carried table) the customer id of its row. */
  table?: string;
  header?: string;
  key?: string;
}

interface ChangedRow {
  row: number;
  identity: string;
  /** The row's sum now minus as written; undefined for a row the last build did not write. */
  delta?: number;
  /** The compared cells' values (index: the print's columns). */
  values: CellValue[];
}

/** One table of the fingerprint as it is read. */
class TableState {
  private readonly old = new Map<number, number[]>();
  private readonly keyed: boolean;
  /** The sheet column of each compared header, found on the header row; -1 where it is gone. */
  private columns: number[] = [];
  private keyColumn = -1;
  private readonly sums: number[];
  private readonly changed: ChangedRow[] = [];
  private position = 0;
  private readonly skip: Set<string>;

  constructor(
    readonly print: TablePrint,
    readonly box: RangeBox,
    skip: Set<string>,
  ) {
    // Only the cells not compared that lie in the table are looked up, and only when there are any.
    this.skip = new Set(
      [...skip].filter((a) => {
        const p = parseCellAddress(a);
        return boxContains(box, p.row, p.col);
      }),
    );
    this.keyed = print.key !== undefined;
    this.sums = print.headers.map(() => 0);
    for (let at = 0; at < print.rows.length; at += 2 * HASH_CHARS) {
      const id = decode24(print.rows, at);
      const list = this.old.get(id);
      const sum = decode24(print.rows, at + HASH_CHARS);
      if (list) list.push(sum);
      else this.old.set(id, [sum]);
    }
  }

  row(row: number, cell: (col: number) => CellValue): void {
    if (row === this.box.top) {
      const lower = (v: CellValue) => (v === null || v === undefined ? "" : String(v).trim().toLowerCase());
      const headers = new Map<string, number>();
      for (let c = this.box.right; c >= this.box.left; c--) headers.set(lower(cell(c)), c);
      this.columns = this.print.headers.map((h) => headers.get(h.trim().toLowerCase()) ?? -1);
      if (this.print.key !== undefined)
        this.keyColumn = headers.get(this.print.key.trim().toLowerCase()) ?? -1;
      return;
    }
    if (this.keyed && this.keyColumn < 0) return;
    this.position++;
    const identity = rowIdentity(this.keyed ? cell(this.keyColumn) : undefined, this.position, this.keyed);
    const values: CellValue[] = [];
    const hashes: number[] = [];
    let sum = 0;
    this.columns.forEach((c, j) => {
      const v = c < 0 ? null : cell(c);
      values.push(v);
      const skipped = c < 0 || (this.skip.size > 0 && this.skip.has(cellAddress(row, c)));
      const h = skipped ? 0 : tableCellHash(identity, this.print.headers[j], valueText(v));
      hashes.push(h);
      sum = add24(sum, h);
    });
    const old = identity === "" ? undefined : this.old.get(hash24(identity));
    if (!old) {
      // A row the last build did not write (added by a user, or its id typed over): all of it is theirs.
      if (values.some((v) => !isBlank(v))) this.changed.push({ row, identity, values });
      return;
    }
    hashes.forEach((h, j) => (this.sums[j] = add24(this.sums[j], h)));
    if (old.includes(sum)) return;
    this.changed.push({ row, identity, delta: sub24(sum, old[0]), values });
  }

  /** The changed cells, located as the module's comment says. */
  result(): OvertypedCell[] {
    const out: OvertypedCell[] = [];
    const cellOf = (r: ChangedRow, j: number): OvertypedCell => {
      const cell: OvertypedCell = {
        cell: cellAddress(r.row, this.columns[j]),
        value: r.values[j] ?? null,
        table: this.print.name,
        header: this.print.headers[j],
      };
      if (this.keyed) cell.key = r.identity;
      return cell;
    };
    const present = (j: number) => this.columns[j] >= 0;
    for (const r of this.changed.filter((x) => x.delta === undefined)) {
      r.values.forEach((v, j) => {
        if (present(j) && !isBlank(v)) out.push(cellOf(r, j));
      });
    }
    const differences = new Map<number, number>();
    this.print.headers.forEach((_, j) => {
      const d = sub24(this.sums[j], decode24(this.print.columns, j * HASH_CHARS));
      if (d !== 0 && present(j)) differences.set(j, d);
    });
    const pending = new Map(this.changed.filter((r) => r.delta !== undefined).map((r) => [r, r.delta ?? 0]));
    const located = locate(pending, differences);
    for (const [r, columns] of located) for (const j of columns) out.push(cellOf(r, j));
    // What no match explains: every filled cell of the row in a column whose sum changed (or any, when
    // none is left to tell), so that nothing typed is lost.
    const left = differences.size > 0 ? [...differences.keys()] : this.columns.map((_, j) => j);
    for (const r of pending.keys()) {
      for (const j of left) if (present(j) && !isBlank(r.values[j])) out.push(cellOf(r, j));
    }
    return out;
  }
}

/**
 * Matches the rows' differences to the columns': returns the cells explained, taking the rows and columns
 * they explain out of `rows` and `columns`.
 */
function locate(rows: Map<ChangedRow, number>, columns: Map<number, number>): Map<ChangedRow, number[]> {
  const found = new Map<ChangedRow, number[]>();
  const take = (r: ChangedRow, js: number[]) => {
    found.set(r, [...(found.get(r) ?? []), ...js]);
    rows.delete(r);
    for (const j of js) columns.delete(j);
  };
  const total = (values: Iterable<number>) => {
    let s = 0;
    for (const v of values) s = add24(s, v);
    return s;
  };
  for (let progress = true; progress && rows.size > 0 && columns.size > 0;) {
    progress = false;
    // A row with one changed cell, in a column with no other.
    for (const [r, d] of rows) {
      const j = [...columns].find(([, e]) => e === d)?.[0];
      if (j !== undefined) {
        take(r, [j]);
        progress = true;
      }
    }
    if (columns.size === 1 && rows.size > 0 && total(rows.values()) === total(columns.values())) {
      const [j] = columns.keys();
      for (const r of [...rows.keys()]) take(r, [j]);
      return found;
    }
    if (rows.size === 1 && total(rows.values()) === total(columns.values())) {
      const [r] = rows.keys();
      take(r, [...columns.keys()]);
      return found;
    }
    // A row with two changed cells, each alone in its column; a column with two changed rows.
    const cols = [...columns];
    for (const [r, d] of rows) {
      for (let a = 0; a < cols.length && !progress; a++) {
        for (let b = a + 1; b < cols.length && !progress; b++) {
          if (add24(cols[a][1], cols[b][1]) !== d) continue;
          take(r, [cols[a][0], cols[b][0]]);
          progress = true;
        }
      }
      if (progress) break;
    }
    if (progress || rows.size > 2_000) continue;
    const list = [...rows];
    for (const [j, e] of cols) {
      for (let a = 0; a < list.length && !progress; a++) {
        for (let b = a + 1; b < list.length && !progress; b++) {
          if (add24(list[a][1], list[b][1]) !== e) continue;
          take(list[a][0], [j]);
          take(list[b][0], [j]);
          progress = true;
        }
      }
      if (progress) break;
    }
  }
  return found;
}

/**
 * The check of one old sheet against its fingerprint. Feed it the rows of `box` top to bottom (`row`),
 * then the formula cells it asks for, with their formulas (`formulasRead`); `result` lists the cells a
 * user changed.
 */
export class FingerprintCheck {
  private readonly tables: TableState[];
  private readonly blocks: { print: BlockPrint; box: RangeBox }[];
  private readonly out: OvertypedCell[] = [];
  private readonly formulas: [CellPosition, string][];
  /** The next row expected. */
  private next = 0;
  private readonly area: RangeBox | undefined;

  /**
   * `tables`: where the sheet's tables are now (a table the user removed is not compared); `inputs`: the
   * addresses of the input cells (the user's to edit).
   */
  constructor(
    print: SheetFingerprint,
    tables: { name: string; box: RangeBox }[],
    private readonly inputs: Set<string>,
  ) {
    const skip = new Set([...inputs, ...Object.keys(print.formulas)]);
    this.tables = print.tables.flatMap((t) => {
      const now = tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
      return now ? [new TableState(t, now.box, skip)] : [];
    });
    this.blocks = print.blocks.map((b) => {
      const at = parseCellAddress(b.at);
      const height = Math.max(1, b.cells.length / HASH_CHARS / b.width);
      return {
        print: b,
        box: { top: at.row, left: at.col, bottom: at.row + height - 1, right: at.col + b.width - 1 },
      };
    });
    const boxes = [...this.tables.map((t) => t.box), ...this.blocks.map((b) => b.box)];
    this.area =
      boxes.length === 0
        ? undefined
        : boxes.reduce((a, b) => ({
            top: Math.min(a.top, b.top),
            left: Math.min(a.left, b.left),
            bottom: Math.max(a.bottom, b.bottom),
            right: Math.max(a.right, b.right),
          }));
    this.formulas = Object.entries(print.formulas)
      .filter(([a]) => !inputs.has(a))
      .map(([a, h]) => [parseCellAddress(a), h]);
  }

  /** The box of the old sheet the check reads (undefined: nothing to compare). */
  get box(): RangeBox | undefined {
    return this.area;
  }

  /**
   * One row of the old sheet: `cells[0]` is column `left`. Rows come top to bottom; rows left out (a
   * reader skips blank ones) are blank.
   */
  row(row: number, cells: CellValue[], left: number): void {
    const box = this.box;
    if (!box || row < this.next || row > box.bottom) return;
    this.blankRowsBefore(row);
    this.compare(row, cells, left);
    this.next = row + 1;
  }

  /** After the last row: the rows not given are blank. */
  finish(): void {
    const box = this.box;
    if (box) this.blankRowsBefore(box.bottom + 1);
  }

  private blankRowsBefore(row: number): void {
    for (this.next = Math.max(this.next, this.box?.top ?? row); this.next < row; this.next++) {
      this.compare(this.next, [], 1);
    }
  }

  private compare(row: number, cells: CellValue[], left: number): void {
    const cell = (col: number) => cells[col - left] ?? null;
    for (const t of this.tables) if (row >= t.box.top && row <= t.box.bottom) t.row(row, cell);
    for (const b of this.blocks) {
      if (row < b.box.top || row > b.box.bottom) continue;
      for (let col = b.box.left; col <= b.box.right; col++) {
        const at = ((row - b.box.top) * b.print.width + col - b.box.left) * HASH_CHARS;
        const was = b.print.cells.slice(at, at + HASH_CHARS);
        if (was === SKIPPED || this.inTable(row, col) || this.inputs.has(cellAddress(row, col))) continue;
        const v = cell(col);
        if (decode24(was) !== hash24(valueText(v))) this.out.push({ cell: cellAddress(row, col), value: v });
      }
    }
  }

  private inTable(row: number, col: number): boolean {
    return this.tables.some((t) => boxContains(t.box, row, col));
  }

  /** The cells the report wrote as formulas, to be read with their formulas (formulasRead). */
  formulaCells(): CellPosition[] {
    return this.formulas.map(([p]) => p);
  }

  /** The formula cells (formulaCells, in the same order) as they are now. */
  formulasRead(contents: CellContents[]): void {
    this.formulas.forEach(([p, was], i) => {
      const now = contents[i] ?? { value: null };
      const text = now.formula === undefined ? valueText(now.value) : formulaText(now.formula);
      if (hash24(text) !== decode24(was))
        this.out.push({ cell: cellAddress(p.row, p.col), value: now.value });
    });
  }

  /** Every cell the report wrote whose value a user changed, in the sheet's order (row by row). */
  result(): OvertypedCell[] {
    const at = (c: OvertypedCell) => parseCellAddress(c.cell);
    return [...this.out, ...this.tables.flatMap((t) => t.result())].sort(
      (a, b) => at(a).row - at(b).row || at(a).col - at(b).col,
    );
  }
}
