/**
 * `loyalty sql` from the command line with the user's names (--table --customer --date --amount --as-of
 * --calibration-end --unit), its query run in DuckDB on the CDNOW sample's lines: the published CDNOW
 * calibration summary (lifetimes' cdnow_customers_summary_with_transactions.csv: x, t_x and T in weeks,
 * zbar the mean repeat value, each to 2 decimals), and the same durations in days with --unit day.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { readTestDataCsv, readTestDataText } from "../helpers/test-data";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-sql-command-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CDNOW sample's lines as a warehouse table would hold them, under names of the user's choosing. */
function cdnowLinesCsv(): string {
  const lines = ["member no,bought on,net value"];
  for (const line of readTestDataText("CDNOW_sample.txt").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 5) continue;
    lines.push(`${Number(f[1])},${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6)},${f[4]}`);
  }
  return lines.join("\n") + "\n";
}

/** Runs `loyalty sql` with `flags` and its query in DuckDB on the lines: rows by customer id. */
async function summaryOf(flags: string[]): Promise<Map<string, Record<string, number | null>>> {
  const csv = path.join(dir, "cdnow-lines.csv");
  writeFileSync(csv, cdnowLinesCsv());
  const sqlFile = path.join(dir, "summary.sql");
  const io = capture();
  const args = ["sql", "--dialect", "duckdb", "--table", "shop.cdnow lines", "--customer", "member no"];
  expect(
    await run([...args, "--date", "bought on", "--amount", "net value", ...flags, "--out", sqlFile], io),
  ).toBe(0);
  const db = await openDuckDb();
  try {
    await db.run(`CREATE SCHEMA shop`);
    await db.run(
      `CREATE TABLE shop."cdnow lines" AS SELECT * FROM read_csv('${csv}', header = true, ` +
        `columns = {'member no': 'VARCHAR', 'bought on': 'DATE', 'net value': 'DOUBLE'})`,
    );
    const columns = await db.columns(readFileSync(sqlFile, "utf8"));
    const rows = new Map<string, Record<string, number | null>>();
    columns.customer_id.forEach((id, i) => {
      const row: Record<string, number | null> = {};
      for (const name of ["frequency", "recency", "T", "monetary_value"]) {
        const v = columns[name][i];
        row[name] = v === null ? null : Number(v);
      }
      rows.set(String(id), row);
    });
    return rows;
  } finally {
    db.close();
  }
}

const [, ...PUBLISHED] = readTestDataCsv("cdnow_customers_summary_with_transactions.csv");

