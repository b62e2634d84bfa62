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
import {
  customerSummaryQuery,
  type OrderColumns,
  type SummaryQueryOptions,
} from "../../src/sql/customer-summary-query";
import { SUMMARY_COLUMNS } from "../../src/engine/summary/summary-columns";
import { SQL_DIALECTS, type SqlDialect } from "../../src/sql/dialects";
import { defineDialect, dialectInDuckDb } from "./dialect-in-duckdb";
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

/** The types of the fixtures' CSV columns, for DuckDB. */
const FIXTURE_TYPES =
  "'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE', 'order_id': 'VARCHAR'";

/** The dialects DuckDB runs (its own; the others through dialect-in-duckdb.ts). */
const RUN_IN_DUCKDB: readonly SqlDialect[] = ["duckdb", "bigquery", "snowflake", "spark"];

describe.each(RUN_IN_DUCKDB.map((d) => [d]))("the customer-summary SQL of %s run in DuckDB", (dialect) => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))(
    "equals the engine's summary on %s",
    async (_name, f) => {
      const rows = await duckDbRows(f.lines.csv, FIXTURE_TYPES, f, dialect);
      expect(rows.size).toBeGreaterThan(2000);
      expect(firstDifference(f, rows)).toBeNull();
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

  it.each(SQL_DIALECTS.map((d) => [d]))("%s on line items matches its reviewed golden file", (dialect) => {
    const golden = path.join(__dirname, "golden", `customer-summary-line-items.${dialect}.sql`);
    const columns = {
      customer: "customer",
      date: "order_date",
      quantity: "quantity",
      price: "unit_price",
      discount: "discount",
      status: "status",
      order: "invoice",
    };
    const sql = customerSummaryQuery({ dialect, ...options, columns });
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

/**
 * A seeded line-item export as a warehouse holds it (typed columns, no amount: quantity, unit price and
 * discount; order statuses; "C" invoices; returns), and a marketplace export whose order total is repeated
 * on each line: the SQL with --quantity --price --discount --status --order equals the engine reading the
 * same rows (its amount rule, cancellations, netting and order totals).
 */
/** The engine's summary of a raw table's rows, for SQL run on the same rows with `columns`. */
function rawFixture(name: string, table: RawTable, read: ReadOrdersOptions, columns: OrderColumns): Fixture {
  const lines = engineLines(table, read, { unit: "week" });
  const days = purchaseDaysOf(readOrderTable(table, read).orders);
  const start = windowStartExclusive({ kind: "rolling", months: 12 }, lines.asOf);
  const activity = activityBetween(days, start, lines.asOf);
  const window = new Map(
    days.customerIds.map((id, c) => [id, { spend: activity.spend[c], days: activity.purchaseDays[c] }]),
  );
  return { name, lines, window, options: { columns, asOf: lines.asOf, unit: "week" } };
}

/** The summary query of `dialect` run in DuckDB on the CSV (columns typed by `types`), by customer id. */
async function duckDbRows(
  csv: string,
  types: string,
  f: Fixture,
  dialect: SqlDialect = "duckdb",
): Promise<Map<string, Row>> {
  const file = path.join(dir, `${f.name.replace(/\W+/g, "-")}.csv`);
  writeFileSync(file, csv);
  const db = await openDuckDb();
  try {
    await defineDialect(db, dialect);
    await db.run(
      `CREATE TABLE orders AS SELECT * FROM read_csv('${file}', header = true, columns = {${types}})`,
    );
    const sql = customerSummaryQuery({ dialect, table: "orders", ...f.options });
    const columns = await db.columns(dialectInDuckDb(dialect, sql));
    const records = columns.customer_id.map((_, i) =>
      Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]])),
    );
    return rowsFrom(records);
  } finally {
    db.close();
  }
}

