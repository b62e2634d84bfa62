/**
 * `loyalty report --summary`: the customer summary that `loyalty sql --dialect duckdb` computes, run in
 * DuckDB on the demo's order lines as a warehouse holds them (cleaned), drives the report; every
 * customer-level number of LL Customers (spend, orders, purchase days, dates, R/F/M, segment, value band,
 * tier, P(alive), expected purchases, predicted value) and the counts per segment and tier equal those of
 * `loyalty report` on the demo's raw orders. The sheets that need order lines say so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import { run } from "../../src/cli/main";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { formatDay } from "../../src/engine/data/days";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { writeTableCsv } from "../../src/workbook/csv/write";
import { engineLines } from "../sql/engine-lines";
import { capture } from "../helpers/cli-io";
import { readSavedSheet, type SavedCell } from "../helpers/saved-xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-report-summary-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of the LL Customers table by customer id, each as header → value. */
function customerRows(file: string): Map<string, Map<string, SavedCell["value"]>> {
  const cells = readSavedSheet(file, "LL Customers");
  const rowOf = (address: string) => Number(/\d+/.exec(address)?.[0]);
  const colOf = (address: string) => /^[A-Z]+/.exec(address)?.[0] ?? "";
  let headerRow = 0;
  for (const [address, cell] of cells) {
    if (colOf(address) === "A" && cell.value === "Customer ID") headerRow = rowOf(address);
  }
  const headers = new Map<string, string>();
  const rows = new Map<number, Map<string, SavedCell["value"]>>();
  for (const [address, cell] of cells) {
    const r = rowOf(address);
    if (r === headerRow) headers.set(colOf(address), String(cell.value));
  }
  for (const [address, cell] of cells) {
    const r = rowOf(address);
    const header = headers.get(colOf(address));
    if (r <= headerRow || !header) continue;
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(header, cell.value);
  }
  return new Map([...rows.values()].map((row) => [String(row.get("Customer ID")), row]));
}

async function report(args: string[]): Promise<Record<string, unknown>> {
  const io = capture();
  const code = await run(["report", ...args, "--json"], io);
  if (code !== 0) throw new Error(io.stderr);
  return JSON.parse(io.stdout) as Record<string, unknown>;
}

