/**
 * The order-export fixtures of test/data through every path a user has, each against the revenue, orders,
 * customers and purchase days worked out by hand (./expected.ts):
 *
 * - `loyalty report` run in process, its JSON summary and the written workbook's LL Customers sheet;
 * - `loyalty fit` (--json): the same customers, less those first seen on the last day (T = 0), which it
 *   says it left out;
 * - the task pane's browser preview: the dropped file's bytes opened as the preview opens them, the order
 *   table proposed by the Source step, Build run by the worker's code over a message channel;
 * - `=LOYALTY.SUMMARY` with the table's columns as Excel would pass them.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { formatDay } from "../../src/engine/data/days";
import { summary } from "../../src/functions/catalogue/customers";
import type { ReportResult } from "../../src/report/build-report";
import { resolveReportConfig } from "../../src/report/config";
import { workbookFromFile } from "../../src/taskpane/preview/open-file";
import { discoverSources } from "../../src/taskpane/source/discover";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import { INITIAL_SOURCE_STATE, sourceReducer, sourceSettings } from "../../src/taskpane/state/source-state";
import { runInWorker } from "../../src/taskpane/work/channel";
import { readCsvTable } from "../../src/workbook/csv/read";
import type { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { runJson } from "../helpers/cli-io";
import { testDataPath } from "../helpers/test-data";
import { answered } from "../taskpane/inspect-answers";
import { buildWorker } from "../taskpane/build-worker";
import { EXPECTED_EXPORTS, totalsOf, type ExpectedCustomer, type ExpectedExport } from "./expected";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-exports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUSTOMERS_SHEET = "LL Customers";

/** A cell value as the day it shows: ExcelJS gives Dates, the in-memory workbook Dates or serials. */
function dayText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return formatDay(Math.round(v) - 25569);
  return String(v);
}

/** The customer table of an LL Customers sheet, by the headers the user sees. */
function customerRows(cell: (row: number, column: number) => unknown): Record<string, ExpectedCustomer> {
  let headerRow = 0;
  for (let r = 1; r <= 20 && headerRow === 0; r++) if (cell(r, 1) === "Customer ID") headerRow = r;
  expect(headerRow).toBeGreaterThan(0);
  const columnOf = new Map<string, number>();
  for (let c = 1; c <= 40; c++) {
    const header = cell(headerRow, c);
    if (typeof header === "string") columnOf.set(header, c);
  }
  const at = (r: number, header: string) => cell(r, columnOf.get(header)!);
  const out: Record<string, ExpectedCustomer> = {};
  for (let r = headerRow + 1; cell(r, 1) !== null && cell(r, 1) !== undefined && cell(r, 1) !== ""; r++) {
    out[String(cell(r, 1))] = {
      spend: at(r, "Net spend") as number,
      orders: at(r, "Orders") as number,
      purchaseDays: at(r, "Purchase days") as number,
      first: dayText(at(r, "First purchase")),
      last: dayText(at(r, "Last purchase")),
    };
  }
  return out;
}

/** Each customer as expected, money to the cent. */
function expectCustomers(actual: Record<string, ExpectedCustomer>, expected: ExpectedExport): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected.customers).sort());
  for (const [id, want] of Object.entries(expected.customers)) {
    const got = actual[id];
    expect({ id, ...got, spend: Math.round(got.spend * 100) / 100 }).toEqual({
      id,
      ...want,
      spend: Math.round(want.spend * 100) / 100,
    });
  }
}

/**
 * The preview on a dropped file: opened, the proposed table read (a header-less file without a header,
 * as the Orders step proposes, its columns then mapped as the user would), Build with the default form.
 */
async function buildInPane(expected: ExpectedExport): Promise<{ wb: MemoryWorkbook; result: ReportResult }> {
  const { file } = expected;
  const wb = await workbookFromFile(file, new Uint8Array(readFileSync(testDataPath(file))));
  let state = sourceReducer(INITIAL_SOURCE_STATE, { type: "found", candidates: await discoverSources(wb) });
  const candidate = state.candidates.find((c) => c.key === state.selected)!;
  expect(state.header).toBe(expected.noHeaderRoles ? "none" : "auto");
  state = answered(state, candidate.key, await wb.readTable(candidate.source, { header: state.header }));
  expected.noHeaderRoles?.forEach((role, column) => {
    state = sourceReducer(state, { type: "map", role, column });
  });
  const config = buildConfigLayer(sourceSettings(state)!, buildFormOf(resolveReportConfig([])), "en");
  const result = await runInWorker<{ config: typeof config }, ReportResult, unknown>(
    buildWorker(),
    wb,
    { config },
    {},
  );
  return { wb, result };
}

