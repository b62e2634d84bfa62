/**
 * A generated sheet written before the registry recorded the boxes each build wrote (builds before
 * December 2026): which of its parts a rebuild may take for the report's. Nothing there says what the
 * old build wrote, so nothing is guessed that could remove a user's value:
 *
 * - the report's for sure: where the new build writes (its blocks, tables and charts' cells), the old
 *   sheet's tables of the names the report gives its tables (the user's columns beside them are carried),
 *   and nothing else;
 * - every other cell with a value (a memo of the user's, or the old build's text where the new layout
 *   writes nothing) cannot be told apart: it is listed before anything is written, the refresh stops, and
 *   only when told to go on (`--force`, Refresh anyway) is it cleared with the report's parts.
 *
 * From that refresh on the registry records the boxes, and the next refresh needs none of this.
 */
import { parseRangeAddress, type RangeBox } from "../sheet/a1";
import type { SheetModel } from "../sheet/sheet-model";
import type { TableInfo } from "../sheet/port";
import { keptTableName, modelAreas, type FoundTable } from "./carry";
import { sameSheetName } from "./registry";

/**
 * The parts of the old sheet that are the report's for sure: where `model` (the new build, carried values
 * in) writes, the carried tables as found, and the old sheet's tables named as the report names its own.
 */
export function certainReportAreas(
  model: SheetModel,
  found: FoundTable[],
  sheet: string,
  tables: TableInfo[],
): RangeBox[] {
  const names = new Set(
    model.blocks.flatMap((b) => (b.table ? [b.table.name, keptTableName(b.table.name)] : [])).map(lower),
  );
  const oldTables = tables
    .filter((t) => sameSheetName(t.sheet, sheet) && names.has(lower(t.name)))
    .map((t) => parseRangeAddress(t.range));
  return [...modelAreas(model), ...found.map((f) => f.box), ...oldTables];
}

const lower = (s: string) => s.toLowerCase();

/** A cell with a value, as found. */
export interface FoundCell {
  row: number;
  col: number;
  text: string;
}

/** Touching cells as one group: the boxes that hold them, and their texts in reading order. */
export interface CellGroup {
  boxes: RangeBox[];
  texts: string[];
}

/**
 * The cells grouped by touching (a row's run of cells touches the runs above and below it that share a
 * column): a block of 80 cells of an old build's table is one line of a list, not 80.
 */
export function touchingGroups(cells: FoundCell[]): CellGroup[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { box: RangeBox; texts: string[] }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.box.top === c.row && last.box.right === c.col - 1) {
      last.box.right = c.col;
      last.texts.push(c.text);
    } else runs.push({ box: { top: c.row, bottom: c.row, left: c.col, right: c.col }, texts: [c.text] });
  }
  // Union-find over the runs: runs of consecutive rows that share a column are one group.
  const parent = runs.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  runs.forEach((a, i) => {
    for (let j = i - 1; j >= 0 && runs[j].box.top >= a.box.top - 1; j--) {
      const b = runs[j].box;
      if (b.top === a.box.top - 1 && b.left <= a.box.right && a.box.left <= b.right)
        parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, CellGroup>();
  runs.forEach((run, i) => {
    const group = groups.get(root(i)) ?? { boxes: [], texts: [] };
    groups.set(root(i), group);
    // A run under one of the same columns on the row above extends its box.
    const above = group.boxes.find(
      (b) => b.bottom === run.box.top - 1 && b.left === run.box.left && b.right === run.box.right,
    );
    if (above) above.bottom = run.box.top;
    else group.boxes.push({ ...run.box });
    group.texts.push(...run.texts);
  });
  return [...groups.values()];
}
