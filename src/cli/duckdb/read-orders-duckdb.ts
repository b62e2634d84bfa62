/**
 * Reading an order table that is too large for memory (or a Parquet file, or a glob of files) with
 * DuckDB, out of core, applying the same rules as the engine's `readOrderTable`
 * (src/engine/data/read-orders.ts) so that every figure is the same as when the file is read in process:
 *
 * - The columns are found by the engine's `detectColumns` on a sample of the first rows; the date order
 *   and decimal separator by its `decideFormats` on the distinct values of the whole columns.
 * - Ids, dates, amounts (or quantities, unit prices and discounts), order ids and statuses are parsed and
 *   judged by the ENGINE's functions once per distinct value (lookups.ts): the status words, the "C"
 *   invoices, the test-account rules and the thresholds are the engine's. Where the rule needs the whole
 *   table (order totals repeated on each line, "C" invoices as cancellations), SQL counts and the engine
 *   decides (order-rules-sql.ts).
 * - Each row is then counted under the first reason that drops it, in the engine's order (blank row,
 *   blank id, test account, order total repeated, member details only, unreadable date, amount not a
 *   number, date after the as-of date, exact duplicate, cancelled), with the engine's examples and actions;
 *   returns net against the order or day they belong to; the clean lines stay in DuckDB (view `ll_lines`)
 *   for the customer summary or the purchase days.
 *
 * Contact, product and channel columns other than the member details are left out, and said so.
 */
import type { DuckDbReadStep } from "../../i18n/command-line";
import { DataError } from "../../engine/data/errors";
import { parseDay, type DateParseOptions } from "../../engine/data/parse-date";
import { parseAmount, type AmountParseOptions } from "../../engine/data/parse-amount";
import { parseId } from "../../engine/data/parse-id";
import {
  amountColumnOf,
  decideFormats,
  keepsDuplicates,
  type Formats,
  type ReadOrdersOptions,
  type TestAccountFound,
} from "../../engine/data/read-orders";
import type { DataQualityReport } from "../../engine/data/quality";
import {
  amountFromPrice,
  checkAmountColumn,
  detectColumns,
  requireColumns,
  type ColumnRole,
  type DetectedColumns,
} from "../../engine/data/columns";
import {
  CANCELLATION_INVOICE_ID,
  CANCELLATION_INVOICE_LINE,
  CANCELLED_BY_STATUS,
  invoiceKind,
  isCancelledStatus,
} from "../../engine/data/cancellations";
import { currencyColumnOf, detectCurrencyOf, type CurrencyDetection } from "../../engine/data/currency";
import { DEFAULT_EXAMPLES_PER_REASON } from "../../engine/data/quality";
import type { RawTable } from "../../engine/data/table";
import type { MemberDetails } from "../../engine/data/orders";
import { columnNames } from "../../sheet/a1";
import { UserError } from "../../user-error";
import type { DuckDbSession } from "./session";
import { firstNumber, rawBlank, rawText } from "./raw-columns";
import { memberDetailsWithDuckDb } from "./member-details-duckdb";
import { cellOf, distinctValues, judgeCustomers, lookup, lookupTable, type DistinctValues } from "./lookups";
import { findRepeatedTotals, REPEATED_TOTALS, usesCancellationInvoicesSql } from "./order-rules-sql";
import { lineAmountSql } from "../../sql/line-rules";
import { qualityReport } from "./quality-duckdb";
import type { OrderFiles } from "./order-files";

/** The member details read like the engine reads them (member-details-duckdb.ts). */
const MEMBER_ROLES = ["birthday", "joinDate", "points", "tier", "name", "phone", "email", "store", "channel"];

export interface DuckDbReadOptions extends Pick<
  ReadOrdersOptions,
  "columns" | "asOf" | "testAccounts" | "duplicates" | "examplesPerReason" | "lineAmounts"
> {
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  /** Called at each step (for a progress line on stderr, in the CLI's language). */
  onProgress?: (step: DuckDbReadStep) => void;
}

