/**
 * The customer summary as one SQL query, for order tables that live in a warehouse or are too large for
 * a worksheet: one row per customer with what the report and the models need (see SUMMARY_COLUMNS), the
 * same numbers as the engine's `summarizeCustomers` (src/engine/summary/customer-summary.ts) on the same
 * clean lines. The conventions are the engine's:
 * - same-day purchases are one purchase day (its value the sum of its lines); a line with a negative
 *   amount is a refund: it lowers the customer's spend and is not a purchase; an order (same order id,
 *   same day) or a day with a return whose lines net to zero or less is not a purchase either (its lines
 *   count in spend with the returns that cancel them);
 * - x (frequency) counts the repeat purchase days up to the calibration end; t_x (recency) and T are in
 *   the time unit, from the first purchase day; monetary_value is the mean value of the repeat days;
 * - orders are distinct order ids per day (a line without an order id is an order by itself).
 *
 * The engine's reading rules of line-item exports apply too (see sourceLines): the amount from quantity
 * × price − discount, cancelled statuses and "C" invoices, order totals repeated per line.
 *
 * Which lines the query leaves out (and nothing else): lines without a customer id, date or amount, and
 * lines after the as-of date. Test accounts, duplicates and other cleaning are the warehouse's to do
 * (the engine's rules run when `loyalty report` reads the lines itself).
 *
 * Every date the query compares with is computed here, by the engine's day arithmetic, and written as a
 * DATE literal, so the SQL holds no date arithmetic but differences of days.
 */
import { formatDay } from "../engine/data/days";
import { DAYS_PER_UNIT, type TimeUnit } from "../engine/summary/time-unit";
import { windowStartExclusive } from "../engine/tiers/activity";
import { DIALECTS, type DialectRules, type SqlDialect } from "./dialects";
import type { LineAmounts } from "../engine/data/order-totals";
import {
  CANCELLATION_INVOICE_SQL,
  cancelledStatusSql,
  HOLDS_ORDER_TOTALS_SQL,
  lineAmountSql,
  NUMERIC_INVOICE_SQL,
} from "./line-rules";
import { SUMMARY_TIER_WINDOW_MONTHS } from "../engine/summary/summary-columns";
import type { Language } from "../engine/text/language";
import { SQL_COMMENT_TEXTS } from "../engine/text/sql-comment";

/** The columns of the order table the query reads (names as they are in the user's table). */
export interface OrderColumns {
  customer: string;
  date: string;
  /** The line's amount; without it, quantity × price (− discount), as the engine reads line items. */
  amount?: string;
  quantity?: string;
  price?: string;
  discount?: string;
  /** Optional: lines whose status says cancelled, refunded, closed ... are not revenue (the engine's words). */
  status?: string;
  /** Optional: orders are then counted as distinct order ids per day. */
  order?: string;
  /**
   * Optional, for lines already judged by the engine's rules (the DuckDB engine's clean lines): a
   * boolean column saying which lines are purchases, so that the returns are not netted again.
   */
  purchase?: string;
}

export interface SummaryQueryOptions {
  dialect: SqlDialect;
  /** The table (or view) of order lines, e.g. `sales.orders`; quoted part by part. */
  table: string;
  /** A FROM source used as written instead of `table` (e.g. DuckDB's read_parquet('…')). */
  fromClause?: string;
  columns: OrderColumns;
  /** Day number (days since 1970-01-01): lines after it are left out; recency is measured to it. */
  asOf: number;
  /** Day number of the calibration end (default the as-of date: no holdout). */
  calibrationEnd?: number;
  /** Unit of recency (t_x) and T (default week). */
  unit?: TimeUnit;
  /** Months of the rolling window whose spend and purchase days tiers are given on (default 12). */
  tierWindowMonths?: number;
  /** Whether the amount column holds line amounts or order totals; "auto" (default) decides from the data. */
  lineAmounts?: LineAmounts;
  /** The language of the comment the query starts with (default English); the SQL is the same. */
  language?: Language;
}

const dateLiteral = (day: number) => `DATE '${formatDay(day)}'`;

