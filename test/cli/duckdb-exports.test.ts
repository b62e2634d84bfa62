/**
 * The order-export fixtures of test/data (test/exports/expected.ts: worked out by hand) through the DuckDB
 * engine: the hand-computed customers and net revenue, and everything the in-process engine gives on the
 * same file (data-quality report with its counts, sums, examples and notes; x, t_x, T, spend, RFM, tiers;
 * the amount rule, order totals, date order, decimal separator, test accounts and currency).
 *
 * Files DuckDB cannot read as they are (Latin-1, GBK, columns aligned with blanks) are first decoded and
 * split by the engine's own text reader into a UTF-8 copy (src/cli/duckdb/text-input.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import ExcelJS from "exceljs";
import path from "node:path";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { run } from "../../src/cli/main";
import { tableConfigLayer } from "../../src/cli/table-options";
import { csvReadOptions } from "../../src/cli/table-options";
import { detectCurrency } from "../../src/engine/data/currency";
import { amountColumnOf, type ReadOrdersOptions } from "../../src/engine/data/read-orders";
import { analysisConfigOf, resolveReportConfig } from "../../src/report/config";
import { capture } from "../helpers/cli-io";
import { bothEngines, expectHandComputed, expectSameAnalysis } from "../helpers/duckdb-compare";
import { testDataPath } from "../helpers/test-data";
import { EXPECTED_EXPORTS } from "../exports/expected";

/** The read options and text options the CLI makes of a fixture's flags. */
function optionsOf(flags: string[]) {
  const columns = flags.includes("--columns") ? flags[flags.indexOf("--columns") + 1] : undefined;
  const layer = tableConfigLayer({ header: flags.includes("--no-header") ? false : undefined, columns });
  const read: ReadOrdersOptions = analysisConfigOf(resolveReportConfig([layer])).read ?? {};
  return { read, csv: csvReadOptions(layer) };
}

describe.each(EXPECTED_EXPORTS.map((e) => [e.shape, e] as const))("DuckDB on %s", (_shape, expected) => {
  it("gives the hand-computed customers and revenue, and all the in-process engine gives", async () => {
    const { read, csv } = optionsOf(expected.flags);
    const file = testDataPath(expected.file);
    const { inProcess, viaDuckDb, table, duck } = await bothEngines(file, { ...read, csv }, csv);
    expectHandComputed(viaDuckDb, expected);
    for (const [reason, count] of Object.entries(expected.findings)) {
      const finding = viaDuckDb.table.quality.findings.find((f) => f.reason === reason);
      expect([reason, finding?.count]).toEqual([reason, count]);
    }
    expectSameAnalysis(inProcess, viaDuckDb);
    expect(viaDuckDb.table.formats).toEqual(inProcess.table.formats);
    expect(viaDuckDb.table.testAccounts).toEqual(inProcess.table.testAccounts);
    expect(duck.currency).toEqual(detectCurrency(table, amountColumnOf(inProcess.table.columns)));
  });
});

describe("the DuckDB engine says how it read a line-item export", () => {
  it("prints the amount rule and what it left out, as the in-process reader does", async () => {
    const io = capture();
    const duck = await readWithDuckDb(testDataPath("export-uk-retail.csv"), {}, io);
    try {
      expect(duck.read.quality.amountRule).toBe("quantity × price");
      expect(duck.read.leftOut).toEqual(expect.arrayContaining(["product"]));
      expect(io.stderr).toMatch(/leaves out .*only the in-process reader/);
    } finally {
      duck.close();
    }
  });
});

