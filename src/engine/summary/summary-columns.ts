/**
 * The columns of a customer-summary table: one row per customer, as `loyalty sql` writes the query that
 * makes it (src/sql/customer-summary-query.ts) and as `loyalty report --summary`, `loyalty fit` and the
 * task pane read it (read-summary-table.ts). One list, so that what is written is what is read.
 */

/** The columns, in order, with what each holds (the README and `loyalty sql --help` say the same). */
export const SUMMARY_COLUMNS = [
  ["customer_id", "the customer's id, as text"],
  ["first_purchase", "first purchase day up to the as-of date"],
  ["last_purchase", "last purchase day up to the as-of date"],
  ["orders", "orders up to the as-of date (distinct order ids per day)"],
  ["purchase_days", "distinct purchase days up to the as-of date"],
  ["spend", "net spend up to the as-of date: purchases plus refunds"],
  ["refunds", "refunds up to the as-of date (zero or negative)"],
  ["recency_days", "days from the last purchase to the as-of date"],
  [
    "frequency",
    "x: repeat purchase days up to the calibration end (blank if the first purchase is after it)",
  ],
  ["recency", "t_x: first to last purchase day up to the calibration end, in the time unit"],
  ["T", "first purchase day to the calibration end, in the time unit"],
  ["monetary_value", "mean value of the repeat purchase days up to the calibration end (0 when x = 0)"],
  ["holdout_frequency", "purchase days after the calibration end (blank without a holdout)"],
  ["holdout_spend", "value of those purchase days (blank without a holdout)"],
  ["window_spend", "net spend in the tier window (the months up to the as-of date)"],
  ["window_purchase_days", "purchase days in the tier window"],
] as const;

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number][0];

/** Months of the rolling window whose spend and purchase days the summary gives for tiers. */
export const SUMMARY_TIER_WINDOW_MONTHS = 12;

/**
 * The columns that make a table a customer summary rather than order lines: a table with these headers
 * is read as a summary by the report and the task pane.
 */
export const SUMMARY_SIGNATURE: readonly SummaryColumn[] = [
  "customer_id",
  "first_purchase",
  "last_purchase",
  "purchase_days",
  "frequency",
  "recency",
  "T",
];

/** The header as the summary's column names are compared: trimmed, lower case, spaces as underscores. */
export function summaryHeaderKey(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, "_");
}

/** The index of each summary column among `headers` (absent when the table does not have it). */
export function summaryColumnIndexes(headers: readonly string[]): Partial<Record<SummaryColumn, number>> {
  const keys = headers.map(summaryHeaderKey);
  const found: Partial<Record<SummaryColumn, number>> = {};
  for (const [name] of SUMMARY_COLUMNS) {
    const index = keys.indexOf(name.toLowerCase());
    if (index >= 0) found[name] = index;
  }
  return found;
}

/** The columns a report needs of a summary (the holdout columns are optional: blank without a calibration end). */
export const SUMMARY_REQUIRED: readonly SummaryColumn[] = SUMMARY_COLUMNS.map(([name]) => name).filter(
  (name) => name !== "holdout_frequency" && name !== "holdout_spend",
);

/** The columns of SUMMARY_REQUIRED that `headers` lacks, in the summary's order. */
export function missingSummaryColumns(headers: readonly string[]): SummaryColumn[] {
  const found = summaryColumnIndexes(headers);
  return SUMMARY_REQUIRED.filter((name) => found[name] === undefined);
}

/** True when the headers are those of a customer summary (SUMMARY_SIGNATURE all present). */
export function isCustomerSummaryHeaders(headers: readonly string[]): boolean {
  const found = summaryColumnIndexes(headers);
  return SUMMARY_SIGNATURE.every((name) => found[name] !== undefined);
}
