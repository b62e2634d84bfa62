/**
 * Refresh in the browser preview (the memory adapter) keeps the same promises as in Excel and the CLI: a
 * note of the user's on a report cell is listed before anything is written and the refresh stops; a
 * chart of theirs stays where they put it, even exactly where the report draws one (the report's charts
 * are its model's, never told by place); a note of theirs outside the report's parts stays.
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
