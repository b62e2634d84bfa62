import { digamma, lbeta, lgamma, trigamma } from "../../../src/engine/math/gamma";

// Reference values: Abramowitz & Stegun tables and exact identities (ln n!, Γ(½) = √π, ψ(1) = -γ, ...).
const EULER_GAMMA = 0.5772156649015329;

describe("lgamma", () => {
  it.each([
    [0.5, 0.5723649429247001],
    [1, 0],
    [2, 0],
    [3.5, 1.2009736023470743],
    [10, 12.801827480081469],
    [100, 359.1342053695754],
    [200, 857.9336698258574],
    [1000, 5905.220423209181],
    [1e-5, 11.512919692895824],
    [-0.5, 1.2655121234846454],
  ])("lnΓ(%p) = %p", (x, expected) => {
    expect(lgamma(x)).toBeCloseTo(expected, 12);
  });

  it("satisfies the recurrence lnΓ(x+1) = lnΓ(x) + ln x across the switch to Stirling's series", () => {
    for (const x of [0.001, 0.3, 1.7, 8.99, 9.5, 10.2, 55.5, 1e4]) {
      expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it("is +Infinity at the poles and never NaN for positive input", () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(Number.isFinite(lgamma(1e300))).toBe(true);
  });
});

describe("digamma and trigamma", () => {
  it.each([
    [1, -EULER_GAMMA],
    [0.5, -1.9635100260214235],
    [2, 1 - EULER_GAMMA],
    [10, 2.251752589066721],
    [100, 4.600161852738087],
    [0.1, -10.423754940411076],
  ])("ψ(%p) = %p", (x, expected) => {
    expect(digamma(x)).toBeCloseTo(expected, 12);
  });

  it.each([
    [1, Math.PI ** 2 / 6],
    [0.5, Math.PI ** 2 / 2],
    [2, Math.PI ** 2 / 6 - 1],
    [10, 0.10516633568168575],
  ])("ψ'(%p) = %p", (x, expected) => {
    expect(trigamma(x)).toBeCloseTo(expected, 12);
  });

  it("digamma is the derivative of lgamma and trigamma that of digamma", () => {
    for (const x of [0.05, 0.7, 3.3, 12, 400]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 6);
      expect(trigamma(x) / ((digamma(x + h) - digamma(x - h)) / (2 * h))).toBeCloseTo(1, 6);
    }
  });
});

describe("lbeta", () => {
  it("matches closed forms", () => {
    expect(lbeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 13);
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(lbeta(1e6, 1)).toBeCloseTo(-Math.log(1e6), 12);
    expect(lbeta(50, 2)).toBeCloseTo(-Math.log(50 * 51), 12);
    // ln B(100, 100) = 2 ln 99! - ln 199!
    expect(lbeta(100, 100)).toBeCloseTo(2 * 359.1342053695754 - 857.9336698258574, 10);
  });

  it("keeps its precision for large arguments where lnΓ differences would cancel", () => {
    // B(a, 2) = 1/(a(a+1)) exactly, for a of any size.
    for (const a of [12, 1e3, 1e8, 1e12]) expect(lbeta(a, 2)).toBeCloseTo(-Math.log(a) - Math.log1p(a), 9);
    // B(a, b+1) = B(a, b) · b/(a+b)
    const a = 3e6;
    const b = 7e6;
    expect(lbeta(a, b + 1) - lbeta(a, b)).toBeCloseTo(Math.log(b / (a + b)), 9);
  });
});
