/**
 * From a raw order table to clean order lines, member details and a data-quality report, with nothing
 * dropped without being counted.
 *
 * Each row is checked in this order and counted under the first reason that applies: blank row, blank
 * customer id, test account, member details only (no date and no amount), unreadable date, amount not a
 * number, date after the as-of date, exact duplicate; what remains is a purchase line (amount > 0), a zero
 * amount (kept by default) or a refund (amount < 0, reduces the customer's spend by default).
 */
import { rowCount, type CellValue, type RawTable } from "./table";
import { detectColumns, requireColumns, type ColumnOverrides, type DetectedColumns } from "./columns";
import { explainDate, isBlankCell, parseDay, type DateParseOptions } from "./parse-date";
import { explainAmount, parseAmount, type AmountParseOptions } from "./parse-amount";
import { parseId } from "./parse-id";
import {
  compileTestAccountRules,
  DEFAULT_TEST_ACCOUNT_RULES,
  type TestAccountMatcher,
  type TestAccountRule,
} from "./test-accounts";
import {
  DEFAULT_EXAMPLES_PER_REASON,
  QualityCollector,
  type DataQualityReport,
  type QualityAction,
  type QualityReason,
} from "./quality";
import { pickMemberDetails, readMemberDetails } from "./member-details";
import { markDuplicateRows } from "./duplicates";
import { sortByGroupThenKey } from "./group-sort";
import { formatDay, NO_DAY } from "./days";
import type { MemberDetails, OrderLines, RefundLines } from "./orders";

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
  /** Exact duplicate lines: dropped (default) or kept. Either way they are counted. */
  duplicates?: "drop" | "keep";
  /** Lines with amount 0: kept as purchases (default) or dropped. Either way they are counted. */
  zeroAmounts?: "keep" | "drop";
  /** Negative amounts: reduce the customer's spend (default) or are dropped. Either way they are counted. */
  refunds?: "reduce spend" | "drop";
  /** Examples kept per data-quality reason (default 5). */
  examplesPerReason?: number;
}

export interface OrderTable {
  orders: OrderLines;
  members: MemberDetails;
  quality: DataQualityReport;
  columns: DetectedColumns;
  /** The as-of date used (day number); NaN only when the table has no usable line and none was given. */
  asOf: number;
  /** Ids of customers with no purchase line (member rows only, or every line dropped), in table order. */
  customersWithoutPurchase: string[];
}

function actionsFor(options: ReadOrdersOptions): Record<QualityReason, QualityAction> {
  return {
    blankRow: "dropped",
    blankId: "dropped",
    testAccount: "dropped",
    unparsableDate: "dropped",
    nonNumericAmount: "dropped",
    dateAfterAsOf: "dropped",
    duplicateLine: options.duplicates === "keep" ? "kept" : "dropped",
    zeroAmount: options.zeroAmounts === "drop" ? "dropped" : "kept",
    refund: options.refunds === "drop" ? "dropped" : "reduces spend",
    memberDetailsOnly: "kept",
    badMemberDetail: "field ignored",
    noPurchase: "dropped",
  };
}

function isBlankRow(table: RawTable, row: number): boolean {
  for (const column of table.columns) if (!isBlankCell(column[row])) return false;
  return true;
}

/**
 * What was read from each table row, column by column (one tight loop per column is much faster than
 * one loop over rows touching every column), indexed by table row.
 */
interface RowValues {
  /** Customer per row in order of first appearance, −1 for a blank id. */
  customer: Int32Array;
  /** Day number per row, NO_DAY when the date cannot be read. */
  day: Int32Array;
  /** Amount per row, NaN when it cannot be read. */
  amount: Float64Array;
  /** Quantity per row (NaN when blank), without a quantity column null. */
  quantity: Float64Array | null;
  /** Channel per row as an index into `channels` (−1 when blank), without a channel column null. */
  channel: Int32Array | null;
  channels: Dictionary;
}

