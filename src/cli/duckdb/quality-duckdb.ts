/**
 * The data-quality report of an order file read with DuckDB (read-orders-duckdb.ts): every count and sum
 * by SQL in one pass over ll_rows, and the first examples of each reason with the engine's notes, met in
 * the engine's order, so that the report equals the in-process one. The refunds and the lines a return
 * netted out are counted and shown from the small table of the days with a return (clean-lines.ts),
 * which holds them all, without a pass over the lines.
 */
import { formatDay } from "../../engine/data/days";
import { explainDate } from "../../engine/data/parse-date";
import {
  actionsFor,
  amountColumnOf,
  amountProblem,
  longIdNote,
  type Formats,
} from "../../engine/data/read-orders";
import {
  DEFAULT_EXAMPLES_PER_REASON,
  QualityCollector,
  type DataQualityReport,
  type QualityReason,
} from "../../engine/data/quality";
import { amountRuleOf, type ColumnRole, type DetectedColumns } from "../../engine/data/columns";
import { CANCELLATION_INVOICE_LINE } from "../../engine/data/cancellations";
import type { CellValue, RawTable } from "../../engine/data/table";
import { columnNames } from "../../sheet/a1";
import type { DuckDbSession } from "./session";
import { rawText } from "./raw-columns";
import { cellOf, type JudgedCustomers } from "./lookups";
import type { DuckDbMemberDetails } from "./member-details-duckdb";
import type { OrderFiles } from "./order-files";
import type { DuckDbRowNumbers } from "./row-numbers";
import type { DuckDbReadOptions } from "./read-orders-duckdb";
import { CHECKED_ROWS } from "./checked-rows";
import { FIRST_ROWS, NETTED, RETURN_DAY_LINES, withoutPurchase } from "./clean-lines";

/** What the report needs besides the tables in DuckDB. */
export interface QualityInputs {
  files: OrderFiles;
  headers: string[];
  columns: DetectedColumns;
  formats: Formats;
  asOf: number;
  /** DuckDB's rows as the in-process table numbers them (its empty lines, its blank rows at either end). */
  rows: DuckDbRowNumbers;
  keepDuplicates: boolean;
  orderTotals: boolean;
  judged: JudgedCustomers;
  members: DuckDbMemberDetails;
  options: DuckDbReadOptions;
}

/** An example row as the report query gives it: the row, its rule, its cancellation and its cells. */
interface ExampleRow {
  row: number;
  testRule: string | null;
  cancel: number;
  cells: CellValue[];
}

interface ReasonGroup {
  reason: QualityReason;
  where: string;
  /**
   * The FROM clause of its lines (alias c: ll_row, customer, day, amount, cancel) when a small table holds
   * them all; else they are those of ll_rows that `where` takes, counted in the one pass over them.
   */
  from?: string;
  /** Whether the finding sums the amounts. */
  amount?: boolean;
  /** Met in the engine's sorted order (customer by first appearance, then day, then row), else by row. */
  sorted?: boolean;
  /** The column the example shows, and the note it carries. */
  column(example: ExampleRow): number;
  note?(example: ExampleRow): string;
}

/** The data-quality report: counts by SQL, the first examples of each reason with the engine's notes. */
export async function qualityReport(db: DuckDbSession, q: QualityInputs): Promise<DataQualityReport> {
  const perReason = q.options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON;
  const table = exampleTable(q);
  const collector = new QualityCollector(table, actionsFor(q.options, q.keepDuplicates), perReason);
  const groups = reasonGroups(q);
  const totals = await countEveryReason(db, groups, q.keepDuplicates);
  await countFromSmallTables(db, groups, totals);
  const extent = tableExtent(q.rows, totals);
  for (const [k, g] of groups.entries()) {
    const n = Number(totals[`n${k}`][0]);
    if (g.reason === "blankRow") {
      await addBlankRows(db, q, extent, n, table, collector, perReason);
      continue;
    }
    if (n === 0) continue;
    const shown = await addExamples(db, q, g, table, collector, perReason);
    const total = g.amount ? Number(totals[`s${k}`][0] ?? 0) : undefined;
    // The examples were added one by one (without their amounts): the rest of the count and the whole sum.
    collector.addCount(g.reason, n - shown, total);
  }
  await addCustomerFindings(db, q, table, collector, perReason);
  // The purchase lines: the clean lines ≥ 0 that are not cancelled, but those a return netted out.
  const netted = groups.findIndex((g) => g.reason === "nettedOut");
  const purchaseLines = Number(totals.kept_lines[0]) - Number(totals[`n${netted}`][0]);
  return collector.report(extent.rowsRead, purchaseLines, {
    amountRule: amountRuleOf(q.columns.mapping),
    orderTotals: q.orderTotals,
  });
}