/** A number written so that every dialect reads it as a double (no integer division). */
function doubleLiteral(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** Each usable line as a purchase or a refund, by the netting of returns. */
const nettedKinds = `day_net AS (
  SELECT customer_id, order_day, SUM(amount) AS net, MIN(amount) AS lowest
  FROM usable_lines GROUP BY customer_id, order_day
),
order_net AS (
  SELECT customer_id, order_day, order_id, SUM(amount) AS net, MIN(amount) AS lowest
  FROM usable_lines WHERE order_id IS NOT NULL GROUP BY customer_id, order_day, order_id
),
kinds AS (
  SELECT
    l.customer_id,
    l.order_day,
    l.amount,
    l.order_id,
    CASE
      WHEN l.amount < 0 THEN 'refund'
      WHEN d.lowest < 0 AND d.net <= 0 THEN 'refund'
      WHEN o.lowest < 0 AND o.net <= 0 THEN 'refund'
      ELSE 'purchase'
    END AS kind
  FROM usable_lines l
  JOIN day_net d ON d.customer_id = l.customer_id AND d.order_day = l.order_day
  LEFT JOIN order_net o ON o.customer_id = l.customer_id AND o.order_day = l.order_day AND o.order_id = l.order_id
),`;

/** Each usable line as a purchase or a refund, as the lines say (already netted). */
const judgedKinds = (purchase: string) => `kinds AS (
  SELECT customer_id, order_day, amount, order_id,
    CASE WHEN ${purchase} THEN 'purchase' ELSE 'refund' END AS kind
  FROM usable_lines
),`;

/** The dates and units the query compares with, computed once by the engine's day arithmetic. */
interface QueryDates {
  unit: TimeUnit;
  asOf: number;
  calibrationEnd: number;
  hasHoldout: boolean;
  /** The day before the tier window's first day. */
  windowAfter: number;
}

function queryDates(options: SummaryQueryOptions): QueryDates {
  const { asOf } = options;
  const calibrationEnd = Math.min(options.calibrationEnd ?? asOf, asOf);
  return {
    unit: options.unit ?? "week",
    asOf,
    calibrationEnd,
    hasHoldout: asOf > calibrationEnd,
    windowAfter: windowStartExclusive(
      { kind: "rolling", months: options.tierWindowMonths ?? SUMMARY_TIER_WINDOW_MONTHS },
      asOf,
    ),
  };
}

/** The comment the query starts with, in `language`: its dates and what it leaves out. */
function queryComment(dialect: SqlDialect, t: QueryDates, language: Language): string {
  const lines = SQL_COMMENT_TEXTS[language].lines({
    dialect,
    asOf: formatDay(t.asOf),
    calibrationEnd: formatDay(t.calibrationEnd),
    unit: t.unit,
    windowFrom: formatDay(t.windowAfter + 1),
  });
  return lines.map((line) => `-- ${line}`).join("\n");
}

/** The purchase days (value, orders, rank) and the refunds of each customer, from the kinds of lines. */
function purchaseDaysAndRefunds(t: QueryDates): string {
  return `purchase_days AS (
  SELECT
    customer_id,
    order_day,
    SUM(amount) AS day_value,
    COUNT(DISTINCT order_id) + SUM(CASE WHEN order_id IS NULL THEN 1 ELSE 0 END) AS day_orders,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_day) AS day_rank
  FROM kinds
  WHERE kind = 'purchase'
  GROUP BY customer_id, order_day
),
refunds AS (
  SELECT
    customer_id,
    SUM(amount) AS refunded,
    SUM(CASE WHEN order_day > ${dateLiteral(t.windowAfter)} THEN amount ELSE 0 END) AS window_refunded
  FROM kinds
  WHERE kind = 'refund'
  GROUP BY customer_id
),`;
}

/** Each customer's purchase days summed: first and last day, repeats, holdout and tier window. */
function customersCte(d: DialectRules, t: QueryDates): string {
  const calEnd = dateLiteral(t.calibrationEnd);
  const holdout = t.hasHoldout
    ? `SUM(CASE WHEN order_day > ${calEnd} THEN 1 ELSE 0 END)`
    : `CAST(NULL AS ${d.double})`;
  const holdoutSpend = t.hasHoldout
    ? `SUM(CASE WHEN order_day > ${calEnd} THEN day_value ELSE 0 END)`
    : `CAST(NULL AS ${d.double})`;
  return `customers AS (
  SELECT
    customer_id,
    MIN(order_day) AS first_day,
    MAX(order_day) AS last_day,
    SUM(day_orders) AS orders,
    COUNT(*) AS purchase_days,
    SUM(day_value) AS gross,
    SUM(CASE WHEN order_day <= ${calEnd} THEN 1 ELSE 0 END) - 1 AS repeats,
    MAX(CASE WHEN order_day <= ${calEnd} THEN order_day END) AS last_calibration_day,
    SUM(CASE WHEN order_day <= ${calEnd} AND day_rank > 1 THEN day_value ELSE 0 END) AS repeat_value,
    ${holdout} AS holdout_days,
    ${holdoutSpend} AS holdout_value,
    SUM(CASE WHEN order_day > ${dateLiteral(t.windowAfter)} THEN day_value ELSE 0 END) AS window_gross,
    SUM(CASE WHEN order_day > ${dateLiteral(t.windowAfter)} THEN 1 ELSE 0 END) AS window_days
  FROM purchase_days
  GROUP BY customer_id
)`;
}

/** The summary's columns (SUMMARY_COLUMNS) from the customers and their refunds. */
function summaryColumns(d: DialectRules, t: QueryDates): string {
  const q = d.identifier;
  const calEnd = dateLiteral(t.calibrationEnd);
  const perUnit = doubleLiteral(DAYS_PER_UNIT[t.unit]);
  const days = (from: string, to: string) => `CAST(${d.daysBetween(from, to)} AS ${d.double})`;
  return `SELECT
  c.customer_id AS ${q("customer_id")},
  c.first_day AS ${q("first_purchase")},
  c.last_day AS ${q("last_purchase")},
  c.orders AS ${q("orders")},
  c.purchase_days AS ${q("purchase_days")},
  c.gross + COALESCE(r.refunded, 0) AS ${q("spend")},
  COALESCE(r.refunded, 0) AS ${q("refunds")},
  ${d.daysBetween("c.last_day", dateLiteral(t.asOf))} AS ${q("recency_days")},
  CASE WHEN c.first_day <= ${calEnd} THEN c.repeats END AS ${q("frequency")},
  CASE WHEN c.first_day <= ${calEnd} THEN ${days("c.first_day", "c.last_calibration_day")} / ${perUnit} END AS ${q("recency")},
  CASE WHEN c.first_day <= ${calEnd} THEN ${days("c.first_day", calEnd)} / ${perUnit} END AS ${q("T")},
  CASE WHEN c.first_day > ${calEnd} THEN NULL WHEN c.repeats > 0 THEN c.repeat_value / c.repeats ELSE 0 END AS ${q("monetary_value")},
  CASE WHEN c.first_day <= ${calEnd} THEN c.holdout_days END AS ${q("holdout_frequency")},
  CASE WHEN c.first_day <= ${calEnd} THEN c.holdout_value END AS ${q("holdout_spend")},
  c.window_gross + COALESCE(r.window_refunded, 0) AS ${q("window_spend")},
  c.window_days AS ${q("window_purchase_days")}
FROM customers c
LEFT JOIN refunds r ON r.customer_id = c.customer_id
ORDER BY c.customer_id
`;
}

/**
 * The customer-summary query for `options.dialect`, with the user's table and column names: the
 * source lines and the engine's reading rules, the usable lines, each line's kind (purchase or refund),
 * the purchase days and refunds, the customers, and the summary's columns.
 */
export function customerSummaryQuery(options: SummaryQueryOptions): string {
  const d = DIALECTS[options.dialect];
  const q = d.identifier;
  const t = queryDates(options);
  const from = options.fromClause ?? q(options.table);
  return `${queryComment(options.dialect, t, options.language ?? "en")}
WITH ${sourceLines(d, options, from)}
usable_lines AS (
  SELECT * FROM order_lines WHERE customer_id <> '' AND order_day <= ${dateLiteral(t.asOf)} AND NOT (cancelled = 1 AND amount >= 0)
),
${options.columns.purchase ? judgedKinds(q(options.columns.purchase)) : nettedKinds}
${purchaseDaysAndRefunds(t)}
${customersCte(d, t)}
${summaryColumns(d, t)}`;
}

/**
 * The CTEs up to order_lines (customer_id, order_day, amount, order_id, cancelled 0/1[, purchase]): the
 * engine's reading rules of line-item exports (src/engine/data/; SQL in line-rules.ts). The amount is
 * the amount column or quantity × price (− discount); an order total repeated on the lines of an order
 * (or on its first line, blanks below) is kept on one line, when the data show it as the engine decides
 * (nearly every order of several lines carries one amount; SQL sees no row order, so "the first line" is
 * the one with an amount); a line is cancelled by its status or, where plain numeric invoices outnumber
 * them, by a "C" invoice.
 */
function sourceLines(d: DialectRules, options: SummaryQueryOptions, from: string): string {
  const q = d.identifier;
  const { columns } = options;
  const text = (column: string) => `CAST(${q(column)} AS ${d.text})`;
  const number = (column: string) => `CAST(${q(column)} AS ${d.double})`;
  const amount = columns.amount
    ? number(columns.amount)
    : lineAmountSql(
        number(columns.quantity ?? "quantity"),
        number(columns.price ?? "price"),
        columns.discount ? `COALESCE(${number(columns.discount)}, 0)` : "0",
      );
  const orderId = columns.order ? `NULLIF(TRIM(${text(columns.order)}), '')` : `CAST(NULL AS ${d.text})`;
  const statusCancelled = columns.status ? cancelledStatusSql(text(columns.status)) : "FALSE";
  const ctes = [
    `source_lines AS (
  SELECT
    TRIM(${text(columns.customer)}) AS customer_id,
    CAST(${q(columns.date)} AS DATE) AS order_day,
    ${amount} AS amount,
    ${orderId} AS order_id,
    CASE WHEN ${statusCancelled} THEN 1 ELSE 0 END AS cancelled_status${columns.purchase ? `,\n    ${q(columns.purchase)}` : ""}
  FROM ${from}
)`,
  ];
  let lines = "source_lines";
  let cancelled = "l.cancelled_status";
  // Lines already judged (the DuckDB reader's clean lines) had every rule applied: none is applied again.
  const judged = columns.purchase !== undefined;
  if (columns.order && !judged) {
    const invoice = (pattern: string) => `CASE WHEN ${d.matches("order_id", pattern)} THEN 1 ELSE 0 END`;
    ctes.push(`invoice_rule AS (
  SELECT SUM(${invoice(CANCELLATION_INVOICE_SQL)}) AS with_c, SUM(${invoice(NUMERIC_INVOICE_SQL)}) AS numeric_ids
  FROM source_lines
)`);
    cancelled = `CASE WHEN l.cancelled_status = 1 THEN 1 WHEN ir.with_c > 0 AND ir.numeric_ids > ir.with_c AND ${d.matches("l.order_id", CANCELLATION_INVOICE_SQL)} THEN 1 ELSE 0 END`;
  }
  const mode = options.lineAmounts ?? "auto";
  if (columns.order && columns.amount && mode !== "perLine" && !judged) {
    ctes.push(`order_shapes AS (
  SELECT order_id, COUNT(*) AS lines, COUNT(DISTINCT amount) AS amounts, COUNT(amount) AS filled
  FROM source_lines WHERE order_id IS NOT NULL GROUP BY order_id
),
totals_rule AS (
  SELECT CASE WHEN ${mode === "orderTotal" ? "TRUE" : HOLDS_ORDER_TOTALS_SQL} THEN 1 ELSE 0 END AS order_totals
  FROM (
    SELECT
      SUM(CASE WHEN lines > 1 THEN 1 ELSE 0 END) AS multi,
      SUM(CASE WHEN lines > 1 AND amounts = 1 THEN 1 ELSE 0 END) AS consistent,
      SUM(CASE WHEN lines > 1 AND filled < lines THEN 1 ELSE 0 END) AS blank_below
    FROM order_shapes
  ) counts
),
ranked_lines AS (
  SELECT s.*,
    CASE WHEN t.order_totals = 1 AND s.order_id IS NOT NULL${mode === "orderTotal" ? "" : " AND o.amounts = 1"}
      AND ROW_NUMBER() OVER (
        PARTITION BY s.order_id ORDER BY CASE WHEN s.amount IS NULL THEN 1 ELSE 0 END, s.order_day, s.customer_id
      ) > 1 THEN 1 ELSE 0 END AS repeated_total
  FROM source_lines s
  CROSS JOIN totals_rule t
  LEFT JOIN order_shapes o ON o.order_id = s.order_id
)`);
    lines = "ranked_lines";
  }
  ctes.push(`order_lines AS (
  SELECT l.customer_id, l.order_day, l.amount, l.order_id, ${cancelled} AS cancelled${columns.purchase ? `, l.${q(columns.purchase)}` : ""}
  FROM ${lines} l${columns.order && !judged ? "\n  CROSS JOIN invoice_rule ir" : ""}
  WHERE l.customer_id IS NOT NULL AND l.order_day IS NOT NULL AND l.amount IS NOT NULL${lines === "ranked_lines" ? " AND l.repeated_total = 0" : ""}
),`);
  return ctes.join(",\n");
}
