/** Box arithmetic of A1 ranges: the cells of a bound that no box covers (boxesOutside), worked by hand. */
import { boxesOutside, parseRangeAddress, rangeAddress } from "../../src/sheet/a1";

/** boxesOutside on ranges written as Excel writes them, its rectangles as ranges too. */
const outside = (bound: string, boxes: string[]) =>
  boxesOutside(parseRangeAddress(bound), boxes.map(parseRangeAddress)).map((b) => rangeAddress(b));

describe("boxesOutside", () => {
  it("cuts A1:F10 around A1:C1, B3:D8 and F5:I12 into bands of rows, and each band at the boxes' columns", () => {
    // The boxes' edges cut the rows into bands 1, 2, 3-4, 5-8 and 9-10 (F5:I12 runs past row 10, so row
    // 11 is no edge). Row 1: D to F beside A1:C1. Row 2: nothing covered. Rows 3-4: A, and E to F, beside
    // B:D. Rows 5-8: A, and E between B:D and F (F5:I12 clipped to column F). Rows 9-10: A to E, left of F.
    const out = outside("A1:F10", ["A1:C1", "B3:D8", "F5:I12"]);
    expect(out).toEqual(["D1:F1", "A2:F2", "A3:A4", "E3:F4", "A5:A8", "E5:E8", "A9:E10"]);
    // 60 cells in the bound: 3 + 18 + 6 covered by the boxes, 3 + 6 + 2 + 4 + 4 + 4 + 10 = 33 outside.
    const cells = out
      .map(parseRangeAddress)
      .reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    expect(cells).toBe(33);
  });

  it("gives the whole bound when no box reaches into it, and nothing when one covers it", () => {
    expect(outside("B2:C3", [])).toEqual(["B2:C3"]);
    expect(outside("B2:C3", ["D1:E9", "A4:C4"])).toEqual(["B2:C3"]);
    expect(outside("B2:C3", ["A1:Z100"])).toEqual([]);
  });

  it("leaves the narrow strips beside a long table and nothing inside it", () => {
    // A 100,000-row table in B3:H100002 of a used range A1:J100002: the title rows above it, column A on
    // its left and I:J on its right.
    expect(outside("A1:J100002", ["B3:H100002"])).toEqual(["A1:J2", "A3:A100002", "I3:J100002"]);
  });

  it("counts a cell covered by two overlapping boxes once", () => {
    // A1:B2 and B2:C3 overlap at B2: of A1:C3 only C1 and A3 are left, each once.
    expect(outside("A1:C3", ["A1:B2", "B2:C3"])).toEqual(["C1", "A3"]);
  });
});
