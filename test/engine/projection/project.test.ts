import { defaultAssumptions, type ProjectionAssumptions } from "../../../src/engine/projection/assumptions";
import type { ProjectionBaseline } from "../../../src/engine/projection/baseline";
import { npv, runProjection } from "../../../src/engine/projection/project";
import { sum } from "../../../src/engine/projection/sum-product";
import { sensitivityGrid } from "../../../src/engine/projection/sensitivity";
import { DEFAULT_SCENARIOS } from "../../../src/engine/projection/scenarios";

/**
 * Two tiers and lapsed, one-month periods: small enough to work out by hand (below). The chain's states
 * are Gold new, Member new, Gold established, Member established, lapsed; everybody now is established
 * and a new member moves on as an established one of the same tier would, so that the tiers move as the
 * 3 × 3 matrix of tiers (Gold, Member, lapsed) in the comments says.
 */
const BASELINE: ProjectionBaseline = {
  asOf: 19_000,
  periodMonths: 1,
  states: [
    { key: "gold", name: "Gold", nameZh: "黄金" },
    { key: "member", name: "Member", nameZh: "普通会员" },
    { key: "lapsed", name: "Lapsed", nameZh: "流失会员" },
  ],
  tierCount: 2,
  members: [10, 20, 5],
  spendPerMember: [100, 50],
  observedMigration: [],
  observedFrom: [],
  chain: {
    newMonths: 6,
    states: [
      { tier: 0, tenure: "new", key: "gold.new" },
      { tier: 1, tenure: "new", key: "member.new" },
      { tier: 0, tenure: "established", key: "gold.established" },
      { tier: 1, tenure: "established", key: "member.established" },
      { tier: 2, tenure: "lapsed", key: "lapsed" },
    ],
    members: [0, 0, 10, 20, 5],
    spendPerMember: [100, 50, 100, 50],
    averageMembers: [0, 0, 10, 20, 5],
    actualRevenue: [0, 0, 12_000, 12_000, 0],
    observedMigration: [],
    observedFrom: [],
    migration: [],
  },
  newMembers: 10,
  entrySplit: [0, 1],
  pointsOutstanding: [1000, 0],
  hasPoints: true,
  window: { yearPeriods: 12, periods: 12, historyMonths: 36 },
  averageMembers: [10, 20, 5],
  actualRevenue: [12_000, 12_000, 0],
  seasonality: { index: [1.2, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], status: "estimated" },
};

const ASSUMPTIONS: ProjectionAssumptions = {
  periods: 2,
  tiers: [
    {
      pointsPerUnit: 2,
      valuePerPoint: 0.01,
      redemptionRate: 0.8,
      birthdayGiftCost: 24,
      birthdayUptake: 0.5,
      serviceCostPerMember: 3,
      activitiesPerPeriod: 1,
      costPerParticipant: 20,
      participationRate: 0.25,
      otherFixedCost: 10,
      memberDiscount: 0.05,
      spendLift: 0.1,
      entryShare: 0,
    },
    {
      pointsPerUnit: 1,
      valuePerPoint: 0.01,
      redemptionRate: 0.5,
      birthdayGiftCost: 12,
      birthdayUptake: 0.5,
      serviceCostPerMember: 0,
      activitiesPerPeriod: 0,
      costPerParticipant: 20,
      participationRate: 0.1,
      otherFixedCost: 5,
      memberDiscount: 0,
      spendLift: 0,
      entryShare: 1,
    },
  ],
  programme: {
    grossMargin: 0.4,
    discountRate: 0.01,
    newMembersPerPeriod: 10,
    membershipGrowthRate: 0.5,
    fixedCost: 20,
    pointsBurnRate: 0.1,
  },
  spendPerMember: [100, 50, 100, 50],
  // Tiers: Gold [0.8, 0.1, 0.1], Member [0.1, 0.7, 0.2], lapsed [0, 0.1, 0.9]; new members as established.
  migration: [
    [0, 0, 0.8, 0.1, 0.1],
    [0, 0, 0.1, 0.7, 0.2],
    [0, 0, 0.8, 0.1, 0.1],
    [0, 0, 0.1, 0.7, 0.2],
    [0, 0, 0, 0.1, 0.9],
  ],
  pointsOutstanding: [1000, 0],
  seasonalIndex: [1.2, 0.8],
  alternative: { topTierCost: 0.5, topTierLift: 1 },
  scenarios: DEFAULT_SCENARIOS.map((s) => ({ ...s })),
  scenario: "base",
  sensitivity: { redemptionRates: [0.5, 1], participationRates: [0, 0.5] },
};