describe("the columns the DuckDB engine says it leaves out", () => {
  it("are those the in-process reader uses: not a quantity beside an amount column, which neither uses", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-left-out-"));
    try {
      const file = path.join(dir, "orders.csv");
      writeFileSync(file, "Customer ID,Order Date,Amount,Quantity,Product\nA1,2024-01-05,20.00,2,Tea\n");
      const io = capture();
      const duck = await readWithDuckDb(file, {}, io);
      duck.close();
      expect(duck.read.quality.amountRule).toBe("amount");
      expect(duck.read.leftOut).toEqual(["product"]);
      expect(io.stderr).toContain("leaves out 1 column (product)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("loyalty report and fit --engine duckdb on the exports", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-exports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** stdout as JSON, and stderr without the line on the columns DuckDB leaves out. */
  async function cli(args: string[]) {
    const io = capture();
    expect(await run([...args, "--json"], io)).toBe(0);
    const stderr = io.stderr.split("\n").filter((l) => l !== "" && !/the DuckDB engine leaves out/.test(l));
    return { json: JSON.parse(io.stdout), stderr };
  }

  it.each(
    EXPECTED_EXPORTS.filter((e) => /cdnow|shopify|uk-retail/.test(e.file)).map((e) => [e.file, e] as const),
  )("%s: the same figures, findings, reading rules and stderr lines as --engine js", async (_file, e) => {
    const report = async (engine: string) => {
      const out = path.join(dir, `${e.file}.${engine}.xlsx`);
      const { json, stderr } = await cli([
        "report",
        testDataPath(e.file),
        "--out",
        out,
        "--sheets",
        "customers,data-quality",
        "--engine",
        engine,
        ...e.flags,
      ]);
      const { customers, orders, dataQuality } = json;
      return {
        customers,
        orders,
        revenue: Math.round(json.revenue * 100),
        findings: dataQuality.findings.map((f: { reason: string; count: number }) => [f.reason, f.count]),
        amountRule: dataQuality.amountRule,
        orderTotals: dataQuality.orderTotals,
        stderr,
      };
    };
    expect(await report("duckdb")).toEqual(await report("js"));
    const fit = async (engine: string) => {
      const { json, stderr } = await cli([
        "fit",
        testDataPath(e.file),
        "-m",
        "bgnbd",
        "--engine",
        engine,
        ...e.flags,
      ]);
      return { customers: json.customers, read: json.read, stderr };
    };
    expect(await fit("duckdb")).toEqual(await fit("js"));
  });

  /** The Benefit cost sheet's texts naming `code` and number formats holding `symbol`, by engine. */
  async function moneyCells(file: string, code: string, symbol: string, engine: string) {
    const out = path.join(dir, `${path.basename(file)}.${engine}.xlsx`);
    await cli(["report", file, "--out", out, "--sheets", "benefit-cost", "--engine", engine]);
    const sheet = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("LL Benefit cost")!;
    const found = new Set<string>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.includes(code)) found.add(cell.value);
        if (cell.numFmt?.includes(symbol)) found.add(cell.numFmt);
      }),
    );
    return [...found].sort();
  }

  it("the Benefit cost sheet's money is in the data's currency, said as in process (Shopify's Currency column)", async () => {
    const file = testDataPath("export-shopify.csv");
    const viaDuckDb = await moneyCells(file, "EUR", "€", "duckdb");
    expect(viaDuckDb.join("\n")).toMatch(/Money is in € \(EUR, as the Currency column F of the data says\)/);
    expect(viaDuckDb).toEqual(await moneyCells(file, "EUR", "€", "js"));
  });

  it.each([
    ["¥", "CNY", (v: number) => `"¥${v.toLocaleString("en-US", { minimumFractionDigits: 2 })}"`],
    ["£", "GBP", (v: number) => `£${v.toFixed(2)}`],
  ])(
    "the Benefit cost sheet's money is in the currency the amounts are written in (%s), as in process",
    async (symbol, code, written) => {
      // 30 members buying every 3 weeks over two years, amounts written with the currency sign
      // ("¥1,234.50", "£12.50"): the currency is found in the amount text, which DuckDB reads too.
      const lines = ["Member,Date,Amount"];
      for (let k = 0; k < 1000; k++) {
        const day = new Date(Date.UTC(2022, 0, 1 + (k % 35) * 21 + (k % 30)));
        lines.push(`M${k % 30},${day.toISOString().slice(0, 10)},${written(((k * 37) % 1900) + 12.5)}`);
      }
      const file = path.join(dir, `amounts-${code}.csv`);
      writeFileSync(file, lines.join("\n") + "\n");
      const viaDuckDb = await moneyCells(file, code, symbol, "duckdb");
      expect(viaDuckDb.join("\n")).toMatch(new RegExp(`Money is in ${symbol} \\(${code}`));
      expect(viaDuckDb.some((cell) => cell.includes(symbol) && !cell.includes(code))).toBe(true);
      expect(viaDuckDb).toEqual(await moneyCells(file, code, symbol, "js"));
    },
  );
});
