import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { fitParetoNbd } from "../../../src/engine/models/paretonbd";
import { compressRfm } from "../../../src/engine/models/data";
import { cdnowSummary } from "./cdnow-inputs";

describe("fitting: compression, penalty and failures that say why", () => {
  it("fits compressed rows exactly like the customers they stand for", () => {
    const d = cdnowSummary(true);
    const rows = compressRfm(d);
    expect(rows.n).toBeLessThan(d.x.length);
    const direct = fitBgnbd(d);
    const weighted = fitBgnbd({ x: rows.x, tx: rows.tx, T: rows.T, weights: rows.w });
    expect(weighted.distinctRows).toBe(direct.distinctRows);
    expect(weighted.customers).toBe(2357);
    weighted.values.forEach((v, i) => expect(v).toBeCloseTo(direct.values[i], 8));
    expect(weighted.logLikelihood).toBeCloseTo(direct.logLikelihood, 8);
  });

  it("shrinks the parameters with lifetimes' L2 penalizer and lowers the likelihood", () => {
    const d = cdnowSummary(true);
    const plain = fitBgnbd(d);
    const penalized = fitBgnbd(d, { penalizer: 0.01 });
    expect(penalized.converged).toBe(true);
    expect(penalized.penalizer).toBe(0.01);
    const size = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
    expect(size(penalized.values)).toBeLessThan(size(plain.values));
    expect(penalized.logLikelihood).toBeLessThan(plain.logLikelihood);
  });

  it("says why when the data cannot identify the model", () => {
    // Nobody ever came back: the purchase rate goes to 0 (α → ∞) and nothing pins down drop-out.
    const none = { x: [0, 0, 0, 0], tx: [0, 0, 0, 0], T: [10, 20, 30, 40] };
    const fit = fitParetoNbd(none);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/not identified by the data/);
    expect(fit.standardErrors).toBeNull();
    expect(fit.values.every(Number.isFinite)).toBe(true);
    expect(fitBgnbd(none).converged).toBe(false);
  });

  it("rejects invalid rows with the row and field named", () => {
    expect(() => fitBgnbd({ x: [1, 2], tx: [1, 5], T: [2, 4] })).toThrow(/row 2, t_x/);
    expect(() => fitBgnbd({ x: [-1], tx: [0], T: [2] })).toThrow(/row 1, x/);
    expect(() => fitBgnbd({ x: [], tx: [], T: [] })).toThrow(/no customers/);
  });
});
