import { generateOrders, GENERATED_HEADERS } from "../../../src/engine/sample/generate-orders";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { accountedRows, findingOf, type QualityReason } from "../../../src/engine/data/quality";
import { dayFromYmd } from "../../../src/engine/data/days";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { summarizeCustomers } from "../../../src/engine/summary/customer-summary";
import { paretoTable } from "../../../src/engine/rfm/segment-summary";

describe("generateOrders", () => {
  const table = generateOrders({ customers: 500, lines: 5000, seed: 7 });

  it("gives the same table for the same seed, another for another seed", () => {
    expect(generateOrders({ customers: 500, lines: 5000, seed: 7 })).toEqual(table);
    expect(generateOrders({ customers: 500, lines: 5000, seed: 8 }).columns[1]).not.toEqual(table.columns[1]);
  });

  it("gives each member one name, phone and home store, the same in the English and Chinese sample", () => {
    const zh = generateOrders({ customers: 500, lines: 5000, seed: 7, headers: "zh" });
    // The orders themselves do not depend on the language (only channel and store names do).
    for (const c of [0, 1, 2, 4, 5, 7, 8]) expect(zh.columns[c]).toEqual(table.columns[c]);
    const perMember = new Map<string, string>();
    table.columns[1].forEach((id, r) => {
      const contact = [9, 10, 11].map((c) => table.columns[c][r]).join("|");
      expect(perMember.get(String(id)) ?? contact).toBe(contact);
      perMember.set(String(id), contact);
    });
    const phones = [...perMember.values()].map((v) => v.split("|")[1]);
    expect(phones.every((p) => p === "" || /^13\d0000\d{4}$/.test(p))).toBe(true);
    // About 85 % of the 500 members give a phone.
    expect(phones.filter((p) => p !== "").length / 500).toBeGreaterThan(0.78);
    expect(new Set(table.columns[11])).toEqual(new Set(["Xuhui", "Jing'an", "Pudong", "Minhang"]));
    expect(new Set(zh.columns[11])).toEqual(new Set(["徐汇店", "静安店", "浦东店", "闵行店"]));
    expect(zh.columns[9].every((n) => n === "" || /^[\u4e00-\u9fff]{2,3}$/.test(String(n)))).toBe(true);
  });

  it("writes an export a store would: the requested lines, text cells, in date order", () => {
    expect(table.headers).toEqual(GENERATED_HEADERS.en);
    expect(table.columns.every((c) => c.length === 5000)).toBe(true);
    expect(table.columns[1][0]).toMatch(/^\d{8}$/);
    expect(table.columns[2][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const dates = table.columns[2] as string[];
    for (let i = 1; i < dates.length; i++) expect(dates[i] >= dates[i - 1]).toBe(true);
  });

  it("reads back clean: every line a purchase of one of the customers, nothing to report", () => {
    const read = readOrderTable(table);
    expect(read.orders.customerIds.length).toBe(500);
    expect(read.quality.purchaseLines).toBe(5000);
    expect(read.quality.findings.filter((f) => f.count > 0)).toEqual([]);
    expect(read.columns.mapping).toEqual({
      orderId: 0,
      customerId: 1,
      product: 3,
      date: 2,
      amount: 4,
      quantity: 5,
      channel: 6,
      birthday: 7,
      joinDate: 8,
      name: 9,
      phone: 10,
      store: 11,
      category: 12,
      brand: 13,
    });
    // Orders have one to three lines.
    const orders = read.orders.newOrder.reduce((a, b) => a + b, 0);
    expect(orders).toBeGreaterThan(5000 / 3);
    expect(orders).toBeLessThan(5000);
  });

  it("is skewed like real stores: the top 20 % of customers bring most of the revenue", () => {
    const read = readOrderTable(table);
    const summary = summarizeCustomers(purchaseDaysOf(read.orders), { asOf: read.asOf });
    const [top20] = paretoTable(summary.spend, [0.2]);
    expect(top20.revenueShare).toBeGreaterThan(0.5);
    expect(Math.max(...summary.orders)).toBeGreaterThan(
      10 * (summary.orders.reduce((a, b) => a + b, 0) / 500),
    );
  });

  it("writes Chinese headers and typed cells (numbers, Dates) when asked", () => {
    const zh = generateOrders({ customers: 50, headers: "zh", cells: "typed", seed: 3 });
    expect(zh.headers).toEqual(GENERATED_HEADERS.zh);
    expect(zh.columns[2][0]).toBeInstanceOf(Date);
    expect(typeof zh.columns[4][0]).toBe("number");
    const read = readOrderTable(zh);
    expect(read.quality.purchaseLines).toBe(500);
    expect(read.asOf).toBeLessThanOrEqual(dayFromYmd(2024, 12, 31));
    expect(read.columns.mapping).toMatchObject({
      customerId: 1,
      date: 2,
      amount: 4,
      birthday: 7,
      joinDate: 8,
    });
  });

  it("adds each kind of dirt when asked, all of it accounted for", () => {
    const dirty = generateOrders({ customers: 200, lines: 2000, dirt: 0.06, seed: 5 });
    const read = readOrderTable(dirty);
    expect(accountedRows(read.quality)).toBe(read.quality.rowsRead);
    const reasons: QualityReason[] = [
      "blankId",
      "unparsableDate",
      "nonNumericAmount",
      "duplicateLine",
      "refund",
      "testAccount",
    ];
    for (const reason of reasons) expect(findingOf(read.quality, reason).count).toBeGreaterThan(0);
  });

  describe("lifetimes", () => {
    /** Lines per customer in the 180 days from the first purchase: of the first joiners and of 2024 H1 ones. */
    function earlyLines(lifetimes: "untilDataEnd" | "ownLength") {
      const t = generateOrders({ customers: 2000, seed: 1, lifetimes });
      const [ids, dates] = [t.columns[1] as string[], (t.columns[2] as string[]).map((d) => d.slice(0, 10))];
      const first = new Map<string, string>();
      ids.forEach((id, i) => first.has(id) || first.set(id, dates[i]));
      const early = new Map<string, number>();
      ids.forEach((id, i) => {
        const days = (Date.parse(dates[i]) - Date.parse(first.get(id) as string)) / 86_400_000;
        if (days < 180) early.set(id, (early.get(id) ?? 0) + 1);
      });
      const mean = (from: string, to: string) => {
        const joined = [...first]
          .filter(([, f]) => f >= from && f < to)
          .map(([id]) => early.get(id) as number);
        return joined.reduce((a, b) => a + b, 0) / joined.length;
      };
      return { table: t, first: mean("2022-01-01", "2022-07-01"), last: mean("2024-01-01", "2024-07-01") };
    }

    it("'untilDataEnd' ends them with the data: customers who join in the last year buy faster than the first ones", () => {
      const { table: t, first, last } = earlyLines("untilDataEnd");
      expect(t.columns[0]).toHaveLength(20_000);
      expect(last / first).toBeGreaterThan(1.3);
    });

    it("by default ('ownLength') later joiners buy no faster, with the lines asked for, none after the last day", () => {
      const { table: t, first, last } = earlyLines("ownLength");
      expect(last / first).toBeLessThan(1);
      expect(t.columns[0]).toHaveLength(20_000);
      expect((t.columns[2] as string[]).every((d) => d.slice(0, 10) <= "2024-12-31")).toBe(true);
      expect(generateOrders({ customers: 2000, seed: 1 }).columns[2]).toEqual(t.columns[2]);
    });
  });
});
