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
import { DIALECTS, type SqlDialect } from "./dialects";
import { SUMMARY_TIER_WINDOW_MONTHS } from "../engine/summary/summary-columns";

/** The columns of the order table the query reads (names as they are in the user's table). */
export interface OrderColumns {
  customer: string;
  date: string;
  amount: string;
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

/** The customer-summary query for `options.dialect`, with the user's table and column names. */
export function customerSummaryQuery(options: SummaryQueryOptions): string {
  const d = DIALECTS[options.dialect];
  const q = d.identifier;
  const { columns, asOf } = options;
  const unit = options.unit ?? "week";
  const calibrationEnd = Math.min(options.calibrationEnd ?? asOf, asOf);
  const hasHoldout = asOf > calibrationEnd;
  const windowAfter = windowStartExclusive(
    { kind: "rolling", months: options.tierWindowMonths ?? SUMMARY_TIER_WINDOW_MONTHS },
    asOf,
  );
  const perUnit = doubleLiteral(DAYS_PER_UNIT[unit]);
  const from = options.fromClause ?? q(options.table);
  const asOfDate = dateLiteral(asOf);
  const calEnd = dateLiteral(calibrationEnd);
  const customerText = `CAST(${q(columns.customer)} AS ${d.text})`;
  const orderId = columns.order ? `CAST(${q(columns.order)} AS ${d.text})` : "NULL";
  const days = (from: string, to: string) => `CAST(${d.daysBetween(from, to)} AS ${d.double})`;
  const holdout = hasHoldout
    ? `SUM(CASE WHEN order_day > ${calEnd} THEN 1 ELSE 0 END)`
    : `CAST(NULL AS ${d.double})`;
  const holdoutSpend = hasHoldout
    ? `SUM(CASE WHEN order_day > ${calEnd} THEN day_value ELSE 0 END)`
    : `CAST(NULL AS ${d.double})`;

  return `-- Loyalty Lens customer summary (${options.dialect}): one row per customer.
-- As of ${formatDay(asOf)}; calibration end ${formatDay(calibrationEnd)}; recency and T in ${unit}s;
-- tier window ${formatDay(windowAfter + 1)} to ${formatDay(asOf)}.
-- Leaves out lines without customer id, date or amount and lines after the as-of date; an order or a
-- day whose return nets it to zero or less is not a purchase.
WITH order_lines AS (
  SELECT
    TRIM(${customerText}) AS customer_id,
    CAST(${q(columns.date)} AS DATE) AS order_day,
    CAST(${q(columns.amount)} AS ${d.double}) AS amount,
    ${orderId} AS order_id${columns.purchase ? `,\n    ${q(columns.purchase)}` : ""}
  FROM ${from}
  WHERE ${q(columns.customer)} IS NOT NULL
    AND ${q(columns.date)} IS NOT NULL
    AND ${q(columns.amount)} IS NOT NULL
),
usable_lines AS (
  SELECT * FROM order_lines WHERE customer_id <> '' AND order_day <= ${asOfDate}
),
${columns.purchase ? judgedKinds(q(columns.purchase)) : nettedKinds}
purchase_days AS (
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
    SUM(CASE WHEN order_day > ${dateLiteral(windowAfter)} THEN amount ELSE 0 END) AS window_refunded
  FROM kinds
  WHERE kind = 'refund'
  GROUP BY customer_id
),
customers AS (
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
    SUM(CASE WHEN order_day > ${dateLiteral(windowAfter)} THEN day_value ELSE 0 END) AS window_gross,
    SUM(CASE WHEN order_day > ${dateLiteral(windowAfter)} THEN 1 ELSE 0 END) AS window_days
  FROM purchase_days
  GROUP BY customer_id
)
SELECT
  c.customer_id AS ${q("customer_id")},
  c.first_day AS ${q("first_purchase")},
  c.last_day AS ${q("last_purchase")},
  c.orders AS ${q("orders")},
  c.purchase_days AS ${q("purchase_days")},
  c.gross + COALESCE(r.refunded, 0) AS ${q("spend")},
  COALESCE(r.refunded, 0) AS ${q("refunds")},
  ${d.daysBetween("c.last_day", asOfDate)} AS ${q("recency_days")},
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
