/**
 * The WorkbookBackend of an existing .xlsx file that REFRESH edits at the package level, never through a
 * spreadsheet library's model of the whole workbook:
 *
 * - Reading streams one worksheet part at a time (sheet-reader.ts): a 1,000,000-row orders sheet is
 *   never held as XML or as a model.
 * - Writing collects the generated sheets; `toBuffer` renders them alone (the streaming writer) and
 *   splices their parts into the user's package (package-splice.ts): every other part of the file is
 *   copied byte for byte, so the user's charts, pivot tables, pictures, macros, slicers, comments, data
 *   validation and external links survive, whoever wrote the file.
 */
import type { CellValue } from "../../engine/data/table";
import { boxWith, parseRangeAddress, type CellPosition, type RangeBox } from "../../sheet/a1";
import type { SheetModel } from "../../sheet/sheet-model";
import type { SheetVisibility, TableInfo } from "../../sheet/port";
import type {
  BackendSheet,
  CellContents,
  DefinedNameSpec,
  PreviousSheet,
  SheetRow,
  WorkbookBackend,
} from "../backend";
import { MemoryBackend } from "../memory/memory-backend";
import { sameSheetName } from "../registry";
import { userViewSettings, withUserView } from "../sheet-view";
import { packageName } from "./defined-names";
import type { PackageDefinedName, XlsxPackage } from "./package";
import { readSheetCells, sheetContext, sheetRows, usedBox, type SheetContext } from "./sheet-reader";

/** Sheets with more XML than this are taken at their declared dimension (see fileUsedBox). */
export const DECLARED_DIMENSION_FROM_BYTES = 32 * 2 ** 20;

/** One sheet of the workbook being refreshed: in the file, written this session, or both. */
export interface SheetSlot {
  name: string;
  visibility: SheetVisibility;
  /** Its worksheet part in the file (none for a sheet added this session). */
  part?: string;
  /** What this session wrote to it (a generated sheet's model, or the settings sheet's rows). */
  written?: { model?: SheetModel; rows?: string[][]; owned?: RangeBox[]; previous?: PreviousSheet };
}

export class SpliceBackend implements WorkbookBackend {
  /** The file is read into memory once and written on saving: nothing else changes it meanwhile. */
  readonly soleWriter = true;
  readonly slots: SheetSlot[];
  /** Parts of sheets deleted this session. */
  readonly deletedParts: string[] = [];
  names: PackageDefinedName[];
  /** The sheets written this session, for reading them back. */
  private readonly written = new MemoryBackend();
  private context?: SheetContext;
  private readonly usedBoxes = new Map<string, RangeBox | undefined>();

  constructor(readonly pkg: XlsxPackage) {
    this.slots = pkg.sheets().map((s) => ({ name: s.name, visibility: s.visibility, part: s.part }));
    this.names = pkg.definedNames();
  }

  get label(): string {
    return this.pkg.file;
  }

  private ctx(): SheetContext {
    this.context ??= sheetContext(this.pkg);
    return this.context;
  }

  private slot(name: string): SheetSlot {
    const slot = this.slots.find((s) => sameSheetName(s.name, name));
    if (!slot) throw new Error(`no sheet named "${name}"`);
    return slot;
  }

  /**
   * The used box of a sheet in the file, found by reading it (writers declare a <dimension> that often
   * covers formatted blank rows). A big sheet is taken at its declared dimension, when it has one, to read
   * it once rather than twice: reading a table drops blank rows at its end anyway.
   */
  private async fileUsedBox(part: string): Promise<RangeBox | undefined> {
    if (this.usedBoxes.has(part)) return this.usedBoxes.get(part);
    const size = this.pkg.entries.find((e) => e.name === part)?.uncompressedSize ?? 0;
    const declared = size > DECLARED_DIMENSION_FROM_BYTES ? this.pkg.declaredDimension(part) : undefined;
    const box = declared ?? (await usedBox(this.pkg, part, this.ctx()));
    this.usedBoxes.set(part, box);
    return box;
  }

  async sheets(): Promise<BackendSheet[]> {
    const writtenSheets = await this.written.sheets();
    const out: BackendSheet[] = [];
    for (const s of this.slots) {
      const info: BackendSheet = { name: s.name, visibility: s.visibility };
      const used = s.written
        ? writtenSheets.find((w) => sameSheetName(w.name, s.name))?.usedRange
        : await this.fileUsedBox(s.part as string);
      if (used) info.usedRange = used;
      out.push(info);
    }
    return out;
  }

