-- Loyalty Lens customer summary (postgres): one row per customer.
-- As of 1998-06-30; calibration end 1997-09-30; recency and T in weeks;
-- tier window 1997-07-01 to 1998-06-30.
-- Leaves out lines without customer id, date or amount and lines after the as-of date; cancelled lines
-- (a status, a "C" invoice) are not revenue; an order total repeated on the lines of an order is counted
-- once; an order or a day whose return nets it to zero or less is not a purchase.
WITH source_lines AS (
  SELECT
    TRIM(CAST("customer_id" AS TEXT)) AS customer_id,
    CAST("order_date" AS DATE) AS order_day,
    CAST("amount" AS DOUBLE PRECISION) AS amount,
    NULLIF(TRIM(CAST("order_id" AS TEXT)), '') AS order_id,
    CASE WHEN FALSE THEN 1 ELSE 0 END AS cancelled_status
  FROM "sales"."orders"
),
invoice_rule AS (
  SELECT SUM(CASE WHEN (order_id ~ '^C[0-9]+$') THEN 1 ELSE 0 END) AS with_c, SUM(CASE WHEN (order_id ~ '^[0-9]+$') THEN 1 ELSE 0 END) AS numeric_ids
  FROM source_lines
),
order_shapes AS (
  SELECT order_id, COUNT(*) AS lines, COUNT(DISTINCT amount) AS amounts, COUNT(amount) AS filled
  FROM source_lines WHERE order_id IS NOT NULL GROUP BY order_id
),
totals_rule AS (
  SELECT CASE WHEN multi > 0 AND consistent >= 0.9 * multi AND (blank_below > 0 OR consistent >= 3) THEN 1 ELSE 0 END AS order_totals
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
    CASE WHEN t.order_totals = 1 AND s.order_id IS NOT NULL AND o.amounts = 1
      AND ROW_NUMBER() OVER (
        PARTITION BY s.order_id ORDER BY CASE WHEN s.amount IS NULL THEN 1 ELSE 0 END, s.order_day, s.customer_id
      ) > 1 THEN 1 ELSE 0 END AS repeated_total
  FROM source_lines s
  CROSS JOIN totals_rule t
  LEFT JOIN order_shapes o ON o.order_id = s.order_id
),
order_lines AS (
  SELECT l.customer_id, l.order_day, l.amount, l.order_id, CASE WHEN l.cancelled_status = 1 THEN 1 WHEN ir.with_c > 0 AND ir.numeric_ids > ir.with_c AND (l.order_id ~ '^C[0-9]+$') THEN 1 ELSE 0 END AS cancelled
  FROM ranked_lines l
  CROSS JOIN invoice_rule ir
  WHERE l.customer_id IS NOT NULL AND l.order_day IS NOT NULL AND l.amount IS NOT NULL AND l.repeated_total = 0
),
usable_lines AS (
  SELECT * FROM order_lines WHERE customer_id <> '' AND order_day <= DATE '1998-06-30' AND NOT (cancelled = 1 AND amount >= 0)
),
day_net AS (
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
),
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
    SUM(CASE WHEN order_day > DATE '1997-06-30' THEN amount ELSE 0 END) AS window_refunded
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
    SUM(CASE WHEN order_day <= DATE '1997-09-30' THEN 1 ELSE 0 END) - 1 AS repeats,
    MAX(CASE WHEN order_day <= DATE '1997-09-30' THEN order_day END) AS last_calibration_day,
    SUM(CASE WHEN order_day <= DATE '1997-09-30' AND day_rank > 1 THEN day_value ELSE 0 END) AS repeat_value,
    SUM(CASE WHEN order_day > DATE '1997-09-30' THEN 1 ELSE 0 END) AS holdout_days,
    SUM(CASE WHEN order_day > DATE '1997-09-30' THEN day_value ELSE 0 END) AS holdout_value,
    SUM(CASE WHEN order_day > DATE '1997-06-30' THEN day_value ELSE 0 END) AS window_gross,
    SUM(CASE WHEN order_day > DATE '1997-06-30' THEN 1 ELSE 0 END) AS window_days
  FROM purchase_days
  GROUP BY customer_id
)
SELECT
  c.customer_id AS "customer_id",
  c.first_day AS "first_purchase",
  c.last_day AS "last_purchase",
  c.orders AS "orders",
  c.purchase_days AS "purchase_days",
  c.gross + COALESCE(r.refunded, 0) AS "spend",
  COALESCE(r.refunded, 0) AS "refunds",
  (DATE '1998-06-30' - c.last_day) AS "recency_days",
  CASE WHEN c.first_day <= DATE '1997-09-30' THEN c.repeats END AS "frequency",
  CASE WHEN c.first_day <= DATE '1997-09-30' THEN CAST((c.last_calibration_day - c.first_day) AS DOUBLE PRECISION) / 7.0 END AS "recency",
  CASE WHEN c.first_day <= DATE '1997-09-30' THEN CAST((DATE '1997-09-30' - c.first_day) AS DOUBLE PRECISION) / 7.0 END AS "T",
  CASE WHEN c.first_day > DATE '1997-09-30' THEN NULL WHEN c.repeats > 0 THEN c.repeat_value / c.repeats ELSE 0 END AS "monetary_value",
  CASE WHEN c.first_day <= DATE '1997-09-30' THEN c.holdout_days END AS "holdout_frequency",
  CASE WHEN c.first_day <= DATE '1997-09-30' THEN c.holdout_value END AS "holdout_spend",
  c.window_gross + COALESCE(r.window_refunded, 0) AS "window_spend",
  c.window_days AS "window_purchase_days"
FROM customers c
LEFT JOIN refunds r ON r.customer_id = c.customer_id
ORDER BY c.customer_id
