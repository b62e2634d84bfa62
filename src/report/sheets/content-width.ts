/**
 * How wide a cell's content shows on screen, roughly, in characters: what the layout sizes its columns by.
 */
import { isCellSpec, numberFormatCode } from "../../sheet/sheet-model-cells";
import type { Cell, NumberFormat } from "../../sheet/sheet-model";

/** Characters a value takes on screen, roughly: wide (CJK) characters count twice. */
export function textLength(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 2 : 1;
  return n;
}

/** Characters a number takes in a format, roughly (enough to size a column). */
function numberLength(v: number, format: NumberFormat | undefined): number {
  const code = format ? numberFormatCode(format) : "General";
  if (/y{2,}|d{2}/.test(code)) return code.replace(/[^ymdh:]/g, "").length + 2;
  const decimals = /\.(0+)/.exec(code)?.[1].length ?? 0;
  const prefix = /^"([^"]*)"/.exec(code)?.[1].length ?? 0;
  if (code.includes("%")) return (Math.abs(v) * 100).toFixed(decimals).length + 2;
  if (code === "General") return Math.min(11, String(v).length);
  const grouped = numberFormatter(decimals, code.includes(",")).format(Math.abs(v));
  return grouped.length + prefix + (v < 0 ? 1 : 0);
}

/**
 * The en-US formatter of `decimals` decimals, with or without grouping, made once: toLocaleString with
 * options makes one per call (tens of µs each, half a second of a report's time).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormatter(decimals: number, useGrouping: boolean): Intl.NumberFormat {
  const key = `${decimals},${useGrouping}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Characters a cell shows in a column of format `format` (its own format first). */
export function displayLength(cell: Cell | undefined, format: NumberFormat | undefined): number {
  if (cell === undefined || cell === null) return 0;
  if (isCellSpec(cell)) return displayLength(cell.value ?? cell.result ?? null, cell.format ?? format);
  if (typeof cell === "string") return textLength(cell);
  if (typeof cell === "number") return numberLength(cell, format);
  if (typeof cell === "boolean") return 5;
  return 10;
}
