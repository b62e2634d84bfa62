/**
 * Baselines and assumptions for the Benefit cost sheet tests: the CDNOW cohort (2,357 customers, tiers
 * by the default programme) with monthly and quarterly periods, and assumptions that make every line of
 * the projection non-zero (CDNOW has no new members and no points, so both are typed in, and a
 * programme fixed cost).
 */
import { analyzeOrders } from "../../../src/engine/analyze";
import { defaultAssumptions, type ProjectionAssumptions } from "../../../src/engine/projection/assumptions";
import { projectionBaseline, type ProjectionBaseline } from "../../../src/engine/projection/baseline";
import { reconcile, type Reconciliation } from "../../../src/engine/projection/reconciliation";
import type { ScenarioKey } from "../../../src/engine/projection/scenarios";
import type { BenefitCostSheetInput } from "../../../src/report/benefit-cost/builder";
import { cdnowSampleTable } from "../../helpers/test-data";

let analysis: ReturnType<typeof analyzeOrders> | undefined;

/** The CDNOW sample analysed (once per test file). */
export function cdnowAnalysis() {
  analysis ??= analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  return analysis;
}

export function cdnowBaseline(periodMonths: number): ProjectionBaseline {
  const { days, tiers } = cdnowAnalysis();
  return projectionBaseline(days, tiers, { periodMonths });
}

/** The reconciliation of a CDNOW baseline (actual year, backtest, growth causes). */
export function cdnowReconciliation(baseline: ProjectionBaseline): Reconciliation {
  const { days, tiers } = cdnowAnalysis();
  return reconcile(days, tiers.program, baseline);
}

/** The sheet input for a CDNOW baseline and assumptions. */
export function cdnowSheetInput(
  baseline: ProjectionBaseline,
  assumptions: ProjectionAssumptions,
): BenefitCostSheetInput {
  return { baseline, assumptions, reconciliation: cdnowReconciliation(baseline), source: "CDNOW_sample.txt" };
}

/** The default assumptions with new members, their split, growth, points and a fixed cost typed in. */
export function typedAssumptions(baseline: ProjectionBaseline, scenario: ScenarioKey): ProjectionAssumptions {
  const a = defaultAssumptions(baseline);
  const k = baseline.tierCount;
  a.scenario = scenario;
  a.programme.newMembersPerPeriod = 40 * baseline.periodMonths;
  a.programme.membershipGrowthRate = 0.02;
  a.tiers.forEach((t, i) => {
    // Top tier 10 %, the rest spread evenly: shares summing to exactly 1.
    t.entryShare = k === 1 ? 1 : i === 0 ? 0.1 : 0.9 / (k - 1);
    t.otherFixedCost = i === 0 ? 250 : 0;
  });
  a.programme.fixedCost = 500 * baseline.periodMonths;
  a.pointsOutstanding = baseline.spendPerMember.map((w, i) => Math.round(w * baseline.members[i] * 3));
  return a;
}
