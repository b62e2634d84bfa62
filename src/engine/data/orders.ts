/**
 * Clean order lines in columns (typed arrays), as every analysis of the engine takes them.
 *
 * Conventions:
 * - A customer is an index 0..n−1 into `customerIds` (ids as text, in the order they first appear in the
 *   table). Only customers with at least one purchase line are here.
 * - Lines are grouped by customer and sorted by day, then by table row: customer c's lines are
 *   `customerStart[c]` .. `customerStart[c + 1] − 1`.
 * - Days are day numbers (days since 1970-01-01, see days.ts); amounts are in the currency of the data.
 * - Refunds (negative amounts) are not purchases: they are kept apart in `refunds`, grouped the same way,
 *   and reduce a customer's spend.
 */

export interface RefundLines {
  /** Customer c's refunds: customerStart[c] .. customerStart[c + 1] − 1, sorted by day. */
  customerStart: Int32Array;
  day: Int32Array;
  /** Negative amounts. */
  amount: Float64Array;
  /** 0-based data row in the source table. */
  sourceRow: Int32Array;
}

/** Text columns of the order lines read as labels of each line: what was bought and through which campaign. */
export const LABEL_ROLES = ["category", "brand", "product", "campaign"] as const;
export type LabelRole = (typeof LABEL_ROLES)[number];

/** One label per line as an index into `values` (−1 when blank); `values` in order of first appearance. */
export interface LabelColumn {
  index: Int32Array;
  values: readonly string[];
}

export interface OrderLines {
  customerIds: readonly string[];
  customerStart: Int32Array;
  /** Customer index of each line. */
  customer: Int32Array;
  day: Int32Array;
  /** Amount of each line, zero or positive. */
  amount: Float64Array;
  /** 0-based data row in the source table (sheet row = table.firstRow + sourceRow). */
  sourceRow: Int32Array;
  /**
   * 1 when the line starts an order, 0 when an earlier line of the same customer and day has the same
   * order id. A line without an order id (or every line, without an order id column) is an order by
   * itself. Orders of a day = the sum over its lines.
   */
  newOrder: Uint8Array;
  /** Quantity per line (NaN when blank), or null without a quantity column. */
  quantity: Float64Array | null;
  /** Channel per line as an index into `channels` (−1 when blank), or null without a channel column. */
  channel: Int32Array | null;
  channels: readonly string[];
  /** The label columns the table has (category, brand, product, campaign), per purchase line. */
  labels: Partial<Record<LabelRole, LabelColumn>>;
  refunds: RefundLines;
}

/**
 * Member details per customer (same index as `OrderLines.customerIds`), each the last readable non-blank
 * value in table order; null when the table has no such column.
 */
export interface MemberDetails {
  /** Day numbers, NO_DAY when unknown. */
  birthday: Int32Array | null;
  /** Day numbers, NO_DAY when unknown. */
  joinDay: Int32Array | null;
  /** Tier as written in the data ("" when blank). */
  tier: string[] | null;
  /** Points balance (NaN when blank). */
  points: Float64Array | null;
  /**
   * Name, phone, e-mail, (home) store and channel as written in the data ("" when blank): the member's last
   * non-blank, so the channel is that of their latest line that names one.
   */
  name: string[] | null;
  phone: string[] | null;
  email: string[] | null;
  store: string[] | null;
  channel: string[] | null;
}