export interface DuckDbOrders {
  files: OrderFiles;
  headers: string[];
  columns: DetectedColumns;
  asOf: number;
  quality: DataQualityReport;
  /** Roles found in the file that the DuckDB engine leaves out (contact, product and channel details). */
  leftOut: ColumnRole[];
  /** Ids of customers with no purchase line (not test accounts), in table order. */
  customersWithoutPurchase: string[];
  /** The customers left out as test accounts, in table order. */
  testAccounts: TestAccountFound[];
  /** The date order and decimal separator used, and the value that decided each when the data did. */
  formats: Formats;
  /** The currency the data names (a currency column, or the signs in the amount text). */
  currency: CurrencyDetection;
  /** Member details of the kept customers, in their order (ll_customers by first row). */
  members: MemberDetails;
}

/**
 * Tables left in the session: ll_lines (customer_id, order_date DATE, day INTEGER, amount DOUBLE,
 * order_id VARCHAR, ll_row BIGINT, purchase BOOLEAN) holds the clean lines, purchases and refunds;
 * ll_customers (customer_id, first_row) every kept customer with the table row where it first appears.
 */
export const CLEAN_LINES = "ll_lines";
export const KEPT_CUSTOMERS = "ll_customers";
/** Every customer id of the file with the row where it first appears. */
const FIRST_ROWS = "ll_first_rows";

/** Roles whose columns the reader uses (others are left out and said so). */
function usedRoles(columns: DetectedColumns): readonly string[] {
  const base = ["customerId", "date", "amount", "orderId", "status", ...MEMBER_ROLES];
  // Quantity, unit price and discount make the amount when there is no amount column; beside one, the
  // in-process reader does not use the price or the discount either.
  return amountFromPrice(columns.mapping)
    ? [...base, "quantity", "price", "discount"]
    : [...base, "price", "discount"];
}

async function sampleTable(db: DuckDbSession, files: OrderFiles, headers: string[]): Promise<RawTable> {
  const sample = await db.columns(
    `SELECT ${headers.map((h, i) => `${rawText(h)} AS c${i}`).join(", ")} FROM ll_raw r WHERE r.rowid < 1000 ORDER BY r.rowid`,
  );
  const columns = Object.values(sample).map((values) => values.map(cellOf));
  return {
    source: files.label,
    headers,
    columns,
    firstRow: files.firstRow,
    columnLabels: columnNames(headers.length),
  };
}

/** The engine's errors as the CLI's: same messages, same details. */
function userErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DataError) throw new UserError(e.message, e.fix, e.detail);
    throw e;
  }
}

/** The engine's column check on the sample: same messages, same detected columns. */
function checkColumns(sample: RawTable, options: DuckDbReadOptions): DetectedColumns {
  return userErrors(() => {
    const columns = detectColumns(sample, options.columns);
    requireColumns(sample, columns);
    checkAmountColumn(sample, columns);
    return columns;
  });
}

/** The header of each role's column (undefined when the file has none). */
function roleHeaders(columns: DetectedColumns, headers: string[]) {
  const name = (role: ColumnRole) => {
    const index = columns.mapping[role];
    return index === undefined ? undefined : headers[index];
  };
  return {
    id: name("customerId") as string,
    date: name("date") as string,
    amount: name("amount"),
    quantity: name("quantity"),
    price: name("price"),
    discount: name("discount"),
    order: name("orderId"),
    status: name("status"),
  };
}

/**
 * The clean lines as a table (read by the quality report, the customer summary and the report's
 * orders: computed once), each marked as a purchase or not by the engine's rules (read-orders.ts):
 * cancelled lines (a status or "C" invoice, amount ≥ 0) are not revenue and left out; a refund is not a
 * purchase, nor a line of a day, or of an order, holding a return whose lines sum to ≤ 0 (netReturns).
 * Only days with a return can be netted out, and they are few: their sums are taken over those days'
 * lines alone, not by a window over every line (which sorts the whole table).
 */
