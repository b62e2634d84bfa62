/**
 * The CALL LIST of the week: the members a store manager should contact in the next 7 days, each with the
 * reasons in plain terms, ranked by value at risk, at most N per store.
 *
 * Reasons (each a rule on the engine's results, none invented here):
 *   keyDate          a birthday or membership anniversary in the next 7 days (dates that are really the
 *                    member's: see KeyDate sources, first-purchase anniversaries only after the data's start)
 *   tierDrop         the member's qualifying activity falls below their tier's minimum within 30 days
 *                    (purchases leaving a rolling window, or a calendar-year review ahead) unless they buy
 *   overdueRegular   a regular (3+ purchase days) whose days since the last purchase are 2× their usual gap
 *                    and at least 14
 *   silentTopSpender a top-10 % spender who has not bought for `silentDays` days
 *   secondPurchase   a one-time buyer whose window for a second purchase closes within 7 days: most repeat
 *                    buyers (80 %) bought again within W days of their first purchase; the buyer is within
 *                    the last 7 days of W
 */
import type { KeyDate } from "../keydates/key-dates";
import { activityBetween, windowStartExclusive } from "../tiers/activity";
import { meetsTier, type TierEvaluation } from "../tiers/evaluate";
import type { PurchaseDays } from "../summary/purchase-days";

export type CallReason =
  | { kind: "birthday"; day: number; daysUntil: number; years: number }
  | {
      kind: "anniversary";
      of: "membership" | "firstPurchase";
      day: number;
      daysUntil: number;
      years: number;
    }
  | {
      kind: "tierDrop";
      level: number;
      /** The day the activity no longer meets the tier's minimum. */
      byDay: number;
      spendNeeded: number;
      purchaseDaysNeeded: number;
    }
  | { kind: "overdueRegular"; daysSinceLast: number; usualGapDays: number }
  | { kind: "silentTopSpender"; daysSinceLast: number }
  | { kind: "secondPurchase"; daysSinceFirst: number; windowDays: number };

export type CallReasonKind = CallReason["kind"];

export const CALL_REASON_KINDS: readonly CallReasonKind[] = [
  "birthday",
  "anniversary",
  "tierDrop",
  "overdueRegular",
  "silentTopSpender",
  "secondPurchase",
];

export interface CallListInputs {
  asOf: number;
  days: PurchaseDays;
  /** Net spend per customer (all history). */
  spend: Float64Array;
  /** Purchase days per customer. */
  purchaseDays: Int32Array;
  firstDay: Int32Array;
  daysSinceLast: Float64Array;
  medianIntervalDays: Float64Array;
  /** Key dates within the next 7 days (birthdays, membership and real first-purchase anniversaries). */
  keyDates: readonly KeyDate[];
  /** Members whose tier slips within 30 days unless they buy more (see tierSlips). */
  slips: readonly TierSlip[];
  /** What ranks the list: value at risk per customer, or null to rank by net spend. */
  valueAtRisk: Float64Array | null;
  /** Store per customer ("" unknown), or null when the data has no store column. */
  store: readonly string[] | null;
}

/** A regular is "overdue" after at least this many days, however short their usual gap. */
export const MIN_OVERDUE_DAYS = 14;

export interface CallListOptions {
  /** Most members per store (default 30). */
  perStore?: number;
  /** A top spender counts as silent after this many days without a purchase (default 60). */
  silentDays?: number;
  /** Days ahead the list covers (default 7). */
  horizonDays?: number;
}

export interface CallEntry {
  customer: number;
  store: string;
  reasons: CallReason[];
  /** The ranking value: value at risk, or net spend when no model is usable. */
  rank: number;
}

export interface StoreCalls {
  store: string;
  /** Members with a reason in this store, before the cut to `perStore`. */
  candidates: number;
  entries: CallEntry[];
}

export interface CallList {
  rankedBy: "valueAtRisk" | "spend";
  /** Days after the first purchase within which 80 % of repeat buyers bought again (NaN: too few). */
  secondPurchaseWindowDays: number;
  perStore: number;
  stores: StoreCalls[];
  /** Candidates per reason kind, over all stores (before the cut). */
  reasonCounts: Record<CallReasonKind, number>;
}

export interface TierSlip {
  customer: number;
  level: number;
  byDay: number;
  spendNeeded: number;
  purchaseDaysNeeded: number;
}

/** Days ahead in which a tier's minimum that is about to be missed counts as a reason to call. */
export const TIER_SLIP_DAYS = 30;

/**
 * Members above the base tier whose activity that still counts on `checkDay` (asOf + 30 days for a rolling
 * window, as a year-old purchase leaves it; the calendar-year review when it is that close) no longer meets
 * their tier's minimum, with what they must add. None when no such day is within 30 days.
 */
export function tierSlips(evaluation: TierEvaluation, days: PurchaseDays): TierSlip[] {
  const { program, asOf, nextReview } = evaluation;
  const byDay =
    program.window.kind === "rolling"
      ? Math.min(asOf + TIER_SLIP_DAYS, nextReview)
      : nextReview - asOf <= TIER_SLIP_DAYS
        ? nextReview
        : NaN;
  if (!Number.isFinite(byDay)) return [];
  const retained = activityBetween(days, windowStartExclusive(program.window, byDay), asOf);
  const base = program.tiers.length - 1;
  const out: TierSlip[] = [];
  for (let c = 0; c < evaluation.current.length; c++) {
    const level = evaluation.current[c];
    if (level >= base) continue;
    const rule = program.tiers[level];
    const spend = retained.spend[c];
    const visits = retained.purchaseDays[c];
    if (meetsTier(rule, spend, visits)) continue;
    out.push({
      customer: c,
      level,
      byDay,
      spendNeeded: rule.minSpend === undefined ? NaN : Math.max(0, rule.minSpend - spend),
      purchaseDaysNeeded:
        rule.minPurchaseDays === undefined ? NaN : Math.max(0, rule.minPurchaseDays - visits),
    });
  }
  return out;
}

