/**
 * What the DuckDB reader works out in SQL from per-value and per-order aggregates, against the in-process
 * reader and against figures worked out by hand: customer ids whose cells differ but whose ids are the
 * same (blanks around them, a float's "42.0") are one customer, numbered by their first row; order totals
 * written on an order's first line with blanks below, an order whose first line has no amount, and one
 * with an unreadable amount, which are not totals; the fit's x, t_x and T from the purchase days.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bothEngines, expectSameAnalysis } from "../helpers/duckdb-compare";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { customerSummaryFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { capture } from "../helpers/cli-io";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-ids-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Both ways of keeping the checked rows: in DuckDB's memory, and compressed on disk.
describe.each([
  ["a table in memory", undefined],
  ["a compressed table on disk", 0],
])("with the checked rows as %s", (_, materializedRows) => {
  it("cells of one id (blanks around it, a float's 42.0) are one customer, numbered by its first row", async () => {
    const file = path.join(dir, `ids-${materializedRows}.csv`);
    writeFileSync(
      file,
      [
        "Customer,Date,Amount",
        "M7,2024-01-01,10",
        '" M7",2024-01-02,20',
        "42.0,2024-01-03,5",
        "test01,2024-01-03,1",
        "42,2024-01-04,6",
        '"M7 ",2024-01-05,7',
        '"  ",2024-01-05,9',
        "M9,2024-01-06,3",
        "M7,2024-01-06,4",
      ].join("\n") + "\n",
    );
    const { inProcess, viaDuckDb } = await bothEngines(file, {}, {}, { materializedRows });
    const s = viaDuckDb.summary;
    // By hand: M7 buys on 4 days (10, 20, 7, 4), 42 on two (5, 6), M9 once; test01 is a test account and
    // the row of blanks has no id.
    expect(s.customerIds).toEqual(["M7", "42", "M9"]);
    expect(Array.from(s.purchaseDays)).toEqual([4, 2, 1]);
    expect(Array.from(s.spend)).toEqual([41, 11, 3]);
    expect(viaDuckDb.table.testAccounts.map((t) => [t.id, t.lines])).toEqual([["test01", 1]]);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("order totals on an order's first line with blanks below are counted once; a blank first line or an unreadable amount is no total", async () => {
    const lines = ["Order,Member,Date,Total"];
    // 30 orders with a total; with the 2 below, 30 of 32 orders of several lines (over 90 %) look like totals.
    const spend = [0, 0, 0, 0];
    for (let k = 0; k < 30; k++) {
      spend[k % 4] += 20 + k;
      lines.push(`T${k},m${k % 4},2024-0${1 + Math.floor(k / 20)}-${10 + (k % 20)},${(20 + k).toFixed(2)}`);
      for (let item = 0; item < 1 + (k % 2); item++)
        lines.push(`T${k},m${k % 4},2024-0${1 + Math.floor(k / 20)}-${10 + (k % 20)},`);
    }
    // Not totals: a first line without an amount, then one; an amount that is not a number.
    lines.push("U1,m1,2024-03-01,", "U1,m1,2024-03-01,8.00", "U2,m2,2024-03-02,5.00", "U2,m2,2024-03-02,x");
    const file = path.join(dir, `blank-totals-${materializedRows}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    const { inProcess, viaDuckDb } = await bothEngines(file, {}, {}, { materializedRows });
    const quality = viaDuckDb.table.quality;
    expect(quality.orderTotals).toBe(true);
    // By hand: the 30 orders' 45 later lines (one or two each) are blank totals, left out as repeats; U1's
    // 8.00 and U2's 5.00 are lines (U2's "x" is not a number).
    expect(quality.findings.find((f) => f.reason === "repeatedOrderTotal")?.count).toBe(45);
    spend[1] += 8;
    spend[2] += 5;
    expect(Array.from(viaDuckDb.summary.spend)).toEqual(spend);
    expectSameAnalysis(inProcess, viaDuckDb);
  });
});

it("the fit's x, t_x and T count each customer's distinct days up to the calibration end; a first purchase on it is left out", async () => {
  const file = path.join(dir, "calibration.csv");
  const rows = [
    ["A", "2024-01-01", 5],
    ["C", "2024-01-02", 4],
    ["A", "2024-01-01", 6],
    ["C", "2024-01-02", 1],
    ["C", "2024-01-04", 2],
    ["A", "2024-01-05", 3],
    ["B", "2024-01-06", 8],
    ["A", "2024-01-10", 9],
  ];
  writeFileSync(file, ["Customer,Date,Amount", ...rows.map((r) => r.join(","))].join("\n") + "\n");
  const duck = await readWithDuckDb(file, {}, capture());
  try {
    const summary = await customerSummaryFromDuckDb(duck.db, duck.read, {
      calibrationEnd: Date.UTC(2024, 0, 6) / 86_400_000,
      unit: "day",
    });
    // By hand, to 6 January: A buys on 1 and 5 January (two lines on the 1st), C on 2 and 4 January; B's
    // first purchase is on the end itself (T = 0), so B is not in the cohort.
    expect(summary).toEqual({
      x: Float64Array.from([1, 1]),
      tx: Float64Array.from([4, 2]),
      T: Float64Array.from([5, 4]),
    });
  } finally {
    duck.close();
  }
});
