/**
 * 100,000 rows through the Office adapter over the fake Excel: how many round trips (syncs) and how many
 * bytes per request and response. Every request must stay within the adapter's budget (and so far below
 * Excel on the web's 5 MB limit), and chunks must be big enough that 100,000 rows do not cost thousands
 * of syncs.
 */
import type { Cell, SheetModel } from "../../../src/sheet/sheet-model";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { DEFAULT_REQUEST_BUDGET } from "../../../src/workbook/office/payload";
import { PAYLOAD_LIMIT, type SyncRecord } from "./fake-excel";
import { fakeExcelWith } from "./fake-fixture";
import { serialOf } from "./fake-excel-model";

const ROWS = 100_000;
const SEGMENTS = ["Champions", "Loyal", "重要价值客户", "At risk", "一般挽留客户"];

function customersModel(count = ROWS): SheetModel {
  const rows: Cell[][] = [["Customer", "Name", "First purchase", "Spend", "Segment"]];
  for (let i = 0; i < count; i++) {
    rows.push([
      `C${String(i).padStart(6, "0")}`,
      `客户${i}`,
      new Date(Date.UTC(2022, 0, 1 + (i % 900))),
      Math.round(((i * 7919) % 100_000) / 3) / 100,
      SEGMENTS[i % SEGMENTS.length],
    ]);
  }
  return {
    kind: "customers",
    name: "Customers",
    blocks: [
      { at: { row: 1, col: 1 }, rows: [[{ value: "Customers", style: "title" }]] },
      {
        at: { row: 3, col: 1 },
        rows,
        table: { name: "LL_Customers" },
        columnFormats: [null, null, "date", "currency", null],
      },
    ],
    freeze: { rows: 3, cols: 1 },
  };
}

/** An order export of 100,000 lines typed into a user sheet. */
function ordersFixture() {
  const rows: (string | number | Date)[][] = [["会员编号", "下单时间", "实付金额", "渠道", "商品"]];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `M${String(i % 20_000).padStart(5, "0")}`,
      new Date(Date.UTC(2023, 0, 1 + (i % 700))),
      (i % 5000) / 10,
      i % 3 === 0 ? "门店" : "线上商城",
      `SKU-${i % 977}`,
    ]);
  }
  return { sheets: [{ name: "Orders", rows }] };
}

function summary(syncs: SyncRecord[]) {
  return {
    syncs: syncs.length,
    maxRequest: Math.max(...syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(...syncs.map((s) => s.responseBytes)),
    totalRequest: syncs.reduce((n, s) => n + s.requestBytes, 0),
    totalResponse: syncs.reduce((n, s) => n + s.responseBytes, 0),
  };
}

describe("Office adapter with 100,000 rows", () => {
  it("reads an order table in a few chunks, each response within the budget", async () => {
    const excel = fakeExcelWith(ordersFixture());
    const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
    const table = await wb.readTable({ sheet: "Orders" });
    expect(table.columns[0]).toHaveLength(ROWS);
    expect(table.columns[0][ROWS - 1]).toBe(`M${String((ROWS - 1) % 20_000).padStart(5, "0")}`);
    // Dates come back as dates (the cells have a date format), amounts as numbers.
    expect(table.columns[1][0]).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(table.columns[2][12]).toBe(1.2);

    const s = summary(excel.syncs);
    expect(s.maxResponse).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET);
    expect(s.maxResponse).toBeLessThan(PAYLOAD_LIMIT);
    // Chunks are sized to the budget: the whole response needs only a few more syncs than its size says.
    expect(s.syncs).toBeLessThanOrEqual(Math.ceil(s.totalResponse / (0.5 * DEFAULT_REQUEST_BUDGET)) + 4);
    expect(s.syncs).toBeGreaterThan(Math.floor(s.totalResponse / DEFAULT_REQUEST_BUDGET));
  });

  it("tells how far it has read after each chunk, so the pane can show progress", async () => {
    const excel = fakeExcelWith(ordersFixture());
    const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
    const told: [number, number][] = [];
    await wb.readTable({ sheet: "Orders" }, { onRows: (read, total) => told.push([read, total]) });
    // The header and 100,000 rows: 100,001 sheet rows, told once per chunk read and once at the end.
    expect(told.length).toBeGreaterThan(2);
    expect(told.every(([, total]) => total === ROWS + 1)).toBe(true);
    expect(told[told.length - 1]).toEqual([ROWS + 1, ROWS + 1]);
    const reads = told.map(([read]) => read);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    // One report per sync that read rows (a chunk), and the closing one.
    expect(told.length).toBe(excel.syncs.filter((s) => s.responseBytes > 1000).length + 1);
  });

  it("writes a 100,000-row sheet model in requests measured below the budget, calculation suspended", async () => {
    const excel = fakeExcelWith({ sheets: [{ name: "Orders", rows: [["Customer", "Date", "Amount"]] }] });
    const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
    await wb.writeSheet(customersModel());
    const writes = excel.syncs.filter((s) => s.calculationSuspended);

    const s = summary(excel.syncs);
    expect(s.maxRequest).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET);
    // 100,000 rows x 5 columns of values and formats is several megabytes: several requests, each well
    // filled (not thousands of small ones).
    const cellBytes = summary(writes).totalRequest;
    expect(cellBytes).toBeGreaterThan(3 * DEFAULT_REQUEST_BUDGET);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(cellBytes / (0.6 * DEFAULT_REQUEST_BUDGET)) + 2);
    expect(writes.every((w) => w.screenUpdatingSuspended)).toBe(true);
    expect(excel.calculations).toEqual(["Recalculate"]);

    const sheet = excel.model.mustSheet("LL Customers");
    expect(sheet.cell(3 + ROWS, 1)?.value).toBe(`C${String(ROWS - 1).padStart(6, "0")}`);
    expect(sheet.cell(3 + ROWS, 2)?.value).toBe(`客户${ROWS - 1}`);
    expect(sheet.cell(4, 3)?.value).toBe(serialOf(2022, 1, 1));
    expect(sheet.cell(4, 3)?.numberFormat).toBe("yyyy-mm-dd");
    expect(excel.model.tables.find((t) => t.name === "LL_Customers")?.box).toEqual({
      top: 3,
      left: 1,
      bottom: 3 + ROWS,
      right: 5,
    });
  });

  it("keeps every request within a small budget too (more, smaller requests)", async () => {
    // 20,000 rows are enough to need many requests of 300 kB.
    const excel = fakeExcelWith({ sheets: [{ name: "Orders", rows: [["Customer"]] }] });
    const budget = 300_000;
    const wb = new OfficeWorkbook({ run: excel.run, supports: () => true, requestBudget: budget });
    await wb.writeSheet(customersModel(20_000));
    const s = summary(excel.syncs);
    expect(s.maxRequest).toBeLessThanOrEqual(budget);
    expect(s.syncs).toBeGreaterThan(8);
  });
});