/** The customers of a table: ids in order of first appearance, their first row, and test-account rules. */
interface Customers {
  ids: string[];
  firstRowOf: number[];
  testRuleOf: (TestAccountRule | undefined)[];
}

function readCustomers(
  cells: CellValue[],
  rows: number,
  out: Int32Array,
  rules: TestAccountMatcher,
): Customers {
  const index = new Map<string, number>();
  const customers: Customers = { ids: [], firstRowOf: [], testRuleOf: [] };
  for (let row = 0; row < rows; row++) {
    const id = parseId(cells[row]);
    if (id === "") {
      out[row] = -1;
      continue;
    }
    let c = index.get(id);
    if (c === undefined) {
      c = customers.ids.length;
      index.set(id, c);
      customers.ids.push(id);
      customers.firstRowOf.push(row);
      customers.testRuleOf.push(rules.match(id));
    }
    out[row] = c;
  }
  return customers;
}

function readDays(cells: CellValue[], rows: number, out: Int32Array, options?: DateParseOptions): void {
  for (let row = 0; row < rows; row++) {
    const day = parseDay(cells[row], options);
    out[row] = Number.isNaN(day) ? NO_DAY : day;
  }
}

function readAmounts(
  cells: CellValue[],
  rows: number,
  out: Float64Array,
  options?: AmountParseOptions,
): void {
  for (let row = 0; row < rows; row++) out[row] = parseAmount(cells[row], options);
}

function readRowValues(table: RawTable, columns: DetectedColumns, rows: number, options: ReadOrdersOptions) {
  const cellsOf = (column: number | undefined): CellValue[] | undefined =>
    column === undefined ? undefined : (table.columns[column] ?? []);
  const values: RowValues = {
    customer: new Int32Array(rows),
    day: new Int32Array(rows),
    amount: new Float64Array(rows),
    quantity: null,
    channel: null,
    channels: new Dictionary(),
  };
  const testAccounts = compileTestAccountRules(options.testAccounts ?? DEFAULT_TEST_ACCOUNT_RULES);
  const { mapping } = columns;
  const customers = readCustomers(cellsOf(mapping.customerId) ?? [], rows, values.customer, testAccounts);
  readDays(cellsOf(mapping.date) ?? [], rows, values.day, options.dates);
  readAmounts(cellsOf(mapping.amount) ?? [], rows, values.amount, options.amounts);
  const quantityCells = cellsOf(mapping.quantity);
  if (quantityCells) readAmounts(quantityCells, rows, (values.quantity = new Float64Array(rows)));
  const channelCells = cellsOf(mapping.channel);
  if (channelCells) {
    const channel = (values.channel = new Int32Array(rows));
    for (let row = 0; row < rows; row++) channel[row] = values.channels.indexOf(parseId(channelCells[row]));
  }
  return { values, customers };
}

/**
 * Reads an order table. Throws a DataError only when the table cannot be read at all (no customer id,
 * date or amount column, an override naming a missing column, a bad test-account rule); bad rows are
 * counted in `quality` instead.
 */
