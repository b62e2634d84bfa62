/**
 * What each member buys, by category (or brand, or product: any label column of the order lines): the
 * categories bought, with the spend in the preference window and the day each was first bought, kept per
 * member as a short sorted list (CSR), so a table whose "category" column holds thousands of product
 * names costs memory in proportion to the lines, not to members × categories.
 *
 * Spend is the purchase lines' amounts: refunds carry no category and are not deducted here.
 */
import type { LabelColumn, OrderLines } from "../data/orders";

export interface MemberCategories {
  /** The label texts; an index into it is a category. */
  categories: readonly string[];
  /** Member c's categories: start[c] .. start[c + 1] − 1, ascending category index. */
  start: Int32Array;
  category: Int32Array;
  /** Spend on that category in the window (after `windowAfter`, through the as-of date). */
  windowSpend: Float64Array;
  /** Spend on that category over the whole history. */
  spend: Float64Array;
  /** The day the member first bought that category. */
  firstDay: Int32Array;
  /** Purchase lines per category over the whole history (lines without a category not counted). */
  lines: Int32Array;
  /** Purchase lines whose category cell is blank: left out of every preference, and reported. */
  blankLines: number;
  /** The window: lines after this day (and up to the as-of date) count as recent. */
  windowAfter: number;
}

/** Groups the lines of each member by label. `labels` must be a label column of `orders`. */
export function memberCategories(
  orders: OrderLines,
  labels: LabelColumn,
  windowAfter: number,
): MemberCategories {
  const n = orders.customerIds.length;
  const k = labels.values.length;
  const scratchSpend = new Float64Array(k);
  const scratchWindow = new Float64Array(k);
  const scratchFirst = new Int32Array(k);
  const seen = new Uint8Array(k);
  const touched: number[] = [];
  const start = new Int32Array(n + 1);
  const category: number[] = [];
  const windowSpend: number[] = [];
  const spend: number[] = [];
  const firstDay: number[] = [];
  const lines = new Int32Array(k);
  let blankLines = 0;
  for (let c = 0; c < n; c++) {
    start[c] = category.length;
    touched.length = 0;
    for (let i = orders.customerStart[c]; i < orders.customerStart[c + 1]; i++) {
      const label = labels.index[i];
      if (label < 0) {
        blankLines++;
        continue;
      }
      lines[label]++;
      if (!seen[label]) {
        seen[label] = 1;
        touched.push(label);
        // Lines are sorted by day: the first line of a category is its first day.
        scratchFirst[label] = orders.day[i];
        scratchSpend[label] = 0;
        scratchWindow[label] = 0;
      }
      scratchSpend[label] += orders.amount[i];
      if (orders.day[i] > windowAfter) scratchWindow[label] += orders.amount[i];
    }
    touched.sort((a, b) => a - b);
    for (const label of touched) {
      category.push(label);
      spend.push(scratchSpend[label]);
      windowSpend.push(scratchWindow[label]);
      firstDay.push(scratchFirst[label]);
      seen[label] = 0;
    }
  }
  start[n] = category.length;
  return {
    categories: labels.values,
    start,
    category: Int32Array.from(category),
    windowSpend: Float64Array.from(windowSpend),
    spend: Float64Array.from(spend),
    firstDay: Int32Array.from(firstDay),
    lines,
    blankLines,
    windowAfter,
  };
}

/** True when member c has ever bought category k (binary search in the member's sorted list). */
export function hasBought(m: MemberCategories, c: number, k: number): boolean {
  let lo = m.start[c];
  let hi = m.start[c + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (m.category[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo < m.start[c + 1] && m.category[lo] === k;
}

/** True when member c bought something with a category in the window. */
export function activeInWindow(m: MemberCategories, c: number): boolean {
  for (let j = m.start[c]; j < m.start[c + 1]; j++) if (m.windowSpend[j] > 0) return true;
  return false;
}
