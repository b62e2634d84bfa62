/**
 * The benefit-cost projection: members per tier period by period, the revenue they bring, what their
 * benefits cost per tier, and the programme's net effect, ROI, NPV, payback, break-even lift and points
 * liability. The Benefit cost sheet computes exactly this with Excel formulas; a test recalculates the
 * sheet in LibreOffice and compares every cell with this function.
 *
 * Notation. Tiers i = 1..k from the top. The states of the chain are each tier's new members (joined in
 * the last 6 months), each tier's established members, then "lapsed" (2k + 1 states, baseline.ts).
 * Periods t = 1..T; t = 0 is now. n_t = members per state at the END of period t (a row vector); each
 * period's flows (revenue, costs, points earned) are computed on the members at its end. The members of
 * tier i are n_t,i = its new members ν_t,i + its established ones ε_t,i.
 *
 * Scenario multipliers m (scenarios.ts) give the effective drivers w'ν_i and w'ε_i (spend per new and per
 * established member), l'_i, r'_i, q'_i, g'_i, s'_i, c'_i; the other assumptions are used as typed:
 * p_i points per unit, v_i value per point, u_i birthday
 * uptake, a_i activities per period, f_i tier fixed cost, d_i member discount, e_i entry share, P the
 * migration matrix, σ_t seasonal index, m_margin gross margin, d discount rate, N new members per
 * period, γ intake growth, F programme fixed cost, b points burn rate, L period length in months.
 *
 *   New members          N_t = N × m_new × (1 + γ)^(t − 1)
 *   Chain                n_0 = members now;  n_t,j = Σ_i n_{t−1,i} × P_ij + N_t × e_j
 *                        (new members join their tier's NEW state: e_j = 0 for the others)
 *   Members in tiers     M_t = Σ_{i ≤ k} n_t,i = Σ_i (ν_t,i + ε_t,i)
 *   Spend of tier i      B_t,i = (ν_t,i × w'ν_i + ε_t,i × w'ε_i) × σ_t  (at baseline spend);
 *                        lift revenue B_t,i × l'_i
 *   Revenue              base_t = Σ_i B_t,i;  lift_t = Σ_i B_t,i × l'_i;  revenue_t = base + lift
 *   Points earned        E_t,i = B_t,i × (1 + l'_i) × p_i
 *   Discounts            Σ_i B_t,i × (1 + l'_i) × d_i
 *   Points cost          Σ_i E_t,i × v_i × r'_i           (the expected cost of the points, booked when earned)
 *   Birthday gifts       (L / 12) × Σ_i n_t,i × g'_i × u_i   (L/12 of the members have a birthday)
 *   Priority service     Σ_i n_t,i × s'_i
 *   Activities           Σ_i n_t,i × a_i × c'_i × q'_i
 *   Tier fixed cost      Σ_i f_i;   programme fixed cost F
 *   Total benefit cost   C_t = the seven lines above (member benefits follow the members of each tier;
 *                        only the fixed costs do not)
 *   Cost per member      C_t / M_t (0 when M_t = 0);  cost share of revenue C_t / revenue_t (0 when no revenue)
 *   Gross margin         before benefits revenue_t × m_margin;  after benefits revenue_t × m_margin − C_t
 *   Incremental margin   lift_t × m_margin
 *   Net effect           net_t = lift_t × m_margin − C_t      (what the benefits bring minus what they cost)
 *   ROI                  net_t / C_t (0 when C_t = 0); cumulative Σ net / Σ C up to t
 *   Payback              the first period whose cumulative net effect is 0 or more (0: none in the horizon)
 *   Discounting          DF_t = 1 / (1 + d)^t;  NPV = Σ_t net_t × DF_t  (Excel's NPV(d, net_1..net_T))
 *   Points outstanding   O_0 = points now;  O_t,i = O_{t−1,i} × (1 − b) + E_t,i
 *   Points liability     Σ_i O_t,i × v_i × r'_i   (outstanding points × value per point × redemption rate)
 *
 * Break-even lift (the same lift λ for every tier, in place of l'): the net effect is linear in λ,
 *   net(λ) = λ × (m_margin × B − U) − C⁰,   B = Σ_t base_t,  U = Σ_t,i B_t,i × (p_i v_i r'_i + d_i),
 *   C⁰ = the benefit cost at zero lift = Σ C_t − Σ_t,i B_t,i × l'_i × (p_i v_i r'_i + d_i),
 * so λ* = C⁰ / (m_margin × B − U) when m_margin × B > U (else no lift pays the benefits).
 */
