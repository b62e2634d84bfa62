/**
 * Reading an order table that is too large for memory (or a Parquet file, or a glob of files) with
 * DuckDB, out of core, applying the same rules as the engine's `readOrderTable`
 * (src/engine/data/read-orders.ts) so that every figure is the same as when the file is read in process:
 *
 * - The columns are found by the engine's `detectColumns` on a sample of the first rows.
 * - Ids, dates and amounts are parsed by the ENGINE's parsers (`parseId`, `parseDay`, `parseAmount`) and
 *   test accounts judged by its rules, once per distinct value: DuckDB lists the distinct values, the
 *   engine parses them, and the results go back to DuckDB as lookup tables. So there is one
 *   implementation of what a date or an amount is.
 * - Each row is then counted under the first reason that drops it, in the engine's order (blank row,
 *   blank id, test account, member details only, unreadable date, amount not a number, date after the
 *   as-of date, exact duplicate), with the engine's examples and actions, and the clean lines stay in
 *   DuckDB (table `ll_lines`) for the customer summary or the purchase days.
 *
 * The DuckDB engine reads the customer id, date, amount and order id. A file that also has columns that
 * change the revenue (a unit price, a discount, an order status) is refused with a message pointing to
 * the in-process reader, which applies those rules; member and contact columns are left out and said so.
 */
import { formatDay } from "../../engine/data/days";
import { DataError } from "../../engine/data/errors";
import { explainDate, type DateParseOptions } from "../../engine/data/parse-date";
import { parseDay } from "../../engine/data/parse-date";
import { explainAmount, parseAmount, type AmountParseOptions } from "../../engine/data/parse-amount";
import { parseId } from "../../engine/data/parse-id";
import {
  actionsFor,
  keepsDuplicates,
  readOrderTable,
  type ReadOrdersOptions,
} from "../../engine/data/read-orders";
import {
  DEFAULT_EXAMPLES_PER_REASON,
  QualityCollector,
  type DataQualityReport,
  type QualityReason,
} from "../../engine/data/quality";
import { ROLE_LABELS, type ColumnRole, type DetectedColumns } from "../../engine/data/columns";
import type { CellValue, RawTable } from "../../engine/data/table";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
  numericIdSpace,
  type IdContext,
} from "../../engine/data/test-accounts";
import { UserError } from "../../user-error";
import type { DuckDbSession } from "./session";
import { firstNumber, rawBlank, rawText, rawValue } from "./raw-columns";
import { memberDetailsWithDuckDb, type DuckDbMemberDetails } from "./member-details-duckdb";
import type { MemberDetails } from "../../engine/data/orders";
import { columnNames } from "../../sheet/a1";

/** The member details read like the engine reads them (member-details-duckdb.ts). */
const MEMBER_ROLES = ["birthday", "joinDate", "points", "tier", "name", "phone", "email", "store", "channel"];
import type { OrderFiles } from "./order-files";

export interface DuckDbReadOptions extends Pick<
  ReadOrdersOptions,
  "columns" | "asOf" | "testAccounts" | "duplicates" | "examplesPerReason"
> {
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  /** Called with a line for each step (for a progress line on stderr). */
  onProgress?: (message: string) => void;
}

export interface DuckDbOrders {
  files: OrderFiles;
  headers: string[];
  columns: DetectedColumns;
  asOf: number;
  quality: DataQualityReport;
  /** Roles found in the file that the DuckDB engine leaves out (member and contact details). */
  leftOut: ColumnRole[];
  /** Ids of customers with no purchase line (not test accounts), in table order. */
  customersWithoutPurchase: string[];
  /** Member details of the kept customers, in their order (ll_customers by first row). */
  members: MemberDetails;
}

/**
 * Tables left in the session: ll_lines (customer_id, order_date DATE, day INTEGER, amount DOUBLE,
 * order_id VARCHAR, ll_row BIGINT, purchase BOOLEAN) holds the clean lines, purchases and refunds; ll_customers
 * (customer_id, first_row) every kept customer with the table row where it first appears.
 */
export const CLEAN_LINES = "ll_lines";
export const KEPT_CUSTOMERS = "ll_customers";
/** Every customer id of the file with the row where it first appears. */
const FIRST_ROWS = "ll_first_rows";

/** Roles that change the revenue: the DuckDB engine does not apply their rules, so it refuses them. */
const REVENUE_ROLES: readonly string[] = ["price", "discount", "status"];
/** The roles it reads. */
const READ_ROLES: readonly string[] = ["customerId", "date", "amount", "orderId", ...MEMBER_ROLES];

