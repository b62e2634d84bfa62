import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihoods,
  bgnbdParams,
  bgnbdProbabilityAlive,
  bgnbdProbabilityOfPurchases,
  fitBgnbd,
} from "../../../src/engine/models/bgnbd";
import { lbeta } from "../../../src/engine/math/gamma";
import { cdnowSummary } from "./cdnow-inputs";
import { expectSignificant } from "./tolerance";

// Published numbers: test/data/README.md ("Published reference numbers").
const PUBLISHED = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };

describe("BG/NBD on the CDNOW calibration summary", () => {
  const data = cdnowSummary(true);
  const fit = fitBgnbd(data);
  const p = bgnbdParams(fit);

  it("reproduces the published estimates to 4 significant digits and the log-likelihood", () => {
    expect(fit.converged).toBe(true);
    expect(fit.names).toEqual(["r", "alpha", "a", "b"]);
    expectSignificant(p.r, PUBLISHED.r, 4);
    expectSignificant(p.alpha, PUBLISHED.alpha, 4);
    expectSignificant(p.a, PUBLISHED.a, 4);
    expectSignificant(p.b, PUBLISHED.b, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.429, 3);
    expect(fit.customers).toBe(2357);
    expect(fit.distinctRows).toBeLessThan(2357);
    expect(fit.standardErrors).not.toBeNull();
    expect(fit.iterations).toBeGreaterThan(0);
  });

  it("gives the published log-likelihood at the published estimates, on rounded and unrounded data", () => {
    for (const d of [cdnowSummary(true), cdnowSummary(false)]) {
      const total = bgnbdLogLikelihoods(PUBLISHED, d).reduce((s, v) => s + v, 0);
      expect(total).toBeCloseTo(-9582.43, 2);
    }
  });

  it("fits the file's rounded values to the same log-likelihood at the published precision", () => {
    const rounded = fitBgnbd(cdnowSummary(false));
    expect(rounded.logLikelihood).toBeCloseTo(-9582.43, 1);
  });

  it("predicts E[X(39) | x=2, t_x=30.43, T=38.86] = 1.226 for customer 1", () => {
    expect(Math.abs(bgnbdConditionalExpectedPurchases(p, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.001);
  });

  it("reproduces the published unconditional E[X(t)] (3 decimals) and E[X(52)] = 1.444004", () => {
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(bgnbdExpectedPurchases(p, t) - expected[i])).toBeLessThan(5e-4));
    expectSignificant(bgnbdExpectedPurchases(PUBLISHED, 52), 1.444004, 6);
  });

  it("reproduces customer 1516's E[X(52)] = 25.75659 and P(alive) = 0.9688523", () => {
    expectSignificant(bgnbdConditionalExpectedPurchases(PUBLISHED, 52, 26, 30.85714, 31), 25.75659, 5);
    expectSignificant(bgnbdProbabilityAlive(PUBLISHED, 26, 30.85714, 31), 0.9688523, 7);
    expectSignificant(bgnbdConditionalExpectedPurchases(p, 52, 26, 30.85714, 31), 25.75659, 4);
    expectSignificant(bgnbdProbabilityAlive(p, 26, 30.85714, 31), 0.9688523, 4);
  });

  it("reproduces P(X(39) = 0) = 0.5737864 and P(X(2) = 10) = 1.07869e-07", () => {
    const q = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expectSignificant(bgnbdProbabilityOfPurchases(q, 39, 0), 0.5737864, 7);
    expectSignificant(bgnbdProbabilityOfPurchases(q, 2, 10), 1.07869e-7, 6);
    // The distribution sums to 1.
    let total = 0;
    for (let n = 0; n < 400; n++) total += bgnbdProbabilityOfPurchases(q, 39, n);
    expect(total).toBeCloseTo(1, 10);
  });
});

