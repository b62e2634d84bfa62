/**
 * `loyalty report` and `loyalty demo` run in-process: the files they write, what they print, --in-place
 * keeping the user's sheets and edits, and one clear line with exit code 2 for bad input files.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture, runJson } from "../helpers/cli-io";
import { REPORT_SHEETS } from "../helpers/report-sheets";
import { testDataPath } from "../helpers/test-data";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-report-"));
const file = (name: string) => path.join(dir, name);

/** Runs a command that must fail on bad input: exit 2 and one line naming the problem. */
async function failure(args: string[]): Promise<string> {
  const io = capture();
  const code = await run(args, io);
  expect(code).toBe(2);
  expect(io.stdout).toBe("");
  const lines = io.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^loyalty: /);
  expect(lines[0]).not.toMatch(/at .*\.ts:\d+/);
  return lines[0];
}

/** The CDNOW sample has no header; columns: master id, sample id, date, CDs, dollars. */
function cdnowConfig(): string {
  const config = file("cdnow.json");
  writeFileSync(
    config,
    JSON.stringify({
      source: { header: "none" },
      columns: { customerId: "B", date: "C", amount: "E", quantity: "D" },
    }),
  );
  return config;
}

/** A user's workbook: orders on one sheet, their own sheet of formulas and formats on another. */
async function userBook(name: string): Promise<string> {
  const table = generateOrders({ customers: 150, seed: 7, cells: "typed" });
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "My notes";
  notes.getCell("A1").font = { bold: true, size: 14 };
  notes.getCell("A2").value = "Revenue";
  notes.getCell("B2").value = { formula: "SUM(Orders!E:E)", result: 0 } as ExcelJS.CellFormulaValue;
  notes.getCell("B2").numFmt = "#,##0.00";
  notes.getCell("A3").value = "Lines";
  notes.getCell("B3").value = { formula: "COUNTA(Orders!A:A)-1", result: 0 } as ExcelJS.CellFormulaValue;
  notes.getCell("A4").value = "=not a formula";
  notes.getColumn(1).width = 30;
  const orders = wb.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++) {
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  }
  orders.getColumn(3).numFmt = "yyyy-mm-dd hh:mm";
  const target = file(name);
  await wb.xlsx.writeFile(target);
  return target;
}

/** Every cell of a sheet with its value, formula, format and font, and the column widths. */
async function sheetSnapshot(target: string, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cells: unknown[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) =>
      cells.push([r, c, cell.value, cell.numFmt ?? null, JSON.stringify(cell.font ?? {})]),
    ),
  );
  return { cells, widths: ws.columns.map((c) => c.width ?? null) };
}

