/**
 * The DuckDB engine (`--engine duckdb`) against the in-process engine on the same files: the same
 * data-quality report (counts, actions, examples and notes; sums to the cent), the same as-of date and
 * customers, and the same analysis customer by customer (x, t_x, T, spend, orders, RFM scores, tier),
 * on CSV, Parquet and a glob of files; and the fits of `loyalty fit`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { customerSummaryFromDuckDb, orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { fitInputWithDuckDb } from "../../src/cli/duckdb/fit-with-duckdb";
import { summarizeTransactionTable } from "../../src/cli/fit-input";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { run } from "../../src/cli/main";
import { analyzeOrderTable } from "../../src/engine/analyze";
import { readOrderTable, type ReadOrdersOptions } from "../../src/engine/data/read-orders";
import type { RawTable } from "../../src/engine/data/table";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { writeTableCsv } from "../../src/workbook/csv/write";
import { readCsvTable } from "../../src/workbook/csv/read";
import { capture } from "../helpers/cli-io";
import { cdnowSampleTable, testDataPath } from "../helpers/test-data";
import { asInGlobFiles, bothEngines, expectSameAnalysis, perCustomer } from "../helpers/duckdb-compare";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-engine-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = capture();

async function writeCsv(name: string, table: RawTable): Promise<string> {
  const file = path.join(dir, name);
  await writeTableCsv(file, table);
  return file;
}

/** The CDNOW sample as a CSV file with a header (the text file itself is whitespace-aligned, without one). */
function cdnowWithHeader(): RawTable {
  const t = cdnowSampleTable();
  return { ...t, headers: ["master_id", "customer id", "date", "cds", "amount"] };
}

