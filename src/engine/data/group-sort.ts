/**
 * Sorting rows into groups (customers) and, within a group, by a key (day), in linear time for the usual
 * case: a counting sort by group, then an insertion sort by key inside each group, which is near linear
 * because order exports are mostly in date order already. Large, unordered groups fall back to a
 * comparison sort. Rows with equal group and key end up in ascending row-index order when `rows` is
 * ascending (as it always is here).
 */

export interface GroupedOrder {
  /** Row indexes in sorted order. */
  order: Int32Array;
  /** Group g occupies order[start[g]] .. order[start[g + 1] - 1]. */
  start: Int32Array;
}

const INSERTION_SORT_LIMIT = 48;

/**
 * Sorts `rows` (ascending indexes into `group` and `key`) by group, then key, then row index. `groupCount` is one
 * more than the largest group index.
 */
export function sortByGroupThenKey(
  rows: Int32Array,
  group: Int32Array,
  key: Int32Array,
  groupCount: number,
): GroupedOrder {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < rows.length; i++) start[group[rows[i]] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const next = start.slice(0, groupCount);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    order[next[group[row]]++] = row;
  }
  for (let g = 0; g < groupCount; g++) {
    const lo = start[g];
    const hi = start[g + 1];
    if (hi - lo > 1) sortRange(order, lo, hi, key);
  }
  return { order, start };
}

function sortRange(order: Int32Array, lo: number, hi: number, key: Int32Array): void {
  let sorted = true;
  for (let i = lo + 1; i < hi; i++) {
    if (key[order[i]] < key[order[i - 1]]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (hi - lo <= INSERTION_SORT_LIMIT) {
    for (let i = lo + 1; i < hi; i++) {
      const row = order[i];
      const k = key[row];
      let j = i - 1;
      while (j >= lo && key[order[j]] > k) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
    return;
  }
  // Rows within a range are in ascending input order, so the row index breaks ties stably.
  order.subarray(lo, hi).sort((a, b) => key[a] - key[b] || a - b);
}
