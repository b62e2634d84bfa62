/**
 * The in-memory workbook: the Workbook port over MemoryBackend, plus what a test or the preview needs to
 * play the user's part (add user sheets and tables, type into a cell) and to look at the result.
 */
import type { CellValue } from "../../engine/data/table";
import { parseCellAddress, parseRangeAddress, rangeAddress } from "../../sheet/a1";
import type { Scalar } from "../../sheet/sheet-model";
import { BackedWorkbook, type BackedWorkbookOptions } from "../backed-workbook";
import type { DefinedNameSpec } from "../backend";
import {
  emptySheet,
  MemoryBackend,
  setMemoryCell,
  type MemoryCell,
  type MemorySheet,
} from "./memory-backend";

/**
 * What a user puts in a cell: a value, a formula (without "=") with its last computed value, or an error
 * value such as #N/A.
 */
export type UserCell = Scalar | { formula: string; result?: Scalar } | { error: string };

export interface UserSheetFixture {
  name: string;
  /** Rows of cells starting at A1 (or at `at`). */
  rows: UserCell[][];
  at?: string;
  /** Excel tables on this sheet: name and A1 range including the header. */
  tables?: { name: string; range: string }[];
}

function toMemoryCell(cell: UserCell): MemoryCell {
  if (typeof cell === "object" && cell !== null && !(cell instanceof Date)) {
    if ("error" in cell) return { value: { error: cell.error } };
    return { value: cell.result ?? null, formula: cell.formula.replace(/^=/, "") };
  }
  return { value: cell };
}

export class MemoryWorkbook extends BackedWorkbook {
  constructor(
    private readonly memory: MemoryBackend = new MemoryBackend(),
    options: BackedWorkbookOptions = {},
  ) {
    super(memory, options);
  }

  static withSheets(sheets: UserSheetFixture[], options: BackedWorkbookOptions = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook(new MemoryBackend(), options);
    for (const s of sheets) wb.addUserSheet(s);
    return wb;
  }

  /** Adds a user sheet (as if the user had typed it in). */
  addUserSheet(fixture: UserSheetFixture): MemorySheet {
    if (this.memory.sheet(fixture.name)) throw new Error(`sheet "${fixture.name}" exists`);
    const sheet = emptySheet(fixture.name);
    const at = parseCellAddress(fixture.at ?? "A1");
    fixture.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell !== null && cell !== undefined) {
          setMemoryCell(sheet, { row: at.row + r, col: at.col + c }, toMemoryCell(cell));
        }
      }),
    );
    sheet.tables = (fixture.tables ?? []).map((t) => ({
      name: t.name,
      range: rangeAddress(parseRangeAddress(t.range), false, true),
    }));
    this.memory.sheetList.push(sheet);
    return sheet;
  }

  /** A user's edit: types a value or formula into one cell of any sheet. */
  setCell(sheetName: string, address: string, cell: UserCell): void {
    const sheet = this.sheet(sheetName);
    const pos = parseCellAddress(address);
    const { formula: _formula, ...formats } = sheet.cells.get(pos.row)?.get(pos.col) ?? { value: null };
    // Typing replaces the value or formula and keeps the cell's format, as in Excel.
    setMemoryCell(sheet, pos, { ...formats, ...toMemoryCell(cell) });
  }

  /** A user's note (comment) on a cell of any sheet. */
  setNote(sheetName: string, address: string, text: string): void {
    const sheet = this.sheet(sheetName);
    const pos = parseCellAddress(address);
    setMemoryCell(sheet, pos, { ...(sheet.cells.get(pos.row)?.get(pos.col) ?? { value: null }), note: text });
  }

  /** A user's chart, named `name`, with its top-left corner on the cell `address`. */
  addUserChart(sheetName: string, name: string, address: string): void {
    this.sheet(sheetName).userCharts.push({ name, at: parseCellAddress(address) });
  }

  /** A user-defined workbook name. */
  addUserName(name: string, reference: string): void {
    this.memory.names.set(name.toLowerCase(), { name, reference });
  }

  cellAt(sheetName: string, address: string): MemoryCell | undefined {
    const pos = parseCellAddress(address);
    return this.sheet(sheetName).cells.get(pos.row)?.get(pos.col);
  }

  value(sheetName: string, address: string): CellValue {
    return this.cellAt(sheetName, address)?.value ?? null;
  }

  sheet(name: string): MemorySheet {
    const sheet = this.memory.sheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  /** Sheets in tab order (including the hidden settings sheet), for the preview. */
  get sheets(): readonly MemorySheet[] {
    return this.memory.sheetList;
  }

  /** Workbook-scoped names (the user's and the generated sheets'). */
  listDefinedNames(): DefinedNameSpec[] {
    return [...this.memory.names.values()];
  }
}
