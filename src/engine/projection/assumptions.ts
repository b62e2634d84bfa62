/**
 * The assumptions of the benefit-cost projection: what a finance user types in (per tier and programme
 * wide), the migration matrix the projection uses, the scenarios and the sensitivity axes.
 *
 * Units. Money is in the currency of the data. A PERIOD is `periodMonths` months (the baseline's period,
 * see baseline.ts); every "per period" figure is per such period. Rates and shares are fractions
 * (0.25 = 25 %).
 */
import type { ProjectionBaseline } from "./baseline";
import { DEFAULT_SCENARIOS, type Scenario, type ScenarioKey } from "./scenarios";

/** Assumptions for one tier. `tiers[i]` of ProjectionAssumptions belongs to `baseline.states[i]`. */
export interface TierAssumptions {
  /** Points a member earns per unit of currency spent. */
  pointsPerUnit: number;
  /** What one point is worth when redeemed (currency per point). */
  valuePerPoint: number;
  /** Share of the points earned that will ever be redeemed (1 − breakage). */
  redemptionRate: number;
  /** Cost of one birthday gift. */
  birthdayGiftCost: number;
  /** Share of the members whose birthday falls in a period who take the gift. */
  birthdayUptake: number;
  /** Cost of priority service per member per period. */
  serviceCostPerMember: number;
  /** Member activities (events) offered per period; each member may join each one. */
  activitiesPerPeriod: number;
  /** Cost per participant of one activity (e.g. 20). */
  costPerParticipant: number;
  /** Share of the tier's members who join an activity. */
  participationRate: number;
  /** Other benefit cost of the tier per period that does not depend on its number of members. */
  otherFixedCost: number;
  /** Member price discount: the share of the tier's spend given back as a discount (a cost of the tier). */
  memberDiscount: number;
  /**
   * Incremental spend lift: the extra spend the tier's benefits bring, as a share of the tier's baseline
   * spend per member (0.05 = members spend 5 % more than they would without the benefits).
   */
  spendLift: number;
  /** Share of the new members of a period who enter this tier (the shares of all tiers sum to 1). */
  entryShare: number;
}

/** Programme-wide assumptions. */
export interface ProgrammeAssumptions {
  /** Gross margin on revenue (before benefit cost), as a share of revenue. */
  grossMargin: number;
  /** Discount rate per period for the NPV (10 % a year is about 0.8 % a month). */
  discountRate: number;
  /** New members joining in the first period. */
  newMembersPerPeriod: number;
  /** Growth of the new-member intake per period: period t brings newMembersPerPeriod × (1 + g)^(t − 1). */
  membershipGrowthRate: number;
  /**
   * Fixed cost of the programme per period (staff, systems, communication): it does not follow the number
   * of members. The member benefits are variable: their cost follows the members of each tier.
   */
  fixedCost: number;
  /**
   * Share of the points balance at the start of a period that leaves it during the period (redeemed or
   * expired). Points outstanding: O_t = O_{t−1} × (1 − b) + points earned in t.
   */
  pointsBurnRate: number;
}

/**
 * The alternative programme: the top tier's variable benefit costs (discount, points, gifts, service,
 * activities) × `topTierCost`, and its spend lift × `topTierLift`; everything else as set.
 */
export interface AlternativeAssumptions {
  topTierCost: number;
  topTierLift: number;
}

const DEFAULT_ALTERNATIVE: AlternativeAssumptions = { topTierCost: 0.8, topTierLift: 1 };

export interface SensitivityAxes {
  /** Redemption rates (applied to every tier) down the side of the sensitivity table. */
  redemptionRates: number[];
  /** Participation rates (applied to every tier) across the top. */
  participationRates: number[];
}

export interface ProjectionAssumptions {
  /** Number of periods projected (1 or more; a sheet may hold fewer, see the report). */
  periods: number;
  /** Per tier, in the order of the baseline's tiers (top first). */
  tiers: TierAssumptions[];
  programme: ProgrammeAssumptions;
  /**
   * Spend per member per period of each tiered state of the chain (baseline.chain: the tiers' new
   * members, then their established ones), before the scenario. By default the trailing year's.
   */
  spendPerMember: number[];
  /**
   * Migration per period used by the projection: migration[i][j] = share of the members in state i at
   * the start of a period who are in state j at its end. States are those of baseline.chain (tier ×
   * tenure, then lapsed). Rows should sum to 1; the projection uses them as they are (the sheet flags
   * rows that do not).
   */
  migration: number[][];
  /** Points outstanding now per tier (the balances of lapsed members are counted in the base tier). */
  pointsOutstanding: number[];
  /**
   * Seasonal index of each projected period (index 0 = period 1): revenue, points and discounts of the
   * period are × this. By default the baseline's index of the same period of the year (see season.ts).
   */
  seasonalIndex: number[];
  /** The alternative compared side by side with the programme as set: a cheaper top tier. */
  alternative: AlternativeAssumptions;
  scenarios: Scenario[];
  /** Key of the scenario applied. */
  scenario: ScenarioKey;
  sensitivity: SensitivityAxes;
}

