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

  /**
   * Sample moments against the distributions' own, within 4 standard errors (fixed seed: the same draws on
   * every run). The standard error of a sample mean is σ/√n; of a sample variance √((μ4 − σ⁴)/n), with μ4
   * the fourth central moment: σ⁴(3 + excess kurtosis).
   */
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
  /** Checks the sample mean and variance against `mean`, `variance` and the excess kurtosis. */
  const expectMoments = (
    sample: { mean: number; variance: number },
    mean: number,
    variance: number,
    excessKurtosis: number,
  ) => {
    const seMean = Math.sqrt(variance / n);
    const seVariance = variance * Math.sqrt((2 + excessKurtosis) / n);
    expect(Math.abs(sample.mean - mean)).toBeLessThanOrEqual(4 * seMean);
    expect(Math.abs(sample.variance - variance)).toBeLessThanOrEqual(4 * seVariance);
  };

  it("draws gamma variates (shape k, rate λ: mean k/λ, variance k/λ², excess kurtosis 6/k)", () => {
    const rng = new Random(7);
    expectMoments(
      moments(() => rng.gamma(0.25, 4)),
      0.25 / 4,
      0.25 / 16,
      6 / 0.25,
    );
    expectMoments(
      moments(() => rng.gamma(6.25, 2)),
      6.25 / 2,
      6.25 / 4,
      6 / 6.25,
    );
  });

  it("draws beta variates (mean a/(a+b), variance ab/((a+b)²(a+b+1)))", () => {
    const rng = new Random(11);
    const [a, b] = [0.8, 2.4];
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const kurtosis =
      (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
    expectMoments(
      moments(() => rng.beta(a, b)),
      a / (a + b),
      variance,
      kurtosis,
    );
  });

  it("draws exponential variates (rate λ: mean 1/λ, variance 1/λ², excess kurtosis 6)", () => {
    const rng = new Random(13);
    expectMoments(
      moments(() => rng.exponential(0.5)),
      2,
      4,
      6,
    );
  });
});
