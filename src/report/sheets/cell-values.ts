/**
 * Values as report cells hold them: numbers without NaN, rounded for storage, days as Excel dates, and the
 * text and widths of header cells.
 */
import { excelSerialFromDay } from "../../sheet/serial-dates";
import { NO_DAY } from "../../engine/data/days";
import { isCellSpec } from "../../sheet/sheet-model-cells";
import type { Cell } from "../../sheet/sheet-model";

/** A number for a cell: NaN and infinities become a blank (Excel shows nothing rather than an error). */
export function numberCell(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Column widths by header text: the columns named in `widths` get that width, the others (null) are sized
 * by the layout to their content.
 */
export function widthsByHeader(
  header: readonly Cell[],
  widths: Readonly<Record<string, number>>,
): (number | null)[] {
  return header.map((h) => (Object.hasOwn(widths, headerText(h)) ? widths[headerText(h)] : null));
}

/** The text of a header cell, written plainly or with a note. */
export function headerText(h: Cell): string {
  return String(isCellSpec(h) ? h.value : h);
}

/** Rounds for storage: fewer digits make a smaller file and nothing a person reads changes. */
export function round(v: number, digits: number): number | null {
  if (!Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Excel date serial of a day number; null for a missing day. */
export function excelDate(day: number): number | null {
  return day === NO_DAY || !Number.isFinite(day) ? null : excelSerialFromDay(day);
}
