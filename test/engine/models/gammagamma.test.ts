import {
  fitGammaGamma,
  gammaGammaExpectedValue,
  gammaGammaLogLikelihood,
  gammaGammaParams,
} from "../../../src/engine/models/gammagamma";
import { cdnowFromTransactions, cdnowSummary } from "./cdnow-inputs";
import { expectSignificant } from "./tolerance";

const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

describe("Gamma-Gamma on the CDNOW repeat-spend means", () => {
  it("reproduces p, q, γ = 6.25, 3.74, 15.44 and LL = -4055.9177 from the transaction log", () => {
    const { inputs } = cdnowFromTransactions();
    const fit = fitGammaGamma({ x: inputs.x, monetary: inputs.monetary });
    const g = gammaGammaParams(fit);
    expect(fit.converged).toBe(true);
    expect(fit.names).toEqual(["p", "q", "v"]);
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toEqual({ noRepeatPurchases: 1411, nonPositiveValue: 0 });
    expect(g.p).toBeCloseTo(PUBLISHED.p, 2);
    expect(g.q).toBeCloseTo(PUBLISHED.q, 2);
    expect(g.v).toBeCloseTo(PUBLISHED.v, 2);
    expect(fit.logLikelihood).toBeCloseTo(-4055.9177, 4);
  });

  it("fits the file's 2-decimal means to the same estimates at 4 significant digits", () => {
    const d = cdnowSummary();
    const fit = fitGammaGamma({ x: d.x, monetary: d.zbar });
    expectSignificant(fit.logLikelihood, -4055.9177, 4);
    const g = gammaGammaParams(fit);
    expectSignificant(g.p, PUBLISHED.p, 3);
    expectSignificant(g.q, PUBLISHED.q, 3);
    expectSignificant(g.v, PUBLISHED.v, 3);
    const ll = d.x.reduce((s, x, i) => (x > 0 ? s + gammaGammaLogLikelihood(PUBLISHED, x, d.zbar[i]) : s), 0);
    expectSignificant(ll, -4055.9177, 4);
  });

  it("predicts E[M | x, m̄] for customers 1..10 (x = 0 rows included) within ±0.1", () => {
    const d = cdnowSummary();
    const expected = [24.66, 18.92, 35.22, 35.22, 35.22, 71.47, 18.92, 35.22, 27.29, 35.22];
    expected.forEach((e, i) => {
      expect(Math.abs(gammaGammaExpectedValue(PUBLISHED, d.x[i], d.zbar[i]) - e)).toBeLessThan(0.1);
    });
  });

  it("leaves out non-positive values and says so", () => {
    const fit = fitGammaGamma({ x: [2, 3, 1, 0, 4, 2], monetary: [10, 12, -5, 0, 9, 0] });
    expect(fit.excluded).toEqual({ noRepeatPurchases: 1, nonPositiveValue: 2 });
    expect(fit.customers).toBe(3);
  });

  it("refuses to fit when nobody has a positive repeat spend, and an infinite mean at q ≤ 1", () => {
    expect(() => fitGammaGamma({ x: [0, 0], monetary: [0, 0] })).toThrow(/cannot be fitted/);
    expect(() => gammaGammaExpectedValue({ p: 2, q: 0.8, v: 3 }, 0, 0)).toThrow(/infinite/);
  });
});