/**
 * Where the in-process table ends: its last row that is not blank (blank rows below it are not in that
 * table, nor are those above its first row), as DuckDB's row and as the file's row, and its rows.
 */
interface TableExtent {
  lastRowid: number;
  lastFileRow: number;
  rowsRead: number;
  /** DuckDB's blank rows below the table. */
  blankBelow: number;
}

function tableExtent(rows: DuckDbRowNumbers, totals: Record<string, unknown[]>): TableExtent {
  const last = totals.last_row[0];
  const lastRowid = last === null || last === undefined ? -1 : Number(last);
  const lastFileRow = lastRowid < 0 ? rows.firstRow - 1 : rows.fileRow(lastRowid);
  return {
    lastRowid,
    lastFileRow,
    rowsRead: Math.max(0, lastFileRow - rows.firstRow + 1),
    blankBelow: Number(totals.all_rows[0]) - 1 - lastRowid,
  };
}

/**
 * The blank rows of the in-process table: DuckDB's rows whose every cell is blank (counted, `n`, from
 * the table's first row on) and the empty lines DuckDB skipped, both between the table's first and last
 * row; the first examples of either in the file's order.
 */
async function addBlankRows(
  db: DuckDbSession,
  q: QualityInputs,
  extent: TableExtent,
  n: number,
  table: RawTable,
  collector: QualityCollector,
  perReason: number,
): Promise<void> {
  const idColumn = q.columns.mapping.customerId as number;
  const empty = q.rows.emptyRowsInTable(extent.lastFileRow, perReason);
  const found = await db.columns(`SELECT c.ll_row, ${rawText(q.headers[idColumn])} AS cell
    FROM ${CHECKED_ROWS} c JOIN ll_raw r ON r.rowid = c.ll_row
    WHERE c.reason = 'blankRow' AND ${q.rows.inTableSql("c.ll_row")} AND c.ll_row <= ${extent.lastRowid}
    ORDER BY c.ll_row LIMIT ${perReason}`);
  found.ll_row.forEach((rowid, k) => {
    table.columns[idColumn][q.rows.tableRow(Number(rowid))] = cellOf(found.cell[k]);
  });
  const shown = [...found.ll_row.map((rowid) => q.rows.tableRow(Number(rowid))), ...empty.first]
    .sort((a, b) => a - b)
    .slice(0, perReason);
  for (const row of shown) collector.add("blankRow", idColumn, row);
  // The blank rows below the table that inTableSql left out are not in `n`.
  const below = extent.blankBelow - q.rows.leftOutAfter(extent.lastRowid);
  collector.addCount("blankRow", n - below + empty.count - shown.length);
}

/** A sparse table of the file: only the example rows' cells are filled, which is all the collector reads. */
function exampleTable(q: QualityInputs): RawTable {
  return {
    source: q.files.label,
    ...(q.files.single ? { place: { file: q.files.label } } : {}),
    headers: q.headers,
    columns: q.headers.map(() => []),
    firstRow: q.rows.firstRow,
    // The file as a spreadsheet shows it: messages name columns by letter.
    columnLabels: columnNames(q.headers.length),
    // A glob's rows are named by their file and their row there.
    ...(q.rows.rowPlace ? { rowPlace: q.rows.rowPlace } : {}),
  };
}

/** A line of the table: no reason left it out (a duplicate when duplicates are left out). */
const lineSql = (keepDuplicates: boolean) =>
  `c.reason IS NULL AND ${keepDuplicates ? "TRUE" : "NOT c.duplicate"}`;

/** Each reason of the engine, in its order: the lines it holds (SQL over ll_rows c), column and note. */
function reasonGroups(q: QualityInputs): ReasonGroup[] {
  return [...rowReasons(q), ...lineReasons(q)];
}

/** A reason the checking or a mark gave the row itself (ll_rows' reason); examples in the table's order. */
function byRow(reason: QualityReason, column: () => number, note?: (e: ExampleRow) => string): ReasonGroup {
  return { reason, where: `c.reason = '${reason}'`, column, note };
}