export function readOrderTable(table: RawTable, options: ReadOrdersOptions = {}): OrderTable {
  const columns = detectColumns(table, options.columns);
  requireColumns(table, columns);
  const idColumn = columns.mapping.customerId as number;
  const dateColumn = columns.mapping.date as number;
  const amountColumn = columns.mapping.amount as number;
  const dateCells: CellValue[] = table.columns[dateColumn] ?? [];
  const amountCells: CellValue[] = table.columns[amountColumn] ?? [];
  const rows = rowCount(table);
  const quality = new QualityCollector(
    table,
    actionsFor(options),
    options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
  );
  const { values, customers } = readRowValues(table, columns, rows, options);
  const { ids, firstRowOf, testRuleOf } = customers;
  const isTest = Uint8Array.from(testRuleOf, (rule) => (rule ? 1 : 0));
  const rowCustomers = { customerOfRow: values.customer, skip: isTest };
  const details = readMemberDetails(
    table,
    columns.mapping,
    rowCustomers,
    quality,
    options.dates,
    options.amounts,
  );

  // Each row under the first reason that applies; the rest are candidate lines.
  const candidates = new Int32Array(rows);
  let candidateCount = 0;
  let latestDay = -Infinity;
  for (let row = 0; row < rows; row++) {
    const customer = values.customer[row];
    if (customer < 0) {
      quality.add(isBlankRow(table, row) ? "blankRow" : "blankId", idColumn, row);
      continue;
    }
    if (isTest[customer]) {
      const testRule = testRuleOf[customer] as TestAccountRule;
      quality.add("testAccount", idColumn, row, () => `rule: ${testRule.name}`);
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
      const amountCell = amountCells[row];
      quality.add("nonNumericAmount", amountColumn, row, () => explainAmount(amountCell, options.amounts));
      continue;
    }
    candidates[candidateCount++] = row;
    if (day > latestDay) latestDay = day;
  }

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

  const sorted = sortByGroupThenKey(candidates.subarray(0, inTime), values.customer, values.day, ids.length);
  const duplicate = markDuplicateRows(table, sorted.order, values.customer, values.day, values.amount, rows);

  // Classify what remains; kind 0 = not used, 1 = purchase line, 2 = refund line.
  const kind = new Uint8Array(rows);
  const purchasesOf = new Int32Array(ids.length);
  const keepDuplicates = options.duplicates === "keep";
  const keepZero = options.zeroAmounts !== "drop";
  const keepRefunds = options.refunds !== "drop";
  for (let i = 0; i < sorted.order.length; i++) {
    const row = sorted.order[i];
    const amount = values.amount[row];
    if (duplicate[row]) {
      quality.add("duplicateLine", idColumn, row, undefined, amount);
      if (!keepDuplicates) continue;
    }
    if (amount > 0) {
      kind[row] = 1;
    } else if (amount === 0) {
      quality.add("zeroAmount", amountColumn, row);
      if (keepZero) kind[row] = 1;
    } else {
      quality.add("refund", amountColumn, row, undefined, amount);
      if (keepRefunds) kind[row] = 2;
    }
    if (kind[row] === 1) purchasesOf[values.customer[row]]++;
  }

  // Customers with a purchase keep their table order; the others are reported.
  const newIndexOf = new Int32Array(ids.length).fill(-1);
  const kept: number[] = [];
  const customersWithoutPurchase: string[] = [];
  for (let c = 0; c < ids.length; c++) {
    if (purchasesOf[c] > 0) {
      newIndexOf[c] = kept.length;
      kept.push(c);
    } else if (!testRuleOf[c]) {
      customersWithoutPurchase.push(ids[c]);
      quality.add("noPurchase", idColumn, firstRowOf[c]);
    }
  }

  const orders = buildOrderLines(table, columns, sorted.order, kind, values, newIndexOf, kept, ids);
  return {
    orders,
    members: pickMemberDetails(details, kept),
    quality: quality.report(rows, orders.day.length),
    columns,
    asOf,
    customersWithoutPurchase,
  };
}