import { DataError } from "../data/errors";
import { checkAssumptions, type ProjectionAssumptions } from "./assumptions";
import type { ProjectionBaseline } from "./baseline";
import { memberPath } from "./members";
import { ratio, sum, sumProduct } from "./sum-product";
import { effectiveDrivers, scenarioOf, type EffectiveDrivers } from "./scenarios";

/**
 * Per-period lines, each of length T + 1: index 0 is now (before any period), index t is period t.
 * Flows are 0 at index 0; the discount factor is 1 there.
 */
export interface ProjectionLines {
  newMembers: number[];
  membersInTiers: number[];
  revenueBase: number[];
  revenueLift: number[];
  revenue: number[];
  costDiscount: number[];
  costPoints: number[];
  costBirthday: number[];
  costService: number[];
  costActivities: number[];
  costFixed: number[];
  costProgramme: number[];
  costTotal: number[];
  costPerMember: number[];
  costShareOfRevenue: number[];
  marginBeforeBenefits: number[];
  marginAfterBenefits: number[];
  incrementalMargin: number[];
  netEffect: number[];
  roi: number[];
  cumulativeCost: number[];
  cumulativeNetEffect: number[];
  cumulativeRoi: number[];
  /** The payback period found by period t (0 while the cumulative net effect is still negative). */
  payback: number[];
  discountFactor: number[];
  discountedNetEffect: number[];
  pointsLiability: number[];
}

export type ProjectionLineKey = keyof ProjectionLines;

const LINE_KEYS: readonly ProjectionLineKey[] = [
  "newMembers",
  "membersInTiers",
  "revenueBase",
  "revenueLift",
  "revenue",
  "costDiscount",
  "costPoints",
  "costBirthday",
  "costService",
  "costActivities",
  "costFixed",
  "costProgramme",
  "costTotal",
  "costPerMember",
  "costShareOfRevenue",
  "marginBeforeBenefits",
  "marginAfterBenefits",
  "incrementalMargin",
  "netEffect",
  "roi",
  "cumulativeCost",
  "cumulativeNetEffect",
  "cumulativeRoi",
  "payback",
  "discountFactor",
  "discountedNetEffect",
  "pointsLiability",
];

/** One tier's flows over all the periods (the cost block per tier). */
export interface TierTotals {
  /** Σ_t n_t,i: member-periods. */
  memberPeriods: number;
  revenueBase: number;
  revenueLift: number;
  revenue: number;
  discount: number;
  points: number;
  birthday: number;
  service: number;
  activities: number;
  fixed: number;
  total: number;
}

/** Revenue, cost and result of one programme over all the periods (a column of the comparison). */
export interface ProgrammeResult {
  revenue: number;
  benefitCost: number;
  marginAfterBenefits: number;
  /** Against no change: incremental margin − benefit cost (0 for no change itself). */
  netEffect: number;
  /** Net effect / benefit cost (0 without cost). */
  roi: number;
}

/** No change (no programme: baseline spend, no benefit cost), the programme as set, the alternative. */
export interface ProgrammeComparison {
  noChange: ProgrammeResult;
  asSet: ProgrammeResult;
  alternative: ProgrammeResult;
}

