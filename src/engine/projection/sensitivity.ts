/**
 * Sensitivity of the cumulative net effect to the redemption rate and the activity participation rate:
 * the projection run again for every pair (R, Q) with every tier's effective redemption rate set to R
 * and its effective participation rate set to Q (after the scenario; everything else unchanged).
 *
 * The sheet computes the same grid in closed form, because the net effect is linear in both rates and
 * members do not depend on them:
 *   net(R, Q) = net + Σ_i X_i × (r'_i − R) + Σ_i Y_i × (q'_i − Q)
 * with X_i = v_i × Σ_t E_t,i (value of the points tier i earns, at full redemption) and
 * Y_i = a_i × c'_i × Σ_t S_t × n_t,i (its activity cost at full participation). Running the projection
 * here instead of using that formula lets the recalculation test check the algebra too.
 */
import type { ProjectionAssumptions } from "./assumptions";
import type { ProjectionBaseline } from "./baseline";
import { runProjection } from "./project";
import { scenarioOf } from "./scenarios";

export interface SensitivityGrid {
  redemptionRates: number[];
  participationRates: number[];
  /** cumulativeNetEffect[a][b] for redemptionRates[a] and participationRates[b]. */
  cumulativeNetEffect: number[][];
}

/**
 * The assumptions with every tier's effective redemption rate R and participation rate Q: the typed rates
 * set to R and Q and the selected scenario's multipliers of these two rates set to 1.
 */
function withRates(a: ProjectionAssumptions, R: number, Q: number): ProjectionAssumptions {
  const m = scenarioOf(a.scenarios, a.scenario).multipliers;
  const scenarios = a.scenarios.map((s) =>
    s.key === a.scenario ? { ...s, multipliers: { ...m, redemptionRate: 1, participationRate: 1 } } : s,
  );
  return {
    ...a,
    scenarios,
    tiers: a.tiers.map((t) => ({ ...t, redemptionRate: R, participationRate: Q })),
  };
}

export function sensitivityGrid(baseline: ProjectionBaseline, a: ProjectionAssumptions): SensitivityGrid {
  const { redemptionRates, participationRates } = a.sensitivity;
  return {
    redemptionRates: redemptionRates.slice(),
    participationRates: participationRates.slice(),
    cumulativeNetEffect: redemptionRates.map((R) =>
      participationRates.map((Q) => runProjection(baseline, withRates(a, R, Q)).totals.netEffect),
    ),
  };
}
