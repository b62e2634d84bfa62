import { lift } from "../../../src/functions/catalogue/campaigns";
import { analyzeOrders } from "../../../src/engine/analyze";
import { measureCampaign } from "../../../src/engine/campaigns/measure";
import { readParticipations } from "../../../src/engine/campaigns/participation";
import { excelSerialFromDay } from "../../../src/engine/data/days";
import { parseDay } from "../../../src/engine/data/parse-date";
import { generateCampaignHistory } from "../../../src/engine/sample/planted-effects";
import { errorIn } from "../excel-values";

describe("LOYALTY.LIFT", () => {
  const history = generateCampaignHistory({ customers: 1500, seed: 2 });
  const [ids, dates, amounts] = history.orders.columns as string[][];
  const ranges = {
    customers: ids.map((v) => [v]),
    dates: dates.map((v) => [excelSerialFromDay(parseDay(v))]),
    amounts: amounts.map((v) => [Number(v)]),
    participants: history.truth.participants.map((v) => [v]),
  };
  const start = excelSerialFromDay(history.truth.start);

  it("gives the LL Campaigns sheet's estimate (default tiers, 8-week window) from ranges", () => {
    const [labels, row] = lift(
      ranges.customers,
      ranges.dates,
      ranges.amounts,
      ranges.participants,
      start,
      56,
      true,
    );
    expect(labels[0]).toBe("lift");
    // The report's path: the analysis's tier program, the participation table, the same seed.
    const analysis = analyzeOrders(history.orders, { read: { testAccounts: [], duplicates: "keep" } });
    const rows = readParticipations(history.campaigns).rows.map((p) => ({ ...p, end: NaN }));
    const m = measureCampaign(analysis.days, "", rows, analysis.asOf, { tiers: analysis.tiers.program });
    expect(row[0]).toBeCloseTo(m.lift.estimate, 12);
    expect(row[1]).toBeCloseTo(m.lift.low, 12);
    expect(row[2]).toBeCloseTo(m.lift.high, 12);
    expect(row[4]).toBe(m.matched);
    expect(row[6]).toBeCloseTo(m.naiveLift.estimate, 12);
    // And the planted +15 % is inside the interval.
    expect(row[1] as number).toBeLessThan(0.15);
    expect(row[2] as number).toBeGreaterThan(0.15);
  });

  it("labels its row in the language asked for, from the catalogue", () => {
    const row = (language?: string) =>
      lift(ranges.customers, ranges.dates, ranges.amounts, ranges.participants, start, 56, true, language)[0];
    expect(row()).toEqual([
      "lift",
      "lift low (95 %)",
      "lift high (95 %)",
      "spend effect per member",
      "matched",
      "unmatched",
      "naive lift",
    ]);
    expect(row("zh")).toEqual([
      "提升",
      "提升下限（95 %）",
      "提升上限（95 %）",
      "人均消费效果",
      "已匹配",
      "未匹配",
      "简单比较的提升",
    ]);
    expect(row("中文")).toEqual(row("zh"));
  });

  it("says what is missing: no start, no participants", () => {
    expect(
      errorIn(lift(ranges.customers, ranges.dates, ranges.amounts, ranges.participants, ""))?.message,
    ).toMatch(/start/);
    expect(errorIn(lift(ranges.customers, ranges.dates, ranges.amounts, [[""]], start))?.message).toMatch(
      /participants/,
    );
  });
});
