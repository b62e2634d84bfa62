import { hyp2f1, logHyp2f1 } from "../../../src/engine/math/hyp2f1";

describe("hyp2f1 against closed forms", () => {
  it.each([0.001, 0.3, 0.75, 0.95, 0.999])("2F1(1,1;2;z) = -ln(1-z)/z at z = %p", (z) => {
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
  });

  it.each([-0.5, -3, -100])("2F1(1,1;2;z) = ln(1-z)/(-z) for negative z = %p", (z) => {
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(Math.log1p(-z) / -z, 12);
  });

  it("2F1(a,b;b;z) = (1-z)^-a, in log space where the value overflows", () => {
    expect(hyp2f1(2.5, 1.3, 1.3, 0.6)).toBeCloseTo(Math.pow(0.4, -2.5), 10);
    const big = logHyp2f1(500, 7.25, 7.25, 0.9);
    expect(big.sign).toBe(1);
    expect(big.log).toBeCloseTo(500 * Math.log(10), 8);
  });

  it("2F1(½,½;3/2;z²) = asin(z)/z and 2F1(½,1;3/2;z²) = atanh(z)/z", () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 12);
      expect(hyp2f1(0.5, 1, 1.5, z * z)).toBeCloseTo(Math.atanh(z) / z, 11);
    }
  });

  it("terminates for a negative integer parameter (a polynomial)", () => {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
    const b = 3.5;
    const c = 1.25;
    const z = 0.4;
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 13);
  });

  it("agrees between the direct and the Euler-transformed series in the BG/NBD regime", () => {
    // Customer with many purchases: c - a - b very negative, value ~ (1-z)^(c-a-b).
    const r = 0.24;
    const b = 2.43;
    const a = 0.79;
    const x = 1000;
    const z = 0.6;
    const viaLog = logHyp2f1(r + x, b + x, a + b + x - 1, z);
    // Euler by hand: (1-z)^(c-a-b) 2F1(c-a, c-b; c; z) with every term positive.
    const c = a + b + x - 1;
    const inner = logHyp2f1(c - r - x, c - b - x, c, z);
    expect(viaLog.log).toBeCloseTo(inner.log + (c - r - x - b - x) * Math.log1p(-z), 9);
    expect(Number.isFinite(viaLog.log)).toBe(true);
  });
});
