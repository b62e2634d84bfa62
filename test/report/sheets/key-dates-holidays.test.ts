/**
 * The "Holidays and shopping days" block of the Key dates sheet on the demo sample (as of its last order
 * day, orders from 2022), and the settings keyDates.holidays and keyDates.holidayDays.
 */
import { excelSerialFromDay } from "../../../src/sheet/serial-dates";
import { dayFromYmd, formatDay } from "../../../src/engine/data/days";
import type { CellValue } from "../../../src/engine/data/table";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { generateOrders } from "../../../src/engine/sample/generate-orders";
import { DEMO_SAMPLE } from "../../../src/cli/commands/demo";
import { analyzeOrderTable } from "../../../src/engine/analyze";
import { buildReport } from "../../../src/report/build-report";
import { checkConfigLayer, resolveReportConfig, type PartialReportConfig } from "../../../src/report/config";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";

const demo = generateOrders(DEMO_SAMPLE);

/** The last day of an order in the raw table (its dates are "YYYY-MM-DD hh:mm:ss"; dirty ones skipped). */
const lastOrderDay = (demo.columns[2] as string[])
  .map((d) => /^(\d{4})-(\d{2})-(\d{2})/.exec(d))
  .filter((m): m is RegExpExecArray => m !== null && !Number.isNaN(Date.parse(m[0])))
  .map((m) => dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])))
  .reduce((a, b) => Math.max(a, b));
/** Days from the as-of date (the last order day) to a date. */
const inDays = (y: number, m: number, d: number) => dayFromYmd(y, m, d) - lastOrderDay;

async function keyDatesSheet(config: PartialReportConfig = {}): Promise<CellValue[][]> {
  const workbook = new MemoryWorkbook();
  await buildReport({ workbook, orders: { table: demo }, config: { ...config, sheets: ["key-dates"] } });
  return workbook.readRange("LL Key dates");
}

/** The rows of the holiday table: from its header row to the first blank row. */
function holidayRows(grid: CellValue[][]): CellValue[][] {
  const header = grid.findIndex((row) => row[2] === "Holiday");
  if (header < 0) return [];
  const end = grid.findIndex((row, r) => r > header && (row[0] === null || row[0] === undefined));
  return grid.slice(header + 1, end < 0 ? undefined : end);
}

/** Sales of the demo's order lines (refunds not taken off) from `first` to `last`, read independently. */
function demoSales(first: number, last: number): number {
  const { orders } = readOrderTable(demo);
  let sales = 0;
  for (let i = 0; i < orders.day.length; i++) {
    if (orders.day[i] >= first && orders.day[i] <= last) sales += orders.amount[i];
  }
  return Math.round(sales * 100) / 100;
}

describe("the Key dates sheet lists the coming holidays", () => {
  let grid: CellValue[][];
  beforeAll(async () => {
    grid = await keyDatesSheet();
  });

  it("shows the holidays of the 60 days after the last order day, lunar ones from the table", () => {
    expect(formatDay(readOrderTable(demo).asOf)).toBe(formatDay(lastOrderDay));
    expect(formatDay(lastOrderDay) >= "2024-12-15").toBe(true);
    expect(grid.some((row) => row[0] === "Holidays and shopping days")).toBe(true);
    const rows = holidayRows(grid);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [excelSerialFromDay(dayFromYmd(2025, 1, 1)), inDays(2025, 1, 1), "New Year's Day", "元旦"],
      [excelSerialFromDay(dayFromYmd(2025, 1, 29)), inDays(2025, 1, 29), "Spring Festival", "春节"],
      [excelSerialFromDay(dayFromYmd(2025, 2, 14)), inDays(2025, 2, 14), "Valentine's Day", "情人节"],
    ]);
  });

  it("gives last year's sales around each holiday, as the order lines add up", () => {
    const rows = holidayRows(grid);
    const around = (y: number, m: number, d: number) =>
      demoSales(dayFromYmd(y, m, d) - 7, dayFromYmd(y, m, d) + 7);
    expect(rows.map((r) => r[4])).toEqual([around(2024, 1, 1), around(2024, 2, 10), around(2024, 2, 14)]);
    for (const r of rows) {
      expect(r[4]).toBeGreaterThan(0);
      expect(r[5]).toBeGreaterThan(0);
    }
  });

  it("says once whom to invite: top-tier members and customers active in the last 365 days", () => {
    const { orders, asOf } = readOrderTable(demo);
    const recent = new Set<number>();
    for (let i = 0; i < orders.day.length; i++)
      if (orders.day[i] > asOf - 365) recent.add(orders.customer[i]);
    // The tier counts of the analysis: Platinum and Gold, the two top tiers.
    const { tiers } = analyzeOrderTable(readOrderTable(demo));
    const top = tiers.counts[0] + tiers.counts[1];
    expect(top).toBeGreaterThan(0);
    const header = grid.findIndex((row) => row[2] === "Holiday");
    expect(grid[header - 1][0]).toBe(
      `${top.toLocaleString("en-US")} Platinum and Gold members and ${recent.size.toLocaleString("en-US")} ` +
        "active customers (bought in the last 365 days) to invite.",
    );
    // Counted as of today, so not repeated on each holiday's row.
    expect(grid[header].slice(0, 6)).toEqual([
      "Date",
      "In days",
      "Holiday",
      "节日",
      "Sales ±7 days last year",
      "Buyers then",
    ]);
  });

  it("takes the user's holidays and window from the settings, and none with holidayDays 0", async () => {
    const own = await keyDatesSheet({
      keyDates: {
        holidayDays: 20,
        holidays: [{ date: "2025-01-10", name: "Store anniversary", nameZh: "店庆" }],
      },
    });
    expect(holidayRows(own).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [inDays(2025, 1, 1), "New Year's Day", "元旦", holidayRows(grid)[0][4]],
      [inDays(2025, 1, 10), "Store anniversary", "店庆", null],
    ]);
    const off = await keyDatesSheet({ keyDates: { holidayDays: 0 } });
    expect(off.some((row) => row[0] === "Holidays and shopping days")).toBe(false);
  });
});