function cleanLinesTable(keepDuplicates: boolean): string {
  return `CREATE TABLE ${CLEAN_LINES} AS
    WITH clean AS (
      SELECT customer_id, day, amount, order_id, ll_row FROM ll_rows
      WHERE reason IS NULL ${keepDuplicates ? "" : "AND NOT duplicate"} AND NOT (cancel > 0 AND amount >= 0)
    ),
    return_days AS (SELECT DISTINCT customer_id, day FROM clean WHERE amount < 0),
    return_day_lines AS (SELECT c.* FROM clean c SEMI JOIN return_days USING (customer_id, day)),
    netted_days AS (
      SELECT customer_id, day FROM return_day_lines GROUP BY customer_id, day HAVING SUM(amount) <= 0
    ),
    netted_orders AS (
      SELECT customer_id, day, order_id FROM return_day_lines WHERE order_id IS NOT NULL
      GROUP BY customer_id, day, order_id HAVING MIN(amount) < 0 AND SUM(amount) <= 0
    )
    SELECT c.customer_id, CAST(DATE '1970-01-01' + c.day AS DATE) AS order_date, c.day, c.amount,
      c.order_id, c.ll_row, c.amount >= 0 AND nd.day IS NULL AND no.day IS NULL AS purchase
    FROM clean c
    LEFT JOIN netted_days nd ON nd.customer_id = c.customer_id AND nd.day = c.day
    LEFT JOIN netted_orders no ON no.customer_id = c.customer_id AND no.day = c.day AND no.order_id = c.order_id`;
}

/** Customers (not test accounts) with a line but no purchase, in order of first appearance. */
function withoutPurchase(column: "customer_id" | "first_row"): string {
  return `SELECT f.${column} FROM ${FIRST_ROWS} f
    WHERE f.customer_id NOT IN (SELECT customer_id FROM ${KEPT_CUSTOMERS})
      AND f.customer_id NOT IN (SELECT v0 FROM ll_ids WHERE v1 IS NOT NULL)
    ORDER BY f.first_row`;
}

/** The money columns whose text decides the decimal separator (as the engine's MONEY_ROLES). */
const MONEY_ROLES = ["amount", "price", "discount", "quantity"] as const;

/**
 * The distinct values of the date and money columns (in order of first appearance), the formats they
 * prove (the engine's decideFormats) and the currency they name (with the currency column's values).
 */
async function decideFromValues(
  db: DuckDbSession,
  files: OrderFiles,
  headers: string[],
  columns: DetectedColumns,
  options: DuckDbReadOptions,
): Promise<{ formats: Formats; currency: CurrencyDetection; values: Map<number, DistinctValues> }> {
  const values = new Map<number, DistinctValues>();
  const wanted = [
    columns.mapping.date,
    ...MONEY_ROLES.map((r) => columns.mapping[r]),
    currencyColumnOf(headers),
  ];
  for (const column of wanted) {
    if (column === undefined || column < 0 || values.has(column)) continue;
    values.set(column, await distinctValues(db, headers[column]));
  }
  const table: RawTable = {
    source: files.label,
    ...(files.single ? { place: { file: files.label } } : {}),
    headers,
    columns: [],
    firstRow: files.firstRow,
    columnLabels: columnNames(headers.length),
  };
  const formats = userErrors(() =>
    decideFormats(table, columns, options, {
      cellsOf: (column) => values.get(column)?.raws ?? [],
      rowOf: (column, index) => values.get(column)?.firstRows[index] ?? index,
    }),
  );
  const currency = detectCurrencyOf(
    table,
    (column, visit) => {
      const v = values.get(column);
      v?.raws.forEach((raw, k) => visit(raw, v.counts[k]));
    },
    amountColumnOf(columns),
  );
  return { formats, currency, values };
}

