/**
 * The reading rules the DuckDB reader writes in SQL against the engine's TypeScript: the line amount
 * (quantity × unit price − discount, rounded as the engine rounds) on a grid of awkward values computed in
 * a real DuckDB, and the whole set of line-item rules (amount from price, C invoices, statuses, returns
 * netted against their order and day, order totals repeated per line) on a seeded messy export read by
 * both engines.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lineAmountSql } from "../../src/sql/line-rules";
import { openDuckDb } from "../../src/cli/duckdb/session";
import { lineAmount } from "../../src/engine/data/row-values";
import { bothEngines, expectSameAnalysis } from "../helpers/duckdb-compare";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator (mulberry32), so the messy export is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it("the SQL line amount equals the engine's lineAmount on every value of a grid", async () => {
  const next = random(7);
  const quantities = [0, 1, 2, 3, 6, 12, -1, -24, 74215, 0.5, 1.25];
  const prices = [0, 0.01, 0.1, 0.29, 1.04, 1.69, 2.55, 3.39, 4.65, 27.5, 19.99, 1234.565, 0.0000005];
  const rows: [number, number, number][] = [];
  for (const q of quantities) for (const p of prices) rows.push([q, p, 0], [q, p, 0.35], [q, p, 1.005]);
  for (let i = 0; i < 2000; i++) {
    rows.push([
      Math.round((next() - 0.2) * 100),
      Math.round(next() * 1e5) / 100,
      Math.round(next() * 500) / 100,
    ]);
  }
  const db = await openDuckDb();
  try {
    await db.run("CREATE TABLE t (k INTEGER, q DOUBLE, p DOUBLE, d DOUBLE)");
    await db.append(
      "t",
      rows.map(([q, p, d], k) => [k, q, p, d]),
    );
    const result = await db.columns(`SELECT k, ${lineAmountSql("q", "p", "d")} AS amount FROM t ORDER BY k`);
    const differing = rows.filter(([q, p, d], k) => (result.amount[k] as number) !== lineAmount(q, p, d));
    expect(differing).toEqual([]);
  } finally {
    db.close();
  }
});

// The checked rows are a table in DuckDB's memory up to a million rows, a compressed table on disk beyond:
// both ways give the same lines.
describe.each([
  ["a table in memory", undefined],
  ["a compressed table on disk", 0],
])("with the checked rows as %s", (_, materializedRows) => {
  it("a seeded messy line-item export reads the same through DuckDB as in process", async () => {
    const next = random(2024);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const statuses = ["paid", "paid", "paid", "Refunded", "已退款", "交易关闭", "shipped", ""];
    const lines = ["InvoiceNo,Customer,Date,Quantity,UnitPrice,Discount,Status"];
    let invoice = 500000;
    for (let order = 0; order < 300; order++) {
      const customer = `M${Math.floor(next() * 40)}`;
      const day = `2024-0${1 + Math.floor(next() * 6)}-1${Math.floor(next() * 9)}`;
      const id = ++invoice;
      const status = pick(statuses);
      const items = 1 + Math.floor(next() * 3);
      for (let i = 0; i < items; i++) {
        const quantity = pick([1, 1, 2, 3, 12, 0]);
        const price = pick(["2.55", "3.39", "1.04", "27.50", "0.29", "x", ""]);
        const discount = pick(["", "", "0.50", "1.00"]);
        lines.push(`${id},${customer},${day},${quantity},${price},${discount},${status}`);
      }
      // Some orders are returned, in whole or in part, on the day or later, by a C invoice or a negative line.
      if (next() < 0.15) lines.push(`C${id},${customer},${day},-${pick([1, 2, 12])},2.55,,`);
      if (next() < 0.05) lines.push(`${id},${customer},${day},-1,3.39,,`);
      // And some lines are exported twice.
      if (next() < 0.05) lines.push(lines[lines.length - 1]);
    }
    lines.push("999999,test01,2024-03-01,1,5.00,,paid");
    const file = path.join(dir, `messy-${materializedRows}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    const { inProcess, viaDuckDb } = await bothEngines(file, {}, {}, { materializedRows });
    const counted = (reason: string) =>
      inProcess.table.quality.findings.find((f) => f.reason === reason)?.count;
    // The file exercises every rule: cancellations by status and C invoice, refunds, netting, bad amounts.
    for (const reason of [
      "cancelledOrder",
      "refund",
      "nettedOut",
      "nonNumericAmount",
      "testAccount",
      "duplicateLine",
    ])
      expect([reason, counted(reason)! > 0]).toEqual([reason, true]);
    expectSameAnalysis(inProcess, viaDuckDb);
    expect(viaDuckDb.table.testAccounts).toEqual(inProcess.table.testAccounts);
  });

  // The order pass tells whether any order may hold two equal lines (two lines with equal hashes; three
  // whose middle hash equals the lowest or the highest; more, or no order id) before any search.
  it("exact duplicates in orders of two, three and more lines are found as in process (8, counted by hand)", async () => {
    const line = (order: string, customer: string, day: number, amount: string) =>
      `${order},${customer},2024-02-${String(day).padStart(2, "0")},${amount}`;
    const lines = [
      "Order,Member,Date,Amount",
      // Two equal lines: 1 duplicate.
      line("1001", "A", 1, "5.00"),
      line("1001", "A", 1, "5.00"),
      // Three lines with one equal pair, wherever the pair falls among the hashes: 1 each.
      ...[
        ["7.00", "7.00", "9.00"],
        ["7.00", "9.00", "9.00"],
        ["9.00", "7.00", "9.00"],
        ["3.00", "11.00", "3.00"],
      ].flatMap((amounts, k) => amounts.map((a) => line(`100${2 + k}`, "B", 2 + k, a))),
      // Three different lines: none.
      line("1006", "C", 3, "1.00"),
      line("1006", "C", 3, "2.00"),
      line("1006", "C", 3, "3.00"),
      // Three equal lines: 2.
      line("1007", "D", 4, "4.00"),
      line("1007", "D", 4, "4.00"),
      line("1007", "D", 4, "4.00"),
      // Four lines, one repeated: 1.
      ...["1.00", "2.00", "3.00", "2.00"].map((a) => line("1008", "E", 5, a)),
      // The same amount written differently is not the same line: none.
      line("1009", "F", 6, "7.50"),
      line("1009", "F", 6, "7.5"),
      // Lines without an order id: 1.
      line("", "G", 7, "6.00"),
      line("", "G", 7, "6.00"),
      line("", "G", 8, "6.00"),
    ];
    const file = path.join(dir, `duplicates-${materializedRows}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    const { inProcess, viaDuckDb } = await bothEngines(file, {}, {}, { materializedRows });
    const duplicates = viaDuckDb.table.quality.findings.find((f) => f.reason === "duplicateLine");
    expect(duplicates?.count).toBe(1 + 4 + 2 + 1 + 1);
    expectSameAnalysis(inProcess, viaDuckDb);

    const unique = path.join(dir, `no-duplicates-${materializedRows}.csv`);
    // Orders 1001 (one line of it), 1006 and 1009: no two lines alike.
    const kept = lines.filter((l, k) => k <= 1 || /^100[69],/.test(l));
    writeFileSync(unique, kept.join("\n") + "\n");
    const none = await bothEngines(unique, {}, {}, { materializedRows });
    expect(none.viaDuckDb.table.quality.findings.find((f) => f.reason === "duplicateLine")?.count ?? 0).toBe(
      0,
    );
    expectSameAnalysis(none.inProcess, none.viaDuckDb);
  });

  it("order totals repeated on each line are found and counted once by both engines", async () => {
    const lines = ["Order,Member,Date,Total,Status"];
    for (let k = 0; k < 12; k++) {
      const total = (50 + k * 3.5).toFixed(2);
      const status = k === 4 ? "交易关闭" : "交易成功";
      for (let item = 0; item <= k % 3; item++)
        lines.push(`T${k},m${k % 5},2024-01-${10 + k},${total},${status}`);
    }
    const file = path.join(dir, `totals-${materializedRows}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    const { inProcess, viaDuckDb } = await bothEngines(file, {}, {}, { materializedRows });
    expect(inProcess.table.quality.orderTotals).toBe(true);
    expectSameAnalysis(inProcess, viaDuckDb);
    const perLine = await bothEngines(file, { lineAmounts: "perLine" }, {}, { materializedRows });
    expect(perLine.viaDuckDb.table.quality.orderTotals).toBe(false);
    expectSameAnalysis(perLine.inProcess, perLine.viaDuckDb);
  });
});
