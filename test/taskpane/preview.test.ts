import { buildReport } from "../../src/report/build-report";
import { GENERATED_HEADERS } from "../../src/engine/sample/generate-orders";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { gridText, gridWindow } from "../../src/taskpane/preview/grid";
import { sheetNameFor, workbookFromFile, type OpenProgress } from "../../src/taskpane/preview/open-file";
import {
  MAX_SAMPLE_CUSTOMERS,
  sampleCustomersFrom,
  sampleRows,
  sampleWorkbook,
  SAMPLE,
} from "../../src/taskpane/preview/sample-workbook";
import { UserError } from "../../src/user-error";
import { ORDERS } from "../workbook/contract";

describe("the preview's grid", () => {
  const wb = MemoryWorkbook.withSheets([ORDERS]);

  it("shows the used rows and columns, values as a sheet shows them", () => {
    const grid = gridWindow(wb.sheet("Orders"));
    expect(grid).toMatchObject({ first: 1, last: 8, total: 8, columns: ["A", "B", "C", "D"] });
    expect(grid.cells[3]).toEqual(["00042", "2024-01-05", "12.5", "=1+1"]);
    expect(grid.cells[4][3]).toBe("#N/A");
  });

  it("starts a few rows above a selection far down the sheet", () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`row ${i + 1}`]);
    const big = MemoryWorkbook.withSheets([{ name: "Big", rows }]);
    const grid = gridWindow(big.sheet("Big"), { top: 200, left: 1, bottom: 200, right: 1 }, 20);
    expect(grid).toMatchObject({ first: 195, last: 214, total: 300 });
    expect(gridWindow(big.sheet("Big"), { top: 299, left: 1, bottom: 299, right: 1 }, 20).last).toBe(300);
  });

  it("writes values as their number format shows them, booleans and uncomputed formulas", () => {
    expect(gridText({ value: 0.1234, numberFormat: "0.0%" })).toBe("12.3%");
    // As Excel shows them in a cell of standard width: General keeps 11 characters.
    expect(gridText({ value: 2 / 3 })).toBe("0.666666667");
    // A date written as a serial number with a date format is a date, as in Excel (45291 is 2023-12-31).
    expect(gridText({ value: 45291, numberFormat: "yyyy-mm-dd" })).toBe("2023-12-31");
    expect(gridText({ value: 1234.5, numberFormat: "#,##0.00" })).toBe("1,234.50");
    expect(gridText({ value: true })).toBe("TRUE");
    expect(gridText({ value: null, formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(gridText(undefined)).toBe("");
  });
});

describe("files opened in the preview", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("reads a CSV file as one sheet named after the file", async () => {
    const wb = await workbookFromFile(
      "March export.csv",
      bytes("客户ID,日期,金额\nA1,2024-03-01,10\nA2,2024-03-02,20\n"),
    );
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(["March export"]);
    const table = await wb.readTable({ sheet: "March export" });
    expect(table.headers).toEqual(["客户ID", "日期", "金额"]);
    expect(table.columns[0]).toEqual(["A1", "A2"]);
  });

  it("opens a file without a header row as its rows from A1, whitespace-separated as the CDNOW master", async () => {
    const wb = await workbookFromFile(
      "cdnow.txt",
      bytes(" 11101  19970101  1  11.00\r\n 11102  19970102  2  12.00\r\n"),
    );
    const [sheet] = await wb.listSheets();
    expect(sheet).toMatchObject({ name: "cdnow", usedRange: "A1:D2" });
    // Read with a header, it says none was found; read without one, every row is data.
    await expect(wb.readTable({ sheet: "cdnow" })).rejects.toThrow(/no header row found in rows 1-2/);
    const table = await wb.readTable({ sheet: "cdnow" }, { header: "none" });
    expect(table.headers).toEqual(["Column A", "Column B", "Column C", "Column D"]);
    expect(table.columns[0]).toEqual(["11101", "11102"]);
    expect(table.columns[3]).toEqual(["11.00", "12.00"]);
  });

  it("says how far opening a CSV file has come: the file, its lines taken in, the sheet", async () => {
    const lines = [
      "Customer,Date,Amount",
      ...Array.from({ length: 12_000 }, (_, i) => `C${i},2024-03-01,${i}`),
    ];
    const told: OpenProgress[] = [];
    await workbookFromFile("big.csv", bytes(lines.join("\n")), undefined, (p) => told.push(p));
    // The file is read piece by piece: each step says the lines taken in so far and the lines in all as
    // estimated from the bytes read, the last one the file's 12,001 lines (the header included).
    expect(told[0]).toEqual({ stage: "file" });
    expect(told[told.length - 1]).toEqual({ stage: "sheet" });
    const rows = told.slice(1, -1) as Extract<OpenProgress, { stage: "rows" }>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((p) => p.stage === "rows" && p.read <= p.total)).toBe(true);
    expect(rows.map((p) => p.read)).toEqual([...rows.map((p) => p.read)].sort((a, b) => a - b));
    expect(rows[rows.length - 1]).toEqual({ stage: "rows", read: 12_001, total: 12_001 });
  });

  it("says which files it cannot read", async () => {
    await expect(workbookFromFile("orders.pdf", bytes("%PDF"))).rejects.toThrow(UserError);
    await expect(workbookFromFile("orders.pdf", bytes("%PDF"))).rejects.toThrow(
      /orders\.pdf: the preview reads \.xlsx and \.csv/,
    );
    const load = async () => (await import("exceljs")).default;
    // Not a zip: said for what it is, before the spreadsheet library reads it.
    await expect(workbookFromFile("broken.xlsx", bytes("not a zip"), load)).rejects.toThrow(
      /broken\.xlsx is a text file, not an \.xlsx workbook/,
    );
    // A zip the library cannot read.
    await expect(workbookFromFile("broken.xlsx", bytes("PK\u0003\u0004 cut short"), load)).rejects.toThrow(
      /broken\.xlsx cannot be read as an \.xlsx workbook/,
    );
  });

  it("makes a valid sheet name of any file name", () => {
    expect(sheetNameFor("a:b?c.csv")).toBe("a b c");
    expect(sheetNameFor(".csv")).toBe("Data");
  });
});