describe("the holiday settings", () => {
  const check = (keyDates: unknown) => () =>
    resolveReportConfig([checkConfigLayer({ keyDates }, "report.json")]);

  it("accepts yearly and dated holidays and a window of 0 to 366 days", () => {
    const config = check({
      holidayDays: 90,
      holidays: [
        { date: "04-18", name: "Store anniversary" },
        { date: "2031-01-23", name: "Spring Festival", nameZh: "春节" },
      ],
    })();
    expect(config.keyDates).toMatchObject({ holidayDays: 90, days: 30, topTiers: 2 });
    expect(config.keyDates.holidays).toHaveLength(2);
  });

  it("names the setting and the item of a bad holiday", () => {
    expect(check({ holidays: [{ date: "2025-02-30", name: "X" }] })).toThrow(
      'report.json: "keyDates.holidays[0].date" must be a date "MM-DD" (every year) or "YYYY-MM-DD" ' +
        '(that year) (got "2025-02-30")',
    );
    expect(check({ holidays: [{ date: "12-24" }] })).toThrow('"keyDates.holidays[0].name"');
    expect(check({ holidays: { date: "12-24", name: "Eve" } })).toThrow('"keyDates.holidays" must be a list');
    expect(check({ holidayDays: 400 })).toThrow('"keyDates.holidayDays"');
    expect(check({ holidayDays: 1.5 })).toThrow('"keyDates.holidayDays"');
  });
});

describe("the holiday table on the sheet", () => {
  async function built(): Promise<MemoryWorkbook> {
    const workbook = new MemoryWorkbook();
    await buildReport({ workbook, orders: { table: demo }, config: { sheets: ["key-dates"] } });
    return workbook;
  }
  async function type(workbook: MemoryWorkbook, values: Record<string, string>): Promise<void> {
    const inputs = await workbook.readInputs("key-dates");
    for (const [key, value] of Object.entries(values)) {
      const input = inputs.find((i) => i.key === key);
      if (!input) throw new Error(`no input ${key}`);
      workbook.setCell("LL Key dates", input.address, value);
    }
  }
  const refresh = (workbook: MemoryWorkbook) =>
    buildReport({ workbook, orders: { table: demo }, config: { sheets: ["key-dates"] } });

  it("offers empty input rows, and Refresh keeps and uses what the user typed", async () => {
    const workbook = await built();
    const inputs = await workbook.readInputs("key-dates");
    expect(inputs.filter((i) => i.key.startsWith("keyDates.holidays."))).toHaveLength(30);
    await type(workbook, {
      "keyDates.holidays.0.name": "Store anniversary",
      "keyDates.holidays.0.nameZh": "店庆",
      "keyDates.holidays.0.date": "01-10",
      "keyDates.holidays.1.name": "Spring Festival",
      "keyDates.holidays.1.date": "2025-01-28",
    });
    const result = await refresh(workbook);
    expect(result.summary.sheets[0].keptInputs).toEqual(
      expect.arrayContaining([
        "keyDates.holidays.0.name",
        "keyDates.holidays.0.date",
        "keyDates.holidays.1.date",
      ]),
    );
    const kept = await workbook.readInputs("key-dates");
    expect(kept.find((i) => i.key === "keyDates.holidays.0.date")).toMatchObject({
      value: "01-10",
      edited: true,
    });
    const rows = holidayRows(await workbook.readRange("LL Key dates"));
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      [inDays(2025, 1, 1), "New Year's Day", "元旦"],
      [inDays(2025, 1, 10), "Store anniversary", "店庆"],
      [inDays(2025, 1, 28), "Spring Festival", "春节"],
      [inDays(2025, 2, 14), "Valentine's Day", "情人节"],
    ]);
  });

  it("stops with the cell named when a typed date is not a holiday date", async () => {
    const workbook = await built();
    await type(workbook, { "keyDates.holidays.2.name": "Eve", "keyDates.holidays.2.date": "24 Dec" });
    const address = (await workbook.readInputs("key-dates")).find(
      (i) => i.key === "keyDates.holidays.2.date",
    )?.address;
    await expect(refresh(workbook)).rejects.toThrow(
      `sheet LL Key dates, cell ${address} (holiday date): "24 Dec" is not a date; type MM-DD (every year) or ` +
        "YYYY-MM-DD (that year only), or clear the cell",
    );
    await type(workbook, { "keyDates.holidays.2.date": "" });
    await expect(refresh(workbook)).rejects.toThrow('(holiday name): "Eve" has no date in its row');
  });
});
