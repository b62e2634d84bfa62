/**
 * The customer-summary SQL of `loyalty sql` run in real engines (DuckDB in process, PostgreSQL started
 * by the test) on the CDNOW sample and on the demo's orders, compared customer by customer and column
 * by column with the engine's own summary of the same clean lines. Money to the cent, durations to 1e-9.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { dayFromDate, dayFromYmd } from "../../src/engine/data/days";
import { parseDay } from "../../src/engine/data/parse-date";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { activityBetween, windowStartExclusive } from "../../src/engine/tiers/activity";
import { customerSummaryQuery, type SummaryQueryOptions } from "../../src/sql/customer-summary-query";
import { SUMMARY_COLUMNS } from "../../src/engine/summary/summary-columns";
import { SQL_DIALECTS } from "../../src/sql/dialects";
import { purchaseDaysOf } from "../../src/engine/summary/purchase-days";
import { readOrderTable, type ReadOrdersOptions } from "../../src/engine/data/read-orders";
import type { RawTable } from "../../src/engine/data/table";
import { cdnowSampleTable } from "../helpers/test-data";
import { describeWithPostgres, startPostgres, type PostgresServer } from "../helpers/postgres";
import { engineLines, type EngineLines } from "./engine-lines";
import { bgnbd } from "../../src/functions/catalogue/models";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";

type Row = Record<string, number | null>;

interface Fixture {
  name: string;
  lines: EngineLines;
  options: Omit<SummaryQueryOptions, "dialect" | "table">;
  /** The engine's window spend and purchase days per customer id (tiers' 12 months to the as-of date). */
  window: Map<string, { spend: number; days: number }>;
}

const COLUMNS = { customer: "customer_id", date: "order_date", amount: "amount", order: "order_id" };

function fixture(
  name: string,
  build: () => { table: RawTable; read: ReadOrdersOptions },
  calibrationEnd?: number,
): Fixture {
  const { table, read } = build();
  const lines = engineLines(table, read, { calibrationEnd, unit: "week" });
  const days = purchaseDaysOf(readOrderTable(table, read).orders);
  const activity = activityBetween(
    days,
    windowStartExclusive({ kind: "rolling", months: 12 }, lines.asOf),
    lines.asOf,
  );
  const window = new Map(
    days.customerIds.map((id, c) => [id, { spend: activity.spend[c], days: activity.purchaseDays[c] }]),
  );
  return {
    name,
    lines,
    window,
    options: { columns: COLUMNS, asOf: lines.asOf, calibrationEnd, unit: "week" },
  };
}

const FIXTURES: Fixture[] = [
  fixture(
    "the CDNOW sample (39-week calibration, 39-week holdout)",
    () => ({
      table: cdnowSampleTable(),
      read: { columns: { customerId: "sampleid", quantity: "cds" }, duplicates: "keep" },
    }),
    dayFromYmd(1997, 9, 30),
  ),
  fixture("the demo's orders (no holdout)", () => ({ table: generateOrders(DEMO_SAMPLE), read: {} })),
];

/** The engine's value of each summary column for customer c. */
function engineRow(f: Fixture, c: number): Row {
  const s = f.lines.summary;
  const nanToNull = (v: number) => (Number.isNaN(v) ? null : v);
  const w = f.window.get(s.customerIds[c])!;
  return {
    first_purchase: s.firstDay[c],
    last_purchase: s.lastDay[c],
    orders: s.orders[c],
    purchase_days: s.purchaseDays[c],
    spend: s.spend[c],
    refunds: s.refunds[c],
    recency_days: s.recencyDays[c],
    frequency: nanToNull(s.x[c]),
    recency: nanToNull(s.tX[c]),
    T: nanToNull(s.T[c]),
    monetary_value: nanToNull(s.monetary[c]),
    holdout_frequency: s.holdoutX ? nanToNull(s.holdoutX[c]) : null,
    holdout_spend: s.holdoutSpend ? nanToNull(s.holdoutSpend[c]) : null,
    window_spend: w.spend,
    window_purchase_days: w.days,
  };
}

const MONEY = new Set(["spend", "refunds", "monetary_value", "holdout_spend", "window_spend"]);

/** Compares every customer's every column; returns the first difference as text (or null). */
function firstDifference(f: Fixture, sqlRows: Map<string, Row>): string | null {
  const s = f.lines.summary;
  if (sqlRows.size !== s.customerIds.length)
    return `${sqlRows.size} rows, engine ${s.customerIds.length} customers`;
  for (let c = 0; c < s.customerIds.length; c++) {
    const id = s.customerIds[c];
    const got = sqlRows.get(id);
    if (!got) return `customer ${id} missing`;
    const want = engineRow(f, c);
    for (const [column, expected] of Object.entries(want)) {
      const actual = got[column];
      if (expected === null || actual === null) {
        if (expected !== actual) return `${id} ${column}: SQL ${actual}, engine ${expected}`;
        continue;
      }
      const tolerance = MONEY.has(column) ? 0.005 : 1e-9 * Math.max(1, Math.abs(expected));
      if (!(Math.abs((actual as number) - expected) <= tolerance)) {
        return `${id} ${column}: SQL ${actual}, engine ${expected}`;
      }
    }
  }
  return null;
}

