import { dayFromYmd } from "../../src/engine/data/days";
import { analyzeOrders } from "../../src/engine/analyze";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { cdnowSampleTable } from "../helpers/test-data";
import { orderTable } from "../helpers/orders";
import { formatDay } from "../../src/engine/data/days";
import { DataError } from "../../src/engine/data/errors";

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("analyzeOrders", () => {
  it("runs every analysis on a generated store export, each counting every customer once", () => {
    const a = analyzeOrders(generateOrders({ customers: 800, lines: 6000, seed: 11 }));
    const n = a.summary.customerIds.length;
    expect(n).toBe(800);
    expect(a.segments.segment.length).toBe(n);
    for (const band of a.valueBands) expect(band.assignment.segment.length).toBe(n);
    expect(Array.from(a.tiers.counts).reduce((x, y) => x + y, 0)).toBe(n);
    expect(a.tiers.thresholdsDerived).toBe(true);
    expect(a.kpis.newCustomers.reduce((x, y) => x + y, 0)).toBe(n);
    expect(a.cohorts.sizes.reduce((x, y) => x + y, 0)).toBe(n);
    expect(a.keyDates.every((k) => k.daysUntil >= 0 && k.daysUntil <= 30)).toBe(true);
    for (const c of a.alerts.customer) expect(a.tiers.current[c]).toBeLessThanOrEqual(1);
  });

  it("reads CDNOW with the literature's settings", () => {
    const a = analyzeOrders(cdnowSampleTable(), {
      read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
      calibrationEnd: Date.UTC(1997, 8, 30) / 86_400_000,
    });
    expect(formatDay(a.asOf)).toBe("1998-06-30");
    expect(a.summary.x.reduce((x, y) => x + y, 0)).toBe(2457);
  });

  it("says why a table gives nothing to analyze, naming the first place", () => {
    const t = orderTable([
      ["A", "someday", 1],
      ["B", "never", 2],
    ]);
    expect(() => analyzeOrders(t)).toThrow(
      "Orders: no usable order lines among 2 rows; most rows: unreadable date (2), first at Orders, row 2, column B (Date): not a date",
    );
    expect(catchError(() => analyzeOrders(t))).toMatchObject({ fix: undefined });
  });

  it("names the date order as the setting to change when it is what left the dates unread", () => {
    const t = orderTable([
      ["A", "11/12/2023", 1],
      ["B", "05/01/2024", 2],
    ]);
    const e = catchError(() => analyzeOrders(t));
    expect(e).toBeInstanceOf(DataError);
    expect(e).toMatchObject({ fix: "dayOrder", message: expect.stringMatching(/day\/month order unknown/) });
    expect(analyzeOrders(t, { read: { dates: { dayOrder: "dmy" } } }).summary.customerIds).toEqual([
      "A",
      "B",
    ]);
  });

  it("reads the whole date column day first when one date proves it, and says which", () => {
    const t = orderTable([
      ["A", "11/12/2023", 1],
      ["B", "05/01/2024", 2],
      ["C", "25/12/2023", 3],
    ]);
    const read = analyzeOrders(t).table;
    expect(read.formats).toEqual({ dayOrder: "dmy", dayOrderFrom: "25/12/2023", decimalComma: false });
    expect(read.orders.day[read.orders.customerStart[1]]).toBe(dayFromYmd(2024, 1, 5));
    // A given order is used as given.
    expect(() => analyzeOrders(t, { read: { dates: { dayOrder: "ymd" } } })).toThrow(DataError);
  });
});