/** Totals of the periods ending in one year of the horizon (year y holds months 12(y − 1) + 1 .. 12y). */
export interface YearTotals {
  year: number;
  revenue: number;
  benefitCost: number;
  incrementalMargin: number;
  netEffect: number;
  roi: number;
}

export interface ProjectionTotals {
  periods: number;
  periodMonths: number;
  scenario: string;
  membersInTiersNow: number;
  membersInTiersAtEnd: number;
  revenue: number;
  benefitCost: number;
  /** Total benefit cost / total revenue (0 without revenue). */
  costShareOfRevenue: number;
  marginAfterBenefits: number;
  incrementalMargin: number;
  netEffect: number;
  /** Total net effect / total benefit cost (0 without cost). */
  roi: number;
  /** NPV of the net effect at the discount rate per period. */
  npvNetEffect: number;
  /** NPV of the benefit cost. */
  npvBenefitCost: number;
  pointsLiabilityNow: number;
  pointsLiabilityAtEnd: number;
  /** First period whose cumulative net effect is 0 or more; 0 when none in the horizon. */
  paybackPeriod: number;
  /** The lift the assumptions give, over all tiers: incremental revenue / revenue at baseline spend. */
  assumedLift: number;
  /** The same lift for every tier at which the net effect is 0; null when no lift pays the benefits. */
  breakEvenLift: number | null;
}

export interface Projection extends ProjectionLines {
  periods: number;
  /** Drivers per tier after the selected scenario. */
  drivers: EffectiveDrivers[];
  /** members[t][s]: members in chain state s (baseline.chain) at the end of period t (t = 0: now). */
  members: number[][];
  /** pointsEarned[t][i] (0 at t = 0) and pointsOutstanding[t][i] per tier. */
  pointsEarned: number[][];
  pointsOutstanding: number[][];
  tierTotals: TierTotals[];
  comparison: ProgrammeComparison;
  /** Per year of the horizon (one entry when it is a year or less). */
  years: YearTotals[];
  totals: ProjectionTotals;
}

/** Net present value of flows at periods 1..T (Excel's NPV): Σ_t flow_t / (1 + rate)^t. */
export function npv(rate: number, flows: readonly number[]): number {
  return flows.reduce((total, flow, i) => total + flow / Math.pow(1 + rate, i + 1), 0);
}

/** The year of the horizon period t ends in: months (t − 1)L + 1 .. tL, year ⌈tL / 12⌉. */
export function yearOfPeriod(t: number, periodMonths: number): number {
  return Math.floor((t * periodMonths - 1) / 12) + 1;
}

/** One period's flows per tier (each array has one entry per tier). */
interface TierFlows {
  spendBase: number[];
  spendLift: number[];
  pointsEarned: number[];
  discount: number[];
  points: number[];
  birthday: number[];
  service: number[];
  activities: number[];
}

/** What the projection steps share: the assumptions, the applied drivers and the baseline's shape. */
interface Context {
  baseline: ProjectionBaseline;
  a: ProjectionAssumptions;
  drivers: EffectiveDrivers[];
  k: number;
  T: number;
}

/** Members per tier of a row of the chain: its new members and its established ones. */
function tierMembersOf(chain: readonly number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => chain[i] + chain[k + i]);
}

/** Flows of every tier in a period with chain members `chain` and seasonal index `season`. */
function tierFlows(x: Context, chain: readonly number[], season: number): TierFlows {
  const { a, drivers, baseline, k } = x;
  const n = tierMembersOf(chain, k);
  const tiers = a.tiers.map((t, i) => ({ t, d: drivers[i], n: n[i] }));
  const spendBase = tiers.map(
    ({ d }, i) => (chain[i] * d.spendNew + chain[k + i] * d.spendEstablished) * season,
  );
  const spendWithLift = tiers.map(({ d }, i) => spendBase[i] * (1 + d.spendLift));
  const pointsEarned = tiers.map(({ t }, i) => spendWithLift[i] * t.pointsPerUnit);
  return {
    spendBase,
    spendLift: tiers.map(({ d }, i) => spendBase[i] * d.spendLift),
    pointsEarned,
    discount: tiers.map(({ t }, i) => spendWithLift[i] * t.memberDiscount),
    points: tiers.map(({ t, d }, i) => pointsEarned[i] * t.valuePerPoint * d.redemptionRate),
    birthday: tiers.map(
      ({ t, d, n }) => ((n * baseline.periodMonths) / 12) * d.birthdayGiftCost * t.birthdayUptake,
    ),
    service: tiers.map(({ d, n }) => n * d.serviceCostPerMember),
    activities: tiers.map(
      ({ t, d, n }) => n * t.activitiesPerPeriod * d.costPerParticipant * d.participationRate,
    ),
  };
}

