import { analyzeOrders } from "../../../src/engine/analyze";
import { dayFromYmd } from "../../../src/engine/data/days";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import type { RawTable } from "../../../src/engine/data/table";
import { periodicProgram, projectionBaseline } from "../../../src/engine/projection/baseline";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { evaluateTiers } from "../../../src/engine/tiers/evaluate";
import type { TierProgram } from "../../../src/engine/tiers/program";
import { cdnowSampleTable, readTestDataText } from "../../helpers/test-data";

const PROGRAM: TierProgram = {
  tiers: [
    { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 100 },
    { key: "member", name: "Member", nameZh: "普通会员" },
  ],
  window: { kind: "rolling", months: 1 },
};

/** One customer per movement over March 2024 (previous review 2024-02-29, one-month window). */
const TABLE: RawTable = {
  source: "Orders",
  headers: ["Customer", "Date", "Amount", "Points"],
  columns: [
    ["A", "A", "B", "B", "C", "D", "E"],
    ["2024-02-10", "2024-03-10", "2024-02-10", "2024-03-10", "2024-02-10", "2024-03-20", "2024-01-05"],
    [150, 150, 150, 50, 50, 50, 20],
    [300, 600, 150, 200, 40, 50, 70],
  ],
  firstRow: 2,
};

describe("projection baseline", () => {
  const read = readOrderTable(TABLE, { testAccounts: [] });
  const days = purchaseDaysOf(read.orders);
  const asOf = dayFromYmd(2024, 3, 31);
  const evaluation = evaluateTiers(days, PROGRAM, asOf);
  const b = projectionBaseline(days, evaluation, { periodMonths: 1, points: read.members.points });

  // The history starts on 2024-01-05: three months, so the trailing year is January to March.
  // Period ends, one-month window:  Jan 31: E member.  Feb 29: A, B gold (150), C member, E lapsed.
  // Mar 31: A gold, B member (50), D member (new), C and E lapsed.
  it("averages over the whole history when it is shorter than a year, and says so", () => {
    expect(b.window).toEqual({ yearPeriods: 12, periods: 3, historyMonths: 3 });
    expect(b.seasonality.status).toBe("tooLittleHistory");
  });

  it("counts members now and pools spend per member over the period ends of the trailing window", () => {
    expect(b.states.map((s) => s.key)).toEqual(["gold", "member", "lapsed"]);
    expect(b.members).toEqual([1, 2, 2]);
    // Gold: 300 (Feb) + 150 (Mar) over 0 + 2 + 1 member-periods; member: 20 + 50 + 100 over 1 + 1 + 2.
    expect(b.spendPerMember).toEqual([150, 42.5]);
    expect(b.actualRevenue).toEqual([450, 170, 0]);
    expect(b.averageMembers).toEqual([1, 4 / 3, 1]);
  });

  it("pools migration over the trailing window, lapse included, and the new members apart", () => {
    // From gold: A stays, B drops (Feb -> Mar). From member: E (Jan -> Feb) and C (Feb -> Mar) lapse.
    // From lapsed: E stays (Feb -> Mar). New: E (Jan) member, A and B (Feb) gold, C (Feb) and D (Mar) member.
    expect(b.observedFrom).toEqual([2, 2, 1]);
    expect(b.observedMigration).toEqual([
      [0.5, 0.5, 0],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(b.newMembers).toBeCloseTo(5 / 3, 14);
    expect(b.entrySplit).toEqual([0.4, 0.6]);
  });

  it("follows each tier's new members (first purchase in the last 6 months) apart from its established ones", () => {
    // Every first purchase is from January 2024 on: all members are new at every period end of the year.
    const { chain } = b;
    expect(chain.newMonths).toBe(6);
    expect(chain.states.map((s) => s.key)).toEqual([
      "gold.new",
      "member.new",
      "gold.established",
      "member.established",
      "lapsed",
    ]);
    expect(chain.members).toEqual([1, 2, 0, 0, 2]);
    expect(chain.spendPerMember).toEqual([150, 42.5, 0, 0]);
    expect(chain.observedFrom).toEqual([2, 2, 0, 0, 1]);
    expect(chain.observedMigration[0]).toEqual([0.5, 0.5, 0, 0, 0]);
    expect(chain.observedMigration[2].every(Number.isNaN)).toBe(true);
    // Nobody established: the projection keeps such a row where it is.
    expect(chain.migration[2]).toEqual([0, 0, 1, 0, 0]);
    expect(chain.migration[1]).toEqual([0, 0, 0, 0, 1]);
    // With periods of 12 months a period's joiners are new at its end: "new" is the last 12 months.
    const longer = projectionBaseline(days, evaluation, { periodMonths: 12 });
    expect(longer.chain.newMonths).toBe(12);
  });

  it("sums the last points balance of each member per tier, lapsed members in the base tier", () => {
    // A 600 (gold); B 200 + D 50 (member); C 40 + E 70 lapsed, counted with the base tier.
    expect(b.hasPoints).toBe(true);
    expect(b.pointsOutstanding).toEqual([600, 200 + 50 + 40 + 70]);
  });

  it("uses 'stay' for a state nobody was in one period ago", () => {
    const early = evaluateTiers(days, PROGRAM, dayFromYmd(2024, 2, 29));
    const e = projectionBaseline(days, early, { periodMonths: 1 });
    // At the period starts (2023-12-31, 2024-01-31) nobody was gold.
    expect(e.observedMigration[0].every(Number.isNaN)).toBe(true);
    expect(e.chain.migration[0]).toEqual([1, 0, 0, 0, 0]);
    expect(e.hasPoints).toBe(false);
    expect(e.pointsOutstanding).toEqual([0, 0]);
  });

  it("keeps the grace rule over the same span of time and rolls a calendar-year window", () => {
    const yearly: TierProgram = { ...PROGRAM, window: { kind: "calendarYear" }, demoteAfterPeriods: 2 };
    expect(periodicProgram(yearly, 3)).toMatchObject({
      window: { kind: "rolling", months: 12 },
      reviewEveryMonths: 3,
      demoteAfterPeriods: 5, // one review of 12 months back = 4 quarters back
    });
    expect(periodicProgram(PROGRAM, 1).demoteAfterPeriods).toBe(1);
    expect(() => projectionBaseline(days, evaluation, { periodMonths: 13 })).toThrow(/1 to 12/);
  });
});

describe("projection baseline on CDNOW (2,357 customers, every purchase to 1998-06-30)", () => {
  const analysis = analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  /** Sales of the raw file with a date after `after` and through 1998-06-30 (YYYYMMDD numbers). */
  const salesAfter = (after: number) =>
    readTestDataText("CDNOW_sample.txt")
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f.length === 5 && Number(f[2]) > after && Number(f[2]) <= 19980630)
      .reduce((total, f) => total + Number(f[4]), 0);

  it.each([1, 3])(
    "with %i-month periods: everybody is in a state, and spend × member-periods is the year's sales",
    (months) => {
      const b = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: months });
      const periods = 12 / months;
      expect(b.window).toEqual({ yearPeriods: periods, periods, historyMonths: 18 });
      expect(b.members.reduce((x, y) => x + y, 0)).toBe(2357);
      // The whole cohort had bought by July 1997: no new members, 2,357 states at each period start.
      expect(b.observedFrom.reduce((x, y) => x + y, 0)).toBe(2357 * periods);
      expect(b.newMembers).toBe(0);
      expect(b.entrySplit.every(Number.isNaN)).toBe(true);
      for (const row of b.chain.migration) expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      // Everybody's first purchase was in the first quarter of 1997: all are established members now.
      expect(b.chain.members.slice(0, b.tierCount)).toEqual(new Array(b.tierCount).fill(0));
      expect(b.chain.members.reduce((x, y) => x + y, 0)).toBe(2357);
      expect(b.chain.observedFrom.reduce((x, y) => x + y, 0)).toBe(2357 * periods);
      const revenue = b.spendPerMember.reduce((total, w, i) => total + w * b.averageMembers[i] * periods, 0);
      expect(revenue).toBeCloseTo(salesAfter(19970630), 6);
      expect(b.actualRevenue.reduce((x, y) => x + y, 0)).toBeCloseTo(salesAfter(19970630), 6);
    },
  );
});
