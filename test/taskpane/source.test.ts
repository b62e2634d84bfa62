import { COLUMN_ROLES } from "../../src/engine/data/columns";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { discoverSources, proposedSource, scoreHeaders } from "../../src/taskpane/source/discover";
import {
  lastOrderDate,
  mappingFor,
  overrideRole,
  previewRows,
  ROLES_IN_ORDER,
} from "../../src/taskpane/source/inspect";
import { sampleWorkbook } from "../../src/taskpane/preview/sample-workbook";
import { ORDERS } from "../workbook/contract";

const NOTES = {
  name: "Notes",
  rows: [
    ["Budget", "2024"],
    ["Shop", 100],
  ],
};

describe("finding the order table", () => {
  it("scores headers with the three required roles above any without them", () => {
    expect(scoreHeaders(["客户ID", "消费日期", "实付金额"])).toBeGreaterThanOrEqual(30);
    expect(scoreHeaders(["Budget", "2024"])).toBeLessThan(30);
  });

  it("proposes the orders sheet below its title, not the notes sheet", async () => {
    const wb = MemoryWorkbook.withSheets([NOTES, ORDERS]);
    const candidates = await discoverSources(wb);
    expect(candidates[0]).toMatchObject({
      key: "sheet:Orders",
      headers: ["Customer ID", "Order date", "Amount", "Note"],
    });
    expect(proposedSource(candidates)?.key).toBe("sheet:Orders");
  });

  it("offers a sheet that is one Excel table as that table only", async () => {
    const wb = sampleWorkbook({ customers: 20 });
    const candidates = await discoverSources(wb);
    expect(candidates.map((c) => c.key)).not.toContain("sheet:Orders");
    expect(proposedSource(candidates)).toMatchObject({ key: "table:OrderLines", sheet: "Orders" });
    expect(candidates[0].rows).toBeGreaterThan(20);
  });

  it("proposes nothing when no candidate has customer, date and amount", async () => {
    const candidates = await discoverSources(MemoryWorkbook.withSheets([NOTES]));
    expect(proposedSource(candidates)).toBeUndefined();
  });

  it("leaves out the generated sheets", async () => {
    const wb = MemoryWorkbook.withSheets([ORDERS]);
    await wb.writeSheet({
      kind: "k",
      name: "Customers",
      blocks: [{ at: { row: 1, col: 1 }, rows: [["Customer ID", "Date", "Amount"]] }],
    });
    expect((await discoverSources(wb)).map((c) => c.key)).toEqual(["sheet:Orders"]);
  });
});

describe("the mapping the user sees and changes", () => {
  async function ordersTable() {
    return MemoryWorkbook.withSheets([ORDERS]).readTable({ sheet: "Orders" });
  }

  it("lists the required roles first", () => {
    expect(ROLES_IN_ORDER.slice(0, 3)).toEqual(["customerId", "date", "amount"]);
    expect(new Set(ROLES_IN_ORDER).size).toBe(COLUMN_ROLES.length);
  });

  it("moves a column to another role and frees the role that had it", async () => {
    const table = await ordersTable();
    expect(mappingFor(table, {}).mapping.amount).toBe(2);
    const overrides = overrideRole(table, {}, "points", 2);
    const { mapping, missing } = mappingFor(table, overrides);
    expect(mapping.points).toBe(2);
    expect(mapping.amount).toBeUndefined();
    expect(missing).toEqual(["amount"]);
  });

  it("names a column by its header so saved settings survive columns moving", async () => {
    const table = await ordersTable();
    expect(overrideRole(table, {}, "channel", 3)).toMatchObject({ channel: "Note" });
    expect(overrideRole(table, {}, "channel", null)).toEqual({ channel: null });
  });

  it("defaults the as-of date to the last order date and previews rows as text", async () => {
    const table = await ordersTable();
    expect(lastOrderDate(table, 1)).toBe("2024-04-04");
    expect(lastOrderDate(table, undefined)).toBeUndefined();
    expect(previewRows(table, 2)).toEqual([
      ["00042", "2024-01-05", "12.5", "=1+1"],
      ["C-7", "2024-02-01", "19.90", "#N/A"],
    ]);
  });
});
