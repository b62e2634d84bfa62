/**
 * Members per state period by period (a Markov chain with intake): the one implementation the
 * projection, the "no change" projection and the backtest share.
 *
 *   n_0 = members now;  n_t,j = Σ_i n_{t−1,i} × P_ij + N_t × e_j   (e_j = 0 for lapsed, the last state)
 */
import { sumProduct } from "./sum-product";

/**
 * n_0 .. n_T: `start` has one entry per state (tiers, then lapsed); `entryShare` one per tier;
 * `intake(t)` is N_t, the new members of period t.
 */
export function memberPath(
  start: readonly number[],
  migration: readonly (readonly number[])[],
  intake: (t: number) => number,
  entryShare: readonly number[],
  T: number,
): number[][] {
  const K = start.length;
  const path = [start.slice()];
  for (let t = 1; t <= T; t++) {
    const prev = path[t - 1];
    const joining = intake(t);
    path.push(
      Array.from({ length: K }, (_, j) => {
        const moved = sumProduct(
          prev,
          migration.map((row) => row[j]),
        );
        return j < entryShare.length ? moved + joining * entryShare[j] : moved;
      }),
    );
  }
  return path;
}
