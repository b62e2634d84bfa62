/**
 * Over-long customer ids: an id longer than 256 characters (a pasted note, a file line read as one cell) or
 * than the 32,767 characters an Excel cell holds is reported with its row, column and length, and listed on
 * the Data quality sheet, instead of being cut without a word. The customer is kept.
 */
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { findingOf } from "../../../src/engine/data/quality";
import type { RawTable } from "../../../src/engine/data/table";
import { buildReport } from "../../../src/report/build-report";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";

const LONG = "L".repeat(300);
const HUGE = "H".repeat(1_048_576);
const AT_LIMIT = "A".repeat(256);

const table: RawTable = {
  source: "orders.csv",
  headers: ["Date", "Member", "Amount"],
  columns: [
    ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"],
    ["M1", LONG, AT_LIMIT, HUGE, LONG, "M2"],
    [10, 20, 30, 40, 50, 60],
  ],
  firstRow: 2,
};

describe("customer ids longer than 256 characters", () => {
  const read = readOrderTable(table);
  const finding = findingOf(read.quality, "longId");

  it("are counted per customer, at the first row of each, with the length (256 itself is fine)", () => {
    expect(finding.count).toBe(2);
    expect(finding.unit).toBe("customers");
    expect(finding.action).toBe("kept");
    expect(finding.examples.map((e) => [e.row, e.column, e.header, e.note])).toEqual([
      [3, "B", "Member", "300 characters"],
      [5, "B", "Member", "1,048,576 characters; cut to 32,767 where a sheet shows it"],
    ]);
    // The example shows the start of the id and its length, not a megabyte of text.
    expect(finding.examples[1].value).toBe(`${"H".repeat(100)}… (1,048,576 characters)`);
  });

  it("keep their customers and their spend", () => {
    const ids = read.orders.customerIds;
    expect(ids).toHaveLength(5);
    expect(ids).toContain(HUGE);
    const c = ids.indexOf(LONG);
    let spend = 0;
    for (let i = read.orders.customerStart[c]; i < read.orders.customerStart[c + 1]; i++) {
      spend += read.orders.amount[i];
    }
    expect(spend).toBe(20 + 50);
  });

  it("are listed on the Data quality sheet and in the report's warnings", async () => {
    const workbook = new MemoryWorkbook();
    const { summary } = await buildReport({
      workbook,
      orders: { table },
      config: { sheets: ["data-quality"] },
    });
    const cells = (await workbook.readRange("LL Data quality")).flat().map((v) => String(v ?? ""));
    expect(cells.some((v) => v.startsWith("Customer id longer than 256 characters"))).toBe(true);
    expect(cells).toContain("1,048,576 characters; cut to 32,767 where a sheet shows it");
    expect(summary.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(
        /^2 customers: customer id longer than 256 characters.*first at orders\.csv, row 3, column B/,
      ),
    );
  });
});