describe("BG/NBD numerical robustness", () => {
  const p = PUBLISHED;

  it("P(alive | x = 0) is exactly 1 and P(alive | x=1000, t_x=10, T=100) is 0 without overflow", () => {
    expect(bgnbdProbabilityAlive(p, 0, 0, 38.86)).toBe(1);
    expect(bgnbdProbabilityAlive(p, 1000, 10, 100)).toBe(0);
    const e = bgnbdConditionalExpectedPurchases(p, 52, 1000, 10, 100);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThanOrEqual(0);
  });

  it("is finite for large x, t_x and T and long horizons", () => {
    for (const [x, tx, T, t] of [
      [5000, 999, 1000, 52],
      [300, 2000, 2000, 5000],
      [1, 1e5, 1e6, 1e4],
    ]) {
      const e = bgnbdConditionalExpectedPurchases(p, t, x, tx, T);
      const alive = bgnbdProbabilityAlive(p, x, tx, T);
      expect(Number.isFinite(e) && e >= 0).toBe(true);
      expect(alive >= 0 && alive <= 1).toBe(true);
    }
    // A loyal heavy buyer keeps buying at about (r+x)/(α+T) per week.
    const heavy = bgnbdConditionalExpectedPurchases(p, 1, 5000, 999.9, 1000);
    expect(heavy).toBeGreaterThan(4);
    expect(heavy).toBeLessThan(5.1);
  });

  it("treats a = 1 (a removable 0/0 in the published formula) continuously", () => {
    const q = { ...p, a: 1 };
    const e = bgnbdConditionalExpectedPurchases(q, 39, 2, 30.43, 38.86);
    const near = bgnbdConditionalExpectedPurchases({ ...p, a: 1 + 1e-7 }, 39, 2, 30.43, 38.86);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeCloseTo(near, 6);
    expect(bgnbdExpectedPurchases(q, 52)).toBeCloseTo(bgnbdExpectedPurchases({ ...p, a: 1 - 1e-7 }, 52), 6);
  });

  it("gives the same P(alive) when time is rescaled by 10 (parameters and data alike)", () => {
    const scaled = { ...p, alpha: p.alpha * 10 };
    for (const [x, tx, T] of [
      [2, 30.43, 38.86],
      [26, 30.85714, 31],
      [1, 1.71, 38.86],
    ]) {
      expect(bgnbdProbabilityAlive(scaled, x, tx * 10, T * 10)).toBeCloseTo(
        bgnbdProbabilityAlive(p, x, tx, T),
        12,
      );
      expect(bgnbdConditionalExpectedPurchases(scaled, 390, x, tx * 10, T * 10)).toBeCloseTo(
        bgnbdConditionalExpectedPurchases(p, 39, x, tx, T),
        10,
      );
    }
  });

  it("refits data in days instead of weeks to α × 7 and the same P(alive)", () => {
    const weeks = cdnowSummary(true);
    const days = { x: weeks.x, tx: weeks.tx.map((v) => v * 7), T: weeks.T.map((v) => v * 7) };
    const pw = bgnbdParams(fitBgnbd(weeks));
    const pd = bgnbdParams(fitBgnbd(days));
    expectSignificant(pd.alpha, pw.alpha * 7, 5);
    expectSignificant(pd.r, pw.r, 5);
    expectSignificant(
      bgnbdProbabilityAlive(pd, 2, 30.43 * 7, 38.86 * 7),
      bgnbdProbabilityAlive(pw, 2, 30.43, 38.86),
      5,
    );
  });
});

describe("BG/NBD unconditional E[X(t)] against direct integration over p", () => {
  /** E[X(t)] = E_p[(1 - (1 + pt/α)^-r) / p], p ~ Beta(a, b), by Simpson after p = u^(1/a) near 0 and 1. */
  function integrate(r: number, alpha: number, a: number, b: number, t: number): number {
    const g = (p: number) => (p === 0 ? (r * t) / alpha : -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p);
    const N = 20000;
    const U = Math.pow(0.5, a);
    const V = Math.pow(0.5, b);
    let low = 0;
    let high = 0;
    for (let i = 0; i <= N; i++) {
      const weight = i === 0 || i === N ? 1 : i % 2 ? 4 : 2;
      const p = Math.pow((U * i) / N, 1 / a);
      low += weight * Math.pow(1 - p, b - 1) * g(p);
      const q = Math.pow((V * i) / N, 1 / b);
      high += weight * Math.pow(1 - q, a - 1) * g(1 - q);
    }
    const total = (low * U) / (3 * N) / a + (high * V) / (3 * N) / b;
    return total / Math.exp(lbeta(a, b));
  }

  it.each([
    [0.5, 2, 0.3, 0.4, 10], // a + b < 1: the published 2F1 has a negative third parameter
    [1.5, 5, 0.2, 0.6, 52],
    [0.2425982, 4.4136842, 0.7929899, 2.4261667, 39],
    [3, 1, 0.5, 0.45, 100],
  ])("r=%p α=%p a=%p b=%p t=%p", (r, alpha, a, b, t) => {
    expect(bgnbdExpectedPurchases({ r, alpha, a, b }, t)).toBeCloseTo(integrate(r, alpha, a, b, t), 6);
  });
});
