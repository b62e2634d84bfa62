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
import type { TableMove } from "./carry";
import type { ReportFormats } from "./registry";
import type { SheetView } from "./sheet-view";

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

/**
 * What a backend needs to know of the sheet a rebuild replaces, besides the parts the model owns: where
 * the carried tables' cells go (so what the user attached to them follows), and the conditional formats
 * and validation the last build wrote (the report's own; every other one is the user's). `formats` is
 * undefined for a sheet written before they were recorded: those in the owned parts are then the report's
 * where the new build writes one of the same kind and rule at the same place (user-objects.ts).
 */
export interface PreviousSheet {
  moves: TableMove[];
  formats?: ReportFormats;
  /**
   * The formats and validation the new build writes, with their rules: what a format found is compared
   * with where the registry recorded no rule (a sheet an earlier build wrote).
   */
  now?: ReportFormats;
  /**
   * The boxes the last build wrote (the registry's areas) and those the new build writes, block by
   * block: on a sheet without a record of formats, one found is the report's only at the place of its
   * block where the new build writes one (user-objects.ts).
   */
  areas?: { before: RangeBox[]; now: RangeBox[] };
  /** The notes the last build wrote ("B5" -> text), when recorded. */
  notes?: Record<string, string>;
  /**
   * The charts the last build drew, for a sheet written before the report named its charts with its
   * mark (report-objects.ts): those are known by place and title. Undefined for a marked sheet.
   */
  unmarkedCharts?: ChartSpec[];
  /** The tab colour and frozen panes the last build set, when recorded (sheet-view.ts). */
  view?: SheetView;
}

export interface WorkbookBackend {
  /**
   * True when nothing but this backend changes its workbook between two of its calls (a file this process
   * reads and writes): what BackedWorkbook read of the settings store then stays true until it writes it
   * again, so a build reads and parses the registry once, not once per sheet it writes. Not set for Excel,
   * where the user, another add-in or a co-author may change the workbook between two writes.
   */
  readonly soleWriter?: boolean;
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
   * `previous`: what is known of the replaced sheet (see PreviousSheet).
   */
  writeSheet(
    model: SheetModel,
    sheetName: string,
    replace?: string,
    owned?: RangeBox[],
    previous?: PreviousSheet,
  ): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  /** Names of the workbook-scoped defined names. */
  definedNames(): Promise<string[]>;
  /** Removes the names `remove` and adds (or redefines) the names `add`. */
  setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void>;
  /** Replaces the content of a veryHidden sheet with rows of text, creating the sheet if needed. */
  writeHiddenSheet(name: string, rows: string[][]): Promise<void>;
  /**
   * For a backend whose writes take effect at once: what writeSheet(model, _, sheet, owned, previous)
   * would remove of the user's besides cells (notes on the report's cells; links, conditional formats and
   * validation of theirs in its parts that cannot follow their cells). Nothing is changed.
   */
  losses?(
    sheet: string,
    model: SheetModel,
    owned: RangeBox[] | undefined,
    previous: PreviousSheet,
  ): Promise<RefreshLoss[]>;
}
