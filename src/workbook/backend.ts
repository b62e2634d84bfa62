/**
 * What an adapter must do so that BackedWorkbook (backed-workbook.ts) can implement the whole Workbook
 * port on top of it: read cells, write one sheet model, delete a sheet, manage defined names, and keep a
 * very hidden sheet of text. Naming, collisions, the registry of generated sheets, input cells, settings
 * and header detection are done once, in BackedWorkbook, for every adapter.
 */
import type { CellValue } from "../engine/data/table";
import type { CellPosition, RangeBox } from "../sheet/a1";
import type { ChartSpec, SheetModel } from "../sheet/sheet-model";
import type { RefreshLoss, SheetVisibility, TableInfo } from "../sheet/port";

export interface BackendSheet {
  name: string;
  visibility: SheetVisibility;
  /** Smallest box holding every non-empty cell; undefined for an empty sheet. */
  usedRange?: RangeBox;
}

/** One sheet row: `cells[0]` is the left column of the box that was asked for. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export interface CellContents {
  value: CellValue;
  /** Formula without "=". */
  formula?: string;
}

export interface DefinedNameSpec {
  name: string;
  /** Absolute reference with the sheet name, e.g. 'LL Benefit cost'!$C$4. */
  reference: string;
  comment?: string;
}

export interface WorkbookBackend {
  /** Sheets in tab order. */
  sheets(): Promise<BackendSheet[]>;
  tables(): Promise<TableInfo[]>;
  /**
   * The rows of a box of a sheet (default: from A1 to the end of the used range), top to bottom, in
   * batches. Blank rows may be left out; short rows mean blank cells at the end.
   */
  rows(sheet: string, box?: RangeBox): AsyncIterable<SheetRow[]>;
  readCells(sheet: string, cells: CellPosition[]): Promise<CellContents[]>;
  /**
   * Writes the model (cells, formats, tables, charts, ...; not its `names`) as sheet `sheetName`.
   * `replace`: the name of the generated sheet it replaces, in place (same tab position); its old content
   * is cleared, all of it, or only what lies inside `model.footprint` when the model has one (what the
   * user added outside the footprint stays). Without `replace`, a new sheet is added after the last one.
   * `owned`: the parts of the old sheet the model replaces (what the last build wrote, and the carried
   * tables with the columns users added beside them); everything outside them is the user's and stays
   * where it is. Undefined: the footprint, or the whole sheet for a model without one.
   */
  writeSheet(model: SheetModel, sheetName: string, replace?: string, owned?: RangeBox[]): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  /** Names of the workbook-scoped defined names. */
  definedNames(): Promise<string[]>;
  /** Removes the names `remove` and adds (or redefines) the names `add`. */
  setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void>;
  /** Replaces the content of a veryHidden sheet with rows of text, creating the sheet if needed. */
  writeHiddenSheet(name: string, rows: string[][]): Promise<void>;
  /**
   * For a backend whose writes take effect at once: what writeSheet(model, _, sheet, owned) would remove
   * of the user's besides cells (notes on the report's cells, charts of theirs on its parts). `charts`: the
   * charts the last build put on the sheet (the report's own). Nothing is changed.
   */
  losses?(
    sheet: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    charts: ChartSpec[],
  ): Promise<RefreshLoss[]>;
}
