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
 *   for the customer summary or the purchase days. The rows are checked once, into a compact table of
 *   numbers that every later pass reads instead of the file (checked-rows.ts); the rules that need the
 *   whole table leave small tables (order-rules-sql.ts, clean-lines.ts).
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
  checkAmountColumn,
  detectColumns,
  requireColumns,
  type ColumnRole,
  type DetectedColumns,
} from "../../engine/data/columns";
import { cancellationInvoicesUsed, isCancelledStatus } from "../../engine/data/cancellations";
import { currencyColumnOf, detectCurrencyOf, type CurrencyDetection } from "../../engine/data/currency";
import { DEFAULT_EXAMPLES_PER_REASON } from "../../engine/data/quality";
import type { CellValue, RawTable } from "../../engine/data/table";
import type { MemberDetails } from "../../engine/data/orders";
import { columnNames } from "../../sheet/a1";
import { UserError } from "../../user-error";
import type { DuckDbSession } from "./session";
import { firstNumber, rawText } from "./raw-columns";
import { memberDetailsWithDuckDb } from "./member-details-duckdb";
import {
  cellOf,
  distinctValues,
  lookup,
  lookupTable,
  readCustomerIds,
  readOrderIds,
  type DistinctValues,
  type JudgedCustomers,
} from "./lookups";
import { readOrderFacts, TOTAL_ORDERS } from "./order-rules-sql";
import {
  checkedRowsSql,
  createCheckedTable,
  markRows,
  roleHeaders,
  TypedColumns,
  CHECKED_ROWS,
  type RoleHeaders,
} from "./checked-rows";
import {
  FIRST_ROWS,
  KEPT_CUSTOMERS,
  NETTED,
  keepCleanLines,
  markDuplicates,
  withoutPurchase,
} from "./clean-lines";
import { qualityReport } from "./quality-duckdb";
import { globFileNames, type GlobPart, type OrderFiles } from "./order-files";
import { loadRaw, type RawRelation } from "./raw-table";
import { findEmptyRecords, RowNumbers, type DataLines, type DuckDbRowNumbers } from "./row-numbers";
import { GlobRowNumbers } from "./glob-row-numbers";
import { parquetBlankEdges } from "./parquet-blank-rows";

/** The member details read like the engine reads them (member-details-duckdb.ts). */
const MEMBER_ROLES = ["birthday", "joinDate", "points", "tier", "name", "phone", "email", "store", "channel"];

export interface DuckDbReadOptions extends Pick<
  ReadOrdersOptions,
  "columns" | "asOf" | "testAccounts" | "duplicates" | "examplesPerReason" | "lineAmounts"
> {
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  /** Rows up to which the checked rows are a table in DuckDB's memory, beyond on disk (checked-rows.ts; tests try both). */
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
 * Tables left in the session (clean-lines.ts): ll_lines (customer INTEGER, order_date DATE, day INTEGER,
 * amount DOUBLE, order_id VARCHAR, ll_row BIGINT, purchase BOOLEAN) holds the clean lines, purchases and
 * refunds; ll_customers (customer, customer_id, first_row) every kept customer, `customer` numbering the
 * file's customers in order of first appearance (so ORDER BY customer is that order).
 */
export { CLEAN_LINES, KEPT_CUSTOMERS } from "./clean-lines";

/**
 * Roles whose columns the reader uses (others are left out and said so). Quantity, unit price and discount
 * make the amount when there is no amount column; beside one, the in-process reader uses none of them
 * either, so they are not said to be left out.
 */
const USED_ROLES: readonly string[] = [
  ...["customerId", "date", "amount", "orderId", "status", "quantity", "price", "discount"],
  ...MEMBER_ROLES,
];

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
 * them; row-numbers.ts); a Parquet file's blank rows above its first filled row and below its last are
 * no rows of its table (parquet-blank-rows.ts), as a text file's.
 */
