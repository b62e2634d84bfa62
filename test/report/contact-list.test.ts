import type { Analysis } from "../../src/engine/analyze";
import { alertContacts, membersToAct } from "../../src/report/contact-list";
import type { ReportModels } from "../../src/report/report-models";

/** Four customers; alerts fired for 0 (rules 0 and 1), 1 (rule 0) and 3 (rule 1); 2 has none. */
const analysis = {
  summary: { customerIds: ["A", "B", "C", "D"], spend: new Float64Array([300, 900, 50, 600]) },
  alerts: {
    rules: [
      { key: "vipOverdue", name: "VIP overdue: long since the last purchase", nameZh: "VIP 会员超期未消费" },
      { key: "vipSpendDown", name: "VIP spend down", nameZh: "VIP 会员消费下降" },
    ],
    customer: Int32Array.from([0, 0, 1, 3]),
    rule: Uint8Array.from([0, 1, 0, 1]),
  },
  tiers: { categories: [{ key: "gold" }, { key: "member" }], current: Uint8Array.from([0, 1, 1, 0]) },
  rhythm: { daysSinceLast: Float64Array.from([40, 95, 3, 61]) },
} as unknown as Analysis;

describe("who to contact this week", () => {
  it("puts the most value at risk first: predicted value × (1 − P(alive))", () => {
    const models = {
      clv: Float64Array.from([100, 50, 999, 200]),
      probabilityAlive: Float64Array.from([0.5, 0.1, 0, 0.9]),
    } as unknown as ReportModels;
    // At risk: A 100 × 0.5 = 50, B 50 × 0.9 = 45, D 200 × 0.1 = 20 (C fired no alert).
    expect(membersToAct(analysis, models).members).toEqual([0, 1, 3]);
    const list = alertContacts(analysis, models);
    expect(list.total).toBe(3);
    expect(list.sheet).toBe("alerts");
    expect(list.first[0]).toEqual({
      customerId: "A",
      tier: "gold",
      reasons: [
        { en: "VIP overdue", zh: "VIP 会员超期未消费" },
        { en: "VIP spend down", zh: "VIP 会员消费下降" },
      ],
      valueAtRisk: 50,
      spend: 300,
      daysSinceLast: 40,
    });
    expect(list.first.map((c) => c.valueAtRisk)).toEqual([50, 45, 20]);
  });

  it("falls back on net spend when the models could not be used", () => {
    const list = alertContacts(analysis, null);
    expect(list.first.map((c) => c.customerId)).toEqual(["B", "D", "A"]);
    expect(list.first.every((c) => c.valueAtRisk === null)).toBe(true);
  });
});

describe("the result card's contacts from a real build", () => {
  it("are the first of the This week call list, which the sheet lists too", async () => {
    const { buildReport } = await import("../../src/report/build-report");
    const { sampleWorkbook } = await import("../../src/taskpane/preview/sample-workbook");
    const workbook = sampleWorkbook({ customers: 300 });
    const { summary } = await buildReport({ workbook });
    const { contacts } = summary;
    expect(contacts.sheet).toBe("this-week");
    expect(contacts.first.length).toBe(Math.min(5, contacts.total));
    expect(contacts.first.length).toBeGreaterThan(0);
    // Ranked: the most value at risk first.
    const risks = contacts.first.map((c) => c.valueAtRisk ?? -Infinity);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    // Every member named is on the This week sheet, with a reason in both languages.
    const sheet = summary.sheets.find((s) => s.kind === "this-week")!.sheetName;
    const texts = new Set(
      [...workbook.sheet(sheet).cells.values()].flatMap((row) =>
        [...row.values()].map((c) => String(c.value)),
      ),
    );
    for (const c of contacts.first) {
      expect(texts.has(c.customerId)).toBe(true);
      expect(c.reasons.length).toBeGreaterThan(0);
      for (const r of c.reasons) expect(r.en && r.zh).toBeTruthy();
    }
  });
});