/** A DuckDB value as the cell a worksheet or CSV reader would give (text, number, or blank). */
function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}

async function sampleTable(db: DuckDbSession, files: OrderFiles, headers: string[]): Promise<RawTable> {
  const sample = await db.columns(
    `SELECT ${headers.map((h, i) => `${rawText(h)} AS c${i}`).join(", ")} FROM ll_raw r WHERE r.rowid < 1000 ORDER BY r.rowid`,
  );
  const columns = Object.values(sample).map((values) => values.map(cellOf));
  return { source: files.label, headers, columns, firstRow: 2, columnLabels: columnNames(headers.length) };
}

/** The engine's column check on the sample: same messages, same detected columns. */
function checkColumns(sample: RawTable, options: DuckDbReadOptions): DetectedColumns {
  try {
    return readOrderTable(sample, {
      columns: options.columns,
      dates: options.dates,
      amounts: options.amounts,
    }).columns;
  } catch (e) {
    if (e instanceof DataError) throw new UserError(e.message, e.fix, e.detail);
    throw e;
  }
}

function roleColumns(columns: DetectedColumns, headers: string[]) {
  const name = (role: ColumnRole) => {
    const index = columns.mapping[role];
    return index === undefined ? undefined : headers[index];
  };
  return {
    id: name("customerId") as string,
    date: name("date") as string,
    amount: name("amount") as string,
    order: name("orderId"),
  };
}

function refuseRevenueRoles(files: OrderFiles, columns: DetectedColumns, headers: string[]): ColumnRole[] {
  const found = (Object.keys(columns.mapping) as ColumnRole[]).filter(
    (r) => columns.mapping[r] !== undefined,
  );
  const revenue = found.filter((r) => REVENUE_ROLES.includes(r));
  if (revenue.length > 0) {
    const list = revenue
      .map((r) => `${ROLE_LABELS[r].en} (${headers[columns.mapping[r] as number]})`)
      .join(", ");
    throw new UserError(
      `${files.label}: the DuckDB engine reads customer, date, amount and order id only, and this file has ` +
        `${list}, which change the revenue; leave out --engine duckdb to read it with every rule`,
    );
  }
  return found.filter((r) => !READ_ROLES.includes(r));
}

/**
 * Lookup table `name`(key, raw VARCHAR, v0, ...) from the distinct values of `column`: key as the file
 * types it (joined with rawValue), raw its text, and the values the engine's parser gives for that text.
 */
async function lookup<T extends (string | number | null)[]>(
  db: DuckDbSession,
  name: string,
  column: string,
  valueTypes: string[],
  parse: (raw: string) => T,
): Promise<void> {
  await db.run(`CREATE TABLE ${name}_keys AS
    SELECT DISTINCT ${rawValue(column)} AS key, ${rawText(column)} AS raw FROM ll_raw r WHERE ${rawValue(column)} IS NOT NULL`);
  const raws = (await db.columns(`SELECT raw FROM ${name}_keys`)).raw as string[];
  const columns = valueTypes.map((_, i) => `v${i}`);
  await db.run(
    `CREATE TABLE ${name}_parsed (raw VARCHAR, ${columns.map((c, i) => `${c} ${valueTypes[i]}`).join(", ")})`,
  );
  await db.append(
    `${name}_parsed`,
    raws.map((raw) => [raw, ...parse(raw)]),
  );
  await db.run(
    `CREATE TABLE ${name} AS SELECT k.key, p.* FROM ${name}_keys k JOIN ${name}_parsed p USING (raw)`,
  );
  await db.run(`DROP TABLE ${name}_keys`);
  await db.run(`DROP TABLE ${name}_parsed`);
}

/**
 * The engine's test-account rules, judged once per id knowing the whole table as the engine knows it
 * (row-values.ts): the numeric id space and each id's share of the lines. Sets ll_ids.v1 to the rule.
 */