describe.each(EXPECTED_EXPORTS.map((e) => [e.shape, e] as const))("%s", (_shape, expected) => {
  const totals = totalsOf(expected);
  const input = testDataPath(expected.file);

  it("loyalty report: the hand-computed customers, orders, purchase days and net revenue, on the sheet too", async () => {
    const out = path.join(dir, `${expected.file}.xlsx`);
    const json = await runJson(["report", input, "--out", out, ...expected.flags]);
    expect(json.customers).toBe(totals.customers);
    expect(json.orders).toBe(totals.orders);
    expect(json.revenue).toBeCloseTo(totals.revenue, 2);
    expect(json.asOf).toBe(expected.asOf);
    const reported = Object.fromEntries(
      json.dataQuality.findings.map((f: { reason: string; count: number }) => [f.reason, f.count]),
    );
    for (const [reason, count] of Object.entries(expected.findings))
      expect([reason, reported[reason]]).toEqual([reason, count]);
    const book = await new ExcelJS.Workbook().xlsx.readFile(out);
    const sheet = book.getWorksheet(CUSTOMERS_SHEET)!;
    const rows = customerRows((r, c) => sheet.getCell(r, c).value);
    expectCustomers(rows, expected);
    const days = Object.values(rows).reduce((s, c) => s + c.purchaseDays, 0);
    expect(days).toBe(totals.purchaseDays);
  });

  it("loyalty fit: the same customers (those first seen on the last day counted and left out, as said)", async () => {
    const json = await runJson(["fit", input, "--model", "bgnbd", ...expected.flags]);
    expect(json.customers + json.firstBoughtOnCalibrationEnd).toBe(totals.customers);
    expect(json.firstBoughtOnCalibrationEnd).toBe(expected.firstBoughtOnLastDay.length);
    expect(json.read.join("\n")).toMatch(/^Lines: amounts from /m);
  });

  it("task pane (browser preview): the dropped file built in the worker gives the same customers and revenue", async () => {
    const { wb, result } = await buildInPane(expected);
    expect(result.summary.customers).toBe(totals.customers);
    expect(result.summary.orders).toBe(totals.orders);
    expect(result.summary.revenue).toBeCloseTo(totals.revenue, 2);
    const cells = wb.sheet(CUSTOMERS_SHEET).cells;
    expectCustomers(
      customerRows((r, c) => cells.get(r)?.get(c)?.value ?? null),
      expected,
    );
  });
});

describe("=LOYALTY.SUMMARY on the fixtures' columns", () => {
  /**
   * Excel has already decoded the file (encoding, separators) when a user selects its columns: the function
   * is given the cells the CSV reader decoded, dates and amounts as their text (a harder case than the
   * numbers and dates Excel usually makes of them: the function infers day order and decimal comma the way
   * the report does). The fixtures whose rules need an order id, quantity, unit price or status column
   * (UK retail, marketplace, Shopify) wait for those arguments of the function (issue 16, part B).
   */
  const threeColumns = EXPECTED_EXPORTS.filter((e) =>
    [
      "export-cdnow-master-shape.txt",
      "export-latin1.csv",
      "export-european.csv",
      "export-day-first.csv",
    ].includes(e.file),
  );

  it.each(threeColumns.map((e) => [e.shape, e] as const))("%s", async (_shape, expected) => {
    const header = expected.flags.length > 0 ? "none" : "auto";
    const { table } = await readCsvTable(testDataPath(expected.file), { header });
    // The CDNOW shape's columns are id, date, quantity, amount; the others customer, date, amount.
    const [ids, dates, amounts] = header === "none" ? [0, 1, 3] : [0, 1, 2];
    const range = (c: number) => table.columns[c].map((v) => [v]);
    const rows = summary(range(ids), range(dates), range(amounts), null, "day", null);
    const actual: Record<string, ExpectedCustomer> = {};
    for (const [id, first, last, orders, x, , , , spend] of rows as [
      string,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ][]) {
      actual[String(id)] = { spend, orders, purchaseDays: x + 1, first: dayText(first), last: dayText(last) };
    }
    expectCustomers(actual, expected);
  });
});
