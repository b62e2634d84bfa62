/**
 * The engine's parsers and judgements applied once per distinct value of a column that DuckDB holds: DuckDB
 * lists the distinct values, the engine parses or judges them, and the results go back to DuckDB as lookup
 * tables (raw VARCHAR, v0, v1 ...), so there is one implementation of what an id, a date, an amount, a
 * cancelled status or a test account is.
 */
import { isLongId, type TestAccountFound } from "../../engine/data/read-orders";
import type { CellValue } from "../../engine/data/table";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
  numericIdSpace,
  type IdContext,
  type TestAccountRule,
} from "../../engine/data/test-accounts";
import { parseId } from "../../engine/data/parse-id";
import { CANCELLATION_INVOICE_ID, invoiceKind, NUMERIC_INVOICE_ID } from "../../engine/data/cancellations";
import type { DuckDbSession } from "./session";
import { firstNumber, quoted, rawText } from "./raw-columns";
import { isCancellationInvoiceSql, isNumericInvoiceSql, plainIdSql } from "./plain-ids";

/** A DuckDB value as the cell a worksheet or CSV reader would give (text, number, or blank). */
export function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}

/** The distinct non-null values of a column as text, in order of first appearance, with where and how often. */
export interface DistinctValues {
  raws: string[];
  /** The data row (0-based) where each first appears. */
  firstRows: number[];
  /** Rows holding each. */
  counts: number[];
}

export async function distinctValues(db: DuckDbSession, column: string): Promise<DistinctValues> {
  const result = await db.columns(
    `SELECT ${rawText(column)} AS raw, MIN(r.rowid) AS first_row, COUNT(*) AS n FROM ll_raw r
     WHERE r.${quoted(column)} IS NOT NULL GROUP BY raw ORDER BY first_row`,
  );
  return {
    raws: result.raw as string[],
    firstRows: result.first_row.map(Number),
    counts: result.n.map(Number),
  };
}

/** Lookup table `name`(raw VARCHAR, v0, v1 ...) of `raws`, each parsed in JavaScript by `parse`. */
export async function lookupTable(
  db: DuckDbSession,
  name: string,
  raws: readonly string[],
  valueTypes: readonly string[],
  parse: (raw: string) => (string | number | null)[],
): Promise<void> {
  const columns = valueTypes.map((type, i) => `v${i} ${type}`);
  await db.run(`CREATE TABLE ${name} (raw VARCHAR, ${columns.join(", ")})`);
  await appendInChunks(db, name, raws.length, (k) => [raws[k], ...parse(raws[k])]);
}

/** Rows appended at a time: a million ids' rows made at once would hold hundreds of MB of JavaScript arrays. */
const APPEND_CHUNK = 65_536;

/** Appends rows 0 .. count−1 made by `row`, a chunk at a time. */
async function appendInChunks(
  db: DuckDbSession,
  table: string,
  count: number,
  row: (k: number) => (string | number | null)[],
): Promise<void> {
  for (let from = 0; from < count; from += APPEND_CHUNK) {
    const rows: (string | number | null)[][] = [];
    for (let k = from; k < Math.min(count, from + APPEND_CHUNK); k++) rows.push(row(k));
    await db.append(table, rows);
  }
}

/** The same, of the distinct values of `column` (in no particular order). */
export async function lookup(
  db: DuckDbSession,
  name: string,
  column: string,
  valueTypes: readonly string[],
  parse: (raw: string) => (string | number | null)[],
): Promise<void> {
  const distinct = await db.columns(
    `SELECT DISTINCT ${rawText(column)} AS raw FROM ll_raw r WHERE r.${quoted(column)} IS NOT NULL`,
  );
  await lookupTable(db, name, distinct.raw as string[], valueTypes, parse);
}

/** What the test-account rules and the long-id check found among the customers, in table order. */
export interface JudgedCustomers {
  testAccounts: TestAccountFound[];
  /** Customers (not test accounts) whose id is too long to be a member number: first row and length. */
  longIds: { row: number; length: number }[];
}

