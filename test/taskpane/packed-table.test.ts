import type { RawTable } from "../../src/engine/data/table";
import { isPackedTable, packTable, unpackTable } from "../../src/taskpane/work/packed-table";

const TABLE: RawTable = {
  source: "orders.csv",
  place: { file: "orders.csv" },
  headers: ["会员编号", "Date", "Amount", "Note"],
  columns: [
    ["M001", "M002", "", null, "😀 emoji", "lone \uD800 surrogate"],
    [new Date(Date.UTC(2024, 0, 5)), 45291, "25/12/2023", undefined, { error: "#N/A" }, true],
    [120, -0.5, 1e300, Number.NaN, false, "1,234.50"],
    [],
  ],
  firstRow: 3,
  columnLabels: ["B", "C", "D", "E"],
};

describe("a table packed to cross to a worker", () => {
  it("comes back cell for cell: texts in any script, numbers, dates, booleans, blanks, errors", async () => {
    const { packed, transfer } = await packTable(TABLE);
    expect(isPackedTable(packed)).toBe(true);
    // Four buffers a column, handed over rather than copied.
    expect(transfer).toHaveLength(16);
    const back = unpackTable(structuredClone(packed));
    expect(back).toEqual(TABLE);
    expect(back.columns[1][0]).toBeInstanceOf(Date);
    expect(back.columns[1][3]).toBeUndefined();
    expect(back.columns[2][3]).toBeNaN();
  });

  it("lets the thread pause between columns", async () => {
    let pauses = 0;
    await packTable(TABLE, async () => {
      pauses++;
    });
    expect(pauses).toBe(4);
  });
});