function lineItemFixture(): { fixture: Fixture; csv: string; types: string } {
  let seed = 11;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const headers = ["line_no", "invoice", "customer", "order_date", "quantity", "price", "discount", "status"];
  const rows: string[][] = [];
  let invoice = 500000;
  for (let order = 0; order < 400; order++) {
    const customer = `M${Math.floor(next() * 60)}`;
    const day = `2024-0${1 + Math.floor(next() * 6)}-1${Math.floor(next() * 9)}`;
    const id = String(++invoice);
    const status = pick(["paid", "paid", "paid", "Refunded", "已退款", "交易关闭", "shipped", "CANCELLED"]);
    for (let i = 0; i <= Math.floor(next() * 3); i++) {
      const line = [
        id,
        customer,
        day,
        pick(["1", "2", "3", "12"]),
        pick(["2.55", "3.39", "1.04", "27.50", "0.29"]),
      ];
      rows.push([...line, pick(["", "", "0.50", "1.00"]), status]);
    }
    if (next() < 0.15) rows.push([`C${id}`, customer, day, `-${pick([1, 2, 12])}`, "2.55", "", ""]);
    if (next() < 0.05) rows.push([id, customer, day, "-1", "3.39", "", ""]);
  }
  const withLineNumbers = rows.map((r, k) => [String(k + 1), ...r]);
  const table: RawTable = {
    source: "line-items",
    headers,
    columns: headers.map((_, c) => withLineNumbers.map((r) => r[c] || null)),
    firstRow: 2,
  };
  const read: ReadOrdersOptions = { columns: { product: "line_no" } };
  const columns = {
    customer: "customer",
    date: "order_date",
    quantity: "quantity",
    price: "price",
    discount: "discount",
    status: "status",
    order: "invoice",
  };
  return {
    fixture: rawFixture("line items", table, read, columns),
    csv: [headers.join(","), ...withLineNumbers.map((r) => r.join(","))].join("\n") + "\n",
    types:
      "line_no integer, invoice text, customer text, order_date date, quantity double precision, price double precision, discount double precision, status text",
  };
}

describe("the customer-summary SQL of a line-item export (quantity × price − discount, statuses, C invoices)", () => {
  const { fixture: f, csv, types } = lineItemFixture();

  it("the engine's reading of the rows exercises every rule", () => {
    expect(f.lines.summary.customerIds.length).toBeGreaterThan(40);
    const table: RawTable = {
      source: "line-items",
      headers: csv.split("\n")[0].split(","),
      columns: [],
      firstRow: 2,
    };
    const rows = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    table.columns = table.headers.map((_, c) => rows.map((r) => r[c] || null));
    const quality = readOrderTable(table, { columns: { product: "line_no" } }).quality;
    const count = (reason: string) => quality.findings.find((x) => x.reason === reason)?.count ?? 0;
    for (const reason of ["cancelledOrder", "refund", "nettedOut"])
      expect([reason, count(reason) > 0]).toEqual([reason, true]);
    expect(quality.amountRule).toBe("quantity × price − discount");
  });

  it.each(RUN_IN_DUCKDB.map((d) => [d]))("of %s run in DuckDB equals the engine", async (dialect) => {
    const duckTypes =
      "'line_no': 'INTEGER', 'invoice': 'VARCHAR', 'customer': 'VARCHAR', 'order_date': 'DATE', " +
      "'quantity': 'DOUBLE', 'price': 'DOUBLE', 'discount': 'DOUBLE', 'status': 'VARCHAR'";
    expect(firstDifference(f, await duckDbRows(csv, duckTypes, f, dialect))).toBeNull();
  });

  it("an order total repeated on each line is counted once, as the engine decides", async () => {
    const lines = ["order_no,member,order_date,total,status"];
    for (let k = 0; k < 12; k++) {
      const status = k === 4 ? "交易关闭" : "交易成功";
      for (let item = 0; item <= k % 3; item++)
        lines.push(`T${k},m${k % 5},2024-01-${10 + k},${(50 + k * 3.5).toFixed(2)},${status}`);
    }
    const rows = lines.slice(1).map((l) => l.split(","));
    const headers = lines[0].split(",");
    const table: RawTable = {
      source: "totals",
      headers,
      columns: headers.map((_, c) => rows.map((r) => r[c])),
      firstRow: 2,
    };
    expect(readOrderTable(table).quality.orderTotals).toBe(true);
    const columns = {
      customer: "member",
      date: "order_date",
      amount: "total",
      status: "status",
      order: "order_no",
    };
    const totals = rawFixture("order totals", table, {}, columns);
    const types =
      "'order_no': 'VARCHAR', 'member': 'VARCHAR', 'order_date': 'DATE', 'total': 'DOUBLE', 'status': 'VARCHAR'";
    expect(firstDifference(totals, await duckDbRows(lines.join("\n") + "\n", types, totals))).toBeNull();
  });

  describeWithPostgres("run in PostgreSQL", () => {
    let pg: PostgresServer;
    beforeAll(async () => {
      pg = await startPostgres();
    }, 120_000);
    afterAll(() => pg?.stop());

    it("equals the engine", () => {
      pg.loadCsv("line_items", types, csv);
      const [header, ...body] = pg.query(
        customerSummaryQuery({ dialect: "postgres", table: "line_items", ...f.options }),
      );
      const records = body.map((cells) => Object.fromEntries(header.map((h, k) => [h, cells[k]])));
      expect(firstDifference(f, rowsFrom(records))).toBeNull();
    });
  });
});