describe("loyalty sql with the user's table and column names, run in DuckDB on the CDNOW sample", () => {
  it("gives the published calibration summary (--as-of 1998-06-30 --calibration-end 1997-09-30, weeks)", async () => {
    const rows = await summaryOf([
      "--as-of",
      "1998-06-30",
      "--calibration-end",
      "1997-09-30",
      "--unit",
      "week",
    ]);
    expect(rows.size).toBe(2357);
    expect(PUBLISHED).toHaveLength(2357);
    const off: string[] = [];
    for (const [id, x, tx, T, zbar] of PUBLISHED) {
      const got = rows.get(id);
      const want = { frequency: Number(x), recency: Number(tx), T: Number(T), monetary_value: Number(zbar) };
      for (const [name, value] of Object.entries(want)) {
        const actual = got?.[name];
        if (actual === null || actual === undefined || Math.abs(actual - value) > 0.005 + 1e-9)
          off.push(`${id} ${name}: ${actual}, published ${value}`);
      }
    }
    expect(off.slice(0, 5)).toEqual([]);
  });

  it("gives recency and T in days with --unit day (the published weeks × 7)", async () => {
    const rows = await summaryOf([
      "--as-of",
      "1998-06-30",
      "--calibration-end",
      "1997-09-30",
      "--unit",
      "day",
    ]);
    // Customer 1: first purchase 1997-01-01, last before the calibration end 1997-08-02 (213 days),
    // 272 days to 1997-09-30: published t_x 30.43 and T 38.86 weeks.
    const first = rows.get("1")!;
    expect([first.frequency, first.recency, first.T]).toEqual([2, 213, 272]);
    expect(Math.abs(first.monetary_value! - 22.35)).toBeLessThanOrEqual(0.005 + 1e-9);
    const off = PUBLISHED.filter(([id, , tx, T]) => {
      const got = rows.get(id)!;
      return (
        Math.abs(got.recency! - Number(tx) * 7) > 0.005 * 7 + 1e-9 ||
        Math.abs(got.T! - Number(T) * 7) > 0.005 * 7 + 1e-9
      );
    });
    expect(off).toEqual([]);
  });

  it("starts with its comment in Chinese under --lang zh-CN, the same query after it, the same rows in DuckDB", async () => {
    const flags = ["--as-of", "1998-06-30", "--calibration-end", "1997-09-30"];
    const text = async (lang: string[]) => {
      const io = capture();
      const args = ["sql", "--table", "t", "--customer", "c", "--date", "d", "--amount", "a"];
      expect(await run([...args, ...flags, ...lang], io)).toBe(0);
      return io.stdout;
    };
    const [en, zh] = [await text([]), await text(["--lang", "zh-CN"])];
    const comment = (sql: string) => sql.split("\n").filter((l) => l.startsWith("-- "));
    const query = (sql: string) => sql.split("\n").filter((l) => !l.startsWith("-- "));
    expect(query(zh)).toEqual(query(en));
    expect(comment(en)[1]).toBe("-- As of 1998-06-30; calibration end 1997-09-30; recency and T in weeks;");
    expect(comment(zh)[1]).toBe(
      '-- 统计截止日 1998-06-30；校准期结束 1997-09-30；列 "recency" 和 "T" 以周为单位；',
    );
    for (const line of comment(zh)) expect(line).toMatch(/[\u4e00-\u9fff]/);
    // DuckDB reads the Chinese comment as a comment: the published summary, as in English.
    const rows = await summaryOf([...flags, "--lang", "zh-CN"]);
    expect(rows.get("1")).toEqual({
      frequency: 2,
      recency: 30.428571428571427,
      T: 38.857142857142854,
      monetary_value: expect.any(Number),
    });
  });
});

/**
 * Snowflake stores a name created without quotes in upper case, PostgreSQL in lower case, and both match a
 * quoted name's case exactly (Snowflake's "Identifier requirements"; PostgreSQL's "Identifiers and Key
 * Words"): the query quotes every name, so a plain name given in the other case is said on stderr with the
 * name to give. Names that need quotes anyway (a blank, Chinese) and names in the stored case are not.
 */
describe("loyalty sql on the case of the names it quotes", () => {
  const names = [
    "--table",
    "shop.Orders",
    "--customer",
    "member_id",
    "--date",
    "下单时间",
    "--amount",
    "AMOUNT",
  ];
  const stderrOf = async (dialect: string, lang: string) => {
    const io = capture();
    const args = ["sql", "--dialect", dialect, ...names, "--as-of", "2024-12-31", "--lang", lang];
    expect(await run(args, io)).toBe(0);
    return io.stderr;
  };

  it.each([
    [
      "snowflake",
      "en",
      'Snowflake matches a quoted name\'s case exactly, and the query quotes every name: "shop", "Orders", ' +
        '"member_id" find only names created in quotes as written. Snowflake stores a name created without ' +
        "quotes in upper case: if yours were, give SHOP, ORDERS, MEMBER_ID",
    ],
    [
      "snowflake",
      "zh-CN",
      'Snowflake 对加了引号的名称严格区分大小写，而查询给每个名称都加了引号："shop"、"Orders"、"member_id" ' +
        '只能找到建表时加了引号、写法完全相同的名称。Snowflake 把建表时未加引号的名称存为大写：若是这样，请写成 "SHOP"、"ORDERS"、"MEMBER_ID"',
    ],
    [
      "postgres",
      "en",
      'PostgreSQL matches a quoted name\'s case exactly, and the query quotes every name: "Orders", "AMOUNT" ' +
        "find only names created in quotes as written. PostgreSQL stores a name created without quotes in " +
        "lower case: if yours were, give orders, amount",
    ],
    ["duckdb", "en", ""],
    ["bigquery", "zh-CN", ""],
  ])("--dialect %s (%s)", async (dialect, lang, said) => {
    expect(await stderrOf(dialect, lang)).toBe(said);
  });
});
