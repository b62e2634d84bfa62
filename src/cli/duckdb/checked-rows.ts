/**
 * The checked rows of an order file read with DuckDB (read-orders-duckdb.ts): every row of the file with
 * its customer's NUMBER (lookups.ts's readCustomerIds: 0, 1, 2 ... in order of first appearance), its
 * parsed day, amount and order id, why it is not a line (the first reason in the engine's order: blank
 * row, blank id, test account, member details only, unreadable date, amount not a number) and why it is
 * not revenue (`cancel`: 2 a "C" invoice, 1 its status, 0 neither).
 *
 * They are checked ONCE, in one pass over the file, into table ll_checked: in DuckDB's memory for a small
 * file, else in a DuckDB file in the session's temporary folder, where DuckDB compresses it (about 11 bytes
 * a row, 50 million lines in some 540 MB, where its memory would take four times that and spill it
 * uncompressed), and every later pass reads that table, not the file, with no join to the ids. The rules
 * that need the whole table (order totals repeated per line, the as-of date, exact duplicates) leave small
 * tables of what they found, and the view ll_rows marks the lines with them: no pass rewrites the lines.
 */
import {
  CANCELLATION_INVOICE_ID,
  CANCELLATION_INVOICE_LINE,
  CANCELLED_BY_STATUS,
} from "../../engine/data/cancellations";
import type { DetectedColumns, ColumnRole } from "../../engine/data/columns";
import { lineAmountSql } from "../../sql/line-rules";
import type { DuckDbSession } from "./session";
import { rawBlank, rawText, typedAmountSql, typedDaySql } from "./raw-columns";
import type { OrderIds } from "./lookups";
import { isCancellationInvoiceSql } from "./plain-ids";
import { TOTAL_ORDERS } from "./order-rules-sql";
import { temporaryFolder } from "./raw-table";

/** Every row of the file, checked and marked (a view over ll_checked): its ll_row numbers them 0, 1, 2 ... */
export const CHECKED_ROWS = "ll_rows";

