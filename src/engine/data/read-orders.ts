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
import { explainDate, isBlankCell, type DateParseOptions } from "./parse-date";
import { explainAmount, type AmountParseOptions } from "./parse-amount";
import type { TestAccountRule } from "./test-accounts";
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
import type { MemberDetails, OrderLines } from "./orders";
import { readRowValues, type RowValues } from "./row-values";
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
    unparsableDate: "dropped",
    nonNumericAmount: "dropped",
    dateAfterAsOf: "dropped",
    duplicateLine: keepDuplicates ? "kept" : "dropped",
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
 * Counts each row under the first reason that applies (blank row or id, test account, member details only,
 * unreadable date, amount not a number); returns the other rows, the candidate lines, in table order.
 */
function screenRows(
  table: RawTable,
  columns: DetectedColumns,
  values: RowValues,
  testRuleOf: readonly (TestAccountRule | undefined)[],
  quality: QualityCollector,
  options: ReadOrdersOptions,
): { rows: Int32Array; count: number; latestDay: number } {
  const idColumn = columns.mapping.customerId as number;
  const dateColumn = columns.mapping.date as number;
  const amountColumn = columns.mapping.amount as number;
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

  return { rows: candidates, count: candidateCount, latestDay };
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
  const rows = rowCount(table);
  const keepDuplicates = keepsDuplicates(options, columns);
  const quality = new QualityCollector(
    table,
    actionsFor(options, keepDuplicates),
    options.examplesPerReason ?? DEFAULT_EXAMPLES_PER_REASON,
  );
  const { values, customers } = readRowValues(table, columns, rows, options);
  const { ids, firstRowOf, testRuleOf } = customers;
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

  const screened = screenRows(table, columns, values, testRuleOf, quality, options);
  const { rows: candidates, count: candidateCount, latestDay } = screened;

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

  // What remains is a purchase, a zero amount or a refund (duplicates counted first).
  const kind = new Uint8Array(rows).fill(NOT_USED);
  const purchasesOf = new Int32Array(ids.length);
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
      kind[row] = PURCHASE;
    } else if (amount === 0) {
      quality.add("zeroAmount", amountColumn, row);
      if (keepZero) kind[row] = PURCHASE;
    } else {
      quality.add("refund", amountColumn, row, undefined, amount);
      if (keepRefunds) kind[row] = REFUND;
    }
    if (kind[row] === PURCHASE) purchasesOf[values.customer[row]]++;
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
