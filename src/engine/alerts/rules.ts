/**
 * Alert rules as data: which members to act on, by thresholds on their purchase rhythm. A rule fires for a
 * customer when all its conditions hold (a condition on a NaN metric does not hold) and, when it names
 * tiers, the customer holds one of them.
 */
import { DataError } from "../data/errors";
import { alertProblemText, type AlertRuleProblem } from "../text/rule-problems";
import type { PurchaseRhythm } from "./rhythm";

export type AlertMetric =
  "rhythmRatio" | "daysSinceLast" | "medianIntervalDays" | "spendChange" | "spendRecent" | "spendPrior";

export const ALERT_METRICS: readonly AlertMetric[] = [
  "rhythmRatio",
  "daysSinceLast",
  "medianIntervalDays",
  "spendChange",
  "spendRecent",
  "spendPrior",
];

export type Comparison = ">" | ">=" | "<" | "<=";

export interface AlertCondition {
  metric: AlertMetric;
  op: Comparison;
  value: number;
}

export interface AlertRule {
  key: string;
  name: string;
  nameZh: string;
  /** Tier keys the rule applies to (e.g. ["platinum", "gold"]); every customer when absent. */
  tiers?: readonly string[];
  /** All must hold. */
  when: readonly AlertCondition[];
}

/** A Gold or Platinum member twice as long without a purchase as usual, or spending less than half. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    key: "vipOverdue",
    name: "VIP overdue: more than twice the usual interval since the last purchase",
    nameZh: "VIP 会员超过平时两倍间隔未消费",
    tiers: ["platinum", "gold"],
    when: [{ metric: "rhythmRatio", op: ">", value: 2 }],
  },
  {
    key: "vipSpendDrop",
    name: "VIP spend down more than 50 % on the previous period",
    nameZh: "VIP 会员消费额较上期下降超过 50%",
    tiers: ["platinum", "gold"],
    when: [{ metric: "spendChange", op: "<", value: -0.5 }],
  },
];

/** The tier of each customer, as a tier evaluation gives it. */
export interface TierLookup {
  categories: readonly { key: string }[];
  current: Uint8Array;
}

export interface AlertList {
  rules: readonly AlertRule[];
  /** One entry per rule fired for a customer, in customer order, then rule order. */
  customer: Int32Array;
  rule: Uint8Array;
}

/** What is wrong with a rule table, one problem each (alertProblemText says them). */
export function checkAlertRules(rules: readonly AlertRule[]): AlertRuleProblem[] {
  const problems: AlertRuleProblem[] = [];
  rules.forEach((r, i) => {
    const rule = { rule: i + 1, named: { name: r.name, nameZh: r.nameZh } };
    if (r.when.length === 0) problems.push({ ...rule, problem: "noCondition" });
    for (const c of r.when) {
      if (!ALERT_METRICS.includes(c.metric))
        problems.push({ ...rule, problem: "unknownMeasure", metric: c.metric });
      if (![">", ">=", "<", "<="].includes(c.op))
        problems.push({ ...rule, problem: "unknownComparison", op: c.op });
      if (!Number.isFinite(c.value))
        problems.push({ ...rule, problem: "thresholdNotNumber", metric: c.metric });
    }
  });
  return problems;
}

function holds(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
  }
}

/** The alerts fired. Rules naming tiers need `tiers`. */
export function evaluateAlerts(
  rhythm: PurchaseRhythm,
  rules: readonly AlertRule[] = DEFAULT_ALERT_RULES,
  tiers?: TierLookup,
): AlertList {
  const problems = checkAlertRules(rules).map((p) => alertProblemText("en", p));
  if (rules.some((r) => r.tiers) && !tiers) problems.push("rules that name tiers need the tier evaluation");
  if (problems.length > 0) throw new DataError(problems.join("; "));
  const allowed = rules.map((rule) =>
    rule.tiers && tiers
      ? Uint8Array.from(tiers.categories, (cat) => (rule.tiers?.includes(cat.key) ? 1 : 0))
      : null,
  );
  const customers: number[] = [];
  const fired: number[] = [];
  const n = rhythm.daysSinceLast.length;
  for (let c = 0; c < n; c++) {
    rules.forEach((rule, r) => {
      const tierOk = allowed[r];
      if (tierOk && tiers && !tierOk[tiers.current[c]]) return;
      if (rule.when.every((cond) => holds(rhythm[cond.metric][c], cond.op, cond.value))) {
        customers.push(c);
        fired.push(r);
      }
    });
  }
  return { rules, customer: Int32Array.from(customers), rule: Uint8Array.from(fired) };
}
