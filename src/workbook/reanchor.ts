/**
 * The formulas of a user's conditional format or validation on a carried table, rewritten for where its
 * cells go. Such a formula is written for the first cell of the object's range, and every other cell
 * reads it shifted by its own offset from that cell ("=$E7="yes"" on E7:E40 asks each row about its own
 * E). When the table is rebuilt its customers change rows and its columns may move, so the formula is
 * rewritten for the new first cell, but only where that keeps its meaning exactly for every cell:
 *
 * - a reference relative in its row must be to the cell's own row (each customer's row moves whole);
 * - the column it refers to must be one of the table's (it moves by its header), and where the column is
 *   relative, each column of the object must keep its distance to the column it reads;
 * - a reference absolute in its row must be to the table's header row or a customer's row (which moves to
 *   that customer's new row) where its column is relative; wholly absolute references ($B$2) are kept;
 * - references to other sheets or to ranges, relative ones, cannot be told apart: the object is listed.
 *
 * Anything else (a reference to the row above, to a column beyond the table) is undefined: the object is
 * listed before anything is written, as before.
 */
import { columnName, columnNumber, type RangeBox } from "../sheet/a1";
import type { TableMove } from "./carry";

/** A cell reference in a formula: its place in the text and its parts. */
interface CellReference {
  start: number;
  end: number;
  colAbsolute: boolean;
  col: number;
  rowAbsolute: boolean;
  row: number;
  /** Part of a range ("A1:B2") or of another sheet ("Sheet2!A1"). */
  qualified: boolean;
}

/** Texts in quotes blanked, so that "A1" in a string is no reference (same length, same indexes). */
function withoutStrings(formula: string): string {
  return formula.replace(/"[^"]*"/g, (s) => " ".repeat(s.length));
}

function cellReferences(formula: string): CellReference[] {
  const bare = withoutStrings(formula);
  const out: CellReference[] = [];
  for (const m of bare.matchAll(/(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = bare[start - 1] ?? "";
    const after = bare[end] ?? "";
    // Part of a name, a number or a function's name (LOG10(...)).
    if (/[A-Za-z0-9_.$]/.test(before) || /[A-Za-z0-9_(]/.test(after)) continue;
    out.push({
      start,
      end,
      colAbsolute: m[1] === "$",
      col: columnNumber(m[2].toUpperCase()),
      rowAbsolute: m[3] === "$",
      row: Number(m[4]),
      qualified: before === "!" || before === ":" || after === ":" || after === "!",
    });
  }
  return out;
}

/**
 * Whether a formula of a format or validation holds a relative cell reference ("A5", "$A5"): it is
 * written for the first cell of its range, so it must be rewritten when that cell moves.
 */
export function hasRelativeReference(formula: string): boolean {
  return cellReferences(formula).some((r) => !r.colAbsolute || !r.rowAbsolute);
}

/** Where a column of the old table is in the rebuilt one; undefined outside it or where it is gone. */
function newColumn(move: TableMove, col: number): number | undefined {
  if (col < move.from.left || col > move.from.right) return undefined;
  return move.columns[col - move.from.left];
}

/** Where a row of the old table is in the rebuilt one: its header's, or its customer's; else undefined. */
function newRow(move: TableMove, row: number): number | undefined {
  return row === move.from.top ? move.to.top : move.rows.get(row);
}

/** The reference rewritten for the new first cell `to` (old first cell `from`); undefined when it cannot be. */
function rewrite(
  ref: CellReference,
  move: TableMove,
  from: { row: number; col: number },
  to: { row: number; col: number },
  columns: number[],
): string | undefined {
  if (ref.colAbsolute && ref.rowAbsolute) return undefined;
  if (ref.qualified) return undefined;
  let row: number | undefined;
  if (!ref.rowAbsolute) row = ref.row === from.row ? to.row : undefined;
  else row = newRow(move, ref.row);
  const col = newColumn(move, ref.col);
  if (row === undefined || col === undefined) return undefined;
  if (!ref.colAbsolute) {
    // Each column of the object reads the column at the same distance: so must it after the move.
    const distance = ref.col - from.col;
    const now = col - to.col;
    if (columns.some((c) => newColumn(move, c + distance) !== (newColumn(move, c) ?? NaN) + now))
      return undefined;
  }
  return `${ref.colAbsolute ? "$" : ""}${columnName(col)}${ref.rowAbsolute ? "$" : ""}${row}`;
}

/**
 * The object's boxes `to` (where `boxes` went, relocateRanges) in the order whose first cell the
 * formulas are rewritten for, and each formula that changes (old -> new, as given); undefined when
 * one of them cannot keep its meaning (see the module's comment).
 */
export function reanchorFormulas(
  formulas: string[],
  boxes: RangeBox[],
  to: RangeBox[],
  moves: TableMove[],
): { to: RangeBox[]; formulas: Map<string, string> } | undefined {
  const move = moves.find((m) =>
    boxes.every(
      (b) =>
        b.top >= m.from.top && b.bottom <= m.from.bottom && b.left >= m.from.left && b.right <= m.from.right,
    ),
  );
  if (!move || boxes.length === 0 || to.length === 0) return undefined;
  const sorted = [...to].sort((a, b) => a.top - b.top || a.left - b.left);
  // The first cell must be the top-left one of all, however a host reads "the first cell" of several
  // ranges (the first range's, or the top-left corner of them all, as LibreOffice reads a file): so it
  // must have been before, else what the formula was written for is not known for sure.
  const topLeft = (list: RangeBox[]) => list.every((b) => b.top >= list[0].top && b.left >= list[0].left);
  if (!topLeft(boxes) || !topLeft(sorted)) return undefined;
  const from = { row: boxes[0].top, col: boxes[0].left };
  const first = { row: sorted[0].top, col: sorted[0].left };
  const columns = [
    ...new Set(boxes.flatMap((b) => Array.from({ length: b.right - b.left + 1 }, (_, i) => b.left + i))),
  ];
  const rewritten = new Map<string, string>();
  for (const formula of formulas) {
    const refs = cellReferences(formula).filter((r) => !(r.colAbsolute && r.rowAbsolute));
    let text = formula;
    for (const ref of refs.reverse()) {
      const now = rewrite(ref, move, from, first, columns);
      if (now === undefined) return undefined;
      text = text.slice(0, ref.start) + now + text.slice(ref.end);
    }
    if (text !== formula) rewritten.set(formula, text);
  }
  return { to: sorted, formulas: rewritten };
}
