/**
 * The whole report built from the CDNOW sample (test/data/CDNOW_sample.txt, 6,919 lines, no header)
 * into the in-memory workbook, and the numbers read back from the sheets checked against the published
 * counts (2,357 customers, $244,091.94, the 39-week BG/NBD fit of Fader, Hardie & Lee) and against each
 * other (segment counts sum to the customers, migration rows sum to the previous tier counts).
 */
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { buildReport, type ReportResult } from "../../src/report/build-report";
import type { PartialReportConfig } from "../../src/report/config";
import { SHEET_KINDS } from "../../src/report/sheet-kinds";
import { readCsvTable } from "../../src/workbook/csv/read";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { orderTable } from "../helpers/orders";
import { REPORT_SHEETS } from "../helpers/report-sheets";
import { testDataPath } from "../helpers/test-data";

/** The sample's columns: A master id, B sample id (the customer), C date, D CDs, E dollars. */
const CDNOW_CONFIG: PartialReportConfig = {
  columns: { customerId: "B", date: "C", amount: "E", quantity: "D" },
  // The published calibration period ends 1997-09-30: 273 days (39 weeks) before the last day.
  model: { holdoutDays: 273 },
};

const PUBLISHED = {
  customers: 2357,
  lines: 6919,
  revenue: 244091.94,
  // BG/NBD on the 39-week calibration period (Fader, Hardie & Lee 2005; lifetimes; BTYD).
  bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, logLikelihood: -9582.43 },
  // Repeat purchase days in the 39-week holdout (BTYD's sum of x.star).
  holdoutRepeatPurchases: 1882,
};

let workbook: MemoryWorkbook;
let result: ReportResult;

beforeAll(async () => {
  const { table } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
  workbook = new MemoryWorkbook();
  result = await buildReport({ workbook, orders: { table }, config: CDNOW_CONFIG });
});

function column(table: RawTable, header: string): CellValue[] {
  const c = table.headers.indexOf(header);
  if (c < 0) throw new Error(`no column "${header}" in ${table.source} (${table.headers.join(", ")})`);
  return table.columns[c];
}

