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
import { CLI_TEXTS, type DuckDbReadStep } from "../../i18n/command-line";
import { performance } from "node:perf_hooks";
import { DataError } from "../../engine/data/errors";
import { parseDay, type DateParseOptions } from "../../engine/data/parse-date";
import { parseAmount, type AmountParseOptions } from "../../engine/data/parse-amount";
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
  cancellationInvoicesUsed,
  CANCELLATION_INVOICE_ID,
  CANCELLATION_INVOICE_LINE,
  CANCELLED_BY_STATUS,
  isCancelledStatus,
} from "../../engine/data/cancellations";
import { currencyColumnOf, detectCurrencyOf, type CurrencyDetection } from "../../engine/data/currency";
import { DEFAULT_EXAMPLES_PER_REASON } from "../../engine/data/quality";
import type { CellValue, RawTable } from "../../engine/data/table";
import type { MemberDetails } from "../../engine/data/orders";
import { columnNames } from "../../sheet/a1";
import { UserError } from "../../user-error";
import type { DuckDbSession } from "./session";
import { firstNumber, rawBlank, rawText, typedAmountSql, typedDaySql } from "./raw-columns";
import { memberDetailsWithDuckDb } from "./member-details-duckdb";
import {
  cellOf,
  distinctValues,
  lookup,
  lookupTable,
  readCustomerIds,
  readOrderIds,
  type DistinctValues,
  type OrderIds,
} from "./lookups";
import { readOrderFacts, TOTAL_ORDERS } from "./order-rules-sql";
import { isCancellationInvoiceSql } from "./plain-ids";
import { lineAmountSql } from "../../sql/line-rules";
import { qualityReport } from "./quality-duckdb";
import { globFileNames, type GlobPart, type OrderFiles } from "./order-files";
import { loadRaw, type RawRelation } from "./raw-table";
import { findEmptyRecords, RowNumbers, type DataLines, type DuckDbRowNumbers } from "./row-numbers";
import { GlobRowNumbers } from "./glob-row-numbers";

/** The member details read like the engine reads them (member-details-duckdb.ts). */
const MEMBER_ROLES = ["birthday", "joinDate", "points", "tier", "name", "phone", "email", "store", "channel"];

export interface DuckDbReadOptions extends Pick<
  ReadOrdersOptions,
  "columns" | "asOf" | "testAccounts" | "duplicates" | "examplesPerReason" | "lineAmounts"
