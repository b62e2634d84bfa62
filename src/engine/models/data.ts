/**
 * Validation and compression of model inputs. Customers with identical (x, t_x, T) have identical
 * likelihood terms, so they are merged into one weighted row and the fitting cost grows with the
 * number of distinct rows, not of customers.
 */
import { distinctRows } from "./distinct-rows";
import type { RfmData } from "./types";
import { inputRuleText, type InputRuleProblem } from "../text/model-inputs";
import { gathered } from "../math/typed-arrays";

/** A problem with one input row: the index of the row, the field at fault and the rule it broke. */
export interface InputProblem {
  row: number;
  field: string;
  problem: InputRuleProblem;
  /** The problem in English words. */
  message: string;
}

function inputProblem(row: number, field: string, problem: InputRuleProblem): InputProblem {
  return { row, field, problem, message: inputRuleText(problem, "en") };
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
    return inputProblem(0, "x", { rule: "sameLength" });
  }
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const tx = data.tx[i];
    const T = data.T[i];
    if (!(x >= 0) || !Number.isFinite(x)) return inputProblem(i, "x", { rule: "repeatCount", x });
    if (!(T > 0) || !Number.isFinite(T)) return inputProblem(i, "T", { rule: "positiveT", T });
    if (!(tx >= 0) || !(tx <= T)) return inputProblem(i, "t_x", { rule: "txWithinT", tx, T });
    if (x > 0 && tx === 0) return inputProblem(i, "t_x", { rule: "txNeedsRepeats", x });
    const w = data.weights ? data.weights[i] : 1;
    if (!(w >= 0) || !Number.isFinite(w)) return inputProblem(i, "weights", { rule: "weight", weight: w });
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
  const weights = data.weights;
  const rows = distinctRows([data.x, txClean, data.T], weights ? (i) => weights[i] !== 0 : undefined);
  const x = new Float64Array(rows.count);
  const tx = new Float64Array(rows.count);
  const T = new Float64Array(rows.count);
  const w = new Float64Array(rows.count);
  for (let d = 0; d < rows.count; d++) {
    const i = rows.first[d];
    x[d] = data.x[i];
    tx[d] = txClean[i];
    T[d] = data.T[i];
  }
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const d = rows.index[i];
    if (d < 0) continue;
    const weight = weights ? weights[i] : 1;
    w[d] += weight;
    customers += weight;
  }
  return { x, tx, T, w, n: rows.count, customers, rowOf: rows.index };
}

/** Distinct values of `values` and, for each entry, the index of its value: lookup tables per value. */
export function distinctIndex(values: Float64Array): { values: Float64Array; index: Int32Array } {
  const rows = distinctRows([values]);
  return { values: gathered(values, rows.first), index: rows.index };
}
