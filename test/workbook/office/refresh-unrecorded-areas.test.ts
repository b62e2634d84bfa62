/**
 * A workbook written in Excel by a build from before the registry recorded where each build wrote (before
 * 2026-12-06: no areas, no carried tables, no formats, no notes in its entries). Its first refresh used to
 * clear those sheets whole, and what a manager typed there was lost without a word. Now only what is the
 * report's for sure is replaced (where the new build writes, the tables it names); every other cell with
 * a value is listed before anything is written and the refresh stops; Refresh anyway clears them. Columns
 * typed beside a customer table are carried to their customer as on any sheet.
 */
import { buildReport } from "../../../src/report/build-report";
import { columnName, parseRangeList } from "../../../src/sheet/a1";
import type { FakeExcel } from "./fake-excel";
import { typeInto } from "./fake-fixture";
import {
  customerTable,
  editRegistry,
  refreshLosses,
  reportInExcel,
  snapshot,
  tableIn,
} from "./refresh-fixture";

jest.setTimeout(120_000);

/** The registry as a build before 2026-12-06 wrote it. */
function asBuiltBeforeAreas(excel: FakeExcel): void {
  editRegistry(excel, (entry) => {
    for (const key of ["areas", "carried", "formats", "notes"]) delete entry[key];
  });
}

describe("Refresh in Excel of sheets a build wrote before areas were recorded", () => {
  it("with nothing of the user's on them, refreshes without asking", async () => {
    const { excel, wb } = await reportInExcel();
    asBuiltBeforeAreas(excel);
    expect(await refreshLosses(wb)).toEqual([]);
  });

  it("lists a memo in a free cell and a cell below a table the new build does not write, changes nothing, and clears them when told to go on", async () => {
    const { excel, wb } = await reportInExcel();
    asBuiltBeforeAreas(excel);
    const { sheet, box } = customerTable(excel);
    const memo = sheet.cellFor(2, box.right + 4);
    typeInto(memo, "ring the Lis on Friday");
    typeInto(sheet.cellFor(box.bottom + 40, 2), 1234);
    const before = snapshot(excel);
    const memoCell = `${columnName(box.right + 4)}2`;
    expect(await refreshLosses(wb)).toEqual([
      { kind: "cell", sheet: "LL Customers", cell: memoCell, text: "ring the Lis on Friday" },
      { kind: "cell", sheet: "LL Customers", cell: `B${box.bottom + 40}`, text: "1234" },
    ]);
    expect(snapshot(excel)).toBe(before);

    await buildReport({ workbook: wb, force: true });
    expect(sheet.cell(2, box.right + 4)?.value ?? null).toBeNull();
    expect(sheet.cell(box.bottom + 40, 2)?.value ?? null).toBeNull();
    // Recorded now: the next refresh keeps a memo there without asking.
    typeInto(sheet.cellFor(2, box.right + 4), "ring the Lis on Friday");
    expect(await refreshLosses(wb)).toEqual([]);
    await buildReport({ workbook: wb });
    expect(sheet.cell(2, box.right + 4)?.value).toBe("ring the Lis on Friday");
  });

  it("lists the old build's own cells where the new layout writes nothing, one line per block: they cannot be told from the user's; Refresh anyway clears them", async () => {
    const { excel, wb } = await reportInExcel(["customers", "kpis"]);
    asBuiltBeforeAreas(excel);
    const kpis = excel.model.mustSheet("LL KPIs");
    // A block of the user's beside the sheet's content.
    const { bottom, right } = kpis.usedBox(true) as { bottom: number; right: number };
    for (let r = bottom - 2; r <= bottom; r++)
      for (let c = right + 2; c <= right + 3; c++) typeInto(kpis.cellFor(r, c), 0.25);
    const block = `${columnName(right + 2)}${bottom - 2}:${columnName(right + 3)}${bottom}`;
    const listed = await refreshLosses(wb);
    expect(listed).toContainEqual({
      kind: "cell",
      sheet: "LL KPIs",
      cell: block,
      text: "0.25, 0.25, 0.25, …",
    });
    // The second build says who changed since the first (the member state), so its blocks sit lower: the
    // first build's cells left where it writes nothing are listed too, a block a line.
    expect(listed.length).toBeLessThan(6);
    expect(listed.every((l) => l.kind === "cell" && l.sheet === "LL KPIs")).toBe(true);
    await buildReport({ workbook: wb, force: true });
    for (const loss of listed)
      for (const box of parseRangeList(loss.cell))
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++)
            expect([`${columnName(c)}${r}`, kpis.cell(r, c)?.value ?? null]).toEqual([
              `${columnName(c)}${r}`,
              null,
            ]);
  });

  it("carries a column typed beside the customer table to the same customer's row", async () => {
    const { excel, wb } = await reportInExcel();
    asBuiltBeforeAreas(excel);
    const { sheet, box, rowOf } = customerTable(excel);
    const id = String(sheet.cell(box.top + 4, box.left)?.value);
    typeInto(sheet.cellFor(box.top, box.right + 1), "Called?");
    typeInto(sheet.cellFor(rowOf(id), box.right + 1), "yes, Tuesday");
    expect(await refreshLosses(wb)).toEqual([]);
    await buildReport({ workbook: wb });
    const now = tableIn(excel, "LL_Customers");
    expect(now.sheet.cell(now.rowOf(id), now.columnOf("Called?"))?.value).toBe("yes, Tuesday");
  });
});
