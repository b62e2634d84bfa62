/**
 * Laying the kept lines out as OrderLines: purchase and refund lines in columns, grouped by customer and
 * sorted by day, with the lines that start an order marked.
 */
import type { CellValue, RawTable } from "./table";
import type { DetectedColumns } from "./columns";
import { parseId } from "./parse-id";
import type { LabelColumn, LabelRole, OrderLines, RefundLines } from "./orders";
import type { RowValues } from "./row-values";

/** What each candidate row became: not used, a purchase line or a refund line. */
export const NOT_USED = 0;
export const PURCHASE = 1;
export const REFUND = 2;

/**
 * Lays the purchase and refund lines out in columns. `order` lists candidate rows by customer, then day;
 * `kind` says what each row became; `newIndexOf` maps old customer numbers to the kept ones (−1: dropped).
 */
export function buildOrderLines(
  table: RawTable,
  columns: DetectedColumns,
  order: Int32Array,
  kind: Uint8Array,
  values: RowValues,
  newIndexOf: Int32Array,
  kept: number[],
  ids: string[],
): OrderLines {
  const counts = countLines(order, kind, values, newIndexOf);
  const purchases = emptyPurchaseColumns(counts.purchases, kept.length, values);
  const refunds = emptyRefundLines(counts.refunds, kept.length);
  fillLines(order, kind, values, newIndexOf, purchases, refunds);
  const { customerStart, customer, day, amount, sourceRow, quantity, channel, labelIndex } = purchases;
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
    labels: Object.fromEntries(
      purchases.labelRoles.map((role, k): [LabelRole, LabelColumn] => [
        role,
        { index: labelIndex[k], values: values.labels[role]?.dictionary.values ?? [] },
      ]),
    ),
    refunds,
  };
}

/**
 * How many purchase and refund lines there will be, to size their columns once. A refund of a customer
 * who was dropped (no purchase kept) has nowhere to go and is not counted.
 */
function countLines(
  order: Int32Array,
  kind: Uint8Array,
  values: RowValues,
  newIndexOf: Int32Array,
): { purchases: number; refunds: number } {
  let purchases = 0;
  let refunds = 0;
  for (let i = 0; i < order.length; i++) {
    const k = kind[order[i]];
    if (k === PURCHASE) purchases++;
    else if (k === REFUND && newIndexOf[values.customer[order[i]]] >= 0) refunds++;
  }
  return { purchases, refunds };
}

/** The purchase lines' columns while they are filled: the optional ones only where the table has them. */
interface PurchaseColumns {
  customerStart: Int32Array;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  sourceRow: Int32Array;
  quantity: Float64Array | null;
  channel: Int32Array | null;
  labelRoles: LabelRole[];
  /** Per label role, the line's index into its dictionary. */
  labelIndex: Int32Array[];
}

function emptyPurchaseColumns(count: number, customerCount: number, values: RowValues): PurchaseColumns {
  const labelRoles = Object.keys(values.labels) as LabelRole[];
  return {
    customerStart: new Int32Array(customerCount + 1),
    customer: new Int32Array(count),
    day: new Int32Array(count),
    amount: new Float64Array(count),
    sourceRow: new Int32Array(count),
    quantity: values.quantity ? new Float64Array(count) : null,
    channel: values.channel ? new Int32Array(count) : null,
    labelRoles,
    labelIndex: labelRoles.map(() => new Int32Array(count)),
  };
}

function emptyRefundLines(count: number, customerCount: number): RefundLines {
  return {
    customerStart: new Int32Array(customerCount + 1),
    day: new Int32Array(count),
    amount: new Float64Array(count),
    sourceRow: new Int32Array(count),
  };
}

/**
 * Copies each kept customer's purchase and refund rows, in `order`, into their columns, and sets where
 * each customer's lines start (offsets written as each customer's last line goes in, then carried over
 * customers without lines).
 */
function fillLines(
  order: Int32Array,
  kind: Uint8Array,
  values: RowValues,
  newIndexOf: Int32Array,
  purchases: PurchaseColumns,
  refunds: RefundLines,
): void {
  const { customerStart, customer, day, amount, sourceRow, quantity, channel, labelIndex } = purchases;
  const labelOfRow = purchases.labelRoles.map((role) => values.labels[role]?.index as Int32Array);
  let p = 0;
  let r = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    const c = newIndexOf[values.customer[row]];
    if (c < 0) continue;
    if (kind[row] === PURCHASE) {
      customer[p] = c;
      day[p] = values.day[row];
      amount[p] = values.amount[row];
      sourceRow[p] = row;
      if (quantity && values.quantity) quantity[p] = values.quantity[row];
      if (channel && values.channel) channel[p] = values.channel[row];
      for (let k = 0; k < labelIndex.length; k++) labelIndex[k][p] = labelOfRow[k][row];
      customerStart[c + 1] = ++p;
    } else if (kind[row] === REFUND) {
      refunds.day[r] = values.day[row];
      refunds.amount[r] = values.amount[row];
      refunds.sourceRow[r] = row;
      refunds.customerStart[c + 1] = ++r;
    }
  }
  fillForward(customerStart);
  fillForward(refunds.customerStart);
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
