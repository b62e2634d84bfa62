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
import { DataError, type SummaryErrorDetail, type SummaryExpectation } from "../data/errors";
import { formatDay } from "../data/days";
import { parseAmount } from "../data/parse-amount";
import { parseDay, type DateParseOptions } from "../data/parse-date";
import { cellText, parseId } from "../data/parse-id";
import { QualityCollector, type QualityAction, type QualityReason, QUALITY_REASONS } from "../data/quality";
import {
  cellPlace,
  describeCell,
  rowCount,
  sourceOf,
  type CellPlace,
  type CellValue,
  type RawTable,
} from "../data/table";
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

/** What a cell must hold, in the English words of the message. */
export function summaryExpectationText(e: SummaryExpectation): string {
  switch (e.what) {
    case "date":
      return "a date (YYYY-MM-DD)";
    case "customerId":
      return "a customer id";
    case "wholeDays":
      return "a whole number of days";
    case "orders":
      return "a whole number of orders, at least 1";
    case "purchaseDays":
      return "a whole number of days, at least 1";
    case "amount":
      return "an amount";
    case "refund":
      return "a refund total, zero or negative";
    case "repeatDays":
      return "a whole number of repeat purchase days";
    case "time":
      return "a time, zero or more";
    case "amountAtLeastZero":
      return "an amount, zero or more";
    case "afterFirst":
      return `a date on or after the first purchase (${e.first})`;
    case "purchaseDaysLessOne":
      return `purchase_days − 1 (${e.value}) without a calibration end`;
    case "unitTime":
      return (
        `the ${e.unit}s from the first purchase to ${e.to === "asOf" ? "the as-of date" : "the last purchase"} ` +
        `${e.date} (${e.value}); give the unit the summary was made in (--unit day|week|month)`
      );
  }
}

/** The columns a summary needs, or a DataError naming those it lacks among its headers. */
function requireSummaryColumns(table: RawTable): Partial<Record<SummaryColumn, number>> {
  const missing = missingSummaryColumns(table.headers);
  if (missing.length > 0) {
    throw new DataError(
      `${table.source}: a customer summary needs the columns ${missing.join(", ")}, which are not among ` +
        `the headers ${table.headers.map((h) => `"${h}"`).join(", ")}; \`loyalty sql\` writes the query that makes them`,
      undefined,
      { code: "summaryMissingColumns", ...sourceOf(table), columns: missing, headers: [...table.headers] },
    );
  }
  return summaryColumnIndexes(table.headers);
}

/** The rows that are not wholly blank; the blank ones are counted (blank rows, data quality). */
function rowsToRead(table: RawTable, quality: QualityCollector): number[] {
  const kept: number[] = [];
  for (let r = 0; r < rowCount(table); r++) {
    if (table.columns.every((column) => isBlank(column[r]))) quality.add("blankRow", 0, r);
    else kept.push(r);
  }
  return kept;
}

/** The cells of a summary by column name, read as what they must hold or refused naming the cell. */
class SummaryCells {
  constructor(
    readonly table: RawTable,
    private readonly columns: Partial<Record<SummaryColumn, number>>,
    private readonly dates: DateParseOptions | undefined,
  ) {}

  has(name: SummaryColumn): boolean {
    return this.columns[name] !== undefined;
  }

  cell(name: SummaryColumn, r: number): CellValue {
    return this.table.columns[this.columns[name] as number]?.[r];
  }

  /** A DataError about the cell of `name` in row r, with its detail. */
  error(
    name: SummaryColumn,
    r: number,
    message: (where: string) => string,
    detail: (where: string, at: CellPlace) => SummaryErrorDetail,
  ): DataError {
    const column = this.columns[name] as number;
    const where = describeCell(this.table, column, r);
    return new DataError(message(where), undefined, detail(where, cellPlace(this.table, column, r)));
  }

  fail(name: SummaryColumn, r: number, expected: SummaryExpectation): never {
    const value = this.cell(name, r);
    const shown = isBlank(value) ? undefined : cellText(value);
    throw this.error(
      name,
      r,
      (where) =>
        `${where}: expected ${summaryExpectationText(expected)}, got ${shown === undefined ? "an empty cell" : `"${shown}"`}`,
      (where, at) => ({
        code: "summaryCell",
        ...sourceOf(this.table),
        where,
        at,
        expected,
        ...(shown === undefined ? {} : { value: shown }),
      }),
    );
  }

  number(
    name: SummaryColumn,
    r: number,
    check: (v: number) => boolean,
    expected: SummaryExpectation,
  ): number {
    const v = parseAmount(this.cell(name, r));
    return Number.isFinite(v) && check(v) ? v : this.fail(name, r, expected);
  }

  day(name: SummaryColumn, r: number): number {
    const d = parseDay(this.cell(name, r), this.dates);
    return Number.isFinite(d) ? d : this.fail(name, r, { what: "date" });
  }
}

const any = () => true;
const nonNegative = (v: number) => v >= 0;
const whole = (v: number) => Number.isInteger(v) && v >= 0;
const atLeastOne = (v: number) => whole(v) && v >= 1;