function emptyLines(T: number): ProjectionLines {
  return Object.fromEntries(
    LINE_KEYS.map((key) => [key, new Array<number>(T + 1).fill(0)]),
  ) as unknown as ProjectionLines;
}

/** The lines of period t from its members and flows (cumulative lines from period t − 1). */
function fillPeriod(
  x: Context,
  lines: ProjectionLines,
  t: number,
  joining: number,
  n: readonly number[],
  f: TierFlows,
): void {
  const p = x.a.programme;
  const M = sum(n.slice(0, 2 * x.k));
  const revenueBase = sum(f.spendBase);
  const revenueLift = sum(f.spendLift);
  const revenue = revenueBase + revenueLift;
  const costFixed = sum(x.a.tiers.map((tier) => tier.otherFixedCost));
  const costTotal =
    sum(f.discount) +
    sum(f.points) +
    sum(f.birthday) +
    sum(f.service) +
    sum(f.activities) +
    costFixed +
    p.fixedCost;
  const incremental = revenueLift * p.grossMargin;
  const net = incremental - costTotal;
  const cumulativeCost = lines.cumulativeCost[t - 1] + costTotal;
  const cumulativeNet = lines.cumulativeNetEffect[t - 1] + net;
  const discountFactor = 1 / Math.pow(1 + p.discountRate, t);
  const values: Partial<Record<ProjectionLineKey, number>> = {
    newMembers: joining,
    membersInTiers: M,
    revenueBase,
    revenueLift,
    revenue,
    costDiscount: sum(f.discount),
    costPoints: sum(f.points),
    costBirthday: sum(f.birthday),
    costService: sum(f.service),
    costActivities: sum(f.activities),
    costFixed,
    costProgramme: p.fixedCost,
    costTotal,
    costPerMember: ratio(costTotal, M),
    costShareOfRevenue: ratio(costTotal, revenue),
    marginBeforeBenefits: revenue * p.grossMargin,
    marginAfterBenefits: revenue * p.grossMargin - costTotal,
    incrementalMargin: incremental,
    netEffect: net,
    roi: ratio(net, costTotal),
    cumulativeCost,
    cumulativeNetEffect: cumulativeNet,
    cumulativeRoi: ratio(cumulativeNet, cumulativeCost),
    payback: lines.payback[t - 1] > 0 ? lines.payback[t - 1] : cumulativeNet >= 0 ? t : 0,
    discountFactor,
    discountedNetEffect: net * discountFactor,
  };
  for (const [key, v] of Object.entries(values)) lines[key as ProjectionLineKey][t] = v;
}

/** Points outstanding per tier at the end of each period, and the liability line. */
function pointsBalances(x: Context, lines: ProjectionLines, earned: number[][]): number[][] {
  const burn = x.a.programme.pointsBurnRate;
  const outstanding = [x.a.pointsOutstanding.slice()];
  for (let t = 1; t <= x.T; t++) {
    outstanding.push(outstanding[t - 1].map((o, i) => o * (1 - burn) + earned[t][i]));
  }
  const valuePerPoint = x.a.tiers.map((t) => t.valuePerPoint);
  const redemption = x.drivers.map((d) => d.redemptionRate);
  outstanding.forEach((o, t) => (lines.pointsLiability[t] = sumProduct(o, valuePerPoint, redemption)));
  return outstanding;
}

