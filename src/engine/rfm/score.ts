/**
 * Scoring one value against ascending cut points.
 *
 * With k cut points there are k + 1 scores. A value equal to a cut point gets the
 * higher score, so equal values always share a score. Recency is scored the other way
 * round (a smaller number of days since the last purchase is better), which callers
 * ask for with `higherIsBetter = false`.
 */
import { InputRuleError } from "../text/model-inputs";

export function scoreAgainstBreaks(value: number, breaks: ArrayLike<number>, higherIsBetter = true): number {
  let below = 0;
  // Binary search: number of cut points <= value.
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  below = lo;
  const score = below + 1;
  return higherIsBetter ? score : breaks.length + 2 - score;
}

/** Throws a RangeError (an InputRuleError) naming the first cut point that breaks ascending order. */
export function checkAscending(breaks: ArrayLike<number>, what = "cut points"): void {
  for (let i = 0; i < breaks.length; i++) {
    if (!Number.isFinite(breaks[i])) throw new InputRuleError({ rule: "itemNotNumber", what, item: i + 1 });
    if (i > 0 && breaks[i] < breaks[i - 1])
      throw new InputRuleError({ rule: "ascending", what, item: i + 1 });
  }
}
