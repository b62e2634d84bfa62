import fc from "fast-check";
import { quantileBreaks, quantileScores } from "../../../src/engine/rfm/quantile-scores";
import { scoreRfmValues } from "../../../src/engine/rfm/rfm-scores";

/** The definition, counted directly: 1 + floor(bins × share of values strictly worse). */
function definition(values: number[], bins: number, higherIsBetter: boolean): number[] {
  return values.map((v) => {
    const worse = values.filter((w) => (higherIsBetter ? w < v : w > v)).length;
    return 1 + Math.floor((bins * worse) / values.length);
  });
}

const values = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 });
const bins = fc.integer({ min: 2, max: 10 });

describe("quantileScores", () => {
  it("gives ties the score of their lowest rank", () => {
    expect(Array.from(quantileScores([1, 1, 1, 2, 3], 5).scores)).toEqual([1, 1, 1, 4, 5]);
    expect(Array.from(quantileScores([1, 1, 1, 2, 3], 5, false).scores)).toEqual([3, 3, 3, 2, 1]);
    expect(quantileBreaks([1, 1, 1, 2, 3], 5)).toEqual([2, 2, 2, 3]);
  });

  it("splits distinct values into equal bins", () => {
    const scores = quantileScores(
      Array.from({ length: 100 }, (_, i) => i * 1.5),
      5,
    ).scores;
    for (let s = 1; s <= 5; s++) expect(scores.filter((v) => v === s).length).toBe(20);
  });

  it("gives NaN values score 0 and leaves them out of the population", () => {
    expect(Array.from(quantileScores([NaN, 1, 2], 2).scores)).toEqual([0, 1, 2]);
  });

  it("rejects bins outside 2..10", () => {
    expect(() => quantileScores([1], 1)).toThrow("bins must be a whole number from 2 to 10 (got 1)");
    expect(() => quantileScores([1], 11)).toThrow(RangeError);
  });

  it("agrees with the definition, both directions, any bins", () => {
    fc.assert(
      fc.property(values, bins, fc.boolean(), (v, n, higher) => {
        expect(Array.from(quantileScores(v, n, higher).scores)).toEqual(definition(v, n, higher));
      }),
    );
  });

  it("is monotone in the value and gives equal values equal scores", () => {
    fc.assert(
      fc.property(values, bins, fc.boolean(), (v, n, higher) => {
        const s = quantileScores(v, n, higher).scores;
        for (let i = 0; i < v.length; i++) {
          for (let j = 0; j < v.length; j++) {
            if (v[i] === v[j]) expect(s[i]).toBe(s[j]);
            if (v[i] < v[j]) expect(higher ? s[i] <= s[j] : s[i] >= s[j]).toBe(true);
            expect(s[i]).toBeGreaterThanOrEqual(1);
            expect(s[i]).toBeLessThanOrEqual(n);
          }
        }
      }),
    );
  });
});

describe("scoreRfmValues", () => {
  it("scores recency the other way round and writes codes", () => {
    const rfm = scoreRfmValues([5, 50, 500], [9, 3, 1], [900, 30, 10], 3);
    expect(Array.from(rfm.r)).toEqual([3, 2, 1]);
    expect(Array.from(rfm.f)).toEqual([3, 2, 1]);
    expect(Array.from(rfm.total)).toEqual([9, 6, 3]);
    expect(rfm.codes).toEqual(["333", "222", "111"]);
  });

  it("joins scores of 10 bins with dashes", () => {
    const n = 20;
    const rfm = scoreRfmValues(
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => i),
      10,
    );
    expect(rfm.codes[0]).toBe("10-1-1");
    expect(rfm.codes[n - 1]).toBe("1-10-10");
  });

  it("insists on one value per customer in each measure", () => {
    expect(() => scoreRfmValues([1], [1, 2], [1])).toThrow("one value per customer");
  });
});
