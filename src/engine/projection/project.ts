/**
 * The benefit-cost projection: members per tier period by period, the revenue they bring, what their
 * benefits cost, and the programme's net effect, ROI, NPV and points liability. The Benefit cost sheet
 * computes exactly this with Excel formulas; a test recalculates the sheet in LibreOffice and compares
 * every cell with this function.
 *
 * Notation. Tiers i = 1..k from the top; states are the tiers then "lapsed" (K = k + 1 states).
 * Periods t = 1..T; t = 0 is now. n_t = members per state at the END of period t (a row vector); each
 * period's flows (revenue, costs, points earned) are computed on the members at its end.
 *
 * Scenario multipliers m (scenarios.ts) give the effective drivers w'_i, l'_i, r'_i, q'_i, g'_i, s'_i,
 * c'_i; the other assumptions are used as typed: p_i points per unit, v_i value per point, u_i birthday
 * uptake, a_i activities per period, f_i other fixed cost, e_i entry share, P the migration matrix,
 * m_margin gross margin, d discount rate, N new members per period, γ intake growth, κ cost growth
 * coefficient, b points burn rate, L period length in months.
 *
 *   New members          N_t = N × m_new × (1 + γ)^(t − 1)
 *   Members              n_0 = members now;  n_t,j = Σ_i n_{t−1,i} × P_ij + N_t × e_j   (e = 0 for lapsed)
 *   Members in tiers     M_t = Σ_{i ≤ k} n_t,i
 *   Cost scale factor    S_t = max(0, 1 + κ × (M_t / M_0 − 1))   (1 when M_0 = 0)
 *   Revenue              base_t = Σ_i n_t,i × w'_i;  lift_t = Σ_i n_t,i × w'_i × l'_i;  revenue_t = base + lift
 *   Points earned        E_t,i = n_t,i × w'_i × (1 + l'_i) × p_i
 *   Points cost          Σ_i E_t,i × v_i × r'_i           (the expected cost of the points, booked when earned)
 *   Birthday gifts       S_t × (L / 12) × Σ_i n_t,i × g'_i × u_i   (L/12 of the members have a birthday)
 *   Priority service     S_t × Σ_i n_t,i × s'_i
 *   Activities           S_t × Σ_i n_t,i × a_i × c'_i × q'_i
 *   Other fixed cost     Σ_i f_i
 *   Total benefit cost   C_t = the five lines above
 *   Cost per member      C_t / M_t (0 when M_t = 0);  cost share of revenue C_t / revenue_t (0 when no revenue)
 *   Gross margin         before benefits revenue_t × m_margin;  after benefits revenue_t × m_margin − C_t
 *   Incremental margin   lift_t × m_margin
 *   Net effect           net_t = lift_t × m_margin − C_t      (what the benefits bring minus what they cost)
 *   ROI                  net_t / C_t (0 when C_t = 0); cumulative Σ net / Σ C up to t
 *   Discounting          DF_t = 1 / (1 + d)^t;  NPV = Σ_t net_t × DF_t  (Excel's NPV(d, net_1..net_T))
 *   Points outstanding   O_0 = points now;  O_t,i = O_{t−1,i} × (1 − b) + E_t,i
 *   Points liability     Σ_i O_t,i × v_i × r'_i   (outstanding points × value per point × redemption rate)
 */
import { DataError } from "../data/errors";
import { checkAssumptions, type ProjectionAssumptions } from "./assumptions";
import type { ProjectionBaseline } from "./baseline";
import { effectiveDrivers, scenarioOf, type EffectiveDrivers } from "./scenarios";

/**
 * Per-period lines, each of length T + 1: index 0 is now (before any period), index t is period t.
 * Flows are 0 at index 0; the cost scale and discount factors are 1 there.
 */
export interface ProjectionLines {
  newMembers: number[];
  membersInTiers: number[];
  costScale: number[];
  revenueBase: number[];
  revenueLift: number[];
  revenue: number[];
  costPoints: number[];
  costBirthday: number[];
  costService: number[];
  costActivities: number[];
  costFixed: number[];
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
  discountFactor: number[];
  discountedNetEffect: number[];
  pointsLiability: number[];
}

export type ProjectionLineKey = keyof ProjectionLines;

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
}

export interface Projection extends ProjectionLines {
  periods: number;
  /** Drivers per tier after the selected scenario. */
  drivers: EffectiveDrivers[];
  /** members[t][s]: members in state s at the end of period t (t = 0: now). */
  members: number[][];
  /** pointsEarned[t][i] (0 at t = 0) and pointsOutstanding[t][i] per tier. */
  pointsEarned: number[][];
  pointsOutstanding: number[][];
  totals: ProjectionTotals;
}

/** Σ_i a_i × b_i × ... over arrays of the same length (SUMPRODUCT). */
export function sumProduct(...arrays: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < arrays[0].length; i++) {
    let product = 1;
    for (const a of arrays) product *= a[i];
    total += product;
  }
  return total;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

const ratio = (numerator: number, denominator: number): number =>
  denominator > 0 ? numerator / denominator : 0;

/** Net present value of flows at periods 1..T (Excel's NPV): Σ_t flow_t / (1 + rate)^t. */
export function npv(rate: number, flows: readonly number[]): number {
  return flows.reduce((total, flow, i) => total + flow / Math.pow(1 + rate, i + 1), 0);
}

