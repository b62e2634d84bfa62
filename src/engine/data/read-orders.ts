/**
 * From a raw order table to clean order lines, member details and a data-quality report, with nothing
 * dropped without being counted.
 *
 * Each row is checked in this order and counted under the first reason that applies: blank row, blank
 * customer id, test account, member details only (no date and no amount), unreadable date, amount not a
 * number, date after the as-of date, exact duplicate; what remains is a purchase line (amount > 0), a zero
 * amount (kept by default) or a refund (amount < 0, reduces the customer's spend by default).
 */
import {
  cellPlace,
  describeCell,
  rowCount,
  sourceOf,
  type CellPlace,
  type CellValue,
  type RawTable,
} from "./table";
import { DataError } from "./errors";
import { DECIMAL_SETTING, decimalEvidence, type ColumnValue } from "./number-format";
import {
  amountRuleOf,
  checkAmountColumn,
  detectColumns,
  requireColumns,
  type ColumnOverrides,
  type DetectedColumns,
} from "./columns";
import {
  explainDate,
  isBlankCell,
  proposeDayOrder,
  type DateParseOptions,
  type DayOrder,
} from "./parse-date";
import { explainAmount, parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";
import { CANCELLATION_INVOICE_LINE, NOT_CANCELLED, readCancellations } from "./cancellations";
import { findOrderTotals, type LineAmounts } from "./order-totals";
import type { TestAccountRule } from "./test-accounts";
import {
  DEFAULT_EXAMPLES_PER_REASON,
  LONG_ID,
  MAX_CELL_CHARACTERS,
  QualityCollector,
  type DataQualityReport,
  type QualityAction,
  type QualityReason,
} from "./quality";
import { pickMemberDetails, readMemberDetails } from "./member-details";
import { markDuplicateRows } from "./duplicates";
import { sortByGroupThenKey } from "./group-sort";
import { formatDay, NO_DAY } from "./days";
import type { MemberDetails, OrderLines } from "./orders";
import type { PurchaseDays } from "../summary/purchase-days";
import { readRowValues, type Customers, type RowValues } from "./row-values";
import { buildOrderLines, NOT_USED, PURCHASE, REFUND } from "./build-order-lines";

export interface ReadOrdersOptions {
  /** Columns to use instead of (or in addition to) the detected ones. */
  columns?: ColumnOverrides;
  dates?: DateParseOptions;
  amounts?: AmountParseOptions;
  /**
   * The as-of date (day number): lines after it are counted and dropped, and recency is measured to it.
   * Default: the latest order date in the table.
   */
  asOf?: number;
  /** Rules for ids of test or junk accounts; default `DEFAULT_TEST_ACCOUNT_RULES`; [] for none. */
  testAccounts?: readonly TestAccountRule[];
  /**
   * Exact duplicate lines (every cell equal): dropped, kept, or "auto" (default): dropped when the table
   * has an order-id column — the same order id twice is a double export — and kept otherwise, because
   * without an order id two identical lines can be two real purchases (CDNOW has 21 such lines).
   * Either way they are counted.
   */
  duplicates?: "drop" | "keep" | "auto";
  /** Lines with amount 0: kept as purchases (default) or dropped. Either way they are counted. */
  zeroAmounts?: "keep" | "drop";
  /** Negative amounts: reduce the customer's spend (default) or are dropped. Either way they are counted. */
  refunds?: "reduce spend" | "drop";
  /** Examples kept per data-quality reason (default 5). */
  examplesPerReason?: number;
  /** Whether the amount column holds line amounts or order totals; "auto" (default) decides from the data. */
  lineAmounts?: LineAmounts;
}

/** A customer left out as a test or junk account, for the one-line summary every command prints. */
export interface TestAccountFound {
  id: string;
  rule: string;
  ruleZh: string;
  lines: number;
}

export interface OrderTable {
  orders: OrderLines;
  /**
   * The purchase lines already merged by day, by a reader that does not hand its lines over (the CLI's
   * DuckDB reader, at tens of millions of lines): `orders` then holds the customers and refunds but no
   * purchase line, and the analysis takes these days instead of merging the lines (purchaseDaysOf).
   */
  purchaseDays?: PurchaseDays;
  members: MemberDetails;
  quality: DataQualityReport;
  columns: DetectedColumns;
  /** The as-of date used (day number); NaN only when the table has no usable line and none was given. */
  asOf: number;
  /** Ids of customers with no purchase line (member rows only, or every line dropped), in table order. */
  customersWithoutPurchase: string[];
  /** The customers left out as test accounts, in table order. */
  testAccounts: TestAccountFound[];
  /** The date order and decimal separator used, and the value that decided each when the data did. */
  formats: Formats;
}

export interface Formats {
  dayOrder: DayOrder;
  /** The date that proved a day-first or month-first order ("25/12/2023"), when it was inferred. */
  dayOrderFrom?: string;
  decimalComma: boolean;
  /** The amount that proved the decimal separator ("12,34"), when it was inferred. */
  decimalCommaFrom?: string;
}

/** Columns whose text amounts say which decimal separator the table uses. */
const MONEY_ROLES = ["amount", "price", "discount", "quantity"] as const;

/** The file of `other`, followed by `separator`, when it is not the file of `at` (a glob's rows); else "". */
export function otherFile(at: { file?: string }, other: { file?: string }, separator: string): string {
  return other.file !== undefined && other.file !== at.file ? `${other.file}${separator}` : "";
}

/**
 * The values of a column that decide the formats, in table order: the column's cells, or (a reader that
 * does not hold them, such as the DuckDB one) its distinct values in order of first appearance, which
 * prove the same; `rowOf` gives the data row of each, for the messages.
 */
export interface FormatEvidence {
  cellsOf(column: number): readonly CellValue[];
  rowOf(column: number, index: number): number;
}

const cellsOfTable = (table: RawTable): FormatEvidence => ({
  cellsOf: (column) => table.columns[column] ?? [],
  rowOf: (_column, index) => index,
});

/**
 * The date order and decimal separator: as given, else inferred from the whole date column and the
 * money columns when a value proves them. Money that could be read two ways ("1.201") with nothing in the
 * table to decide is a DataError asking the user.
 */
export function decideFormats(
  table: RawTable,
  columns: DetectedColumns,
  options: ReadOrdersOptions,
  evidence: FormatEvidence = cellsOfTable(table),
): Formats {
  const formats: Formats = { dayOrder: options.dates?.dayOrder ?? "ymd", decimalComma: false };
  const dateColumn = columns.mapping.date;
  if (options.dates?.dayOrder === undefined && dateColumn !== undefined) {
    const cells = evidence.cellsOf(dateColumn);
    const proposal = proposeDayOrder(cells, cells.length);
    if (proposal) {
      formats.dayOrder = proposal.order;
      formats.dayOrderFrom = proposal.example;
    }
  }
  if (options.amounts?.decimalComma !== undefined) {
    formats.decimalComma = options.amounts.decimalComma;
    return formats;
  }
  // Each value with the cell it is in, so the question names the row and column to look at.
  type Found = { value: string; where: string; at: CellPlace };
  let comma: Found | undefined;
  let point: Found | undefined;
  let ambiguous: Found | undefined;
  for (const role of MONEY_ROLES) {
    const column = columns.mapping[role];
    if (column === undefined) continue;
    const proofs = decimalEvidence(evidence.cellsOf(column));
    const found = (v: ColumnValue | undefined): Found | undefined =>
      v && {
        value: v.value,
        where: describeCell(table, column, evidence.rowOf(column, v.row)),
        at: cellPlace(table, column, evidence.rowOf(column, v.row)),
      };
    comma ??= found(proofs.comma);
    point ??= found(proofs.point);
    ambiguous ??= found(proofs.ambiguous);
  }
  if (comma && point) {
    throw new DataError(
      `${comma.where}: "${comma.value}" uses a decimal comma but "${point.value}" (${otherFile(comma.at, point.at, ", ")}row ${point.at.row}, column ${point.at.column}) a decimal point; ${DECIMAL_SETTING}`,
      undefined,
      {
        code: "mixedDecimals",
        ...sourceOf(table),
        comma: comma.value,
        point: point.value,
        where: comma.where,
        at: comma.at,
        pointAt: point.at,
      },
    );
  }
  if (comma || point) {
    formats.decimalComma = Boolean(comma);
    formats.decimalCommaFrom = (comma ?? point)?.value;
  } else if (ambiguous) {
    throw new DataError(
      `${ambiguous.where}: "${ambiguous.value}" can be read with a thousands separator or a decimal separator, and no amount decides; ${DECIMAL_SETTING}`,
      undefined,
      {
        code: "ambiguousDecimals",
        ...sourceOf(table),
        value: ambiguous.value,
        where: ambiguous.where,
        at: ambiguous.at,
      },
    );
  }
  return formats;
}

/** The duplicate policy once "auto" is decided by the presence of an order-id column. */
export function keepsDuplicates(options: ReadOrdersOptions, columns: DetectedColumns): boolean {
  const policy = options.duplicates ?? "auto";
  return policy === "keep" || (policy === "auto" && columns.mapping.orderId === undefined);
}

/** What the reading does with the rows of each quality reason, under these options. */
export function actionsFor(
  options: ReadOrdersOptions,
  keepDuplicates: boolean,
): Record<QualityReason, QualityAction> {
  return {
    blankRow: "dropped",
    blankId: "dropped",
    testAccount: "dropped",
    repeatedOrderTotal: "dropped",
    unparsableDate: "dropped",
    nonNumericAmount: "dropped",
    dateAfterAsOf: "dropped",
    duplicateLine: keepDuplicates ? "kept" : "dropped",
    zeroAmount: options.zeroAmounts === "drop" ? "dropped" : "kept",
    cancelledOrder: "dropped",
    refund: options.refunds === "drop" ? "dropped" : "reduces spend",
    nettedOut: "reduces spend",
    memberDetailsOnly: "kept",
    badMemberDetail: "field ignored",
    longId: "kept",
    noPurchase: "dropped",
  };
}

function isBlankRow(table: RawTable, row: number): boolean {
  for (const column of table.columns) if (!isBlankCell(column[row])) return false;
  return true;
}

/**
 * Counts each row under the first reason that applies (blank row or id, test account, member details only,
 * unreadable date, amount not a number); returns the other rows, the candidate lines, in table order.
 */
/** What screenRows needs besides the table: the row values and the rules decided from the whole table. */
interface Screen {
  columns: DetectedColumns;
  values: RowValues;
  testRuleOf: readonly (TestAccountRule | undefined)[];
  /** Per row, 1 for a later line of an order whose total is counted on its first line. */
  repeated: Uint8Array | null;
}

/**
 * The cell to show, and why, for a line whose amount cannot be read (its own, or quantity, unit price and
 * discount); `cellOf` gives the line's cell in a column. Shared with the DuckDB reader.
 */
export function amountProblem(
  mapping: DetectedColumns["mapping"],
  cellOf: (column: number) => CellValue,
  amounts: AmountParseOptions | undefined,
): { column: number; note: string } {
  const explain = (column: number, what: string) => ({
    column,
    note: `${what}${explainAmount(cellOf(column), amounts)}`,
  });
  if (mapping.amount !== undefined) return explain(mapping.amount, "");
  const quantity = mapping.quantity as number;
  if (Number.isNaN(parseAmount(cellOf(quantity), amounts))) return explain(quantity, "quantity: ");
  const price = mapping.price as number;
  if (Number.isNaN(parseAmount(cellOf(price), amounts))) return explain(price, "unit price: ");
  return explain(mapping.discount ?? price, "discount: ");
}

/**
 * Counts each row under the first reason that applies (blank row or id, test account, an order total
 * repeated, member details only, unreadable date, amount not a number); returns the other rows, the
 * candidate lines, in table order.
 */
function screenRows(
  table: RawTable,
  screen: Screen,
  quality: QualityCollector,
  options: ReadOrdersOptions,
): { rows: Int32Array; count: number; latestDay: number } {
  const { columns, values, testRuleOf, repeated } = screen;
  const idColumn = columns.mapping.customerId as number;
  const dateColumn = columns.mapping.date as number;
  const amountColumn = amountColumnOf(columns);
  const dateCells: CellValue[] = table.columns[dateColumn] ?? [];
  const amountCells: CellValue[] = table.columns[amountColumn] ?? [];
  const rows = values.customer.length;
  const candidates = new Int32Array(rows);
  let candidateCount = 0;
  let latestDay = -Infinity;
  for (let row = 0; row < rows; row++) {
    const customer = values.customer[row];
    if (customer < 0) {
      quality.add(isBlankRow(table, row) ? "blankRow" : "blankId", idColumn, row);
      continue;
    }
    const testRule = testRuleOf[customer];
    if (testRule) {
      quality.add("testAccount", idColumn, row, () => `rule: ${testRule.name}`);
      continue;
    }
    if (repeated?.[row]) {
      quality.add("repeatedOrderTotal", amountColumn, row, () => "counted on the order's first line");
      continue;
    }
    const day = values.day[row];
    if (day === NO_DAY) {
      const dateCell = dateCells[row];
      if (isBlankCell(dateCell) && isBlankCell(amountCells[row])) {
        quality.add("memberDetailsOnly", idColumn, row);
      } else {
        quality.add("unparsableDate", dateColumn, row, () => explainDate(dateCell, options.dates));
      }
      continue;
    }
    if (Number.isNaN(values.amount[row])) {
      const problem = amountProblem(columns.mapping, (c) => table.columns[c]?.[row], options.amounts);
      quality.add("nonNumericAmount", problem.column, row, () => problem.note);
      continue;
    }
    candidates[candidateCount++] = row;
    if (day > latestDay) latestDay = day;
  }

  return { rows: candidates, count: candidateCount, latestDay };
}

/**
 * Customers whose id is longer than LONG_ID characters, each at the first row it is on: kept (they are
 * customers as far as the data says), but a sheet cell shows at most 32,767 characters, and an id this
 * long is more likely a mistake of the export than a member number.
 */
function reportLongIds(
  ids: readonly string[],
  firstRowOf: readonly number[],
  testRuleOf: readonly (TestAccountRule | undefined)[],
  idColumn: number,
  quality: QualityCollector,
): void {
  for (let c = 0; c < ids.length; c++) {
    const length = ids[c].length;
    if (!isLongId(ids[c]) || testRuleOf[c]) continue;
    quality.add("longId", idColumn, firstRowOf[c], () => longIdNote(length));
  }
}

/** Whether a customer id is listed as too long (LONG_ID), and what its example says. */
export const isLongId = (id: string) => id.length > LONG_ID;

export function longIdNote(length: number): string {
  const cut =
    length > MAX_CELL_CHARACTERS
      ? `; cut to ${MAX_CELL_CHARACTERS.toLocaleString("en-US")} where a sheet shows it`
      : "";
  return `${length.toLocaleString("en-US")} characters${cut}`;
}

/** The column examples of amounts point to: the amount column, else the unit price. */
export function amountColumnOf(columns: DetectedColumns): number {
  return (columns.mapping.amount ?? columns.mapping.price) as number;
}

/** The columns, the formats decided from the whole table, and the options with those formats filled in. */
function readingRules(
  table: RawTable,
  givenOptions: ReadOrdersOptions,
): { columns: DetectedColumns; formats: Formats; options: ReadOrdersOptions } {
  const columns = detectColumns(table, givenOptions.columns);
  requireColumns(table, columns);
  checkAmountColumn(table, columns);
  const formats = decideFormats(table, columns, givenOptions);
  const options: ReadOrdersOptions = {
    ...givenOptions,
    dates: { ...givenOptions.dates, dayOrder: formats.dayOrder },
    amounts: { ...givenOptions.amounts, decimalComma: formats.decimalComma },
  };
  return { columns, formats, options };
}

/** The candidate lines (see screenRows) on or before the as-of date; the later ones are counted. */
function linesUpToAsOf(
  table: RawTable,
  screen: Screen,
  quality: QualityCollector,
  options: ReadOrdersOptions,
): { lines: Int32Array; asOf: number } {
  const { values } = screen;
  const dateColumn = screen.columns.mapping.date as number;
  const { rows: candidates, count: candidateCount, latestDay } = screenRows(table, screen, quality, options);
  const asOf = options.asOf ?? (candidateCount > 0 ? latestDay : NaN);
  let inTime = 0;
  for (let i = 0; i < candidateCount; i++) {
    const row = candidates[i];
    if (values.day[row] > asOf) {
      quality.add("dateAfterAsOf", dateColumn, row, () => `after ${formatDay(asOf)}`, values.amount[row]);
    } else {
      candidates[inTime++] = row;
    }
  }
  return { lines: candidates.subarray(0, inTime), asOf };
}

/** The column a cancelled line is shown in: its invoice number or its status. */
function cancelColumn(columns: DetectedColumns, cancellation: number): number {
  const { status, orderId } = columns.mapping;
  return (cancellation === CANCELLATION_INVOICE_LINE ? orderId : status) ?? amountColumnOf(columns);
}

function cancelNote(cancellation: number): string {
  return cancellation === CANCELLATION_INVOICE_LINE ? "cancellation invoice" : "order status";
}

/**
 * What each line in `order` (sorted by customer, then day) is: a purchase, a zero amount or a refund,
 * duplicates and cancellations counted first, then purchases netted out by returns; with each customer's
 * purchase lines.
 */
function classifyLines(
  table: RawTable,
  order: Int32Array,
  screen: Screen,
  cancelled: Uint8Array | null,
  quality: QualityCollector,
  options: ReadOrdersOptions,
  keepDuplicates: boolean,
): { kind: Uint8Array; purchasesOf: Int32Array } {
  const { columns, values } = screen;
  const idColumn = columns.mapping.customerId as number;
  const amountColumn = amountColumnOf(columns);
  const rows = values.customer.length;
  const duplicate = markDuplicateRows(table, order, values.customer, values.day, values.amount, rows);
  const kind = new Uint8Array(rows).fill(NOT_USED);
  const purchasesOf = new Int32Array(screen.testRuleOf.length);
  const keepZero = options.zeroAmounts !== "drop";
  const keepRefunds = options.refunds !== "drop";
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    const amount = values.amount[row];
    if (duplicate[row]) {
      quality.add("duplicateLine", idColumn, row, undefined, amount);
      if (!keepDuplicates) continue;
    }
    const cancellation = cancelled?.[row] ?? NOT_CANCELLED;
    if (cancellation !== NOT_CANCELLED && amount >= 0) {
      const column = cancelColumn(columns, cancellation);
      quality.add("cancelledOrder", column, row, () => cancelNote(cancellation), amount);
    } else if (amount > 0) {
      kind[row] = PURCHASE;
    } else if (amount === 0) {
      quality.add("zeroAmount", amountColumn, row);
      if (keepZero) kind[row] = PURCHASE;
    } else {
      const note = cancellation === NOT_CANCELLED ? undefined : () => cancelNote(cancellation);
      quality.add("refund", amountColumn, row, note, amount);
      if (keepRefunds) kind[row] = REFUND;
    }
    if (kind[row] === PURCHASE) purchasesOf[values.customer[row]]++;
  }
  if (keepRefunds) {
    const orderColumn = columns.mapping.orderId;
    const orderCells = orderColumn === undefined ? undefined : (table.columns[orderColumn] ?? []);
    const orderIds = orderCells ? (row: number) => parseId(orderCells[row]) : undefined;
    netReturns(order, kind, values, orderIds, (row) => {
      quality.add(
        "nettedOut",
        amountColumn,
        row,
        () => "a return of the same order or day nets it to ≤ 0",
        values.amount[row],
      );
      purchasesOf[values.customer[row]]--;
    });
  }
  return { kind, purchasesOf };
}

