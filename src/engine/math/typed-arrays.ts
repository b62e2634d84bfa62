/**
 * Typed arrays made element by element in a plain loop. `Float64Array.from(source, mapFn)` calls its
 * function through the builtin's generic path, some 60 ns an element: at a million customers each such
 * array took 60 ms, and a report made dozens of them.
 */

/** `values[indexes[k]]` for each k: the rows `indexes` of a column. */
export function gathered(values: ArrayLike<number>, indexes: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) out[k] = values[indexes[k]];
  return out;
}

/** `f(i)` for i from 0 to n − 1. */
export function float64Of(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** `f(i)` for i from 0 to n − 1, as 32-bit integers. */
export function int32Of(n: number, f: (i: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
