/**
 * The campaign estimator on histories with a PLANTED effect (src/engine/sample/planted-effects.ts): the
 * truth is known because the generator put it there.
 */
import { generateCampaignHistory } from "../../../src/engine/sample/planted-effects";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { readParticipations } from "../../../src/engine/campaigns/participation";
import { measureCampaigns, type CampaignMeasure } from "../../../src/engine/campaigns/measure";
import { DEFAULT_TIER_PROGRAM } from "../../../src/engine/tiers/program";

function measure(options: Parameters<typeof generateCampaignHistory>[0], replicates = 1000): CampaignMeasure {
  const history = generateCampaignHistory(options);
  const table = readOrderTable(history.orders);
  const participation = readParticipations(history.campaigns);
  const measures = measureCampaigns(purchaseDaysOf(table.orders), participation.rows, table.asOf, {
    tiers: DEFAULT_TIER_PROGRAM,
    replicates,
  });
  expect(measures).toHaveLength(1);
  return measures[0];
}

describe("a campaign adding 15 % to the spend of self-selected, more active members for 8 weeks", () => {
  const m = measure({ selection: "active", effect: 0.15, effectWeeks: 8, seed: 1 });

  it("has its lift inside the 95 % interval of the matched difference-in-differences", () => {
    expect(m.lift.low).toBeLessThan(0.15);
    expect(m.lift.high).toBeGreaterThan(0.15);
    expect(m.measurable).toBe(true);
    expect(m.windowDays).toBe(56); // from the end dates: 8 weeks
  });

  it("while the naive participants-vs-everyone comparison is far off, its interval excluding 15 %", () => {
    expect(m.naiveLift.low).toBeGreaterThan(0.15);
    expect(m.naiveLift.estimate).toBeGreaterThan(0.5);
  });

  it("matches nearly every participant and counts the others by reason", () => {
    const { notInOrders, noHistory, windowNotOver, noControl } = m.unmatched;
    expect(m.matched + noHistory + windowNotOver + noControl + notInOrders).toBe(m.participants);
    expect(m.matched / m.participants).toBeGreaterThan(0.95);
    // The strata add up to the matched participants.
    const inStrata = m.strata.filter((s) => s.controls > 0).reduce((a, s) => a + s.participants, 0);
    expect(inStrata).toBe(m.matched);
  });

  it("computes the effect as the participant-weighted mean of the strata's differences of changes", () => {
    const used = m.strata.filter((s) => s.controls > 0);
    const byHand =
      used.reduce(
        (a, s) =>
          a +
          s.participants * (s.participantAfter - s.participantBefore - (s.controlAfter - s.controlBefore)),
        0,
      ) / m.matched;
    expect(m.spendPerMember.estimate).toBeCloseTo(byHand, 6);
    expect(m.incrementalRevenue.estimate).toBeCloseTo(byHand * m.matched, 4);
    // Lift = effect / (participants' after-spend − effect).
    expect(m.lift.estimate).toBeCloseTo(byHand / (m.participantAfter - byHand), 9);
    // Cost 2.50 per participant; ROI on revenue (margin 1).
    expect(m.matchedCost).toBeCloseTo(2.5 * m.matched, 6);
    expect(m.roi.estimate).toBeCloseTo((m.incrementalRevenue.estimate - m.matchedCost) / m.matchedCost, 9);
  });
});

describe("a campaign with no effect", () => {
  it("has 0 inside the interval when the active members self-select", () => {
    const m = measure({ selection: "active", effect: 0, seed: 3 });
    expect(m.lift.low).toBeLessThan(0);
    expect(m.lift.high).toBeGreaterThan(0);
    expect(m.measurable).toBe(false);
    expect(m.naiveLift.low).toBeGreaterThan(0.3); // selection alone looks like a big effect
  });

  it("has 0 inside the interval when participants are drawn at random", () => {
    const m = measure({ selection: "random", effect: 0, seed: 4 });
    expect(m.lift.low).toBeLessThan(0);
    expect(m.lift.high).toBeGreaterThan(0);
  });

  it("is not biased: over 8 seeds the estimates average near 0 (each within its noise)", () => {
    const estimates = [10, 11, 12, 13, 14, 15, 16, 17].map(
      (seed) => measure({ selection: "active", effect: 0, seed, customers: 3000 }, 1).lift.estimate,
    );
    const average = estimates.reduce((a, b) => a + b) / estimates.length;
    expect(Math.abs(average)).toBeLessThan(0.04);
  });
});

describe("the bootstrap", () => {
  it("gives the same interval for the same seed and a different one for another", () => {
    const history = generateCampaignHistory({ customers: 1500, seed: 7 });
    const table = readOrderTable(history.orders);
    const days = purchaseDaysOf(table.orders);
    const rows = readParticipations(history.campaigns).rows;
    const run = (seed: number) =>
      measureCampaigns(days, rows, table.asOf, { tiers: DEFAULT_TIER_PROGRAM, replicates: 200, seed })[0]
        .lift;
    expect(run(1)).toEqual(run(1));
    expect(run(2).low).not.toBe(run(1).low);
  });
});
