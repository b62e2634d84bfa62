/**
 * What a campaign really did: difference-in-differences of spend per member against a MATCHED control.
 *
 * For participants starting on day s (a campaign may start on different days for different members, as
 * a birthday gift does; each start day is a cohort), with a window of W days:
 *
 *   before = net spend in the W days before s; after = net spend in the W days from s;  y = after − before
 *
 * Controls are members who did not take part, had bought before s, and fall in the same STRATUM as the
 * participant before s: tier held on s − 1 × recency tercile × frequency tercile (purchase days in the
 * 365 days before s) × recent-spend band (no spend in the before window, or its quartile among those with
 * spend). Participants whose stratum has no control, who had not bought before s, or whose window ends
 * after the as-of date are left out and counted as unmatched.
 *
 *   effect per member = Σ_h n_h (mean y of participants in h − mean y of controls in h) / Σ_h n_h
 *
 * (n_h the participants of stratum h: the effect on those who took part). The lift is that effect over
 * what the participants would have spent without the campaign (their mean after-spend minus the effect).
 * The 95 % interval is the 2.5 and 97.5 percentiles of a seeded bootstrap that resamples participants and
 * controls within each stratum. The NAIVE comparison, shown beside it, is participants' after-spend over
 * every eligible non-participant's: what a quick look would say, selection bias included.
 */
import { NO_DAY } from "../data/days";
import { Random } from "../math/random";
import { quantileScores } from "../rfm/quantile-scores";
import { evaluateTiers } from "../tiers/evaluate";
import { activityBetween } from "../tiers/activity";
import type { TierProgram } from "../tiers/program";
import type { PurchaseDays } from "../summary/purchase-days";
import type { Participation } from "./participation";

export interface MeasureOptions {
  /** Window before and after the start, in days, when the campaign has no end dates (default 56: 8 weeks). */
  windowDays?: number;
  /** Bootstrap replicates (default 1000). */
  replicates?: number;
  /** Seed of the bootstrap (default 1): the same data give the same interval. */
  seed?: number;
  /** The tier program of the strata (thresholds derived from the data at each start when it has none). */
  tiers: TierProgram;
  /** Share of revenue kept as margin, for the ROI (default 1: the ROI on revenue). */
  margin?: number;
}

export const DEFAULT_CAMPAIGN_WINDOW_DAYS = 56;
export const DEFAULT_REPLICATES = 1000;
const BANDS = { r: 3, f: 3, spend: 5 } as const;

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface Stratum {
  start: number;
  tierLevel: number;
  /** Recency and frequency tercile (3 = most recent, most frequent), spend band 0 (none) .. 4 (top quartile). */
  r: number;
  f: number;
  spendBand: number;
  participants: number;
  controls: number;
  /** Mean spend before and after, and mean change, of participants and controls. */
  participantBefore: number;
  participantAfter: number;
  controlBefore: number;
  controlAfter: number;
}

export interface CampaignMeasure {
  campaign: string;
  windowDays: number;
  /** First and last start day of its participants. */
  firstStart: number;
  lastStart: number;
  /** Distinct members listed, and those measured. */
  participants: number;
  matched: number;
  unmatched: { notInOrders: number; noHistory: number; windowNotOver: number; noControl: number };
  /** Distinct members used as controls. */
  controls: number;
  /** Effect on spend per participant in the window (currency), and as a share of the counterfactual. */
  spendPerMember: Interval;
  lift: Interval;
  /** Effect on purchase days per participant in the window. */
  purchaseDaysPerMember: Interval;
  /** Matched participants' mean spend before and after, and the controls' (weighted like the participants). */
  participantBefore: number;
  participantAfter: number;
  controlBefore: number;
  controlAfter: number;
  /** Naive: participants' mean after-spend over all eligible non-participants' − 1. */
  naiveLift: Interval;
  naiveParticipantAfter: number;
  naiveOthersAfter: number;
  /** Effect per member × matched participants. */
  incrementalRevenue: Interval;
  /** Cost of the matched participants, and of all (NaN when no cost is given). */
  matchedCost: number;
  totalCost: number;
  /** (incremental revenue × margin − cost) / cost, on the matched participants; NaN without cost. */
  roi: Interval;
  margin: number;
  /** False when the interval of the effect on spend includes zero: "no measurable effect". */
  measurable: boolean;
  strata: Stratum[];
}

interface Cohort {
  start: number;
  members: number[];
  cost: number[];
}

interface Cell {
  stratum: Stratum;
  pChange: number[];
  pAfter: number[];
  pDays: number[];
  cChange: number[];
  cDays: number[];
  cost: number;
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return v.length > 0 ? s / v.length : NaN;
};

