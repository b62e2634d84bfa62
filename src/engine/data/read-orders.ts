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
import { compileTestAccountRules, DEFAULT_TEST_ACCOUNT_RULES, type TestAccountRule } from "./test-accounts";
import {
  DEFAULT_EXAMPLES_PER_REASON,
  QualityCollector,
  type DataQualityReport,
  type QualityAction,
  type QualityReason,
} from "./quality";
import { MemberDetailCollector } from "./member-details";
import { markDuplicateRows } from "./duplicates";
import { sortByGroupThenKey } from "./group-sort";
import { formatDay } from "./days";
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

/** The rows that passed the per-row checks, per table row (−1: not a candidate). */
interface Candidates {
  rows: Int32Array;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
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
  const idCells: CellValue[] = table.columns[idColumn] ?? [];
  const dateCells: CellValue[] = table.columns[dateColumn] ?? [];
  const amountCells: CellValue[] = table.columns[amountColumn] ?? [];
  const rows = rowCount(table);
  const quality = new QualityCollector(
    table,
    actionsFor(options),
    options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
  );
  const testAccounts = compileTestAccountRules(options.testAccounts ?? DEFAULT_TEST_ACCOUNT_RULES);
  const members = new MemberDetailCollector(
    table,
    columns.mapping,
    rows,
    quality,
    options.dates,
    options.amounts,
  );

  // Customers in table order, test accounts included (they are dropped row by row below).
  const idIndex = new Map<string, number>();
  const ids: string[] = [];
  const firstRowOf: number[] = [];
  const testRuleOf: (TestAccountRule | undefined)[] = [];

  const candidates: Candidates = {
    rows: new Int32Array(rows),
    customer: new Int32Array(rows),
    day: new Int32Array(rows),
    amount: new Float64Array(rows),
  };
  let candidateCount = 0;
  let latestDay = -Infinity;

  for (let row = 0; row < rows; row++) {
    const id = parseId(idCells[row]);
    if (id === "") {
      quality.add(isBlankRow(table, row) ? "blankRow" : "blankId", idColumn, row);
      continue;
    }
    let customer = idIndex.get(id);
    if (customer === undefined) {
      customer = ids.length;
      idIndex.set(id, customer);
      ids.push(id);
      firstRowOf.push(row);
      testRuleOf.push(testAccounts.match(id));
    }
    const testRule = testRuleOf[customer];
    if (testRule) {
      quality.add("testAccount", idColumn, row, () => `rule: ${testRule.name}`);
      continue;
    }
    members.collect(customer, row);
    const dateCell = dateCells[row];
    const amountCell = amountCells[row];
    const day = parseDay(dateCell, options.dates);
    if (Number.isNaN(day)) {
      if (isBlankCell(dateCell) && isBlankCell(amountCell)) {
        quality.add("memberDetailsOnly", idColumn, row);
      } else {
        quality.add("unparsableDate", dateColumn, row, () => explainDate(dateCell, options.dates));
      }
      continue;
    }
    const amount = parseAmount(amountCell, options.amounts);
    if (Number.isNaN(amount)) {
      quality.add("nonNumericAmount", amountColumn, row, () => explainAmount(amountCell, options.amounts));
      continue;
    }
    candidates.rows[candidateCount] = row;
    candidates.customer[row] = customer;
    candidates.day[row] = day;
    candidates.amount[row] = amount;
    candidateCount++;
    if (day > latestDay) latestDay = day;
  }

  const asOf = options.asOf ?? (candidateCount > 0 ? latestDay : NaN);
  let inTime = 0;
  for (let i = 0; i < candidateCount; i++) {
    const row = candidates.rows[i];
    if (candidates.day[row] > asOf) {
      quality.add("dateAfterAsOf", dateColumn, row, () => `after ${formatDay(asOf)}`, candidates.amount[row]);
    } else {
      candidates.rows[inTime++] = row;
    }
  }

