/**
 * The per-customer model inputs x (repeat purchases), t_x (time of the last purchase) and T (time
 * since the first purchase), read from three arguments with the engine's own checks (x ≥ 0,
 * 0 ≤ t_x ≤ T, T > 0, t_x > 0 when x > 0), each failure naming the argument and the cell.
 */
import { findRfmProblem } from "../../engine/models/data";
import type { Arg } from "../excel/args";
import { asExcelError, codedValueError, type ExcelError } from "../excel/errors";
import { InputRuleError } from "../../engine/text/model-inputs";
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
    table.reject(
      rows[k],
      codedValueError({ code: "inputRule", place: table.argPlace(c, rows[k]), problem: problem.problem }),
    );
    start = k + 1;
  }
  return table;
}

/** Which argument (0: x, 1: t_x, 2: T or n, 3: weights) an engine problem's field is. */
const FIELD_ARGS: Readonly<Record<string, number>> = { x: 0, t_x: 1, T: 2, n: 2, weights: 3 };

/**
 * An engine's InputRuleError about one input row (row 3's recency t_x = 7 is not a whole number in 0..n)
 * as our #VALUE! naming the argument and the cell. `rows` maps the engine's rows (0-based, in the rows it
 * was given) to table rows; a prediction for one row passes that row alone. An error without a row is
 * about row rows[0] and, by default, about argument `fallback` (a horizon, say); without a fallback it is
 * said without a place. Anything else is thrown again.
 */
export function engineRowError(
  e: unknown,
  table: RowTable,
  rows: ArrayLike<number>,
  fallback?: number,
): ExcelError {
  if (!(e instanceof InputRuleError)) throw e;
  const i = rows[e.at?.row ?? 0];
  const c = e.at ? (FIELD_ARGS[e.at.field] ?? 0) : fallback;
  if (i === undefined || c === undefined) return asExcelError(e);
  const place = table.argPlace(Math.min(c, table.columns.length - 1), i);
  return codedValueError({ code: "inputRule", place, problem: e.problem });
}
