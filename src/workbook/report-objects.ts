/**
 * Which notes and charts on a generated sheet being rebuilt are the report's own (deleted and written
 * again) and which are the user's (kept, or listed before anything is written). One rule for every
 * adapter (Excel, the xlsx file, the browser preview's memory):
 *
 * - a note is the report's when its author is the report's mark; where the authors carry no mark (Excel's
 *   API cannot set one, a tool rewrote them, a sheet written before the mark), when its text is the one
 *   the last build wrote at that cell (as the registry recorded it) or one the new build writes (the
 *   layout moves with the data, so the same text may now sit elsewhere); on a sheet written before notes
 *   were marked or recorded, a note with the author that build gave its notes on a cell the new build
 *   writes a note on;
 * - a chart is the report's when its name carries the mark; on a sheet written before charts were
 *   marked, when it is exactly where that build drew one (its top-left cell, as the registry recorded
 *   it) with that chart's title: never by place alone, so a user's chart is never taken for the report's.
 */
import { boxContains, cellAddress, parseCellAddress, type CellPosition, type RangeBox } from "../sheet/a1";
import { notedAndInputCells } from "../sheet/sheet-model-cells";
import type { ChartSpec, SheetModel } from "../sheet/sheet-model";
import { isReportChartName, REPORT_NOTE_AUTHOR, UNMARKED_NOTE_AUTHOR } from "../sheet/report-marks";
import type { PreviousSheet } from "./backend";
import { carriedCell, relocateBox, type TableMove } from "./carry";

/** A note found on the old sheet. */
export interface FoundNote {
  /** "B5" (no $). */
  cell: string;
  text: string;
  /** Its author, where the adapter can read one. */
  author?: string;
}

/** What tells the report's notes: the texts the new build writes, what the last one wrote where. */
export interface ReportNotes {
  now: Set<string>;
  /** The cells ("B5") the new build writes a note on. */
  nowAt: Set<string>;
  before?: Record<string, string>;
  /** Where the carried tables' cells go (an old note on one of their headers is on its header now). */
  moves: TableMove[];
  /**
   * Whether the notes read carry authors that include the report's mark (a file last written by the
   * command line): then a note without it is the user's, whatever its text.
   */
  authorsMarked: boolean;
}

export function reportNotes(
  model: SheetModel | undefined,
  previous: PreviousSheet | undefined,
  authorsMarked = false,
): ReportNotes {
  const now = new Set<string>();
  const nowAt = new Set<string>();
  if (model) {
    for (const c of notedAndInputCells(model)) {
      if (c.note === undefined) continue;
      now.add(c.note);
      nowAt.add(cellAddress(c.row, c.col));
    }
  }
  return { now, nowAt, before: previous?.notes, moves: previous?.moves ?? [], authorsMarked };
}

/** Whether any of these authors is the report's mark. */
export function authorsMarked(authors: Iterable<string | undefined>): boolean {
  for (const a of authors) if (a === REPORT_NOTE_AUTHOR) return true;
  return false;
}

export function isReportNote(note: FoundNote, known: ReportNotes): boolean {
  if (note.author === REPORT_NOTE_AUTHOR) return true;
  if (known.authorsMarked) return false;
  if (known.before?.[note.cell] === note.text || known.now.has(note.text)) return true;
  // A build before the mark recorded no notes and wrote them with ExcelJS's author: such a note on a cell
  // the new build writes a note on (a carried table's header where the table moved) is the report's,
  // whatever the data made of its text. A note by anyone else, or on any other cell, is the user's.
  return (
    known.before === undefined &&
    note.author === UNMARKED_NOTE_AUTHOR &&
    known.nowAt.has(cellNow(note.cell, known.moves))
  );
}

/** Where cell `ref` ("B5") of the old sheet is on the rebuilt one: moved with its carried table, else there. */
function cellNow(ref: string, moves: TableMove[]): string {
  if (!/^[A-Z]+\d+$/.test(ref)) return ref;
  const { row, col } = parseCellAddress(ref);
  const moved = relocateBox({ top: row, left: col, bottom: row, right: col }, moves)?.[0];
  return moved ? cellAddress(moved.top, moved.left) : ref;
}

/**
 * Where a note of the user's (not the report's: isReportNote) on the old sheet goes: outside the report's
 * parts (`owned`) it stays on its cell; on a carried table's cell it goes with that customer's row (or
 * their Kept notes row, carriedCell); undefined, to be listed, anywhere else in the report's parts or where
 * the new build writes a note itself.
 */
export function userNoteCell(cell: string, owned: RangeBox[], known: ReportNotes): string | undefined {
  if (!/^[A-Z]+\d+$/.test(cell)) return undefined;
  const { row, col } = parseCellAddress(cell);
  const at = owned.some((b) => boxContains(b, row, col)) ? carriedCell(row, col, known.moves) : { row, col };
  const now = at && cellAddress(at.row, at.col);
  return now === undefined || known.nowAt.has(now) ? undefined : now;
}

/** A chart found on the old sheet. */
export interface FoundChart {
  name?: string;
  /** Its top-left cell, where the adapter can tell it. */
  at?: CellPosition;
  /** Its title's text ("" or undefined for none). */
  title?: string;
}

/**
 * The charts a build drew on a sheet written before charts carried the mark (its registry entry records
 * the charts but not the formats, which came with the mark), else undefined: then only marked charts are
 * the report's.
 */
export function unmarkedReportCharts(entry: {
  charts?: ChartSpec[];
  formats?: unknown;
}): ChartSpec[] | undefined {
  return entry.formats === undefined ? (entry.charts ?? []) : undefined;
}

export function isReportChart(chart: FoundChart, previous: PreviousSheet | undefined): boolean {
  if (isReportChartName(chart.name)) return true;
  const at = chart.at;
  if (!at || !previous?.unmarkedCharts) return false;
  return previous.unmarkedCharts.some(
    (c) => c.at.row === at.row && c.at.col === at.col && (c.title ?? "") === (chart.title ?? ""),
  );
}
