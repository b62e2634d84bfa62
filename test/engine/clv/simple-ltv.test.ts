import { marginMultiple, simpleLtv } from "../../../src/engine/clv/simple-ltv";

const base = { averageValue: 50, purchasesPerPeriod: 4, margin: 0.5, retention: 0.8, discountRate: 0.12 };

describe("simple LTV (Gupta & Lehmann)", () => {
  it("gives the textbook margin multiples r / (1 + d - r)", () => {
    // Gupta & Lehmann's table: 80 % retention at 12 % discount is a multiple of 2.5; 90 % at 12 % is 4.09.
    expect(marginMultiple(0.8, 0.12)).toBeCloseTo(2.5, 12);
    expect(marginMultiple(0.9, 0.12)).toBeCloseTo(0.9 / 0.22, 12);
    expect(marginMultiple(0.6, 0.14)).toBeCloseTo(1.1111, 4);
  });

  it("is the perpetuity m·r/(1+d-r) when no horizon is given", () => {
    // m = 50 × 4 × 0.5 = 100 a period; 100 × 2.5 = 250.
    expect(simpleLtv(base)).toBeCloseTo(250, 10);
  });

  it("sums the discounted retained margins over a finite horizon", () => {
    // One period: 100 × 0.8 / 1.12. Three periods: 100 × (0.7142857 + 0.5102041 + 0.3644315).
    expect(simpleLtv({ ...base, periods: 1 })).toBeCloseTo(71.428571, 6);
    const q = 0.8 / 1.12;
    expect(simpleLtv({ ...base, periods: 3 })).toBeCloseTo(100 * (q + q * q + q * q * q), 10);
    expect(simpleLtv({ ...base, periods: 3 })).toBeCloseTo(158.8921, 4);
    expect(simpleLtv({ ...base, periods: 0 })).toBe(0);
  });

  it("approaches the perpetuity as the horizon grows", () => {
    expect(simpleLtv({ ...base, periods: 500 })).toBeCloseTo(250, 8);
  });

  it("handles no discounting and full retention over a finite horizon (q = 1)", () => {
    expect(simpleLtv({ ...base, retention: 1, discountRate: 0, periods: 10 })).toBeCloseTo(1000, 10);
  });

  it("diverges to Infinity for a perpetuity with retention not below 1 + discount rate", () => {
    expect(simpleLtv({ ...base, retention: 1, discountRate: 0 })).toBe(Infinity);
  });

  it("refuses inputs outside their range, naming the input", () => {
    expect(() => simpleLtv({ ...base, retention: 80 })).toThrow(/retention must be between 0 and 1/);
    expect(() => simpleLtv({ ...base, margin: 30 })).toThrow(/margin must be between 0 and 1/);
    expect(() => simpleLtv({ ...base, discountRate: -1 })).toThrow(/discount rate must be above -1/);
    expect(() => simpleLtv({ ...base, periods: 2.5 })).toThrow(/periods must be a whole number/);
    expect(() => simpleLtv({ ...base, purchasesPerPeriod: -1 })).toThrow(/purchases per period/);
  });
});
