import {
  customerLifetimeValue,
  discountedExpectedPurchases,
  predictCustomers,
} from "../../../src/engine/models/clv";
import { gammaGammaExpectedValue } from "../../../src/engine/models/gammagamma";
import {
  conditionalExpectedPurchases,
  probabilityAlive,
  type TransactionModel,
} from "../../../src/engine/models/transaction-model";
import { cdnowSummary } from "./cdnow-inputs";

const BGNBD: TransactionModel = {
  model: "bgnbd",
  params: { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 },
};
const MBGNBD: TransactionModel = { model: "mbgnbd", params: BGNBD.params };
const PNBD: TransactionModel = {
  model: "pnbd",
  params: { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 },
};
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };

describe("CLV (lifetimes' convention: steps of periodLength model units, discount per step)", () => {
  it.each([BGNBD, PNBD])("with no discounting and one step equals the expected purchases (%#)", (model) => {
    const det = discountedExpectedPurchases(model, 2, 30.43, 38.86, {
      periods: 1,
      periodLength: 52,
      discountRate: 0,
    });
    expect(det).toBeCloseTo(conditionalExpectedPurchases(model, 52, 2, 30.43, 38.86), 12);
    // A 100 % rate per step halves a one-step value.
    const halved = discountedExpectedPurchases(model, 2, 30.43, 38.86, {
      periods: 1,
      periodLength: 52,
      discountRate: 1,
    });
    expect(halved).toBeCloseTo(det / 2, 12);
  });

  it("discounts each step's expected purchases at the end of the step", () => {
    const opts = { periods: 12, periodLength: 4.345, discountRate: 0.01 };
    let manual = 0;
    let previous = 0;
    for (let k = 1; k <= 12; k++) {
      const cumulative = conditionalExpectedPurchases(BGNBD, k * 4.345, 5, 30, 38.86);
      manual += (cumulative - previous) / 1.01 ** k;
      previous = cumulative;
    }
    expect(discountedExpectedPurchases(BGNBD, 5, 30, 38.86, opts)).toBeCloseTo(manual, 12);
    const undiscounted = discountedExpectedPurchases(BGNBD, 5, 30, 38.86, { ...opts, discountRate: 0 });
    expect(undiscounted).toBeCloseTo(conditionalExpectedPurchases(BGNBD, 12 * 4.345, 5, 30, 38.86), 12);
    expect(manual).toBeLessThan(undiscounted);
  });

  it("values purchases at the Gamma-Gamma expected spend times the margin", () => {
    const opts = { periods: 12, periodLength: 4.345, discountRate: 0.01, margin: 0.3 };
    const clv = customerLifetimeValue(BGNBD, SPEND, 2, 30.43, 38.86, 22.35, opts);
    const expected =
      0.3 *
      gammaGammaExpectedValue(SPEND, 2, 22.35) *
      discountedExpectedPurchases(BGNBD, 2, 30.43, 38.86, opts);
    expect(clv).toBeCloseTo(expected, 10);
    expect(clv).toBeGreaterThan(0);
  });

  it("predicts every CDNOW customer at once exactly as one at a time", () => {
    const d = cdnowSummary();
    const opts = { periods: 12, periodLength: 4.345, discountRate: 0.01, margin: 0.2 };
    for (const model of [BGNBD, PNBD]) {
      const all = predictCustomers(model, d, 39, { spend: SPEND, monetary: d.zbar, options: opts });
      for (const i of [0, 1, 2, 1515, 2356]) {
        expect(all.probabilityAlive[i]).toBeCloseTo(probabilityAlive(model, d.x[i], d.tx[i], d.T[i]), 14);
        expect(all.expectedPurchases[i]).toBeCloseTo(
          conditionalExpectedPurchases(model, 39, d.x[i], d.tx[i], d.T[i]),
          12,
        );
        expect(all.clv![i]).toBeCloseTo(
          customerLifetimeValue(model, SPEND, d.x[i], d.tx[i], d.T[i], d.zbar[i], opts),
          10,
        );
      }
      expect(all.expectedPurchases.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
  });

  it.each([
    ["BG/NBD", BGNBD],
    ["MBG/NBD", MBGNBD],
    ["Pareto/NBD", PNBD],
  ])("gives every CDNOW customer the CLV of the per-customer formula to 1e-12 (%s)", (_, model) => {
    const d = cdnowSummary();
    const step = 4.345;
    const opts = { periods: 12, periodLength: step, discountRate: 0.01, margin: 0.3 };
    const all = predictCustomers(model, d, 39, { spend: SPEND, monetary: d.zbar, options: opts });
    const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
    let worst = 0;
    let worstOneAtATime = 0;
    for (let i = 0; i < d.x.length; i++) {
      // The formula as written: each step's purchases from E[X] at its two ends, one horizon at a time.
      let discounted = 0;
      let previous = 0;
      for (let k = 1; k <= opts.periods; k++) {
        const cumulative = conditionalExpectedPurchases(model, k * step, d.x[i], d.tx[i], d.T[i]);
        discounted += (cumulative - previous) / (1 + opts.discountRate) ** k;
        previous = cumulative;
      }
      const formula = opts.margin * gammaGammaExpectedValue(SPEND, d.x[i], d.zbar[i]) * discounted;
      const oneAtATime = customerLifetimeValue(model, SPEND, d.x[i], d.tx[i], d.T[i], d.zbar[i], opts);
      worst = Math.max(worst, relative(all.clv![i], formula));
      worstOneAtATime = Math.max(worstOneAtATime, relative(all.clv![i], oneAtATime));
    }
    expect(worst).toBeLessThan(1e-12);
    expect(worstOneAtATime).toBeLessThan(1e-12);
    expect(all.clv!.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it("rejects impossible options with the option named", () => {
    expect(() => discountedExpectedPurchases(BGNBD, 1, 1, 2, { periods: 2.5, discountRate: 0 })).toThrow(
      /periods/,
    );
    expect(() => discountedExpectedPurchases(BGNBD, 1, 1, 2, { periods: 2, discountRate: -1 })).toThrow(
      /discountRate/,
    );
  });
});
