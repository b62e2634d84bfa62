/**
 * Scores 1..n by quantiles of a population, with ties treated fairly: a customer's score is
 *
 *     1 + floor(n × (share of customers strictly worse))
 *
 * so equal values always get equal scores, scores never decrease as the value improves, and a score s is
 * reached only when at least (s − 1)/n of the population is strictly worse. With many one-time buyers,
 * all of them get frequency score 1 (not a middle score), which is what an RFM table should say.
 *
 * The scores are expressed as cut points for `scoreAgainstBreaks`, so the same cut points can be shown to
 * the user ("R = 5: last purchase at most 12 days ago") and applied to new customers.
 */
import { scoreAgainstBreaks } from "./score";

export const MIN_BINS = 2;
export const MAX_BINS = 10;

export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw new RangeError(`bins must be a whole number from ${MIN_BINS} to ${MAX_BINS} (got ${bins})`);
  }
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/**
 * Ascending cut points (n − 1 of them) such that `scoreAgainstBreaks(v, cuts, higherIsBetter)` gives the
 * quantile score defined above for every value v of the population. A cut point no value reaches is
 * +Infinity. NaN and infinite values are not part of the population.
 */
export function quantileBreaks(values: ArrayLike<number>, bins: number, higherIsBetter = true): number[] {
  checkBins(bins);
  const s = sortedFinite(values);
  const n = s.length;
  const cuts: number[] = [];
  if (n === 0) return new Array<number>(bins - 1).fill(Infinity);
  for (let k = 1; k < bins; k++) {
    if (higherIsBetter) {
      // The smallest value with at least k·n/bins values strictly below it: the first value of a tie
      // block starting at or after position ceil(k·n/bins).
      let i = Math.floor((k * n + bins - 1) / bins);
      while (i < n && i > 0 && s[i] === s[i - 1]) i++;
      cuts.push(i < n ? s[i] : Infinity);
    } else {
      // The smallest value v with fewer than (bins − k)·n/bins values strictly above it.
      cuts.push(s[n - Math.floor(((bins - k) * n + bins - 1) / bins)]);
    }
  }
  return cuts;
}

/** Quantile scores 1..bins of each value (0 for NaN or infinite values), with the cut points used. */
export function quantileScores(
  values: ArrayLike<number>,
  bins: number,
  higherIsBetter = true,
): { scores: Uint8Array; breaks: number[] } {
  const breaks = quantileBreaks(values, bins, higherIsBetter);
  const scores = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) scores[i] = scoreAgainstBreaks(v, breaks, higherIsBetter);
  }
  return { scores, breaks };
}