> {
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  /** Rows up to which the checked rows are a table (default MATERIALIZED_ROWS; tests try both ways). */
  materializedRows?: number;
  /** Called at each step (for a progress line on stderr, in the CLI's language); `files` as they are named. */
  onProgress?: (step: DuckDbReadStep, files: string) => void;
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
/** Every row of the file, checked (ll_rows above): its ll_row numbers them 0, 1, 2 ... in file order. */
export const CHECKED_ROWS = "ll_rows";
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

/** Rows of the file the columns are detected on: the in-process table's first rows, its blank rows included. */
const SAMPLE_ROWS = 1000;

async function sampleTable(
  db: DuckDbSession,
  files: OrderFiles,
  headers: string[],
  rows: DuckDbRowNumbers,
): Promise<RawTable> {
  const sample = await db.columns(
    `SELECT r.rowid AS ll_row, ${headers.map((h, i) => `${rawText(h)} AS c${i}`).join(", ")}
     FROM ll_raw r WHERE r.rowid < ${SAMPLE_ROWS + rows.rowsAboveTable()} ORDER BY r.rowid`,
  );
  const at = sample.ll_row.map((rowid) => rows.tableRow(Number(rowid)));
  const height = at.filter((row) => row < SAMPLE_ROWS).reduce((most, row) => Math.max(most, row + 1), 0);
  const columns = headers.map((_, i) => {
    const column = new Array<CellValue>(height).fill(null);
    sample[`c${i}`].forEach((value, k) => {
      if (at[k] >= 0 && at[k] < height) column[at[k]] = cellOf(value);
    });
    return column;
  });
  return {
    source: files.label,
    headers,
    columns,
    firstRow: rows.firstRow,
    columnLabels: columnNames(headers.length),
    ...(rows.rowPlace ? { rowPlace: rows.rowPlace } : {}),
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
 * The clean lines (read by the quality report, the customer summary and the report's orders), each marked
 * as a purchase or not by the engine's rules (read-orders.ts): cancelled lines (a status or "C" invoice,
 * amount ≥ 0) are not revenue and left out; a refund is not a purchase, nor a line of a day, or of an
 * order, holding a return whose lines sum to ≤ 0 (netReturns). Only days with a return can be netted
 * out, and they are few: their sums are taken over those days' lines alone (table ll_netted, the lines
 * ≥ 0 netted out), and the clean lines are a view of ll_rows, not a copy of 50 million lines.
 */
async function keepCleanLines(db: DuckDbSession, keepDuplicates: boolean): Promise<void> {
  const clean = `reason IS NULL ${keepDuplicates ? "" : "AND NOT duplicate"} AND NOT (cancel > 0 AND amount >= 0)`;
  // Two small tables, each one pass over the lines: the days with a return, then their lines.
  await db.run(`CREATE TEMP TABLE ll_return_days AS
    SELECT DISTINCT customer_id, day FROM ll_rows WHERE ${clean} AND amount < 0`);
  await db.run(`CREATE TEMP TABLE ll_return_day_lines AS
    SELECT c.customer_id, c.day, c.amount, c.order_id, c.ll_row FROM ll_rows c
    SEMI JOIN ll_return_days USING (customer_id, day) WHERE ${clean}`);
  await db.run(`CREATE TABLE ll_netted AS
    WITH netted_days AS (
      SELECT customer_id, day FROM ll_return_day_lines GROUP BY customer_id, day HAVING SUM(amount) <= 0
    ),
    netted_orders AS (
      SELECT customer_id, day, order_id FROM ll_return_day_lines WHERE order_id IS NOT NULL
      GROUP BY customer_id, day, order_id HAVING MIN(amount) < 0 AND SUM(amount) <= 0
    )
    SELECT c.ll_row FROM ll_return_day_lines c
    LEFT JOIN netted_days nd ON nd.customer_id = c.customer_id AND nd.day = c.day
    LEFT JOIN netted_orders no ON no.customer_id = c.customer_id AND no.day = c.day AND no.order_id = c.order_id
    WHERE c.amount >= 0 AND (nd.day IS NOT NULL OR no.day IS NOT NULL)`);
  await db.run("DROP TABLE ll_return_days; DROP TABLE ll_return_day_lines");
  await db.run(`CREATE VIEW ${CLEAN_LINES} AS
    SELECT c.customer_id, CAST(DATE '1970-01-01' + c.day AS DATE) AS order_date, c.day, c.amount, c.order_id,
      c.ll_row, c.amount >= 0 AND n.ll_row IS NULL AS purchase
    FROM ll_rows c LEFT JOIN ll_netted n USING (ll_row) WHERE ${clean}`);
  await db.run(`CREATE TABLE ${KEPT_CUSTOMERS} AS
    SELECT customer_id, first_row FROM ${FIRST_ROWS}
    WHERE customer_id IN (SELECT customer_id FROM ${CLEAN_LINES} WHERE purchase)`);
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
  rows: DuckDbRowNumbers,
  typed: TypedColumns,
): Promise<{ formats: Formats; currency: CurrencyDetection; values: Map<number, DistinctValues> }> {
  const values = new Map<number, DistinctValues>();
  const wanted = [
    columns.mapping.date,
    ...MONEY_ROLES.map((r) => columns.mapping[r]),
    currencyColumnOf(headers),
  ];
  for (const column of wanted) {
    if (column === undefined || column < 0 || values.has(column) || typed.has(column)) continue;
    values.set(column, await distinctValues(db, headers[column]));
  }
  const table: RawTable = {
    source: files.label,
    ...(files.single ? { place: { file: files.label } } : {}),
    headers,
    columns: [],
    firstRow: rows.firstRow,
    columnLabels: columnNames(headers.length),
    ...(rows.rowPlace ? { rowPlace: rows.rowPlace } : {}),
  };
  const formats = userErrors(() =>
    decideFormats(table, columns, options, {
      cellsOf: (column) => values.get(column)?.raws ?? [],
      rowOf: (column, index) => rows.tableRow(values.get(column)?.firstRows[index] ?? index),
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

/** How DuckDB's rows are numbered in a file whose data starts at `firstRow`: its empty lines found (a text file). */
async function fileRowNumbers(firstRow: number, lines: DataLines | undefined): Promise<RowNumbers> {
  if (!lines) return new RowNumbers(firstRow - 1, firstRow);
  const { empties, blankAtEnd } = await findEmptyRecords(lines);
  return new RowNumbers(lines.headerRow, firstRow, empties, blankAtEnd);
}

/**
 * Creates ll_raw, and numbers its rows as the user finds them: in the one file, or in each file of a glob
 * (glob-row-numbers.ts). A text file's empty lines are looked for while DuckDB loads it (DuckDB skips
 * them; row-numbers.ts).
 */
async function loadNumbered(
  db: DuckDbSession,
  files: OrderFiles,
): Promise<{ raw: RawRelation; rows: DuckDbRowNumbers }> {
  if (files.single) {
    const [raw, rows] = await Promise.all([loadRaw(db, files), fileRowNumbers(files.firstRow, files.lines)]);
    return { raw, rows };
  }
  const [raw, numbers] = await Promise.all([
    loadRaw(db, files),
    Promise.all((files.parts ?? []).map((p) => fileRowNumbers(p.firstRow, p.lines))),
  ]);
  const read = raw.files ?? [];
  const names = globFileNames(read.map((f) => f.file));
  const rows = new GlobRowNumbers(
    read.map((f, k) => {
      // A text file's part (found by the file DuckDB read); a Parquet file's rows start below its header.
      const at = files.parts?.findIndex((p) => p.readFrom === f.file) ?? -1;
      return at < 0
        ? { name: names[k], rows: f.rows, numbers: new RowNumbers(files.firstRow - 1, files.firstRow) }
        : { name: (files.parts as GlobPart[])[at].name, rows: f.rows, numbers: numbers[at] };
    }),
  );
  return { raw, rows };
}

/** Roles found in the file that the reader leaves out (said so by the command). */
function leftOutRoles(columns: DetectedColumns): ColumnRole[] {
  const used = usedRoles(columns);
  return (Object.keys(columns.mapping) as ColumnRole[]).filter(
    (r) => columns.mapping[r] !== undefined && !used.includes(r),
  );
}

type RoleHeaders = ReturnType<typeof roleHeaders>;

/**
 * The file's typed columns (a Parquet file's DATE, TIMESTAMP and numeric columns) among the date and
 * money columns, each with the SQL of its parsed value (raw-columns.ts): used as they are, without a
 * pass to list their values as text, a lookup table or a join on every line. Numbers and dates do not
 * vote on the date order or the decimal separator, as in a worksheet.
 */
class TypedColumns {
  private readonly sql = new Map<string, string>();
  constructor(
    private readonly headers: string[],
    private readonly types: string[],
    col: RoleHeaders,
  ) {
    const day = col.date !== undefined ? typedDaySql(col.date, this.typeOf(col.date)) : undefined;
    if (day !== undefined) this.sql.set(col.date, day);
    for (const header of [col.amount, col.quantity, col.price, col.discount]) {
      if (header === undefined) continue;
      const value = typedAmountSql(header, this.typeOf(header));
      if (value !== undefined) this.sql.set(header, value);
    }
  }
  typeOf(header: string): string {
    return this.types[this.headers.indexOf(header)] ?? "VARCHAR";
  }
  /** The SQL of a typed column's parsed value; undefined for a column read as text. */
  value(header: string): string | undefined {
    return this.sql.get(header);
  }
  has(column: number): boolean {
    return this.sql.has(this.headers[column]);
  }
  /** True where the column's cell is blank. */
  blank(header: string): string {
    return rawBlank(header, this.typeOf(header));
  }
}

/**
 * Lookup tables of the dates and money columns (their distinct values, listed already to decide the
 * formats, parsed by the engine's parsers) and of the statuses.
 */
async function readValues(
  db: DuckDbSession,
  headers: string[],
  col: RoleHeaders,
  values: Map<number, DistinctValues>,
  parsing: { dates: DateParseOptions; amounts: AmountParseOptions },
  typed: TypedColumns,
): Promise<void> {
  const parsedLookup = async (name: string, header: string, parse: (raw: string) => number) => {
    if (typed.value(header) !== undefined) return;
    const raws = values.get(headers.indexOf(header))?.raws ?? [];
    await lookupTable(db, name, raws, [name === "ll_dates" ? "INTEGER" : "DOUBLE"], (raw) => {
      const value = parse(raw);
      return [Number.isFinite(value) ? value : null];
    });
  };
  await parsedLookup("ll_dates", col.date, (raw) => parseDay(raw, parsing.dates));
  const money = (raw: string) => parseAmount(raw, parsing.amounts);
  if (col.amount !== undefined) await parsedLookup("ll_amounts", col.amount, money);
  else {
    await parsedLookup("ll_quantities", col.quantity as string, money);
    await parsedLookup("ll_prices", col.price as string, money);
    if (col.discount !== undefined) await parsedLookup("ll_discounts", col.discount, money);
  }
  if (col.status !== undefined) {
    await lookup(db, "ll_statuses", col.status, ["INTEGER"], (raw) => [isCancelledStatus(raw) ? 1 : 0]);
  }
}

/**
 * Up to this many rows the checked rows are a table in DuckDB's memory (768 MB: about 60 bytes a row);
 * beyond, a view over the file, read again by each pass, as a table would be written to disk and read
 * back on every pass.
 */
const MATERIALIZED_ROWS = 10_000_000;

/** What later rules found, marked on the lines by the view ll_rows (rowsView). */
interface LineMarks {
  /** Orders whose later lines repeat the order's total (order-rules-sql.ts's TOTAL_ORDERS). */
  orderTotals?: boolean;
  /** Lines dated after it are marked "dateAfterAsOf". */
  asOf?: number;
  /** Table ll_duplicates lists the exact duplicate lines. */
  duplicates?: boolean;
}

/**
 * The SQL of the checked rows: every row of the file with its parsed id, day, amount and order id, why it
 * is not a line (the first reason in the engine's order: blank row, blank id, test account, order total
 * repeated, member details only, unreadable date, amount not a number, date after the as-of date),
 * whether it is an exact duplicate, and why it is not revenue (`cancel`: 2 a "C" invoice, 1 its status, 0
 * neither). `base` checks each row by itself (ll_checked: a table, or a view over the file when it is
 * large); the rules that need the whole table leave small tables of what they found, and `marked` makes
 * the view ll_rows over ll_checked with them: no pass rewrites 50 million rows.
 */
function rowsView(
  headers: string[],
  col: RoleHeaders,
  orderIds: OrderIds | undefined,
  invoices: boolean,
  typed: TypedColumns,
): { base: string; marked: (marks: LineMarks) => string } {
  const joins = [`LEFT JOIN ll_ids i ON i.raw = ${rawText(col.id)}`];
  // A typed column's value as it is; a text column's by a join to its lookup table (alias.v0).
  const parsed = (header: string, table: string, alias: string) => {
    const value = typed.value(header);
    if (value !== undefined) return value;
    joins.push(`LEFT JOIN ${table} ${alias} ON ${alias}.raw = ${rawText(header)}`);
    return `${alias}.v0`;
  };
  const day = parsed(col.date, "ll_dates", "d");
  let amount: string;
  if (col.amount !== undefined) amount = parsed(col.amount, "ll_amounts", "a");
  else {
    const quantity = parsed(col.quantity as string, "ll_quantities", "q");
    const price = parsed(col.price as string, "ll_prices", "p");
    let discount = "0";
    if (col.discount !== undefined) {
      // A blank discount is none; an unreadable one makes the amount unreadable.
      discount = `CASE WHEN ${typed.blank(col.discount)} THEN 0 ELSE ${parsed(col.discount, "ll_discounts", "dc")} END`;
    }
    amount = lineAmountSql(quantity, price, discount);
  }
  let orderId = "CAST(NULL AS VARCHAR)";
  let cInvoice = "FALSE";
  if (col.order !== undefined) {
    const raw = rawText(col.order);
    // Plain ids are read in SQL; the few others were parsed by the engine (plain-ids.ts, lookups.ts).
    orderId = raw;
    cInvoice = isCancellationInvoiceSql(raw);
    if (orderIds?.parsedInJs) {
      joins.push(`LEFT JOIN ll_order_ids o ON o.raw = ${raw}`);
      orderId = `CASE WHEN o.raw IS NULL THEN ${raw} ELSE o.v0 END`;
      cInvoice = `CASE WHEN o.raw IS NULL THEN ${cInvoice} ELSE o.v1 = ${CANCELLATION_INVOICE_ID} END`;
    }
  }
  if (col.status !== undefined) joins.push(`LEFT JOIN ll_statuses s ON s.raw = ${rawText(col.status)}`);
  const cancelWhen = [
    ...(invoices ? [`WHEN ${cInvoice} THEN ${CANCELLATION_INVOICE_LINE}`] : []),
    ...(col.status !== undefined ? [`WHEN s.v0 = 1 THEN ${CANCELLED_BY_STATUS}`] : []),
  ];
  const cancel = cancelWhen.length > 0 ? `CASE ${cancelWhen.join(" ")} ELSE 0 END` : "0";
  const amountBlank = typed.blank((col.amount ?? col.price) as string);
  const blankRow = headers.map((h) => typed.blank(h)).join(" AND ");
  const base = `SELECT r.rowid AS ll_row, i.v0 AS customer_id, i.v1 AS test_rule, ${day} AS day, ${amount} AS amount,
      ${orderId} AS order_id, ${cancel} AS cancel, ${amountBlank} AS amount_blank,
      CASE
        WHEN i.v0 IS NULL AND ${blankRow} THEN 'blankRow'
        WHEN i.v0 IS NULL THEN 'blankId'
        WHEN i.v1 IS NOT NULL THEN 'testAccount'
        WHEN ${day} IS NULL AND ${typed.blank(col.date)} AND ${amountBlank} THEN 'memberDetailsOnly'
        WHEN ${day} IS NULL THEN 'unparsableDate'
        WHEN ${amount} IS NULL THEN 'nonNumericAmount'
      END AS first_reason
    FROM ll_raw r ${joins.join("\n    ")}`;
  const marked = (marks: LineMarks) => {
    const late = marks.asOf !== undefined && Number.isFinite(marks.asOf);
    const joined = [
      ...(marks.orderTotals ? [`LEFT JOIN ${TOTAL_ORDERS} t ON t.order_id = c.order_id`] : []),
      ...(marks.duplicates ? ["LEFT JOIN ll_duplicates dup ON dup.ll_row = c.ll_row"] : []),
    ];
    // A later line of an order total comes after a blank row, a blank id or a test account, and before
    // the other reasons (the engine's order); a date after the as-of date comes last.
    const reason =
      marks.orderTotals || late
        ? `CASE
        ${marks.orderTotals ? "WHEN c.first_reason IN ('blankRow', 'blankId', 'testAccount') THEN c.first_reason" : ""}
        ${marks.orderTotals ? "WHEN t.first_row IS NOT NULL AND c.ll_row <> t.first_row THEN 'repeatedOrderTotal'" : ""}
        WHEN c.first_reason IS NOT NULL THEN c.first_reason
        ${late ? `WHEN c.day > ${marks.asOf} THEN 'dateAfterAsOf'` : ""}
      END`
        : "c.first_reason";
    return `CREATE OR REPLACE VIEW ll_rows AS
    SELECT c.ll_row, c.customer_id, c.test_rule, c.day, c.amount, c.order_id, c.cancel, c.amount_blank,
      ${reason} AS reason, ${marks.duplicates ? "dup.ll_row IS NOT NULL" : "FALSE"} AS duplicate
    FROM ll_checked c ${joined.join(" ")}`;
  };
  return { base, marked };
}

/** The last day of a line no rule left out (the as-of date when none is given). */
async function lastDayOfLines(db: DuckDbSession): Promise<number> {
  return firstNumber(db, "SELECT MAX(day) FROM ll_rows WHERE reason IS NULL");
}

/**
 * Lists exact duplicate lines (every cell the same, blank cells alike whatever their spaces), the first of
 * equal lines kept, in table ll_duplicates; returns whether there are any. Equal lines have equal ids, days,
 * amounts and order ids: one pass lists the hashes of those shared by several lines (usually none, and the
 * search ends there), and only the lines with such a hash are compared cell by cell.
 */
async function markDuplicates(db: DuckDbSession, headers: string[]): Promise<boolean> {
  const key = "hash(customer_id, day, amount, order_id)";
  await db.run(`CREATE TEMP TABLE ll_shared_keys AS
    SELECT ${key} AS h FROM ll_rows WHERE reason IS NULL GROUP BY h HAVING COUNT(*) > 1`);
  if ((await firstNumber(db, "SELECT COUNT(*) FROM ll_shared_keys")) === 0) return false;
  const cells = headers.map((h) => `CASE WHEN ${rawBlank(h)} THEN NULL ELSE ${rawText(h)} END`).join(", ");
  await db.run(`CREATE TABLE ll_duplicates AS
    SELECT ll_row FROM (
      SELECT c.ll_row, ROW_NUMBER() OVER (PARTITION BY ${cells} ORDER BY c.ll_row) AS k
      FROM (
        SELECT ll_row FROM ll_rows WHERE reason IS NULL AND ${key} IN (SELECT h FROM ll_shared_keys)
      ) c JOIN ll_raw r ON r.rowid = c.ll_row
    ) WHERE k > 1`);
  return (await firstNumber(db, "SELECT COUNT(*) FROM ll_duplicates")) > 0;
}

/** The tables the views ll_rows and ll_lines read (lookups and marks), which stay with them. */
const VIEW_TABLES = [
  "ll_raw",
  "ll_checked",
  "ll_ids",
  "ll_dates",
  "ll_amounts",
  "ll_quantities",
  "ll_prices",
  "ll_discounts",
  "ll_order_ids",
  "ll_statuses",
  TOTAL_ORDERS,
  "ll_duplicates",
  "ll_netted",
];

/** The tables only reading needed: what stays is what the clean lines' view reads, and ll_customers. */
async function dropReadingTables(db: DuckDbSession): Promise<void> {
  const kept = [...VIEW_TABLES, KEPT_CUSTOMERS].map((t) => `'${t}'`).join(", ");
  const tables = await db.columns(
    `SELECT table_name FROM duckdb_tables() WHERE prefix(table_name, 'll_') AND table_name NOT IN (${kept})`,
  );
  for (const name of tables.table_name as string[]) await db.run(`DROP TABLE ${name}`);
}

export async function readOrdersWithDuckDb(
  db: DuckDbSession,
  files: OrderFiles,
  options: DuckDbReadOptions = {},
): Promise<DuckDbOrders> {
  // Each step is marked for the benchmarks' time and peak memory per phase (bench/report-peak.cjs).
  // The marks keep the steps' English words, which the benchmarks look for.
  const say = (step: DuckDbReadStep) => {
    performance.mark(`loyalty:${CLI_TEXTS.en.duckDbSteps[step](files.label)}`);
    options.onProgress?.(step, files.label);
  };
  say("loading");
  const {
    raw: { headers, types },
    rows,
  } = await loadNumbered(db, files);
  const columns = checkColumns(await sampleTable(db, files, headers, rows), options);
  const col = roleHeaders(columns, headers);
  const typed = new TypedColumns(headers, types, col);

  say("deciding");
  const decided = await decideFromValues(db, files, headers, columns, options, rows, typed);
  const { formats } = decided;
  const dates: DateParseOptions = { ...options.dates, dayOrder: formats.dayOrder };
  const amounts: AmountParseOptions = { ...options.amounts, decimalComma: formats.decimalComma };

  say("parsing");
  const judged = await readCustomerIds(db, col.id, FIRST_ROWS, options.testAccounts);
  await readValues(db, headers, col, decided.values, { dates, amounts }, typed);
  const orderIds = col.order !== undefined ? await readOrderIds(db, col.order) : undefined;
  const invoices =
    orderIds !== undefined &&
    cancellationInvoicesUsed(orderIds.cancellationInvoices, orderIds.numericInvoices);

  say("checking");
  const rowsSql = rowsView(headers, col, orderIds, invoices, typed);
  const view = rowsSql.marked;
  // A table while it fits in DuckDB's memory (each pass then reads it, not the file); a view beyond.
  const rowCount = await firstNumber(db, "SELECT COUNT(*) FROM ll_raw");
  const kind = rowCount <= (options.materializedRows ?? MATERIALIZED_ROWS) ? "TABLE" : "VIEW";
  await db.run(`CREATE ${kind} ll_checked AS ${rowsSql.base}`);
  await db.run(view({}));

  say("orders");
  const facts =
    col.order !== undefined
      ? await readOrderFacts(db, "ll_rows", col.amount !== undefined, options.lineAmounts)
      : undefined;
  const orderTotals = facts?.orderTotals ?? false;
  if (orderTotals) await db.run(view({ orderTotals }));

  say("dating");
  const asOf = options.asOf ?? facts?.lastDay ?? (await lastDayOfLines(db));
  await db.run(view({ orderTotals, asOf }));

  say("duplicates");
  const duplicates = await markDuplicates(db, headers);
  await db.run(view({ orderTotals, asOf, duplicates }));
  const keepDuplicates = keepsDuplicates(options, columns);

  say("clean");
  await keepCleanLines(db, keepDuplicates);

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
    rows,
    keepDuplicates,
    orderTotals,
    judged,
    members,
    options,
    tables: {
      cleanLines: CLEAN_LINES,
      netted: "ll_netted",
      firstRows: FIRST_ROWS,
      withoutPurchase: withoutPurchase("first_row"),
    },
  });
  const without = await db.columns(withoutPurchase("customer_id"));
  await dropReadingTables(db);
  return {
    files,
    headers,
    columns,
    asOf,
    quality,
    leftOut: leftOutRoles(columns),
    customersWithoutPurchase: without.customer_id as string[],
    testAccounts: judged.testAccounts,
    formats,
    currency: decided.currency,
    members: members.details,
  };
}
