/* Custom functions of the LOYALTY namespace. Thin adapters: Excel values in, engine call, Excel values out. */
import { checkAscending, scoreAgainstBreaks } from "../engine/rfm/score";

/**
 * Scores one recency, frequency or monetary value from 1 to n against ascending cut points.
 * @customfunction RFMSCORE
 * @helpurl https://localhost:3000/help.html#rfmscore
 * @param value The value to score (for recency: days since the last purchase).
 * @param cutPoints Ascending cut points, one row or column; n - 1 cut points give scores 1 to n.
 * @param [lowerIsBetter] TRUE for recency, where fewer days since the last purchase score higher. Default FALSE.
 * @returns The score, from 1 to n.
 */
export function rfmScore(value: number, cutPoints: number[][], lowerIsBetter?: boolean | null): number {
  const breaks = cutPoints.flat().filter((v) => (v as unknown) !== "" && v !== null);
  if (!Number.isFinite(value)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "value: not a number");
  }
  try {
    checkAscending(breaks, "cutPoints");
  } catch (e) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, (e as Error).message);
  }
  return scoreAgainstBreaks(value, breaks, !lowerIsBetter);
}
