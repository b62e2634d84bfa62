/**
 * The examples of README.md's section "When your orders don't fit in Excel", run as the README writes
 * them: every command of its `sh` code blocks is taken from the README itself (continued lines joined,
 * comments dropped, `> FILE` kept as where stdout goes), so an example that stops working, or a new one
 * naming a file this test does not make, fails here.
 *
 * The files the examples name are made in a temporary folder from one seeded, clean order export (300
 * members, 3,000 lines, 2022-2024: src/engine/sample/generate-orders.ts), by this mapping:
 * - `orders/*.parquet`: the export as two Parquet files (2022-2023 and 2024), typed columns, by DuckDB;
 * - `orders.csv.gz`: the export as a gzipped CSV file;
 * - `SALES.ORDERS` (the warehouse table of `loyalty sql`): the export in a DuckDB session of its own per
 *   dialect, as schema `SALES`, table `ORDERS`, with the columns the example names (MEMBER_ID, ORDER_DATE
 *   DATE, NET_AMOUNT, ORDER_NO); the query runs there through the bridge of test/sql/dialect-in-duckdb.ts;
 * - `summary.sql`: what the `loyalty sql` example prints;
 * - `summary.csv`: that query's result in DuckDB, saved as CSV. The example makes it with
 *   `--calibration-end`, which `loyalty report --summary` refuses (the README says so, and this test
 *   checks it); the report example is run on the same query made without it (`summary-whole.csv`).
 * - `report.xlsx`: written by the examples.
 *
 * Each command must exit 0 and write its file; run again with --json, its figures must be those worked
 * out from the export's lines here: customers, net revenue, and per customer the spend, purchase days
 * and repeat purchases (frequency) before the calibration end.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { run } from "../../src/cli/main";
import { openDuckDb, type DuckDbSession } from "../../src/cli/duckdb/session";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { writeTableCsv } from "../../src/workbook/csv/write";
import { capture } from "../helpers/cli-io";
import { defineDialect, dialectInDuckDb } from "../sql/dialect-in-duckdb";
import { SQL_DIALECTS, type SqlDialect } from "../../src/sql/dialects";
import { CLI_TEXTS } from "../../src/i18n/command-line";

/** The README's commands of the section, each as its words and where stdout goes. */
interface Example {
  words: string[];
  stdout?: string;
}

/** Shell words of a command line: 'single' and "double" quotes, unquoted words; ` > FILE` apart. */
function shellWords(line: string): Example {
  const words: string[] = [];
  let stdout: string | undefined;
  const pattern = /'([^']*)'|"([^"]*)"|(>)|(\S+)/g;
  let redirect = false;
  for (const m of line.matchAll(pattern)) {
    if (m[3]) {
      redirect = true;
      continue;
    }
    const word = m[1] ?? m[2] ?? m[4];
    if (redirect) stdout = word;
    else words.push(word);
    redirect = false;
  }
  return stdout === undefined ? { words } : { words, stdout };
}