/** Mean of a resample (with replacement) of `v`. */
function resampledMean(rng: Random, v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[Math.floor(rng.uniform() * v.length)];
  return s / v.length;
}

function percentileInterval(estimate: number, draws: number[]): Interval {
  const finite = draws.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return { estimate, low: NaN, high: NaN };
  const at = (q: number) => {
    const x = q * (finite.length - 1);
    const lo = Math.floor(x);
    return finite[lo] + (finite[Math.min(lo + 1, finite.length - 1)] - finite[lo]) * (x - lo);
  };
  return { estimate, low: at(0.025), high: at(0.975) };
}

/**
 * The stratum of every member who had bought before the comparison: features from the history BEFORE the
 * before-window (up to day `start − window − 1`), so that matching does not pick controls whose before-window
 * happened to look like the participants' (their after-window would fall back: regression to the mean).
 * Members without a purchase by then get key −1.
 */
function strataAt(days: PurchaseDays, start: number, window: number, program: TierProgram) {
  const n = days.customerIds.length;
  const cut = start - window; // features from days before `cut`
  const before = activityBetween(days, start - 1 - window, start - 1);
  const after = activityBetween(days, start - 1, start - 1 + window);
  const recent = activityBetween(days, cut - 1 - window, cut - 1);
  const year = activityBetween(days, cut - 1 - 365, cut - 1);
  const tiers = evaluateTiers(days, program, cut - 1);
  const recency = new Float64Array(n).fill(NaN);
  const frequency = new Float64Array(n).fill(NaN);
  const positive = new Float64Array(n).fill(NaN);
  for (let c = 0; c < n; c++) {
    const lo = days.start[c];
    if (days.day[lo] >= cut) continue;
    let last = NO_DAY;
    for (let j = lo; j < days.start[c + 1] && days.day[j] < cut; j++) last = days.day[j];
    recency[c] = cut - last;
    frequency[c] = year.purchaseDays[c];
    if (recent.spend[c] > 0) positive[c] = recent.spend[c];
  }
  const r = quantileScores(recency, BANDS.r, false).scores;
  const f = quantileScores(frequency, BANDS.f, true).scores;
  const m = quantileScores(positive, BANDS.spend - 1, true).scores;
  const key = new Int32Array(n).fill(-1);
  const spendBand = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (!Number.isFinite(recency[c])) continue;
    spendBand[c] = Number.isFinite(positive[c]) ? m[c] : 0;
    key[c] = ((tiers.current[c] * BANDS.r + (r[c] - 1)) * BANDS.f + (f[c] - 1)) * BANDS.spend + spendBand[c];
  }
  return { key, before, after, tierLevel: tiers.current, r, f, spendBand };
}

/** The window of a campaign: from its end dates when every row has one (the longest), else the default. */
function windowOf(rows: readonly Participation[], fallback: number): number {
  if (rows.length > 0 && rows.every((p) => Number.isFinite(p.end))) {
    // A loop, not Math.max(...rows): a campaign may have hundreds of thousands of participants.
    let longest = 7;
    for (const p of rows) longest = Math.max(longest, p.end - p.start + 1);
    return Math.min(365, longest);
  }
  return fallback;
}

