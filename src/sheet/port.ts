/**
 * The WORKBOOK PORT: everything the report builders, the task pane and the CLI need from a workbook, the
 * same for an .xlsx file (src/workbook/xlsx), the open Excel workbook (src/workbook/office) and an
 * in-memory workbook (src/workbook/memory). All methods are async because Office.js is.
 *
 * Rules every adapter keeps (the contract tests in test/workbook/contract.ts check them):
 * - USER sheets are never written, renamed or deleted. Only GENERATED sheets are: sheets this workbook's
 *   registry (see below) lists as written by Loyalty Lens.
 * - A generated sheet is replaced IN PLACE (same tab position) when rebuilt, found by its model's `kind`.
 * - A generated sheet's name is GENERATED_SHEET_PREFIX + model.name ("LL Segments"). When a user sheet
 *   already has that name, the generated sheet gets another one ("LL Segments (2)") and the write result
 *   says so (`renamed`), so the caller can tell the user.
 * - Input cells (CellSpec.input) whose value the user changed keep the user's value on rebuild.
 * - A model with a footprint (SheetModel.footprint) replaces only the cells, merges, tables, validations
 *   and conditional formats inside it on rebuild; what the user added outside it is kept.
 * - Text values are written as text, whatever they start with.
 *
 * Where settings and markers live, and why: in a veryHidden worksheet named SETTINGS_SHEET_NAME holding
 * JSON text in its cells (layout in settings-store.ts).
 * - It is the one place both the xlsx adapter (ExcelJS) and the Office adapter (Excel JavaScript API) can
 *   read and write: Office's document settings (Office.context.document.settings) and custom XML parts
 *   live in parts ExcelJS neither reads nor keeps (it drops unknown parts on save), and ExcelJS cannot
 *   write Office's worksheet custom properties. A file written by the CLI and later opened in Excel with
 *   the add-in therefore sees the same settings, and the other way round.
 * - veryHidden (not just hidden) keeps it out of Excel's Unhide dialog, so users do not edit it by
 *   accident; it still travels with the file when the workbook is shared.
 * - The generated-sheet registry is stored there too (kind -> sheet name, the input cells and their
 *   defaults, the defined names the sheet owns), rather than in the generated sheets themselves, so a user
 *   sheet is never mistaken for a generated one. A generated sheet the user renames or deletes drops out
 *   of the registry: it is left alone from then on and the next build writes a new one.
 */
import type { CellValue, RawTable } from "../engine/data/table";
import type { Scalar, SheetModel } from "./sheet-model";
import type { RefreshLoss } from "../user-error";

export type { RefreshLoss } from "../user-error";

/** A loss found on a sheet before the sheet is named (the caller adds it). */
export type SheetLoss = Omit<RefreshLoss, "sheet">;

/** Prefix of every generated sheet's name: the visible half of the marker (the registry is the other). */
export const GENERATED_SHEET_PREFIX = "LL ";

/** The veryHidden sheet holding settings and the generated-sheet registry. */
export const SETTINGS_SHEET_NAME = "_loyalty_lens";

/**
 * The veryHidden sheet holding what the last build knew of each member (tier, at risk or lost, last
 * purchase), one member a row, so the next build can say what changed. Rows, not a JSON text in the
 * settings sheet: 150,000 members are megabytes, which one cell of Excel's payload would not carry.
 */
export const MEMBER_STATE_SHEET_NAME = "_loyalty_lens_members";

/** The sheets of Loyalty Lens's own that no one lists, reads as orders or writes over. */
export const HIDDEN_STORE_SHEETS: readonly string[] = [SETTINGS_SHEET_NAME, MEMBER_STATE_SHEET_NAME];

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  /** 0-based tab position. */
  position: number;
  visibility: SheetVisibility;
  /** A1 range from A1 (or the first used cell) to the last used cell; undefined for an empty sheet. */
  usedRange?: string;
  /** Kind of the generated sheet (e.g. "segments"); undefined for user sheets. */
  generatedKind?: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** A1 range including the header row (and the totals row, if any). */
  range: string;
}

/** What to read: an Excel table by name, or a sheet (its used range, or a given A1 range). */
export type TableSource = { table: string } | { sheet: string; range?: string };

