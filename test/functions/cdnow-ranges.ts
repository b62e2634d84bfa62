/** The published CDNOW summaries as Excel would pass their columns to a function. */
import { readTestDataCsv } from "../helpers/test-data";

export interface CdnowColumns {
  id: unknown[][];
  x: unknown[][];
  tx: unknown[][];
  T: unknown[][];
  /** Mean repeat value (zbar); only from the file with transactions. */
  zbar: unknown[][];
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar as columns of numbers. */
export function cdnowColumns(): CdnowColumns {
  const rows = readTestDataCsv("cdnow_customers_summary_with_transactions.csv")
    .slice(1)
    .map((r) => r.map(Number));
  const col = (i: number) => rows.map((r) => [r[i]]);
  return { id: col(0), x: col(1), tx: col(2), T: col(3), zbar: col(4) };
}