/** Every tier's flows summed over the periods. */
function totalsPerTier(x: Context, members: number[][], flows: TierFlows[]): TierTotals[] {
  return x.a.tiers.map((tier, i) => {
    const over = (key: keyof TierFlows) => sum(flows.map((f) => f[key][i]));
    const revenueBase = over("spendBase");
    const revenueLift = over("spendLift");
    const costs = {
      discount: over("discount"),
      points: over("points"),
      birthday: over("birthday"),
      service: over("service"),
      activities: over("activities"),
      fixed: tier.otherFixedCost * x.T,
    };
    return {
      memberPeriods: sum(members.slice(1).map((n) => n[i] + n[x.k + i])),
      revenueBase,
      revenueLift,
      revenue: revenueBase + revenueLift,
      ...costs,
      total: sum(Object.values(costs)),
    };
  });
}

/** Cost per unit of spend that follows the spend: points (p v r') and discounts (d), per tier. */
function spendCostRates(x: Context): number[] {
  return x.a.tiers.map(
    (t, i) => t.pointsPerUnit * t.valuePerPoint * x.drivers[i].redemptionRate + t.memberDiscount,
  );
}

function breakEvenLift(x: Context, tiers: TierTotals[], benefitCost: number): number | null {
  const rates = spendCostRates(x);
  const base = sum(tiers.map((t) => t.revenueBase));
  const perUnitOfLift = sumProduct(
    tiers.map((t) => t.revenueBase),
    rates,
  );
  const liftCost = sumProduct(
    tiers.map((t) => t.revenueLift),
    rates,
  );
  const denominator = x.a.programme.grossMargin * base - perUnitOfLift;
  return denominator > 0 ? (benefitCost - liftCost) / denominator : null;
}

function result(revenue: number, benefitCost: number, margin: number, incremental: number): ProgrammeResult {
  const netEffect = incremental - benefitCost;
  return {
    revenue,
    benefitCost,
    marginAfterBenefits: revenue * margin - benefitCost,
    netEffect,
    roi: ratio(netEffect, benefitCost),
  };
}

/**
 * No change, as set, and the alternative: the top tier's variable costs × c and its lift × λ. Its spend
 * costs (points, discounts) follow its spend: × (1 + l' λ) / (1 + l').
 */
function compare(x: Context, tiers: TierTotals[], revenue: number, benefitCost: number): ProgrammeComparison {
  const margin = x.a.programme.grossMargin;
  const base = sum(tiers.map((t) => t.revenueBase));
  const lift = revenue - base;
  const top = tiers[0];
  const { topTierCost, topTierLift } = x.a.alternative;
  const topLift = x.drivers[0].spendLift;
  const spendFactor = (1 + topLift * topTierLift) / (1 + topLift);
  const topVariable = top.discount + top.points + top.birthday + top.service + top.activities;
  const topAlternative =
    topTierCost * ((top.discount + top.points) * spendFactor + top.birthday + top.service + top.activities);
  const altLift = lift - top.revenueLift + top.revenueLift * topTierLift;
  const altCost = benefitCost - topVariable + topAlternative;
  return {
    noChange: result(base, 0, margin, 0),
    asSet: result(revenue, benefitCost, margin, lift * margin),
    alternative: result(base + altLift, altCost, margin, altLift * margin),
  };
}

function yearTotals(x: Context, lines: ProjectionLines): YearTotals[] {
  const L = x.baseline.periodMonths;
  const years = yearOfPeriod(x.T, L);
  return Array.from({ length: years }, (_, y) => {
    const inYear = (line: number[]) => sum(line.filter((_, t) => t >= 1 && yearOfPeriod(t, L) === y + 1));
    const benefitCost = inYear(lines.costTotal);
    const netEffect = inYear(lines.netEffect);
    return {
      year: y + 1,
      revenue: inYear(lines.revenue),
      benefitCost,
      incrementalMargin: inYear(lines.incrementalMargin),
      netEffect,
      roi: ratio(netEffect, benefitCost),
    };
  });
}