/** The reasons that leave a row out before it is a line, in the engine's order. */
function rowReasons(q: QualityInputs): ReasonGroup[] {
  const { mapping } = q.columns;
  const amounts = { ...q.options.amounts, decimalComma: q.formats.decimalComma };
  const dates = { ...q.options.dates, dayOrder: q.formats.dayOrder };
  const index = (role: ColumnRole) => mapping[role] as number;
  const id = () => index("customerId");
  const amountColumn = amountColumnOf(q.columns);
  const problem = (e: ExampleRow) => amountProblem(mapping, (c) => e.cells[c], amounts);
  return [
    { ...byRow("blankRow", id), where: `c.reason = 'blankRow' AND ${q.rows.inTableSql("c.ll_row")}` },
    byRow("blankId", id),
    byRow("testAccount", id, (e) => `rule: ${e.testRule}`),
    byRow(
      "repeatedOrderTotal",
      () => amountColumn,
      () => "counted on the order's first line",
    ),
    byRow("memberDetailsOnly", id),
    byRow(
      "unparsableDate",
      () => index("date"),
      (e) => explainDate(e.cells[index("date")], dates),
    ),
    {
      ...byRow("nonNumericAmount", () => amountColumn),
      column: (e) => problem(e).column,
      note: (e) => problem(e).note,
    },
    {
      ...byRow(
        "dateAfterAsOf",
        () => index("date"),
        () => `after ${formatDay(q.asOf)}`,
      ),
      amount: true,
    },
  ];
}

/**
 * What is done with the lines, in the engine's order: exact duplicates, cancelled orders, zero amounts,
 * refunds and the lines a return nets out (those two from the small table of the days with a return).
 * Their examples come in the engine's sorted order.
 */
function lineReasons(q: QualityInputs): ReasonGroup[] {
  const { mapping } = q.columns;
  const amountColumn = amountColumnOf(q.columns);
  const cancelNote = (e: ExampleRow) =>
    e.cancel === CANCELLATION_INVOICE_LINE ? "cancellation invoice" : "order status";
  const line = lineSql(q.keepDuplicates);
  const sortedLines = { amount: true, sorted: true, column: () => amountColumn };
  return [
    {
      reason: "duplicateLine",
      where: "c.duplicate",
      amount: true,
      sorted: true,
      column: () => mapping.customerId as number,
    },
    {
      ...sortedLines,
      reason: "cancelledOrder",
      where: `${line} AND c.cancel > 0 AND c.amount >= 0`,
      column: (e) =>
        (e.cancel === CANCELLATION_INVOICE_LINE ? mapping.orderId : mapping.status) ?? amountColumn,
      note: cancelNote,
    },
    {
      ...sortedLines,
      reason: "zeroAmount",
      where: `${line} AND c.amount = 0 AND c.cancel = 0`,
      amount: false,
    },
    {
      ...sortedLines,
      reason: "refund",
      where: "c.amount < 0",
      from: `${RETURN_DAY_LINES} c`,
      note: (e) => (e.cancel > 0 ? cancelNote(e) : ""),
    },
    {
      ...sortedLines,
      reason: "nettedOut",
      where: "TRUE",
      from: `(SELECT * FROM ${RETURN_DAY_LINES} SEMI JOIN ${NETTED} USING (ll_row)) c`,
      note: () => "a return of the same order or day nets it to ≤ 0",
    },
  ];
}

/**
 * Every count and sum in one pass over the lines: n<k> and s<k> of group k (those of a small table's
 * groups are countFromSmallTables'); the last row that is not blank and the rows in all.
 */
function countEveryReason(
  db: DuckDbSession,
  groups: ReasonGroup[],
  keepDuplicates: boolean,
): Promise<Record<string, unknown[]>> {
  const figures = groups.flatMap((g, k) =>
    g.from
      ? []
      : [`COUNT(*) FILTER (WHERE ${g.where}) AS n${k}, SUM(c.amount) FILTER (WHERE ${g.where}) AS s${k}`],
  );
  const extent =
    "MAX(c.ll_row) FILTER (WHERE c.reason IS DISTINCT FROM 'blankRow') AS last_row, COUNT(*) AS all_rows, " +
    `COUNT(*) FILTER (WHERE ${lineSql(keepDuplicates)} AND c.cancel = 0 AND c.amount >= 0) AS kept_lines`;
  return db.columns(`SELECT ${figures.join(", ")}, ${extent} FROM ${CHECKED_ROWS} c`);
}

