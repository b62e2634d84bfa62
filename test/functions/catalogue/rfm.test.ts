import { rfmScore } from "../../../src/functions/catalogue/rfm";
import { at, column, errorIn } from "../excel-values";

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
