import { excelSerialFromDay } from "../../../src/sheet/serial-dates";
import { quality, summary } from "../../../src/functions/catalogue/customers";
import { dayFromYmd } from "../../../src/engine/data/days";
import { parseDay } from "../../../src/engine/data/parse-date";
import { cdnowSampleTable, readTestDataCsv } from "../../helpers/test-data";
import { at, column, errorIn } from "../excel-values";

const serial = (y: number, m: number, d: number) => excelSerialFromDay(dayFromYmd(y, m, d));

/** CDNOW_sample.txt as it sits in a sheet: sample ids as text, real Excel dates, amounts as numbers. */
function cdnowRanges() {
  const t = cdnowSampleTable();
  const [, ids, dates, , sales] = t.columns as string[][];
  return {
    customers: ids.map((v) => [v]),
    dates: dates.map((v) => [excelSerialFromDay(parseDay(v))]),
    amounts: sales.map((v) => [Number(v)]),
  };
}

describe("LOYALTY.SUMMARY", () => {
  const cdnow = cdnowRanges();
  const calibrationEnd = serial(1997, 9, 30);
  const rows = summary(cdnow.customers, cdnow.dates, cdnow.amounts, calibrationEnd, "week", null);
  const byId = new Map(rows.map((r) => [Number(r[0]), r]));

  it("gives one row of 10 values per CDNOW customer, ids as they were typed", () => {
    expect(rows).toHaveLength(2357);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[0][0]).toBe("0001");
  });

  it("reproduces x, t_x and T of cdnow_customers_summary.csv (weeks, calibration to 1997-09-30)", () => {
    const published = readTestDataCsv("cdnow_customers_summary.csv").slice(1);
    expect(published).toHaveLength(2357);
    let sumX = 0;
    for (const [id, x, tX, T] of published.map((r) => r.map(Number))) {
      const row = byId.get(id)!;
      expect(row[4]).toBe(x);
      expect(Math.abs((row[5] as number) - tX)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((row[6] as number) - T)).toBeLessThanOrEqual(0.005 + 1e-9);
      sumX += row[4] as number;
    }
    expect(sumX).toBe(2457);
  });

  it("reproduces the mean repeat value zbar of cdnow_customers_summary_with_transactions.csv", () => {
    for (const [id, , , , zbar] of readTestDataCsv("cdnow_customers_summary_with_transactions.csv")
      .slice(1)
      .map((r) => r.map(Number)))
      expect(Math.abs((byId.get(id)![9] as number) - zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it("gives first and last purchase as Excel dates and recency in days to the as-of date", () => {
    const first = byId.get(1)!;
    expect(first[1]).toBe(serial(1997, 1, 1));
    expect((first[7] as number) + (first[2] as number)).toBe(calibrationEnd);
  });

  it("reproduces the lifetimes fixture in days, with a label row on request", () => {
    const r = summary(
      column(1, 1, 2, 3, 3, 3),
      column("2015-02-01", "2015-02-06", "2015-01-01", "2015-01-01", "2015-01-02", "2015-01-05"),
      column(10, 20, 5, 5, 6, 7),
      "2015-02-07",
      "day",
      true,
    );
    expect(r[0]).toEqual([
      "customer",
      "first purchase",
      "last purchase",
      "orders",
      "x (repeat purchase days)",
      "t_x (days)",
      "T (days)",
      "recency (days)",
      "total spend",
      "mean repeat value",
    ]);
    expect(r.slice(1).map((row) => [row[0], row[4], row[5], row[6]])).toEqual([
      [1, 1, 5, 6],
      [2, 0, 0, 37],
      [3, 2, 4, 37],
    ]);
  });

  it("skips blank rows (ranges longer than the data) and leaves out lines after as_of", () => {
    const r = summary(
      column(1, 1, "", 2),
      column("2020-01-01", "2020-03-01", "", "2020-01-05"),
      column(5, 6, "", 7),
      "2020-02-01",
      null,
      null,
    );
    expect(r.map((row) => [row[0], row[3], row[8]])).toEqual([
      [1, 1, 5],
      [2, 1, 7],
    ]);
  });

  it("gives #VALUE! naming the cell for a date or an amount it cannot read", () => {
    const where = at("Orders!A2:A4", "Orders!B2:B4", "Orders!C2:C4");
    const badDate = summary(
      column(1, 2, 3),
      column("2020-01-01", "2020-02-30", "soon"),
      column(1, 2, 3),
      null,
      null,
      null,
      undefined,
      undefined,
      undefined,
      where,
    );
    expect(errorIn(badDate)).toEqual({
      code: "#VALUE!",
      message:
        'dates, cell Orders!B3: "2020-02-30" is not a date (no such day in the calendar) (and 1 more rows like it)',
    });
    const badAmount = summary(
      column(1, 2),
      column("2020-01-01", "2020-01-02"),
      column(1, "ten"),
      null,
      null,
      null,
      undefined,
      undefined,
      undefined,
      where,
    );
    expect(errorIn(badAmount)?.message).toMatch(/^amounts, cell Orders!C3: "ten" is not an amount/);
    const noId = summary(
      column(1, ""),
      column("2020-01-01", "2020-01-02"),
      column(1, 2),
      null,
      null,
      null,
      undefined,
      undefined,
      undefined,
      where,
    );
    expect(errorIn(noId)?.message).toBe(
      "customers, cell Orders!A3 is blank but the row has a date or an amount",
    );
  });

  it("gives #VALUE! for ranges of different heights, a bad unit or a bad as_of", () => {
    expect(errorIn(summary(column(1, 2), column("2020-01-01"), column(1, 2)))?.message).toBe(
      "customers has 2 rows but dates has 1: give the three columns of one order table",
    );
    expect(errorIn(summary(column(1), column("2020-01-01"), column(1), null, "year"))?.message).toBe(
      'unit: "year" is not one of day, week, month',
    );
    expect(errorIn(summary(column(1), column("2020-01-01"), column(1), "someday"))?.message).toBe(
      'as_of: "someday" is not a date',
    );
  });
});

describe("LOYALTY.QUALITY", () => {
  it("lists what the summary did with refunds, duplicates and late lines", () => {
    const r = quality(
      column("A", "A", "A", "B", ""),
      column("2020-01-01", "2020-01-01", "2020-01-03", "2021-01-01", ""),
      column(10, 10, -4, 8, ""),
      "2020-12-31",
      undefined,
      undefined,
      undefined,
      at("S!A2:A6", "S!B2:B6", "S!C2:C6", ""),
    );
    const byReason = new Map(r.map((row) => [row[0], row]));
    expect(r[0]).toEqual(["reason", "count", "action", "amount", "first example"]);
    expect(byReason.get("Rows read")![1]).toBe(5);
    expect(byReason.get("Exact duplicate line (rows)")!.slice(1, 3)).toEqual([1, "kept"]);
    expect(byReason.get("Refund (negative amount) (rows)")!.slice(1, 4)).toEqual([
      1,
      "reduces the customer's spend",
      -4,
    ]);
    expect(byReason.get("Date after the as-of date (rows)")![4]).toMatch(/^dates, cell S!B5: 2021-01-01/);
    expect(byReason.get("Blank row (rows)")![1]).toBe(1);
  });
});

describe("LOYALTY.SUMMARY and LOYALTY.QUALITY on a line-item export (quantities, invoices, statuses)", () => {
  // A UK retailer's lines: unit prices and quantities, "C" invoices cancelling, one cancelled status.
  const lines: [string, string, number, number, string, string][] = [
    ["12346", "2011-01-18", 1.04, 74215, "541431", ""], // 77,183.60 ...
    ["12346", "2011-01-18", 1.04, -74215, "C541433", ""], // ... cancelled the same day: no purchase
    ["12347", "2010-12-07", 2.1, 12, "537626", ""], // 25.20
    ["12347", "2010-12-07", 4.25, 6, "537626", ""], // 25.50, same order
    ["12347", "2011-01-26", 3.75, 10, "542237", ""], // 37.50
    ["12347", "2011-01-26", 3.75, -2, "C542300", ""], // −7.50 returned the same day
    ["12348", "2011-01-25", 0.55, 24, "541998", ""], // 13.20
    ["12348", "2011-02-10", 0.85, 48, "543000", "Cancelled"], // never paid: not revenue
    ["12348", "2011-04-05", 1, 10, "548000", ""], // 10.00
  ];
  const col = (k: number) => lines.map((l) => [l[k]]);
  const rows = summary(col(0), col(1), col(2), null, "day", null, col(3), col(4), col(5));
  const byId = new Map(rows.map((r) => [String(r[0]), r]));

  it("takes quantity × unit price, one order per invoice, and nets returns and cancellations", () => {
    // 12346's purchase is cancelled on its day: nothing is left of it.
    expect([...byId.keys()]).toEqual(["12347", "12348"]);
    // 12347: orders 537626 and 542237; 2010-12-07 to 2011-01-26 is 24 + 26 = 50 days, to the as-of date
    // 2011-04-05 is 24 + 31 + 28 + 31 + 5 = 119 days, and 69 days from the last purchase to it;
    // spend 25.20 + 25.50 + 37.50 − 7.50 = 80.70; the repeat day's purchase is worth 37.50 (a refund
    // reduces spend, not the value of the purchase, as everywhere in the engine).
    const a = byId.get("12347")!;
    expect([a[3], a[4], a[5], a[6], a[7]]).toEqual([2, 1, 50, 119, 69]);
    expect(a[8]).toBeCloseTo(80.7, 10);
    expect(a[9]).toBeCloseTo(37.5, 10);
    // 12348: the cancelled order is not an order; 6 + 28 + 31 + 5 = 70 days; 13.20 + 10.00 = 23.20.
    const b = byId.get("12348")!;
    expect([b[3], b[4], b[5], b[6], b[7]]).toEqual([2, 1, 70, 70, 0]);
    expect(b[8]).toBeCloseTo(23.2, 10);
    expect(b[9]).toBeCloseTo(10, 10);
  });

  it("without them reads the unit prices as amounts (which is why the arguments exist)", () => {
    const naive = summary(col(0), col(1), col(2), null, "day");
    const spend = naive.reduce((sum, r) => sum + (r[8] as number), 0);
    // 1.04 × 2 + 2.10 + 4.25 + 3.75 × 2 + 0.55 + 0.85 + 1.00 = 18.33
    expect(spend).toBeCloseTo(18.33, 10);
  });

  it("QUALITY says how the amounts were made and what was netted or left out", () => {
    const r = quality(col(0), col(1), col(2), null, col(3), col(4), col(5));
    const byReason = new Map(r.map((row) => [row[0], row]));
    expect(byReason.has("Line amount: quantity × price")).toBe(true);
    expect(byReason.get("Refund (negative amount) (rows)")!.slice(1, 4)).toEqual([
      2,
      "reduces the customer's spend",
      -77191.1,
    ]);
    expect(byReason.get("Cancelled, refunded or unpaid order (status or C invoice) (rows)")![1]).toBe(1);
  });

  it("gives #VALUE! for an optional column of another height", () => {
    expect(errorIn(summary(col(0), col(1), col(2), null, null, null, col(3).slice(1)))?.message).toBe(
      "customers has 9 rows but quantities has 8: give the columns of one order table",
    );
  });
});