function totalsOf(x: Context, lines: ProjectionLines, tiers: TierTotals[]): ProjectionTotals {
  const T = x.T;
  const p = x.a.programme;
  const periodsOf = (line: number[]) => line.slice(1);
  const revenue = sum(periodsOf(lines.revenue));
  const revenueBase = sum(periodsOf(lines.revenueBase));
  const benefitCost = sum(periodsOf(lines.costTotal));
  const netEffect = sum(periodsOf(lines.netEffect));
  return {
    periods: T,
    periodMonths: x.baseline.periodMonths,
    scenario: x.a.scenario,
    membersInTiersNow: lines.membersInTiers[0],
    membersInTiersAtEnd: lines.membersInTiers[T],
    revenue,
    benefitCost,
    costShareOfRevenue: ratio(benefitCost, revenue),
    marginAfterBenefits: sum(periodsOf(lines.marginAfterBenefits)),
    incrementalMargin: sum(periodsOf(lines.incrementalMargin)),
    netEffect,
    roi: ratio(netEffect, benefitCost),
    npvNetEffect: npv(p.discountRate, periodsOf(lines.netEffect)),
    npvBenefitCost: npv(p.discountRate, periodsOf(lines.costTotal)),
    pointsLiabilityNow: lines.pointsLiability[0],
    pointsLiabilityAtEnd: lines.pointsLiability[T],
    paybackPeriod: lines.payback[T],
    assumedLift: ratio(sum(periodsOf(lines.revenueLift)), revenueBase),
    breakEvenLift: breakEvenLift(x, tiers, benefitCost),
  };
}

/** Runs the projection; throws a DataError listing every problem of assumptions it cannot use. */
export function runProjection(baseline: ProjectionBaseline, a: ProjectionAssumptions): Projection {
  const problems = checkAssumptions(a, baseline);
  if (problems.length > 0) throw new DataError(`benefit-cost assumptions: ${problems.join("; ")}`);
  const T = a.periods;
  const k = baseline.tierCount;
  const m = scenarioOf(a.scenarios, a.scenario).multipliers;
  const drivers = a.tiers.map((t, i) =>
    effectiveDrivers(t, { new: a.spendPerMember[i], established: a.spendPerMember[k + i] }, m),
  );
  const x: Context = { baseline, a, drivers, k, T };

  const intake = (t: number) =>
    a.programme.newMembersPerPeriod * m.newMembers * Math.pow(1 + a.programme.membershipGrowthRate, t - 1);
  const entry = a.tiers.map((t) => t.entryShare);
  const members = memberPath(baseline.chain.members, a.migration, intake, entry, T);

  const lines = emptyLines(T);
  lines.membersInTiers[0] = sum(members[0].slice(0, 2 * k));
  lines.discountFactor[0] = 1;
  const flows: TierFlows[] = [];
  for (let t = 1; t <= T; t++) {
    const f = tierFlows(x, members[t], a.seasonalIndex[t - 1]);
    flows.push(f);
    fillPeriod(x, lines, t, intake(t), members[t], f);
  }
  const pointsEarned = [new Array<number>(k).fill(0), ...flows.map((f) => f.pointsEarned)];
  const pointsOutstanding = pointsBalances(x, lines, pointsEarned);
  const tierTotals = totalsPerTier(x, members, flows);
  const totals = totalsOf(x, lines, tierTotals);
  return {
    ...lines,
    periods: T,
    drivers,
    members,
    pointsEarned,
    pointsOutstanding,
    tierTotals,
    comparison: compare(x, tierTotals, totals.revenue, totals.benefitCost),
    years: yearTotals(x, lines),
    totals,
  };
}
