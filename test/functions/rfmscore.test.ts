import { rfmScore } from "../../src/functions/functions";

describe("LOYALTY.RFMSCORE", () => {
  it("scores as Excel passes the arguments: a value, a range, and null for an omitted optional", () => {
    expect(rfmScore(25, [[10], [20], [30], [40]], null)).toBe(3);
    expect(rfmScore(25, [[10, 20, 30, 40]], true)).toBe(3);
    expect(rfmScore(3, [[10, 20, 30, 40]], true)).toBe(5);
  });

  it("ignores blank cells in the cut-point range", () => {
    expect(rfmScore(25, [[10], [20], [""], [30]] as unknown as number[][], null)).toBe(3);
  });

  it("returns #VALUE! with a message for cut points out of order", () => {
    expect(() => rfmScore(1, [[3], [2]], null)).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("ascending") }),
    );
  });
});
