/**
 * The registry kept between the writes of one build (BackedWorkbook, WorkbookBackend.soleWriter): a file
 * this process writes reads its settings store once, not once per sheet; Excel's workbook is read again at
 * every write, since someone else may change it between two.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SETTINGS_SHEET_NAME } from "../../src/sheet/port";
import { sameSheetName } from "../../src/workbook/registry";
import type { SheetModel } from "../../src/sheet/sheet-model";
import type { WorkbookBackend } from "../../src/workbook/backend";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { STANDARD } from "./contract";
import { fakeExcelWith } from "./office/fake-fixture";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-kept-registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (kind: string, value: number): SheetModel => ({
  kind,
  name: kind,
  blocks: [{ at: { row: 1, col: 1 }, rows: [[kind, value]] }],
});

/** How often `workbook`'s backend read the settings sheet's rows. */
function storeReads(workbook: object): () => number {
  const backend = (workbook as { backend: WorkbookBackend }).backend;
  const rows = backend.rows.bind(backend);
  let reads = 0;
  backend.rows = (name, box) => {
    if (sameSheetName(name, SETTINGS_SHEET_NAME)) reads++;
    return rows(name, box);
  };
  return () => reads;
}

describe("the registry during a build", () => {
  it("is read once from a file for every sheet written, and lists every sheet when saved", async () => {
    const first = XlsxWorkbook.create();
    await first.writeSheet(sheet("one", 1));
    const file = path.join(dir, "report.xlsx");
    await first.save(file);

    const workbook = await XlsxWorkbook.open(file);
    const reads = storeReads(workbook);
    for (const [i, kind] of ["two", "three", "one", "four"].entries())
      await workbook.writeSheet(sheet(kind, i));
    await workbook.writeSettings({ language: "en" });
    expect(reads()).toBe(1);
    await workbook.save(file);

    const again = await XlsxWorkbook.open(file);
    expect((await again.listGeneratedSheets()).map((s) => s.kind).sort()).toEqual([
      "four",
      "one",
      "three",
      "two",
    ]);
    expect(await again.readSettings()).toEqual({ language: "en" });
  });

  it("is read again from Excel at every write: what another writer added meanwhile is kept", async () => {
    const excel = fakeExcelWith(STANDARD);
    const pane = new OfficeWorkbook({ run: excel.run, supports: () => true });
    const reads = storeReads(pane);
    await pane.writeSheet(sheet("one", 1));
    // Another pane (or a co-author) writes a sheet between two writes of this one.
    await new OfficeWorkbook({ run: excel.run, supports: () => true }).writeSheet(sheet("other", 2));
    await pane.writeSheet(sheet("two", 3));
    expect(reads()).toBeGreaterThanOrEqual(2);
    const listed = await new OfficeWorkbook({ run: excel.run, supports: () => true }).listGeneratedSheets();
    expect(listed.map((s) => s.kind).sort()).toEqual(["one", "other", "two"]);
  });
});