function numbers(values: CellValue[]): number[] {
  return values.map((v) => {
    if (typeof v !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
    return v;
  });
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

async function grid(sheet: string): Promise<CellValue[][]> {
  return workbook.readRange(sheet);
}

/** The row index (0-based) whose first cell is `text`, searching from row `from`. */
function rowStarting(rows: CellValue[][], text: string, from = 0): number {
  const i = rows.findIndex((r, k) => k >= from && r[0] === text);
  if (i < 0) throw new Error(`no row starting with "${text}"`);
  return i;
}

/** The rows below a header row up to the first row with an empty first cell. */
function rowsBelow(rows: CellValue[][], headerIndex: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = headerIndex + 1; i < rows.length && rows[i][0] !== null && rows[i][0] !== ""; i++)
    out.push(rows[i]);
  return out;
}

function model(sheet: string) {
  const m = workbook.sheet(sheet).model;
  if (!m) throw new Error(`${sheet} has no model`);
  return m;
}

describe("report on the CDNOW sample", () => {
  it("writes the generated sheets in order and keeps the settings in the hidden sheet", async () => {
    const sheets = await workbook.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(REPORT_SHEETS);
    expect(sheets.map((s) => s.generatedKind)).toEqual(SHEET_KINDS);
    const settings = (await workbook.readSettings()) as { columns: unknown; model: { holdoutDays: number } };
    expect(settings.columns).toEqual(CDNOW_CONFIG.columns);
    expect(settings.model.holdoutDays).toBe(273);
    const tables = (await workbook.listTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "LL_Customers",
        "LL_Segments",
        "LL_OneEightOne",
        "LL_Pareto",
        "LL_MonthlyKpis",
        "LL_Alerts",
        "LL_HoldoutCheck",
        "LL_DataQuality",
      ]),
    );
  });

  it("summarises the published counts", () => {
    const s = result.summary;
    expect(s.customers).toBe(PUBLISHED.customers);
    expect(s.orderLines).toBe(PUBLISHED.lines);
    expect(s.revenue).toBeCloseTo(PUBLISHED.revenue, 2);
    expect(s.asOf).toBe("1998-06-30");
    expect(sum(s.segments.map((g) => g.customers))).toBe(PUBLISHED.customers);
    expect(sum(s.tiers.map((t) => t.customers))).toBe(PUBLISHED.customers);
    expect(s.dataQuality.rowsRead).toBe(PUBLISHED.lines);
    // Chosen on the 39-week holdout among the three purchase models (Model sheet test below).
    expect(s.model).toMatchObject({ name: "BG/NBD", fitted: true, problem: null, fitClass: "ok" });
    expect(s.model?.candidates.map((c) => c.model).sort()).toEqual(["BG/NBD", "MBG/NBD", "Pareto/NBD"]);
  });

  it("lists every customer once on Customers, the most valuable first, with the total spend", async () => {
    const table = await workbook.readTable({ table: "LL_Customers" });
    const ids = column(table, "Customer ID");
    expect(ids).toHaveLength(PUBLISHED.customers);
    expect(new Set(ids).size).toBe(PUBLISHED.customers);
    const spend = numbers(column(table, "Net spend"));
    expect(sum(spend)).toBeCloseTo(PUBLISHED.revenue, 2);
    for (let i = 1; i < spend.length; i++) expect(spend[i]).toBeLessThanOrEqual(spend[i - 1]);
    // BG/NBD holds every customer without a repeat purchase alive: those say so instead of 100 %.
    const aliveCells = column(table, "P(alive)");
    const once = numbers(column(table, "Purchase days")).map((d) => d === 1);
    expect(aliveCells.map((v) => v === "not yet repeated")).toEqual(once);
    const alive = numbers(aliveCells.filter((v) => v !== "not yet repeated"));
    expect(Math.min(...alive)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...alive)).toBeLessThanOrEqual(1);
    // Orders are lines here (the sample has no order id): all 6,919 of them.
    expect(sum(numbers(column(table, "Orders")))).toBe(PUBLISHED.lines);
    // Ids stay text: "0001" keeps its zeros.
    expect(ids.every((id) => typeof id === "string" && /^\d{4}$/.test(id))).toBe(true);
  });

  it("freezes the Customers header and formats dates, money and shares", () => {
    const m = model("LL Customers");
    const tableBlock = m.blocks.find((b) => b.table?.name === "LL_Customers");
    expect(tableBlock).toBeDefined();
    expect(m.freeze).toEqual({ rows: tableBlock?.at.row, cols: 1 });
    const headerRow = tableBlock?.at.row ?? 0;
    const header = tableBlock?.rows[0].map((h) => (typeof h === "object" && h && "value" in h ? h.value : h));
    const formatOf = (name: string) =>
      workbook.cellAt(
        "LL Customers",
        `${String.fromCharCode(65 + (header?.indexOf(name) ?? -99))}${headerRow + 1}`,
      )?.numberFormat;
    expect(formatOf("First purchase")).toBe("yyyy-mm-dd");
    expect(formatOf("Net spend")).toMatch(/^#,##0\.00/);
    expect(formatOf("P(alive)")).toBe("0.0%");
    expect(formatOf("Customer ID")).toBe("@");
  });

  it("counts every customer in one segment on Segments, with shares summing to 100 %", async () => {
    const table = await workbook.readTable({ table: "LL_Segments" });
    expect(sum(numbers(column(table, "Customers")))).toBe(PUBLISHED.customers);
    expect(sum(numbers(column(table, "% of customers")))).toBeCloseTo(1, 9);
    expect(sum(numbers(column(table, "% of revenue")))).toBeCloseTo(1, 9);
    expect(sum(numbers(column(table, "Revenue")))).toBeCloseTo(PUBLISHED.revenue, 2);
    const counts = Object.fromEntries(result.summary.segments.map((g) => [g.name, g.customers]));
    column(table, "Segment").forEach((name, i) =>
      expect(column(table, "Customers")[i]).toBe(counts[name as string]),
    );
    // The total row below the table sums by formula.
    const rows = await grid("LL Segments");
    const total = rows[rowStarting(rows, "Total")];
    expect(total[1]).toBe(PUBLISHED.customers);
    const totalRow = rowStarting(rows, "Total") + 1;
    expect(workbook.cellAt("LL Segments", `B${totalRow}`)?.formula).toMatch(/^SUM\(B\d+:B\d+\)$/);
    expect(model("LL Segments").charts?.map((c) => c.type)).toEqual(["bar", "scatter"]);
  });

  it("formats the Segments total row like the column above it, spacing before a text column included", () => {
    const segments = model("LL Segments").blocks.find((b) => b.table?.name === "LL_Segments");
    if (!segments) throw new Error("no LL_Segments table");
    const lastRow = segments.at.row + segments.rows.length - 1;
    const width = segments.rows[0].length;
    const formatsOf = (row: number) =>
      Array.from(
        { length: width },
        (_, c) => workbook.cellAt("LL Segments", `${String.fromCharCode(65 + c)}${row}`)?.numberFormat,
      );
    const above = formatsOf(lastRow);
    // The money column before "What to do" is spaced ("_)"), so the test looks at a spaced format too.
    expect(above[width - 2]).toMatch(/_\)$/);
    expect(formatsOf(lastRow + 1).slice(1)).toEqual(above.slice(1));
  });

  it("splits the customers 1-8-1 by net spend and shows the Pareto table", async () => {
    const bands = await workbook.readTable({ table: "LL_OneEightOne" });
    const customers = numbers(column(bands, "Customers"));
    expect(sum(customers)).toBe(PUBLISHED.customers);
    expect(customers[0]).toBeCloseTo(PUBLISHED.customers / 10, -1);
    expect(sum(numbers(column(bands, "% of revenue")))).toBeCloseTo(1, 9);
    const pareto = await workbook.readTable({ table: "LL_Pareto" });
    const shares = numbers(column(pareto, "% of revenue"));
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it("makes the migration matrix's rows sum to the tier counts at the last review", async () => {
    const rows = await grid("LL Tiers");
    const rules = rowsBelow(rows, rowStarting(rows, "Tier"));
    const previous = new Map(rules.map((r) => [r[0], r[5] as number]));
    const now = new Map(rules.map((r) => [r[0], r[4] as number]));
    expect(sum([...now.values()])).toBe(PUBLISHED.customers);
    const membersNowRow = rowStarting(rows, "Tier") + 2;
    expect(workbook.cellAt("LL Tiers", `E${membersNowRow}`)?.numberFormat).toBe("#,##0");
    expect(workbook.cellAt("LL Tiers", `H${membersNowRow}`)?.numberFormat).toBe("0.0%");
    const headerIndex = rowStarting(rows, "From \\ To");
    const header = rows[headerIndex];
    const matrix = rowsBelow(rows, headerIndex).filter((r) => r[0] !== "Total");
    expect(matrix.length).toBeGreaterThan(0);
    const width = header.indexOf("Total");
    for (const r of matrix) {
      const cells = numbers(r.slice(1, width));
      expect(r[width]).toBe(sum(cells));
      // "New": not a customer at the last review, so not in the previous counts.
      if (r[0] !== "New") expect(r[width]).toBe(previous.get(r[0]));
    }
    const totals = rows[rowStarting(rows, "Total", headerIndex)];
    header.slice(1, width).forEach((tier, j) => expect(totals[j + 1]).toBe(now.get(tier)));
    expect(totals[width]).toBe(PUBLISHED.customers);
    // The share matrix: each row sums to 100 %.
    const rates = rowsBelow(rows, rowStarting(rows, "From \\ To", headerIndex + 1));
    for (const r of rates) {
      const shares = r.slice(1, width).filter((v): v is number => typeof v === "number");
      if (shares.length > 0) expect(sum(shares)).toBeCloseTo(1, 9);
    }
  });

  it("makes the tier minimums input cells", async () => {
    const inputs = await workbook.readInputs("tiers");
    expect(inputs.map((i) => i.key)).toEqual(
      expect.arrayContaining(["tiers.platinum.minSpend", "tiers.gold.minSpend", "tiers.upgradeWithin"]),
    );
    expect(inputs.every((i) => !i.edited)).toBe(true);
  });

  it("counts all orders and revenue month by month on KPIs", async () => {
    const kpis = await workbook.readTable({ table: "LL_MonthlyKpis" });
    expect(column(kpis, "Month")).toHaveLength(18);
    expect(sum(numbers(column(kpis, "Net revenue")))).toBeCloseTo(PUBLISHED.revenue, 2);
    expect(sum(numbers(column(kpis, "New customers")))).toBe(PUBLISHED.customers);
  });

  it("reproduces the published 39-week BG/NBD fit and holdout count on Model", async () => {
    const rows = await grid("LL Model");
    const check = rowStarting(rows, "Check on held-out data");
    const param = (name: string) => rows[rowStarting(rows, name, check)][1] as number;
    const p = PUBLISHED.bgnbd;
    expect(param("r")).toBeCloseTo(p.r, 3);
    expect(param("alpha")).toBeCloseTo(p.alpha, 2);
    expect(param("a")).toBeCloseTo(p.a, 3);
    expect(param("b")).toBeCloseTo(p.b, 2);
    expect(rows[rowStarting(rows, "Log-likelihood", check)][1]).toBeCloseTo(p.logLikelihood, 1);
    const cohortRow = rowStarting(rows, "Customers in the check", check);
    expect(rows[cohortRow][1]).toBe(PUBLISHED.customers);
    expect(workbook.cellAt("LL Model", `B${cohortRow + 1}`)?.numberFormat).toBe("#,##0");
    const holdout = await workbook.readTable({ table: "LL_HoldoutCheck" });
    const customers = numbers(column(holdout, "Customers"));
    const actual = numbers(column(holdout, "Actual per customer"));
    expect(sum(customers)).toBe(PUBLISHED.customers);
    expect(sum(actual.map((a, i) => a * customers[i]))).toBeCloseTo(PUBLISHED.holdoutRepeatPurchases, 0);
    expect(model("LL Model").charts?.map((c) => c.type)).toEqual(["line"]);
  });

  it("accounts for every row read on Data quality", async () => {
    const rows = await grid("LL Data quality");
    expect(rows[rowStarting(rows, "Rows read (below the header)")][1]).toBe(PUBLISHED.lines);
    expect(rows[rowStarting(rows, "Purchase lines used")][1]).toBe(PUBLISHED.lines);
    const findings = await workbook.readTable({ table: "LL_DataQuality" });
    const counts = Object.fromEntries(
      column(findings, "Finding").map((f, i) => [f as string, column(findings, "Count")[i]]),
    );
    expect(counts["Exact duplicate line"]).toBe(21);
  });

  it("sorts the alerts by value at risk", async () => {
    const alerts = await workbook.readTable({ table: "LL_Alerts" });
    const header = alerts.headers.find((h) => /value at risk/i.test(h));
    expect(header).toBeDefined();
    const risk = numbers(column(alerts, header as string).filter((v) => v !== null));
    for (let i = 1; i < risk.length; i++) expect(risk[i]).toBeLessThanOrEqual(risk[i - 1]);
    expect(new Set(column(alerts, "Customer ID")).size).toBe(result.summary.alerts);
  });
});

