/* Tier functions of the LOYALTY namespace. */
import { qualifyingLevel } from "../../engine/tiers/evaluate";
import { LAPSED, tierMinimumProblems, type TierRule } from "../../engine/tiers/program";
import { argsOf, isOmitted, matrixOf, numberList, optionalChoice, type Arg } from "../excel/args";
import { isBlank, showValue } from "../excel/cells";
import { codedValueError, inputErrorCode, propagatedError } from "../excel/errors";
import { excelCall } from "../excel/guard";
import { localName } from "../../engine/text/bilingual";
import { perRowResult, readRows, type RowSpec } from "../excel/rows";

const TIER_PARAMS = ["values", "thresholds", "names", "purchases", "min_purchases", "require"] as const;

/** The texts of a list argument in reading order, blanks skipped. */
function textList(arg: Arg): string[] {
  const out: string[] = [];
  for (const row of matrixOf(arg))
    for (const v of row) {
      if (isBlank(v)) continue;
      const code = inputErrorCode(v);
      if (code) throw propagatedError(code, arg.name);
      if (typeof v !== "string" && typeof v !== "number")
        throw codedValueError({ code: "notName", name: arg.name, value: showValue(v) });
      out.push(String(v).trim());
    }
  return out;
}

/**
 * Minimums per tier, from the top: one per name, or one fewer (the base tier has none). The base's
 * minimum, when given, must be 0: every customer reaches the base.
 */
function minimums(arg: Arg, names: string[]): (number | undefined)[] {
  const list = numberList(arg, { min: 0 });
  if (list.length === names.length && list[list.length - 1] === 0) list.pop();
  if (list.length !== names.length - 1)
    throw codedValueError({ code: "minimumCount", name: arg.name, count: list.length, tiers: names.length });
  return [...list, undefined];
}

/**
 * Tier of each customer from their spend (and optionally purchases) against the minimums of each tier, from the top tier down; a customer gets the highest tier whose minimum they reach, and the last tier (the base) otherwise.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help.html#tier
 * @requiresParameterAddresses
 * @param values Qualifying spend of each customer (e.g. the last 12 months).
 * @param thresholds Minimum spend of each tier from the top, e.g. {5000,2000,500} for Platinum, Gold, Silver above Member.
 * @param names Tier names from the top, e.g. {"Platinum","Gold","Silver","Member"}; the last is the base tier.
 * @param [purchases] Purchase days of each customer in the same window; 0 gives "Lapsed".
 * @param [min_purchases] Minimum purchase days of each tier from the top, like thresholds.
 * @param [require] With both minimums: "either" (default, reaching one is enough) or "both".
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The tier name, one per customer.
 */
export function tier(
  values: unknown[][],
  thresholds: unknown[][],
  names: unknown[][],
  purchases?: unknown[][],
  min_purchases?: unknown[][],
  require?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.TIER", (language) => {
    const a = argsOf(TIER_PARAMS, [values, thresholds, names, purchases, min_purchases, require], invocation);
    const tierNames = textList(a.names);
    if (tierNames.length < 2) throw codedValueError({ code: "tooFewTiers", name: a.names.name });
    const spend = minimums(a.thresholds, tierNames);
    const withPurchases = !isOmitted(a.purchases);
    const days = isOmitted(a.min_purchases) ? undefined : minimums(a.min_purchases, tierNames);
    if (days && !withPurchases)
      throw codedValueError({
        code: "needsPurchases",
        name: a.min_purchases.name,
        purchases: a.purchases.name,
      });
    const both = optionalChoice(a.require, { either: false, both: true }, false);
    const tiers: TierRule[] = tierNames.map((name, i) => ({
      key: `tier${i + 1}`,
      name,
      nameZh: name,
      minSpend: spend[i],
      minPurchaseDays: days?.[i],
      require: both ? "both" : "either",
    }));
    // The engine's own check: minimums decreasing down the tiers (the base has none: see minimums()).
    const problems = tierMinimumProblems(tiers);
    if (problems.length > 0) throw codedValueError({ code: "tierRules", problems });

    const specs: RowSpec[] = [{ arg: a.values }];
    if (withPurchases) specs.push({ arg: a.purchases, rule: { min: 0, integer: true } });
    const table = readRows(specs);
    const rows = table.validRows();
    const [v, p] = table.columns;
    const out = Array.from(rows, (i) => {
      // Without purchases every customer given is active; with them, 0 purchase days is lapsed.
      const level = qualifyingLevel(tiers, v[i], withPurchases ? p[i] : 1, true);
      return level < tiers.length ? tiers[level].name : localName(LAPSED, language);
    });
    return perRowResult(table, rows, out);
  });
}
