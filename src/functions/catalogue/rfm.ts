/* RFM functions of the LOYALTY namespace: scores, codes, segments and value bands. */
import { MAX_BINS, MIN_BINS } from "../../engine/rfm/quantile-scores";
import { rfmCode, scoreRfmValues } from "../../engine/rfm/rfm-scores";
import { checkAscending, scoreAgainstBreaks } from "../../engine/rfm/score";
import { assignRfmSegments, assignValueBands } from "../../engine/rfm/segments";
import { paretoTable } from "../../engine/rfm/segment-summary";
import { argsOf, numberList, optionalBoolean, optionalChoice, optionalNumber } from "../excel/args";
import { codedValueError } from "../excel/errors";
import { FUNCTION_TEXTS } from "../../i18n/function-errors";
import { excelCall, excelCallIn } from "../excel/guard";
import { perRowResult, perRowResultRows, readRows } from "../excel/rows";
import { LANGUAGES, RFM_SCHEMES, segmentName, VALUE_BAND_SCHEMES } from "../rfm/choices";

const BINS_RULE = { min: MIN_BINS, max: MAX_BINS, integer: true };

const RFM_PARAMS = ["recency", "frequency", "monetary", "bins"] as const;

/**
 * R, F and M scores from 1 to bins by quantiles of the customers given, and the RFM code ("545"): R is higher for fewer days since the last purchase, F for more orders, M for more spend; equal values always get equal scores.
 * @customfunction RFM
 * @helpurl https://localhost:3000/help.html#rfm
 * @requiresParameterAddresses
 * @param recency Days since each customer's last purchase (column recency of LOYALTY.SUMMARY).
 * @param frequency Orders (or purchase days) of each customer.
 * @param monetary Spend of each customer (column total spend of LOYALTY.SUMMARY).
 * @param [bins] Number of scores, 2 to 10. Default 5.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns Four columns per customer: R, F, M and the RFM code.
 */
export function rfm(
  recency: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  bins?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.RFM", () => {
    const a = argsOf(RFM_PARAMS, [recency, frequency, monetary, bins], invocation);
    const n = optionalNumber(a.bins, 5, BINS_RULE);
    const table = readRows([
      { arg: a.recency, rule: { min: 0 } },
      { arg: a.frequency, rule: { min: 0 } },
      { arg: a.monetary },
    ]);
    // Scores are quantiles of everyone given: one unusable row would move them all, so it fails the whole.
    const problem = table.firstError();
    if (problem) throw problem;
    const rows = table.validRows();
    if (rows.length === 0)
      throw codedValueError({
        code: "noCustomers",
        names: [a.recency.name, a.frequency.name, a.monetary.name],
      });
    const [r, f, m] = [0, 1, 2].map((c) => table.pick(c, rows));
    const scores = scoreRfmValues(r, f, m, n);
    const values = Array.from(rows, (_, k) => [scores.r[k], scores.f[k], scores.m[k], scores.codes[k]]);
    return perRowResultRows(table, rows, values, 4);
  });
}

const SEGMENT_PARAMS = ["r", "f", "m", "scheme", "bins", "language"] as const;

/**
 * RFM segment of each customer from R, F and M scores: the 11 segments (Champions, Loyal Customers ... Hibernating, Lost) or the 8 classes of member-operations practice (important value ... general to win back).
 * @customfunction RFMSEGMENT
 * @helpurl https://localhost:3000/help.html#rfmsegment
 * @requiresParameterAddresses
 * @param r R score (1 to bins), e.g. the first column of LOYALTY.RFM.
 * @param f F score (1 to bins).
 * @param m M score (1 to bins).
 * @param [scheme] "rfm11" (the 11 segments, default) or "rfm8" (the 8 classes: important value ... general to win back).
 * @param [bins] The scale of the scores, as given to LOYALTY.RFM. Default 5.
 * @param [language] "en" (default) or "zh" for the segment names in Chinese.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The segment name, one per customer.
 */
export function rfmSegment(
  r: unknown[][],
  f: unknown[][],
  m: unknown[][],
  scheme?: unknown,
  bins?: unknown,
  language?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCallIn(language, "LOYALTY.RFMSEGMENT", () => {
    const a = argsOf(SEGMENT_PARAMS, [r, f, m, scheme, bins, language], invocation);
    const rules = optionalChoice(a.scheme, RFM_SCHEMES, RFM_SCHEMES.rfm11, ["rfm11", "rfm8"]);
    const n = optionalNumber(a.bins, 5, BINS_RULE);
    const lang = optionalChoice(a.language, LANGUAGES, "en", ["en", "zh"]);
    const score = { min: 1, max: n, integer: true };
    const table = readRows([
      { arg: a.r, rule: score },
      { arg: a.f, rule: score },
      { arg: a.m, rule: score },
    ]);
    const rows = table.validRows();
    const [rs, fs, ms] = [0, 1, 2].map((c) => Uint8Array.from(table.pick(c, rows)));
    const total = rs.map((v, k) => v + fs[k] + ms[k]);
    const codes = Array.from(rs, (v, k) => rfmCode(v, fs[k], ms[k], n));
    const empty = { recency: [], frequency: [], monetary: [] };
    const assigned = assignRfmSegments({ bins: n, r: rs, f: fs, m: ms, total, codes, breaks: empty }, rules);
    const names = Array.from(assigned.segment, (s) => segmentName(assigned.segments[s], lang));
    return perRowResult(table, rows, names);
  });
}

