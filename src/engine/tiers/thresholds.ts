/**
 * Thresholds a person would choose: when the user gives none, tier minimums are derived from the spend
 * distribution and rounded to "human" numbers (1,000 rather than 987.37).
 */
import { DataError } from "../data/errors";
import { DEFAULT_DERIVE_SHARES, type TierProgram, type TierRule } from "./program";

/** Mantissas of human numbers (times a power of ten): 1,000, 1,200, 1,500, 2,000, 2,500, 3,000, 3,500 ... */
const NICE_MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10];

/** The nearest human number to x (987.37 → 1,000; 2,340 → 2,500; 0 → 0). */
export function roundToHumanNumber(x: number): number {
  if (!(x > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  let best = NICE_MANTISSAS[0] * power;
  for (const m of NICE_MANTISSAS) {
    const candidate = m * power;
    if (Math.abs(candidate - x) < Math.abs(best - x)) best = candidate;
  }
  return Number(best.toPrecision(12));
}

/** The next human number below x (for separating thresholds that round to the same value). */
export function humanNumberBelow(x: number): number {
  if (!(x > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(x) - 1e-12);
  for (let i = NICE_MANTISSAS.length - 1; i >= 0; i--) {
    const candidate = Number((NICE_MANTISSAS[i] * power).toPrecision(12));
    if (candidate < x) return candidate;
  }
  return Number((0.9 * power).toPrecision(12));
}

/**
 * Spend thresholds for the tiers above the base: the spend at the boundary of the top `shares[0]` of the
 * given (active) customers, then of the top `shares[0] + shares[1]`, and so on, rounded to human numbers
 * and kept strictly decreasing.
 */
export function deriveSpendThresholds(spend: ArrayLike<number>, shares: readonly number[]): number[] {
  const sorted = Float64Array.from(spend)
    .filter((v) => Number.isFinite(v))
    .sort()
    .reverse();
  const n = sorted.length;
  const thresholds: number[] = [];
  let cumulative = 0;
  for (const share of shares) {
    cumulative += share;
    const index = Math.min(n - 1, Math.max(0, Math.ceil(cumulative * n - 1e-9) - 1));
    let t = n > 0 ? roundToHumanNumber(sorted[index]) : 0;
    const above = thresholds[thresholds.length - 1];
    if (above !== undefined && t >= above) t = humanNumberBelow(above);
    thresholds.push(t);
  }
  return thresholds;
}

/** The program with derived spend minimums on every tier above the base. */
export function withDerivedThresholds(program: TierProgram, activeSpend: ArrayLike<number>): TierProgram {
  const shares = program.deriveShares ?? DEFAULT_DERIVE_SHARES;
  const upper = program.tiers.length - 1;
  if (shares.length !== upper) {
    throw new DataError(
      `tier rules: ${upper} tiers above the base need ${upper} shares to derive thresholds (got ${shares.length})`,
    );
  }
  const thresholds = deriveSpendThresholds(activeSpend, shares);
  const tiers: TierRule[] = program.tiers.map((t, i) =>
    i < upper ? { ...t, minSpend: thresholds[i] } : { ...t },
  );
  return { ...program, tiers };
}
