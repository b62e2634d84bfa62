/**
 * The inputs of `loyalty fit`: a per-customer summary file (frequency/recency/T, or x/t_x/T, with
 * monetary_value or zbar for Gamma-Gamma, periods for BG/BB, optional weights) or a transaction file
 * turned into that summary by the engine (same-day purchases merged, x repeat purchase days, ...).
 * Every problem becomes a UserError naming the file, row and column.
 */
import { inputError, type BothLanguages } from "../input-errors";
import { parseDay } from "../engine/data/parse-date";
import { cellText } from "../engine/data/parse-id";
import { nothingToAnalyze } from "../engine/analyze";
import { readOrderTable, type OrderTable, type ReadOrdersOptions } from "../engine/data/read-orders";
import { cellPlace, describeCell, isCellError, type CellValue, type RawTable } from "../engine/data/table";
import { findRfmProblem, ModelInputError, type InputProblem } from "../engine/models/data";
import { inputRuleText, InputRuleError } from "../engine/text/model-inputs";
import { purchaseDaysOf, type PurchaseDays } from "../engine/summary/purchase-days";
import { DAYS_PER_UNIT, type TimeUnit } from "../engine/summary/time-unit";
import { formatDay } from "../engine/data/days";
import { automaticCalibrationEnd, calibrationSplit } from "../engine/summary/holdout";
import { asUserError, withUserErrors } from "../user-error";

export interface SummaryColumns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array | null;
  periods: Float64Array | null;
  weights: Float64Array | null;
}

export interface FitInput extends SummaryColumns {
  /** "summary" or "transactions", for the report. */
  kind: "summary" | "transactions";
  unit: TimeUnit | null;
  /**
   * Repeat purchases of each customer after the calibration end up to the last order date, and the
   * length of that holdout in the time unit (transaction files with a calibration end before the last
   * order date; null otherwise).
   */
  holdout: { x: Float64Array; length: number; calibrationEnd: string } | null;
  /**
   * Customers of a transaction file whose first purchase is on the calibration end (T = 0): the report lists
   * them as customers, but no model can be fitted on a customer observed for no time, here as in the
   * report's model sheet; the fit says how many it left out.
   */
  firstBoughtOnCalibrationEnd?: number;
}

/** Accepted header names of each summary field (compared lower-case, trimmed). */
const SUMMARY_HEADERS = {
  x: ["frequency", "x"],
  tx: ["recency", "t_x"],
  T: ["t"],
  monetary: ["monetary_value", "zbar", "monetary"],
  periods: ["periods", "n"],
  weights: ["weights", "weight", "count"],
} as const;

type SummaryField = keyof typeof SUMMARY_HEADERS;

function findColumn(table: RawTable, field: SummaryField): number {
  const names: readonly string[] = SUMMARY_HEADERS[field];
  return table.headers.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/** True when the table has the columns of a summary file (frequency and recency, with T or periods). */
export function isSummaryTable(table: RawTable): boolean {
  return (
    findColumn(table, "x") >= 0 &&
    findColumn(table, "tx") >= 0 &&
    (findColumn(table, "T") >= 0 || findColumn(table, "periods") >= 0)
  );
}

function numberOf(value: CellValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value.trim());
  return NaN;
}

function numericColumn(table: RawTable, column: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  const cells = table.columns[column];
  for (const [i, r] of rows.entries()) {
    const v = numberOf(cells[r]);
    if (!Number.isFinite(v)) {
      const text = cellText(cells[r]);
      const value = text === "(blank)" ? undefined : isCellError(cells[r]) ? text : `"${text}"`;
      const at = cellPlace(table, column, r);
      throw inputError("notANumber", {
        where: describeCell(table, column, r),
        at,
        ...(value ? { value } : {}),
      });
    }
    out[i] = v;
  }
  return out;
}

/**
 * Reads the numeric columns of a summary table; `needs` lists the fields the model requires. A customer
 * whose first purchase is on the calibration end (x = t_x = T = 0: no time to observe) is left out, as
 * from a transaction file.
 */
export function readSummaryTable(table: RawTable, needs: readonly SummaryField[]): FitInput {
  const { input: all, rows } = readSummaryColumns(table, needs);
  if (needs.includes("periods")) return all;
  const keep: number[] = [];
  for (let i = 0; i < all.T.length; i++) {
    if (!(all.T[i] === 0 && all.x[i] === 0 && all.tx[i] === 0)) keep.push(i);
  }
  const pick = (a: Float64Array | null) => (a ? Float64Array.from(keep, (i) => a[i]) : null);
  const input: FitInput = {
    ...all,
    x: pick(all.x) as Float64Array,
    tx: pick(all.tx) as Float64Array,
    T: pick(all.T) as Float64Array,
    monetary: pick(all.monetary),
    weights: pick(all.weights),
  };
  const problem = findRfmProblem({
    x: input.x,
    tx: input.tx,
    T: input.T,
    weights: input.weights ?? undefined,
  });
  if (problem) {
    const field: SummaryField = problem.field === "t_x" ? "tx" : (problem.field as SummaryField);
    const column = Math.max(0, findColumn(table, field));
    const row = rows[keep[problem.row]];
    throw inputError("summaryRow", {
      where: describeCell(table, column, row),
      at: cellPlace(table, column, row),
      problem: rfmProblemWords(problem),
    });
  }
  return input;
}

