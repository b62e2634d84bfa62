/**
 * Order totals repeated per line. Marketplace exports (Taobao/Tmall, JD, Youzan) write the order's total
 * on every item line of the order, Shopify's order export on its first line with blanks below: summing the
 * amount column would count an order once per item. Detected from the data: an order id whose lines all
 * carry the same amount, or one amount with blanks below, on (nearly) every order of several lines.
 */
import type { CellValue } from "./table";
import { isBlankCell } from "./parse-date";
import { parseId } from "./parse-id";

/** How the amount column is meant: one amount per line, or the order's total (repeated or on its first line). */
export type LineAmounts = "auto" | "perLine" | "orderTotal";

export interface OrderTotals {
  /** Whether the amount column holds order totals. */
  orderTotals: boolean;
  /** Per row, 1 for a later line of an order whose total is counted on its first line. */
  repeated: Uint8Array | null;
  /** Orders of several lines, and how many of them look like a total repeated (or on the first line only). */
  multiLineOrders: number;
  consistentOrders: number;
}

/** Share of the orders of several lines that must look repeated. */
export const REPEATED_SHARE = 0.9;
/** Without a blank continuation line, at least this many such orders are needed to decide. */
export const MIN_REPEATED_ORDERS = 3;

/**
 * Whether an amount column holds order totals: of the `multi` orders of several lines, `consistent` carry
 * one amount on every line (or on the first line with blanks below, `blankBelow`), nearly all of them, and
 * either a blank continuation line was seen or enough orders agree.
 */
export function holdsOrderTotals(multi: number, consistent: number, blankBelow: boolean): boolean {
  return (
    multi > 0 && consistent >= REPEATED_SHARE * multi && (blankBelow || consistent >= MIN_REPEATED_ORDERS)
  );
}

interface OrderState {
  first: number;
  amount: number;
  lines: number;
  consistent: boolean;
}

export function findOrderTotals(
  orderCells: readonly CellValue[] | undefined,
  amountCells: readonly CellValue[] | undefined,
  amount: Float64Array,
  rows: number,
  mode: LineAmounts = "auto",
): OrderTotals {
  const none: OrderTotals = { orderTotals: false, repeated: null, multiLineOrders: 0, consistentOrders: 0 };
  if (!orderCells || !amountCells || mode === "perLine") return none;
  const orders = new Map<string, OrderState>();
  const orderOf = new Array<OrderState | undefined>(rows);
  let blankBelow = false;
  for (let row = 0; row < rows; row++) {
    const id = parseId(orderCells[row]);
    if (id === "") continue;
    const state = orders.get(id);
    if (!state) {
      // An order whose first line has no amount is not one total repeated (nor on its first line).
      const first: OrderState = {
        first: row,
        amount: amount[row],
        lines: 1,
        consistent: Number.isFinite(amount[row]),
      };
      orders.set(id, first);
      orderOf[row] = first;
      continue;
    }
    orderOf[row] = state;
    state.lines++;
    if (isBlankCell(amountCells[row])) blankBelow = true;
    else if (!(amount[row] === state.amount)) state.consistent = false;
  }
  let multi = 0;
  let consistent = 0;
  for (const state of orders.values()) {
    if (state.lines < 2) continue;
    multi++;
    if (state.consistent) consistent++;
  }
  const detected = holdsOrderTotals(multi, consistent, blankBelow);
  if (!(mode === "orderTotal" || detected))
    return { ...none, multiLineOrders: multi, consistentOrders: consistent };
  const repeated = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    const state = orderOf[row];
    if (state && state.first !== row && (state.consistent || mode === "orderTotal")) repeated[row] = 1;
  }
  return { orderTotals: true, repeated, multiLineOrders: multi, consistentOrders: consistent };
}
