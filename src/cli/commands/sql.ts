/**
 * `loyalty sql --dialect D --table T --as-of DATE [--customer C --date D --amount A --order O]
 * [--quantity Q --price P --discount X --status S --line-amounts perLine|orderTotal]
 * [--calibration-end DATE] [--unit week] [--out FILE]`: prints the customer-summary query for a
 * warehouse (src/sql/customer-summary-query.ts), with the user's table and column names. Its result, one
 * row per customer, is what `loyalty fit` and `loyalty report --summary` take, so order histories that
 * do not fit in a worksheet are summarised where they live.
 */
import { HELP_TEXTS } from "../../i18n/command-help";
import { inputError } from "../../input-errors";
import { promises as fs } from "node:fs";
import { Option, type Command } from "commander";
import { formatDay } from "../../engine/data/days";
import { parseDay } from "../../engine/data/parse-date";
import { isTimeUnit, TIME_UNITS, type TimeUnit } from "../../engine/summary/time-unit";
import { customerSummaryQuery } from "../../sql/customer-summary-query";
import { SUMMARY_COLUMNS } from "../../engine/summary/summary-columns";
import { isSqlDialect, SQL_DIALECTS, type SqlDialect } from "../../sql/dialects";
import type { LineAmounts } from "../../engine/data/order-totals";

const LINE_AMOUNTS: readonly string[] = ["auto", "perLine", "orderTotal"];
import type { CliIO } from "../io";
import { CLI_TEXTS } from "../../i18n/command-line";
import { langOption } from "./report";
import type { Language } from "../../engine/text/language";

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

/**
 * The warehouses that store a name written without quotes in one case (Snowflake upper, PostgreSQL lower)
 * and match a quoted name's case exactly. The query quotes every name as given, so a name given in the
 * other case finds only a name created in quotes that way: said on stderr, with the name to give if not.
 */
const FOLDED: Partial<Record<SqlDialect, { warehouse: string; upper: boolean }>> = {
  snowflake: { warehouse: "Snowflake", upper: true },
  postgres: { warehouse: "PostgreSQL", upper: false },
};

/** A name the warehouse would take without quotes (letters, digits, _ and $, not first a digit or $). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** The note on names given in the case the warehouse does not store unquoted names in, or undefined. */
function quotedCaseNote(options: SqlCommandOptions, language: Language): string | undefined {
  const folded = FOLDED[options.dialect as SqlDialect];
  if (!folded) return undefined;
  const { table = "", customer, date, amount, quantity, price, discount, status, order } = options;
  const given = [...table.split("."), customer, date, amount, quantity, price, discount, status, order];
  const fold = (name: string) => (folded.upper ? name.toUpperCase() : name.toLowerCase());
  const names = [
    ...new Set(given.filter((n): n is string => n !== undefined && PLAIN_NAME.test(n) && fold(n) !== n)),
  ];
  if (names.length === 0) return undefined;
  return CLI_TEXTS[language].sqlQuotedCase(folded.warehouse, names, names.map(fold), folded.upper);
}

/** A YYYY-MM-DD flag value as a day number, or a UserError naming the flag. */
function isoDay(text: string, flag: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseDay(text.trim()) : NaN;
  if (!Number.isFinite(day)) throw inputError("sqlNotDate", { flag, value: text });
  return day;
}

function sqlText(options: SqlCommandOptions, language: Language): string {
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
    language,
  });
}

export function registerSql(program: Command, io: CliIO): void {
  const h = HELP_TEXTS[io.language ?? "en"].sql;
  const columns = SUMMARY_COLUMNS.map(([name]) => `  ${name}: ${h.columns[name]}`).join("\n");
  program
    .command("sql")
    .description(h.description)
    .addOption(new Option("--dialect <name>", h.dialect).choices([...SQL_DIALECTS]).default("duckdb"))
    .option("--table <name>", h.table)
    .option("--customer <column>", h.customer, "customer_id")
    .option("--date <column>", h.date, "order_date")
    .option("--amount <column>", h.amount)
    .option("--quantity <column>", h.quantity)
    .option("--price <column>", h.price)
    .option("--discount <column>", h.discount)
    .option("--status <column>", h.status)
    .option("--order <column>", h.order)
    .option("--line-amounts <how>", h.lineAmounts)
    .option("--as-of <date>", h.asOf)
    .option("--calibration-end <date>", h.calibrationEnd)
    .option("--unit <unit>", h.unit([...TIME_UNITS]), "week")
    .option("--out <file>", h.out)
    .addOption(langOption(h.lang))
    .addHelpText("after", `\n${h.columnsHeading}\n${columns}\n`)
    .action(async (options: SqlCommandOptions) => {
      const text = sqlText(options, io.language ?? "en");
      const note = quotedCaseNote(options, io.language ?? "en");
      if (note) io.err(note);
      if (options.out) {
        await fs.writeFile(options.out, text);
        io.out(CLI_TEXTS[io.language ?? "en"].sqlWritten(options.out));
      } else io.out(text);
    });
}
