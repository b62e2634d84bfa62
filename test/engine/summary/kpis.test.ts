import fc from "fast-check";
import { dayFromYmd, formatDay, lastDayOfMonthIndex, monthIndexOfDay } from "../../../src/engine/data/days";
import { purchaseDaysFromLines as purchaseDays, type Line } from "../../helpers/orders";
import { monthlyKpis } from "../../../src/engine/summary/kpis";
import { cohortRetention } from "../../../src/engine/summary/cohorts";

const EXAMPLE = purchaseDays([
  ["A", "2024-01-05", 10],
  ["A", "2024-01-20", 20],
  ["A", "2024-02-10", 30],
  ["B", "2024-01-15", 40],
  ["B", "2024-04-02", 50],
  ["C", "2024-03-01", 60],
]);
const AS_OF = dayFromYmd(2024, 4, 10);

describe("monthlyKpis on a worked example (churn window 30 days)", () => {
  const k = monthlyKpis(EXAMPLE, { asOf: AS_OF, churnWindowDays: 30 });

  it("lists every month from the first purchase to the as-of month, the last one partial", () => {
    expect(k.labels).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(k.partial).toBe(true);
  });

  it("counts active, new, returning and repeat customers", () => {
    expect(Array.from(k.activeCustomers)).toEqual([2, 1, 1, 1]);
    expect(Array.from(k.newCustomers)).toEqual([2, 0, 1, 0]);
    expect(Array.from(k.returningCustomers)).toEqual([0, 1, 0, 1]);
    expect(Array.from(k.repeatCustomers)).toEqual([1, 0, 0, 0]);
    expect(Array.from(k.repeatPurchaseRate)).toEqual([0.5, 0, 0, 0]);
  });

  it("measures retention against the month before", () => {
    expect(Array.from(k.retainedCustomers)).toEqual([0, 1, 0, 0]);
    expect(Array.from(k.retentionRate)).toEqual([NaN, 0.5, 0, 0]);
  });

  it("counts churn at each month end and at the as-of date, and the monthly churn rate", () => {
    expect(Array.from(k.customersToDate)).toEqual([2, 2, 3, 3]);
    expect(Array.from(k.churnedCustomers)).toEqual([0, 1, 2, 2]);
    // Passing 30 days without a purchase: B on 02-15 (after 01-15), A on 03-12 (after 02-10), C on 04-01.
    expect(Array.from(k.newlyChurned)).toEqual([0, 1, 1, 1]);
    // Monthly, like retention: over the customers not churned at the end of the month before (2, 1, 1).
    expect(Array.from(k.churnRate)).toEqual([NaN, 0.5, 1, 1]);
  });

  it("sums revenue and orders into the average order value", () => {
    expect(Array.from(k.revenue)).toEqual([70, 30, 60, 50]);
    expect(Array.from(k.orders)).toEqual([3, 1, 1, 1]);
    expect(Array.from(k.averageOrderValue)).toEqual([70 / 3, 30, 60, 50]);
  });
});

describe("cohortRetention on the worked example", () => {
  const c = cohortRetention(EXAMPLE, AS_OF);

  it("groups customers by first-purchase month and counts them month by month", () => {
    expect(c.labels).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(Array.from(c.sizes)).toEqual([2, 0, 1, 0]);
    expect(c.active.map((row) => Array.from(row))).toEqual([[2, 1, 0, 1], [0, 0, 0], [1, 0], [0]]);
    expect(Array.from(c.retention[0])).toEqual([1, 0.5, 0, 0.5]);
    expect(Array.from(c.retention[1])).toEqual([NaN, NaN, NaN]);
  });
});

describe("monthlyKpis against the definitions, on random histories", () => {
  const history = fc.array(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 12,
  });

  it("agrees with a direct count of each definition", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 120 }), (offsets, window) => {
        const start = dayFromYmd(2023, 1, 1);
        const lines: Line[] = [];
        offsets.forEach((list, c) => list.forEach((o) => lines.push([`C${c}`, formatDay(start + o), 1])));
        const asOf = start + 380;
        const days = purchaseDays(lines);
        const k = monthlyKpis(days, { asOf, churnWindowDays: window });
        const perCustomer = offsets
          .map((list) =>
            [...new Set(list.map((o) => start + o))].filter((d) => d <= asOf).sort((a, b) => a - b),
          )
          .filter((list) => list.length > 0);
        k.months.forEach((month, i) => {
          const end = Math.min(lastDayOfMonthIndex(month), asOf);
          const inMonth = (d: number) => monthIndexOfDay(d) === month;
          const inPrevious = (d: number) => monthIndexOfDay(d) === month - 1;
          const active = perCustomer.filter((ds) => ds.some(inMonth));
          expect(k.activeCustomers[i]).toBe(active.length);
          expect(k.newCustomers[i]).toBe(perCustomer.filter((ds) => inMonth(ds[0])).length);
          expect(k.repeatCustomers[i]).toBe(
            perCustomer.filter((ds) => ds.filter(inMonth).length >= 2).length,
          );
          expect(k.retainedCustomers[i]).toBe(active.filter((ds) => ds.some(inPrevious)).length);
          const acquired = perCustomer.filter((ds) => ds[0] <= end);
          expect(k.customersToDate[i]).toBe(acquired.length);
          const churned = acquired.filter((ds) => end - Math.max(...ds.filter((d) => d <= end)) > window);
          expect(k.churnedCustomers[i]).toBe(churned.length);
        });
      }),
      { numRuns: 60 },
    );
  });
});