const dayOf = (v: unknown): number | null => {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return dayFromDate(v);
  if (typeof v === "object" && v !== null && "days" in v) return Number((v as { days: number }).days);
  return parseDay(String(v));
};
const numberOf = (v: unknown): number | null =>
  v === null || v === undefined || v === "" ? null : Number(v);

function rowsFrom(records: Record<string, unknown>[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const r of records) {
    const row: Row = {};
    for (const [name] of SUMMARY_COLUMNS) {
      if (name === "customer_id") continue;
      row[name] = name === "first_purchase" || name === "last_purchase" ? dayOf(r[name]) : numberOf(r[name]);
    }
    rows.set(String(r.customer_id), row);
  }
  return rows;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-sql-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the customer-summary SQL run in DuckDB", () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))(
    "equals the engine's summary on %s",
    async (_name, f) => {
      const file = path.join(dir, `${f.name.replace(/\W+/g, "-")}.csv`);
      writeFileSync(file, f.lines.csv);
      const db = await openDuckDb();
      try {
        const from = `read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE', 'order_id': 'VARCHAR'})`;
        const columns = await db.columns(
          customerSummaryQuery({ dialect: "duckdb", table: "orders", fromClause: from, ...f.options }),
        );
        const records = columns.customer_id.map((_, i) =>
          Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]])),
        );
        expect(records.length).toBeGreaterThan(2000);
        expect(firstDifference(f, rowsFrom(records))).toBeNull();
      } finally {
        db.close();
      }
    },
  );
});

describeWithPostgres("the customer-summary SQL run in PostgreSQL", () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(() => pg?.stop());

  it.each(FIXTURES.map((f, i) => [f.name, f, i] as const))(
    "equals the engine's summary on %s",
    (_name, f, i) => {
      const table = `orders_${i}`;
      pg.loadCsv(
        table,
        "customer_id text, order_date date, amount double precision, order_id text",
        f.lines.csv,
      );
      const [header, ...body] = pg.query(customerSummaryQuery({ dialect: "postgres", table, ...f.options }));
      const records = body.map((cells) => Object.fromEntries(header.map((h, k) => [h, cells[k]])));
      expect(firstDifference(f, rowsFrom(records))).toBeNull();
    },
  );
});

describe("the customer-summary SQL of every dialect", () => {
  const options = { table: "sales.orders", ...FIXTURES[0].options };

  it.each(SQL_DIALECTS.map((d) => [d]))("%s matches its reviewed golden file", (dialect) => {
    const golden = path.join(__dirname, "golden", `customer-summary.${dialect}.sql`);
    const sql = customerSummaryQuery({ dialect, ...options });
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, sql);
    expect(sql).toBe(readFileSync(golden, "utf8"));
  });

  it("quotes the user's names as each dialect does", () => {
    const odd = {
      ...options,
      table: "my orders",
      columns: { customer: 'cust"id', date: "day", amount: "net`amt" },
    };
    expect(customerSummaryQuery({ ...odd, dialect: "postgres" })).toContain('FROM "my orders"');
    expect(customerSummaryQuery({ ...odd, dialect: "postgres" })).toContain('"cust""id"');
    expect(customerSummaryQuery({ ...odd, dialect: "bigquery" })).toContain("`net``amt`");
    expect(customerSummaryQuery({ ...odd, dialect: "spark" })).toContain("FROM `my orders`");
  });
});

describe("the summary the SQL returns drives the models", () => {
  // The CDNOW sample through the DuckDB SQL, as an analyst pastes the result into Excel or saves it.
  let summary: Record<string, unknown[]>;
  beforeAll(async () => {
    const f = FIXTURES[0];
    const file = path.join(dir, "cdnow-lines.csv");
    writeFileSync(file, f.lines.csv);
    const db = await openDuckDb();
    try {
      const from = `read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE', 'order_id': 'VARCHAR'})`;
      summary = await db.columns(
        customerSummaryQuery({ dialect: "duckdb", table: "orders", fromClause: from, ...f.options }),
      );
    } finally {
      db.close();
    }
  });

  it("in LOYALTY.BGNBD: the published CDNOW parameters (Fader, Hardie and Lee 2005)", () => {
    const col = (name: string) => summary[name].map((v) => [Number(v)]);
    const [row] = bgnbd(col("frequency"), col("recency"), col("T"), null, null);
    const published = [0.2425982, 4.4136842, 0.7929899, 2.4261667];
    published.forEach((v, i) => expect(Math.abs((row[i + 1] as number) - v) / v).toBeLessThan(5e-4));
  });

  it("in loyalty fit, from the result saved as a CSV file", async () => {
    const names = ["customer_id", "frequency", "recency", "T", "monetary_value"];
    const rows = summary.customer_id.map((_, i) => names.map((n) => String(summary[n][i])).join(","));
    const file = path.join(dir, "cdnow-summary.csv");
    writeFileSync(file, [names.join(","), ...rows].join("\n"));
    const out = capture();
    expect(await run(["fit", file, "-m", "gg", "--json"], out)).toBe(0);
    const fit = JSON.parse(out.stdout) as { params: Record<string, number> };
    // Gamma-Gamma on the CDNOW sample's repeat customers: p 6.25, q 3.74, v 15.44 (lifetimes' docs).
    expect(fit.params.p).toBeCloseTo(6.2496, 2);
    expect(fit.params.q).toBeCloseTo(3.7442, 2);
    expect(fit.params.v).toBeCloseTo(15.4435, 1);
  });
});
