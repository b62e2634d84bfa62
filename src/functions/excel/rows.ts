/**
 * Per-customer arguments read together, row by row, with Excel's broadcasting: every argument is a
 * column, a row or a single value; ranges must have the same length, and a single value is used for
 * every row (a scalar t against a column of customers).
 *
 * What happens to a row:
 * - every per-customer argument blank (the empty tail of a range that is longer than the data, or a
 *   formula filled down past the last customer): the row is blank, and a per-row result leaves its cell
 *   blank too; fits skip it, as SUM skips blank cells. Arguments marked `shared` (a rate or a horizon
 *   that applies to every customer) do not make a row non-blank;
 * - a cell that holds no usable number, or a blank next to filled cells: that row carries a #VALUE!
 *   naming the argument and the row (an error value in the input keeps its own code);
 * - otherwise the row is valid and its numbers go to the engine.
 * Per-row functions (P(alive), CLV, ...) put each row's error in that row's cell, as =A1:A9*2 does;
 * fits and other whole-population functions fail as a whole with the first row's error.
 */
import {
  argPlaceOf,
  numberError,
  numberProblem,
  placeOf,
  vectorOf,
  type Arg,
  type NumberRule,
  type Vector,
} from "./args";
import type { ArgPlace } from "../../i18n/function-errors";
import { cellNumber, isBlank } from "./cells";
import { codedValueError, inputErrorCode, propagatedError, type ExcelError } from "./errors";

export interface RowSpec {
  arg: Arg;
  rule?: NumberRule;
  /** A value for every customer (a rate, a horizon) rather than a fact about one: see the module comment. */
  shared?: boolean;
}

/** One row's state: valid, blank, or the error that row gives. */
export type RowStatus = undefined | "blank" | ExcelError;

export class RowTable {
  /** Number of rows after broadcasting. */
  readonly length: number;
  /** Direction of the result: rows in, a row out. */
  readonly orientation: "column" | "row";
  /** Each argument's numbers, one per row (NaN where the row is not valid). */
  readonly columns: Float64Array[];
  /** Per row: undefined when valid, "blank", or its error. */
  readonly status: RowStatus[];
  readonly vectors: Vector[];

  constructor(vectors: Vector[], columns: Float64Array[], status: RowStatus[]) {
    this.vectors = vectors;
    this.columns = columns;
    this.status = status;
    this.length = status.length;
    this.orientation = vectors.some((v) => v.orientation === "row") ? "row" : "column";
  }

  /** Where argument `c` is in row i, for a message. */
  place(c: number, i: number): string {
    const v = this.vectors[c];
    return placeOf(v, v.cells.length === 1 ? 0 : i);
  }

  /** Where argument `c` is in row i, as parts a message says in its language. */
  argPlace(c: number, i: number): ArgPlace {
    const v = this.vectors[c];
    return argPlaceOf(v, v.cells.length === 1 ? 0 : i);
  }

  /** Marks a valid row as failing a check across arguments (t_x ≤ T, ...): `check` returns the problem. */
  check(check: (row: number) => ExcelError | undefined): void {
    for (let i = 0; i < this.length; i++) {
      if (this.status[i] !== undefined) continue;
      const problem = check(i);
      if (problem) this.reject(i, problem);
    }
  }

  /** Marks row i as giving `error` (its numbers are no longer used). */
  reject(i: number, error: ExcelError): void {
    this.status[i] = error;
    for (const col of this.columns) col[i] = NaN;
  }

  /** Indices of the valid rows. */
  validRows(): Int32Array {
    let n = 0;
    for (const s of this.status) if (s === undefined) n++;
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < this.length; i++) if (this.status[i] === undefined) out[k++] = i;
    return out;
  }

  /** Argument c's numbers on the valid rows only, in order. */
  pick(c: number, rows: Int32Array): Float64Array {
    const src = this.columns[c];
    const out = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]];
    return out;
  }

  /** The first row error, for functions that use all rows at once. */
  firstError(): ExcelError | undefined {
    for (const s of this.status) if (s !== undefined && s !== "blank") return s;
    return undefined;
  }
}