const BAND_PARAMS = ["values", "scheme", "language"] as const;

/**
 * Value band of each customer, ranked by value from the top: the 1-8-1 rule (top 10 %, middle 80 %, bottom 10 %) or the four value classes (core 5 %, important 15 %, ordinary 30 %, marginal 50 %). Equal values share a band.
 * @customfunction VALUEBAND
 * @helpurl https://localhost:3000/help.html#valueband
 * @requiresParameterAddresses
 * @param values Value of each customer: spend, CLV or any measure where more is better.
 * @param [scheme] "181" (the 1-8-1 rule, default) or "value4" (core, important, ordinary, marginal).
 * @param [language] "en" (default) or "zh" for the band names in Chinese.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns The band name, one per customer.
 */
export function valueBand(
  values: unknown[][],
  scheme?: unknown,
  language?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCallIn(language, "LOYALTY.VALUEBAND", () => {
    const a = argsOf(BAND_PARAMS, [values, scheme, language], invocation);
    const bands = optionalChoice(a.scheme, VALUE_BAND_SCHEMES, VALUE_BAND_SCHEMES["181"], ["181", "value4"]);
    const lang = optionalChoice(a.language, LANGUAGES, "en", ["en", "zh"]);
    const table = readRows([{ arg: a.values }]);
    // Bands are shares of everyone given: one unusable row would move them all, so it fails the whole.
    const problem = table.firstError();
    if (problem) throw problem;
    const rows = table.validRows();
    const assigned = assignValueBands(table.pick(0, rows), bands);
    return perRowResult(
      table,
      rows,
      Array.from(assigned.segment, (s) => segmentName(assigned.segments[s], lang)),
    );
  });
}

const PARETO_PARAMS = ["values", "top_shares", "headers"] as const;

/**
 * The Pareto table of customer value: the share of total value that comes from the top 1, 5, 10, 20 and 50 % of customers (or the shares you give), the 80/20 check of loyalty practice.
 * @customfunction PARETO
 * @helpurl https://localhost:3000/help.html#pareto
 * @requiresParameterAddresses
 * @param values Value of each customer (spend, CLV...).
 * @param [top_shares] Shares of customers from the top, e.g. {0.1,0.2,0.5} or a range of percentages. Default 1 %, 5 %, 10 %, 20 %, 50 %.
 * @param [headers] TRUE to put a row of column labels above the table. Default FALSE.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns One row per share: top share, customers, value, share of value.
 */
export function pareto(
  values: unknown[][],
  top_shares?: unknown[][],
  headers?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.PARETO", (language) => {
    const a = argsOf(PARETO_PARAMS, [values, top_shares, headers], invocation);
    const shares = numberList(a.top_shares, { min: 0, minExclusive: true, max: 1 });
    const table = readRows([{ arg: a.values }]);
    const problem = table.firstError();
    if (problem) throw problem;
    const rows = table.validRows();
    if (rows.length === 0) throw codedValueError({ code: "noCustomers", names: [a.values.name] });
    const result =
      shares.length > 0 ? paretoTable(table.pick(0, rows), shares) : paretoTable(table.pick(0, rows));
    const out = result.map((p) => [p.topShare, p.customers, p.revenue, p.revenueShare]);
    return optionalBoolean(a.headers, false)
      ? [[...FUNCTION_TEXTS[language].results.paretoHeaders], ...out]
      : out;
  });
}

const RFMSCORE_PARAMS = ["value", "cut_points", "lower_is_better"] as const;

/**
 * Scores recency, frequency or monetary values from 1 to n against ascending cut points you choose (fixed business thresholds rather than the quantiles of LOYALTY.RFM).
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
    if (breaks.length === 0) throw codedValueError({ code: "noNumbers", name: a.cut_points.name });
    // Its InputRuleError is said in the function's language at the boundary.
    checkAscending(breaks, a.cut_points.name);
    const higherIsBetter = !optionalBoolean(a.lower_is_better, false);
    const table = readRows([{ arg: a.value }]);
    const rows = table.validRows();
    const values = table.pick(0, rows);
    const scores = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) scores[k] = scoreAgainstBreaks(values[k], breaks, higherIsBetter);
    return perRowResult(table, rows, scores);
  });
}