/**
 * The customers with a purchase, in table order, and each customer's new index (−1 for the others);
 * the others, test accounts apart, are reported.
 */
function customersWithPurchases(
  customers: Customers,
  purchasesOf: Int32Array,
  idColumn: number,
  quality: QualityCollector,
): { kept: number[]; newIndexOf: Int32Array; withoutPurchase: string[] } {
  const { ids, firstRowOf, testRuleOf } = customers;
  const newIndexOf = new Int32Array(ids.length).fill(-1);
  const kept: number[] = [];
  const withoutPurchase: string[] = [];
  for (let c = 0; c < ids.length; c++) {
    if (purchasesOf[c] > 0) {
      newIndexOf[c] = kept.length;
      kept.push(c);
    } else if (!testRuleOf[c]) {
      withoutPurchase.push(ids[c]);
      quality.add("noPurchase", idColumn, firstRowOf[c]);
    }
  }
  return { kept, newIndexOf, withoutPurchase };
}

/**
 * Reads an order table. Throws a DataError only when the table cannot be read at all (no customer id,
 * date or amount column, an override naming a missing column, a bad test-account rule); bad rows are
 * counted in `quality` instead.
 */
export function readOrderTable(table: RawTable, givenOptions: ReadOrdersOptions = {}): OrderTable {
  const { columns, formats, options } = readingRules(table, givenOptions);
  const idColumn = columns.mapping.customerId as number;
  const rows = rowCount(table);
  const keepDuplicates = keepsDuplicates(options, columns);
  const quality = new QualityCollector(
    table,
    actionsFor(options, keepDuplicates),
    options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
  );
  const { values, customers } = readRowValues(table, columns, rows, options);
  const { ids, firstRowOf, testRuleOf } = customers;
  reportLongIds(ids, firstRowOf, testRuleOf, idColumn, quality);
  const rowCustomers = {
    customerOfRow: values.customer,
    skip: Uint8Array.from(testRuleOf, (rule) => (rule ? 1 : 0)),
  };
  const details = readMemberDetails(
    table,
    columns.mapping,
    rowCustomers,
    quality,
    options.dates,
    options.amounts,
  );

  const cellsOf = (column: number | undefined) =>
    column === undefined ? undefined : (table.columns[column] ?? []);
  const orderCells = cellsOf(columns.mapping.orderId);
  const totals = findOrderTotals(
    orderCells,
    cellsOf(columns.mapping.amount),
    values.amount,
    rows,
    options.lineAmounts,
  );
  const cancelled = readCancellations(cellsOf(columns.mapping.status), orderCells, rows);
  const screen: Screen = { columns, values, testRuleOf, repeated: totals.repeated };
  const { lines, asOf } = linesUpToAsOf(table, screen, quality, options);
  const sorted = sortByGroupThenKey(lines, values.customer, values.day, ids.length);
  const { kind, purchasesOf } = classifyLines(
    table,
    sorted.order,
    screen,
    cancelled,
    quality,
    options,
    keepDuplicates,
  );
  const { kept, newIndexOf, withoutPurchase } = customersWithPurchases(
    customers,
    purchasesOf,
    idColumn,
    quality,
  );

  const orders = buildOrderLines(table, columns, sorted.order, kind, values, newIndexOf, kept, ids);
  const rules = { amountRule: amountRuleOf(columns.mapping), orderTotals: totals.orderTotals };
  return {
    orders,
    members: pickMemberDetails(details, kept),
    quality: quality.report(rows, orders.day.length, rules),
    columns,
    asOf,
    customersWithoutPurchase: withoutPurchase,
    testAccounts: testAccountsFound(customers),
    formats,
  };
}