describe("loyalty report", () => {
  it("writes a new workbook from a CSV file and prints the JSON summary", async () => {
    const out = file("cdnow.xlsx");
    const summary = await runJson([
      "report",
      testDataPath("CDNOW_sample.txt"),
      "--config",
      cdnowConfig(),
      "--out",
      out,
    ]);
    for (const key of ["customers", "orders", "segments", "tiers", "alerts", "dataQuality", "seconds"]) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary.file).toBe(out);
    expect(summary.customers).toBe(2357);
    expect(summary.orders).toBe(6919);
    expect(summary.segments.reduce((s: number, g: { customers: number }) => s + g.customers, 0)).toBe(2357);
    expect(summary.tiers.map((t: { name: string }) => t.name)).toEqual([
      "Platinum",
      "Gold",
      "Silver",
      "Member",
      "Lapsed",
    ]);
    expect(typeof summary.alerts).toBe("number");
    expect(summary.dataQuality.rowsRead).toBe(6919);
    expect(summary.dataQuality.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: "duplicateLine", count: 21 })]),
    );
    expect(summary.seconds).toBeGreaterThan(0);
    // The benefit-cost projection's totals, as the Benefit cost sheet computes them.
    expect(summary.projection).toMatchObject({ periods: 12, periodMonths: 1, scenario: "base" });
    expect(summary.projection.benefitCost).toBeGreaterThan(0);
    expect(summary.projection.revenue).toBeGreaterThan(summary.projection.benefitCost);
    const wb = await XlsxWorkbook.open(out);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(REPORT_SHEETS);
    const customers = await wb.readTable({ table: "LL_Customers" });
    expect(customers.columns[0]).toHaveLength(2357);
  });

  it("builds only the sheets asked for, as of the day given, and prints a short text summary", async () => {
    const out = file("two-sheets.xlsx");
    const io = capture();
    const code = await run(
      [
        "report",
        testDataPath("CDNOW_sample.txt"),
        "--config",
        cdnowConfig(),
        "--sheets",
        "segments, Key dates",
        "--as-of",
        "1998-03-31",
        "--out",
        out,
      ],
      io,
    );
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^Wrote .*two-sheets\.xlsx: LL Segments, LL Key dates\n/);
    expect(io.stdout).toMatch(/as of 1998-03-31/);
    const wb = await XlsxWorkbook.open(out);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["LL Segments", "LL Key dates"]);
  });

  it("says one customer, one order, one row in the singular, in the summary and on the sheets", async () => {
    const csv = file("one-customer.csv");
    writeFileSync(csv, "Customer ID,Order date,Amount\nC1,2024-05-12,10\nC1,someday,5\n");
    const out = file("one-customer.xlsx");
    const io = capture();
    const code = await run(["report", csv, "--sheets", "customers,data-quality", "--out", out], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^1 customer, 1 order \(1 line\), net revenue 10\.00/m);
    expect(io.stdout).toMatch(/^Alerts: 0 members to act on$/m);
    expect(io.stdout).toMatch(
      /^Warning: 1 row: unreadable date \(dropped\); first at one-customer\.csv, row 3/m,
    );
    const book = await new ExcelJS.Workbook().xlsx.readFile(out);
    const note = (sheet: string) => String(book.getWorksheet(sheet)?.getCell("A2").value);
    expect(note("LL Customers")).toMatch(/^1 customer as of 2024-05-12/);
    expect(note("LL Data quality")).toMatch(/^2 rows read from one-customer\.csv, 1 purchase line used;/);

    const bad = file("one-row.csv");
    writeFileSync(bad, "Customer ID,Order date,Amount\nC1,someday,5\n");
    expect(await failure(["report", bad, "--out", file("one-row.xlsx")])).toMatch(
      /no usable order lines among 1 row;/,
    );
  });

  it("shows progress on stderr only when stderr is a terminal", async () => {
    const io = capture();
    io.interactive = true;
    const code = await run(
      ["report", testDataPath("CDNOW_sample.txt"), "--config", cdnowConfig(), "--sheets", "tiers"].concat([
        "--out",
        file("progress.xlsx"),
      ]),
      io,
    );
    expect(code).toBe(0);
    expect(io.stderr).toMatch(/\[ *\d+%\] Reading the orders/);
    expect(io.stderr).toMatch(/Writing sheet 1 of 1: Tiers/);
  });

  it("reads the orders of an .xlsx workbook into a new report workbook", async () => {
    const book = await userBook("orders-book.xlsx");
    const out = file("from-book.xlsx");
    const summary = await runJson(["report", book, "--sheet", "Orders", "--out", out]);
    expect(summary.customers).toBeGreaterThan(100);
    expect(summary.source).toMatch(/orders-book\.xlsx, sheet Orders/);
    const wb = await XlsxWorkbook.open(out);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(REPORT_SHEETS);
  });

  it("--in-place replaces only the generated sheets and keeps the user's sheets and edited inputs", async () => {
    const book = await userBook("in-place.xlsx");
    const notesBefore = await sheetSnapshot(book, "Notes");
    const ordersBefore = await sheetSnapshot(book, "Orders");

    const first = await runJson(["report", book, "--in-place"]);
    expect(first.file).toBe(book);
    expect(first.sheets.every((s: { replaced: boolean }) => !s.replaced)).toBe(true);
    let wb = await XlsxWorkbook.open(book);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Notes", "Orders", ...REPORT_SHEETS]);
    expect(await sheetSnapshot(book, "Notes")).toEqual(notesBefore);
    expect(await sheetSnapshot(book, "Orders")).toEqual(ordersBefore);

    // The user raises the Platinum minimum on the Tiers sheet (in Excel; here with ExcelJS).
    const input = (await wb.readInputs("tiers")).find((i) => i.key === "tiers.platinum.minSpend");
    expect(input).toBeDefined();
    const raised = Math.round((input?.defaultValue as number) * 3);
    const edit = new ExcelJS.Workbook();
    await edit.xlsx.readFile(book);
    edit.getWorksheet("LL Tiers")!.getCell(input!.address).value = raised;
    await edit.xlsx.writeFile(book);

    const second = await runJson(["report", book, "--in-place"]);
    expect(second.sheets.every((s: { replaced: boolean }) => s.replaced)).toBe(true);
    const tiers = second.sheets.find((s: { kind: string }) => s.kind === "tiers");
    expect(tiers.keptInputs).toContain("tiers.platinum.minSpend");
    const platinum = (s: { tiers: { key: string; customers: number }[] }) =>
      s.tiers.find((t) => t.key === "platinum")?.customers ?? NaN;
    expect(platinum(second)).toBeLessThan(platinum(first));
    wb = await XlsxWorkbook.open(book);
    const kept = (await wb.readInputs("tiers")).find((i) => i.key === "tiers.platinum.minSpend");
    expect(kept).toMatchObject({ value: raised, edited: true });
    expect(await sheetSnapshot(book, "Notes")).toEqual(notesBefore);
    expect(await sheetSnapshot(book, "Orders")).toEqual(ordersBefore);
    // Written through a temporary file that was renamed: nothing is left beside the book.
    expect(readdirSync(dir).filter((f) => f.startsWith(".") || f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses unclear targets with one line", async () => {
    const csv = testDataPath("CDNOW_sample.txt");
    expect(await failure(["report", csv])).toMatch(/--out FILE\.xlsx/);
    expect(await failure(["report", csv, "--out", file("x.csv")])).toMatch(/\.xlsx/);
    expect(await failure(["report", csv, "--in-place"])).toMatch(/--in-place updates an \.xlsx/);
    expect(await failure(["report", csv, "--out", file("x.xlsx"), "--sheets", "customers,forecast"])).toMatch(
      /--sheets: .*no sheet "forecast"/,
    );
    expect(await failure(["report", csv, "--out", file("x.xlsx"), "--as-of", "someday"])).toMatch(
      /--as-of: .*date/,
    );
  });
});