describe("loyalty report --summary", () => {
  let fromOrders: Record<string, unknown>;
  let fromSummary: Record<string, unknown>;
  let ordersBook: string;
  let summaryBook: string;
  let raw: string;
  let summary: string;

  beforeAll(async () => {
    const table = generateOrders(DEMO_SAMPLE);
    raw = path.join(dir, "orders.csv");
    await writeTableCsv(raw, table);
    // The warehouse's table: the lines the engine keeps (test accounts and duplicates cleaned there).
    const lines = engineLines(table, {}, { unit: "week" });
    const linesFile = path.join(dir, "lines.csv");
    writeFileSync(linesFile, lines.csv);
    const sqlFile = path.join(dir, "summary.sql");
    const io = capture();
    const sqlArgs = ["sql", "--dialect", "duckdb", "--table", "orders", "--order", "order_id"];
    expect(await run([...sqlArgs, "--as-of", formatDay(lines.asOf), "--out", sqlFile], io)).toBe(0);
    summary = path.join(dir, "summary.csv");
    const db = await openDuckDb();
    try {
      await db.run(`CREATE VIEW orders AS SELECT * FROM read_csv('${linesFile}', header = true,
        columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE', 'order_id': 'VARCHAR'})`);
      await db.run(`COPY (${readFileSync(sqlFile, "utf8")}) TO '${summary}' (HEADER)`);
    } finally {
      db.close();
    }
    // The same purchase model on both sides: from order lines "auto" chooses on a holdout, which a
    // summary does not have.
    const config = path.join(dir, "config.json");
    writeFileSync(config, JSON.stringify({ model: { transaction: "bgnbd" } }));
    ordersBook = path.join(dir, "orders.xlsx");
    summaryBook = path.join(dir, "summary.xlsx");
    fromOrders = await report([raw, "--out", ordersBook, "--config", config]);
    fromSummary = await report(["--summary", summary, "--out", summaryBook, "--config", config]);
  }, 300_000);

  it("has the customers, orders, revenue, segments and tiers of the report on the orders", () => {
    expect(fromSummary.basis).toBe("summary");
    expect(fromOrders.basis).toBe("orders");
    for (const key of ["customers", "orders", "asOf", "segments"])
      expect(fromSummary[key]).toEqual(fromOrders[key]);
    expect(fromSummary.revenue).toBeCloseTo(fromOrders.revenue as number, 2);
    const tiers = (r: Record<string, unknown>) =>
      (r.tiers as { key: string; customers: number }[]).map((t) => [t.key, t.customers]);
    expect(tiers(fromSummary)).toEqual(tiers(fromOrders));
    expect((fromSummary.model as { name: string }).name).toBe("BG/NBD");
  });

  it("gives every customer the same numbers on LL Customers", () => {
    const a = customerRows(ordersBook);
    const b = customerRows(summaryBook);
    expect(b.size).toBe(a.size);
    expect(b.size).toBeGreaterThan(2900);
    // What a summary has not: the tier at the last review and the alerts (order lines), preferences.
    const compared = [...(b.values().next().value as Map<string, unknown>).keys()].filter(
      (h) => h !== "Previous tier" && h !== "Alerts",
    );
    expect(compared).toEqual(expect.arrayContaining(["Net spend", "RFM", "Tier", "P(alive)", "Value band"]));
    for (const [id, row] of a) {
      const other = b.get(id);
      if (!other) throw new Error(`${id} is not on the summary's LL Customers`);
      for (const header of compared) {
        const x = row.get(header) ?? null;
        const y = other.get(header) ?? null;
        if (typeof x === "number" && typeof y === "number") {
          // Cells are written rounded (money to the cent, P(alive) to 4 decimals...). SQL adds the lines in
          // another order than the engine, so a value on a rounding boundary may round to the next digit:
          // at most one unit of the last decimal written apart.
          const decimals = (v: number) => (String(v).split(".")[1] ?? "").length;
          const d = Math.max(decimals(x), decimals(y));
          const tolerance = d <= 4 ? 1.0001 * 10 ** -d : 1e-9 * Math.max(1, Math.abs(x));
          if (Math.abs(x - y) > tolerance) throw new Error(`${id} ${header}: ${x} vs ${y}`);
        } else if (x !== y) throw new Error(`${id} ${header}: ${String(x)} vs ${String(y)}`);
      }
      if ((other.get("Previous tier") ?? "") !== "") throw new Error(`${id}: a previous tier from a summary`);
    }
  });

  it("writes the sheets that need order lines with a note saying so", () => {
    const kpis = readSavedSheet(summaryBook, "LL KPIs");
    const text = [...kpis.values()].map((c) => String(c.value)).join(" ");
    expect(text).toContain("This sheet needs the order lines: the purchases month by month");
    expect(text).toContain("summary.csv");
    const tiers = [...readSavedSheet(summaryBook, "LL Tiers").values()].map((c) => String(c.value)).join(" ");
    expect(tiers).toContain("the migration between tiers");
  });

  it("is what loyalty fit --summary fits: the parameters of the fit on the orders", async () => {
    const fit = async (args: string[]) => {
      const io = capture();
      const code = await run(["fit", ...args, "-m", "bgnbd", "--json"], io);
      if (code !== 0) throw new Error(io.stderr);
      return (JSON.parse(io.stdout) as { params: Record<string, number> }).params;
    };
    const onOrders = await fit([raw]);
    const onSummary = await fit(["--summary", summary]);
    for (const [name, value] of Object.entries(onOrders)) {
      expect(Math.abs(onSummary[name] - value)).toBeLessThan(1e-6 * Math.abs(value));
    }
  });

  it("refuses a summary read in the wrong time unit, and order lines given as a summary", async () => {
    const io = capture();
    expect(
      await run(["report", "--summary", summary, "--unit", "day", "--out", path.join(dir, "x.xlsx")], io),
    ).toBe(2);
    expect(io.stderr).toMatch(
      /summary\.csv, row 2, column J \(recency\): expected the days from the first purchase/,
    );
    expect(io.stderr).toContain("--unit day|week|month");
    const lines = capture();
    expect(await run(["fit", "--summary", raw, "-m", "bgnbd"], lines)).toBe(2);
    expect(lines.stderr).toContain("--summary orders.csv: a customer summary has the columns frequency");
  });
});
