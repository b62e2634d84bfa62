import { defaultAssumptions, type ProjectionAssumptions } from "../../../src/engine/projection/assumptions";
import type { ProjectionBaseline } from "../../../src/engine/projection/baseline";
import { npv, runProjection, sum } from "../../../src/engine/projection/project";
import { sensitivityGrid } from "../../../src/engine/projection/sensitivity";
import { DEFAULT_SCENARIOS } from "../../../src/engine/projection/scenarios";

/** Two tiers and lapsed, one-month periods: small enough to work out by hand (below). */
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
  migration: [],
  newMembers: 10,
  entrySplit: [0, 1],
  pointsOutstanding: [1000, 0],
  hasPoints: true,
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
      spendLift: 0,
      entryShare: 1,
    },
  ],
  programme: {
    grossMargin: 0.4,
    discountRate: 0.01,
    newMembersPerPeriod: 10,
    membershipGrowthRate: 0.5,
    costGrowthCoefficient: 0.5,
    pointsBurnRate: 0.1,
  },
  migration: [
    [0.8, 0.1, 0.1],
    [0.1, 0.7, 0.2],
    [0, 0.1, 0.9],
  ],
  pointsOutstanding: [1000, 0],
  scenarios: DEFAULT_SCENARIOS.map((s) => ({ ...s })),
  scenario: "base",
  sensitivity: { redemptionRates: [0.5, 1], participationRates: [0, 0.5] },
};

describe("benefit-cost projection", () => {
  const p = runProjection(BASELINE, ASSUMPTIONS);

  it("moves members by the migration matrix and adds new members by the entry split", () => {
    // Period 1: Gold 10·0.8 + 20·0.1 = 10; Member 10·0.1 + 20·0.7 + 5·0.1 + 10 new = 25.5;
    // lapsed 10·0.1 + 20·0.2 + 5·0.9 = 9.5. Period 2 brings 10 × 1.5 = 15 new members.
    expect(p.members[1]).toEqual([10, 25.5, 9.5].map((x) => expect.closeTo(x, 12)));
    expect(p.members[2]).toEqual([10.55, 34.8, 14.65].map((x) => expect.closeTo(x, 12)));
    expect(p.newMembers.slice(1)).toEqual([10, 15]);
    expect(p.membersInTiers).toEqual([30, 35.5, 45.35].map((x) => expect.closeTo(x, 12)));
  });

  it("computes each line of period 1 as worked out by hand", () => {
    const S1 = 1 + 0.5 * (35.5 / 30 - 1); // 1.091666…
    expect(p.costScale[1]).toBeCloseTo(S1, 14);
    expect(p.revenueBase[1]).toBeCloseTo(10 * 100 + 25.5 * 50, 10); // 2275
    expect(p.revenueLift[1]).toBeCloseTo(100, 10);
    expect(p.revenue[1]).toBeCloseTo(2375, 10);
    // Points earned: Gold 10 × 100 × 1.1 × 2 = 2200, Member 25.5 × 50 × 1 = 1275.
    expect(p.pointsEarned[1]).toEqual([2200, 1275].map((x) => expect.closeTo(x, 10)));
    expect(p.costPoints[1]).toBeCloseTo(2200 * 0.01 * 0.8 + 1275 * 0.01 * 0.5, 10); // 23.975
    expect(p.costBirthday[1]).toBeCloseTo((S1 / 12) * (10 * 24 * 0.5 + 25.5 * 12 * 0.5), 10);
    expect(p.costService[1]).toBeCloseTo(S1 * 30, 10);
    expect(p.costActivities[1]).toBeCloseTo(S1 * 10 * 1 * 20 * 0.25, 10);
    expect(p.costFixed[1]).toBe(15);
    const total = 23.975 + S1 * 22.75 + S1 * 30 + S1 * 50 + 15; // 151.14375
    expect(p.costTotal[1]).toBeCloseTo(151.14375, 10);
    expect(p.costTotal[1]).toBeCloseTo(total, 10);
    expect(p.costPerMember[1]).toBeCloseTo(151.14375 / 35.5, 12);
    expect(p.costShareOfRevenue[1]).toBeCloseTo(151.14375 / 2375, 12);
    expect(p.marginBeforeBenefits[1]).toBeCloseTo(950, 10);
    expect(p.marginAfterBenefits[1]).toBeCloseTo(950 - 151.14375, 10);
    expect(p.incrementalMargin[1]).toBeCloseTo(40, 10);
    expect(p.netEffect[1]).toBeCloseTo(40 - 151.14375, 10);
    expect(p.roi[1]).toBeCloseTo((40 - 151.14375) / 151.14375, 12);
    expect(p.discountFactor[1]).toBeCloseTo(1 / 1.01, 14);
    // Points outstanding: Gold 1000 × 0.9 + 2200 = 3100, Member 1275; liability 3100·0.01·0.8 + 1275·0.01·0.5.
    expect(p.pointsOutstanding[1]).toEqual([3100, 1275].map((x) => expect.closeTo(x, 10)));
    expect(p.pointsLiability[0]).toBeCloseTo(8, 12);
    expect(p.pointsLiability[1]).toBeCloseTo(24.8 + 6.375, 10);
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
    expect(cautious.drivers[0].spendPerMember).toBeCloseTo(95, 12);
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

  it("keeps members and unit costs flat with no migration, no new members and κ = 0", () => {
    const still = runProjection(BASELINE, {
      ...ASSUMPTIONS,
      programme: { ...ASSUMPTIONS.programme, newMembersPerPeriod: 0, costGrowthCoefficient: 0 },
      migration: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(still.members[2]).toEqual([10, 20, 5]);
    expect(still.costScale).toEqual([1, 1, 1]);
    expect(still.revenue[1]).toBe(still.revenue[2]);
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
      periods: 40,
      tiers: [{ ...ASSUMPTIONS.tiers[0], redemptionRate: 1.5 }, ASSUMPTIONS.tiers[1]],
    };
    expect(() => runProjection(BASELINE, bad)).toThrow(
      /periods must be a whole number from 1 to 36.*Gold: redemptionRate must be a number between 0 and 1/,
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