/** The counts and sums of the groups a small table holds, into `totals` (n<k>, s<k>). */
async function countFromSmallTables(
  db: DuckDbSession,
  groups: ReasonGroup[],
  totals: Record<string, unknown[]>,
): Promise<void> {
  for (const [k, g] of groups.entries()) {
    if (!g.from) continue;
    const counted = await db.columns(
      `SELECT COUNT(*) AS n, SUM(c.amount) AS s FROM ${g.from} WHERE ${g.where}`,
    );
    totals[`n${k}`] = counted.n;
    totals[`s${k}`] = counted.s;
  }
}

/** The first examples of a reason, in the engine's order, with their cells and notes; returns how many. */
async function addExamples(
  db: DuckDbSession,
  q: QualityInputs,
  g: ReasonGroup,
  table: RawTable,
  collector: QualityCollector,
  perReason: number,
): Promise<number> {
  // Customers are numbered in order of first appearance: the engine's sorted order is by number.
  const order = g.sorted ? "customer, day, ll_row" : "ll_row";
  const cellsSql = q.headers.map((h, i) => `${rawText(h)} AS h${i}`).join(", ");
  // The examples are chosen first, then their cells fetched: joining every line to the file costs a pass.
  const found = await db.columns(`SELECT e.ll_row, f.test_rule, e.cancel, ${cellsSql}
    FROM (
      SELECT c.ll_row, c.customer, c.cancel, c.day FROM ${g.from ?? `${CHECKED_ROWS} c`}
      WHERE ${g.where} ORDER BY ${order} LIMIT ${perReason}
    ) e JOIN ll_raw r ON r.rowid = e.ll_row LEFT JOIN ${FIRST_ROWS} f ON f.customer = e.customer
    ORDER BY ${order.replace(/(\w+)/g, "e.$1")}`);
  const rows = found.ll_row.map((rowid) => q.rows.tableRow(Number(rowid)));
  rows.forEach((row, e) => {
    const example: ExampleRow = {
      row,
      testRule: found.test_rule[e] as string | null,
      cancel: Number(found.cancel[e] ?? 0),
      cells: q.headers.map((_, i) => cellOf(found[`h${i}`][e])),
    };
    const column = g.column(example);
    table.columns[column][row] = example.cells[column];
    const note = g.note?.(example);
    collector.add(g.reason, column, row, note ? () => note : undefined);
  });
  return rows.length;
}

/** The findings on customers and single fields: long ids, unreadable member details, no purchase. */
async function addCustomerFindings(
  db: DuckDbSession,
  q: QualityInputs,
  table: RawTable,
  collector: QualityCollector,
  perReason: number,
): Promise<void> {
  const idColumn = q.columns.mapping.customerId as number;
  const { tableRow } = q.rows;
  const idCells = async (rowids: number[]) => {
    if (rowids.length === 0) return;
    const cells = await db.columns(
      `SELECT r.rowid AS ll_row, ${rawText(q.headers[idColumn])} AS cell FROM ll_raw r
       WHERE r.rowid IN (${rowids.join(", ")}) ORDER BY r.rowid`,
    );
    cells.ll_row.forEach((rowid, k) => {
      table.columns[idColumn][tableRow(Number(rowid))] = cellOf(cells.cell[k]);
    });
  };
  const { longIds } = q.judged;
  await idCells(longIds.slice(0, perReason).map((l) => l.row));
  longIds.forEach((l, k) => {
    if (k < perReason) collector.add("longId", idColumn, tableRow(l.row), () => longIdNote(l.length));
  });
  collector.addCount("longId", longIds.length - Math.min(perReason, longIds.length));

  const { members } = q;
  for (const bad of members.badExamples) {
    table.columns[bad.column][tableRow(bad.row)] = bad.cell;
    collector.add("badMemberDetail", bad.column, tableRow(bad.row), () => bad.note);
  }
  collector.addCount("badMemberDetail", members.badCount - members.badExamples.length);

  const noPurchase = await db.columns(withoutPurchase("first_row"));
  const firstRows = noPurchase.first_row.map(Number);
  await idCells(firstRows.slice(0, perReason));
  firstRows.forEach((rowid, k) => {
    if (k < perReason) collector.add("noPurchase", idColumn, tableRow(rowid));
  });
  collector.addCount("noPurchase", firstRows.length - Math.min(perReason, firstRows.length));
}
