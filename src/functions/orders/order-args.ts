/**
 * An order table given to a function as three ranges (customers, dates, amounts), and optionally the
 * line-item columns real exports have: quantities (the amounts are then unit prices and a line's amount is
 * quantity × unit price), order or invoice ids (a line of an order is not another order; a "C" invoice is
 * a cancellation) and order statuses (cancelled, refunded, 已退款, 交易关闭 ... are not revenue). They are
 * read by the engine exactly as the task pane and the CLI read a sheet, with the function's own rules on
 * what it may not pass over:
 *
 * - blank rows are skipped (the ranges may run past the data), as SUM skips blank cells;
 * - a cell the engine cannot use (an unreadable date, an amount that is not a number, a date or amount
 *   without a customer id, a customer id without date and amount) is #VALUE! naming the cell: a formula
 *   has no data-quality sheet to report it on;
 * - everything else follows the data conventions (SPEC §2): same-day purchases merged, refunds reduce
 *   spend, zero amounts kept, and lines after the as-of date left out (that is what as-of means).
 *   Identical lines are kept as separate purchases, as the literature does with CDNOW, and no id is
 *   treated as a test account: a function computes on what it is given and drops nothing unasked.
 *   LOYALTY.QUALITY lists every such finding.
 */
import { EXCEL_SERIALS } from "../../sheet/serial-dates";
import type { CellValue, RawTable } from "../../engine/data/table";
import type { ColumnOverrides } from "../../engine/data/columns";
import { parseDay } from "../../engine/data/parse-date";
import { readOrderTable, type OrderTable } from "../../engine/data/read-orders";
import type { QualityExample, QualityReason } from "../../engine/data/quality";
import { argPlaceOf, scalarOf, vectorOf, type Arg, type Vector } from "../excel/args";
import { isBlank, showValue } from "../excel/cells";
import { codedValueError, inputErrorCode, propagatedError } from "../excel/errors";
import type { ArgPlace } from "../../i18n/function-errors";

/** Findings a function refuses: the cell cannot be used and there is no report to show it on. */
const REFUSED: readonly QualityReason[] = [
  "blankId",
  "unparsableDate",
  "nonNumericAmount",
  "memberDetailsOnly",
];

export interface OrderArgs {
  customers: Arg;
  dates: Arg;
  amounts: Arg;
  /** Optional: with quantities, `amounts` holds unit prices. */
  quantities?: Arg;
  orders?: Arg;
  statuses?: Arg;
}

/** The optional columns, with the engine's role of each. */
const OPTIONAL_COLUMNS = [
  { key: "quantities", role: "quantity" },
  { key: "orders", role: "orderId" },
  { key: "statuses", role: "status" },
] as const;

export interface ReadOrders {
  read: OrderTable;
  /** The ranges read, the three required first, then the optional ones given. */
  vectors: { customers: Vector; dates: Vector; amounts: Vector; all: Vector[] };
}

/** Whether an optional argument was left out: omitted, or a single blank cell. */
function omitted(arg: Arg | undefined): arg is undefined {
  return arg === undefined || (!Array.isArray(arg.value) && isBlank(arg.value)) || isBlankRange(arg.value);
}

function isBlankRange(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 1 &&
    Array.isArray(value[0]) &&
    value[0].length === 1 &&
    isBlank(value[0][0])
  );
}

/** A cell as the engine's table holds it: error values become { error: "#N/A" }. */
function tableCell(v: unknown): CellValue {
  const code = inputErrorCode(v);
  if (code) return { error: code };
  return v as CellValue;
}

/** Dates as Excel passes them to a function: serial numbers (or text dates). */
const EXCEL_DATES = { serials: EXCEL_SERIALS };

/** The as-of date of an optional argument (a date, an Excel serial or a text date) as a day number. */
export function optionalDay(arg: Arg): number | undefined {
  const v = scalarOf(arg);
  if (isBlank(v)) return undefined;
  const code = inputErrorCode(v);
  if (code) throw propagatedError(code, arg.name);
  const day = typeof v === "number" || typeof v === "string" ? parseDay(v, EXCEL_DATES) : NaN;
  if (Number.isNaN(day)) throw codedValueError({ code: "notDate", name: arg.name, value: showValue(v) });
  return day;
}

/** Reads the three ranges as an order table (see the module comment); #VALUE! for what cannot be used. */
export function readOrderArgs(args: OrderArgs, asOf: number | undefined): ReadOrders {
  const required = [vectorOf(args.customers), vectorOf(args.dates), vectorOf(args.amounts)];
  const list = [...required];
  const columns: ColumnOverrides = { customerId: 0, date: 1 };
  for (const { key, role } of OPTIONAL_COLUMNS) {
    const arg = args[key];
    if (omitted(arg)) continue;
    columns[role] = list.length;
    list.push(vectorOf(arg));
  }
  // With quantities the third column is the unit price: a line's amount is quantity × unit price.
  if (columns.quantity !== undefined) columns.price = 2;
  else columns.amount = 2;
  const n = required[0].cells.length;
  for (const v of list.slice(1))
    if (v.cells.length !== n)
      throw codedValueError({
        code: "orderColumnSizes",
        customers: args.customers.name,
        n,
        name: v.arg.name,
        length: v.cells.length,
        columns: list.length,
      });
  const vectors = { customers: required[0], dates: required[1], amounts: required[2], all: list };
  const table: RawTable = {
    source: "LOYALTY",
    headers: list.map((v) => v.arg.name),
    columns: list.map((v) => v.cells.map(tableCell)),
    firstRow: 1,
  };
  const read = readOrderTable(table, {
    dates: EXCEL_DATES,
    columns,
    asOf,
    duplicates: "keep",
    testAccounts: [],
  });
  for (const reason of REFUSED) {
    const finding = read.quality.findings.find((f) => f.reason === reason);
    const example = finding?.examples[0];
    if (!finding || finding.count === 0 || !example) continue;
    const { vector, dataRow } = exampleCell(vectors, example);
    const cell = vector.cells[dataRow];
    const code = inputErrorCode(cell);
    const place = argPlaceOf(vector, dataRow);
    if (code) throw propagatedError(code, place);
    throw codedValueError({
      code: "refusedLine",
      place,
      value: showValue(cell),
      reason:
        reason === "memberDetailsOnly"
          ? "memberOnly"
          : reason === "blankId"
            ? "blankId"
            : reason === "unparsableDate"
              ? "notDate"
              : "notAmount",
      ...(example.note ? { note: example.note } : {}),
      more: finding.count - 1,
    });
  }
  return { read, vectors };
}

/** The argument and row of a data-quality example (the engine's table starts at row 1). */
function exampleCell(
  vectors: ReadOrders["vectors"],
  example: QualityExample,
): { vector: Vector; dataRow: number } {
  const vector = vectors.all.find((v) => v.arg.name === example.header);
  return { vector: vector ?? vectors.customers, dataRow: example.row - 1 };
}

/** Where a data-quality example is, as parts a message says in its language ("dates, cell Orders!B18"). */
export function examplePlace(r: ReadOrders, example: QualityExample): ArgPlace {
  const { vector, dataRow } = exampleCell(r.vectors, example);
  return argPlaceOf(vector, dataRow);
}

/** The cell a customer's id came from (the first line of theirs), so results show ids as they were typed. */
export function originalId(r: ReadOrders, customer: number): unknown {
  const line = r.read.orders.customerStart[customer];
  const row = r.read.orders.sourceRow[line];
  const cell = r.vectors.customers.cells[row];
  return typeof cell === "number" || typeof cell === "string" ? cell : r.read.orders.customerIds[customer];
}
