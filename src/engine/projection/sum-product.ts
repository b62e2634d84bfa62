/** Σ_i a_i × b_i × ... over arrays of the same length (Excel's SUMPRODUCT). */
export function sumProduct(...arrays: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < arrays[0].length; i++) {
    let product = 1;
    for (const a of arrays) product *= a[i];
    total += product;
  }
  return total;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** numerator / denominator, 0 when the denominator is not positive (as the sheet's IF(d>0, n/d, 0)). */
export const ratio = (numerator: number, denominator: number): number =>
  denominator > 0 ? numerator / denominator : 0;
