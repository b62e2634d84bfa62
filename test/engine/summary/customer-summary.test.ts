import { cdnowSampleTable, readTestDataCsv } from "../../helpers/test-data";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { dayFromYmd, formatDay } from "../../../src/engine/data/days";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { calibrationInputs, summarizeCustomers } from "../../../src/engine/summary/customer-summary";
import { repeatPurchasesPerPeriod } from "../../../src/engine/summary/repeat-purchases";
import type { RawTable } from "../../../src/engine/data/table";

/**
 * CDNOW as the literature reads it: the sample id is the customer, and the 21 identical lines (same
 * customer, day, CDs and value) are separate purchases, so duplicates are kept (and still counted).
 */
function readCdnow() {
  return readOrderTable(cdnowSampleTable(), {
    columns: { customerId: "sampleid", quantity: "cds" },
    duplicates: "keep",
  });
}

describe("customer summary of the CDNOW sample (weeks, calibration to 1997-09-30)", () => {
  const read = readCdnow();
  const days = purchaseDaysOf(read.orders);
  const summary = summarizeCustomers(days, {
    asOf: dayFromYmd(1998, 6, 30),
    calibrationEnd: dayFromYmd(1997, 9, 30),
    unit: "week",
  });
  const indexOf = new Map(summary.customerIds.map((id, i) => [Number(id), i]));

  it("reads every line: 6,919 rows, 2,357 customers, 16,479 CDs, $244,091.94", () => {
    expect(read.quality.rowsRead).toBe(6919);
    expect(read.quality.purchaseLines).toBe(6919);
    expect(summary.customerIds.length).toBe(2357);
    expect(read.orders.quantity?.reduce((a, b) => a + b, 0)).toBe(16479);
    expect(read.orders.amount.reduce((a, b) => a + b, 0)).toBeCloseTo(244091.94, 6);
    expect(formatDay(read.asOf)).toBe("1998-06-30");
  });

  it("merges the 223 same-day lines, leaving 6,696 purchase days", () => {
    expect(days.day.length).toBe(6696);
    expect(summary.purchaseDays.reduce((a, b) => a + b, 0)).toBe(6696);
  });

  it("reproduces cdnow_customers_summary.csv: every x exactly, t_x and T to 2 decimals", () => {
    const rows = readTestDataCsv("cdnow_customers_summary.csv");
    expect(rows[0]).toEqual(["ID", "frequency", "recency", "T"]);
    expect(rows.length - 1).toBe(2357);
    for (const [id, x, tX, T] of rows.slice(1).map((r) => r.map(Number))) {
      const c = indexOf.get(id) as number;
      expect(summary.x[c]).toBe(x);
      expect(Math.abs(summary.tX[c] - tX)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[c] - T)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("reproduces cdnow_customers_summary_with_transactions.csv: zbar within 0.005", () => {
    const rows = readTestDataCsv("cdnow_customers_summary_with_transactions.csv");
    expect(rows[0]).toEqual(["ID", "x", "t_x", "T", "zbar"]);
    expect(rows.length - 1).toBe(2357);
    for (const [id, x, tX, T, zbar] of rows.slice(1).map((r) => r.map(Number))) {
      const c = indexOf.get(id) as number;
      expect(summary.x[c]).toBe(x);
      expect(Math.abs(summary.tX[c] - tX)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[c] - T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.monetary[c] - zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("gives Σx = 2,457, 946 repeaters, max x 29, T from 27.00 to 38.86 with 84 distinct values", () => {
    const x = Array.from(summary.x);
    expect(x.reduce((a, b) => a + b, 0)).toBe(2457);
    expect(x.filter((v) => v > 0).length).toBe(946);
    expect(Math.max(...x)).toBe(29);
    const T = Array.from(summary.T, (t) => t.toFixed(2));
    expect(new Set(T).size).toBe(84);
    expect(Math.min(...summary.T).toFixed(2)).toBe("27.00");
    expect(Math.max(...summary.T).toFixed(2)).toBe("38.86");
  });

  it("gives customer 1516 of the BTYD walkthrough x = 26, t_x = 30.86, T = 31.0", () => {
    const c = indexOf.get(1516) as number;
    expect(summary.x[c]).toBe(26);
    expect(summary.tX[c]).toBeCloseTo(30.86, 2);
    expect(summary.T[c]).toBeCloseTo(31.0, 2);
  });

  it("matches the repeat-value statistics of the 946 repeaters and their correlation with x", () => {
    // The published statistics are of the file's zbar: cents, rounded half up (22.345 -> 22.35).
    const cents = (v: number) => Math.round(v * 100 + 1e-6) / 100;
    const repeaters: number[] = [];
    const xs: number[] = [];
    summary.x.forEach((x, c) => {
      if (x > 0) {
        repeaters.push(cents(summary.monetary[c]));
        xs.push(x);
      }
    });
    const n = repeaters.length;
    const mean = repeaters.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(repeaters.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const sorted = [...repeaters].sort((a, b) => a - b);
    const median = (sorted[(n - 1) >> 1] + sorted[n >> 1]) / 2;
    expect(mean).toBeCloseTo(35.0786, 3);
    expect(sd).toBeCloseTo(30.2835, 3);
    expect(sorted[0]).toBeCloseTo(2.99, 2);
    expect(median).toBeCloseTo(27.5, 2);
    expect(sorted[n - 1]).toBeCloseTo(299.63, 2);
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (xs[i] - mx) * (repeaters[i] - mean);
      sxx += (xs[i] - mx) ** 2;
      syy += (repeaters[i] - mean) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeCloseTo(0.11388, 4);
  });

  it("counts the holdout purchases of BTYD's x.star: Σ = 1,882", () => {
    const holdout = summary.holdoutX as Float64Array;
    expect(holdout.reduce((a, b) => a + b, 0)).toBe(1882);
    expect(formatDay(summary.holdoutEnd as number)).toBe("1998-06-30");
  });

  it("gives the actual cumulative repeat purchases of the tracking chart in weeks 20..25", () => {
    const weekly = repeatPurchasesPerPeriod(days, dayFromYmd(1997, 1, 1), 7, 78);
    expect(Array.from(weekly.cumulative.slice(19, 25))).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
    expect(weekly.cumulative[77]).toBe(2457 + 1882);
  });

  it("hands the models the calibration cohort only", () => {
    const inputs = calibrationInputs(summary);
    expect(inputs.x.length).toBe(2357);
    expect(inputs.unit).toBe("week");
    expect(Array.from(inputs.x.slice(0, 3))).toEqual(Array.from(summary.x.slice(0, 3)));
  });
});

describe("customer summary of the lifetimes fixture (days, end 2015-02-07)", () => {
  const t: RawTable = {
    source: "fixture",
    headers: ["id", "date", "amount"],
    columns: [
      [1, 1, 2, 3, 3, 3],
      ["2015-02-01", "2015-02-06", "2015-01-01", "2015-01-01", "2015-01-02", "2015-01-05"],
      [1, 1, 1, 1, 1, 1],
    ],
    firstRow: 2,
  };
  const read = readOrderTable(t, { columns: { customerId: "id" } });
  const summary = summarizeCustomers(purchaseDaysOf(read.orders), {
    asOf: dayFromYmd(2015, 2, 7),
    unit: "day",
  });

  it.each([
    ["1", 1, 5, 6],
    ["2", 0, 0, 37],
    ["3", 2, 4, 37],
  ])("customer %s: x %i, t_x %i, T %i", (id, x, tX, T) => {
    const c = summary.customerIds.indexOf(id);
    expect([summary.x[c], summary.tX[c], summary.T[c]]).toEqual([x, tX, T]);
  });

  it("has no holdout when the calibration runs to the as-of date", () => {
    expect(summary.holdoutX).toBeNull();
    expect(summary.holdoutEnd).toBeNull();
  });
});

describe("customer summary figures for reports", () => {
  const t: RawTable = {
    source: "Orders",
    headers: ["Customer", "Order", "Date", "Amount"],
    columns: [
      ["A", "A", "A", "A", "B", "B"],
      ["o1", "o1", "o2", "o3", "o4", "o5"],
      ["2024-01-01", "2024-01-01", "2024-01-01", "2024-03-01", "2024-02-01", "2024-04-01"],
      [10, 20, 30, -15, 40, 60],
    ],
    firstRow: 2,
  };
  const read = readOrderTable(t);
  const asOf = dayFromYmd(2024, 4, 11);
  const summary = summarizeCustomers(purchaseDaysOf(read.orders), { asOf, unit: "month" });

  it("counts orders by order id, purchase days, net spend, refunds and recency", () => {
    expect(Array.from(summary.orders)).toEqual([2, 2]);
    expect(Array.from(summary.purchaseDays)).toEqual([1, 2]);
    expect(Array.from(summary.spend)).toEqual([45, 100]);
    expect(Array.from(summary.refunds)).toEqual([-15, 0]);
    expect(Array.from(summary.meanOrderValue)).toEqual([30, 50]);
    expect(Array.from(summary.recencyDays)).toEqual([101, 10]);
    expect(Array.from(summary.firstDay, formatDay)).toEqual(["2024-01-01", "2024-02-01"]);
  });

  it("measures t_x and T in months of 30.4375 days", () => {
    expect(summary.tX[1]).toBeCloseTo(60 / 30.4375, 12);
    expect(summary.T[1]).toBeCloseTo(70 / 30.4375, 12);
  });

  it("leaves customers who first bought after the calibration end out of the cohort", () => {
    const s = summarizeCustomers(purchaseDaysOf(read.orders), {
      asOf,
      calibrationEnd: dayFromYmd(2024, 1, 15),
    });
    expect(s.x[1]).toBeNaN();
    expect(Array.from(calibrationInputs(s).customer)).toEqual([0]);
    expect(Array.from(s.holdoutX ?? [])).toEqual([0, NaN]);
  });
});
