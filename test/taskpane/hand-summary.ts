/**
 * A customer summary written by hand, as `loyalty sql` would return it for three customers as of
 * 2024-03-31 in weeks: every number worked out here from the customers' stories (days counted on the
 * calendar), so the pane's build from it is checked against arithmetic, not against our own output.
 * The unit test (summary-source.test.ts) and the browser test (test/e2e) read the same rows.
 */
import { SUMMARY_COLUMNS } from "../../src/engine/summary/summary-columns";

const WEEK = 7;

/** The rows under the header, in the order of SUMMARY_COLUMNS (holdout columns blank). */
const CUSTOMERS = [
  // A: bought on 1 Jan, 1 Feb and 1 Mar 2024 (50 each); 60 days from first to last, 30 more to the as-of date.
  ["A", "2024-01-01", "2024-03-01", 3, 3, 150, 0, 30, 2, 60 / WEEK, 90 / WEEK, 50, null, null, 150, 3],
  // B: one purchase of 80 on 15 Feb 2024, 45 days before the as-of date.
  ["B", "2024-02-15", "2024-02-15", 1, 1, 80, 0, 45, 0, 0, 45 / WEEK, 0, null, null, 80, 1],
  // C: 60 on 10 Jun 2023 (10.50 of it refunded later) and 50 on 31 Mar 2024, the as-of date: 295 days
  // apart (20 left of June, 184 from July to December, 91 from January to March).
  ["C", "2023-06-10", "2024-03-31", 2, 2, 99.5, -10.5, 0, 1, 295 / WEEK, 295 / WEEK, 50, null, null, 99.5, 2],
];

export const HAND_SUMMARY = {
  headers: SUMMARY_COLUMNS.map(([name]) => name as string),
  rows: CUSTOMERS,
  asOf: "2024-03-31",
  customers: 3,
  orders: 3 + 1 + 2,
  revenue: 150 + 80 + 99.5,
};

/** The summary as a CSV file's text (what an analyst saves from the warehouse's query). */
export function handSummaryCsv(): string {
  const cell = (v: unknown) => (v === null ? "" : String(v));
  return [HAND_SUMMARY.headers, ...HAND_SUMMARY.rows].map((r) => r.map(cell).join(",")).join("\n");
}