/** The header of each role's column (undefined when the file has none). */
export function roleHeaders(columns: DetectedColumns, headers: string[]) {
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

export type RoleHeaders = ReturnType<typeof roleHeaders>;

/**
 * The file's typed columns (a Parquet file's DATE, TIMESTAMP and numeric columns) among the date and
 * money columns, each with the SQL of its parsed value (raw-columns.ts): used as they are, without a
 * pass to list their values as text, a lookup table or a join on every line. Numbers and dates do not
 * vote on the date order or the decimal separator, as in a worksheet.
 */
export class TypedColumns {
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

/** The SQL of a row's parsed values, and the joins to the lookup tables they need. */
interface RowValues {
  day: string;
  amount: string;
  orderId: string;
  cInvoice: string;
  joins: string[];
}

/** The day and the amount (or quantity × unit price − discount): a typed column as it is, text by its lookup. */
function parsedValues(
  col: RoleHeaders,
  typed: TypedColumns,
  joins: string[],
): { day: string; amount: string } {
  // A typed column's value as it is; a text column's by a join to its lookup table (alias.v0).
  const parsed = (header: string, table: string, alias: string) => {
    const value = typed.value(header);
    if (value !== undefined) return value;
    joins.push(`LEFT JOIN ${table} ${alias} ON ${alias}.raw = ${rawText(header)}`);
    return `${alias}.v0`;
  };
  const day = parsed(col.date, "ll_dates", "d");
  if (col.amount !== undefined) return { day, amount: parsed(col.amount, "ll_amounts", "a") };
  const quantity = parsed(col.quantity as string, "ll_quantities", "q");
  const price = parsed(col.price as string, "ll_prices", "p");
  let discount = "0";
  if (col.discount !== undefined) {
    // A blank discount is none; an unreadable one makes the amount unreadable.
    discount = `CASE WHEN ${typed.blank(col.discount)} THEN 0 ELSE ${parsed(col.discount, "ll_discounts", "dc")} END`;
  }
  return { day, amount: lineAmountSql(quantity, price, discount) };
}

/** The order id and whether it is a "C" invoice: plain ids read in SQL, the few others parsed by the engine. */
function orderIdValues(col: RoleHeaders, orderIds: OrderIds | undefined, joins: string[]) {
  if (col.order === undefined) return { orderId: "CAST(NULL AS VARCHAR)", cInvoice: "FALSE" };
  const raw = rawText(col.order);
  if (!orderIds?.parsedInJs) return { orderId: raw, cInvoice: isCancellationInvoiceSql(raw) };
  joins.push(`LEFT JOIN ll_order_ids o ON o.raw = ${raw}`);
  return {
    orderId: `CASE WHEN o.raw IS NULL THEN ${raw} ELSE o.v0 END`,
    cInvoice: `CASE WHEN o.raw IS NULL THEN ${isCancellationInvoiceSql(raw)} ELSE o.v1 = ${CANCELLATION_INVOICE_ID} END`,
  };
}

function rowValues(col: RoleHeaders, orderIds: OrderIds | undefined, typed: TypedColumns): RowValues {
  const joins = [`LEFT JOIN ll_ids i ON i.raw = ${rawText(col.id)}`];
  const { day, amount } = parsedValues(col, typed, joins);
  const { orderId, cInvoice } = orderIdValues(col, orderIds, joins);
  if (col.status !== undefined) joins.push(`LEFT JOIN ll_statuses s ON s.raw = ${rawText(col.status)}`);
  return { day, amount, orderId, cInvoice, joins };
}

/**
 * The SQL of the checked rows (each row by itself): ll_row, customer (its number, NULL without an id),
 * day, amount, order_id, cancel, amount_blank and first_reason.
 */
export function checkedRowsSql(
  headers: string[],
  col: RoleHeaders,
  orderIds: OrderIds | undefined,
  invoices: boolean,
  typed: TypedColumns,
): string {
  const { day, amount, orderId, cInvoice, joins } = rowValues(col, orderIds, typed);
  const cancelWhen = [
    ...(invoices ? [`WHEN ${cInvoice} THEN ${CANCELLATION_INVOICE_LINE}`] : []),
    ...(col.status !== undefined ? [`WHEN s.v0 = 1 THEN ${CANCELLED_BY_STATUS}`] : []),
  ];
  const cancel = cancelWhen.length > 0 ? `CASE ${cancelWhen.join(" ")} ELSE 0 END` : "0";
  const amountBlank = typed.blank((col.amount ?? col.price) as string);
  const blankRow = headers.map((h) => typed.blank(h)).join(" AND ");
  return `SELECT r.rowid AS ll_row, i.v0 AS customer, ${day} AS day, ${amount} AS amount,
      ${orderId} AS order_id, CAST(${cancel} AS UTINYINT) AS cancel, ${amountBlank} AS amount_blank,
      CASE
        WHEN i.v0 IS NULL AND ${blankRow} THEN 'blankRow'
        WHEN i.v0 IS NULL THEN 'blankId'
        WHEN i.v1 IS NOT NULL THEN 'testAccount'
        WHEN ${day} IS NULL AND ${typed.blank(col.date)} AND ${amountBlank} THEN 'memberDetailsOnly'
        WHEN ${day} IS NULL THEN 'unparsableDate'
        WHEN ${amount} IS NULL THEN 'nonNumericAmount'
      END AS first_reason
    FROM ll_raw r ${joins.join("\n    ")}`;
}

/**
 * Up to this many rows the checked rows are a table in DuckDB's memory (about 45 bytes a row); beyond,
 * a compressed table in a DuckDB file in the session's temporary folder.
 */
const IN_MEMORY_ROWS = 1_000_000;

/** The attached database file holding a large file's checked rows. */
const ON_DISK = "ll_disk";

/**
 * Creates table ll_checked from `sql` (in memory up to `inMemoryRows` rows, else compressed on disk,
 * where the session has a temporary folder); returns its qualified name.
 */
export async function createCheckedTable(
  db: DuckDbSession,
  sql: string,
  rowCount: number,
  inMemoryRows = IN_MEMORY_ROWS,
): Promise<string> {
  const folder = rowCount > inMemoryRows ? await temporaryFolder(db) : undefined;
  let name = "ll_checked";
  if (folder !== undefined) {
    const file = `${folder}/ll_checked.duckdb`.replace(/'/g, "''");
    await db.run(`ATTACH IF NOT EXISTS '${file}' AS ${ON_DISK}`);
    name = `${ON_DISK}.ll_checked`;
  }
  await db.run(`CREATE OR REPLACE TABLE ${name} AS ${sql}`);
  return name;
}

/** What later rules found, marked on the lines by the view ll_rows. */
export interface LineMarks {
  /** Orders whose later lines repeat the order's total (order-rules-sql.ts's TOTAL_ORDERS). */
  orderTotals?: boolean;
  /** Lines dated after it are marked "dateAfterAsOf". */
  asOf?: number;
  /** Table ll_duplicates lists the exact duplicate lines. */
  duplicates?: boolean;
}

/** The line's reason with the marks: an order total's later line, a date after the as-of date. */
function markedReason(marks: LineMarks): string {
  const late = marks.asOf !== undefined && Number.isFinite(marks.asOf);
  if (!marks.orderTotals && !late) return "c.first_reason";
  // A later line of an order total comes after a blank row, a blank id or a test account, and before
  // the other reasons (the engine's order); a date after the as-of date comes last.
  const totals = marks.orderTotals
    ? `WHEN c.first_reason IN ('blankRow', 'blankId', 'testAccount') THEN c.first_reason
        WHEN t.first_row IS NOT NULL AND c.ll_row <> t.first_row THEN 'repeatedOrderTotal'`
    : "";
  return `CASE ${totals}
        WHEN c.first_reason IS NOT NULL THEN c.first_reason
        ${late ? `WHEN c.day > ${marks.asOf} THEN 'dateAfterAsOf'` : ""}
      END`;
}

/**
 * (Re)creates the view ll_rows over the checked table `checked`: ll_row, customer, day, amount, order_id,
 * cancel, amount_blank, reason (the first reason, with the marks) and duplicate.
 */
export async function markRows(db: DuckDbSession, checked: string, marks: LineMarks): Promise<void> {
  const joined = [
    ...(marks.orderTotals ? [`LEFT JOIN ${TOTAL_ORDERS} t ON t.order_id = c.order_id`] : []),
    ...(marks.duplicates ? ["LEFT JOIN ll_duplicates dup ON dup.ll_row = c.ll_row"] : []),
  ];
  await db.run(`CREATE OR REPLACE VIEW ${CHECKED_ROWS} AS
    SELECT c.ll_row, c.customer, c.day, c.amount, c.order_id, c.cancel, c.amount_blank,
      ${markedReason(marks)} AS reason, ${marks.duplicates ? "dup.ll_row IS NOT NULL" : "FALSE"} AS duplicate
    FROM ${checked} c ${joined.join(" ")}`);
}
