/**
 * Reading a customer-summary table (one row per customer, the columns of summary-columns.ts, as the query
 * of `loyalty sql` returns them) into the engine's CustomerSummary, with the spend and purchase days of
 * the tier window beside it: what the report builds its summary-only sheets from when the order lines
 * live in a warehouse.
 *
 * Nothing is guessed. The as-of date is last_purchase + recency_days, the same on every row; T must be
 * the time from the first purchase to that date in the time unit given (a summary made with another
 * unit, or with a calibration end, is refused with the setting that fixes it); every cell must be a
 * number or a date where one belongs, else the error names the row and column. A row left wholly blank
 * is skipped and counted (blank rows, data quality).
 */
import { DataError } from "../data/errors";
import { formatDay } from "../data/days";
import { parseAmount } from "../data/parse-amount";
import { parseDay, type DateParseOptions } from "../data/parse-date";
import { cellText, parseId } from "../data/parse-id";
import { QualityCollector, type QualityAction, type QualityReason, QUALITY_REASONS } from "../data/quality";
import { describeCell, rowCount, type CellValue, type RawTable } from "../data/table";
import type { CustomerSummary } from "./customer-summary";
import { missingSummaryColumns, summaryColumnIndexes, type SummaryColumn } from "./summary-columns";
import { DAYS_PER_UNIT, type TimeUnit } from "./time-unit";
import type { DataQualityReport } from "../data/quality";

export interface SummaryTableOptions {
  /** How dates are read (a summary pasted into a sheet has serial numbers: see DateParseOptions.serials). */
  dates?: DateParseOptions;
  /** The unit recency (t_x) and T are in (default week, as `loyalty sql --unit`). */
  unit?: TimeUnit;
}

export interface CustomerSummaryTable {
  summary: CustomerSummary;
  /** Net spend and purchase days in the tier window (the 12 months up to the as-of date), per customer. */
  window: { spend: Float64Array; purchaseDays: Int32Array };
  /** What was read: rows, customers, blank rows skipped. */
  quality: DataQualityReport;
  /** The summary's column for each field, as the table has it (for messages and the Data quality sheet). */
  columns: Partial<Record<SummaryColumn, number>>;
}

/**
 * recency and T are whole numbers of days divided by the unit: a value within half a day of that (one
 * rounded when pasted) is that number of days, which the dates give exactly and which is used.
 */
const HALF_DAY = 0.5;

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Every row counted as it is read; only blank rows are ever set aside. */
function summaryActions(): Record<QualityReason, QualityAction> {
  return Object.fromEntries(QUALITY_REASONS.map((r) => [r.reason, "dropped"])) as Record<
    QualityReason,
    QualityAction
  >;
}