/** Default number of periods: 12 months, or 8 periods of 2 months or more (8 quarters). */
export function defaultPeriods(periodMonths: number): number {
  return periodMonths === 1 ? 12 : 8;
}

/** x rounded to two significant digits (14.69 -> 15, 0.1224 -> 0.12): defaults a person would type. */
export function roundNicely(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const step = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 1);
  return Number((Math.round(x / step) * step).toPrecision(2));
}

/**
 * Default benefit assumptions for the tier of rank `rank` from the top (of `tierCount`), whose members
 * spend `spend` per period of `periodMonths` months: richer benefits for higher tiers, and money amounts
 * set relative to the tier's spend, so that they fit the data whatever its currency. They are starting
 * points for a finance user to replace, not facts about the data.
 */
function defaultTier(
  rank: number,
  tierCount: number,
  spend: number,
  periodMonths: number,
  entryShare: number,
): TierAssumptions {
  // 1 for the top tier, 0 for the base tier.
  const level = tierCount > 1 ? (tierCount - 1 - rank) / (tierCount - 1) : 1;
  const annualSpend = (spend * 12) / periodMonths;
  const step = (x: number, by: number) => Math.round(x / by) * by;
  return {
    pointsPerUnit: step(1 + level, 0.5),
    valuePerPoint: 0.01,
    redemptionRate: step(0.5 + 0.3 * level, 0.05),
    birthdayGiftCost: roundNicely(0.025 * annualSpend),
    birthdayUptake: step(0.3 + 0.4 * level, 0.05),
    serviceCostPerMember: roundNicely(0.005 * spend * level),
    activitiesPerPeriod: (step(level, 1 / 3) / 3) * periodMonths,
    costPerParticipant: roundNicely(0.02 * annualSpend),
    participationRate: step(0.1 + 0.2 * level, 0.05),
    otherFixedCost: 0,
    memberDiscount: step(0.05 * level, 0.01),
    spendLift: step(0.05 + 0.1 * level, 0.01),
    entryShare,
  };
}

export const DEFAULT_PROGRAMME: Omit<
  ProgrammeAssumptions,
  "discountRate" | "newMembersPerPeriod" | "pointsBurnRate"
> = {
  grossMargin: 0.4,
  membershipGrowthRate: 0,
  fixedCost: 0,
};

export const DEFAULT_SENSITIVITY: SensitivityAxes = {
  redemptionRates: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
  participationRates: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
};

/**
 * Default assumptions for a baseline: benefit assumptions by tier rank and spend; new members, their entry split,
 * the migration matrix, the seasonal index and the points outstanding from the data; no programme fixed
 * cost; 10 % a year discount rate; points
 * leaving the balance in a year on average (burn rate = period length / 12).
 */
export function defaultAssumptions(baseline: ProjectionBaseline, periods?: number): ProjectionAssumptions {
  const k = baseline.tierCount;
  const { periodMonths } = baseline;
  const observedSplit = baseline.entrySplit.every(Number.isFinite) ? baseline.entrySplit : undefined;
  return {
    periods: periods ?? defaultPeriods(periodMonths),
    tiers: Array.from({ length: k }, (_, i) =>
      defaultTier(
        i,
        k,
        baseline.spendPerMember[i],
        periodMonths,
        observedSplit ? observedSplit[i] : i === k - 1 ? 1 : 0,
      ),
    ),
    programme: {
      ...DEFAULT_PROGRAMME,
      discountRate: Math.round((Math.pow(1.1, periodMonths / 12) - 1) * 10_000) / 10_000,
      newMembersPerPeriod: baseline.newMembers,
      pointsBurnRate: Math.min(1, periodMonths / 12),
    },
    spendPerMember: baseline.chain.spendPerMember.slice(),
    migration: baseline.chain.migration.map((row) => row.slice()),
    pointsOutstanding: baseline.pointsOutstanding.slice(),
    seasonalIndex: seasonOfPeriods(baseline, periods ?? defaultPeriods(periodMonths)),
    alternative: { ...DEFAULT_ALTERNATIVE },
    scenarios: DEFAULT_SCENARIOS.map((s) => ({ ...s, multipliers: { ...s.multipliers } })),
    scenario: "base",
    sensitivity: {
      redemptionRates: DEFAULT_SENSITIVITY.redemptionRates.slice(),
      participationRates: DEFAULT_SENSITIVITY.participationRates.slice(),
    },
  };
}

/** The baseline's seasonal index for projected periods 1..T (the year's pattern repeated). */
function seasonOfPeriods(baseline: ProjectionBaseline, periods: number): number[] {
  const index = baseline.seasonality.index;
  return Array.from({ length: periods }, (_, t) => index[t % index.length]);
}