export async function readOrdersWithDuckDb(
  db: DuckDbSession,
  files: OrderFiles,
  options: DuckDbReadOptions = {},
): Promise<DuckDbOrders> {
  const say = options.onProgress ?? (() => undefined);
  say("loading");
  // A table created from the scan keeps the file's order: its rowid is the data row (0-based).
  await db.run(`CREATE TABLE ll_raw AS SELECT * FROM ${files.fromClause}`);
  const described = await db.columns("DESCRIBE ll_raw");
  const headers = described.column_name as string[];
  const rowsRead = await firstNumber(db, "SELECT COUNT(*) FROM ll_raw");
  const sample = await sampleTable(db, files, headers);
  const columns = checkColumns(sample, options);
  const used = usedRoles(columns);
  const leftOut = (Object.keys(columns.mapping) as ColumnRole[]).filter(
    (r) => columns.mapping[r] !== undefined && !used.includes(r),
  );
  const col = roleHeaders(columns, headers);

  say("deciding");
  const decided = await decideFromValues(db, files, headers, columns, options);
  const { formats } = decided;
  const dates: DateParseOptions = { ...options.dates, dayOrder: formats.dayOrder };
  const amounts: AmountParseOptions = { ...options.amounts, decimalComma: formats.decimalComma };

  say("parsing");
  await lookup(db, "ll_ids", col.id, ["VARCHAR", "VARCHAR"], (raw) => {
    const id = parseId(raw);
    return [id === "" ? null : id, null];
  });
  const judged = await judgeCustomers(db, col.id, options.testAccounts);
  const parsedLookup = async (name: string, header: string, parse: (raw: string) => number) => {
    const index = headers.indexOf(header);
    const raws = decided.values.get(index)?.raws ?? [];
    await lookupTable(db, name, raws, [name === "ll_dates" ? "INTEGER" : "DOUBLE"], (raw) => {
      const value = parse(raw);
      return [Number.isFinite(value) ? value : null];
    });
  };
  await parsedLookup("ll_dates", col.date, (raw) => parseDay(raw, dates));
  const money = (raw: string) => parseAmount(raw, amounts);
  if (col.amount !== undefined) await parsedLookup("ll_amounts", col.amount, money);
  const fromPrice = amountFromPrice(columns.mapping);
  if (fromPrice) {
    await parsedLookup("ll_quantities", col.quantity as string, money);
    await parsedLookup("ll_prices", col.price as string, money);
    if (col.discount !== undefined) await parsedLookup("ll_discounts", col.discount, money);
  }
  if (col.order !== undefined) {
    await lookup(db, "ll_order_ids", col.order, ["VARCHAR", "INTEGER"], (raw) => {
      const id = parseId(raw);
      return [id === "" ? null : id, invoiceKind(raw)];
    });
  }
  if (col.status !== undefined) {
    await lookup(db, "ll_statuses", col.status, ["INTEGER"], (raw) => [isCancelledStatus(raw) ? 1 : 0]);
  }

  say("orders");
  const orderTotals =
    col.order !== undefined && col.amount !== undefined
      ? await findRepeatedTotals(db, { order: col.order, amount: col.amount }, options.lineAmounts)
      : (await db.run(`CREATE TABLE ${REPEATED_TOTALS} (ll_row BIGINT)`), false);
  const invoices = col.order !== undefined && (await usesCancellationInvoicesSql(db, col.order));

  say("checking");
  const joins = [
    `LEFT JOIN ll_ids i ON i.raw = ${rawText(col.id)}`,
    `LEFT JOIN ll_dates d ON d.raw = ${rawText(col.date)}`,
    `LEFT JOIN ${REPEATED_TOTALS} rp ON rp.ll_row = r.rowid`,
  ];
  let amount: string;
  if (col.amount !== undefined) {
    joins.push(`LEFT JOIN ll_amounts a ON a.raw = ${rawText(col.amount)}`);
    amount = "a.v0";
  } else {
    joins.push(`LEFT JOIN ll_quantities q ON q.raw = ${rawText(col.quantity as string)}`);
    joins.push(`LEFT JOIN ll_prices p ON p.raw = ${rawText(col.price as string)}`);
    let discount = "0";
    if (col.discount !== undefined) {
      joins.push(`LEFT JOIN ll_discounts dc ON dc.raw = ${rawText(col.discount)}`);
      // A blank discount is none; an unreadable one makes the amount unreadable.
      discount = `CASE WHEN ${rawBlank(col.discount)} THEN 0 ELSE dc.v0 END`;
    }
    amount = lineAmountSql("q.v0", "p.v0", discount);
  }
  if (col.order !== undefined) joins.push(`LEFT JOIN ll_order_ids o ON o.raw = ${rawText(col.order)}`);
  if (col.status !== undefined) joins.push(`LEFT JOIN ll_statuses s ON s.raw = ${rawText(col.status)}`);
  // Why a line is not revenue (the engine's readCancellations): 2 a "C" invoice, 1 its status, 0 neither.
  const cancelWhen = [
    ...(invoices ? [`WHEN o.v1 = ${CANCELLATION_INVOICE_ID} THEN ${CANCELLATION_INVOICE_LINE}`] : []),
    ...(col.status !== undefined ? [`WHEN s.v0 = 1 THEN ${CANCELLED_BY_STATUS}`] : []),
  ];
  const cancel = cancelWhen.length > 0 ? `CASE ${cancelWhen.join(" ")} ELSE 0 END` : "0";
  const amountCell = (col.amount ?? col.price) as string;
  const blankRow = headers.map(rawBlank).join(" AND ");
  // Every cell, blank cells as NULL whatever their spaces: what "an exact duplicate line" compares.
  const cells = headers.map((h) => `CASE WHEN ${rawBlank(h)} THEN NULL ELSE ${rawText(h)} END`).join(", ");
  await db.run(`CREATE TABLE ll_rows AS
    SELECT r.rowid AS ll_row, i.v0 AS customer_id, i.v1 AS test_rule, d.v0 AS day, ${amount} AS amount,
      ${col.order !== undefined ? "o.v0" : "CAST(NULL AS VARCHAR)"} AS order_id,
      ${cancel} AS cancel,
      CASE
        WHEN i.v0 IS NULL AND ${blankRow} THEN 'blankRow'
        WHEN i.v0 IS NULL THEN 'blankId'
        WHEN i.v1 IS NOT NULL THEN 'testAccount'
        WHEN rp.ll_row IS NOT NULL THEN 'repeatedOrderTotal'
        WHEN d.v0 IS NULL AND ${rawBlank(col.date)} AND ${rawBlank(amountCell)} THEN 'memberDetailsOnly'
        WHEN d.v0 IS NULL THEN 'unparsableDate'
        WHEN ${amount} IS NULL THEN 'nonNumericAmount'
      END AS reason,
      hash(${cells}) AS cells_hash,
      FALSE AS duplicate
    FROM ll_raw r ${joins.join("\n    ")}`);
  say("dating");
  const asOf = options.asOf ?? (await firstNumber(db, "SELECT MAX(day) FROM ll_rows WHERE reason IS NULL"));
  if (Number.isFinite(asOf)) {
    await db.run(`UPDATE ll_rows SET reason = 'dateAfterAsOf' WHERE reason IS NULL AND day > ${asOf}`);
  }
  await db.run(`CREATE TABLE ${FIRST_ROWS} AS
    SELECT customer_id, MIN(ll_row) AS first_row FROM ll_rows WHERE customer_id IS NOT NULL GROUP BY customer_id`);

  say("duplicates");
  // Lines with the same hash of their cells are compared cell by cell; the first of equal lines is kept.
  await db.run(`CREATE TABLE ll_duplicates AS
    SELECT ll_row FROM (
      SELECT c.ll_row, ROW_NUMBER() OVER (PARTITION BY ${cells} ORDER BY c.ll_row) AS k
      FROM (
        SELECT ll_row FROM ll_rows WHERE reason IS NULL AND cells_hash IN (
          SELECT cells_hash FROM ll_rows WHERE reason IS NULL GROUP BY cells_hash HAVING COUNT(*) > 1
        )
      ) c JOIN ll_raw r ON r.rowid = c.ll_row
    ) WHERE k > 1`);
  await db.run("UPDATE ll_rows SET duplicate = TRUE WHERE ll_row IN (SELECT ll_row FROM ll_duplicates)");
  const keepDuplicates = keepsDuplicates(options, columns);

  say("clean");
  await db.run(cleanLinesTable(keepDuplicates));
  await db.run(`CREATE TABLE ${KEPT_CUSTOMERS} AS
    SELECT customer_id, first_row FROM ${FIRST_ROWS}
    WHERE customer_id IN (SELECT customer_id FROM ${CLEAN_LINES} WHERE purchase)`);

  say("members");
  const members = await memberDetailsWithDuckDb(db, headers, columns, {
    dates,
    amounts,
    perReason: options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
    lookup: (name, column, type, parse) => lookup(db, name, column, [type], (raw) => [parse(raw)]),
  });

  say("counting");
  const quality = await qualityReport(db, {
    files,
    headers,
    columns,
    formats,
    asOf,
    rowsRead,
    keepDuplicates,
    orderTotals,
    judged,
    members,
    options,
    tables: { cleanLines: CLEAN_LINES, firstRows: FIRST_ROWS, withoutPurchase: withoutPurchase("first_row") },
  });
  const without = await db.columns(withoutPurchase("customer_id"));
  return {
    files,
    headers,
    columns,
    asOf,
    quality,
    leftOut,
    customersWithoutPurchase: without.customer_id as string[],
    testAccounts: judged.testAccounts,
    formats,
    currency: decided.currency,
    members: members.details,
  };
}