/**
 * Reads the customer ids in one pass over the file, and numbers them in SQL: each distinct cell with its
 * lines and first row; the cells that are plain ids (plain-ids.ts: parseId returns them as they are) are
 * their id, the few others are parsed by the engine's parseId; the cells of one id are merged, and each id
 * is NUMBERED in order of first appearance (0, 1, 2 ...): the lines carry that number, not the text, so
 * that every later pass groups and joins small integers and the customers' order is the number's. Then the
 * engine's test-account rules judge each id knowing the whole table as the engine knows it
 * (row-values.ts): the numeric id space and each id's share of the lines. Only the ids cross into
 * JavaScript, once each, with two numbers beside them: a million ids' cells, counts and rows made as
 * JavaScript objects stayed in memory (as garbage) through the next passes. Leaves lookup table ll_ids
 * (raw, v0 the id's number, v1 the test-account rule) and table `firstRows` (customer, customer_id,
 * first_row, test_rule, lines: the rows holding it) of every id.
 */
export async function readCustomerIds(
  db: DuckDbSession,
  idColumn: string,
  firstRows: string,
  testAccounts: readonly TestAccountRule[] = DEFAULT_TEST_ACCOUNT_RULES,
): Promise<JudgedCustomers> {
  await db.run(`CREATE TEMP TABLE ll_id_cells AS
    SELECT raw, n, first_row, ${plainIdSql("raw")} AS plain FROM (
      SELECT ${rawText(idColumn)} AS raw, COUNT(*) AS n, MIN(r.rowid) AS first_row
      FROM ll_raw r WHERE r.${quoted(idColumn)} IS NOT NULL GROUP BY raw
    )`);
  const others = await db.columns("SELECT raw FROM ll_id_cells WHERE NOT plain");
  await lookupTable(db, "ll_parsed_ids", others.raw as string[], ["VARCHAR"], (raw) => [
    parseId(raw) || null,
  ]);
  // Each cell's id: a plain cell's is its text, another's the engine's (NULL when it holds no id).
  await db.run(`CREATE TEMP TABLE ll_cell_ids AS
    SELECT c.raw, CASE WHEN c.plain THEN c.raw ELSE p.v0 END AS id, c.n, c.first_row
    FROM ll_id_cells c LEFT JOIN ll_parsed_ids p ON NOT c.plain AND p.raw = c.raw`);
  // Every row has one cell: first rows differ between ids, so the numbering is the table's order.
  await db.run(`CREATE TEMP TABLE ll_id_numbers AS
    SELECT id, lines, first_row, CAST(ROW_NUMBER() OVER (ORDER BY first_row) - 1 AS INTEGER) AS customer
    FROM (
      SELECT id, SUM(n) AS lines, MIN(first_row) AS first_row FROM ll_cell_ids WHERE id IS NOT NULL GROUP BY id
    )`);
  const ids = await idsInOrder(db);
  const judged = judgeCustomers(ids, testAccounts);
  const ruleOf = new Map(judged.testAccounts.map((t) => [t.id, t.rule]));
  await lookupTable(db, "ll_test_ids", [...ruleOf.keys()], ["VARCHAR"], (id) => [ruleOf.get(id) ?? null]);
  await db.run(`CREATE TABLE ll_ids AS
    SELECT c.raw, n.customer AS v0, t.v0 AS v1
    FROM ll_cell_ids c JOIN ll_id_numbers n USING (id) LEFT JOIN ll_test_ids t ON t.raw = c.id`);
  await db.run(`CREATE TABLE ${firstRows} AS
    SELECT n.customer, n.id AS customer_id, n.first_row, t.v0 AS test_rule, n.lines
    FROM ll_id_numbers n LEFT JOIN ll_test_ids t ON t.raw = n.id ORDER BY n.customer`);
  for (const table of ["ll_id_cells", "ll_parsed_ids", "ll_cell_ids", "ll_id_numbers", "ll_test_ids"]) {
    await db.run(`DROP TABLE ${table}`);
  }
  return judged;
}

/** The customer ids in order of first appearance, each with its lines and first row. */
interface NumberedIds {
  ids: string[];
  lines: Float64Array;
  firstRows: Float64Array;
}