  async tables(): Promise<TableInfo[]> {
    const writtenTables = await this.written.tables();
    return this.slots.flatMap((s) =>
      s.written
        ? writtenTables.filter((t) => sameSheetName(t.sheet, s.name))
        : this.pkg.tables(s.part as string).map((t) => ({ ...t, sheet: s.name })),
    );
  }

  async *rows(sheet: string, box?: RangeBox): AsyncIterable<SheetRow[]> {
    const slot = this.slot(sheet);
    if (slot.written) {
      yield* this.written.rows(slot.name, box);
      return;
    }
    const area = box ?? (await this.fileUsedBox(slot.part as string));
    if (!area) return;
    yield* sheetRows(this.pkg, slot.part as string, this.ctx(), area);
  }

  async readCells(sheet: string, cells: CellPosition[]): Promise<CellContents[]> {
    const slot = this.slot(sheet);
    if (slot.written) return this.written.readCells(slot.name, cells);
    if (cells.length === 0) return [];
    // A loop, not Math.min(...cells): a carried table may have a cell per customer.
    let box: RangeBox | undefined;
    for (const c of cells) box = boxWith(box, c.row, c.col);
    // Only the cells asked for are kept: their box may span a table of 100,000 customers.
    const wanted = new Set(cells.map((p) => `${p.row}:${p.col}`));
    const found = new Map<string, CellContents>();
    for await (const batch of readSheetCells(this.pkg, slot.part as string, this.ctx(), box)) {
      for (const { row, cells: rowCells } of batch) {
        for (const c of rowCells) {
          if (!wanted.has(`${row}:${c.col}`)) continue;
          const contents: CellContents = { value: c.value as CellValue };
          if (c.formula !== undefined) contents.formula = c.formula;
          found.set(`${row}:${c.col}`, contents);
        }
      }
    }
    return cells.map((p) => found.get(`${p.row}:${p.col}`) ?? { value: null });
  }

  async writeSheet(
    model: SheetModel,
    sheetName: string,
    replace?: string,
    owned?: RangeBox[],
    previous?: PreviousSheet,
  ): Promise<void> {
    const slot = replace ? this.slot(replace) : undefined;
    const kept = owned ?? (model.footprint ? [parseRangeAddress(model.footprint)] : undefined);
    // The part is written whole: a tab colour or frozen panes the user changed are written again as
    // they are (sheet-view.ts), not replaced by the report's.
    const now = slot?.part ? this.pkg.sheetView(slot.part) : undefined;
    if (now) model = withUserView(model, now, userViewSettings(now, previous?.view, model));
    if (slot) {
      if (slot.written) await this.written.deleteSheet(slot.name);
      slot.name = sheetName;
      // A second write in the same session replaces the first; what it kept of the file still applies.
      slot.written = slot.written?.owned
        ? { model, owned: slot.written.owned, previous: slot.written.previous }
        : { model, owned: kept, previous };
    } else {
      this.slots.push({ name: sheetName, visibility: "visible", written: { model } });
    }
    await this.written.writeSheet(model, sheetName);
  }

  async deleteSheet(name: string): Promise<void> {
    const index = this.slots.findIndex((s) => sameSheetName(s.name, name));
    if (index < 0) return;
    const [slot] = this.slots.splice(index, 1);
    if (slot.part) this.deletedParts.push(slot.part);
    if (slot.written) await this.written.deleteSheet(slot.name);
  }

  async definedNames(): Promise<string[]> {
    return this.names.filter((n) => n.localSheet === undefined).map((n) => n.name);
  }

  async setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void> {
    const gone = new Set([...remove, ...add.map((a) => a.name)].map((n) => n.toLowerCase()));
    this.names = this.names.filter((n) => n.localSheet !== undefined || !gone.has(n.name.toLowerCase()));
    this.names.push(...add.map(packageName));
  }

  async writeHiddenSheet(name: string, rows: string[][]): Promise<void> {
    const slot = this.slots.find((s) => sameSheetName(s.name, name));
    if (slot) {
      if (slot.written) await this.written.deleteSheet(slot.name);
      slot.visibility = "veryHidden";
      slot.written = { rows };
    } else {
      this.slots.push({ name, visibility: "veryHidden", written: { rows } });
    }
    await this.written.writeHiddenSheet(name, rows);
  }

  /** True once something was written or deleted. */
  get changed(): boolean {
    return this.deletedParts.length > 0 || this.slots.some((s) => s.written);
  }
}