  const sorted = sortByGroupThenKey(
    candidates.rows.subarray(0, inTime),
    candidates.customer,
    candidates.day,
    ids.length,
  );
  const duplicate = markDuplicateRows(
    table,
    sorted.order,
    candidates.customer,
    candidates.day,
    candidates.amount,
    rows,
  );

  // Classify what remains; kind 0 = not used, 1 = purchase line, 2 = refund line.
  const kind = new Uint8Array(rows);
  const purchasesOf = new Int32Array(ids.length);
  const keepDuplicates = options.duplicates === "keep";
  const keepZero = options.zeroAmounts !== "drop";
  const keepRefunds = options.refunds !== "drop";
  for (let i = 0; i < sorted.order.length; i++) {
    const row = sorted.order[i];
    const amount = candidates.amount[row];
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
    if (kind[row] === 1) purchasesOf[candidates.customer[row]]++;
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

  const orders = buildOrderLines(table, columns, sorted.order, kind, candidates, newIndexOf, kept, ids);
  return {
    orders,
    members: members.finish(Int32Array.from(kept)),
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
  candidates: Candidates,
  newIndexOf: Int32Array,
  kept: number[],
  ids: string[],
): OrderLines {
  let purchaseCount = 0;
  let refundCount = 0;
  for (let i = 0; i < order.length; i++) {
    const k = kind[order[i]];
    if (k === 1) purchaseCount++;
    else if (k === 2 && newIndexOf[candidates.customer[order[i]]] >= 0) refundCount++;
  }
  const customerCount = kept.length;
  const customerStart = new Int32Array(customerCount + 1);
  const customer = new Int32Array(purchaseCount);
  const day = new Int32Array(purchaseCount);
  const amount = new Float64Array(purchaseCount);
  const sourceRow = new Int32Array(purchaseCount);
  const refunds: RefundLines = {
    customerStart: new Int32Array(customerCount + 1),
    day: new Int32Array(refundCount),
    amount: new Float64Array(refundCount),
    sourceRow: new Int32Array(refundCount),
  };
  const orderColumn = columns.mapping.orderId;
  const quantityColumn = columns.mapping.quantity;
  const channelColumn = columns.mapping.channel;
  const orderCells = orderColumn === undefined ? undefined : (table.columns[orderColumn] ?? []);
  const quantityCells = quantityColumn === undefined ? undefined : (table.columns[quantityColumn] ?? []);
  const channelCells = channelColumn === undefined ? undefined : (table.columns[channelColumn] ?? []);
  const orderOf = new Int32Array(purchaseCount).fill(-1);
  const quantity = quantityCells ? new Float64Array(purchaseCount) : null;
  const channel = channelCells ? new Int32Array(purchaseCount) : null;
  const orderIds = new Dictionary();
  const channels = new Dictionary();

  let p = 0;
  let r = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    const c = newIndexOf[candidates.customer[row]];
    if (c < 0) continue;
    if (kind[row] === 1) {
      customer[p] = c;
      day[p] = candidates.day[row];
      amount[p] = candidates.amount[row];
      sourceRow[p] = row;
      if (orderCells) orderOf[p] = orderIds.indexOf(parseId(orderCells[row]));
      if (quantity && quantityCells) quantity[p] = parseAmount(quantityCells[row]);
      if (channel && channelCells) channel[p] = channels.indexOf(parseId(channelCells[row]));
      customerStart[c + 1] = ++p;
    } else if (kind[row] === 2) {
      refunds.day[r] = candidates.day[row];
      refunds.amount[r] = candidates.amount[row];
      refunds.sourceRow[r] = row;
      refunds.customerStart[c + 1] = ++r;
    }
  }
  fillForward(customerStart);
  fillForward(refunds.customerStart);
  return {
    customerIds: kept.map((old) => ids[old]),
    customerStart,
    customer,
    day,
    amount,
    sourceRow,
    order: orderOf,
    orderIds: orderIds.values,
    quantity,
    channel,
    channels: channels.values,
    refunds,
  };
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
