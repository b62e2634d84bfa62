/**
 * Real-shaped model inputs for the benchmarks: the CDNOW sample of test/data (2,357 customers, weeks,
 * calibration to 1997-09-30, same-day purchases merged, as every published fit reads it), and a cohort
 * of 23,570 customers (the full CDNOW cohort's size) resampled from it with a fixed seed.
 *
 * The resampled cohort draws, for each customer, a sample customer's purchase history (the days of
 * their purchases after the first) and a first purchase day in the cohort's acquisition window
 * (1997-01-01 to 1997-03-25, as the real cohort), then reads x, t_x and T at the calibration end. Copying
 * the sample's (x, t_x, T) rows instead would give at most 2,357 distinct rows, ten times easier than
 * the real cohort (8,685 distinct rows for 23,570 customers); shifted histories give about as many as
 * the real one, and the real data's clumps (many one-time buyers, long silences after early repeats).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dayFromYmd } from "../src/engine/data/days";
import { Random } from "../src/engine/math/random";
import type { RfmData } from "../src/engine/models/types";

const CALIBRATION_END = dayFromYmd(1997, 9, 30);
const OBSERVATION_END = dayFromYmd(1998, 6, 30);
const FIRST_ACQUISITION_DAY = dayFromYmd(1997, 1, 1);
const ACQUISITION_DAYS = dayFromYmd(1997, 3, 25) - FIRST_ACQUISITION_DAY + 1;

export interface SpendRfm extends RfmData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat purchase days in calibration (0 without one). */
  monetary: Float64Array;
  /** Repeat purchase days after the calibration end, up to 1998-06-30 (the 39-week holdout). */
  holdout: Float64Array;
}

/** The calibration end of the published fits, and the end of the data (the whole history). */
export type CohortEnd = "calibration" | "whole history";

interface History {
  /** Days after the first purchase of each later purchase day, ascending. */
  offsets: number[];
  /** Value of each of those purchase days. */
  values: number[];
}

/** The sample's customers as purchase histories (same-day lines merged). */
function sampleHistories(): { histories: History[]; firstDays: number[] } {
  const text = readFileSync(join(__dirname, "../test/data/CDNOW_sample.txt"), "utf8");
  const byCustomer = new Map<string, Map<number, number>>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 5) continue;
    const day = dayFromYmd(Number(f[2].slice(0, 4)), Number(f[2].slice(4, 6)), Number(f[2].slice(6, 8)));
    const days = byCustomer.get(f[1]) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + Number(f[4]));
    byCustomer.set(f[1], days);
  }
  const histories: History[] = [];
  const firstDays: number[] = [];
  for (const days of byCustomer.values()) {
    const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
    const first = sorted[0][0];
    firstDays.push(first);
    histories.push({
      offsets: sorted.slice(1).map(([d]) => d - first),
      values: sorted.slice(1).map(([, v]) => v),
    });
  }
  return { histories, firstDays };
}

/** x, t_x, T (weeks) at `end`, the repeat-day mean value and the holdout purchases of one history. */
function summarize(h: History, first: number, end: number, out: SpendRfm, i: number): void {
  let x = 0;
  let last = 0;
  let spend = 0;
  let holdout = 0;
  for (let k = 0; k < h.offsets.length; k++) {
    const day = first + h.offsets[k];
    if (day > OBSERVATION_END) break;
    if (day > CALIBRATION_END) holdout++;
    if (day > end) continue;
    x++;
    last = h.offsets[k];
    spend += h.values[k];
  }
  out.x[i] = x;
  out.tx[i] = last / 7;
  out.T[i] = (end - first) / 7;
  out.monetary[i] = x > 0 ? spend / x : 0;
  out.holdout[i] = holdout;
}

function empty(n: number): SpendRfm {
  return {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    holdout: new Float64Array(n),
  };
}

const endDay = (end: CohortEnd) => (end === "calibration" ? CALIBRATION_END : OBSERVATION_END);

/** The CDNOW sample's summary (2,357 customers, unrounded weeks). */
export function cdnowSample(end: CohortEnd = "calibration"): SpendRfm {
  const { histories, firstDays } = sampleHistories();
  const out = empty(histories.length);
  histories.forEach((h, i) => summarize(h, firstDays[i], endDay(end), out, i));
  return out;
}

/**
 * `customers` histories drawn from the sample, each started on a random day of the acquisition window;
 * the same seed gives the same customers whatever `end`.
 */
export function resampledCdnowCohort(
  customers: number,
  seed: number,
  end: CohortEnd = "calibration",
): SpendRfm {
  const { histories } = sampleHistories();
  const rng = new Random(seed);
  const out = empty(customers);
  for (let i = 0; i < customers; i++) {
    const h = histories[Math.floor(rng.uniform() * histories.length)];
    const first = FIRST_ACQUISITION_DAY + Math.floor(rng.uniform() * ACQUISITION_DAYS);
    summarize(h, first, endDay(end), out, i);
  }
  return out;
}

/** The holdout length of both: 1997-10-01 to 1998-06-30, in weeks. */
export const HOLDOUT_WEEKS = (OBSERVATION_END - CALIBRATION_END) / 7;