/** Lays the purchase and refund lines out in columns, grouped by the new customer index. */
function buildOrderLines(
  table: RawTable,
  columns: DetectedColumns,
  order: Int32Array,
  kind: Uint8Array,
  values: RowValues,
  newIndexOf: Int32Array,
  kept: number[],
  ids: string[],
): OrderLines {
  let purchaseCount = 0;
  let refundCount = 0;
  for (let i = 0; i < order.length; i++) {
    const k = kind[order[i]];
    if (k === 1) purchaseCount++;
    else if (k === 2 && newIndexOf[values.customer[order[i]]] >= 0) refundCount++;
  }
  const customerCount = kept.length;
  const customerStart = new Int32Array(customerCount + 1);
  const customer = new Int32Array(purchaseCount);
  const day = new Int32Array(purchaseCount);
  const amount = new Float64Array(purchaseCount);
  const sourceRow = new Int32Array(purchaseCount);
  const quantity = values.quantity ? new Float64Array(purchaseCount) : null;
  const channel = values.channel ? new Int32Array(purchaseCount) : null;
  const refunds: RefundLines = {
    customerStart: new Int32Array(customerCount + 1),
    day: new Int32Array(refundCount),
    amount: new Float64Array(refundCount),
    sourceRow: new Int32Array(refundCount),
  };
  let p = 0;
  let r = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    const c = newIndexOf[values.customer[row]];
    if (c < 0) continue;
    if (kind[row] === 1) {
      customer[p] = c;
      day[p] = values.day[row];
      amount[p] = values.amount[row];
      sourceRow[p] = row;
      if (quantity && values.quantity) quantity[p] = values.quantity[row];
      if (channel && values.channel) channel[p] = values.channel[row];
      customerStart[c + 1] = ++p;
    } else if (kind[row] === 2) {
      refunds.day[r] = values.day[row];
      refunds.amount[r] = values.amount[row];
      refunds.sourceRow[r] = row;
      refunds.customerStart[c + 1] = ++r;
    }
  }
  fillForward(customerStart);
  fillForward(refunds.customerStart);
  const orderColumn = columns.mapping.orderId;
  return {
    customerIds: kept.map((old) => ids[old]),
    customerStart,
    customer,
    day,
    amount,
    sourceRow,
    newOrder: markNewOrders(
      orderColumn === undefined ? undefined : table.columns[orderColumn],
      customer,
      day,
      sourceRow,
    ),
    quantity,
    channel,
    channels: values.channels.values,
    refunds,
  };
}

/**
 * Which lines start an order (OrderLines.newOrder). Lines of one order share customer and day, so order
 * ids are compared within each customer's day only: no dictionary of all order ids is needed.
 */
function markNewOrders(
  orderCells: CellValue[] | undefined,
  customer: Int32Array,
  day: Int32Array,
  sourceRow: Int32Array,
): Uint8Array {
  const n = customer.length;
  const newOrder = new Uint8Array(n).fill(1);
  if (!orderCells) return newOrder;
  const scratch: string[] = [];
  let groupStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && customer[i] === customer[groupStart] && day[i] === day[groupStart]) continue;
    if (i - groupStart > 1) markRepeatedIds(orderCells, sourceRow, groupStart, i, newOrder, scratch);
    groupStart = i;
  }
  return newOrder;
}

/**
 * Sets newOrder to 0 for lines lo..hi−1 whose order id appeared on an earlier line of the range. Each id is
 * read once into `scratch`; the ranges (one customer's day) are small, so earlier ids are compared directly.
 */
function markRepeatedIds(
  orderCells: CellValue[],
  sourceRow: Int32Array,
  lo: number,
  hi: number,
  newOrder: Uint8Array,
  scratch: string[],
): void {
  const seen = hi - lo > 32 ? new Set<string>() : undefined;
  for (let j = lo; j < hi; j++) {
    const id = parseId(orderCells[sourceRow[j]]);
    scratch[j - lo] = id;
    if (id === "") continue;
    if (seen) {
      if (seen.has(id)) newOrder[j] = 0;
      else seen.add(id);
      continue;
    }
    for (let k = j - 1; k >= lo; k--) {
      if (scratch[k - lo] === id) {
        newOrder[j] = 0;
        break;
      }
    }
  }
}

/** Offsets written only where a group ended: carry them over groups that had no line. */
function fillForward(start: Int32Array): void {
  for (let i = 1; i < start.length; i++) if (start[i] < start[i - 1]) start[i] = start[i - 1];
}

/** Text values numbered in order of first appearance; "" gets −1. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(text: string): number {
    if (text === "") return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(text, i);
      this.values.push(text);
    }
    return i;
  }
}