describe("report rebuilds", () => {
  it("writes ids that look like formulas as text", async () => {
    const wb = new MemoryWorkbook();
    const table = orderTable([
      ["=1+1", "2024-01-05", 10],
      ["=1+1", "2024-03-05", 12],
      ["@SUM(A1)", "2024-02-01", 30],
      ["+44", "2024-02-11", 7],
      ["C4", "2024-04-01", 9],
    ]);
    await buildReport({ workbook: wb, orders: { table } });
    const customers = await wb.readTable({ table: "LL_Customers" });
    expect(column(customers, "Customer ID").sort()).toEqual(["+44", "=1+1", "@SUM(A1)", "C4"]);
    const sheet = wb.sheet("LL Customers");
    for (const row of sheet.cells.values())
      for (const cell of row.values()) expect(cell.formula).toBeUndefined();
  });

  it("keeps an edited tier minimum on rebuild and evaluates the tiers with it", async () => {
    const { table } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
    const wb = new MemoryWorkbook();
    const first = await buildReport({ workbook: wb, orders: { table }, config: CDNOW_CONFIG });
    const platinum = (r: ReportResult) => r.summary.tiers.find((t) => t.key === "platinum")?.customers;
    const input = (await wb.readInputs("tiers")).find((i) => i.key === "tiers.platinum.minSpend");
    expect(input).toBeDefined();
    const raised = (input?.defaultValue as number) * 2;
    wb.setCell("LL Tiers", input?.address ?? "", raised);
    // The settings stored in the workbook are used again: no config this time.
    const second = await buildReport({ workbook: wb, orders: { table } });
    expect(platinum(second)).toBeLessThan(platinum(first) ?? 0);
    const kept = (await wb.readInputs("tiers")).find((i) => i.key === "tiers.platinum.minSpend");
    expect(kept).toMatchObject({ value: raised, edited: true });
    expect(second.summary.sheets.every((s) => s.replaced)).toBe(true);
    expect(second.summary.sheets.find((s) => s.kind === "tiers")?.keptInputs).toContain(
      "tiers.platinum.minSpend",
    );
  });
});
