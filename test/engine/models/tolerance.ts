/**
 * "Agrees to n significant digits", read as a relative error of at most 5·10^-n (half a unit in the
 * n-th digit of a number whose leading digit is 1). Published estimates from optimisers that stop on a
 * flat likelihood differ from the maximum in the 4th or 5th digit; this is the precision they carry.
 */
export function expectSignificant(actual: number, expected: number, digits: number): void {
  const tolerance = 5 * Math.pow(10, -digits) * Math.abs(expected);
  const diff = Math.abs(actual - expected);
  if (!(diff <= tolerance)) {
    throw new Error(
      `expected ${actual} to equal ${expected} to ${digits} significant digits (|difference| ${diff.toExponential(2)} > ${tolerance.toExponential(2)})`,
    );
  }
}