export function readCustomerSummaryTable(
  table: RawTable,
  options: SummaryTableOptions = {},
): CustomerSummaryTable {
  const unit = options.unit ?? "week";
  const perUnit = DAYS_PER_UNIT[unit];
  const columns = summaryColumnIndexes(table.headers);
  const missing = missingSummaryColumns(table.headers);
  if (missing.length > 0) {
    throw new DataError(
      `${table.source}: a customer summary needs the columns ${missing.join(", ")}, which are not among ` +
        `the headers ${table.headers.map((h) => `"${h}"`).join(", ")}; \`loyalty sql\` writes the query that makes them`,
    );
  }
  const rows = rowCount(table);
  const quality = new QualityCollector(table, summaryActions());
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (table.columns.every((column) => isBlank(column[r]))) quality.add("blankRow", 0, r);
    else kept.push(r);
  }
  const n = kept.length;
  const cell = (name: SummaryColumn, r: number) => table.columns[columns[name] as number]?.[r];
  const where = (name: SummaryColumn, r: number) => describeCell(table, columns[name] as number, r);
  const fail = (name: SummaryColumn, r: number, what: string): never => {
    const value = cell(name, r);
    const shown = isBlank(value) ? "an empty cell" : `"${cellText(value)}"`;
    throw new DataError(`${where(name, r)}: expected ${what}, got ${shown}`);
  };
  const number = (name: SummaryColumn, r: number, check: (v: number) => boolean, what: string) => {
    const v = parseAmount(cell(name, r));
    return Number.isFinite(v) && check(v) ? v : fail(name, r, what);
  };
  const day = (name: SummaryColumn, r: number) => {
    const d = parseDay(cell(name, r), options.dates);
    return Number.isFinite(d) ? d : fail(name, r, "a date (YYYY-MM-DD)");
  };
  const any = () => true;
  const nonNegative = (v: number) => v >= 0;
  const whole = (v: number) => Number.isInteger(v) && v >= 0;

  const s: CustomerSummary = {
    customerIds: [],
    asOf: NaN,
    unit,
    calibrationEnd: NaN,
    holdoutEnd: null,
    firstDay: new Int32Array(n),
    lastDay: new Int32Array(n),
    orders: new Int32Array(n),
    purchaseDays: new Int32Array(n),
    spend: new Float64Array(n),
    refunds: new Float64Array(n),
    meanOrderValue: new Float64Array(n),
    recencyDays: new Float64Array(n),
    x: new Float64Array(n),
    tX: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    holdoutX: null,
    holdoutSpend: null,
  };
  const window = { spend: new Float64Array(n), purchaseDays: new Int32Array(n) };
  const ids: string[] = [];
  const seen = new Map<string, number>();
  let asOfRow = -1;
  for (const [c, r] of kept.entries()) {
    const id = parseId(cell("customer_id", r));
    if (id === "") fail("customer_id", r, "a customer id");
    const before = seen.get(id);
    if (before !== undefined) {
      throw new DataError(
        `${where("customer_id", r)}: customer "${id}" is also on row ${table.firstRow + before}; a summary has one row per customer`,
      );
    }
    seen.set(id, r);
    ids.push(id);
    for (const name of ["holdout_frequency", "holdout_spend"] as const) {
      if (columns[name] !== undefined && !isBlank(cell(name, r))) {
        throw new DataError(
          `${where(name, r)}: this summary was made with a calibration end (holdout columns filled); the report ` +
            "predicts from the whole history: make the summary without --calibration-end (`loyalty fit` takes it as it is)",
        );
      }
    }
    const first = day("first_purchase", r);
    const last = day("last_purchase", r);
    if (last < first) fail("last_purchase", r, `a date on or after the first purchase (${formatDay(first)})`);
    const recency = number("recency_days", r, whole, "a whole number of days");
    const asOf = last + recency;
    if (asOfRow < 0) {
      s.asOf = asOf;
      asOfRow = r;
    } else if (asOf !== s.asOf) {
      throw new DataError(
        `${where("recency_days", r)}: last purchase + recency_days is ${formatDay(asOf)}, but ${formatDay(s.asOf)} ` +
          `on row ${table.firstRow + asOfRow}; a summary is made as of one date`,
      );
    }
    s.firstDay[c] = first;
    s.lastDay[c] = last;
    s.recencyDays[c] = recency;
    s.orders[c] = number("orders", r, (v) => whole(v) && v >= 1, "a whole number of orders, at least 1");
    s.purchaseDays[c] = number(
      "purchase_days",
      r,
      (v) => whole(v) && v >= 1,
      "a whole number of days, at least 1",
    );
    s.spend[c] = number("spend", r, any, "an amount");
    s.refunds[c] = number("refunds", r, (v) => v <= 0, "a refund total, zero or negative");
    s.meanOrderValue[c] = (s.spend[c] - s.refunds[c]) / s.orders[c];
    s.x[c] = number("frequency", r, whole, "a whole number of repeat purchase days");
    if (s.x[c] !== s.purchaseDays[c] - 1) {
      fail("frequency", r, `purchase_days − 1 (${s.purchaseDays[c] - 1}) without a calibration end`);
    }
    const time = (name: "recency" | "T", days: number, to: string) => {
      const v = number(name, r, nonNegative, "a time, zero or more");
      if (Math.abs(v * perUnit - days) > HALF_DAY) {
        fail(
          name,
          r,
          `the ${unit}s from the first purchase to ${to} (${days / perUnit}); give the unit the summary was ` +
            "made in (--unit day|week|month)",
        );
      }
      return days / perUnit;
    };
    s.tX[c] = time("recency", last - first, `the last purchase ${formatDay(last)}`);
    s.T[c] = time("T", asOf - first, `the as-of date ${formatDay(asOf)}`);
    s.monetary[c] = number("monetary_value", r, nonNegative, "an amount, zero or more");
    window.spend[c] = number("window_spend", r, any, "an amount");
    window.purchaseDays[c] = number("window_purchase_days", r, whole, "a whole number of days");
  }
  s.customerIds = ids;
  s.calibrationEnd = s.asOf;
  return { summary: s, window, quality: quality.report(rows, n), columns };
}
