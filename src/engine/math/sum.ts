/**
 * Compensated (Neumaier) summation. Near a maximum the log-likelihood of 100,000 customers changes by
 * less than the rounding error of a naive running sum, and the optimiser's line search must still see
 * the change; this keeps the sum exact to about one rounding of the result.
 */

const { abs } = Math;

export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(v: number): void {
    const t = this.sum + v;
    this.compensation += abs(this.sum) >= abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
