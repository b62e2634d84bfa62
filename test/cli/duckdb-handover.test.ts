/**
 * The DuckDB report's handover to the engine (src/cli/duckdb/to-engine.ts) hands the purchase lines over
 * by ranges of table rows. A day's value must still be its lines added in table order, to the last bit,
 * when its lines fall in different ranges: amounts like 0.1, 0.2 and 0.7 give a different double when
 * added in another order ((0.1 + 0.2) + 0.7 = 1, (0.7 + 0.2) + 0.1 = 0.9999999999999999), so any other
 * order shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { readOrderTable } from "../../src/engine/data/read-orders";
import { purchaseDaysOf } from "../../src/engine/summary/purchase-days";
import type { RefundLines } from "../../src/engine/data/orders";
import { readCsvTable } from "../../src/workbook/csv/read";
import { capture } from "../helpers/cli-io";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-handover-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Customers A, B and C's lines interleaved: each day's lines spread over the file. */
const LINES = [
  ["A", "2024-01-05", "O1", "0.1"],
  ["B", "2024-01-05", "O2", "0.7"],
  ["A", "2024-01-05", "O1", "0.2"],
  ["C", "2024-02-01", "", "5"],
  ["B", "2024-01-05", "O2", "0.2"],
  ["A", "2024-01-05", "O3", "0.7"],
  ["C", "2024-02-01", "", "0.3"],
  ["B", "2024-01-05", "O4", "0.1"],
  ["A", "2024-03-01", "O5", "0.7"],
  ["C", "2024-02-01", "O6", "-2"],
  ["A", "2024-03-01", "O5", "0.2"],
  ["B", "2024-03-02", "O7", "12.5"],
  ["A", "2024-03-01", "O5", "0.1"],
  ["C", "2024-01-20", "O8", "0.1"],
  ["C", "2024-01-20", "O8", "0.2"],
  ["C", "2024-01-20", "O9", "0.7"],
  ["D", "2024-04-01", "O10", "50"],
  ["D", "2024-04-03", "O11", "-1"],
  ["A", "2024-03-01", "O12", "-0.1"],
  ["D", "2024-04-02", "O12", "-2"],
  ["D", "2024-04-03", "O13", "-3"],
  // E only returns something: no purchase, so no customer of the engine's table, refunds and all.
  ["E", "2024-04-03", "O14", "-4"],
  // F buys on 40 days, the latest first: more days than a customer's few are sorted another way.
  ...Array.from({ length: 40 }, (_, i) => [
    "F",
    `2023-${String(12 - (i % 12)).padStart(2, "0")}-${String(28 - Math.floor(i / 12)).padStart(2, "0")}`,
    `F${i}`,
    `${i + 0.1}`,
  ]),
];

/** Each customer's refund lines (day, amount, data row), by id. */
function refundsById(ids: readonly string[], refunds: RefundLines) {
  return new Map(
    ids.map((id, c) => {
      const at = Array.from(
        { length: refunds.customerStart[c + 1] - refunds.customerStart[c] },
        (_, k) => refunds.customerStart[c] + k,
      );
      return [id, at.map((i) => [refunds.day[i], refunds.amount[i], refunds.sourceRow[i]])];
    }),
  );
}

/** Each customer's purchase days (day, value, orders), by id. */
function daysById(days: ReturnType<typeof purchaseDaysOf>) {
  return new Map(
    days.customerIds.map((id, c) => {
      const at = Array.from({ length: days.start[c + 1] - days.start[c] }, (_, k) => days.start[c] + k);
      return [id, at.map((i) => [days.day[i], days.value[i], days.orders[i]])];
    }),
  );
}

describe("the DuckDB handover by ranges of rows", () => {
  it("gives each day's value as its lines added in table order, to the bit, and the refunds by day and row, wherever the ranges cut", async () => {
    const file = path.join(dir, "orders.csv");
    const csv = ["Member ID,Order Date,Order No,Amount", ...LINES.map((l) => l.join(","))].join("\n");
    writeFileSync(file, csv + "\n");
    const { table } = await readCsvTable(file);
    const lines = readOrderTable(table).orders;
    const inProcess = daysById(purchaseDaysOf(lines));
    const inProcessRefunds = refundsById(lines.customerIds, lines.refunds);
    expect(lines.customerIds).toEqual(["A", "B", "C", "D", "F"]);
    expect(inProcess.get("F")).toHaveLength(40);
    // D's refunds by day, then row (data rows 0-based): 2024-04-02's, then 2024-04-03's in table order.
    expect(inProcessRefunds.get("D")).toEqual([
      [19815, -2, 19],
      [19816, -1, 17],
      [19816, -3, 20],
    ]);
    // Worked out by hand: A's first day (0.1 + 0.2) + 0.7 in table order, its order O1 and O3; B's 0.7,
    // 0.2, 0.1 (orders O2 and O4); C's 2024-01-20 in order 0.1, 0.2, 0.7.
    expect(inProcess.get("A")?.[0]).toEqual([19727, 0.1 + 0.2 + 0.7, 2]);
    expect(inProcess.get("A")?.[0][1]).toBe(1);
    expect(inProcess.get("B")?.[0]).toEqual([19727, 0.7 + 0.2 + 0.1, 2]);
    expect(inProcess.get("B")?.[0][1]).toBe(0.9999999999999999);
    expect(inProcess.get("C")?.[0]).toEqual([19742, 0.1 + 0.2 + 0.7, 2]);
    const duck = await readWithDuckDb(file, {}, capture());
    try {
      for (const rowsPerRange of [1, 2, 3, 5, 1000]) {
        const read = await orderTableFromDuckDb(duck.db, duck.read, rowsPerRange);
        // The days themselves are handed over, with no purchase line beside them.
        expect(read.orders.day).toHaveLength(0);
        expect(read.orders.customerIds).toEqual(lines.customerIds);
        expect(daysById(read.purchaseDays ?? purchaseDaysOf(read.orders))).toEqual(inProcess);
        expect(refundsById(read.orders.customerIds, read.orders.refunds)).toEqual(inProcessRefunds);
      }
    } finally {
      duck.close();
    }
  });
});
