import type { CellValue } from "../../src/engine/data/table";
import type { SheetRow } from "../../src/workbook/backend";
import { collectRawTable, findHeaderRow } from "../../src/workbook/read-table";

async function* batchesOf(rows: CellValue[][], firstRow = 1): AsyncIterable<SheetRow[]> {
  yield rows.map((cells, i) => ({ row: firstRow + i, cells }));
}

describe("finding the header row", () => {
  it("skips a title, a note and blank rows above the table", () => {
    expect(
      findHeaderRow([
        ["Orders 2024"],
        ["exported from the shop", "by Li"],
        ["客户ID", "日期", "金额", "渠道"],
        ["C1", 45000, 12.5, "web"],
      ]),
    ).toBe(2);
  });

  it("does not take data for a header: numbers, dates or amounts written as text", () => {
    expect(findHeaderRow([["00042", "2024-01-05", "12.50"]])).toBe(-1);
    expect(findHeaderRow([["1", "2"]])).toBe(-1);
    expect(findHeaderRow([["¥12", "3%"]])).toBe(-1);
    expect(
      findHeaderRow([
        ["id", "id"],
        ["x", "y"],
      ]),
    ).toBe(1);
  });

  it("does not take a title cut in two by a comma for the header of wider rows", () => {
    // "Orders export, Q1 2024" read as a CSV line is two labels over rows of three fields.
    const title = ["Orders export", " Q1 2024"];
    expect(findHeaderRow([title, ["00001", "2024-01-05", "20.5"], ["00002", "2024-01-06", "10"]])).toBe(-1);
    expect(findHeaderRow([title, ["Customer", "Date", "Amount"], ["00001", "2024-01-05", "20.5"]])).toBe(1);
    // A header over narrower rows (optional columns left empty) is still the header.
    expect(
      findHeaderRow([
        ["id", "date", "amount", "note"],
        ["a", "2024-01-05", "3"],
        ["b", "2024-01-06", "4", "x"],
      ]),
    ).toBe(0);
  });

  it("accepts a one-column table and headers with a few blanks", () => {
    expect(findHeaderRow([["Customer"], ["C1"]])).toBe(0);
    expect(
      findHeaderRow([
        ["id", null, "amount", "note", "channel"],
        ["a", 1, 2, "x", "web"],
      ]),
    ).toBe(0);
  });
});

describe("collecting a raw table", () => {
  it("keeps blank rows inside the data and drops those at the end", async () => {
    const t = await collectRawTable(
      batchesOf([["id", "amount"], ["a", 1], [null, ""], ["b", 2], [], ["", null]], 5),
      { source: "sheet S", left: 2 },
    );
    expect(t.headers).toEqual(["id", "amount"]);
    expect(t.firstRow).toBe(6);
    expect(t.columnLabels).toEqual(["B", "C"]);
    expect(t.columns).toEqual([
      ["a", null, "b"],
      [1, null, 2],
    ]);
  });

  it("counts rows a reader left out as blank rows", async () => {
    async function* sparse(): AsyncIterable<SheetRow[]> {
      yield [
        { row: 1, cells: ["id"] },
        { row: 2, cells: ["a"] },
        { row: 5, cells: ["b"] },
      ];
    }
    const t = await collectRawTable(sparse(), { source: "s", left: 1 });
    expect(t.columns[0]).toEqual(["a", null, null, "b"]);
  });

  it("uses a given header row, or none", async () => {
    const rows = [["title"], ["x", "y"], [1, 2]];
    const t = await collectRawTable(batchesOf(rows), { source: "s", left: 1 }, 2);
    expect(t.headers).toEqual(["x", "y"]);
    expect(t.columns).toEqual([[1], [2]]);
    const none = await collectRawTable(batchesOf([[1, 2]]), { source: "s", left: 3 }, "none");
    expect(none.headers).toEqual(["Column C", "Column D"]);
    await expect(collectRawTable(batchesOf(rows), { source: "s", left: 1 }, 9)).rejects.toThrow(
      /header row 9 is blank/,
    );
  });

  it("finds the header among many title rows only within the first 30 rows", async () => {
    const rows: CellValue[][] = Array.from({ length: 40 }, (_, i) => [i]);
    await expect(
      collectRawTable(batchesOf(rows), { source: "book.xlsx, sheet Numbers", left: 1 }),
    ).rejects.toThrow("book.xlsx, sheet Numbers: no header row found in rows 1-30");
  });
});
