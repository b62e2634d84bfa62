/**
 * Lines that are not revenue although they carry an amount: orders whose status says they were cancelled,
 * refunded, returned, closed or never paid (Taobao's 交易关闭, Shopify's "refunded"), and cancellation
 * invoices (a UK retailer's "C536379" beside its invoices "536365"). The words are data.
 */
import type { CellValue } from "./table";
import { parseId } from "./parse-id";

/** Statuses (lower case, without blanks, "_" or "-") of orders that are not revenue. */
export const CANCELLED_STATUSES: readonly string[] = [
  "cancelled", "canceled", "cancel", "cancellation", "refunded", "refund", "returned", "return", "voided",
  "void", "closed", "failed", "declined", "unpaid", "rejected", "reversed", "chargeback", "chargedback",
  "已取消", "取消", "订单取消", "交易取消", "已退款", "退款成功", "退款完成", "全额退款", "退款", "退货", "已退货",
  "退货成功", "退货退款", "交易关闭", "交易已关闭", "已关闭", "关闭", "等待买家付款", "待付款", "未付款", "已作废", "作废",
]; // prettier-ignore

const CANCELLED = new Set(CANCELLED_STATUSES);

export function normalizeStatus(status: string): string {
  return status
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** Whether a status cell says the order is not revenue. */
export function isCancelledStatus(cell: CellValue): boolean {
  const text = parseId(cell);
  return text !== "" && CANCELLED.has(normalizeStatus(text));
}

/** Invoice ids of cancellations ("C536379") and plain invoice ids ("536365"). */
const CANCELLATION_INVOICE = /^C\d+$/;
const NUMERIC_INVOICE = /^\d+$/;

/** What an order-id cell is, for telling whether "C" invoices are cancellations: see `invoiceKind`. */
export const OTHER_INVOICE = 0;
export const CANCELLATION_INVOICE_ID = 1;
export const NUMERIC_INVOICE_ID = 2;

/** Whether an order-id cell is a "C" + digits invoice, a plain numeric one, or anything else. */
export function invoiceKind(cell: CellValue): number {
  if (typeof cell === "number") return NUMERIC_INVOICE_ID;
  if (typeof cell !== "string") return OTHER_INVOICE;
  const id = cell.trim();
  if (CANCELLATION_INVOICE.test(id)) return CANCELLATION_INVOICE_ID;
  return NUMERIC_INVOICE.test(id) ? NUMERIC_INVOICE_ID : OTHER_INVOICE;
}

/**
 * Whether invoice ids "C" + digits are cancellations of a table with `withC` such lines and `numeric` lines
 * of plain numeric invoice ids: only when the C ones are a minority (a shop numbering every order "C1001"
 * cancels nothing).
 */
export function cancellationInvoicesUsed(withC: number, numeric: number): boolean {
  return withC > 0 && numeric > withC;
}

/** Whether invoice ids "C" + digits are cancellations of this table (see `cancellationInvoicesUsed`). */
export function usesCancellationInvoices(
  orderCells: readonly CellValue[] | undefined,
  rows: number,
): boolean {
  if (!orderCells) return false;
  let withC = 0;
  let numeric = 0;
  for (let row = 0; row < rows; row++) {
    const kind = invoiceKind(orderCells[row]);
    if (kind === CANCELLATION_INVOICE_ID) withC++;
    else if (kind === NUMERIC_INVOICE_ID) numeric++;
  }
  return cancellationInvoicesUsed(withC, numeric);
}

export function isCancellationInvoice(cell: CellValue): boolean {
  return invoiceKind(cell) === CANCELLATION_INVOICE_ID;
}

/** Why a line is not revenue: 0 it is, 1 its status, 2 a cancellation invoice. */
export const NOT_CANCELLED = 0;
export const CANCELLED_BY_STATUS = 1;
export const CANCELLATION_INVOICE_LINE = 2;

/** Per row, whether and why it is a cancellation (see the constants above). */
export function readCancellations(
  statusCells: readonly CellValue[] | undefined,
  orderCells: readonly CellValue[] | undefined,
  rows: number,
): Uint8Array | null {
  const invoices = usesCancellationInvoices(orderCells, rows);
  if (!statusCells && !invoices) return null;
  const out = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    if (invoices && isCancellationInvoice(orderCells?.[row])) out[row] = CANCELLATION_INVOICE_LINE;
    else if (statusCells && isCancelledStatus(statusCells[row])) out[row] = CANCELLED_BY_STATUS;
  }
  return out;
}
