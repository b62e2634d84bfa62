import { chartAnchor, columnPixels, EMU_PER_PIXEL } from "../../src/workbook/xlsx/charts";

describe("chart anchors", () => {
  it("spans the columns and rows a chart of the given pixel size covers", () => {
    expect(columnPixels(9.140625)).toBe(64);
    expect(columnPixels(10)).toBe(70);
    const a = chartAnchor(
      { type: "line", series: [{ values: "A1:A2" }], at: { row: 2, col: 3 }, width: 100, height: 50 },
      [undefined, undefined, 10],
    );
    // Column C is 70 px wide, so 100 px end 30 px into column D; 50 px are 2 rows and 10 px.
    expect(a.from).toEqual({ col: 2, colOff: 0, row: 1, rowOff: 0 });
    expect(a.to).toEqual({ col: 3, colOff: 30 * EMU_PER_PIXEL, row: 3, rowOff: 10 * EMU_PER_PIXEL });
  });
});
