/** Data-driven starting values for the fits, so that the time unit of the data does not matter. */
import type { CompressedRfm } from "./data";

const { max } = Math;

/** Overall repeat-purchase rate Σx / ΣT (per time unit), floored so a start exists without repeats. */
export function rateStart(data: CompressedRfm): number {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < data.n; i++) {
    purchases += data.w[i] * data.x[i];
    time += data.w[i] * data.T[i];
  }
  return max(purchases, 0.1 * data.customers) / max(time, Number.MIN_VALUE);
}

/** Mean observation length ΣT / N. */
export function meanT(data: CompressedRfm): number {
  let time = 0;
  for (let i = 0; i < data.n; i++) time += data.w[i] * data.T[i];
  return time / data.customers;
}
