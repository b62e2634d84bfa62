/**
 * Movements between tiers from the previous review to now: the migration matrix (counts and rates) and
 * the lists of customers promoted, demoted, lapsed, reactivated and new.
 */
import { NEW_MEMBER } from "./program";
import type { TierCategory, TierEvaluation } from "./evaluate";

export interface MigrationMatrix {
  /** Previous level: the tiers, lapsed, then new (not a customer at the previous review). */
  rows: readonly TierCategory[];
  /** Current level: the tiers, then lapsed. */
  columns: readonly TierCategory[];
  /** counts[row][column]: customers who moved from the row's level to the column's. */
  counts: number[][];
  /** counts / row total (NaN for an empty row). */
  rates: number[][];
  rowTotals: number[];
  columnTotals: number[];
}

export function migrationMatrix(evaluation: TierEvaluation): MigrationMatrix {
  const columns = evaluation.categories;
  const rows = [...columns, { ...NEW_MEMBER }];
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  const { current, previous, notYetLevel } = evaluation;
  for (let c = 0; c < current.length; c++) {
    if (current[c] === notYetLevel) continue;
    const row = previous[c] === notYetLevel ? rows.length - 1 : previous[c];
    counts[row][current[c]]++;
  }
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = columns.map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const rates = counts.map((r, i) => r.map((v) => (rowTotals[i] > 0 ? v / rowTotals[i] : NaN)));
  return { rows, columns, counts, rates, rowTotals, columnTotals };
}

export interface TierChanges {
  /** Moved to a higher tier. */
  promoted: Int32Array;
  /** Moved to a lower tier (still active). */
  demoted: Int32Array;
  /** Had a tier, now lapsed. */
  lapsed: Int32Array;
  /** Were lapsed, now hold a tier again. */
  reactivated: Int32Array;
  /** Were not customers at the previous review. */
  joined: Int32Array;
}

/** Customer indexes of each kind of movement, in customer order. */
export function tierChanges(evaluation: TierEvaluation): TierChanges {
  const { current, previous, lapsedLevel, notYetLevel } = evaluation;
  const lists: Record<keyof TierChanges, number[]> = {
    promoted: [],
    demoted: [],
    lapsed: [],
    reactivated: [],
    joined: [],
  };
  for (let c = 0; c < current.length; c++) {
    const now = current[c];
    const before = previous[c];
    if (now === notYetLevel || now === before) continue;
    if (before === notYetLevel) lists.joined.push(c);
    else if (now === lapsedLevel) lists.lapsed.push(c);
    else if (before === lapsedLevel) lists.reactivated.push(c);
    else if (now < before) lists.promoted.push(c);
    else lists.demoted.push(c);
  }
  return {
    promoted: Int32Array.from(lists.promoted),
    demoted: Int32Array.from(lists.demoted),
    lapsed: Int32Array.from(lists.lapsed),
    reactivated: Int32Array.from(lists.reactivated),
    joined: Int32Array.from(lists.joined),
  };
}
