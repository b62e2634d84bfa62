import {
  bgbbConditionalExpectedTransactions,
  bgbbExpectedTransactions,
  bgbbLogLikelihood,
  bgbbParams,
  bgbbProbabilityAlive,
  fitBgbb,
} from "../../../src/engine/models/bgbb";
import { donations } from "./cdnow-inputs";
import { expectSignificant } from "./tolerance";

const PUBLISHED = { alpha: 1.203507, beta: 0.7497667, gamma: 0.6567568, delta: 2.783887 };

describe("BG/BB on the donations data (Fader, Hardie & Shang 2010)", () => {
  const d = donations();
  const fit = fitBgbb({ x: d.x, tx: d.tx, n: d.n, weights: d.weights });

  it("reproduces the published estimates to 4 significant digits and LL = -33225.58", () => {
    const b = bgbbParams(fit);
    expect(fit.converged).toBe(true);
    expect(fit.names).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(fit.customers).toBe(11104);
    expect(fit.distinctRows).toBe(22);
    expectSignificant(b.alpha, PUBLISHED.alpha, 4);
    expectSignificant(b.beta, PUBLISHED.beta, 4);
    expectSignificant(b.gamma, PUBLISHED.gamma, 4);
    expectSignificant(b.delta, PUBLISHED.delta, 4);
    expect(fit.logLikelihood).toBeCloseTo(-33225.58, 2);
    const atPublished = d.x.reduce(
      (s, x, i) => s + d.weights[i] * bgbbLogLikelihood(PUBLISHED, x, d.tx[i], 6),
      0,
    );
    expect(atPublished).toBeCloseTo(-33225.58, 2);
  });

  it("reproduces Table 6: P(alive in 2002) = 0.11, 0.59, 0.93 for (x, t_x) = (0,0), (2,4), (6,6)", () => {
    expect(bgbbProbabilityAlive(PUBLISHED, 0, 0, 6)).toBeCloseTo(0.11, 2);
    expect(bgbbProbabilityAlive(PUBLISHED, 2, 4, 6)).toBeCloseTo(0.59, 2);
    expect(bgbbProbabilityAlive(PUBLISHED, 6, 6, 6)).toBeCloseTo(0.93, 2);
  });

  it("has expectations that add up: E[X(n)] + E[X(n, n+k) averaged over histories] = E[X(n+k)]", () => {
    // Averaging the conditional expectation over the model's own distribution of histories recovers the
    // unconditional one: Σ_h P(h) E[X(6, 11) | h] = E[X(11)] - E[X(6)].
    let weighted = 0;
    for (let x = 0; x <= 6; x++) {
      for (let tx = x === 0 ? 0 : x; tx <= (x === 0 ? 0 : 6); tx++) {
        const prob = Math.exp(bgbbLogLikelihood(PUBLISHED, x, tx, 6)) * (x === 0 ? 1 : choose(tx - 1, x - 1));
        weighted += prob * bgbbConditionalExpectedTransactions(PUBLISHED, 5, x, tx, 6);
      }
    }
    expect(weighted).toBeCloseTo(
      bgbbExpectedTransactions(PUBLISHED, 11) - bgbbExpectedTransactions(PUBLISHED, 6),
      10,
    );
  });

  it("is continuous at γ = 1, where the published formulas are 0/0", () => {
    const at1 = { ...PUBLISHED, gamma: 1 };
    expect(bgbbExpectedTransactions(at1, 10)).toBeCloseTo(
      bgbbExpectedTransactions({ ...at1, gamma: 1 + 1e-9 }, 10),
      7,
    );
    expect(bgbbConditionalExpectedTransactions(at1, 5, 3, 5, 6)).toBeCloseTo(
      bgbbConditionalExpectedTransactions({ ...at1, gamma: 1 - 1e-9 }, 5, 3, 5, 6),
      7,
    );
  });

  it("rejects impossible histories with the row named", () => {
    expect(() => fitBgbb({ x: [1, 3], tx: [1, 2], n: [6, 6] })).toThrow(/row 2/);
    expect(() => bgbbProbabilityAlive(PUBLISHED, 0, 3, 6)).toThrow(/impossible/);
  });
});

/** Number of ways to place x - 1 earlier transactions among t_x - 1 opportunities. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