function emptySummary(n: number, unit: TimeUnit): CustomerSummary {
  return {
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
}

/** The customer's id, refused when blank or already on an earlier row (a summary has one row per customer). */
function customerId(cells: SummaryCells, r: number, seen: Map<string, number>, firstRow: number): string {
  const id = parseId(cells.cell("customer_id", r));
  if (id === "") cells.fail("customer_id", r, { what: "customerId" });
  const before = seen.get(id);
  if (before !== undefined) {
    const row = firstRow + before;
    throw cells.error(
      "customer_id",
      r,
      (where) => `${where}: customer "${id}" is also on row ${row}; a summary has one row per customer`,
      (where, at) => ({ code: "summaryDuplicateId", ...sourceOf(cells.table), where, at, id, row }),
    );
  }
  seen.set(id, r);
  return id;
}

/** A summary made with a calibration end (its holdout columns filled) is refused: the report uses it all. */
function refuseHoldout(cells: SummaryCells, r: number): void {
  for (const name of ["holdout_frequency", "holdout_spend"] as const) {
    if (cells.has(name) && !isBlank(cells.cell(name, r))) {
      throw cells.error(
        name,
        r,
        (where) =>
          `${where}: this summary was made with a calibration end (holdout columns filled); the report ` +
          "predicts from the whole history: make the summary without --calibration-end (`loyalty fit` takes it as it is)",
        (where, at) => ({ code: "summaryHoldout", ...sourceOf(cells.table), where, at }),
      );
    }
  }
}

/** Reads the table row by row into the summary and the tier window (see the module comment). */
function readRows(
  cells: SummaryCells,
  kept: readonly number[],
  s: CustomerSummary,
  window: CustomerSummaryTable["window"],
  perUnit: number,
): void {
  const table = cells.table;
  const seen = new Map<string, number>();
  const ids: string[] = [];
  let asOfRow = -1;
  for (const [c, r] of kept.entries()) {
    ids.push(customerId(cells, r, seen, table.firstRow));
    refuseHoldout(cells, r);
    const first = cells.day("first_purchase", r);
    const last = cells.day("last_purchase", r);
    if (last < first) cells.fail("last_purchase", r, { what: "afterFirst", first: formatDay(first) });
    const recency = cells.number("recency_days", r, whole, { what: "wholeDays" });
    const asOf = last + recency;
    if (asOfRow < 0) {
      s.asOf = asOf;
      asOfRow = r;
    } else if (asOf !== s.asOf) {
      const [date, other, row] = [formatDay(asOf), formatDay(s.asOf), table.firstRow + asOfRow];
      throw cells.error(
        "recency_days",
        r,
        (where) =>
          `${where}: last purchase + recency_days is ${date}, but ${other} on row ${row}; a summary is made as of one date`,
        (where, at) => ({ code: "summaryAsOf", ...sourceOf(table), where, at, asOf: date, other, row }),
      );
    }
    s.firstDay[c] = first;
    s.lastDay[c] = last;
    s.recencyDays[c] = recency;
    s.orders[c] = cells.number("orders", r, atLeastOne, { what: "orders" });
    s.purchaseDays[c] = cells.number("purchase_days", r, atLeastOne, { what: "purchaseDays" });
    s.spend[c] = cells.number("spend", r, any, { what: "amount" });
    s.refunds[c] = cells.number("refunds", r, (v) => v <= 0, { what: "refund" });
    s.meanOrderValue[c] = (s.spend[c] - s.refunds[c]) / s.orders[c];
    s.x[c] = cells.number("frequency", r, whole, { what: "repeatDays" });
    if (s.x[c] !== s.purchaseDays[c] - 1) {
      cells.fail("frequency", r, { what: "purchaseDaysLessOne", value: s.purchaseDays[c] - 1 });
    }
    const time = (name: "recency" | "T", days: number, to: "lastPurchase" | "asOf", date: number) => {
      const v = cells.number(name, r, nonNegative, { what: "time" });
      if (Math.abs(v * perUnit - days) > HALF_DAY) {
        const value = days / perUnit;
        cells.fail(name, r, { what: "unitTime", unit: s.unit, to, date: formatDay(date), value });
      }
      return days / perUnit;
    };
    s.tX[c] = time("recency", last - first, "lastPurchase", last);
    s.T[c] = time("T", asOf - first, "asOf", asOf);
    s.monetary[c] = cells.number("monetary_value", r, nonNegative, { what: "amountAtLeastZero" });
    window.spend[c] = cells.number("window_spend", r, any, { what: "amount" });
    window.purchaseDays[c] = cells.number("window_purchase_days", r, whole, { what: "wholeDays" });
  }
  s.customerIds = ids;
}

export function readCustomerSummaryTable(
  table: RawTable,
  options: SummaryTableOptions = {},
): CustomerSummaryTable {
  const unit = options.unit ?? "week";
  const columns = requireSummaryColumns(table);
  const quality = new QualityCollector(table, summaryActions());
  const kept = rowsToRead(table, quality);
  const n = kept.length;
  const cells = new SummaryCells(table, columns, options.dates);
  const summary = emptySummary(n, unit);
  const window = { spend: new Float64Array(n), purchaseDays: new Int32Array(n) };
  readRows(cells, kept, summary, window, DAYS_PER_UNIT[unit]);
  summary.calibrationEnd = summary.asOf;
  return { summary, window, quality: quality.report(rowCount(table), n), columns };
}