/** Measures one campaign (its participation rows) on the purchase days; `asOf` ends the data. */
export function measureCampaign(
  days: PurchaseDays,
  campaign: string,
  rows: readonly Participation[],
  asOf: number,
  options: MeasureOptions,
): CampaignMeasure {
  const window = windowOf(rows, options.windowDays ?? DEFAULT_CAMPAIGN_WINDOW_DAYS);
  const margin = options.margin ?? 1;
  const indexOf = new Map<string, number>();
  days.customerIds.forEach((id, c) => indexOf.set(id, c));
  // One start and one cost per member: the earliest start, the costs summed.
  const byMember = new Map<number, { start: number; cost: number }>();
  const unmatched = { notInOrders: 0, noHistory: 0, windowNotOver: 0, noControl: 0 };
  const listed = new Set<string>();
  let totalCost = NaN;
  for (const p of rows) {
    listed.add(p.customerId);
    if (Number.isFinite(p.cost)) totalCost = (Number.isNaN(totalCost) ? 0 : totalCost) + p.cost;
    const c = indexOf.get(p.customerId);
    if (c === undefined) continue;
    const seen = byMember.get(c);
    const cost = Number.isFinite(p.cost) ? p.cost : 0;
    if (!seen) byMember.set(c, { start: p.start, cost });
    else byMember.set(c, { start: Math.min(seen.start, p.start), cost: seen.cost + cost });
  }
  unmatched.notInOrders = [...listed].filter((id) => !indexOf.has(id)).length;
  const cohorts = new Map<number, Cohort>();
  for (const [c, { start, cost }] of byMember) {
    const cohort = cohorts.get(start) ?? { start, members: [], cost: [] };
    cohort.members.push(c);
    cohort.cost.push(cost);
    cohorts.set(start, cohort);
  }
  const takesPart = new Uint8Array(days.customerIds.length);
  for (const c of byMember.keys()) takesPart[c] = 1;

  const cells: Cell[] = [];
  const strata: Stratum[] = [];
  const naive: { pAfter: number[]; oAfter: number[] }[] = [];
  const controlsUsed = new Set<number>();
  let matchedCost = 0;
  const starts = [...cohorts.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    const cohort = cohorts.get(start) as Cohort;
    if (start - 1 + window > asOf) {
      unmatched.windowNotOver += cohort.members.length;
      continue;
    }
    const s = strataAt(days, start, window, options.tiers);
    const cellOf = new Map<number, Cell>();
    const pAfterAll: number[] = [];
    cohort.members.forEach((c, i) => {
      if (s.key[c] < 0) {
        unmatched.noHistory++;
        return;
      }
      pAfterAll.push(s.after.spend[c]);
      let cell = cellOf.get(s.key[c]);
      if (!cell) {
        cell = {
          stratum: {
            start,
            tierLevel: s.tierLevel[c],
            r: s.r[c],
            f: s.f[c],
            spendBand: s.spendBand[c],
            participants: 0,
            controls: 0,
            participantBefore: 0,
            participantAfter: 0,
            controlBefore: 0,
            controlAfter: 0,
          },
          pChange: [],
          pAfter: [],
          pDays: [],
          cChange: [],
          cDays: [],
          cost: 0,
        };
        cellOf.set(s.key[c], cell);
      }
      cell.pChange.push(s.after.spend[c] - s.before.spend[c]);
      cell.pAfter.push(s.after.spend[c]);
      cell.pDays.push(s.after.purchaseDays[c] - s.before.purchaseDays[c]);
      cell.stratum.participantBefore += s.before.spend[c];
      cell.cost += cohort.cost[i];
    });
    const oAfter: number[] = [];
    const controlIndexes = new Map<number, number[]>();
    for (let c = 0; c < takesPart.length; c++) {
      if (takesPart[c] || s.key[c] < 0) continue;
      oAfter.push(s.after.spend[c]);
      const cell = cellOf.get(s.key[c]);
      if (!cell) continue;
      cell.cChange.push(s.after.spend[c] - s.before.spend[c]);
      cell.cDays.push(s.after.purchaseDays[c] - s.before.purchaseDays[c]);
      cell.stratum.controlBefore += s.before.spend[c];
      cell.stratum.controlAfter += s.after.spend[c];
      const list = controlIndexes.get(s.key[c]) ?? [];
      list.push(c);
      controlIndexes.set(s.key[c], list);
    }
    naive.push({ pAfter: pAfterAll, oAfter });
    for (const [key, cell] of cellOf) {
      const st = cell.stratum;
      st.participants = cell.pChange.length;
      st.controls = cell.cChange.length;
      st.participantBefore /= st.participants;
      st.participantAfter = mean(cell.pAfter);
      strata.push(st);
      if (st.controls === 0) {
        unmatched.noControl += st.participants;
        st.controlBefore = NaN;
        st.controlAfter = NaN;
        continue;
      }
      st.controlBefore /= st.controls;
      st.controlAfter /= st.controls;
      for (const c of controlIndexes.get(key) ?? []) controlsUsed.add(c);
      matchedCost += cell.cost;
      cells.push(cell);
    }
  }

  const matchedCells = cells;
  const matched = matchedCells.reduce((a, cell) => a + cell.pChange.length, 0);
  // The estimate from per-stratum means of participants' and controls' change, weighted by participants.
  const estimateFrom = (pMean: (cell: Cell) => number, cMean: (cell: Cell) => number) => {
    let effect = 0;
    for (const cell of matchedCells) effect += cell.pChange.length * (pMean(cell) - cMean(cell));
    return matched > 0 ? effect / matched : NaN;
  };
  const pAfterMean = (cells: Cell[], pick: (cell: Cell) => number) =>
    cells.reduce((a, cell) => a + cell.pChange.length * pick(cell), 0) / matched;
  const spendEffect = estimateFrom(
    (cell) => mean(cell.pChange),
    (cell) => mean(cell.cChange),
  );
  const participantAfter = pAfterMean(matchedCells, (cell) => mean(cell.pAfter));
  const liftOf = (effect: number, after: number) => effect / (after - effect);
  const daysEffect = estimateFrom(
    (cell) => mean(cell.pDays),
    (cell) => mean(cell.cDays),
  );
  const naiveOf = (pick: (v: number[]) => number) => {
    let p = 0;
    let o = 0;
    let count = 0;
    for (const cohort of naive) {
      if (cohort.pAfter.length === 0 || cohort.oAfter.length === 0) continue;
      p += cohort.pAfter.length * pick(cohort.pAfter);
      o += cohort.pAfter.length * pick(cohort.oAfter);
      count += cohort.pAfter.length;
    }
    return { p: p / count, o: o / count };
  };
  const naiveMeans = naiveOf(mean);

  const rng = new Random(options.seed ?? 1);
  const replicates = matched > 0 ? (options.replicates ?? DEFAULT_REPLICATES) : 0;
  const draws = { spend: [] as number[], lift: [] as number[], days: [] as number[], naive: [] as number[] };
  for (let b = 0; b < replicates; b++) {
    let effect = 0;
    let after = 0;
    let dayEffect = 0;
    for (const cell of matchedCells) {
      // One resample of the participants' rows (change, after and purchase days together), one of the controls'.
      const np = cell.pChange.length;
      let sc = 0;
      let sa = 0;
      let sd = 0;
      for (let i = 0; i < np; i++) {
        const j = Math.floor(rng.uniform() * np);
        sc += cell.pChange[j];
        sa += cell.pAfter[j];
        sd += cell.pDays[j];
      }
      const nc = cell.cChange.length;
      let cc = 0;
      let cd = 0;
      for (let i = 0; i < nc; i++) {
        const j = Math.floor(rng.uniform() * nc);
        cc += cell.cChange[j];
        cd += cell.cDays[j];
      }
      effect += sc - (np * cc) / nc;
      after += sa;
      dayEffect += sd - (np * cd) / nc;
    }
    draws.spend.push(effect / matched);
    draws.lift.push(liftOf(effect / matched, after / matched));
    draws.days.push(dayEffect / matched);
    const n = naiveOf((v) => resampledMean(rng, v));
    draws.naive.push(n.p / n.o - 1);
  }
  const spendPerMember = percentileInterval(spendEffect, draws.spend);
  const scale = (i: Interval, k: number): Interval => ({
    estimate: i.estimate * k,
    low: i.low * k,
    high: i.high * k,
  });
  const incrementalRevenue = scale(spendPerMember, matched);
  const hasCost = Number.isFinite(totalCost) && matchedCost > 0;
  const roiOf = (revenue: number) => (hasCost ? (revenue * margin - matchedCost) / matchedCost : NaN);
  const controlMean = (pick: (st: Stratum) => number) =>
    matchedCells.reduce((a, cell) => a + cell.pChange.length * pick(cell.stratum), 0) / matched;
  return {
    campaign,
    windowDays: window,
    firstStart: starts.length > 0 ? starts[0] : NaN,
    lastStart: starts.length > 0 ? starts[starts.length - 1] : NaN,
    participants: listed.size,
    matched,
    unmatched,
    controls: controlsUsed.size,
    spendPerMember,
    lift: percentileInterval(liftOf(spendEffect, participantAfter), draws.lift),
    purchaseDaysPerMember: percentileInterval(daysEffect, draws.days),
    participantBefore: controlMean((st) => st.participantBefore),
    participantAfter,
    controlBefore: controlMean((st) => st.controlBefore),
    controlAfter: controlMean((st) => st.controlAfter),
    naiveLift: percentileInterval(naiveMeans.p / naiveMeans.o - 1, draws.naive),
    naiveParticipantAfter: naiveMeans.p,
    naiveOthersAfter: naiveMeans.o,
    incrementalRevenue,
    matchedCost: hasCost ? matchedCost : NaN,
    totalCost,
    roi: {
      estimate: roiOf(incrementalRevenue.estimate),
      low: roiOf(incrementalRevenue.low),
      high: roiOf(incrementalRevenue.high),
    },
    margin,
    measurable: matched > 0 && (spendPerMember.low > 0 || spendPerMember.high < 0),
    strata: strata.sort(
      (a, b) =>
        a.start - b.start || a.tierLevel - b.tierLevel || b.r - a.r || b.f - a.f || b.spendBand - a.spendBand,
    ),
  };
}

/** Measures every campaign of the participation rows, in order of first start. */
export function measureCampaigns(
  days: PurchaseDays,
  rows: readonly Participation[],
  asOf: number,
  options: MeasureOptions,
): CampaignMeasure[] {
  const byCampaign = new Map<string, Participation[]>();
  for (const p of rows) {
    const list = byCampaign.get(p.campaign) ?? [];
    list.push(p);
    byCampaign.set(p.campaign, list);
  }
  return [...byCampaign]
    .map(([campaign, list]) => measureCampaign(days, campaign, list, asOf, options))
    .sort((a, b) => a.firstStart - b.firstStart || a.campaign.localeCompare(b.campaign));
}