async function idsInOrder(db: DuckDbSession): Promise<NumberedIds> {
  const count = await firstNumber(db, "SELECT COUNT(*) FROM ll_id_numbers");
  const numbered: NumberedIds = {
    ids: new Array<string>(count),
    lines: new Float64Array(count),
    firstRows: new Float64Array(count),
  };
  let at = 0;
  // Counts and rows as DOUBLE: plain JavaScript numbers, not a million BigInts.
  await db.stream(
    `SELECT id, CAST(lines AS DOUBLE), CAST(first_row AS DOUBLE) FROM ll_id_numbers ORDER BY customer`,
    ([ids, lines, rows], n) => {
      for (let k = 0; k < n; k++, at++) {
        numbered.ids[at] = ids[k] as string;
        numbered.lines[at] = lines[k] as number;
        numbered.firstRows[at] = rows[k] as number;
      }
    },
  );
  return numbered;
}

/** The engine's test-account rules and long-id check on every id (in table order). */
function judgeCustomers(
  { ids, lines, firstRows }: NumberedIds,
  testAccounts: readonly TestAccountRule[],
): JudgedCustomers {
  const rules = compileTestAccountRules(testAccounts);
  const total = lines.reduce((sum, n) => sum + n, 0);
  // The rules ask for the share of the id they judge, which is the k-th.
  let k = 0;
  const context: IdContext = {
    isDenseNumeric: numericIdSpace(ids),
    shareOfLines: (id) => (total === 0 || id !== ids[k] ? 0 : lines[k] / total),
    customers: ids.length,
  };
  const judged: JudgedCustomers = { testAccounts: [], longIds: [] };
  for (; k < ids.length; k++) {
    const id = ids[k];
    const rule = rules.match(id, context);
    if (rule) judged.testAccounts.push({ id, rule: rule.name, ruleZh: rule.nameZh, lines: lines[k] });
    else if (isLongId(id)) judged.longIds.push({ row: firstRows[k], length: id.length });
  }
  return judged;
}

/** How the order ids were read: the lines of each invoice kind, and whether some ids needed the engine. */
export interface OrderIds {
  /** Lines whose order id is a "C" invoice, and lines whose id is numeric (as the engine's invoiceKind). */
  cancellationInvoices: number;
  numericInvoices: number;
  /** Lookup table ll_order_ids (raw, v0 the id, v1 its invoiceKind) holds the ids that are not plain. */
  parsedInJs: boolean;
}

/**
 * Reads the order ids in one pass: plain ids (plain-ids.ts) are counted by kind in SQL, the others listed
 * once each and parsed by the engine into lookup table ll_order_ids (raw, v0, v1 invoiceKind).
 */
export async function readOrderIds(db: DuckDbSession, orderColumn: string): Promise<OrderIds> {
  const counts = await db.columns(`SELECT CASE WHEN plain THEN NULL ELSE id END AS raw,
      COUNT(*) FILTER (WHERE plain AND ${isCancellationInvoiceSql("id")}) AS with_c,
      COUNT(*) FILTER (WHERE plain AND ${isNumericInvoiceSql("id")}) AS numeric, COUNT(*) AS n
    FROM (
      SELECT id, ${plainIdSql("id")} AS plain
      FROM (SELECT ${rawText(orderColumn)} AS id FROM ll_raw r WHERE r.${quoted(orderColumn)} IS NOT NULL)
    ) GROUP BY 1`);
  const ids: OrderIds = { cancellationInvoices: 0, numericInvoices: 0, parsedInJs: false };
  const others: string[] = [];
  (counts.raw as (string | null)[]).forEach((text, k) => {
    if (text === null) {
      ids.cancellationInvoices += Number(counts.with_c[k]);
      ids.numericInvoices += Number(counts.numeric[k]);
      return;
    }
    others.push(text);
    const kind = invoiceKind(text);
    if (kind === CANCELLATION_INVOICE_ID) ids.cancellationInvoices += Number(counts.n[k]);
    else if (kind === NUMERIC_INVOICE_ID) ids.numericInvoices += Number(counts.n[k]);
  });
  ids.parsedInJs = others.length > 0;
  await lookupTable(db, "ll_order_ids", others, ["VARCHAR", "INTEGER"], (text) => {
    const id = parseId(text);
    return [id === "" ? null : id, invoiceKind(text)];
  });
  return ids;
}