export interface ReadTableOptions {
  /**
   * Where the header is. "auto" (default): Excel tables use their header row; for sheets and ranges the
   * first row that looks like headers (several distinct texts, no numbers) among the first rows, so
   * titles and blank rows above the table are skipped. A number: that sheet row. "none": no header, the
   * columns are called "Column A", "Column B", ...
   */
  header?: "auto" | "none" | number;
  /**
   * Told after each chunk of rows read (Excel reads a large range in several): the sheet rows of the
   * range read so far and in all, for a progress line. Not sent across a worker boundary.
   */
  onRows?: (read: number, total: number) => void;
}

export interface WriteSheetOptions {
  /** Keep user-edited input cells of the sheet being replaced (default true). */
  keepInputs?: boolean;
}

export interface WriteSheetResult {
  kind: string;
  /** The name the sheet has in the workbook. */
  sheetName: string;
  /** The name it would have had without a collision (prefix + model name). */
  requestedName: string;
  /** True when a user sheet had the requested name and the generated sheet got another one. */
  renamed: boolean;
  /** True when an existing generated sheet of this kind was replaced (false: a new sheet was added). */
  replaced: boolean;
  /** Keys of input cells whose user-edited values were kept. */
  keptInputs: string[];
  /** Values users typed in carried tables (TableCarry) that were put back on their row. */
  carried: number;
  /** Rows of such values whose key left the table, kept in a Kept notes table. */
  keptRows: number;
  /**
   * What the user wrote on the sheet that the rebuild could not keep where it was: a caller that has not
   * written yet stops and lists them unless told to go on.
   */
  notCarried: RefreshLoss[];
}

/** The state of one input cell of a generated sheet. */
export interface InputCellState {
  key: string;
  /** Where it is now, e.g. "C4". */
  address: string;
  /** Current value (for a formula the user typed: its last computed value, when known). */
  value: CellValue;
  /** The formula the user typed into the input cell, if any (without "="). */
  formula?: string;
  /** The value the builder wrote last time. */
  defaultValue: Scalar;
  /** True when the current value differs from the default: the user edited it. */
  edited: boolean;
}

export interface GeneratedSheetInfo {
  kind: string;
  sheetName: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Workbook {
  /** All sheets in tab order, including hidden ones (the settings and member state sheets are not listed). */
  listSheets(): Promise<SheetInfo[]>;
  /** All Excel tables (list objects) of the workbook. */
  listTables(): Promise<TableInfo[]>;
  /**
   * Reads a table or range as a RawTable (header row found as ReadTableOptions says; blank rows at the
   * end dropped). Throws UserError naming the sheet for an empty sheet or when no header row is found.
   */
  readTable(source: TableSource, options?: ReadTableOptions): Promise<RawTable>;
  /** The cells of a range of a sheet (default: its used range, from A1), row by row. */
  readRange(sheet: string, range?: string): Promise<CellValue[][]>;
  /** Writes a generated sheet: creates it, or replaces the one of the same kind in place. */
  writeSheet(model: SheetModel, options?: WriteSheetOptions): Promise<WriteSheetResult>;
  /**
   * What of the user's writing these models would remove (nothing is written): the report checks it
   * before it writes anything and stops unless told to go on. An .xlsx workbook, whose writes take effect
   * only when it is saved, lists it when it saves, and gives nothing here.
   */
  refreshLosses(models: SheetModel[]): Promise<RefreshLoss[]>;
  /** Deletes the generated sheet of this kind (and the names it defined); false when there is none. */
  deleteGeneratedSheet(kind: string): Promise<boolean>;
  /** The generated sheets that exist now. */
  listGeneratedSheets(): Promise<GeneratedSheetInfo[]>;
  /** Current values of the input cells of the generated sheet of this kind (empty when none). */
  readInputs(kind: string): Promise<InputCellState[]>;
  /** The report settings stored in the workbook, or undefined when it has none. */
  readSettings(): Promise<JsonValue | undefined>;
  writeSettings(settings: JsonValue): Promise<void>;
  /** The rows of the member state sheet (MEMBER_STATE_SHEET_NAME), or undefined when it has none. */
  readMemberState(): Promise<CellValue[][] | undefined>;
  /** Replaces the member state sheet's rows (text cells). */
  writeMemberState(rows: string[][]): Promise<void>;
}
