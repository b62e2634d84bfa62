/**
 * `loyalty sql --dialect D --table T --as-of DATE [--customer C --date D --amount A --order O]
 * [--quantity Q --price P --discount X --status S --line-amounts perLine|orderTotal]
 * [--calibration-end DATE] [--unit week] [--out FILE]`: prints the customer-summary query for a
 * warehouse (src/sql/customer-summary-query.ts), with the user's table and column names. Its result, one
 * row per customer, is what `loyalty fit` and `loyalty report --summary` take, so order histories that
 * do not fit in a worksheet are summarised where they live.
 */
import { inputError } from "../../input-errors";
import { promises as fs } from "node:fs";
import { Option, type Command } from "commander";
import { formatDay } from "../../engine/data/days";
import { parseDay } from "../../engine/data/parse-date";
import { isTimeUnit, TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import { customerSummaryQuery } from "../../sql/customer-summary-query";
import { SUMMARY_COLUMNS } from "../../engine/summary/summary-columns";
import { isSqlDialect, SQL_DIALECTS } from "../../sql/dialects";
import type { LineAmounts } from "../../engine/data/order-totals";

const LINE_AMOUNTS: readonly string[] = ["auto", "perLine", "orderTotal"];
import type { CliIO } from "../io";
import { CLI_TEXTS } from "../../i18n/command-line";
import { langOption } from "./report";

interface SqlCommandOptions {
  dialect: string;
  table?: string;
  customer: string;
  date: string;
  amount?: string;
  quantity?: string;
  price?: string;
  discount?: string;
  status?: string;
  order?: string;
  lineAmounts?: string;
  asOf?: string;
  calibrationEnd?: string;
  unit: string;
  out?: string;
}

/** A YYYY-MM-DD flag value as a day number, or a UserError naming the flag. */
function isoDay(text: string, flag: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseDay(text.trim()) : NaN;
  if (!Number.isFinite(day)) throw inputError("sqlNotDate", { flag, value: text });
  return day;
}

function sqlText(options: SqlCommandOptions): string {
  if (!isSqlDialect(options.dialect)) {
    throw inputError("sqlDialect", { value: String(options.dialect), dialects: [...SQL_DIALECTS] });
  }
  if (!options.table) throw inputError("sqlTableMissing");
  if (!options.asOf) {
    throw inputError("sqlAsOfMissing");
  }
  if (!isTimeUnit(options.unit)) {
    throw inputError("sqlUnit", { value: String(options.unit), units: [...TIME_UNITS] });
  }
  const asOf = isoDay(options.asOf, "--as-of");
  const calibrationEnd = options.calibrationEnd
    ? isoDay(options.calibrationEnd, "--calibration-end")
    : undefined;
  if (calibrationEnd !== undefined && calibrationEnd > asOf) {
    throw inputError("calibrationAfterAsOf", {
      calibrationEnd: formatDay(calibrationEnd),
      asOf: formatDay(asOf),
    });
  }
  const { quantity, price, discount, status, order } = options;
  const fromPrice = options.amount === undefined && quantity !== undefined && price !== undefined;
  if (!fromPrice && (quantity !== undefined) !== (price !== undefined) && options.amount === undefined) {
    throw inputError("quantityWithoutPrice");
  }
  if (options.lineAmounts !== undefined && !LINE_AMOUNTS.includes(options.lineAmounts)) {
    throw inputError("sqlLineAmounts", { value: options.lineAmounts, choices: [...LINE_AMOUNTS] });
  }
  const amount = fromPrice ? undefined : (options.amount ?? "amount");
  return customerSummaryQuery({
    dialect: options.dialect,
    table: options.table,
    columns: {
      customer: options.customer,
      date: options.date,
      ...(amount ? { amount } : { quantity, price, ...(discount ? { discount } : {}) }),
      ...(status ? { status } : {}),
      ...(order ? { order } : {}),
    },
    lineAmounts: options.lineAmounts as LineAmounts | undefined,
    asOf,
    calibrationEnd,
    unit: options.unit as TimeUnit,
  });
}

export function registerSql(program: Command, io: CliIO): void {
  const columns = SUMMARY_COLUMNS.map(([name, what]) => `  ${name}: ${what}`).join("\n");
  program
    .command("sql")
    .description(
      "print the customer-summary query for a warehouse: one row per customer (the RFM, tier and model " +
        "inputs), to run where the orders are and give to `loyalty fit` or `loyalty report --summary`",
    )
    .addOption(new Option("--dialect <name>", "SQL dialect").choices([...SQL_DIALECTS]).default("duckdb"))
    .option("--table <name>", "the table (or view) of order lines, e.g. sales.orders")
    .option("--customer <column>", "column of the customer id", "customer_id")
    .option("--date <column>", "column of the order date (a DATE or TIMESTAMP)", "order_date")
    .option("--amount <column>", "column of the line's amount (negative for refunds; default amount)")
    .option(
      "--quantity <column>",
      "column of the quantity (with --price and no --amount: amount = quantity × price)",
    )
    .option("--price <column>", "column of the unit price")
    .option("--discount <column>", "column of the line's discount (amount = quantity × price − discount)")
    .option(
      "--status <column>",
      "column of the order status (cancelled, refunded, 已退款, 交易关闭 ... are not revenue)",
    )
    .option(
      "--order <column>",
      'column of the order id (orders are then distinct ids per day; "C" invoices are cancellations)',
    )
    .option(
      "--line-amounts <how>",
      "the amount column holds line amounts or order totals: perLine, orderTotal (default: decided from the data)",
    )
    .option("--as-of <date>", "the day the summary is measured to, YYYY-MM-DD")
    .option("--calibration-end <date>", "last day of the models' calibration period (a holdout follows)")
    .option("--unit <unit>", `unit of recency and T (${TIME_UNITS.join(", ")})`, "week")
    .option("--out <file>", "write the query to this file instead of printing it")
    .addOption(langOption("the language of its messages: en or zh-CN (the query is SQL, the same in both)"))
    .addHelpText("after", `\nThe query's columns:\n${columns}\n`)
    .action(async (options: SqlCommandOptions) => {
      const text = sqlText(options);
      if (options.out) {
        await fs.writeFile(options.out, text);
        io.out(CLI_TEXTS[io.language ?? "en"].sqlWritten(options.out));
      } else io.out(text);
    });
}
