/**
 * R, F and M scores of customers by quantiles (see quantile-scores.ts): R from the days since the last
 * purchase (fewer days, higher score), F from the number of orders (or purchase days), M from the net
 * spend. The code joins the three scores ("545"; with 10 bins they are joined by dashes, "10-5-4").
 */
import type { CustomerSummary } from "../summary/customer-summary";
import { checkBins, quantileScores } from "./quantile-scores";

export interface RfmOptions {
  /** Scores run from 1 to `bins` (2..10, default 5). */
  bins?: number;
  /** What F counts: orders (default) or distinct purchase days. */
  frequency?: "orders" | "purchaseDays";
}

export interface RfmScores {
  bins: number;
  /** Scores per customer, 1..bins (0 where the input was not a number). */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** r + f + m. */
  total: Uint8Array;
  /** "545" per customer. */
  codes: string[];
  /** Cut points per measure, for `scoreAgainstBreaks` (recency with higherIsBetter = false). */
  breaks: { recency: number[]; frequency: number[]; monetary: number[] };
}

/** The RFM code of one customer's scores: digits when bins ≤ 9, dash-separated with 10 bins. */
export function rfmCode(r: number, f: number, m: number, bins: number): string {
  return bins <= 9 ? `${r}${f}${m}` : `${r}-${f}-${m}`;
}

/** Scores raw measures: recency in days, frequency (orders), monetary (spend), one value per customer. */
export function scoreRfmValues(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  bins = 5,
): RfmScores {
  checkBins(bins);
  if (recencyDays.length !== frequency.length || frequency.length !== monetary.length) {
    throw new RangeError("recency, frequency and monetary must have one value per customer each");
  }
  const r = quantileScores(recencyDays, bins, false);
  const f = quantileScores(frequency, bins, true);
  const m = quantileScores(monetary, bins, true);
  const n = recencyDays.length;
  const total = new Uint8Array(n);
  const codes = new Array<string>(n);
  // One string per distinct code (at most bins³), shared by the customers who have it: a million
  // customers' codes made one by one were a million strings.
  const made = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    total[i] = r.scores[i] + f.scores[i] + m.scores[i];
    const key = (r.scores[i] * 16 + f.scores[i]) * 16 + m.scores[i];
    let code = made.get(key);
    if (code === undefined) made.set(key, (code = rfmCode(r.scores[i], f.scores[i], m.scores[i], bins)));
    codes[i] = code;
  }
  return {
    bins,
    r: r.scores,
    f: f.scores,
    m: m.scores,
    total,
    codes,
    breaks: { recency: r.breaks, frequency: f.breaks, monetary: m.breaks },
  };
}

/** Scores the customers of a summary: recency days, orders (or purchase days) and net spend. */
export function scoreRfm(summary: CustomerSummary, options: RfmOptions = {}): RfmScores {
  const frequency = options.frequency === "purchaseDays" ? summary.purchaseDays : summary.orders;
  return scoreRfmValues(summary.recencyDays, frequency, summary.spend, options.bins ?? 5);
}
