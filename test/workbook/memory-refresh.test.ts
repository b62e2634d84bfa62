/**
 * Refresh in the browser preview (the memory adapter) keeps the same promises as in Excel and the CLI: a
 * note of the user's on a report cell is listed before anything is written and the refresh stops; a
 * chart of theirs stays where they put it, even exactly where the report draws one (the report's charts
 * are its model's, never told by place); a note of theirs outside the report's parts stays; a value typed
 * over the report's own cells is listed, and kept below the sheet when told to go on (the same code as in
 * Excel: BackedWorkbook).
 */
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { buildReport } from "../../src/report/build-report";
import { UserError } from "../../src/user-error";
import { MemoryWorkbook, type UserCell } from "../../src/workbook/memory/memory-workbook";
import { cellAddress } from "../../src/sheet/a1";

jest.setTimeout(60_000);

async function reportInPreview(): Promise<MemoryWorkbook> {
  const orders = generateOrders({ customers: 40, seed: 5, cells: "typed" });
  const rows: UserCell[][] = [orders.headers];
  for (let r = 0; r < orders.columns[0].length; r++) rows.push(orders.columns.map((c) => c[r] as UserCell));
  const wb = MemoryWorkbook.withSheets([{ name: "Orders", rows }]);
  await buildReport({ workbook: wb, config: { sheets: ["customers", "tiers"] } });
  return wb;
}

describe("Refresh in the browser preview (the memory adapter)", () => {
  it("stops before writing when a note of the user's is on a report cell, and goes on without it when told to", async () => {
    const wb = await reportInPreview();
    const table = (await wb.listTables()).find((t) => t.name === "LL_Customers")!;
    const top = Number(/\d+/.exec(table.range)![0]);
    const noted = `B${top + 2}`;
    wb.setNote("LL Customers", noted, "ask about the refund");
    wb.setNote("LL Customers", "AZ3", "a note of mine, outside the report");
    const before = JSON.stringify(
      wb.sheets.map((s) => [s.name, [...s.cells].map(([r, row]) => [r, [...row]])]),
    );

    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(UserError);
    const detail = (stopped as UserError).detail;
    expect(detail && "losses" in detail ? detail.losses : []).toEqual([
      { kind: "note", sheet: "LL Customers", cell: noted, text: "ask about the refund" },
    ]);
    expect(
      JSON.stringify(wb.sheets.map((s) => [s.name, [...s.cells].map(([r, row]) => [r, [...row]])])),
    ).toBe(before);

    await buildReport({ workbook: wb, force: true });
    expect(wb.cellAt("LL Customers", noted)?.note).toBeUndefined();
    expect(wb.cellAt("LL Customers", "AZ3")?.note).toBe("a note of mine, outside the report");
  });

  it("lists a value typed over a report cell (a customer's phone, the title) and keeps it below the sheet when told to go on", async () => {
    const wb = await reportInPreview();
    const table = (await wb.listTables()).find((t) => t.name === "LL_Customers")!;
    const top = Number(/\d+/.exec(table.range)![0]);
    const rows = await wb.readRange("LL Customers", table.range);
    const phone = rows[0].indexOf("Phone");
    const customer = String(rows[2][0]);
    const cell = cellAddress(top + 2, phone + 1);
    wb.setCell("LL Customers", cell, "call her mobile");
    wb.setCell("LL Customers", "A1", "My customers");

    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(UserError);
    const detail = (stopped as UserError).detail;
    expect(detail && "losses" in detail ? detail.losses : []).toEqual([
      { kind: "overtyped", sheet: "LL Customers", cell: "A1", text: "My customers" },
      { kind: "overtyped", sheet: "LL Customers", cell, text: "call her mobile", customer, column: "Phone" },
    ]);

    await buildReport({ workbook: wb, force: true });
    expect(wb.value("LL Customers", cell)).toBe(rows[2][phone]);
    expect(await wb.readRange("LL Customers", "A1")).not.toEqual([["My customers"]]);
    const typed = (await wb.listTables()).find((t) => t.name === "LL_Typed_customers")!;
    expect(await wb.readRange("LL Customers", typed.range)).toEqual([
      ["Cell", "Customer ID", "Column", "Typed"],
      ["A1", null, null, "My customers"],
      [cell, customer, "Phone", "call her mobile"],
    ]);
    // Asked nothing again, and the kept values stay.
    await buildReport({ workbook: wb });
    const again = (await wb.listTables()).find((t) => t.name === "LL_Typed_customers")!;
    expect((await wb.readRange("LL Customers", again.range)).slice(1)).toEqual([
      ["A1", null, null, "My customers"],
      [cell, customer, "Phone", "call her mobile"],
    ]);
  });

  it("keeps a chart of the user's put exactly where the report draws one, and lists nothing for the report's own notes", async () => {
    const wb = await reportInPreview();
    const tiers = wb.sheet("LL Tiers");
    const ours = tiers.model?.charts ?? [];
    expect(ours.length).toBeGreaterThan(0);
    // The report's own notes are on its cells: a refresh does not take them for the user's.
    expect([...tiers.cells.values()].some((row) => [...row.values()].some((c) => c.note))).toBe(true);
    wb.addUserChart("LL Tiers", "My trend", cellAddress(ours[0].at.row, ours[0].at.col));
    await buildReport({ workbook: wb });
    expect(wb.sheet("LL Tiers").userCharts).toEqual([{ name: "My trend", at: ours[0].at }]);
    expect(wb.sheet("LL Tiers").model?.charts).toHaveLength(ours.length);
  });
});