async function flagTestAccounts(
  db: DuckDbSession,
  idColumn: string,
  options: DuckDbReadOptions,
): Promise<void> {
  const rules = compileTestAccountRules(options.testAccounts ?? DEFAULT_TEST_ACCOUNT_RULES);
  const counts = await db.columns(`SELECT i.v0 AS id, COUNT(*) AS lines
    FROM ll_raw r JOIN ll_ids i ON i.key = ${rawValue(idColumn)} WHERE i.v0 IS NOT NULL GROUP BY i.v0`);
  const ids = counts.id as string[];
  const lines = counts.lines.map(Number);
  const total = lines.reduce((a, b) => a + b, 0);
  const share = new Map(ids.map((id, k) => [id, total === 0 ? 0 : lines[k] / total]));
  const context: IdContext = {
    isDenseNumeric: numericIdSpace(ids),
    shareOfLines: (id) => share.get(id) ?? 0,
    customers: ids.length,
  };
  const flagged = ids.flatMap((id) => {
    const rule = rules.match(id, context);
    return rule ? [[id, rule.name] as [string, string]] : [];
  });
  await db.run("CREATE TABLE ll_test_accounts (id VARCHAR, rule VARCHAR)");
  await db.append("ll_test_accounts", flagged);
  await db.run("UPDATE ll_ids SET v1 = t.rule FROM ll_test_accounts t WHERE ll_ids.v0 = t.id");
}

/**
 * The clean lines as a table (read by the quality report, the customer summary and the report's
 * orders: computed once), each marked as a purchase or not by the engine's rule (read-orders.ts,
 * netReturns): a refund is not a purchase, nor a line of a day, or of an order, holding a return whose
 * lines sum to ≤ 0. Only days with a return can be netted out, and they are few: their sums are taken
 * over those days' lines alone, not by a window over every line (which sorts the whole table).
 */
