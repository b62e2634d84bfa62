/** Never NaN or Infinity for valid input: random parameters and histories over wide ranges. */
import fc from "fast-check";
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdProbabilityAlive,
} from "../../../src/engine/models/bgnbd";
import {
  mbgnbdConditionalExpectedPurchases,
  mbgnbdProbabilityAlive,
} from "../../../src/engine/models/mbgnbd";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from "../../../src/engine/models/paretonbd";
import { bgbbConditionalExpectedTransactions, bgbbProbabilityAlive } from "../../../src/engine/models/bgbb";

const positive = fc.double({ min: 0.01, max: 100, noNaN: true });
const history = fc
  .record({
    x: fc.integer({ min: 0, max: 2000 }),
    T: fc.double({ min: 0.5, max: 2000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : Math.max(1e-6, share * T) }));
const horizon = fc.double({ min: 0.01, max: 500, noNaN: true });

const inUnit = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
const finiteNonNegative = (v: number) => Number.isFinite(v) && v >= 0;

describe("robustness over random valid inputs", () => {
  it("BG/NBD and MBG/NBD: P(alive) in [0, 1], expectations finite and ≥ 0", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, history, horizon, (r, alpha, a, b, h, t) => {
        const p = { r, alpha, a, b };
        return (
          inUnit(bgnbdProbabilityAlive(p, h.x, h.tx, h.T)) &&
          inUnit(mbgnbdProbabilityAlive(p, h.x, h.tx, h.T)) &&
          finiteNonNegative(bgnbdConditionalExpectedPurchases(p, t, h.x, h.tx, h.T)) &&
          finiteNonNegative(mbgnbdConditionalExpectedPurchases(p, t, h.x, h.tx, h.T)) &&
          finiteNonNegative(bgnbdExpectedPurchases(p, t))
        );
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it("Pareto/NBD: finite log-likelihood, P(alive) in [0, 1], finite expectations", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, history, horizon, (r, alpha, s, beta, h, t) => {
        const p = { r, alpha, s, beta };
        return (
          Number.isFinite(paretoNbdLogLikelihood(p, h.x, h.tx, h.T)) &&
          inUnit(paretoNbdProbabilityAlive(p, h.x, h.tx, h.T)) &&
          finiteNonNegative(paretoNbdConditionalExpectedPurchases(p, t, h.x, h.tx, h.T))
        );
      }),
      { numRuns: 500, seed: 43 },
    );
  });

  it("BG/BB: P(alive) in [0, 1] and finite expectations", () => {
    const bgbbHistory = fc
      .record({
        n: fc.integer({ min: 1, max: 60 }),
        a: fc.integer({ min: 0, max: 60 }),
        b: fc.integer({ min: 0, max: 60 }),
      })
      .map(({ n, a, b }) => {
        const tx = Math.min(a, n);
        const x = tx === 0 ? 0 : 1 + (b % tx);
        return { n, tx, x };
      });
    fc.assert(
      fc.property(
        positive,
        positive,
        positive,
        positive,
        bgbbHistory,
        fc.integer({ min: 0, max: 50 }),
        (al, be, ga, de, h, k) => {
          const b = { alpha: al, beta: be, gamma: ga, delta: de };
          return (
            inUnit(bgbbProbabilityAlive(b, h.x, h.tx, h.n)) &&
            finiteNonNegative(bgbbConditionalExpectedTransactions(b, k, h.x, h.tx, h.n))
          );
        },
      ),
      { numRuns: 500, seed: 44 },
    );
  });
});
