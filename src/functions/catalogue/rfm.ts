/* RFM functions of the LOYALTY namespace. */
import { checkAscending, scoreAgainstBreaks } from "../../engine/rfm/score";
import { argsOf, numberList, optionalBoolean } from "../excel/args";
import { valueError } from "../excel/errors";
import { excelCall } from "../excel/guard";
import { perRowResult, readRows } from "../excel/rows";

const RFMSCORE_PARAMS = ["value", "cut_points", "lower_is_better"] as const;

/**
 * Scores recency, frequency or monetary values from 1 to n against ascending cut points you choose.
 * @customfunction RFMSCORE
 * @helpurl https://localhost:3000/help.html#rfmscore
 * @requiresParameterAddresses
 * @param value The value to score (for recency: days since the last purchase). A cell or a column.
 * @param cut_points Ascending cut points, one row or column; n - 1 cut points give scores 1 to n.
 * @param [lower_is_better] TRUE for recency, where fewer days since the last purchase score higher. Default FALSE.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The score from 1 to n, one per value.
 */
export function rfmScore(
  value: unknown[][],
  cut_points: unknown[][],
  lower_is_better?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.RFMSCORE", () => {
    const a = argsOf(RFMSCORE_PARAMS, [value, cut_points, lower_is_better], invocation);
    const breaks = numberList(a.cut_points);
    if (breaks.length === 0) throw valueError("cut_points holds no numbers");
    try {
      checkAscending(breaks, "cut_points");
    } catch (e) {
      throw valueError((e as Error).message);
    }
    const higherIsBetter = !optionalBoolean(a.lower_is_better, false);
    const table = readRows([{ arg: a.value }]);
    const rows = table.validRows();
    const values = table.pick(0, rows);
    const scores = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) scores[k] = scoreAgainstBreaks(values[k], breaks, higherIsBetter);
    return perRowResult(table, rows, scores);
  });
}