/** Runs the projection; throws a DataError listing every problem of assumptions it cannot use. */
export function runProjection(baseline: ProjectionBaseline, a: ProjectionAssumptions): Projection {
  const problems = checkAssumptions(a, baseline);
  if (problems.length > 0) throw new DataError(`benefit-cost assumptions: ${problems.join("; ")}`);
  const T = a.periods;
  const k = baseline.tierCount;
  const K = k + 1;
  const m = scenarioOf(a.scenarios, a.scenario).multipliers;
  const drivers = a.tiers.map((t, i) => effectiveDrivers(t, baseline.spendPerMember[i], m));
  const col = <K extends keyof EffectiveDrivers>(key: K) => drivers.map((d) => d[key]);
  const tierCol = <K extends keyof (typeof a.tiers)[number]>(key: K) => a.tiers.map((t) => t[key]);
  const spend = col("spendPerMember");
  const lift = col("spendLift");
  const redemption = col("redemptionRate");
  const participation = col("participationRate");
  const valuePerPoint = tierCol("valuePerPoint");
  const p = a.programme;

  const lines = Object.fromEntries(
    (
      [
        "newMembers",
        "membersInTiers",
        "costScale",
        "revenueBase",
        "revenueLift",
        "revenue",
        "costPoints",
        "costBirthday",
        "costService",
        "costActivities",
        "costFixed",
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
        "discountFactor",
        "discountedNetEffect",
        "pointsLiability",
      ] as ProjectionLineKey[]
    ).map((key) => [key, new Array<number>(T + 1).fill(0)]),
  ) as unknown as ProjectionLines;

  const members: number[][] = [baseline.members.slice(0, K)];
  const pointsEarned: number[][] = [new Array<number>(k).fill(0)];
  const pointsOutstanding: number[][] = [a.pointsOutstanding.slice()];
  const tiersOf = (n: number[]) => n.slice(0, k);
  const M0 = sum(tiersOf(members[0]));
  lines.membersInTiers[0] = M0;
  lines.costScale[0] = 1;
  lines.discountFactor[0] = 1;
  lines.pointsLiability[0] = sumProduct(pointsOutstanding[0], valuePerPoint, redemption);
  const fixed = sum(tierCol("otherFixedCost"));

  for (let t = 1; t <= T; t++) {
    const prev = members[t - 1];
    const joining = p.newMembersPerPeriod * m.newMembers * Math.pow(1 + p.membershipGrowthRate, t - 1);
    const n = Array.from({ length: K }, (_, j) => {
      const moved = sumProduct(
        prev,
        a.migration.map((row) => row[j]),
      );
      return j < k ? moved + joining * a.tiers[j].entryShare : moved;
    });
    members.push(n);
    const tierMembers = tiersOf(n);
    const M = sum(tierMembers);
    const scale = M0 > 0 ? Math.max(0, 1 + p.costGrowthCoefficient * (M / M0 - 1)) : 1;
    const earned = tierMembers.map((x, i) => x * spend[i] * (1 + lift[i]) * a.tiers[i].pointsPerUnit);
    pointsEarned.push(earned);
    const outstanding = pointsOutstanding[t - 1].map((o, i) => o * (1 - p.pointsBurnRate) + earned[i]);
    pointsOutstanding.push(outstanding);

    const revenueBase = sumProduct(tierMembers, spend);
    const revenueLift = sumProduct(tierMembers, spend, lift);
    const revenue = revenueBase + revenueLift;
    const costPoints = sumProduct(earned, valuePerPoint, redemption);
    const costBirthday =
      ((scale * baseline.periodMonths) / 12) *
      sumProduct(tierMembers, col("birthdayGiftCost"), tierCol("birthdayUptake"));
    const costService = scale * sumProduct(tierMembers, col("serviceCostPerMember"));
    const costActivities =
      scale *
      sumProduct(tierMembers, tierCol("activitiesPerPeriod"), col("costPerParticipant"), participation);
    const costTotal = costPoints + costBirthday + costService + costActivities + fixed;
    const marginBefore = revenue * p.grossMargin;
    const incremental = revenueLift * p.grossMargin;
    const net = incremental - costTotal;
    const cumulativeCost = lines.cumulativeCost[t - 1] + costTotal;
    const cumulativeNet = lines.cumulativeNetEffect[t - 1] + net;
    const discountFactor = 1 / Math.pow(1 + p.discountRate, t);

    const set = (key: ProjectionLineKey, v: number) => (lines[key][t] = v);
    set("newMembers", joining);
    set("membersInTiers", M);
    set("costScale", scale);
    set("revenueBase", revenueBase);
    set("revenueLift", revenueLift);
    set("revenue", revenue);
    set("costPoints", costPoints);
    set("costBirthday", costBirthday);
    set("costService", costService);
    set("costActivities", costActivities);
    set("costFixed", fixed);
    set("costTotal", costTotal);
    set("costPerMember", ratio(costTotal, M));
    set("costShareOfRevenue", ratio(costTotal, revenue));
    set("marginBeforeBenefits", marginBefore);
    set("marginAfterBenefits", marginBefore - costTotal);
    set("incrementalMargin", incremental);
    set("netEffect", net);
    set("roi", ratio(net, costTotal));
    set("cumulativeCost", cumulativeCost);
    set("cumulativeNetEffect", cumulativeNet);
    set("cumulativeRoi", ratio(cumulativeNet, cumulativeCost));
    set("discountFactor", discountFactor);
    set("discountedNetEffect", net * discountFactor);
    set("pointsLiability", sumProduct(outstanding, valuePerPoint, redemption));
  }

  const periodsOf = (line: number[]) => line.slice(1);
  const revenue = sum(periodsOf(lines.revenue));
  const benefitCost = sum(periodsOf(lines.costTotal));
  const netEffect = sum(periodsOf(lines.netEffect));
  const totals: ProjectionTotals = {
    periods: T,
    periodMonths: baseline.periodMonths,
    scenario: a.scenario,
    membersInTiersNow: M0,
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
  };
  return { ...lines, periods: T, drivers, members, pointsEarned, pointsOutstanding, totals };
}
