/** Loads the public reference data of ../shared/data (see its README) for the model tests. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const SHARED_DATA = path.join(__dirname, "../../../../shared/data");

function readCsv(file: string): Record<string, number>[] {
  const lines = readFileSync(path.join(SHARED_DATA, file), "utf8").split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((h, i) => [h, Number(cells[i])]));
  });
}

export interface CdnowSummary {
  id: number[];
  x: number[];
  tx: number[];
  T: number[];
  zbar: number[];
}

/**
 * The 2,357-customer calibration summary (weeks). The file rounds t_x and T to 2 decimals; with
 * `wholeDays` they are snapped back to whole days (round(7v)/7), the unrounded values BTYD fits on.
 */
export function cdnowSummary(wholeDays = false): CdnowSummary {
  const rows = readCsv("cdnow_customers_summary_with_transactions.csv");
  const snap = (v: number) => (wholeDays ? Math.round(v * 7) / 7 : v);
  return {
    id: rows.map((r) => r.ID),
    x: rows.map((r) => r.x),
    tx: rows.map((r) => snap(r.t_x)),
    T: rows.map((r) => snap(r.T)),
    zbar: rows.map((r) => r.zbar),
  };
}

export function donations(): { x: number[]; tx: number[]; n: number[]; weights: number[] } {
  const rows = readCsv("donations.csv");
  return {
    x: rows.map((r) => r.frequency),
    tx: rows.map((r) => r.recency),
    n: rows.map((r) => r.periods),
    weights: rows.map((r) => r.weights),
  };
}