/** The commands of the `sh` blocks of README.md's section `title`. */
function readmeExamples(title: string): Example[] {
  const readme = readFileSync(path.join(__dirname, "../../README.md"), "utf8");
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section "${title}"`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .map((line) => line.replace(/\s#\s.*$/, "").trim())
      .filter((line) => line !== "")
      .map(shellWords),
  );
}

const EXAMPLES = readmeExamples("When your orders don't fit in Excel");

let dir: string;
let db: DuckDbSession;

/** The export's lines as this test reads them: member, day (ISO), amount, order. */
interface Line {
  member: string;
  day: string;
  amount: number;
  order: string;
}
let lines: Line[];

/** The files the examples name (see the mapping above), as paths in the temporary folder. */
const local = (name: string) => path.join(dir, name);
const FILES = ["orders/*.parquet", "orders.csv.gz", "summary.csv", "summary.sql", "report.xlsx"];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-readme-"));
  const table = generateOrders({ customers: 300, seed: 23, dirt: 0 });
  const at = (header: string) => table.headers.indexOf(header);
  lines = table.columns[0].map((_, r) => ({
    member: String(table.columns[at("Member ID")][r]),
    day: String(table.columns[at("Order Date")][r]).slice(0, 10),
    amount: Number(table.columns[at("Amount")][r]),
    order: String(table.columns[at("Order ID")][r]),
  }));
  const csv = local("orders.csv");
  await writeTableCsv(csv, table);
  writeFileSync(local("orders.csv.gz"), gzipSync(readFileSync(csv)));
  mkdirSync(local("orders"));
  db = await openDuckDb();
  await db.run(`CREATE TABLE export AS SELECT * REPLACE (CAST("Amount" AS DOUBLE) AS "Amount",
      CAST("Order Date" AS TIMESTAMP) AS "Order Date")
    FROM read_csv('${csv}', all_varchar = true)`);
  for (const [name, where] of [
    ["2022-2023", `"Order Date" < DATE '2024-01-01'`],
    ["2024", `"Order Date" >= DATE '2024-01-01'`],
  ])
    await db.run(
      `COPY (SELECT * FROM export WHERE ${where}) TO '${local(`orders/${name}.parquet`)}' (FORMAT parquet)`,
    );
}, 120_000);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The warehouse of `loyalty sql`'s example, in a DuckDB session with the dialect's functions (see the mapping). */
async function warehouse(dialect: SqlDialect): Promise<DuckDbSession> {
  const session = await openDuckDb();
  await session.run("CREATE SCHEMA SALES");
  await session.run(`CREATE TABLE SALES.ORDERS AS SELECT "Member ID" AS MEMBER_ID,
      CAST(CAST("Order Date" AS TIMESTAMP) AS DATE) AS ORDER_DATE, CAST("Amount" AS DOUBLE) AS NET_AMOUNT,
      "Order ID" AS ORDER_NO
    FROM read_csv('${local("orders.csv")}', all_varchar = true)`);
  await defineDialect(session, dialect);
  return session;
}

/** The example's words with the files it names in the temporary folder; fails on a file not mapped. */
function localWords(example: Example): string[] {
  return example.words.slice(1).map((word) => {
    if (FILES.includes(word)) return local(word);
    if (/\.(csv|gz|parquet|xlsx|sql|json)$|\//.test(word)) {
      throw new Error(`a README example names ${word}: add it to the mapping of this test`);
    }
    return word;
  });
}

/** Runs a README command (without the leading `loyalty`); its exit code, stdout and stderr. */
async function loyalty(words: string[]) {
  const io = capture();
  const code = await run(words, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const examplesOf = (command: string) => EXAMPLES.filter((e) => e.words[1] === command);
const round = (x: number) => Math.round(x * 100);

/** Customers, net revenue, and each customer's spend, purchase days and calibration repeats, by hand. */
function byHand(until: string, calibrationEnd?: string) {
  const kept = lines.filter((l) => l.day <= until);
  const members = new Map<string, { spend: number; days: Set<string>; calibrationDays: Set<string> }>();
  for (const l of kept) {
    let m = members.get(l.member);
    if (!m) members.set(l.member, (m = { spend: 0, days: new Set(), calibrationDays: new Set() }));
    m.spend += l.amount;
    m.days.add(l.day);
    if (calibrationEnd !== undefined && l.day <= calibrationEnd) m.calibrationDays.add(l.day);
  }
  return { customers: members.size, revenue: kept.reduce((s, l) => s + l.amount, 0), members };
}

describe("README: When your orders don't fit in Excel", () => {
  it("has the three routes' examples: the CLI on files, SQL in the warehouse, the summary into the CLI", () => {
    expect(EXAMPLES.map((e) => e.words.slice(0, 2).join(" "))).toEqual([
      "loyalty report",
      "loyalty fit",
      "loyalty sql",
      "loyalty report",
      "loyalty fit",
    ]);
    expect(EXAMPLES.every((e) => e.words[0] === "loyalty")).toBe(true);
  });

  it("1. loyalty report and fit on the files, through DuckDB", async () => {
    const whole = byHand("2024-12-31");
    const [report] = examplesOf("report").filter((e) => !e.words.includes("--summary"));
    const asWritten = await loyalty(localWords(report));
    expect([asWritten.code, asWritten.stderr]).toEqual([0, expect.any(String)]);
    expect(existsSync(local("report.xlsx"))).toBe(true);
    const json = JSON.parse((await loyalty([...localWords(report), "--json"])).stdout);
    expect([json.customers, round(json.revenue)]).toEqual([whole.customers, round(whole.revenue)]);

    const [fit] = examplesOf("fit").filter((e) => !e.words.includes("--summary"));
    const calibrationEnd = fit.words[fit.words.indexOf("--calibration-end") + 1];
    expect((await loyalty(localWords(fit))).code).toBe(0);
    const fitted = JSON.parse((await loyalty([...localWords(fit), "--json"])).stdout);
    // The cohort: customers whose first purchase is before the calibration end (T > 0).
    const cohort = [...byHand(calibrationEnd, calibrationEnd).members.values()].filter((m) =>
      [...m.calibrationDays].some((d) => d < calibrationEnd),
    );
    expect([fitted.model, fitted.customers, fitted.converged]).toEqual(["bgnbd", cohort.length, true]);
  });

  /** The summary the query prints for the README's example under `dialect`, as that warehouse returns it. */
  async function summaryIn(dialect: SqlDialect, words: string[], out: string) {
    const printed = await loyalty(words.map((w, k) => (words[k - 1] === "--dialect" ? dialect : w)));
    expect([dialect, printed.code]).toEqual([dialect, 0]);
    const session = await warehouse(dialect);
    try {
      await session.run(`COPY (${dialectInDuckDb(dialect, printed.stdout)}) TO '${out}' (HEADER)`);
      return {
        printed,
        rows: await session.columns(`SELECT customer_id, spend, purchase_days, frequency
        FROM read_csv('${out}', all_varchar = true) ORDER BY customer_id`),
      };
    } finally {
      session.close();
    }
  }

  /** The summary's customers, spend, purchase days and calibration repeats, against the hand's. */
  function expectByHand(rows: Record<string, unknown[]>, asOf: string, calibrationEnd: string) {
    const hand = byHand(asOf, calibrationEnd);
    expect(rows.customer_id).toHaveLength(hand.customers);
    rows.customer_id.forEach((id, k) => {
      const m = hand.members.get(String(id));
      if (!m) throw new Error(`${String(id)} is not a customer of the export`);
      const repeats = Math.max(0, m.calibrationDays.size - 1);
      expect([
        id,
        round(Number(rows.spend[k])),
        Number(rows.purchase_days[k]),
        Number(rows.frequency[k]),
      ]).toEqual([id, round(m.spend), m.days.size, repeats]);
    });
  }

  it("2. loyalty sql --dialect snowflake: a query whose result, run on the warehouse table, is the summary worked out by hand", async () => {
    const [sql] = examplesOf("sql");
    expect(sql.stdout).toBe("summary.sql");
    const flag = (name: string) => sql.words[sql.words.indexOf(name) + 1];
    const { printed, rows } = await summaryIn("snowflake", localWords(sql), local("summary.csv"));
    writeFileSync(local("summary.sql"), printed.stdout);
    // The names as Snowflake stores names created without quotes (upper case): no note on their case.
    expect(printed.stderr).toBe("");
    expectByHand(rows, flag("--as-of"), flag("--calibration-end"));
    // Without the calibration end, for the report of route 3 (see the mapping above).
    const words = localWords(sql);
    const cut = words.indexOf("--calibration-end");
    await summaryIn(
      "snowflake",
      [...words.slice(0, cut), ...words.slice(cut + 2)],
      local("summary-whole.csv"),
    );
  });

  it.each(SQL_DIALECTS.filter((d) => d !== "snowflake"))(
    "2. the same loyalty sql example with --dialect %s: the same summary worked out by hand",
    async (dialect) => {
      const [sql] = examplesOf("sql");
      const flag = (name: string) => sql.words[sql.words.indexOf(name) + 1];
      const out = local(`summary-${dialect}.csv`);
      const { printed, rows } = await summaryIn(dialect, localWords(sql), out);
      expectByHand(rows, flag("--as-of"), flag("--calibration-end"));
      // PostgreSQL stores names created without quotes in lower case: the upper-case names are said.
      expect(printed.stderr).toBe(
        dialect === "postgres"
          ? CLI_TEXTS.en.sqlQuotedCase(
              "PostgreSQL",
              ["SALES", "ORDERS", "MEMBER_ID", "ORDER_DATE", "NET_AMOUNT", "ORDER_NO"],
              ["sales", "orders", "member_id", "order_date", "net_amount", "order_no"],
              false,
            )
          : "",
      );
    },
  );

  it("3. loyalty report and fit --summary on the query's result", async () => {
    const [report] = examplesOf("report").filter((e) => e.words.includes("--summary"));
    const [fit] = examplesOf("fit").filter((e) => e.words.includes("--summary"));
    // The summary with a calibration end is taken by fit and refused by the report, naming the setting.
    expect((await loyalty(localWords(fit))).code).toBe(0);
    const refused = await loyalty(localWords(report));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/made with a calibration end .* without --calibration-end/);

    const wholeWords = localWords(report).map((w) =>
      w === local("summary.csv") ? local("summary-whole.csv") : w,
    );
    expect((await loyalty(wholeWords)).code).toBe(0);
    const json = JSON.parse((await loyalty([...wholeWords, "--json"])).stdout);
    const hand = byHand("2024-12-31");
    expect([json.basis, json.customers, round(json.revenue)]).toEqual([
      "summary",
      hand.customers,
      round(hand.revenue),
    ]);
    const fitted = JSON.parse((await loyalty([...localWords(fit), "--json"])).stdout);
    expect([fitted.model, fitted.converged]).toEqual(["pnbd", true]);
  });
});
