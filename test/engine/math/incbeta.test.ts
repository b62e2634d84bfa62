import { logRegularizedIncompleteBeta, regularizedIncompleteBeta } from "../../../src/engine/math/incbeta";

describe("regularized incomplete beta", () => {
  it("matches closed forms", () => {
    for (const x of [0.01, 0.3, 0.7, 0.99]) {
      expect(regularizedIncompleteBeta(x, 2.5, 1)).toBeCloseTo(Math.pow(x, 2.5), 13);
      expect(regularizedIncompleteBeta(x, 1, 3.5)).toBeCloseTo(1 - Math.pow(1 - x, 3.5), 13);
    }
    expect(regularizedIncompleteBeta(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 13);
  });

  it("is the binomial tail for integer arguments", () => {
    // P(Bin(10, 0.3) ≥ 4) = I_0.3(4, 7)
    let tail = 0;
    const choose = (n: number, k: number) => {
      let c = 1;
      for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
      return c;
    };
    for (let k = 4; k <= 10; k++) tail += choose(10, k) * 0.3 ** k * 0.7 ** (10 - k);
    expect(regularizedIncompleteBeta(0.3, 4, 7)).toBeCloseTo(tail, 13);
  });

  it("keeps relative precision for tiny values", () => {
    // I_x(a, 1) = x^a also far below double epsilon.
    expect(logRegularizedIncompleteBeta(1e-5, 40, 1)).toBeCloseTo(40 * Math.log(1e-5), 10);
  });
});