function broadcastLength(vectors: Vector[]): number {
  let n = 1;
  let longest: Vector | undefined;
  for (const v of vectors) {
    const len = v.cells.length;
    if (len === 1) continue;
    if (longest === undefined) {
      n = len;
      longest = v;
    } else if (len !== n) {
      throw codedValueError({
        code: "rangeSizes",
        first: longest.arg.name,
        n,
        unit: unit(longest),
        second: v.arg.name,
        length: len,
      });
    } else if (v.orientation !== longest.orientation) {
      throw codedValueError({
        code: "rangeDirections",
        first: longest.arg.name,
        firstIs: longest.orientation === "row" ? "row" : "column",
        second: v.arg.name,
        secondIs: v.orientation === "row" ? "row" : "column",
      });
    }
  }
  return n;
}

function unit(v: Vector): "rows" | "columns" {
  return v.orientation === "row" ? "columns" : "rows";
}

/**
 * Reads per-customer number arguments row by row (see the module comment for blanks and errors).
 * A shape that does not fit (a block, different lengths) throws #VALUE! for the whole call.
 */
export function readRows(specs: RowSpec[]): RowTable {
  const vectors = specs.map((s) => vectorOf(s.arg));
  const n = broadcastLength(vectors);
  const columns = specs.map(() => new Float64Array(n));
  const status: RowStatus[] = new Array<RowStatus>(n).fill(undefined);
  const blanks = new Uint8Array(n);
  // 1 + the first argument that is blank in each row (0: none), for the message of a partly blank row.
  const firstBlank = new Uint16Array(n);
  const table = new RowTable(vectors, columns, status);

  specs.forEach((spec, c) => {
    const cells = vectors[c].cells;
    const col = columns[c];
    const single = cells.length === 1;
    const rule = spec.rule;
    const countsBlank = spec.shared ? 0 : 1;
    for (let i = 0; i < n; i++) {
      const v = cells[single ? 0 : i];
      // The fast path: Excel passes numbers as numbers.
      let x = typeof v === "number" ? v : cellNumber(v);
      if (x === undefined || !Number.isFinite(x)) {
        x = NaN;
        if (isBlank(v)) {
          blanks[i] += countsBlank;
          if (firstBlank[i] === 0) firstBlank[i] = c + 1;
        } else if (status[i] === undefined) {
          const code = inputErrorCode(v);
          status[i] = code
            ? propagatedError(code, table.argPlace(c, i))
            : numberError(table.argPlace(c, i), v);
        }
      } else if (rule && status[i] === undefined) {
        const problem = numberProblem(x, rule);
        if (problem) status[i] = numberError(table.argPlace(c, i), v, problem);
      }
      col[i] = x;
    }
  });

  const keys = specs.filter((s) => !s.shared).length;
  for (let i = 0; i < n; i++) {
    if (keys > 0 && blanks[i] === keys) status[i] = "blank";
    else if (status[i] === undefined && firstBlank[i] > 0) {
      status[i] = numberError(table.argPlace(firstBlank[i] - 1, i), null);
    }
  }
  for (let i = 0; i < n; i++) if (status[i] !== undefined) for (const col of columns) col[i] = NaN;
  return table;
}

/**
 * A per-row result as Excel gets it: `values[k]` is the result of the k-th valid row; blank rows give
 * "", rows with an error give that error; the result is a column or a row like the input.
 */
export function perRowResult(table: RowTable, rows: Int32Array, values: ArrayLike<unknown>): unknown[][] {
  const out: unknown[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const s = table.status[i];
    out[i] = s === "blank" ? "" : s;
  }
  for (let k = 0; k < rows.length; k++) out[rows[k]] = values[k];
  if (table.orientation === "row") return [out];
  // A loop into a sized array: much faster than map() on a column of 100,000 cells.
  const column: unknown[][] = new Array(out.length);
  for (let i = 0; i < out.length; i++) column[i] = [out[i]];
  return column;
}

/** The same, for results of several values per row (a row of cells for each input row). */
export function perRowResultRows(
  table: RowTable,
  rows: Int32Array,
  values: unknown[][],
  width: number,
): unknown[][] {
  const out: unknown[][] = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const s = table.status[i];
    out[i] = new Array(width).fill(s === "blank" ? "" : s);
  }
  for (let k = 0; k < rows.length; k++) out[rows[k]] = values[k];
  return out;
}