describe("loyalty report on bad input files", () => {
  it("says a file is not an .xlsx workbook", async () => {
    writeFileSync(file("text.xlsx"), "Customer,Date,Amount\nA,2024-01-01,3\n");
    expect(await failure(["report", file("text.xlsx"), "--out", file("o.xlsx")])).toMatch(
      /text\.xlsx is a text file, not an \.xlsx workbook/,
    );
    writeFileSync(file("orders.pdf"), "%PDF-1.4");
    expect(await failure(["report", file("orders.pdf"), "--out", file("o.xlsx")])).toMatch(
      /orders\.pdf: cannot read \.pdf/,
    );
  });

  it("says a file is empty", async () => {
    writeFileSync(file("empty.csv"), "");
    expect(await failure(["report", file("empty.csv"), "--out", file("o.xlsx")])).toMatch(
      /empty\.csv is empty/,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await wb.xlsx.writeFile(file("empty.xlsx"));
    expect(await failure(["report", file("empty.xlsx"), "--out", file("o.xlsx")])).toMatch(
      /empty\.xlsx, sheet Sheet1 is empty/,
    );
  });

  it("says which date column is missing", async () => {
    writeFileSync(file("no-date.csv"), "Customer,Amount\nA,12.5\nB,3\n");
    expect(await failure(["report", file("no-date.csv"), "--out", file("o.xlsx")])).toMatch(
      /no-date\.csv: no order date column found among the headers "Customer", "Amount"/,
    );
  });

  it("says there are no orders below a header followed by a million blank rows", async () => {
    writeFileSync(file("blank.csv"), "Customer,Date,Amount\n" + ",,\n".repeat(1_000_000));
    expect(await failure(["report", file("blank.csv"), "--out", file("o.xlsx")])).toMatch(
      /blank\.csv: there are no rows below the header row/,
    );
  });

  it("names a missing input file", async () => {
    expect(await failure(["report", file("missing.csv"), "--out", file("o.xlsx")])).toMatch(
      /missing\.csv does not exist/,
    );
  });
});
