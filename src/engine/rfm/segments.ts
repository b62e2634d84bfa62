/**
 * Assigning segments from rule tables (segment-schemes.ts): RFM schemes by score ranges, value-band
 * schemes (1-8-1, core/important/ordinary/marginal) by rank of value.
 */
import { DataError } from "../data/errors";
import type { RfmScores } from "./rfm-scores";
import type { RfmSegmentRule, RfmSegmentScheme, ValueBandScheme } from "./segment-schemes";

/** Segment per customer as an index into the scheme's segments (or bands). */
export interface SegmentAssignment {
  /** Segment keys, names in English and Chinese, in the scheme's order. */
  segments: readonly { key: string; name: string; nameZh: string }[];
  segment: Uint8Array;
}

/** Maps a score on a 1..bins scale onto 1..scale linearly (rounding half up): 1 → 1, bins → scale. */
export function rescaleScore(score: number, bins: number, scale: number): number {
  if (bins === scale) return score;
  return Math.floor(1 + ((score - 1) * (scale - 1)) / (bins - 1) + 0.5);
}

/** Round-half-up mean of F and M: the "FM" score of the rules. */
export function fmScore(f: number, m: number): number {
  return (f + m + 1) >> 1;
}

const inRange = (score: number, range: readonly [number, number] | undefined): boolean =>
  range === undefined || (score >= range[0] && score <= range[1]);

function ruleMatches(rule: RfmSegmentRule, r: number, f: number, m: number): boolean {
  return inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m) && inRange(fmScore(f, m), rule.fm);
}

/**
 * What is wrong with a scheme, one message per problem: unknown segments, ranges off the scale, and the
 * score combinations that no rule matches (they go to the fallback). An empty list means a sound scheme.
 */
export function checkRfmScheme(scheme: RfmSegmentScheme): string[] {
  const problems: string[] = [];
  const keys = new Set(scheme.segments.map((s) => s.key));
  if (!Number.isInteger(scheme.scale) || scheme.scale < 2 || scheme.scale > 10) {
    problems.push(`scale must be a whole number from 2 to 10 (got ${scheme.scale})`);
    return problems;
  }
  if (!keys.has(scheme.fallback)) problems.push(`fallback "${scheme.fallback}" is not a segment`);
  scheme.rules.forEach((rule, i) => {
    if (!keys.has(rule.segment)) problems.push(`rule ${i + 1}: "${rule.segment}" is not a segment`);
    for (const measure of ["r", "f", "m", "fm"] as const) {
      const range = rule[measure];
      if (!range) continue;
      const [lo, hi] = range;
      if (!(lo >= 1 && hi <= scheme.scale && lo <= hi)) {
        problems.push(
          `rule ${i + 1}: ${measure.toUpperCase()} range ${lo}..${hi} is not within 1..${scheme.scale}`,
        );
      }
    }
  });
  const s = scheme.scale;
  for (let r = 1; r <= s; r++) {
    for (let f = 1; f <= s; f++) {
      for (let m = 1; m <= s; m++) {
        if (!scheme.rules.some((rule) => ruleMatches(rule, r, f, m)))
          problems.push(`no rule for R${r} F${f} M${m}`);
      }
    }
  }
  return problems;
}

/** Segment index per (r, f, m) on the scheme's scale, precomputed: index ((r − 1)·s + f − 1)·s + m − 1. */
function segmentTable(scheme: RfmSegmentScheme): Uint8Array {
  const s = scheme.scale;
  const indexOf = new Map(scheme.segments.map((seg, i) => [seg.key, i]));
  const fallback = indexOf.get(scheme.fallback);
  if (fallback === undefined) throw new DataError(`segment scheme ${scheme.name}: fallback is not a segment`);
  const table = new Uint8Array(s * s * s);
  for (let r = 1; r <= s; r++) {
    for (let f = 1; f <= s; f++) {
      for (let m = 1; m <= s; m++) {
        const rule = scheme.rules.find((candidate) => ruleMatches(candidate, r, f, m));
        const index = rule ? indexOf.get(rule.segment) : fallback;
        if (index === undefined)
          throw new DataError(`segment scheme ${scheme.name}: "${rule?.segment}" is not a segment`);
        table[((r - 1) * s + f - 1) * s + m - 1] = index;
      }
    }
  }
  return table;
}

/**
 * The segment of each customer. Scores on another scale than the scheme's are mapped onto it
 * (`rescaleScore`); unscored customers (score 0) get the fallback segment.
 */
export function assignRfmSegments(scores: RfmScores, scheme: RfmSegmentScheme): SegmentAssignment {
  const table = segmentTable(scheme);
  const s = scheme.scale;
  const scale = Uint8Array.from({ length: scores.bins + 1 }, (_, v) =>
    v === 0 ? 0 : rescaleScore(v, scores.bins, s),
  );
  const fallback = scheme.segments.findIndex((seg) => seg.key === scheme.fallback);
  const segment = new Uint8Array(scores.r.length);
  for (let i = 0; i < segment.length; i++) {
    const r = scale[scores.r[i]];
    const f = scale[scores.f[i]];
    const m = scale[scores.m[i]];
    segment[i] = r && f && m ? table[((r - 1) * s + f - 1) * s + m - 1] : fallback;
  }
  return { segments: scheme.segments, segment };
}

/** What is wrong with a value-band scheme (shares not positive or not adding up to 1). */
export function checkValueBandScheme(scheme: ValueBandScheme): string[] {
  const problems: string[] = [];
  let total = 0;
  scheme.bands.forEach((band, i) => {
    if (!(band.share > 0)) problems.push(`band ${i + 1} (${band.name}): share must be above 0`);
    total += band.share;
  });
  if (Math.abs(total - 1) > 1e-9) problems.push(`the shares add up to ${total}, not 1`);
  return problems;
}

/** The values that are not NaN, the highest first. */
function finiteDescending(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const kept = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) kept[n++] = values[i];
  return kept.sort().reverse();
}

/**
 * The value band of each customer: customers ranked by value, the most valuable first, the first band
 * taking its share of them, and so on. Equal values share a band: a customer's place is the share of
 * customers with a strictly higher value. NaN values go to the last band.
 */
export function assignValueBands(values: ArrayLike<number>, scheme: ValueBandScheme): SegmentAssignment {
  const problems = checkValueBandScheme(scheme);
  if (problems.length > 0) throw new DataError(`${scheme.name}: ${problems.join("; ")}`);
  const descending = finiteDescending(values);
  const n = descending.length;
  // A customer is in band b or below when the customers strictly above them number at least limit b (the
  // band's cumulative share of n): at least m = ceil(limit) of them, that is when the m-th highest value
  // is above theirs. So each band starts below one value of the sorted list, and a customer is placed by
  // comparing their value with those few, not by a search of a million.
  const last = scheme.bands.length - 1;
  const above: number[] = [];
  let cumulative = 0;
  for (const band of scheme.bands.slice(0, last)) {
    const m = Math.ceil((cumulative += band.share) * n - 1e-9);
    // m ≤ 0: every customer has that many above; m > n: none has.
    above.push(m <= 0 ? -1 : m > n ? -2 : m - 1);
  }
  const segment = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      segment[i] = last;
      continue;
    }
    let band = 0;
    while (band < last && (above[band] === -1 || (above[band] >= 0 && descending[above[band]] > v))) band++;
    segment[i] = band;
  }
  return { segments: scheme.bands, segment };
}
