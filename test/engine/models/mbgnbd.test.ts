import {
  fitMbgnbd,
  mbgnbdConditionalExpectedPurchases,
  mbgnbdExpectedPurchases,
  mbgnbdLogLikelihoods,
  mbgnbdProbabilityAlive,
} from "../../../src/engine/models/mbgnbd";
import { cdnowSummary } from "./cdnow-inputs";

const PUBLISHED = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe("MBG/NBD on the CDNOW calibration summary", () => {
  const data = cdnowSummary(true);
  const fit = fitMbgnbd(data);

  it("reproduces the published estimates 0.525, 6.183, 0.891, 1.614", () => {
    expect(fit.converged).toBe(true);
    expect(fit.names).toEqual(["r", "alpha", "a", "b"]);
    const [r, alpha, a, b] = fit.values;
    expect(r).toBeCloseTo(PUBLISHED.r, 3);
    expect(alpha).toBeCloseTo(PUBLISHED.alpha, 3);
    expect(a).toBeCloseTo(PUBLISHED.a, 3);
    expect(b).toBeCloseTo(PUBLISHED.b, 3);
    const atPublished = mbgnbdLogLikelihoods(PUBLISHED, data).reduce((s, v) => s + v, 0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
    expect(fit.logLikelihood - atPublished).toBeLessThan(0.01);
  });

  it("lets a customer without repeat purchases be dead, unlike BG/NBD", () => {
    const alive = mbgnbdProbabilityAlive(PUBLISHED, 0, 0, 38.86);
    expect(alive).toBeLessThan(1);
    const { r, alpha, a, b } = PUBLISHED;
    expect(alive).toBeCloseTo(1 / (1 + (a / b) * ((alpha + 38.86) / alpha) ** r), 12);
    // Right after the first purchase, P(alive) = b/(a+b): the customer survived the first drop-out chance.
    expect(mbgnbdProbabilityAlive(PUBLISHED, 0, 0, 1e-12)).toBeCloseTo(b / (a + b), 9);
    expect(mbgnbdProbabilityAlive(PUBLISHED, 1000, 10, 100)).toBe(0);
  });

  it("conditional expectation at T = 0, x = 0 is the unconditional one", () => {
    for (const t of [1, 39, 78]) {
      const tiny = 1e-12;
      expect(mbgnbdConditionalExpectedPurchases(PUBLISHED, t, 0, 0, tiny)).toBeCloseTo(
        mbgnbdExpectedPurchases(PUBLISHED, t),
        9,
      );
    }
  });
});
