import { dayFromYmd, NO_DAY } from "../../../src/engine/data/days";
import { realFirstPurchases } from "../../../src/engine/keydates/key-dates";
import {
  buildCallList,
  secondPurchaseWindow,
  type CallListInputs,
} from "../../../src/engine/followup/call-list";
import type { PurchaseDays } from "../../../src/engine/summary/purchase-days";

const d = dayFromYmd;
const asOf = d(2024, 12, 30);

/** Purchase days of customers given as lists of day numbers (value 10 each). */
function purchaseDays(perCustomer: number[][]): PurchaseDays {
  const start = [0];
  const day: number[] = [];
  for (const list of perCustomer) {
    day.push(...list);
    start.push(day.length);
  }
  const none = new Int32Array(perCustomer.length + 1);
  return {
    customerIds: perCustomer.map((_, i) => `C${i}`),
    start: Int32Array.from(start),
    day: Int32Array.from(day),
    value: new Float64Array(day.length).fill(10),
    orders: new Int32Array(day.length).fill(1),
    refunds: {
      customerStart: none,
      day: new Int32Array(0),
      amount: new Float64Array(0),
      sourceRow: new Int32Array(0),
    },
  };
}

function inputs(overrides: Partial<CallListInputs>, n: number): CallListInputs {
  return {
    asOf,
    days: purchaseDays(Array.from({ length: n }, () => [asOf - 1])),
    spend: new Float64Array(n),
    purchaseDays: new Int32Array(n).fill(1),
    firstDay: new Int32Array(n).fill(asOf - 1),
    daysSinceLast: new Float64Array(n).fill(1),
    medianIntervalDays: new Float64Array(n).fill(NaN),
    keyDates: [],
    slips: [],
    valueAtRisk: null,
    store: null,
    ...overrides,
  };
}

describe("buildCallList", () => {
  it("flags a regular at twice their usual gap (and 14+ days), not one at 1.9 times or a 13-day gap", () => {
    const list = buildCallList(
      inputs(
        {
          purchaseDays: Int32Array.from([5, 5, 5, 2]),
          daysSinceLast: Float64Array.from([20, 19, 13, 40]),
          medianIntervalDays: Float64Array.from([10, 10, 6, 10]),
          spend: Float64Array.from([1, 2, 3, 4]),
        },
        4,
      ),
    );
    // Customer 0: 20 ≥ 2 × 10 and ≥ 14. Customer 1: 19 < 20. Customer 2: 13 < 14. Customer 3: only 2 days.
    expect(list.stores[0].entries.map((e) => [e.customer, e.reasons.map((r) => r.kind)])).toEqual([
      [0, ["overdueRegular"]],
    ]);
  });

  it("ranks by value at risk and keeps at most N per store, stores in name order, no store last", () => {
    const n = 5;
    const list = buildCallList(
      inputs(
        {
          keyDates: [0, 1, 2, 3, 4].map((c) => ({
            customer: c,
            kind: "birthday",
            day: asOf + 2,
            daysUntil: 2,
            years: 30,
          })),
          valueAtRisk: Float64Array.from([5, 9, 7, 1, 3]),
          store: ["B", "B", "B", "A", ""],
        },
        n,
      ),
      { perStore: 2 },
    );
    expect(list.rankedBy).toBe("valueAtRisk");
    expect(list.stores.map((s) => [s.store, s.candidates, s.entries.map((e) => e.customer)])).toEqual([
      ["A", 1, [3]],
      ["B", 3, [1, 2]],
      ["", 1, [4]],
    ]);
    expect(list.reasonCounts.birthday).toBe(5);
  });

  it("ranks by net spend when no model value is given", () => {
    const list = buildCallList(
      inputs(
        {
          keyDates: [0, 1].map((c) => ({
            customer: c,
            kind: "membershipAnniversary",
            day: asOf,
            daysUntil: 0,
            years: 2,
          })),
          spend: Float64Array.from([100, 300]),
        },
        2,
      ),
    );
    expect(list.rankedBy).toBe("spend");
    expect(list.stores[0].entries.map((e) => [e.customer, e.rank])).toEqual([
      [1, 300],
      [0, 100],
    ]);
    expect(list.stores[0].entries[0].reasons[0]).toMatchObject({
      kind: "anniversary",
      of: "membership",
      years: 2,
    });
  });

  it("finds a one-time buyer in the last 7 days of the usual second-purchase window", () => {
    // 20 repeat buyers whose second purchase came 1..20 days after the first: 80 % within 16 days.
    const repeat = Array.from({ length: 20 }, (_, i) => [d(2024, 1, 1), d(2024, 1, 1) + i + 1]);
    const once = [[asOf - 10], [asOf - 9], [asOf - 16], [asOf - 17]];
    const days = purchaseDays([...repeat, ...once]);
    expect(secondPurchaseWindow(days)).toBe(16);
    const n = 24;
    const purchaseDaysCount = Int32Array.from({ length: n }, (_, c) => (c < 20 ? 2 : 1));
    const firstDay = Int32Array.from({ length: n }, (_, c) => days.day[days.start[c]]);
    const list = buildCallList(
      inputs(
        { days, purchaseDays: purchaseDaysCount, firstDay, daysSinceLast: new Float64Array(n).fill(1) },
        n,
      ),
    );
    // The window closes within 7 days for buyers 10 to 16 days after their first purchase (16 − 7 < t ≤ 16).
    const flagged = list.stores[0].entries.map((e) => e.customer).sort((a, b) => a - b);
    expect(flagged).toEqual([20, 22]);
    expect(list.stores[0].entries.find((e) => e.customer === 22)?.reasons[0]).toEqual({
      kind: "secondPurchase",
      daysSinceFirst: 16,
      windowDays: 16,
    });
  });

  it("flags a top-10 % spender silent for 60 days", () => {
    const n = 10;
    const spend = Float64Array.from({ length: n }, (_, c) => (c + 1) * 100);
    const list = buildCallList(inputs({ spend, daysSinceLast: new Float64Array(n).fill(60) }, n));
    // The 90th percentile of 100..1000 (index floor(0.9 × 9) = 8) is 900: customers 8 and 9.
    expect(list.stores[0].entries.map((e) => e.customer)).toEqual([9, 8]);
  });
});

describe("realFirstPurchases", () => {
  it("keeps only first purchases at least 90 days after the data's first day", () => {
    const first = Int32Array.from([d(2022, 1, 1), d(2022, 3, 31), d(2022, 4, 1), NO_DAY]);
    // 2022-01-01 + 90 days = 2022-04-01.
    expect(Array.from(realFirstPurchases(first))).toEqual([NO_DAY, NO_DAY, d(2022, 4, 1), NO_DAY]);
  });
});
