import { pareto, rfm, rfmScore, rfmSegment, valueBand } from "../../../src/functions/catalogue/rfm";
import { at, column, errorIn } from "../excel-values";

const oneToTen = column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

describe("LOYALTY.RFM", () => {
  it("scores by quantiles: 1 + floor(bins × share strictly worse), R higher for fewer days", () => {
    const r = rfm(oneToTen, oneToTen, oneToTen, null);
    // Recency 1 day: 9 of 10 are worse -> 1 + floor(4.5) = 5; 5 days: 5 worse -> 3; 10 days -> 1.
    expect(r[0]).toEqual([5, 1, 1, "511"]);
    expect(r[4]).toEqual([3, 3, 3, "333"]);
    expect(r[9]).toEqual([1, 5, 5, "155"]);
  });

  it("gives equal values equal scores, and leaves blank rows blank", () => {
    const r = rfm(column(3, 3, 3, ""), column(1, 1, 2, ""), column(10, 10, 10, ""), 2);
    expect(r.map((row) => row[0])).toEqual([1, 1, 1, ""]);
    expect(r[0][1]).toBe(r[1][1]);
    expect(r[3]).toEqual(["", "", "", ""]);
  });

  it("joins 10-bin scores with dashes", () => {
    expect(rfm(oneToTen, oneToTen, oneToTen, 10)[0][3]).toBe("10-1-1");
  });

  it("fails as a whole, naming the cell, when one row cannot be used (the quantiles depend on every row)", () => {
    const r = rfm(
      column(1, "x", 3),
      column(1, 2, 3),
      column(1, 2, 3),
      null,
      at("S!H2:H4", "S!D2:D4", "S!I2:I4", ""),
    );
    expect(r).toHaveLength(1);
    expect(errorIn(r)).toEqual({ code: "#VALUE!", message: 'recency, cell S!H3: "x" is not a number' });
    expect(errorIn(rfm(oneToTen, oneToTen, oneToTen, 11))?.message).toBe("bins must be at most 10, not 11");
    expect(errorIn(rfm(column(-1), column(1), column(1), null))?.message).toBe(
      "recency must be at least 0, not -1",
    );
  });
});

describe("LOYALTY.RFMSEGMENT", () => {
  it("names the 11 segments from R and FM", () => {
    expect(
      rfmSegment(column(5, 1, 5, 3, 1), column(5, 1, 1, 2, 5), column(5, 1, 1, 3, 5), null, null, null),
    ).toEqual([["Champions"], ["Lost"], ["New Customers"], ["Need Attention"], ["Can't Lose Them"]]);
  });

  it("names the 8 classes, in Chinese on request, and maps other scales onto the scheme's", () => {
    expect(rfmSegment([[5]], [[5]], [[5]], "rfm8", null, "zh")).toEqual([["重要价值客户"]]);
    expect(rfmSegment([[10]], [[10]], [[10]], "11", 10, null)).toEqual([["Champions"]]);
  });

  it("gives a row #VALUE! for a score off the scale, and #VALUE! for an unknown scheme", () => {
    const r = rfmSegment(column(5, 6), column(5, 5), column(5, 5), null, null, null);
    expect(r[0][0]).toBe("Champions");
    expect(errorIn(r, 1)?.message).toBe("r, row 2 must be at most 5, not 6");
    expect(errorIn(rfmSegment([[5]], [[5]], [[5]], "rfm12", null, null))?.message).toBe(
      'scheme: "rfm12" is not one of rfm11, rfm8',
    );
  });
});

describe("LOYALTY.VALUEBAND", () => {
  it("puts the top 10 %, the middle 80 % and the bottom 10 % in their bands", () => {
    const r = valueBand(oneToTen, null, null);
    expect(r[9][0]).toBe("Top 10 %");
    expect(r[0][0]).toBe("Bottom 10 %");
    expect(r.slice(1, 9).every(([b]) => b === "Middle 80 %")).toBe(true);
    expect(valueBand(oneToTen, "value4", "zh")[9][0]).toBe("核心客户");
  });
});

describe("LOYALTY.PARETO", () => {
  it("gives the share of value from the top customers", () => {
    expect(pareto(column(5, 50, 10, 30, 5), [[0.2, 0.4, 1]], true)).toEqual([
      ["top share", "customers", "value", "share of value"],
      [0.2, 1, 50, 0.5],
      [0.4, 2, 80, 0.8],
      [1, 5, 100, 1],
    ]);
    expect(pareto(oneToTen, null as never, null)).toHaveLength(5);
    expect(errorIn(pareto(oneToTen, [[1.5]], null))?.message).toBe("top_shares must be at most 1, not 1.5");
  });
});

describe("LOYALTY.RFMSCORE", () => {
  it("scores as Excel passes the arguments: a value, a range, and null for an omitted optional", () => {
    expect(rfmScore([[25]], column(10, 20, 30, 40), null)).toEqual([[3]]);
    expect(rfmScore([[25]], [[10, 20, 30, 40]], true)).toEqual([[3]]);
    expect(rfmScore([[3]], [[10, 20, 30, 40]], "TRUE")).toEqual([[5]]);
  });

  it("scores a column of values into a column of scores, leaving blank rows blank", () => {
    expect(rfmScore(column(5, 45, "", "25"), column(10, 20, 30, 40), null)).toEqual([[1], [5], [""], [3]]);
  });

  it("ignores blank cells in the cut-point range", () => {
    expect(rfmScore([[25]], column(10, 20, "", 30), null)).toEqual([[3]]);
  });

  it("returns #VALUE! with a message for cut points out of order or not numbers", () => {
    expect(errorIn(rfmScore([[1]], column(3, 2), null))).toEqual({
      code: "#VALUE!",
      message: "cut_points must be in ascending order (item 2 is smaller than item 1)",
    });
    expect(errorIn(rfmScore([[1]], column(1, "x"), null, at("A1", "Rules!B2:B3", "")))?.message).toBe(
      'cut_points, cell Rules!B3: "x" is not a number',
    );
    expect(errorIn(rfmScore([[1]], column(""), null))?.message).toBe("cut_points holds no numbers");
  });

  it("puts a row's error in that row only", () => {
    const r = rfmScore(column(5, "n/a", 35), column(10, 20, 30), null);
    expect(r[0][0]).toBe(1);
    expect(errorIn(r, 1)).toEqual({ code: "#VALUE!", message: 'value, row 2: "n/a" is not a number' });
    expect(r[2][0]).toBe(4);
  });
});
