/** A report built in the fake Excel, and what the refresh tests look at in it. */
import { buildReport } from "../../../src/report/build-report";
import type { SheetKind } from "../../../src/report/sheet-kinds";
import { generateOrders } from "../../../src/engine/sample/generate-orders";
import type { UserCell } from "../../../src/workbook/memory/memory-workbook";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import type { FakeExcel } from "./fake-excel";
import type { FakeChart, FakeSheet } from "./fake-excel-model";
import type { CellValue } from "../../../src/engine/data/table";
import { SETTINGS_SHEET_NAME, type RefreshLoss } from "../../../src/sheet/port";
import { UserError } from "../../../src/user-error";
import { decodeStore, encodeStore } from "../../../src/workbook/settings-store";
import { fakeExcelWith, typeInto } from "./fake-fixture";

/**
 * A report built in the fake Excel on a small sample (the Customers and Tiers sheets unless told which),
 * with a sheet of the user's ("Mine").
 */
export async function reportInExcel(
  sheets: SheetKind[] = ["customers", "tiers"],
): Promise<{ excel: FakeExcel; wb: OfficeWorkbook }> {
  // The sample as generated before December 2026 (lifetimes ending with the data): the expectations below
  // (which rows move, where the table starts after a customer leaves) were worked out on it.
  const orders = generateOrders({ customers: 40, seed: 5, cells: "typed", lifetimes: "untilDataEnd" });
  const rows: UserCell[][] = [orders.headers];
  for (let r = 0; r < orders.columns[0].length; r++) rows.push(orders.columns.map((c) => c[r] as UserCell));
  const excel = fakeExcelWith({
    sheets: [
      { name: "Orders", rows },
      { name: "Mine", rows: [["Top customer"]] },
    ],
  });
  const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
  await buildReport({ workbook: wb, config: { sheets } });
  return { excel, wb };
}

/** Everything of the fake workbook a refresh could change, as plain data. */
export function snapshot(excel: FakeExcel): string {
  const sheet = (s: FakeSheet) => ({
    name: s.name,
    cells: [...s.cells].map(([r, row]) => [r, [...row]]),
    notes: [...s.notes],
    charts: s.charts.length,
    conditionalFormats: s.conditionalFormats,
    validations: s.validations,
  });
  return JSON.stringify({
    sheets: excel.model.sheets.map(sheet),
    names: excel.model.names,
    tables: excel.model.tables.map((t) => [t.name, t.sheet.name, t.box]),
  });
}

/**
 * A table of the report by name: its sheet and box, the row of a key (customer id) in its first column,
 * the column of a header, and its rows of values (header first).
 */
export function tableIn(excel: FakeExcel, name: string) {
  const table = excel.model.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const { sheet, box } = table;
  const rowOf = (id: string) => {
    for (let r = box.top + 1; r <= box.bottom; r++) if (sheet.cell(r, box.left)?.value === id) return r;
    return -1;
  };
  // A column the user typed beside the table may be in it or right beside it.
  const columnOf = (header: string) => {
    for (let c = box.left; c <= box.right + 3; c++) if (sheet.cell(box.top, c)?.value === header) return c;
    return -1;
  };
  const rows = () => {
    const out: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(sheet.cell(r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  };
  return { sheet, box, rowOf, columnOf, rows };
}

/** The customer table's box, and the row of a customer in it. */
export function customerTable(excel: FakeExcel) {
  return tableIn(excel, "LL_Customers");
}

/** A chart a user drew, at a cell, with a title or none. */
export function chartAt(at: string[], title: string | undefined): FakeChart {
  const settings: Record<string, unknown> = { "setPosition()": at };
  if (title !== undefined) settings["title.text"] = title;
  return { type: "Line", source: "A1:A3", seriesBy: "Auto", series: [{}], settings };
}

/** Changes every entry of the registry stored in the workbook's settings sheet. */
export function editRegistry(excel: FakeExcel, change: (entry: Record<string, unknown>) => void): void {
  const store = excel.model.mustSheet(SETTINGS_SHEET_NAME);
  const rows: CellValue[][] = [];
  for (const [r, row] of store.cells) for (const [c, cell] of row) (rows[r - 1] ??= [])[c - 1] = cell.value;
  const entries = decodeStore(Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)))!;
  const registry = JSON.parse(entries.registry) as { sheets: Record<string, unknown>[] };
  registry.sheets.forEach(change);
  store.cells.clear();
  encodeStore({ ...entries, registry: JSON.stringify(registry) }).forEach((cells, r) =>
    cells.forEach((v, c) => typeInto(store.cellFor(r + 1, c + 1), v)),
  );
}

/** What a refresh listed before it stopped (none when it went through). */
export async function refreshLosses(wb: OfficeWorkbook): Promise<RefreshLoss[]> {
  const stopped = await buildReport({ workbook: wb }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (stopped === undefined) return [];
  const detail = stopped instanceof UserError ? stopped.detail : undefined;
  if (detail?.code !== "refreshWouldLose") throw stopped;
  return detail.losses;
}
