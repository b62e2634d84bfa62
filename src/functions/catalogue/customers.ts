/* Customer functions of the LOYALTY namespace: from order lines to one row per customer. */
import { excelSerialFromDay } from "../../sheet/serial-dates";
import { NO_DAY } from "../../engine/data/days";
import { purchaseDaysOf } from "../../engine/summary/purchase-days";
import { summarizeCustomers } from "../../engine/summary/customer-summary";
import { TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import { DEFAULT_MODEL_UNIT } from "../../engine/models/clv-conventions";
import { argsOf, optionalBoolean, optionalChoice } from "../excel/args";
import { excelCall } from "../excel/guard";
import { examplePlace, optionalDay, originalId, readOrderArgs, type ReadOrders } from "../orders/order-args";
import { DATA_QUALITY_TEXTS, qualityNote, qualityValue } from "../../engine/text/data-quality";
import type { Language } from "../../engine/text/language";
import { findingLabel } from "../../i18n/messages";
import { FUNCTION_TEXTS } from "../../i18n/function-errors";

const SUMMARY_PARAMS = [
  "customers",
  "dates",
  "amounts",
  "as_of",
  "unit",
  "headers",
  "quantities",
  "orders",
  "statuses",
] as const;
const UNITS: Record<string, TimeUnit> = Object.fromEntries(TIME_UNITS.map((u) => [u, u]));

function serialOrBlank(day: number): number | string {
  return day === NO_DAY ? "" : excelSerialFromDay(day);
}

/**
 * One row per customer from order lines: id, first and last purchase (dates), orders, x (repeat purchase days), t_x and T (in unit), recency in days, total spend and mean repeat-day value: the inputs of LOYALTY.RFM and the model fits.
 * @customfunction SUMMARY
 * @helpurl https://localhost:3000/help.html#summary
 * @requiresParameterAddresses
 * @param customers Customer id of each order line (a column).
 * @param dates Date of each order line: Excel dates, or text such as 2024-05-12 or 20240512.
 * @param amounts Amount of each order line; negative amounts are refunds and reduce spend. With quantities: the unit price of each line.
 * @param [as_of] The analysis date (end of the calibration period): later lines are left out; default the last date in dates.
 * @param [unit] Time unit of t_x and T: "day", "week" (default) or "month".
 * @param [headers] TRUE to put a row of column labels above the customers. Default FALSE.
 * @param [quantities] Quantity of each line: a line's amount is then quantity × the unit price in amounts; negative quantities are returns.
 * @param [orders] Order or invoice id of each line: lines of one order count as one order; invoices "C" + number are cancellations.
 * @param [statuses] Order status of each line: cancelled, refunded, returned, 已取消, 已退款, 交易关闭 ... are not revenue.
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns One row of 10 values per customer, in order of first appearance.
 */
export function summary(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  unit?: unknown,
  headers?: unknown,
  quantities?: unknown[][],
  orders?: unknown[][],
  statuses?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.SUMMARY", (language) => {
    const a = argsOf(
      SUMMARY_PARAMS,
      [customers, dates, amounts, as_of, unit, headers, quantities, orders, statuses],
      invocation,
    );
    const timeUnit = optionalChoice<TimeUnit>(a.unit, UNITS, DEFAULT_MODEL_UNIT);
    const withHeaders = optionalBoolean(a.headers, false);
    const read = readOrderArgs(a, optionalDay(a.as_of));
    const s = summarizeCustomers(purchaseDaysOf(read.read.orders), {
      asOf: read.read.asOf,
      unit: timeUnit,
    });
    const rows: unknown[][] = withHeaders ? [FUNCTION_TEXTS[language].results.summaryHeaders(timeUnit)] : [];
    for (let c = 0; c < s.customerIds.length; c++) {
      rows.push([
        originalId(read, c),
        serialOrBlank(s.firstDay[c]),
        serialOrBlank(s.lastDay[c]),
        s.orders[c],
        s.x[c],
        s.tX[c],
        s.T[c],
        s.recencyDays[c],
        s.spend[c],
        s.monetary[c],
      ]);
    }
    return rows;
  });
}

/** LOYALTY.QUALITY's table in `language`: what was read, how amounts were found, then each finding. */
function qualityTable(read: ReadOrders, language: Language): unknown[][] {
  const report = read.read.quality;
  const words = FUNCTION_TEXTS[language].results;
  const { units, actions } = DATA_QUALITY_TEXTS[language];
  const rows: unknown[][] = [
    [...words.qualityHeaders],
    [words.rowsRead, report.rowsRead, "", "", ""],
    [words.purchaseLinesUsed, report.purchaseLines, "", "", ""],
  ];
  // Which rule gave a line's amount, when it was not the amounts themselves.
  if (report.amountRule !== "amount") rows.push([words.lineAmount(report.amountRule), "", "", "", ""]);
  for (const f of report.findings) {
    if (f.count === 0) continue;
    const ex = f.examples[0];
    const example = ex
      ? words.example(
          FUNCTION_TEXTS[language].place(examplePlace(read, ex)),
          qualityValue(ex.value, language),
          ex.note && qualityNote(ex.note, language),
        )
      : "";
    const label = words.finding(findingLabel(language, f.reason, f.label), units[f.unit]);
    rows.push([label, f.count, actions[f.action], f.amount ?? "", example]);
  }
  return rows;
}

const QUALITY_PARAMS = [
  "customers",
  "dates",
  "amounts",
  "as_of",
  "quantities",
  "orders",
  "statuses",
] as const;

/**
 * The data-quality findings on order lines, as LOYALTY.SUMMARY reads them: for each reason (blank rows, refunds, zero amounts, duplicate lines, lines after the as-of date...) how many rows, what was done, the amount involved and the first example.
 * @customfunction QUALITY
 * @helpurl https://localhost:3000/help.html#quality
 * @requiresParameterAddresses
 * @param customers Customer id of each order line (a column).
 * @param dates Date of each order line.
 * @param amounts Amount of each order line. With quantities: the unit price of each line.
 * @param [as_of] The analysis date: later lines are counted as after the as-of date; default the last date.
 * @param [quantities] Quantity of each line: a line's amount is then quantity × the unit price in amounts.
 * @param [orders] Order or invoice id of each line ("C" + number: a cancellation).
 * @param [statuses] Order status of each line (cancelled, refunded, 已退款, 交易关闭 ...: not revenue).
 * @param [invocation] Supplied by Excel: where the arguments are, for messages.
 * @returns A table with a header row: reason, rows, action, amount, first example.
 */
export function quality(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  quantities?: unknown[][],
  orders?: unknown[][],
  statuses?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  return excelCall("LOYALTY.QUALITY", (language) => {
    const a = argsOf(
      QUALITY_PARAMS,
      [customers, dates, amounts, as_of, quantities, orders, statuses],
      invocation,
    );
    const read = readOrderArgs(a, optionalDay(a.as_of));
    return qualityTable(read, language);
  });
}
