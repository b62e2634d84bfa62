/**
 * The browser preview's view of a sheet: a window of rows (around the selected range, when there is one)
 * as display texts, with the selection to highlight. Pure, so it is tested without a browser.
 */
import { columnName, type RangeBox } from "../../sheet/a1";
import type { MemoryCell, MemorySheet } from "../../workbook/memory/memory-backend";
import { formatWithCode } from "../../sheet/number-format-text";
import { displayCell } from "../source/inspect";

export interface GridWindow {
  /** Sheet rows shown, 1-based, inclusive (0 and -1 for an empty sheet). */
  first: number;
  last: number;
  /** Last used row of the sheet. */
  total: number;
  /** Column letters, from A to the last used column. */
  columns: string[];
  /** Display text of each cell shown, row by row. */
  cells: string[][];
}

/** How many rows the grid shows at a time. */
export const GRID_ROWS = 60;
/** Rows shown above a selection, so the user sees where it is. */
const CONTEXT_ROWS = 5;
/** More columns than this are cut off (generated sheets have far fewer). */
const MAX_COLUMNS = 40;

/** A cell as the grid shows it: the value as its number format shows it (as Excel would), or the formula. */
export function gridText(cell: MemoryCell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if ((v === null || v === undefined) && cell.formula !== undefined) return `=${cell.formula}`;
  if (typeof v === "number" || v instanceof Date) return formatWithCode(v, cell.numberFormat);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return displayCell(v);
}

export function gridWindow(sheet: MemorySheet, selection?: RangeBox, rows = GRID_ROWS): GridWindow {
  let total = 0;
  let right = 0;
  for (const [r, row] of sheet.cells) {
    for (const [c, cell] of row) {
      if ((cell.value === null || cell.value === undefined) && cell.formula === undefined) continue;
      total = Math.max(total, r);
      right = Math.max(right, c);
    }
  }
  if (total === 0) return { first: 0, last: -1, total: 0, columns: [], cells: [] };
  const first = selection ? Math.max(1, Math.min(selection.top - CONTEXT_ROWS, total - rows + 1)) : 1;
  const last = Math.min(total, first + rows - 1);
  const width = Math.min(right, MAX_COLUMNS);
  const columns = Array.from({ length: width }, (_, c) => columnName(c + 1));
  const cells: string[][] = [];
  for (let r = first; r <= last; r++) {
    const row = sheet.cells.get(r);
    cells.push(Array.from({ length: width }, (_, c) => gridText(row?.get(c + 1))));
  }
  return { first, last, total, columns, cells };
}
