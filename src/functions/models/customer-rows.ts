/**
 * The per-customer model inputs x (repeat purchases), t_x (time of the last purchase) and T (time
 * since the first purchase), read from three arguments with the engine's own checks (x ≥ 0,
 * 0 ≤ t_x ≤ T, T > 0, t_x > 0 when x > 0), each failure naming the argument and the cell.
 */
import { findRfmProblem } from "../../engine/models/data";
import type { Arg } from "../excel/args";
import { valueError } from "../excel/errors";
import { readRows, type RowSpec, type RowTable } from "../excel/rows";

/** Which argument each field of the engine's input problems refers to. */
const FIELD_ARG: Record<string, number> = { x: 0, t_x: 1, T: 2 };

/**
 * Reads x, t_x, T (and any further per-row arguments after them) and marks every row the engine would
 * refuse, with the engine's message and our place. Further arguments are `extra` specs.
 */
export function readCustomerRows(x: Arg, tx: Arg, T: Arg, extra: RowSpec[] = []): RowTable {
  const table = readRows([{ arg: x }, { arg: tx }, { arg: T }, ...extra]);
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