function cleanLinesTable(keepDuplicates: boolean): string {
  return `CREATE TABLE ${CLEAN_LINES} AS
    WITH clean AS (
      SELECT customer_id, day, amount, order_id, ll_row FROM ll_rows
      WHERE reason IS NULL ${keepDuplicates ? "" : "AND NOT duplicate"}
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

export async function readOrdersWithDuckDb(
  db: DuckDbSession,
  files: OrderFiles,
  options: DuckDbReadOptions = {},
): Promise<DuckDbOrders> {
  const say = options.onProgress ?? (() => undefined);
  say(`Loading ${files.label} into DuckDB`);
  // A table created from the scan keeps the file's order: its rowid is the data row (0-based).
  await db.run(`CREATE TABLE ll_raw AS SELECT * FROM ${files.fromClause}`);
  const described = await db.columns("DESCRIBE ll_raw");
  const headers = described.column_name as string[];
  const rowsRead = await firstNumber(db, "SELECT COUNT(*) FROM ll_raw");
  const sample = await sampleTable(db, files, headers);
  const columns = checkColumns(sample, options);
  const leftOut = refuseRevenueRoles(files, columns, headers);
  const col = roleColumns(columns, headers);

  say("Reading ids, dates and amounts with the engine's parsers");
  await lookup(db, "ll_ids", col.id, ["VARCHAR", "VARCHAR"], (raw) => {
    const id = parseId(raw);
    return [id === "" ? null : id, null];
  });
  await flagTestAccounts(db, col.id, options);
  await lookup(db, "ll_dates", col.date, ["INTEGER"], (raw) => {
    const day = parseDay(raw, options.dates);
    return [Number.isFinite(day) ? day : null];
  });
  await lookup(db, "ll_amounts", col.amount, ["DOUBLE"], (raw) => {
    const amount = parseAmount(raw, options.amounts);
    return [Number.isNaN(amount) ? null : amount];
  });

  say("Checking every line");
  const blankRow = headers.map(rawBlank).join(" AND ");
  // Every cell, blank cells as NULL whatever their spaces: what "an exact duplicate line" compares.
  const cells = headers.map((h) => `CASE WHEN ${rawBlank(h)} THEN NULL ELSE ${rawText(h)} END`).join(", ");
  // The hash that finds candidate duplicates takes a typed column as it is (equal text, equal value):
  // only text columns are compared as the engine compares cells, without turning numbers into text.
  const typed = new Set(
    headers.filter((_, i) => String(described.column_type[i]).toUpperCase() !== "VARCHAR"),
  );
  const hashed = headers
    .map((h) => (typed.has(h) ? rawValue(h) : `CASE WHEN ${rawBlank(h)} THEN NULL ELSE ${rawText(h)} END`))
    .join(", ");
  await db.run(`CREATE TABLE ll_rows AS
    SELECT r.rowid AS ll_row, i.v0 AS customer_id, i.v1 AS test_rule, d.v0 AS day, a.v0 AS amount,
      ${col.order ? `NULLIF(TRIM(${rawText(col.order)}), '')` : "CAST(NULL AS VARCHAR)"} AS order_id,
      CASE
        WHEN i.v0 IS NULL AND ${blankRow} THEN 'blankRow'
        WHEN i.v0 IS NULL THEN 'blankId'
        WHEN i.v1 IS NOT NULL THEN 'testAccount'
        WHEN d.v0 IS NULL AND ${rawBlank(col.date)} AND ${rawBlank(col.amount)} THEN 'memberDetailsOnly'
        WHEN d.v0 IS NULL THEN 'unparsableDate'
        WHEN a.v0 IS NULL THEN 'nonNumericAmount'
      END AS reason,
      hash(${hashed}) AS cells_hash,
      FALSE AS duplicate
    FROM ll_raw r
    LEFT JOIN ll_ids i ON i.key = ${rawValue(col.id)}
    LEFT JOIN ll_dates d ON d.key = ${rawValue(col.date)}
    LEFT JOIN ll_amounts a ON a.key = ${rawValue(col.amount)}`);
  say("Dating the lines");
  const asOf = options.asOf ?? (await firstNumber(db, "SELECT MAX(day) FROM ll_rows WHERE reason IS NULL"));
  if (Number.isFinite(asOf)) {
    await db.run(`UPDATE ll_rows SET reason = 'dateAfterAsOf' WHERE reason IS NULL AND day > ${asOf}`);
  }
  await db.run(`CREATE TABLE ${FIRST_ROWS} AS
    SELECT customer_id, MIN(ll_row) AS first_row FROM ll_rows WHERE customer_id IS NOT NULL GROUP BY customer_id`);

  say("Finding exact duplicate lines");
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

  say("Keeping the clean lines");
  await db.run(cleanLinesTable(keepDuplicates));
  await db.run(`CREATE TABLE ${KEPT_CUSTOMERS} AS
    SELECT customer_id, first_row FROM ${FIRST_ROWS}
    WHERE customer_id IN (SELECT customer_id FROM ${CLEAN_LINES} WHERE purchase)`);

  say("Reading the member details");
  const members = await memberDetailsWithDuckDb(db, headers, columns, {
    dates: options.dates,
    amounts: options.amounts,
    perReason: options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
    lookup: (name, column, type, parse) => lookup(db, name, column, [type], (raw) => [parse(raw)]),
  });

  say("Counting what was done with which lines");
  const quality = await qualityReport(
    db,
    files,
    headers,
    columns,
    asOf,
    rowsRead,
    keepDuplicates,
    members,
    options,
  );
  const without = await db.columns(withoutPurchase("customer_id"));
  return {
    files,
    headers,
    columns,
    asOf,
    quality,
    leftOut,
    customersWithoutPurchase: without.customer_id as string[],
    members: members.details,
  };
}

/** The data-quality report: counts by SQL, the first examples of each reason with the engine's notes. */
async function qualityReport(
  db: DuckDbSession,
  files: OrderFiles,
  headers: string[],
  columns: DetectedColumns,
  asOf: number,
  rowsRead: number,
  keepDuplicates: boolean,
  members: DuckDbMemberDetails,
  options: DuckDbReadOptions,
): Promise<DataQualityReport> {
  const perReason = options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON;
  // A sparse table: only the example rows' cells are filled, which is all the collector reads.
  const table: RawTable = {
    source: files.label,
    ...(files.single ? { place: { file: files.label } } : {}),
    headers,
    columns: headers.map(() => []),
    firstRow: 2,
    // The file as a spreadsheet shows it: messages name columns by letter.
    columnLabels: columnNames(headers.length),
  };
  const collector = new QualityCollector(table, actionsFor(options, keepDuplicates), perReason);
  const index = (role: ColumnRole) => columns.mapping[role] as number;
  const reasonColumn: Record<string, number> = {
    blankRow: index("customerId"),
    blankId: index("customerId"),
    testAccount: index("customerId"),
    memberDetailsOnly: index("customerId"),
    unparsableDate: index("date"),
    nonNumericAmount: index("amount"),
    dateAfterAsOf: index("date"),
    duplicateLine: index("customerId"),
    zeroAmount: index("amount"),
    refund: index("amount"),
    nettedOut: index("amount"),
    noPurchase: index("customerId"),
  };
  // Rows screened in table order keep their first examples by row; duplicates, zero amounts and refunds
  // are met in the engine's sorted order (customer by first appearance, then day, then row).
  const kept = keepDuplicates ? "TRUE" : "NOT c.duplicate";
  const groups: { reason: QualityReason; where: string; amount?: boolean; sorted?: boolean }[] = [
    ...(
      [
        "blankRow",
        "blankId",
        "testAccount",
        "memberDetailsOnly",
        "unparsableDate",
        "nonNumericAmount",
      ] as const
    ).map((reason) => ({ reason, where: `c.reason = '${reason}'` })),
    { reason: "dateAfterAsOf", where: "c.reason = 'dateAfterAsOf'", amount: true },
    { reason: "duplicateLine", where: "c.duplicate", amount: true, sorted: true },
    { reason: "zeroAmount", where: `c.reason IS NULL AND c.amount = 0 AND ${kept}`, sorted: true },
    { reason: "refund", where: `c.reason IS NULL AND c.amount < 0 AND ${kept}`, amount: true, sorted: true },
    {
      reason: "nettedOut",
      where: `c.ll_row IN (SELECT ll_row FROM ${CLEAN_LINES} WHERE amount >= 0 AND NOT purchase)`,
      amount: true,
      sorted: true,
    },
  ];
  // Every count and sum in one pass over the lines.
  const totals = await db.columns(
    `SELECT ${groups
      .map(
        (g, k) =>
          `COUNT(*) FILTER (WHERE ${g.where}) AS n${k}, SUM(c.amount) FILTER (WHERE ${g.where}) AS s${k}`,
      )
      .join(", ")}, COUNT(*) FILTER (WHERE c.reason IS NULL AND c.amount >= 0 AND ${kept}) AS purchase_lines
     FROM ll_rows c`,
  );
  for (const [k, g] of groups.entries()) {
    const n = Number(totals[`n${k}`][0]);
    if (n === 0) continue;
    const column = reasonColumn[g.reason];
    const order = g.sorted ? "first_row, day, ll_row" : "ll_row";
    // The examples are chosen first, then their cells fetched: joining every line to the file costs a pass.
    const examples = await db.columns(`SELECT e.ll_row, e.test_rule, ${rawText(headers[column])} AS cell
      FROM (
        SELECT c.ll_row, c.test_rule, f.first_row, c.day
        FROM ll_rows c LEFT JOIN ${FIRST_ROWS} f USING (customer_id)
        WHERE ${g.where} ORDER BY ${order} LIMIT ${perReason}
      ) e JOIN ll_raw r ON r.rowid = e.ll_row ORDER BY ${order.replace(/(\w+)/g, "e.$1")}`);
    const rows = examples.ll_row.map(Number);
    rows.forEach((row, e) => {
      const cell = cellOf(examples.cell[e]);
      table.columns[column][row] = cell;
      const note = noteOf(g.reason, cell, examples.test_rule[e] as string | null, asOf, options);
      collector.add(g.reason, column, row, note);
    });
    const total = g.amount ? Number(totals[`s${k}`][0] ?? 0) : undefined;
    // The examples were added one by one (without their amounts): the rest of the count and the whole sum.
    collector.addCount(g.reason, n - rows.length, total);
  }
  for (const bad of members.badExamples) {
    table.columns[bad.column][bad.row] = bad.cell;
    collector.add("badMemberDetail", bad.column, bad.row, () => bad.note);
  }
  collector.addCount("badMemberDetail", members.badCount - members.badExamples.length);
  const purchaseLines = await firstNumber(db, `SELECT COUNT(*) FROM ${CLEAN_LINES} WHERE purchase`);
  const noPurchase = await db.columns(withoutPurchase("first_row"));
  const firstRows = noPurchase.first_row.map(Number);
  const idColumn = index("customerId");
  if (firstRows.length > 0) {
    const cells = await db.columns(
      `SELECT r.rowid AS ll_row, ${rawText(headers[idColumn])} AS cell FROM ll_raw r
       WHERE r.rowid IN (${firstRows.slice(0, perReason).join(", ")}) ORDER BY r.rowid`,
    );
    cells.ll_row.forEach((row, k) => {
      table.columns[idColumn][Number(row)] = cellOf(cells.cell[k]);
    });
    firstRows.forEach((row, k) => {
      if (k < perReason) collector.add("noPurchase", idColumn, row);
    });
    collector.addCount("noPurchase", firstRows.length - Math.min(perReason, firstRows.length));
  }
  return collector.report(rowsRead, purchaseLines);
}

function noteOf(
  reason: QualityReason,
  cell: CellValue,
  testRule: string | null,
  asOf: number,
  options: DuckDbReadOptions,
): (() => string) | undefined {
  switch (reason) {
    case "testAccount":
      return () => `rule: ${testRule}`;
    case "unparsableDate":
      return () => explainDate(cell, options.dates);
    case "nonNumericAmount":
      return () => explainAmount(cell, options.amounts);
    case "dateAfterAsOf":
      return () => `after ${formatDay(asOf)}`;
    case "nettedOut":
      return () => "a return of the same order or day nets it to ≤ 0";
    default:
      return undefined;
  }
}
