/**
 * Who to contact this week, as the task pane's result card names them: the first few of the This week
 * sheet's call list (reasons to call: a birthday, a tier about to slip, an overdue regular...), the most
 * value at risk first (predicted value × (1 − P(alive)): what the member would bring if they stay; by net
 * spend when the models could not be used). The members an alert fired for (the Alerts sheet's list, in
 * the same order) give the card's list as well: CONTACT_LIST_SHEET chooses which.
 */
import type { Analysis } from "../engine/analyze";
import { valueAtRisk, type ReportData } from "./report-data";
import type { ReportModels } from "./report-models";
import type { SheetKind } from "./sheet-kinds";
import { shortRuleName } from "./sheets/alert-names";
import { callListOf, reasonText } from "./sheets/this-week";
import { shownCustomerIds } from "./contact-columns";

/** The sheet the list is on, which "Open the list" selects: "this-week" (the call list) or "alerts". */
export const CONTACT_LIST_SHEET: "this-week" | "alerts" = "this-week";

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
  /** The reasons to call, in both languages. */
  reasons: { en: string; zh: string }[];
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

/** The card's list from the sheet CONTACT_LIST_SHEET names. */
export function contactList(data: ReportData): ContactList {
  return CONTACT_LIST_SHEET === "this-week"
    ? callContacts(data)
    : alertContacts(data.analysis, data.models, shownCustomerIds(data));
}

/** The first few of the This week sheet's call list, over all stores, the highest ranked first. */
export function callContacts(data: ReportData): ContactList {
  const { analysis } = data;
  const { summary, tiers, rhythm } = analysis;
  const list = callListOf(data);
  const ids = shownCustomerIds(data);
  const entries = list.stores
    .flatMap((s) => s.entries)
    .sort((a, b) => b.rank - a.rank || a.customer - b.customer);
  return {
    sheet: "this-week",
    total: list.stores.reduce((n, s) => n + s.candidates, 0),
    first: entries.slice(0, CARD_PEOPLE).map((e) => ({
      customerId: ids[e.customer],
      tier: tiers.categories[tiers.current[e.customer]]?.key ?? "",
      reasons: e.reasons.map((r) => ({ en: reasonText(data, r, "en"), zh: reasonText(data, r, "zh-CN") })),
      valueAtRisk: list.rankedBy === "valueAtRisk" && Number.isFinite(e.rank) ? cents(e.rank) : null,
      spend: cents(summary.spend[e.customer]),
      daysSinceLast: rhythm.daysSinceLast[e.customer],
    })),
  };
}

/** The first few members an alert fired for, as the Alerts sheet lists them. */
export function alertContacts(
  analysis: Analysis,
  models: ReportModels | null,
  ids: readonly string[] = analysis.summary.customerIds,
): ContactList {
  const { members, rulesOf, atRisk } = membersToAct(analysis, models);
  const { alerts, summary, tiers, rhythm } = analysis;
  return {
    sheet: "alerts",
    total: members.length,
    first: members.slice(0, CARD_PEOPLE).map((c) => {
      const risk = atRisk(c);
      return {
        customerId: ids[c],
        tier: tiers.categories[tiers.current[c]]?.key ?? "",
        reasons: (rulesOf.get(c) ?? []).map((r) => ({
          en: shortRuleName(alerts.rules[r].name),
          zh: shortRuleName(alerts.rules[r].nameZh),
        })),
        valueAtRisk: Number.isFinite(risk) ? cents(risk) : null,
        spend: cents(summary.spend[c]),
        daysSinceLast: rhythm.daysSinceLast[c],
      };
    }),
  };
}