async function loadNumbered(
  db: DuckDbSession,
  files: OrderFiles,
): Promise<{ raw: RawRelation; rows: DuckDbRowNumbers }> {
  if (files.format === "parquet") return loadParquetNumbered(db, files);
  if (files.single) {
    const [raw, rows] = await Promise.all([loadRaw(db, files), fileRowNumbers(files.firstRow, files.lines)]);
    return { raw, rows };
  }
  const [raw, numbers] = await Promise.all([
    loadRaw(db, files),
    Promise.all((files.parts ?? []).map((p) => fileRowNumbers(p.firstRow, p.lines))),
  ]);
  const read = raw.files ?? [];
  const rows = new GlobRowNumbers(
    read.map((f) => {
      // Each text file's part, found by the file DuckDB read.
      const at = files.parts?.findIndex((p) => p.readFrom === f.file) ?? -1;
      return at < 0
        ? { name: f.file, rows: f.rows, numbers: new RowNumbers(files.firstRow - 1, files.firstRow) }
        : { name: (files.parts as GlobPart[])[at].name, rows: f.rows, numbers: numbers[at] };
    }),
  );
  return { raw, rows };
}

/** ll_raw over Parquet files, each file's rows below its header, its blank edges left out. */
async function loadParquetNumbered(
  db: DuckDbSession,
  files: OrderFiles,
): Promise<{ raw: RawRelation; rows: DuckDbRowNumbers }> {
  const raw = await loadRaw(db, files);
  const read = raw.files ?? [
    { file: files.pattern, rows: await firstNumber(db, "SELECT COUNT(*) FROM ll_raw") },
  ];
  const edges = await parquetBlankEdges(db, read, raw.headers, raw.types);
  const numbers = edges.map(
    ({ above, below }) => new RowNumbers(files.firstRow - 1, files.firstRow + above, [], below),
  );
  if (files.single) return { raw, rows: numbers[0] };
  const names = globFileNames(read.map((f) => f.file));
  return {
    raw,
    rows: new GlobRowNumbers(read.map((f, k) => ({ name: names[k], rows: f.rows, numbers: numbers[k] }))),
  };
}

