/** The column labels of LOYALTY.SUMMARY (its `headers` row), also used by the examples workbook. */
import type { TimeUnit } from "../../engine/summary/time-unit";

const PLURAL: Record<TimeUnit, string> = { day: "days", week: "weeks", month: "months" };

/** Column labels of the summary; the unit is part of the labels of t_x and T. */
export function summaryLabels(unit: TimeUnit): string[] {
  const u = PLURAL[unit];
  return [
    "customer",
    "first purchase",
    "last purchase",
    "orders",
    "x (repeat purchase days)",
    `t_x (${u})`,
    `T (${u})`,
    "recency (days)",
    "total spend",
    "mean repeat value",
  ];
}
