/** Alert rules as the Customers and Alerts sheets list them: short names, per customer. */
import type { Analysis } from "../../engine/analyze";
import { localName } from "../../engine/text/bilingual";
import type { Language } from "../../engine/text/language";

/** The name of an alert rule up to its colon ("VIP overdue: more than ..." -> "VIP overdue"), for lists. */
export function shortRuleName(name: string): string {
  const colon = name.indexOf(":");
  return colon > 0 ? name.slice(0, colon) : name;
}

/** The names of the alert rules fired for each customer, joined ("; "), or "" when none fired. */
export function alertNamesByCustomer(analysis: Analysis, language: Language = "en"): Map<number, string[]> {
  const { alerts } = analysis;
  const byCustomer = new Map<number, string[]>();
  for (let i = 0; i < alerts.customer.length; i++) {
    const c = alerts.customer[i];
    const list = byCustomer.get(c) ?? [];
    list.push(localName(alerts.rules[alerts.rule[i]], language));
    byCustomer.set(c, list);
  }
  return byCustomer;
}
