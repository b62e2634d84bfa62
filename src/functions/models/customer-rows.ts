/**
 * The per-customer model inputs x (repeat purchases), t_x (time of the last purchase) and T (time
 * since the first purchase), read from three arguments with the engine's own checks (x ≥ 0,
 * 0 ≤ t_x ≤ T, T > 0, t_x > 0 when x > 0), each failure naming the argument and the cell.
 */
import { findRfmProblem } from "../../engine/models/data";
import type { Arg } from "../excel/args";
import { valueError, type ExcelError } from "../excel/errors";
import { readRows, type RowSpec, type RowTable } from "../excel/rows";

/** Which argument each field of the engine's input problems refers to. */
const FIELD_ARG: Record<string, number> = { x: 0, t_x: 1, T: 2 };

/**
 * Reads x, t_x, T (and any further per-row arguments after them, `extra`). With `checks` = "rfm" every
 * row the engine's continuous-time rules refuse is marked with the engine's message and our place; with
 * "engine" the model checks rows itself as it computes (see engineRowError).
 */
export function readCustomerRows(
  x: Arg,
  tx: Arg,
  T: Arg,
  extra: RowSpec[] = [],
  checks: "rfm" | "engine" = "rfm",
): RowTable {
  const table = readRows([{ arg: x }, { arg: tx }, { arg: T }, ...extra]);
  if (checks === "engine") return table;
  const rows = table.validRows();
  const [xs, txs, Ts] = [0, 1, 2].map((c) => table.pick(c, rows));
  // The engine reports the first problem; look again after it until there is none. Views, not copies.
  let start = 0;
  while (start < rows.length) {
    const problem = findRfmProblem({ x: xs.subarray(start), tx: txs.subarray(start), T: Ts.subarray(start) });
    if (!problem) break;
    const k = start + problem.row;
    const c = FIELD_ARG[problem.field] ?? 0;
    table.reject(rows[k], valueError(`${table.place(c, rows[k])}: ${problem.message}`));
    start = k + 1;
  }
  return table;
}

/** Which argument (0: x, 1: t_x, 2: T or n, 3: weights) an engine message is about, by its first word. */
const FIELD_WORDS: readonly [RegExp, number][] = [
  [/^weights?\b/, 3],
  [/^(recency|t_x)\b/, 1],
  [/^(periods|n|T)\b/, 2],
  [/^(frequency|x)\b/, 0],
];

const ROW_MESSAGE = /^row (\d+): ([\s\S]*)$/;

/**
 * An engine's RangeError about one input row ("row 3: recency t_x = 7 is not a whole number in 0..n
 * (6)") as our #VALUE! naming the argument and the cell. `rows` maps the engine's row numbers (1-based,
 * in the rows it was given) to table rows; a prediction for one row passes that row alone. A RangeError
 * without a row number is about row rows[0] and, by default, about argument `fallback` (a horizon, say).
 * Anything else is thrown again.
 */
export function engineRowError(
  e: unknown,
  table: RowTable,
  rows: ArrayLike<number>,
  fallback?: number,
): ExcelError {
  if (!(e instanceof RangeError)) throw e;
  const m = ROW_MESSAGE.exec(e.message);
  if (!m) {
    if (fallback === undefined || rows.length === 0) throw e;
    return valueError(`${table.place(fallback, rows[0])}: ${e.message}`);
  }
  const i = rows[Number(m[1]) - 1];
  if (i === undefined) throw e;
  const field = FIELD_WORDS.find(([words]) => words.test(m[2]))?.[1] ?? 0;
  return valueError(`${table.place(Math.min(field, table.columns.length - 1), i)}: ${m[2]}`);
}