/** Where each tier assumption must lie: shares between 0 and 1, the rest 0 or more. */
export const TIER_FIELD_RANGES: Record<keyof TierAssumptions, "share" | "nonNegative"> = {
  pointsPerUnit: "nonNegative",
  valuePerPoint: "nonNegative",
  redemptionRate: "share",
  birthdayGiftCost: "nonNegative",
  birthdayUptake: "share",
  serviceCostPerMember: "nonNegative",
  activitiesPerPeriod: "nonNegative",
  costPerParticipant: "nonNegative",
  participationRate: "share",
  otherFixedCost: "nonNegative",
  memberDiscount: "share",
  spendLift: "nonNegative",
  entryShare: "share",
};

/**
 * What is wrong with a set of assumptions for a baseline, one message per problem (empty when sound).
 * Values a person may reasonably type are accepted (a 0 % margin, a lift of 0); impossible ones are not.
 */
export function checkAssumptions(a: ProjectionAssumptions, baseline: ProjectionBaseline): string[] {
  const problems: string[] = [];
  const k = baseline.tierCount;
  const states = baseline.states;
  const finite = (v: number) => typeof v === "number" && Number.isFinite(v);
  if (!(Number.isInteger(a.periods) && a.periods >= 1)) {
    problems.push("the number of periods must be a whole number from 1 up");
  }
  if (a.tiers.length !== k) problems.push(`assumptions are given for ${a.tiers.length} tiers, not ${k}`);
  a.tiers.forEach((t, i) => {
    for (const [field, range] of Object.entries(TIER_FIELD_RANGES) as [keyof TierAssumptions, string][]) {
      const v = t[field];
      const ok = finite(v) && v >= 0 && (range !== "share" || v <= 1);
      if (!ok) {
        const expected = range === "share" ? "between 0 and 1" : "0 or more";
        problems.push(`${states[i]?.name ?? `tier ${i + 1}`}: ${field} must be a number ${expected}`);
      }
    }
  });
  const p = a.programme;
  const share = (v: number) => finite(v) && v >= 0 && v <= 1;
  if (!(finite(p.grossMargin) && p.grossMargin <= 1)) problems.push("grossMargin must be a number up to 1");
  if (!(finite(p.discountRate) && p.discountRate > -1)) problems.push("discountRate must be above −1");
  if (!(finite(p.newMembersPerPeriod) && p.newMembersPerPeriod >= 0)) {
    problems.push("newMembersPerPeriod must be 0 or more");
  }
  if (!(finite(p.membershipGrowthRate) && p.membershipGrowthRate > -1)) {
    problems.push("membershipGrowthRate must be above −1");
  }
  if (!(finite(p.fixedCost) && p.fixedCost >= 0)) problems.push("fixedCost must be 0 or more");
  if (a.seasonalIndex.length !== a.periods || !a.seasonalIndex.every((v) => finite(v) && v >= 0)) {
    problems.push(`the seasonal index must be a number of 0 or more for each of the ${a.periods} periods`);
  }
  for (const [field, v] of Object.entries(a.alternative)) {
    if (!(finite(v) && v >= 0)) problems.push(`alternative ${field} must be 0 or more`);
  }
  if (!share(p.pointsBurnRate)) problems.push("pointsBurnRate must be between 0 and 1");
  const chain = baseline.chain.states;
  const S = chain.length;
  const chainName = (s: number) =>
    chain[s].tenure === "lapsed" ? states[k].name : `${states[chain[s].tier].name} (${chain[s].tenure})`;
  if (a.spendPerMember.length !== S - 1 || !a.spendPerMember.every(finite)) {
    problems.push(`spend per member must be a number for each of the ${S - 1} tier and tenure states`);
  }
  if (a.migration.length !== S || a.migration.some((row) => row.length !== S)) {
    problems.push(
      `the migration matrix must be ${S} × ${S} (the tiers' new and established members, lapsed)`,
    );
  } else {
    a.migration.forEach((row, i) =>
      row.forEach((v, j) => {
        if (!(finite(v) && v >= 0)) {
          problems.push(`migration from ${chainName(i)} to ${chainName(j)} must be 0 or more`);
        }
      }),
    );
  }
  if (a.pointsOutstanding.length !== k || !a.pointsOutstanding.every((v) => finite(v) && v >= 0)) {
    problems.push("points outstanding must be a number of 0 or more for every tier");
  }
  if (!a.scenarios.some((s) => s.key === a.scenario)) problems.push(`there is no scenario "${a.scenario}"`);
  for (const s of a.scenarios) {
    for (const [field, v] of Object.entries(s.multipliers)) {
      if (!(finite(v) && v >= 0)) problems.push(`scenario ${s.name}: ${field} must be 0 or more`);
    }
  }
  for (const [axis, values] of Object.entries(a.sensitivity)) {
    if (!(values as number[]).every(share)) problems.push(`sensitivity ${axis} must be between 0 and 1`);
  }
  return problems;
}