describe("the bundled sample", () => {
  it("has the export's header and about ten lines per customer", () => {
    const { orders: rows, campaigns } = sampleRows({ customers: 50 });
    expect(rows[0]).toEqual(GENERATED_HEADERS.en);
    expect(rows.length).toBeGreaterThan(50 * 5);
    expect(rows[1][2]).toBeInstanceOf(Date);
    expect(SAMPLE.customers).toBe(1500);
    // Its campaign history: member, campaign, start and end as dates, cost.
    expect(campaigns[0]).toEqual(["Member ID", "Campaign", "Start date", "End date", "Cost"]);
    expect(campaigns.length).toBeGreaterThan(5);
    expect(campaigns[1][2]).toBeInstanceOf(Date);
  });

  it("is found with its Campaigns sheet by a build: LL Campaigns measures them", async () => {
    const workbook = sampleWorkbook({ customers: 300 });
    await buildReport({ workbook, config: { sheets: ["campaigns"] } });
    const rows = await workbook.readRange("LL Campaigns");
    const text = rows.map((r) => r.join(" ")).join("\n");
    expect(text).toContain("Double points month");
    expect(text).toContain("Birthday gift");
  });
});

describe("the sample's size from the address", () => {
  it("reads ?customers=, within bounds", () => {
    expect(sampleCustomersFrom("?customers=10000")).toBe(10000);
    expect(sampleCustomersFrom("?customers=999999")).toBe(MAX_SAMPLE_CUSTOMERS);
    expect(sampleCustomersFrom("?customers=ten")).toBeUndefined();
    expect(sampleCustomersFrom("")).toBeUndefined();
  });
});
