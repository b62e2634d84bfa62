import { Random } from "../../../src/engine/math/random";

describe("Random", () => {
  it("is reproducible from its seed and differs between seeds", () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(seqA);
    expect(seqA.every((u) => u > 0 && u < 1)).toBe(true);
  });

  it("draws gamma, beta and exponential variates with the right means and variances", () => {
    const rng = new Random(7);
    const n = 200_000;
    const moments = (draw: () => number) => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = draw();
        s += v;
        s2 += v * v;
      }
      const mean = s / n;
      return { mean, variance: s2 / n - mean * mean };
    };
    const g = moments(() => rng.gamma(0.25, 4)); // mean 1/16, variance 1/64
    expect(g.mean).toBeCloseTo(0.0625, 2);
    expect(g.variance / (0.25 / 16)).toBeCloseTo(1, 1);
    const g2 = moments(() => rng.gamma(6.25, 2)); // mean 3.125, variance 1.5625
    expect(g2.mean / 3.125).toBeCloseTo(1, 2);
    expect(g2.variance / 1.5625).toBeCloseTo(1, 1);
    const be = moments(() => rng.beta(0.8, 2.4)); // mean 0.25
    expect(be.mean).toBeCloseTo(0.25, 2);
    const ex = moments(() => rng.exponential(0.5)); // mean 2
    expect(ex.mean / 2).toBeCloseTo(1, 2);
  });
});