/** Smallest gap W (days) such that `share` of the first-to-second purchase gaps are at most W. */
export function secondPurchaseWindow(days: PurchaseDays, share = 0.8): number {
  const gaps: number[] = [];
  for (let c = 0; c + 1 < days.start.length; c++) {
    const lo = days.start[c];
    if (days.start[c + 1] - lo >= 2) gaps.push(days.day[lo + 1] - days.day[lo]);
  }
  // Fewer than 20 repeat buyers say nothing reliable about a usual window.
  if (gaps.length < 20) return NaN;
  gaps.sort((a, b) => a - b);
  return gaps[Math.min(gaps.length - 1, Math.ceil(share * gaps.length) - 1)];
}

/** The 90th percentile of net spend: the top 10 % of the 1-8-1 rule start above it. */
function topSpendFloor(spend: Float64Array): number {
  const sorted = Float64Array.from(spend).sort();
  return sorted.length === 0 ? Infinity : sorted[Math.floor(0.9 * (sorted.length - 1))];
}

/**
 * Every member with a reason to call, and the reasons (in no order): the call list before it is ranked
 * and cut per store. What changed since the last build (changes.ts) reads who is at risk from it.
 */
export function callReasons(
  inputs: CallListInputs,
  options: CallListOptions = {},
): { reasons: Map<number, CallReason[]>; secondPurchaseWindowDays: number } {
  const silentDays = options.silentDays ?? 60;
  const horizon = options.horizonDays ?? 7;
  const n = inputs.spend.length;
  const reasons = new Map<number, CallReason[]>();
  const add = (c: number, reason: CallReason) => {
    const list = reasons.get(c);
    if (list) list.push(reason);
    else reasons.set(c, [reason]);
  };

  for (const k of inputs.keyDates) {
    if (k.daysUntil > horizon) continue;
    if (k.kind === "birthday")
      add(k.customer, { kind: "birthday", day: k.day, daysUntil: k.daysUntil, years: k.years });
    else {
      add(k.customer, {
        kind: "anniversary",
        of: k.kind === "membershipAnniversary" ? "membership" : "firstPurchase",
        day: k.day,
        daysUntil: k.daysUntil,
        years: k.years,
      });
    }
  }
  for (const d of inputs.slips) {
    add(d.customer, {
      kind: "tierDrop",
      level: d.level,
      byDay: d.byDay,
      spendNeeded: d.spendNeeded,
      purchaseDaysNeeded: d.purchaseDaysNeeded,
    });
  }
  const floor = topSpendFloor(inputs.spend);
  const windowDays = secondPurchaseWindow(inputs.days);
  for (let c = 0; c < n; c++) {
    const since = inputs.daysSinceLast[c];
    const gap = inputs.medianIntervalDays[c];
    if (inputs.purchaseDays[c] >= 3 && gap > 0 && since >= 2 * gap && since >= MIN_OVERDUE_DAYS) {
      add(c, { kind: "overdueRegular", daysSinceLast: since, usualGapDays: gap });
    }
    if (inputs.spend[c] > 0 && inputs.spend[c] >= floor && since >= silentDays) {
      add(c, { kind: "silentTopSpender", daysSinceLast: since });
    }
    if (inputs.purchaseDays[c] === 1 && Number.isFinite(windowDays)) {
      const sinceFirst = inputs.asOf - inputs.firstDay[c];
      if (sinceFirst <= windowDays && sinceFirst > windowDays - horizon) {
        add(c, { kind: "secondPurchase", daysSinceFirst: sinceFirst, windowDays });
      }
    }
  }

  return { reasons, secondPurchaseWindowDays: windowDays };
}

export function buildCallList(inputs: CallListInputs, options: CallListOptions = {}): CallList {
  const perStore = options.perStore ?? 30;
  const { reasons, secondPurchaseWindowDays: windowDays } = callReasons(inputs, options);
  const rankedBy = inputs.valueAtRisk ? "valueAtRisk" : "spend";
  const rankOf = (c: number) => {
    const v = inputs.valueAtRisk ? inputs.valueAtRisk[c] : inputs.spend[c];
    return Number.isFinite(v) ? v : -Infinity;
  };
  const reasonCounts = Object.fromEntries(CALL_REASON_KINDS.map((k) => [k, 0])) as Record<
    CallReasonKind,
    number
  >;
  const byStore = new Map<string, CallEntry[]>();
  for (const [c, list] of reasons) {
    const order = (r: CallReason) => CALL_REASON_KINDS.indexOf(r.kind);
    list.sort((a, b) => order(a) - order(b));
    for (const r of list) reasonCounts[r.kind]++;
    const store = inputs.store?.[c] ?? "";
    const entry: CallEntry = { customer: c, store, reasons: list, rank: rankOf(c) };
    const entries = byStore.get(store);
    if (entries) entries.push(entry);
    else byStore.set(store, [entry]);
  }
  const stores: StoreCalls[] = [...byStore.entries()]
    .map(([store, entries]) => {
      entries.sort((a, b) => b.rank - a.rank || a.customer - b.customer);
      return { store, candidates: entries.length, entries: entries.slice(0, perStore) };
    })
    // Named stores in name order; members without a store last.
    .sort((a, b) =>
      (a.store === "") !== (b.store === "") ? (a.store === "" ? 1 : -1) : a.store.localeCompare(b.store),
    );
  return { rankedBy, secondPurchaseWindowDays: windowDays, perStore, stores, reasonCounts };
}
