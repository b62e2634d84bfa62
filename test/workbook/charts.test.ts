import { chartAnchor, chartPartXml, EMU_PER_PIXEL } from "../../src/workbook/xlsx/charts";
import { columnPixels } from "../../src/sheet/column-geometry";

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

describe("category labels", () => {
  const labels = (n: number, text: (i: number) => string) => (range: string) =>
    range.startsWith("A") ? Array.from({ length: n }, (_, i) => text(i)) : Array.from({ length: n }, () => 1);
  const line = (n: number) => ({
    type: "line" as const,
    categories: `A1:A${n}`,
    series: [{ values: `B1:B${n}` }],
    at: { row: 1, col: 1 },
    width: 760,
    height: 300,
  });

  it("labels every n-th of many long categories so that the labels fit across the chart", () => {
    const xml = chartPartXml(
      line(157),
      "S",
      labels(157, (i) => `W-${String(i).padStart(8, "0")}`),
    );
    const skip = Number(/<c:tickLblSkip val="(\d+)"\/>/.exec(xml)?.[1]);
    // 680 px of plot for 10-character labels of about 50 px: 13 labels, so every 13th category.
    expect(skip).toBe(13);
    expect(xml).toContain(`<c:tickMarkSkip val="${skip}"/>`);
  });

  it("labels every category when they fit", () => {
    expect(
      chartPartXml(
        line(12),
        "S",
        labels(12, (i) => `M${i}`),
      ),
    ).not.toContain("tickLblSkip");
  });
});
