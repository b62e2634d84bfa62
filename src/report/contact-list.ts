/**
 * Who to contact this week: the members an alert fired for, the most value at risk first (predicted value
 * × (1 − P(alive)): what the member would bring if they stay; by net spend when the models could not be
 * used). The Alerts sheet lists them in this order, and the task pane's result card names the first few
 * with their reasons. When a sheet of its own lists the week's calls, CONTACT_LIST_SHEET names it.
 */
import type { Analysis } from "../engine/analyze";
import { valueAtRisk } from "./report-data";
import type { ReportModels } from "./report-models";
import type { SheetKind } from "./sheet-kinds";

/** The sheet the list is on, which "Open the list" selects. */
export const CONTACT_LIST_SHEET: SheetKind = "alerts";

/** How many the result card names. */
const CARD_PEOPLE = 5;

export interface MembersToAct {
  /** Customer indexes, the most value at risk first. */
  members: number[];
  /** The rules fired for each member (indexes into analysis.alerts.rules). */
  rulesOf: Map<number, number[]>;
  /** Value at risk of a member; NaN when the models could not be used. */
  atRisk: (customer: number) => number;
}

export function membersToAct(analysis: Analysis, models: ReportModels | null): MembersToAct {
  const { alerts, summary } = analysis;
  const rulesOf = new Map<number, number[]>();
  for (let i = 0; i < alerts.customer.length; i++) {
    const c = alerts.customer[i];
    rulesOf.set(c, [...(rulesOf.get(c) ?? []), alerts.rule[i]]);
  }
  const risk = valueAtRisk(models);
  const atRisk = (c: number) => (risk ? risk[c] : NaN);
  const sortKey = (c: number) => (Number.isFinite(atRisk(c)) ? atRisk(c) : -Infinity);
  const members = [...rulesOf.keys()];
  members.sort((a, b) => sortKey(b) - sortKey(a) || summary.spend[b] - summary.spend[a] || a - b);
  return { members, rulesOf, atRisk };
}

/** One member to contact, as the result card says it. */
export interface Contact {
  customerId: string;
  /** Key of the member's tier now. */
  tier: string;
  /** Keys of the alert rules that fired: the reasons to call. */
  reasons: string[];
  /** Value at risk, rounded to cents; null when the models could not be used. */
  valueAtRisk: number | null;
  /** Net spend, rounded to cents. */
  spend: number;
  daysSinceLast: number;
}

export interface ContactList {
  /** The sheet kind the whole list is on. */
  sheet: SheetKind;
  /** Members to contact in all. */
  total: number;
  /** The first few, the most value at risk first. */
  first: Contact[];
}

const cents = (v: number) => Math.round(v * 100) / 100;

export function contactList(analysis: Analysis, models: ReportModels | null): ContactList {
  const { members, rulesOf, atRisk } = membersToAct(analysis, models);
  const { alerts, summary, tiers, rhythm } = analysis;
  return {
    sheet: CONTACT_LIST_SHEET,
    total: members.length,
    first: members.slice(0, CARD_PEOPLE).map((c) => {
      const risk = atRisk(c);
      return {
        customerId: summary.customerIds[c],
        tier: tiers.categories[tiers.current[c]]?.key ?? "",
        reasons: (rulesOf.get(c) ?? []).map((r) => alerts.rules[r].key),
        valueAtRisk: Number.isFinite(risk) ? cents(risk) : null,
        spend: cents(summary.spend[c]),
        daysSinceLast: rhythm.daysSinceLast[c],
      };
    }),
  };
}
