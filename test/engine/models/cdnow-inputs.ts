/** The model inputs in test/data (see its README), as the model tests use them. */
import { cdnowSampleTable, readTestDataCsv } from "../../helpers/test-data";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { dayFromYmd } from "../../../src/engine/data/days";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { calibrationInputs, summarizeCustomers } from "../../../src/engine/summary/customer-summary";

function numericRows(file: string): Record<string, number>[] {
  const [header, ...rows] = readTestDataCsv(file);
  const names = header.map((h) => h.trim());
  return rows.map((cells) => Object.fromEntries(names.map((h, i) => [h, Number(cells[i])])));
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
  const rows = numericRows("cdnow_customers_summary_with_transactions.csv");
  const snap = (v: number) => (wholeDays ? Math.round(v * 7) / 7 : v);
  return {
    id: rows.map((r) => r.ID),
    x: rows.map((r) => r.x),
    tx: rows.map((r) => snap(r.t_x)),
    T: rows.map((r) => snap(r.T)),
    zbar: rows.map((r) => r.zbar),
  };
}

/** donations.csv: the BG/BB recency/frequency matrix, n = 6 opportunities. */
export function donations(): { x: number[]; tx: number[]; n: number[]; weights: number[] } {
  const rows = numericRows("donations.csv");
  return {
    x: rows.map((r) => r.frequency),
    tx: rows.map((r) => r.recency),
    n: rows.map((r) => r.periods),
    weights: rows.map((r) => r.weights),
  };
}

/**
 * The CDNOW sample read from its transaction log by engine part 1, as the literature reads it (the
 * sample id is the customer; identical lines are separate purchases): calibration to 1997-09-30,
 * holdout to 1998-06-30, weeks. Unrounded t_x, T and repeat-spend means.
 */
export function cdnowFromTransactions() {
  const read = readOrderTable(cdnowSampleTable(), {
    columns: { customerId: "sampleid", quantity: "cds" },
    duplicates: "keep",
  });
  const days = purchaseDaysOf(read.orders);
  const summary = summarizeCustomers(days, {
    asOf: dayFromYmd(1998, 6, 30),
    calibrationEnd: dayFromYmd(1997, 9, 30),
    unit: "week",
  });
  return { days, summary, inputs: calibrationInputs(summary) };
}
