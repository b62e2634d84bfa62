/**
 * A workbook held in memory as grids of cells: for tests and for the task pane's browser preview (which
 * shows the generated sheets in a grid). It evaluates nothing: a formula cell keeps its formula and the
 * result the builder cached, if any. The last sheet model written to a generated sheet is kept beside its
 * cells, so the preview can show its charts, tables and formats.
 */
import type { CellValue } from "../../engine/data/table";
import {
  boxContains,
  boxesOverlap,
  boxWith,
  cellAddress,
  parseRangeAddress,
  rangeAddress,
  type CellPosition,
  type RangeBox,
} from "../../sheet/a1";
import { isCellSpec, resolveCells, tableBox, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type { CellStyle, SheetModel } from "../../sheet/sheet-model";
import type {
  BackendSheet,
  CellContents,
  DefinedNameSpec,
  PreviousSheet,
  SheetRow,
  WorkbookBackend,
} from "../backend";
import type { RefreshLoss, SheetVisibility, TableInfo } from "../../sheet/port";
import { sameSheetName } from "../registry";
import { isReportNote, reportNotes } from "../report-objects";

export interface MemoryCell {
  value: CellValue;
  /** Formula without "=". */
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
  note?: string;
}

/**
 * One sheet. A generated sheet keeps the model it was written from and builds its grid of cells only
 * when something reads them: a new workbook that is only written (the CLI writing a report file) never
 * holds a second copy of a 100,000-row sheet.
 */
export class MemorySheet {
  tables: { name: string; range: string }[] = [];
  /** Charts a user put on the sheet (the report's are its model's): they stay where they are. */
  userCharts: { name: string; at: CellPosition }[] = [];
  private grid?: Map<number, Map<number, MemoryCell>>;

  constructor(
    public name: string,
    public visibility: SheetVisibility = "visible",
    /** The model last written to this sheet, when it is a generated sheet. */
    readonly model?: SheetModel,
  ) {}

  /** row -> column -> cell (1-based). */
  get cells(): Map<number, Map<number, MemoryCell>> {
    if (!this.grid) {
      this.grid = new Map();
      if (this.model) for (const c of resolveCells(this.model)) setMemoryCell(this, c, memoryCellOf(c));
    }
    return this.grid;
  }

  /** True once the grid exists (reading the model's cells does not need it). */
  get materialised(): boolean {
    return this.grid !== undefined;
  }
}

function memoryCellOf(c: ResolvedCell): MemoryCell {
  const cell: MemoryCell = { value: c.formula !== undefined ? (c.result ?? null) : (c.value ?? null) };
  if (c.formula !== undefined) cell.formula = c.formula;
  if (c.numberFormat) cell.numberFormat = c.numberFormat;
  if (c.style) cell.style = c.style;
  if (c.note) cell.note = c.note;
  return cell;
}

const ROW_BATCH = 5_000;

export function emptySheet(name: string, visibility: SheetVisibility = "visible"): MemorySheet {
  return new MemorySheet(name, visibility);
}

export function setMemoryCell(sheet: MemorySheet, pos: CellPosition, cell: MemoryCell | undefined): void {
  let row = sheet.cells.get(pos.row);
  if (!cell) {
    row?.delete(pos.col);
    return;
  }
  if (!row) sheet.cells.set(pos.row, (row = new Map()));
  row.set(pos.col, cell);
}

/** Used ranges of the models of generated sheets (a model is not changed once written). */
const modelUsedRanges = new WeakMap<SheetModel, RangeBox | undefined>();

function modelUsedRange(model: SheetModel): RangeBox | undefined {
  if (modelUsedRanges.has(model)) return modelUsedRanges.get(model);
  let box: RangeBox | undefined;
  for (const block of model.blocks) {
    block.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const empty =
          cell === null ||
          cell === undefined ||
          (isCellSpec(cell) && cell.formula === undefined && (cell.value ?? null) === null);
        if (!empty) box = boxWith(box, block.at.row + r, block.at.col + c);
      }),
    );
  }
  modelUsedRanges.set(model, box);
  return box;
}

function usedRange(sheet: MemorySheet): RangeBox | undefined {
  // From the model itself, without building the grid; every write asks for every sheet's used range.
  if (sheet.model && !sheet.materialised) return modelUsedRange(sheet.model);
  let box: RangeBox | undefined;
  for (const [r, row] of sheet.cells) {
    for (const [c, cell] of row) {
      if (cell.value === null && cell.formula === undefined) continue;
      box = boxWith(box, r, c);
    }
  }
  return box;
}

/**
 * Copies the cells and tables of `from` that lie outside every box of `owned` into `to` (a rebuild keeps
 * them), unless the new model writes that cell.
 */
function keepOutside(from: MemorySheet, to: MemorySheet, owned: RangeBox[]): void {
  const ours = (r: number, c: number) => owned.some((b) => boxContains(b, r, c));
  for (const [r, row] of from.cells) {
    for (const [c, cell] of row) {
      if (!ours(r, c) && !to.cells.get(r)?.has(c)) setMemoryCell(to, { row: r, col: c }, cell);
    }
  }
  to.tables.push(
    ...from.tables.filter((t) => !owned.some((b) => boxesOverlap(parseRangeAddress(t.range), b))),
  );
}

