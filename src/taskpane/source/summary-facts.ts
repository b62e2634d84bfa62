/**
 * What the Orders step shows about a customer summary (one row per customer, as `loyalty sql` makes it)
 * chosen as the source: the columns a report needs that it lacks, the as-of date it was made for, and the
 * time unit its recency and T are counted in, read from its first rows. The reader of the build
 * (engine/summary/read-summary-table.ts) checks every row; this only proposes what the pane can see.
 */
import { formatDay } from "../../engine/data/days";
import { parseAmount } from "../../engine/data/parse-amount";
import { parseDay } from "../../engine/data/parse-date";
import { rowCount, type RawTable } from "../../engine/data/table";
import {
  missingSummaryColumns,
  summaryColumnIndexes,
  type SummaryColumn,
} from "../../engine/summary/summary-columns";
import { DAYS_PER_UNIT, TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import { EXCEL_SERIALS } from "../../sheet/serial-dates";

export interface SummaryFacts {
  /** Columns a report needs that the summary lacks (none: it can be built). */
  missing: SummaryColumn[];
  /** YYYY-MM-DD: last purchase + recency days of the first row that has them. */
  asOf?: string;
  /** The unit in which T is the days from the first purchase to the as-of date on every row read. */
  unit?: TimeUnit;
}

/** A pasted T is within half a day of a whole number of days (as the reader allows). */
const HALF_DAY = 0.5;

export function summaryFacts(table: RawTable): SummaryFacts {
  const missing = missingSummaryColumns(table.headers);
  const at = summaryColumnIndexes(table.headers);
  const cell = (name: SummaryColumn, r: number) =>
    at[name] === undefined ? undefined : table.columns[at[name]]?.[r];
  const day = (name: SummaryColumn, r: number) => parseDay(cell(name, r), { serials: EXCEL_SERIALS });
  let asOf: number | undefined;
  // Units still possible: each row whose T is not 0 leaves those that give its days.
  let units: TimeUnit[] = [...TIME_UNITS];
  let told = false;
  for (let r = 0; r < rowCount(table); r++) {
    const first = day("first_purchase", r);
    const end = day("last_purchase", r) + parseAmount(cell("recency_days", r));
    const T = parseAmount(cell("T", r));
    if (!Number.isFinite(first) || !Number.isFinite(end) || !Number.isFinite(T)) continue;
    asOf ??= end;
    if (T <= 0) continue;
    told = true;
    units = units.filter((u) => Math.abs(T * DAYS_PER_UNIT[u] - (end - first)) <= HALF_DAY);
  }
  const facts: SummaryFacts = { missing };
  if (asOf !== undefined) facts.asOf = formatDay(asOf);
  if (told && units.length === 1) facts.unit = units[0];
  return facts;
}