describe("the DuckDB engine reads like the in-process engine", () => {
  it("on the demo's orders (with blank ids, test accounts, bad dates and amounts, duplicates, refunds)", async () => {
    const file = await writeCsv("demo-orders.csv", generateOrders(DEMO_SAMPLE));
    const { inProcess, viaDuckDb } = await bothEngines(file, {});
    const dropped = inProcess.table.quality.findings.filter((f) => f.count > 0).map((f) => f.reason);
    expect(dropped).toEqual(
      expect.arrayContaining([
        "blankId",
        "testAccount",
        "unparsableDate",
        "nonNumericAmount",
        "duplicateLine",
        "refund",
      ]),
    );
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("on the CDNOW sample (identical lines kept as purchases: no order id)", async () => {
    const file = await writeCsv("cdnow.csv", cdnowWithHeader());
    const read: ReadOrdersOptions = { columns: { customerId: "customer id", quantity: "cds" } };
    const { inProcess, viaDuckDb } = await bothEngines(file, read);
    expect(inProcess.summary.customerIds).toHaveLength(2357);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("judges test accounts knowing the whole table: 11111 among sequential member numbers is a customer", async () => {
    const lines = ["Member,Date,Amount"];
    for (let id = 11100; id < 11140; id++) lines.push(`${id},2024-01-0${1 + (id % 5)},${10 + (id % 7)}`);
    lines.push("test,2024-01-03,5", "11111,2024-01-09,12");
    const file = path.join(dir, "sequential-ids.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const { inProcess, viaDuckDb } = await bothEngines(file, {});
    expect(inProcess.summary.customerIds).toContain("11111");
    expect(inProcess.summary.customerIds).not.toContain("test");
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("says the engine's own words for a file it cannot use (lifetimes' example transactions: no amount)", async () => {
    const file = testDataPath("example_transactions.csv");
    const { table } = await readCsvTable(file);
    expect(() => readOrderTable(table)).toThrow(/no amount column found among the headers "date", "id"/);
    await expect(readWithDuckDb(file, {}, silent)).rejects.toThrow(
      /^example_transactions\.csv: no amount column found among the headers "date", "id"; name the column to use \(or the quantity and unit price columns\)$/,
    );
  });

  it("on a Parquet copy of the demo's orders and on a glob of two CSV files", async () => {
    const csv = await writeCsv("demo-orders-2.csv", generateOrders(DEMO_SAMPLE));
    const parquet = path.join(dir, "demo-orders.parquet");
    const db = await openDuckDb();
    try {
      await db.run(
        `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
      );
      const halves = path.join(dir, "halves");
      await db.run(
        `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true) LIMIT 15000) TO '${halves}-1.csv' (HEADER)`,
      );
      await db.run(
        `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true) OFFSET 15000) TO '${halves}-2.csv' (HEADER)`,
      );
    } finally {
      db.close();
    }
    const { inProcess, viaDuckDb } = await bothEngines(csv, {});
    const fromParquet = await readWithDuckDb(parquet, {}, silent);
    try {
      expectSameAnalysis(
        inProcess,
        analyzeOrderTable(await orderTableFromDuckDb(fromParquet.db, fromParquet.read)),
      );
    } finally {
      fromParquet.close();
    }
    const fromGlob = await readWithDuckDb(path.join(dir, "halves-*.csv"), {}, silent);
    try {
      const globbed = analyzeOrderTable(await orderTableFromDuckDb(fromGlob.db, fromGlob.read));
      expect(perCustomer(globbed)).toEqual(perCustomer(viaDuckDb));
      expect(globbed.table.quality.rowsRead).toBe(inProcess.table.quality.rowsRead);
    } finally {
      fromGlob.close();
    }
  });

  it("on a Parquet file with typed columns (integer ids, DATE dates, DOUBLE amounts), duplicates and returns", async () => {
    const parquet = path.join(dir, "typed.parquet");
    const csv = path.join(dir, "typed.csv");
    const db = await openDuckDb();
    try {
      // 400 lines of 40 members (member 1000 + k % 40, order O(k div 2), amount (k % 17) × 1.25 + 0.1);
      // lines 0..4 written twice (5 exact duplicates); member 1000's order O0 on 2024-01-01 (line 0, 0.1)
      // returned in full by -0.1: netted out, while that day (line 360, 3.85) stays a purchase day; and
      // a -0.0 amount in that order (a zero, whatever its sign).
      await db.run(`COPY (
        SELECT CAST(1000 + range % 40 AS INTEGER) AS "Member", DATE '2024-01-01' + CAST(range % 90 AS INTEGER) AS "Date",
          'O' || CAST(range // 2 AS VARCHAR) AS "Order", CAST((range % 17) * 1.25 + 0.1 AS DOUBLE) AS "Amount"
        FROM range(400)
        UNION ALL
        SELECT CAST(1000 + range % 40 AS INTEGER), DATE '2024-01-01' + CAST(range % 90 AS INTEGER),
          'O' || CAST(range // 2 AS VARCHAR), CAST((range % 17) * 1.25 + 0.1 AS DOUBLE)
        FROM range(5)
        UNION ALL SELECT 1000, DATE '2024-01-01', 'O0', -0.1
        UNION ALL SELECT 1000, DATE '2024-01-01', 'O0', -0.0
      ) TO '${parquet}' (FORMAT parquet)`);
      const types = await db.columns(
        `SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('${parquet}'))`,
      );
      expect(types.column_type).toEqual(["INTEGER", "DATE", "VARCHAR", "DOUBLE"]);
      // The same cells as text, for the in-process reader.
      await db.run(`COPY (SELECT * FROM read_parquet('${parquet}')) TO '${csv}' (HEADER)`);
    } finally {
      db.close();
    }
    const { table } = await readCsvTable(csv);
    const inProcess = analyzeOrderTable(readOrderTable(table, {}));
    const duck = await readWithDuckDb(parquet, {}, silent);
    try {
      const viaDuckDb = analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read));
      const count = (reason: string) =>
        viaDuckDb.table.quality.findings.find((f) => f.reason === reason)?.count ?? 0;
      expect(count("duplicateLine")).toBe(5);
      expect(count("refund")).toBe(1);
      // O0's lines of member 1000 that are not returns: 0.1 and the -0.0 (which is not below zero).
      expect(count("nettedOut")).toBe(2);
      expectSameAnalysis(inProcess, viaDuckDb);
    } finally {
      duck.close();
    }
  });

  it("on a glob of Parquet files read in place (TIMESTAMP dates, DECIMAL amounts): rows named in their files", async () => {
    const parts = path.join(dir, "stamped");
    const csv = path.join(dir, "stamped.csv");
    const db = await openDuckDb();
    try {
      // 300 lines of 30 members at times of day (the day is the date's); blank and non-finite-free
      // DECIMAL amounts, a blank date on line 250 (second file), lines 280..284 repeating 0..4 (duplicates
      // in the second file of lines in the first), a refund on line 290.
      const lines = `SELECT range AS k, 'M' || CAST(range % 30 AS VARCHAR) AS "Member",
          CASE WHEN range = 250 THEN NULL
            ELSE TIMESTAMP '2024-03-01 08:30:00' + INTERVAL (range % 70) DAY + INTERVAL (range % 13) HOUR END AS "Date",
          CAST(CASE WHEN range = 290 THEN -4.25 ELSE (range % 11) * 2.35 + 0.5 END AS DECIMAL(10, 2)) AS "Amount"
        FROM range(280)`;
      const all = `SELECT * FROM (${lines} UNION ALL SELECT k + 280, "Member", "Date", "Amount" FROM (${lines}) WHERE k < 5
        UNION ALL SELECT 290, 'M3', TIMESTAMP '2024-04-02 10:00:00', CAST(-4.25 AS DECIMAL(10, 2)))`;
      await db.run(`CREATE TABLE stamped AS ${all}`);
      await db.run(
        `COPY (SELECT * EXCLUDE (k) FROM stamped WHERE k < 200 ORDER BY k) TO '${parts}-1.parquet' (FORMAT parquet)`,
      );
      await db.run(
        `COPY (SELECT * EXCLUDE (k) FROM stamped WHERE k >= 200 ORDER BY k) TO '${parts}-2.parquet' (FORMAT parquet)`,
      );
      const types = await db.columns(
        `SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('${parts}-1.parquet'))`,
      );
      expect(types.column_type).toEqual(["VARCHAR", "TIMESTAMP", "DECIMAL(10,2)"]);
      // The same cells as text, for the in-process reader.
      await db.run(`COPY (SELECT * EXCLUDE (k) FROM stamped ORDER BY k) TO '${csv}' (HEADER)`);
    } finally {
      db.close();
    }
    const { table } = await readCsvTable(csv);
    const inProcess = analyzeOrderTable(readOrderTable(table, {}));
    const duck = await readWithDuckDb(`${parts}-*.parquet`, {}, silent);
    try {
      const viaDuckDb = analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read));
      const finding = (reason: string) => inProcess.table.quality.findings.find((f) => f.reason === reason);
      expect(finding("duplicateLine")?.count).toBe(5);
      expect(finding("refund")?.count).toBe(1);
      expect(finding("unparsableDate")?.count ?? finding("memberDetailsOnly")?.count).toBe(1);
      expect(viaDuckDb.table.quality.rowsRead).toBe(286);
      // A glob has no one file for the messages to name: each example is named by its file and its row
      // there (lines 0-199 in the first file, the rest in the second, each below its header).
      delete (inProcess.table.quality as { place?: unknown }).place;
      inProcess.table.quality = asInGlobFiles(inProcess.table.quality, [
        { name: "stamped-1.parquet", rows: 200 },
        { name: "stamped-2.parquet", rows: 86 },
      ]);
      // The refund is the last of the 286 lines: the 86th of the second file, below its header.
      expect(viaDuckDb.table.quality.findings.find((f) => f.reason === "refund")?.examples[0]).toMatchObject({
        file: "stamped-2.parquet",
        row: 87,
      });
      expectSameAnalysis(inProcess, viaDuckDb);
    } finally {
      duck.close();
    }
  });
});

describe("the DuckDB engine in the commands", () => {
  it("loyalty fit gives the same BG/NBD fit as the in-process engine", async () => {
    const file = await writeCsv("cdnow-fit.csv", cdnowWithHeader());
    const fit = async (engine: string) => {
      const out = capture();
      const args = [
        "fit",
        file,
        "-m",
        "bgnbd",
        "--customer",
        "customer id",
        "--calibration-end",
        "1997-09-30",
      ];
      expect(await run([...args, "--engine", engine, "--json"], out)).toBe(0);
      return JSON.parse(out.stdout) as {
        params: Record<string, number>;
        customers: number;
        logLikelihood: number;
      };
    };
    const [js, duck] = [await fit("js"), await fit("duckdb")];
    expect(duck.customers).toBe(2357);
    // The published CDNOW BG/NBD estimates (Fader, Hardie and Lee 2005), as the in-process test asserts.
    expect(duck.params.r).toBeCloseTo(0.2426, 3);
    // Bit for bit: x, t_x and T are whole days over the unit, and the customers come in order of first
    // appearance as in process, so the likelihood adds the same terms in the same order.
    expect(duck.params).toEqual(js.params);
    expect(duck.logLikelihood).toBe(js.logLikelihood);
  });

  it("loyalty fit's DuckDB summary gives the in-process x, t_x and T to the last bit; -m gg takes the in-process spend", async () => {
    const file = await writeCsv("cdnow-gg.csv", cdnowWithHeader());
    const read = { columns: { customerId: "customer id" } };
    const options = { calibrationEnd: "1997-09-30", unit: "week" as const };
    const inProcess = summarizeTransactionTable((await readCsvTable(file)).table, { read, ...options });
    // The purchase models' input from the purchase lines' customers and days: whole days over the unit, exact in
    // any order, the customers in order of first appearance. It holds no spend (DuckDB would add the
    // amounts in no fixed order).
    const duck = await readWithDuckDb(file, read, capture());
    const sql = await customerSummaryFromDuckDb(duck.db, duck.read, {
      calibrationEnd: Date.UTC(1997, 8, 30) / 86_400_000,
      unit: "week",
    });
    duck.close();
    expect(sql).toEqual({ x: inProcess.x, tx: inProcess.tx, T: inProcess.T });
    // A spend model's input: the purchase days handed over in table order and the engine's own summary.
    const { input } = await fitInputWithDuckDb(file, { read, ...options, spend: true }, capture());
    expect(input.monetary).toEqual(inProcess.monetary);
    expect([input.x, input.tx, input.T]).toEqual([inProcess.x, inProcess.tx, inProcess.T]);
    const fit = async (engine: string) => {
      const out = capture();
      const args = ["fit", file, "-m", "gg", "--customer", "customer id", "--calibration-end", "1997-09-30"];
      expect(await run([...args, "--engine", engine, "--json"], out)).toBe(0);
      return JSON.parse(out.stdout) as { params: Record<string, number>; logLikelihood: number };
    };
    const [js, viaDuckDb] = [await fit("js"), await fit("duckdb")];
    // The published Gamma-Gamma estimates on CDNOW (p, q, γ = 6.25, 3.74, 15.44; test/data/README.md).
    expect(Object.values(viaDuckDb.params).map((v) => Math.round(v * 100) / 100)).toEqual([
      6.25, 3.74, 15.44,
    ]);
    expect([viaDuckDb.params, viaDuckDb.logLikelihood]).toEqual([js.params, js.logLikelihood]);
  });

  it("loyalty report --engine duckdb writes the same summary as the in-process report", async () => {
    const file = await writeCsv("demo-report.csv", generateOrders(DEMO_SAMPLE));
    const report = async (engine: string) => {
      const out = capture();
      const args = [
        "report",
        file,
        "--out",
        path.join(dir, `report-${engine}.xlsx`),
        "--sheets",
        "customers,segments,tiers,data-quality",
      ];
      expect(await run([...args, "--engine", engine, "--json"], out)).toBe(0);
      const json = JSON.parse(out.stdout);
      return {
        customers: json.customers,
        orders: json.orders,
        orderLines: json.orderLines,
        revenue: json.revenue,
        segments: json.segments,
        tiers: json.tiers,
      };
    };
    expect(await report("duckdb")).toEqual(await report("js"));
  });
});