/** Roles found in the file that the reader leaves out (said so by the command). */
function leftOutRoles(columns: DetectedColumns): ColumnRole[] {
  return (Object.keys(columns.mapping) as ColumnRole[]).filter(
    (r) => columns.mapping[r] !== undefined && !USED_ROLES.includes(r),
  );
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

/** The last day of a line no rule left out (the as-of date when none is given). */
async function lastDayOfLines(db: DuckDbSession): Promise<number> {
  return firstNumber(db, `SELECT MAX(day) FROM ${CHECKED_ROWS} WHERE reason IS NULL`);
}

/** The tables the views ll_rows and ll_lines read, which stay with them. */
const VIEW_TABLES = ["ll_raw", "ll_checked", TOTAL_ORDERS, "ll_duplicates", NETTED];

/**
 * Drops the tables of the session's names (ll_...) but `kept`: after checking, the lookup tables the
 * checked rows were made with (a million ids among them); at the end, all that only reading needed.
 */
async function dropTablesBut(db: DuckDbSession, kept: readonly string[]): Promise<void> {
  const names = kept.map((t) => `'${t}'`).join(", ");
  const tables = await db.columns(
    `SELECT table_name FROM duckdb_tables() WHERE prefix(table_name, 'll_') AND table_name NOT IN (${names})`,
  );
  for (const name of tables.table_name as string[]) await db.run(`DROP TABLE ${name}`);
}

/** The file's columns as the reader takes them: the sample, the detected columns, the typed ones. */
interface FileLayout {
  headers: string[];
  rows: DuckDbRowNumbers;
  columns: DetectedColumns;
  col: RoleHeaders;
  typed: TypedColumns;
}

async function loadAndDetect(
  db: DuckDbSession,
  files: OrderFiles,
  options: DuckDbReadOptions,
): Promise<FileLayout> {
  const {
    raw: { headers, types },
    rows,
  } = await loadNumbered(db, files);
  const columns = checkColumns(await sampleTable(db, files, headers, rows), options);
  const col = roleHeaders(columns, headers);
  return { headers, rows, columns, col, typed: new TypedColumns(headers, types, col) };
}

/**
 * The ids, values, order ids and statuses parsed by the engine (lookup tables), then every row checked
 * into ll_checked in one pass, and the view ll_rows over it; the lookup tables are then dropped.
 */
async function checkRows(
  db: DuckDbSession,
  layout: FileLayout,
  decided: Awaited<ReturnType<typeof decideFromValues>>,
  parsing: { dates: DateParseOptions; amounts: AmountParseOptions },
  options: DuckDbReadOptions,
  say: (step: DuckDbReadStep) => void,
): Promise<{ judged: JudgedCustomers; checked: string }> {
  const { headers, col, typed } = layout;
  say("parsing");
  const judged = await readCustomerIds(db, col.id, FIRST_ROWS, options.testAccounts);
  await readValues(db, headers, col, decided.values, parsing, typed);
  const orderIds = col.order !== undefined ? await readOrderIds(db, col.order) : undefined;
  const invoices =
    orderIds !== undefined &&
    cancellationInvoicesUsed(orderIds.cancellationInvoices, orderIds.numericInvoices);

  say("checking");
  const sql = checkedRowsSql(headers, col, orderIds, invoices, typed);
  const rowCount = await firstNumber(db, "SELECT COUNT(*) FROM ll_raw");
  const checked = await createCheckedTable(db, sql, rowCount, options.materializedRows);
  await dropTablesBut(db, ["ll_raw", "ll_checked", FIRST_ROWS]);
  await markRows(db, checked, {});
  return { judged, checked };
}

/**
 * The rules that need the whole table, each marking the lines through ll_rows: order totals repeated per
 * line (and, in the same pass, the last day of the lines and whether any may repeat), the as-of date,
 * exact duplicates.
 */
async function wholeTableRules(
  db: DuckDbSession,
  layout: FileLayout,
  checked: string,
  options: DuckDbReadOptions,
  say: (step: DuckDbReadStep) => void,
): Promise<{ orderTotals: boolean; asOf: number; keepDuplicates: boolean }> {
  say("orders");
  const { col } = layout;
  const facts =
    col.order !== undefined
      ? await readOrderFacts(db, CHECKED_ROWS, col.amount !== undefined, options.lineAmounts)
      : undefined;
  const orderTotals = facts?.orderTotals ?? false;
  if (orderTotals) await markRows(db, checked, { orderTotals });

  say("dating");
  const asOf = options.asOf ?? facts?.lastDay ?? (await lastDayOfLines(db));
  await markRows(db, checked, { orderTotals, asOf });

  say("duplicates");
  // The order pass found whether any order's lines may repeat: when none may, there is nothing to search.
  const duplicates = facts?.mayRepeat === false ? false : await markDuplicates(db, layout.headers);
  await markRows(db, checked, { orderTotals, asOf, duplicates });
  return { orderTotals, asOf, keepDuplicates: keepsDuplicates(options, layout.columns) };
}

/** The member details of the kept customers, by the engine's parsers (member-details-duckdb.ts). */
function readMembers(
  db: DuckDbSession,
  layout: FileLayout,
  parsing: { dates: DateParseOptions; amounts: AmountParseOptions },
  options: DuckDbReadOptions,
) {
  return memberDetailsWithDuckDb(db, layout.headers, layout.columns, {
    ...parsing,
    perReason: options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
    lookup: (name, column, type, parse) => lookup(db, name, column, [type], (raw) => [parse(raw)]),
  });
}

/**
 * Has DuckDB's allocator give the memory a pass freed back to the system after each task, and purge in the
 * background. Its memory limit counts the memory in use, not what the allocator keeps for later: at 50
 * million lines the process held a pass's freed memory while the next one filled the limit again (1,335
 * MB at its peak against 1,120 MB with these settings, the same run under the same load).
 */
async function returnFreedMemory(db: DuckDbSession): Promise<void> {
  await db.run("SET allocator_background_threads = true");
  await db.run("SET allocator_flush_threshold = '32MB'");
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
  await returnFreedMemory(db);
  const layout = await loadAndDetect(db, files, options);
  const { headers, columns, rows } = layout;

  say("deciding");
  const decided = await decideFromValues(db, files, headers, columns, options, rows, layout.typed);
  const { formats } = decided;
  const dates: DateParseOptions = { ...options.dates, dayOrder: formats.dayOrder };
  const amounts: AmountParseOptions = { ...options.amounts, decimalComma: formats.decimalComma };

  const { judged, checked } = await checkRows(db, layout, decided, { dates, amounts }, options, say);
  const { orderTotals, asOf, keepDuplicates } = await wholeTableRules(db, layout, checked, options, say);

  say("clean");
  await keepCleanLines(db, keepDuplicates);

  say("members");
  const members = await readMembers(db, layout, { dates, amounts }, options);

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
  });
  const without = await db.columns(withoutPurchase("customer_id"));
  await dropTablesBut(db, [...VIEW_TABLES, KEPT_CUSTOMERS]);
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