export class MemoryBackend implements WorkbookBackend {
  readonly sheetList: MemorySheet[] = [];
  readonly names = new Map<string, DefinedNameSpec>();

  sheet(name: string): MemorySheet | undefined {
    return this.sheetList.find((s) => sameSheetName(s.name, name));
  }

  private mustFind(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  async sheets(): Promise<BackendSheet[]> {
    return this.sheetList.map((s) => {
      const info: BackendSheet = { name: s.name, visibility: s.visibility };
      const used = usedRange(s);
      if (used) info.usedRange = used;
      return info;
    });
  }

  async tables(): Promise<TableInfo[]> {
    return this.sheetList.flatMap((s) =>
      s.tables.map((t) => ({ name: t.name, sheet: s.name, range: t.range })),
    );
  }

  async *rows(sheetName: string, box?: RangeBox): AsyncIterable<SheetRow[]> {
    const sheet = this.mustFind(sheetName);
    const area = box ?? usedRange(sheet);
    if (!area) return;
    const rowNumbers = [...sheet.cells.keys()]
      .filter((r) => r >= area.top && r <= area.bottom)
      .sort((a, b) => a - b);
    let batch: SheetRow[] = [];
    for (const r of rowNumbers) {
      const row = sheet.cells.get(r) as Map<number, MemoryCell>;
      const cells: CellValue[] = [];
      for (const [c, cell] of row) {
        if (c >= area.left && c <= area.right) cells[c - area.left] = cell.value;
      }
      batch.push({ row: r, cells: Array.from(cells, (v) => v ?? null) });
      if (batch.length >= ROW_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async readCells(sheetName: string, cells: CellPosition[]): Promise<CellContents[]> {
    const sheet = this.mustFind(sheetName);
    return cells.map((p) => {
      const cell = sheet.cells.get(p.row)?.get(p.col);
      const contents: CellContents = { value: cell?.value ?? null };
      if (cell?.formula !== undefined) contents.formula = cell.formula;
      return contents;
    });
  }

  async writeSheet(
    model: SheetModel,
    sheetName: string,
    replace?: string,
    owned?: RangeBox[],
  ): Promise<void> {
    const sheet = new MemorySheet(sheetName, "visible", model);
    sheet.tables = model.blocks.flatMap((b) =>
      b.table ? [{ name: b.table.name, range: rangeAddress(tableBox(b), false, true) }] : [],
    );
    const index = replace ? this.sheetList.findIndex((s) => sameSheetName(s.name, replace)) : -1;
    const kept = owned ?? (model.footprint ? [parseRangeAddress(model.footprint)] : undefined);
    if (index >= 0 && kept) keepOutside(this.sheetList[index], sheet, kept);
    if (index >= 0) sheet.userCharts = this.sheetList[index].userCharts;
    if (index >= 0) this.sheetList[index] = sheet;
    else this.sheetList.push(sheet);
  }

  /**
   * The user's notes that writeSheet would remove: on cells of the report's parts, not a note the model
   * writes nor one the last build wrote there. Charts are not listed: the user's stay (userCharts).
   */
  async losses(
    sheetName: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    previous: PreviousSheet,
  ): Promise<RefreshLoss[]> {
    const sheet = this.mustFind(sheetName);
    const known = reportNotes(model, previous);
    const losses: RefreshLoss[] = [];
    for (const [r, row] of [...sheet.cells].sort((a, b) => a[0] - b[0])) {
      for (const [c, cell] of [...row].sort((a, b) => a[0] - b[0])) {
        if (cell.note === undefined || (owned && !owned.some((b) => boxContains(b, r, c)))) continue;
        const address = cellAddress(r, c);
        if (isReportNote({ cell: address, text: cell.note }, known)) continue;
        losses.push({ kind: "note", sheet: sheet.name, cell: address, text: cell.note });
      }
    }
    return losses;
  }

  async deleteSheet(name: string): Promise<void> {
    const index = this.sheetList.findIndex((s) => sameSheetName(s.name, name));
    if (index >= 0) this.sheetList.splice(index, 1);
  }

  async definedNames(): Promise<string[]> {
    return [...this.names.values()].map((n) => n.name);
  }

  async setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void> {
    for (const name of remove) this.names.delete(name.toLowerCase());
    for (const n of add) this.names.set(n.name.toLowerCase(), n);
  }

  async writeHiddenSheet(name: string, rows: string[][]): Promise<void> {
    const sheet = emptySheet(name, "veryHidden");
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => setMemoryCell(sheet, { row: r + 1, col: c + 1 }, { value: v })),
    );
    const index = this.sheetList.findIndex((s) => sameSheetName(s.name, name));
    if (index >= 0) this.sheetList[index] = sheet;
    else this.sheetList.push(sheet);
  }
}