function testAccountsFound(customers: Customers): TestAccountFound[] {
  const found: TestAccountFound[] = [];
  customers.testRuleOf.forEach((rule, c) => {
    if (rule)
      found.push({ id: customers.ids[c], rule: rule.name, ruleZh: rule.nameZh, lines: customers.lines[c] });
  });
  return found;
}

/**
 * Purchases netted out by returns: within one customer's day (`order` is sorted by customer, then day), an
 * order whose lines sum to zero or less, then a day whose lines do, is not a purchase. Its purchase lines
 * become netting lines (they still count in spend, with the returns that cancel them); `onNetted` is told
 * of each. Days without a return are left as they are.
 */
function netReturns(
  order: Int32Array,
  kind: Uint8Array,
  values: RowValues,
  orderIdOf: ((row: number) => string) | undefined,
  onNetted: (row: number) => void,
): void {
  const net = (rows: number[]) => {
    let sum = 0;
    for (const row of rows) sum += values.amount[row];
    if (sum > 0) return;
    for (const row of rows) {
      if (kind[row] !== PURCHASE) continue;
      kind[row] = REFUND;
      onNetted(row);
    }
  };
  let start = 0;
  while (start < order.length) {
    const first = order[start];
    let end = start;
    let hasReturn = false;
    const lines: number[] = [];
    while (
      end < order.length &&
      values.customer[order[end]] === values.customer[first] &&
      values.day[order[end]] === values.day[first]
    ) {
      const row = order[end++];
      if (kind[row] === REFUND) hasReturn = true;
      if (kind[row] === PURCHASE || kind[row] === REFUND) lines.push(row);
    }
    start = end;
    if (!hasReturn) continue;
    if (orderIdOf) {
      const byOrder = new Map<string, number[]>();
      for (const row of lines) {
        const id = orderIdOf(row);
        if (id === "") continue;
        const list = byOrder.get(id);
        if (list) list.push(row);
        else byOrder.set(id, [row]);
      }
      for (const rows of byOrder.values()) if (rows.some((row) => kind[row] === REFUND)) net(rows);
    }
    net(lines);
  }
}
