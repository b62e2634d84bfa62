/**
 * Validation and compression of model inputs. Customers with identical (x, t_x, T) have identical
 * likelihood terms, so they are merged into one weighted row and the fitting cost grows with the
 * number of distinct rows, not of customers.
 */
import type { RfmData } from "./types";

/** A problem with one input row: the index of the row and the field at fault. */
export interface InputProblem {
  row: number;
  field: string;
  message: string;
}

export class ModelInputError extends Error {
  constructor(readonly problem: InputProblem) {
    super(`row ${problem.row + 1}, ${problem.field}: ${problem.message}`);
    this.name = "ModelInputError";
  }
}

/** Checks the lengths and the ranges 0 ≤ t_x ≤ T, x ≥ 0 (t_x = 0 when x = 0), weight ≥ 0. */
export function findRfmProblem(data: RfmData): InputProblem | null {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n || (data.weights && data.weights.length !== n)) {
    return { row: 0, field: "x", message: "x, t_x, T (and weights) must have the same length" };
  }
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const tx = data.tx[i];
    const T = data.T[i];
    if (!(x >= 0) || !Number.isFinite(x)) {
      return { row: i, field: "x", message: `expected a repeat-purchase count ≥ 0, got ${x}` };
    }
    if (!(T > 0) || !Number.isFinite(T)) return { row: i, field: "T", message: `expected T > 0, got ${T}` };
    if (!(tx >= 0) || !(tx <= T)) {
      return { row: i, field: "t_x", message: `expected 0 ≤ t_x ≤ T (${T}), got ${tx}` };
    }
    if (x > 0 && tx === 0) {
      return { row: i, field: "t_x", message: `a customer with x = ${x} repeat purchases needs t_x > 0` };
    }
    const w = data.weights ? data.weights[i] : 1;
    if (!(w >= 0) || !Number.isFinite(w)) {
      return { row: i, field: "weights", message: `expected a weight ≥ 0, got ${w}` };
    }
  }
  return null;
}

/** Distinct (x, t_x, T) rows with their total weights; `rowOf[i]` is the distinct row of input row i. */
export interface CompressedRfm {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  /** Number of distinct rows. */
  n: number;
  /** Sum of weights (number of customers). */
  customers: number;
  rowOf: Int32Array;
}

/** Ids of the distinct values of `values`, in order of first appearance. */
function valueIds(values: ArrayLike<number>): { ids: Int32Array; count: number } {
  const map = new Map<number, number>();
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] === 0 ? 0 : values[i]; // -0 and 0 are the same row
    let id = map.get(v);
    if (id === undefined) {
      id = map.size;
      map.set(v, id);
    }
    ids[i] = id;
  }
  return { ids, count: map.size };
}

/**
 * Merges identical rows (validating first: throws ModelInputError naming the row). t_x of customers
 * without repeat purchases is irrelevant to every model and is set to 0. Rows of weight 0 are kept
 * out of the compressed rows but still mapped (to row -1).
 */
export function compressRfm(data: RfmData): CompressedRfm {
  const problem = findRfmProblem(data);
  if (problem) throw new ModelInputError(problem);
  const n = data.x.length;
  const txClean = new Float64Array(n);
  for (let i = 0; i < n; i++) txClean[i] = data.x[i] > 0 ? data.tx[i] : 0;
  const xIds = valueIds(data.x);
  const txIds = valueIds(txClean);
  const TIds = valueIds(data.T);
  // One integer key per (x, t_x, T) when it fits exactly in a double, else a key per (x, t_x) and T.
  const singleKey = xIds.count * txIds.count * TIds.count <= Number.MAX_SAFE_INTEGER;
  const keyOf = new Map<number, number>();
  const nested = new Map<number, Map<number, number>>();
  const rowOf = new Int32Array(n);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const weight = data.weights ? data.weights[i] : 1;
    if (weight === 0) {
      rowOf[i] = -1;
      continue;
    }
    const pairKey = xIds.ids[i] * txIds.count + txIds.ids[i];
    let rows = keyOf;
    let key = pairKey * TIds.count + TIds.ids[i];
    if (!singleKey) {
      rows = nested.get(pairKey) ?? new Map<number, number>();
      nested.set(pairKey, rows);
      key = TIds.ids[i];
    }
    let row = rows.get(key);
    if (row === undefined) {
      row = x.length;
      rows.set(key, row);
      x.push(data.x[i]);
      tx.push(txClean[i]);
      T.push(data.T[i]);
      w.push(0);
    }
    w[row] += weight;
    customers += weight;
    rowOf[i] = row;
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    w: Float64Array.from(w),
    n: x.length,
    customers,
    rowOf,
  };
}

/** Distinct values of `values` and, for each entry, the index of its value: lookup tables per value. */
export function distinctIndex(values: Float64Array): { values: Float64Array; index: Int32Array } {
  const map = new Map<number, number>();
  const index = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let id = map.get(values[i]);
    if (id === undefined) {
      id = distinct.length;
      map.set(values[i], id);
      distinct.push(values[i]);
    }
    index[i] = id;
  }
  return { values: Float64Array.from(distinct), index };
}

/** Distinct (a, b) pairs in order of first appearance: `index[i]` is the pair of entry i, `first[p]` the first entry of pair p. */
export interface DistinctPairs {
  index: Int32Array;
  first: Int32Array;
  count: number;
}

/** Groups entries by their (a[i], b[i]) pair, for work that depends on the pair only (e.g. x and T). */
export function distinctPairs(a: ArrayLike<number>, b: ArrayLike<number>): DistinctPairs {
  const aIds = valueIds(a);
  const bIds = valueIds(b);
  // aIds.count · bIds.count ≤ n² stays an exact integer key for any array JavaScript can hold in memory.
  const pairOf = new Map<number, number>();
  const index = new Int32Array(a.length);
  const first: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const key = aIds.ids[i] * bIds.count + bIds.ids[i];
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = first.length;
      pairOf.set(key, pair);
      first.push(i);
    }
    index[i] = pair;
  }
  return { index, first: Int32Array.from(first), count: first.length };
}