describe("benefit-cost projection", () => {
  const p = runProjection(BASELINE, ASSUMPTIONS);

  it("moves members by the migration matrix and adds new members by the entry split", () => {
    // Period 1: Gold 10·0.8 + 20·0.1 = 10; Member 10·0.1 + 20·0.7 + 5·0.1 + 10 new = 25.5;
    // lapsed 10·0.1 + 20·0.2 + 5·0.9 = 9.5. Period 2 brings 10 × 1.5 = 15 new members. In the chain the
    // 10 new members are Member's new ones in period 1 and established (Member's row) in period 2:
    // Gold 10·0.8 + 15.5·0.1 + 10·0.1 = 10.55, Member 10·0.1 + 15.5·0.7 + 9.5·0.1 + 10·0.7 = 19.8 + 15 new.
    expect(p.members[1]).toEqual([0, 10, 10, 15.5, 9.5].map((x) => expect.closeTo(x, 12)));
    expect(p.members[2]).toEqual([0, 15, 10.55, 19.8, 14.65].map((x) => expect.closeTo(x, 12)));
    expect(p.newMembers.slice(1)).toEqual([10, 15]);
    expect(p.membersInTiers).toEqual([30, 35.5, 45.35].map((x) => expect.closeTo(x, 12)));
  });

  it("gives new and established members their own spend per member", () => {
    // Member's new members spend 80 instead of 50: period 1 at index 1.2 is
    // (Gold 10 × 100 + Member new 10 × 80 + Member established 15.5 × 50) × 1.2 = 3,090.
    const q = runProjection(BASELINE, { ...ASSUMPTIONS, spendPerMember: [100, 80, 100, 50] });
    expect(q.revenueBase[1]).toBeCloseTo(3090, 10);
    expect(q.tierTotals[1].revenueBase).toBeCloseTo(
      (10 * 80 + 15.5 * 50) * 1.2 + (15 * 80 + 19.8 * 50) * 0.8,
      9,
    );
    expect(q.tierTotals[1].memberPeriods).toBeCloseTo(25.5 + 34.8, 12);
  });

  it("computes each line of period 1 as worked out by hand", () => {
    // Seasonal index 1.2: Gold spends 10 × 100 × 1.2 = 1,200, Member 25.5 × 50 × 1.2 = 1,530.
    expect(p.revenueBase[1]).toBeCloseTo(2730, 10);
    expect(p.revenueLift[1]).toBeCloseTo(120, 10);
    expect(p.revenue[1]).toBeCloseTo(2850, 10);
    // Points earned: Gold 1,200 × 1.1 × 2 = 2,640, Member 1,530 × 1 = 1,530.
    expect(p.pointsEarned[1]).toEqual([2640, 1530].map((x) => expect.closeTo(x, 10)));
    expect(p.costPoints[1]).toBeCloseTo(2640 * 0.01 * 0.8 + 1530 * 0.01 * 0.5, 10); // 28.77
    expect(p.costDiscount[1]).toBeCloseTo(1200 * 1.1 * 0.05, 10); // 66
    expect(p.costBirthday[1]).toBeCloseTo((10 * 24 * 0.5 + 25.5 * 12 * 0.5) / 12, 10); // 22.75
    expect(p.costService[1]).toBeCloseTo(30, 10);
    expect(p.costActivities[1]).toBeCloseTo(10 * 1 * 20 * 0.25, 10);
    expect(p.costFixed[1]).toBe(15);
    expect(p.costProgramme[1]).toBe(20);
    expect(p.costTotal[1]).toBeCloseTo(66 + 28.77 + 22.75 + 30 + 50 + 15 + 20, 10); // 232.52
    expect(p.costPerMember[1]).toBeCloseTo(232.52 / 35.5, 12);
    expect(p.costShareOfRevenue[1]).toBeCloseTo(232.52 / 2850, 12);
    expect(p.marginBeforeBenefits[1]).toBeCloseTo(1140, 10);
    expect(p.marginAfterBenefits[1]).toBeCloseTo(1140 - 232.52, 10);
    expect(p.incrementalMargin[1]).toBeCloseTo(48, 10);
    expect(p.netEffect[1]).toBeCloseTo(48 - 232.52, 10);
    expect(p.roi[1]).toBeCloseTo((48 - 232.52) / 232.52, 12);
    expect(p.discountFactor[1]).toBeCloseTo(1 / 1.01, 14);
    // Points outstanding: Gold 1000 × 0.9 + 2640 = 3540, Member 1530; liability 3540·0.01·0.8 + 1530·0.01·0.5.
    expect(p.pointsOutstanding[1]).toEqual([3540, 1530].map((x) => expect.closeTo(x, 10)));
    expect(p.pointsLiability[0]).toBeCloseTo(8, 12);
    expect(p.pointsLiability[1]).toBeCloseTo(28.32 + 7.65, 10);
  });

  it("sums each tier's costs over the periods, and they add up to the cost lines", () => {
    const t = p.tierTotals;
    // Period 2 at index 0.8: Gold 10.55 members spend 10.55 × 100 × 0.8 = 844.
    expect(t[0].revenueBase).toBeCloseTo(1200 + 844, 10);
    expect(t[0].discount).toBeCloseTo((1200 + 844) * 1.1 * 0.05, 10);
    expect(t[0].fixed).toBe(20);
    expect(t[1].service).toBe(0);
    const lines = [
      "costDiscount",
      "costPoints",
      "costBirthday",
      "costService",
      "costActivities",
      "costFixed",
    ];
    const fromLines = sum(lines.map((line) => sum(p[line as "costPoints"].slice(1))));
    expect(sum(t.map((x) => x.total))).toBeCloseTo(fromLines, 9);
    expect(sum(t.map((x) => x.total)) + 2 * 20).toBeCloseTo(p.totals.benefitCost, 9);
  });

  it("finds the break-even lift: with it for every tier the net effect is zero", () => {
    const lift = p.totals.breakEvenLift!;
    expect(lift).toBeGreaterThan(0);
    const atBreakEven = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      tiers: ASSUMPTIONS.tiers.map((t) => ({ ...t, spendLift: lift })),
    });
    expect(atBreakEven.totals.netEffect).toBeCloseTo(0, 8);
    expect(atBreakEven.totals.assumedLift).toBeCloseTo(lift, 12);
    // Gold's 10 % lift over the revenue of both tiers at baseline spend.
    expect(p.totals.assumedLift).toBeCloseTo((p.tierTotals[0].revenueBase * 0.1) / sum(p.revenueBase), 12);
    // Points and discounts worth more than the margin: no lift pays.
    const dear = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      programme: { ...ASSUMPTIONS.programme, grossMargin: 0.01 },
    });
    expect(dear.totals.breakEvenLift).toBeNull();
  });

  it("finds the payback period: the first whose cumulative net effect is 0 or more", () => {
    expect(p.totals.paybackPeriod).toBe(0); // the lift never pays here
    const paying = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      periods: 12,
      seasonalIndex: new Array<number>(12).fill(1),
      tiers: ASSUMPTIONS.tiers.map((t) => ({ ...t, spendLift: p.totals.breakEvenLift! * 1.5 })),
      programme: { ...ASSUMPTIONS.programme, fixedCost: 400 },
    });
    const first = paying.cumulativeNetEffect.findIndex((v, t) => t > 0 && v >= 0);
    expect(first).toBeGreaterThan(1);
    expect(paying.cumulativeNetEffect[first - 1]).toBeLessThan(0);
    expect(paying.totals.paybackPeriod).toBe(first);
  });

  it("compares no change, the programme as set and a cheaper top tier, as separate runs give them", () => {
    const { noChange, asSet, alternative } = p.comparison;
    expect(noChange.revenue).toBeCloseTo(sum(p.revenueBase), 10);
    expect(noChange.benefitCost).toBe(0);
    expect(asSet.netEffect).toBeCloseTo(p.totals.netEffect, 10);
    expect(asSet.roi).toBeCloseTo(p.totals.roi, 12);
    // Half the top tier's variable costs: its discount, points value, gift, service and activity costs.
    const half = ASSUMPTIONS.tiers[0];
    const cheaper = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      tiers: [
        {
          ...half,
          memberDiscount: half.memberDiscount / 2,
          valuePerPoint: half.valuePerPoint / 2,
          birthdayGiftCost: half.birthdayGiftCost / 2,
          serviceCostPerMember: half.serviceCostPerMember / 2,
          costPerParticipant: half.costPerParticipant / 2,
        },
        ASSUMPTIONS.tiers[1],
      ],
    });
    expect(alternative.benefitCost).toBeCloseTo(cheaper.totals.benefitCost, 9);
    expect(alternative.netEffect).toBeCloseTo(cheaper.totals.netEffect, 9);
    expect(alternative.revenue).toBeCloseTo(cheaper.totals.revenue, 9);
  });

  it("totals the horizon by year when it is longer than a year", () => {
    const long = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      periods: 30,
      seasonalIndex: new Array(30).fill(1),
    });
    expect(long.years.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(long.years[1].revenue).toBeCloseTo(sum(long.revenue.slice(13, 25)), 9);
    expect(long.years[2].benefitCost).toBeCloseTo(sum(long.costTotal.slice(25)), 9);
    expect(sum(long.years.map((y) => y.netEffect))).toBeCloseTo(long.totals.netEffect, 8);
  });

  it("accumulates, discounts and totals the periods", () => {
    expect(p.cumulativeCost[2]).toBeCloseTo(p.costTotal[1] + p.costTotal[2], 10);
    expect(p.cumulativeNetEffect[2]).toBeCloseTo(p.netEffect[1] + p.netEffect[2], 10);
    expect(p.cumulativeRoi[2]).toBeCloseTo(p.cumulativeNetEffect[2] / p.cumulativeCost[2], 12);
    expect(p.discountedNetEffect[2]).toBeCloseTo(p.netEffect[2] / 1.01 ** 2, 10);
    expect(p.totals.npvNetEffect).toBeCloseTo(p.netEffect[1] / 1.01 + p.netEffect[2] / 1.01 ** 2, 10);
    expect(p.totals.netEffect).toBeCloseTo(p.cumulativeNetEffect[2], 10);
    expect(p.totals.revenue).toBeCloseTo(p.revenue[1] + p.revenue[2], 10);
    expect(p.totals.roi).toBeCloseTo(p.cumulativeRoi[2], 12);
    expect(p.totals.membersInTiersAtEnd).toBeCloseTo(45.35, 10);
  });

  it("applies the selected scenario's multipliers, capping rates at 100 %", () => {
    const cautious = runProjection(BASELINE, { ...ASSUMPTIONS, scenario: "cautious" });
    expect(cautious.drivers[0].redemptionRate).toBeCloseTo(0.88, 14);
    expect(cautious.drivers[0].spendEstablished).toBeCloseTo(95, 12);
    expect(cautious.drivers[1].spendNew).toBeCloseTo(47.5, 12);
    expect(cautious.drivers[0].spendLift).toBeCloseTo(0.05, 14);
    expect(cautious.newMembers[1]).toBeCloseTo(8, 14);
    const greedy = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      scenarios: ASSUMPTIONS.scenarios.map((s) =>
        s.key === "base" ? { ...s, multipliers: { ...s.multipliers, redemptionRate: 2 } } : s,
      ),
    });
    expect(greedy.drivers.map((d) => d.redemptionRate)).toEqual([1, 1]);
  });

  it("keeps members and costs flat with no migration, no new members and a flat season", () => {
    const still = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      seasonalIndex: [1, 1],
      programme: { ...ASSUMPTIONS.programme, newMembersPerPeriod: 0 },
      migration: [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((j) => (i === j ? 1 : 0))),
    });
    expect(still.members[2]).toEqual([0, 0, 10, 20, 5]);
    expect(still.revenue[1]).toBe(still.revenue[2]);
    expect(still.costTotal[1]).toBe(still.costTotal[2]);
  });

  it("gives the sensitivity grid's corner at the rates of the assumptions", () => {
    const same = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      tiers: ASSUMPTIONS.tiers.map((t) => ({ ...t, redemptionRate: 1, participationRate: 0.5 })),
    });
    const grid = sensitivityGrid(BASELINE, ASSUMPTIONS);
    expect(grid.cumulativeNetEffect[1][1]).toBeCloseTo(same.totals.netEffect, 10);
    // The net effect is linear in both rates: equal steps give equal differences.
    const g = grid.cumulativeNetEffect;
    expect(g[0][0] - g[1][0]).toBeCloseTo(g[0][1] - g[1][1], 9);
    expect(g[0][0]).toBeGreaterThan(g[1][0]);
  });

  it("says what is wrong with assumptions it cannot use", () => {
    const bad = {
      ...ASSUMPTIONS,
      periods: 2.5,
      tiers: [{ ...ASSUMPTIONS.tiers[0], redemptionRate: 1.5 }, ASSUMPTIONS.tiers[1]],
    };
    expect(() => runProjection(BASELINE, bad)).toThrow(
      /periods must be a whole number from 1 up.*Gold: redemptionRate must be a number between 0 and 1/,
    );
  });

  it("has Excel's NPV convention: the first flow is discounted one period", () => {
    expect(npv(0.1, [110, 121])).toBeCloseTo(200, 12);
    expect(sum([1, 2, 3])).toBe(6);
  });

  it("makes defaults that fit the baseline's spend and a shape the checks accept", () => {
    const a = defaultAssumptions(BASELINE);
    expect(a.periods).toBe(12);
    expect(a.tiers[0].birthdayGiftCost).toBe(30); // 2.5 % of 1,200 a year
    expect(a.tiers.map((t) => t.entryShare)).toEqual([0, 1]);
    expect(() => runProjection(BASELINE, { ...a, migration: ASSUMPTIONS.migration })).not.toThrow();
  });
});
