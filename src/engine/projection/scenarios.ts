/**
 * Scenarios: multipliers on the drivers of the projection, and the per-tier drivers after the selected
 * scenario is applied ("effective drivers"), exactly as the Benefit cost sheet computes them.
 */
import type { TierAssumptions } from "./assumptions";

export type ScenarioKey = "base" | "cautious" | "ambitious";

/** Multipliers applied to the assumptions (1 = as typed). */
export interface ScenarioMultipliers {
  /** × new members per period. */
  newMembers: number;
  /** × baseline spend per member. */
  spendPerMember: number;
  /** × incremental spend lift. */
  spendLift: number;
  /** × redemption rate (the result is capped at 100 %). */
  redemptionRate: number;
  /** × activity participation rate (capped at 100 %). */
  participationRate: number;
  /** × unit benefit costs: birthday gift, priority service, cost per activity participant. */
  unitCosts: number;
}

export interface Scenario {
  key: ScenarioKey;
  name: string;
  multipliers: ScenarioMultipliers;
}

export const SCENARIO_FIELDS: readonly (keyof ScenarioMultipliers)[] = [
  "newMembers",
  "spendPerMember",
  "spendLift",
  "redemptionRate",
  "participationRate",
  "unitCosts",
];

/**
 * Base: the assumptions as typed. Cautious: fewer new members, less spend and half the lift, while
 * members use more of their benefits and unit costs run 10 % over. Ambitious: more new members, more
 * spend and half as much lift again, at the base costs.
 */
export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  {
    key: "base",
    name: "Base",
    multipliers: {
      newMembers: 1,
      spendPerMember: 1,
      spendLift: 1,
      redemptionRate: 1,
      participationRate: 1,
      unitCosts: 1,
    },
  },
  {
    key: "cautious",
    name: "Cautious",
    multipliers: {
      newMembers: 0.8,
      spendPerMember: 0.95,
      spendLift: 0.5,
      redemptionRate: 1.1,
      participationRate: 1.2,
      unitCosts: 1.1,
    },
  },
  {
    key: "ambitious",
    name: "Ambitious",
    multipliers: {
      newMembers: 1.2,
      spendPerMember: 1.05,
      spendLift: 1.5,
      redemptionRate: 1,
      participationRate: 1,
      unitCosts: 1,
    },
  },
];

/** The per-tier drivers after the scenario's multipliers (w' = w × m_spend and so on). */
export interface EffectiveDrivers {
  /** w'_i = spend per member per period of the tier's new members × m_spend. */
  spendNew: number;
  /** The same for its established members. */
  spendEstablished: number;
  /** l'_i = spend lift × m_lift. */
  spendLift: number;
  /** r'_i = min(1, redemption rate × m_redemption). */
  redemptionRate: number;
  /** q'_i = min(1, participation rate × m_participation). */
  participationRate: number;
  /** g'_i = birthday gift cost × m_cost. */
  birthdayGiftCost: number;
  /** s'_i = priority service cost per member × m_cost. */
  serviceCostPerMember: number;
  /** c'_i = cost per activity participant × m_cost. */
  costPerParticipant: number;
}

export function effectiveDrivers(
  tier: TierAssumptions,
  spend: { new: number; established: number },
  m: ScenarioMultipliers,
): EffectiveDrivers {
  return {
    spendNew: spend.new * m.spendPerMember,
    spendEstablished: spend.established * m.spendPerMember,
    spendLift: tier.spendLift * m.spendLift,
    redemptionRate: Math.min(1, tier.redemptionRate * m.redemptionRate),
    participationRate: Math.min(1, tier.participationRate * m.participationRate),
    birthdayGiftCost: tier.birthdayGiftCost * m.unitCosts,
    serviceCostPerMember: tier.serviceCostPerMember * m.unitCosts,
    costPerParticipant: tier.costPerParticipant * m.unitCosts,
  };
}

export function scenarioOf(scenarios: readonly Scenario[], key: ScenarioKey): Scenario {
  const found = scenarios.find((s) => s.key === key);
  if (!found) throw new Error(`no scenario "${key}"`);
  return found;
}
