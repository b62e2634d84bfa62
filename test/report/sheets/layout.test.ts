/**
 * The sheet layout's table total row (formats of the columns above, ranges of the placed table) and the
 * note ending of a list cut short.
 */
import { SheetLayout } from "../../../src/report/sheets/layout";
import { listedNote } from "../../../src/report/sheets/note-text";

describe("SheetLayout.table total", () => {
  it("writes the total row below the data in the table's column formats, spaced before a text column", () => {
    const layout = new SheetLayout().title("T");
    const placed = layout.table({
      header: ["Name", "Spend", "Note"],
      rows: [
        ["a", 1, "x"],
        ["b", 2, "y"],
      ],
      formats: [null, "currency", null],
      total: (table) => ["Total", { formula: `SUM(${table.column(1)})`, result: 3 }, null],
    });
    const [, data, total] = layout.blocks;
    expect(total.at).toEqual({ row: placed.lastRow + 1, col: 1 });
    expect(total.style).toBe("total");
    expect(total.rows).toEqual([["Total", { formula: "SUM(B3:B4)", result: 3 }, null]]);
    expect(total.columnFormats).toEqual(data.columnFormats);
    expect(data.columnFormats?.[1]).toEqual({ code: expect.stringMatching(/_\)$/) });
    expect(layout.row).toBe(placed.lastRow + 2);
  });

  it("takes a total row given as cells", () => {
    const layout = new SheetLayout();
    layout.table({ header: ["A", "B"], rows: [["x", 1]], formats: [null, "integer"], total: ["All", 1] });
    expect(layout.blocks[1].rows).toEqual([["All", 1]]);
    expect(layout.row).toBe(4);
  });
});

describe("listedNote", () => {
  it("says how many of a list cut short are listed, and which", () => {
    expect(listedNote(1000, 2500)).toBe(" (the first 1,000 are listed)");
    expect(listedNote(50, 51, "# closest")).toBe(" (the 50 closest are listed)");
    expect(listedNote(1, 3, "# with the most value at risk")).toBe(
      " (the 1 with the most value at risk is listed)",
    );
  });

  it("says nothing when the whole list is shown", () => {
    expect(listedNote(12, 12)).toBe("");
    expect(listedNote(0, 0, "# closest")).toBe("");
  });
});