/**
 * The summary's numeric columns on its rows that have a frequency, recency or T: a summary made with a
 * calibration end leaves them blank for customers who first bought after it (not in the calibration
 * cohort). `rows` are the table rows read.
 */
function readSummaryColumns(
  table: RawTable,
  needs: readonly SummaryField[],
): { input: FitInput; rows: number[] } {
  const height = Math.max(0, ...table.columns.map((c) => c.length));
  const modelColumns = (["x", "tx", "T"] as const).map((f) => findColumn(table, f)).filter((c) => c >= 0);
  const blank = (r: number) => modelColumns.every((c) => cellText(table.columns[c][r]) === "(blank)");
  const rows = Array.from({ length: height }, (_, r) => r).filter(
    (r) => needs.includes("periods") || modelColumns.length === 0 || !blank(r),
  );
  const read = (field: SummaryField, required: boolean): Float64Array | null => {
    const column = findColumn(table, field);
    if (column < 0) {
      if (!required) return null;
      throw inputError("summaryNoColumn", {
        source: table.source,
        names: [...SUMMARY_HEADERS[field]],
        headers: [...table.headers],
      });
    }
    return numericColumn(table, column, rows);
  };
  const periods = read("periods", needs.includes("periods"));
  const input: FitInput = {
    kind: "summary",
    unit: null,
    x: read("x", true) as Float64Array,
    tx: read("tx", true) as Float64Array,
    T: read("T", !periods) ?? (periods as Float64Array),
    monetary: read("monetary", needs.includes("monetary")),
    periods,
    weights: read("weights", false),
    holdout: null,
  };
  return { input, rows };
}

export interface TransactionOptions {
  /** How the order table is read: columns, formats, rules (the report settings' `read`, as `loyalty report`). */
  read: ReadOrdersOptions;
  calibrationEnd?: string;
  /** Without a calibration end: hold back the last quarter of the history (at least 8 weeks). */
  defaultHoldout?: boolean;
  unit: TimeUnit;
}

/** Turns an order table into the calibration summary of its customers (`onRead` is shown how it was read). */
export function summarizeTransactionTable(
  table: RawTable,
  options: TransactionOptions,
  onRead?: (read: OrderTable) => void,
): FitInput {
  const read = withUserErrors(() => readOrderTable(table, options.read));
  onRead?.(read);
  if (!Number.isFinite(read.asOf) || read.orders.customerIds.length === 0) {
    // The engine's explanation: the most frequent problem and the first place it occurs.
    throw asUserError(nothingToAnalyze(read));
  }
  return fitInputOfDays(purchaseDaysOf(read.orders), read.asOf, options, table.source);
}

/**
 * The calibration summary of customers' purchase days (merged from the lines in process, or handed over
 * by the DuckDB path with the same values): x, t_x, T, the repeat days' mean value and the holdout.
 */
export function fitInputOfDays(
  days: PurchaseDays,
  asOf: number,
  options: Omit<TransactionOptions, "read">,
  source: string,
): FitInput {
  let calibrationEnd = asOf;
  if (options.calibrationEnd === undefined && options.defaultHoldout) {
    calibrationEnd = automaticCalibrationEnd(days, asOf, options.unit);
  }
  if (options.calibrationEnd !== undefined) {
    calibrationEnd = parseDay(options.calibrationEnd);
    if (!Number.isFinite(calibrationEnd)) {
      throw inputError("calibrationEndNotDate", { value: options.calibrationEnd });
    }
  }
  const inputs = calibrationSplit(days, { asOf, unit: options.unit, calibrationEnd });
  if (inputs.x.length === 0) throw inputError("nobodyBeforeCalibration", { source });
  // A customer whose first purchase is on the calibration end has T = 0: no time to observe; left out.
  const keep = Array.from(inputs.T, (T, i) => (T > 0 ? i : -1)).filter((i) => i >= 0);
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  return {
    kind: "transactions",
    unit: options.unit,
    x: pick(inputs.x),
    tx: pick(inputs.tX),
    T: pick(inputs.T),
    monetary: pick(inputs.monetary),
    periods: null,
    weights: null,
    firstBoughtOnCalibrationEnd: inputs.T.length - keep.length,
    holdout:
      calibrationEnd < asOf && inputs.holdoutX
        ? {
            x: pick(inputs.holdoutX),
            length: (asOf - calibrationEnd) / DAYS_PER_UNIT[options.unit],
            calibrationEnd: formatDay(calibrationEnd),
          }
        : null,
  };
}

/** What is wrong with a summary row, in both languages: the rule it broke, with the row's own figures. */
function rfmProblemWords(problem: InputProblem): BothLanguages {
  return { en: problem.message, "zh-CN": inputRuleText(problem.problem, "zh-CN") };
}

/**
 * Why a model refused its input, in both languages, from the rule it broke (a ModelInputError's or an
 * InputRuleError's, with the row it is about). A RangeError without a rule is not one: it is the engine's
 * own check of what the command already checked, a fault of ours (the CLI says so as it says any).
 */
export function modelInputProblem(e: ModelInputError | InputRuleError): BothLanguages {
  const coded =
    e instanceof ModelInputError
      ? { problem: e.problem.problem, row: e.problem.row }
      : { problem: e.problem, row: e.at?.row };
  const zh = inputRuleText(coded.problem, "zh-CN");
  return { en: e.message, "zh-CN": coded.row === undefined ? zh : `第 ${coded.row + 1} 行：${zh}` };
}
