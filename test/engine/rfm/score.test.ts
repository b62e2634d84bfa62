import { checkAscending, scoreAgainstBreaks } from "../../../src/engine/rfm/score";

describe("scoreAgainstBreaks", () => {
  const breaks = [10, 20, 30, 40];

  it("gives 1 below the first cut point and n above the last", () => {
    expect(scoreAgainstBreaks(5, breaks)).toBe(1);
    expect(scoreAgainstBreaks(45, breaks)).toBe(5);
  });

  it("gives a value equal to a cut point the higher score", () => {
    expect(scoreAgainstBreaks(10, breaks)).toBe(2);
    expect(scoreAgainstBreaks(40, breaks)).toBe(5);
  });

  it("reverses the scale when lower is better (recency)", () => {
    expect(scoreAgainstBreaks(5, breaks, false)).toBe(5);
    expect(scoreAgainstBreaks(45, breaks, false)).toBe(1);
    expect(scoreAgainstBreaks(25, breaks, false)).toBe(3);
  });

  it("is monotone in the value", () => {
    let last = 0;
    for (let v = -5; v < 60; v += 0.5) {
      const s = scoreAgainstBreaks(v, breaks);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});

describe("checkAscending", () => {
  it("names the item out of order", () => {
    expect(() => checkAscending([1, 3, 2])).toThrow("item 3 is smaller than item 2");
  });
  it("rejects a cut point that is not a number", () => {
    expect(() => checkAscending([1, NaN])).toThrow("item 2 is not a number");
  });
});
