/**
 * The This week sheet on the generated sample (names, phones, stores): per store at most N members, the
 * most value at risk first, with their name, phone and store as the orders give them; value at risk is
 * predicted value × (1 − P(alive)) as the Customers sheet shows them; the Done and Note a manager writes
 * stay on the member's row when the report is refreshed; a tab renamed in the other language is replaced.
 */
import type { CellValue } from "../../../src/engine/data/table";
import { generateOrders } from "../../../src/engine/sample/generate-orders";
import { buildReport } from "../../../src/report/build-report";
import { cellAddress } from "../../../src/sheet/a1";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";

const table = generateOrders({ customers: 1500, seed: 11 });
const PER_STORE = 12;

/** Row index of the header cell `text` in column A, and the rows below it up to the first blank. */
function tableAt(
  grid: CellValue[][],
  firstHeader: string,
): { header: string[]; rows: CellValue[][]; top: number } {
  const top = grid.findIndex((r) => r[0] === firstHeader && typeof r[1] === "string");
  const header = grid[top].map((v) => String(v ?? ""));
  const rows: CellValue[][] = [];
  for (let r = top + 1; r < grid.length && grid[r][0] !== null && grid[r][0] !== ""; r++) rows.push(grid[r]);
  return { header, rows, top };
}

/** Each member's name, phone, store and channel as their last line in the orders writes them. */
function contactsOfData(): Map<string, [string, string, string, string]> {
  const out = new Map<string, [string, string, string, string]>();
  table.columns[1].forEach((id, r) => {
    out.set(
      String(id),
      [9, 10, 11, 6].map((c) => String(table.columns[c][r] ?? "")) as [string, string, string, string],
    );
  });
  return out;
}

describe("the This week sheet", () => {
  let workbook: MemoryWorkbook;
  let grid: CellValue[][];

  beforeAll(async () => {
    workbook = new MemoryWorkbook();
    await buildReport({
      workbook,
      orders: { table },
      config: { sheets: ["this-week", "customers"], thisWeek: { perStore: PER_STORE } },
    });
    grid = await workbook.readRange("LL This week");
  }, 120_000);

  it("lists at most N members per store with the name, phone and store the orders give", () => {
    const list = tableAt(grid, "Store");
    const calls = tableAt(grid.slice(list.top + list.rows.length + 1), "Store");
    const col = (h: string) => calls.header.indexOf(h);
    expect(calls.header).toEqual([
      "Store", "Customer ID", "Name", "Phone", "Channel", "Tier", "Reason", "Last purchase",
      "Last amount", "Value at risk", "Suggested action", "Done", "Note",
    ]); // prettier-ignore
    const contacts = contactsOfData();
    const perStore = new Map<string, number>();
    for (const row of calls.rows) {
      const [name, phone, store, channel] = contacts.get(String(row[col("Customer ID")]))!;
      expect([
        row[col("Name")] ?? "",
        row[col("Phone")] ?? "",
        row[col("Store")],
        row[col("Channel")],
      ]).toEqual([name, phone, store, channel]);
      expect(String(row[col("Reason")])).not.toBe("");
      perStore.set(store, (perStore.get(store) ?? 0) + 1);
    }
    expect(Math.max(...perStore.values())).toBeLessThanOrEqual(PER_STORE);
    // The summary per store counts the rows listed for that store.
    for (const row of list.rows) expect(row[2]).toBe(perStore.get(String(row[0])) ?? 0);
    // Within a store, the most value at risk first.
    for (const store of perStore.keys()) {
      const values = calls.rows.filter((r) => r[0] === store).map((r) => r[col("Value at risk")] as number);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
    }
  });

  it("shows value at risk = predicted value × (1 − P(alive)) of the Customers sheet", async () => {
    const customers = await workbook.readRange("LL Customers");
    const head = customers.findIndex((r) => r[0] === "Customer ID");
    const h = customers[head].map(String);
    const alive = h.findIndex((x) => x.startsWith("P(alive)"));
    const value = h.findIndex((x) => x.startsWith("Value next"));
    const byId = new Map(customers.slice(head + 1).map((r) => [String(r[0]), r]));
    const list = tableAt(grid, "Store");
    const calls = tableAt(grid.slice(list.top + list.rows.length + 1), "Store");
    for (const row of calls.rows.slice(0, 20)) {
      const c = byId.get(String(row[1]))!;
      const expected = (c[value] as number) * (1 - (c[alive] as number));
      // Both sheets round (P(alive) to 4 digits, money to 2): equal to a cent or two.
      expect(Math.abs((row[calls.header.indexOf("Value at risk")] as number) - expected)).toBeLessThan(
        0.05 + 1e-4 * (c[value] as number),
      );
    }
  });

  it("keeps Done and Note on the member's row when the report is refreshed, in the other language too", async () => {
    const list = tableAt(grid, "Store");
    const callsTop = list.top + list.rows.length + 1;
    const calls = tableAt(grid.slice(callsTop), "Store");
    const sheetRow = (i: number) => callsTop + calls.top + 2 + i; // 1-based sheet row of data row i
    const id = String(calls.rows[3][1]);
    const done = calls.header.indexOf("Done");
    workbook.setCell("LL This week", cellAddress(sheetRow(3), done + 1), "Done");
    workbook.setCell("LL This week", cellAddress(sheetRow(3), done + 2), "Asked about the new season");
    await buildReport({ workbook, orders: { table } });
    const again = await workbook.readRange("LL This week");
    const row = again.find((r) => r[1] === id)!;
    expect([row[done], row[done + 1]]).toEqual(["Done", "Asked about the new season"]);

    await buildReport({ workbook, orders: { table }, config: { language: "zh-CN" } });
    const names = (await workbook.listSheets()).map((s) => s.name);
    expect(names).toEqual(["LL 本周跟进", "LL 客户"]);
    const zh = await workbook.readRange("LL 本周跟进");
    const zhRow = zh.find((r) => r[1] === id)!;
    expect(zhRow).toEqual(expect.arrayContaining(["Done", "Asked about the new season"]));
  }, 120_000);
});
