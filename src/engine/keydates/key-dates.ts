/**
 * Key dates in the coming days: birthdays, first-purchase anniversaries and membership anniversaries, per
 * customer, with the tier they hold. A date of 29 February is celebrated on 28 February in other years.
 */
import { dayFromYmd, isLeapYear, NO_DAY, ymdFromDay } from "../data/days";
import { int32Of } from "../math/typed-arrays";

export type KeyDateKind = "birthday" | "firstPurchaseAnniversary" | "membershipAnniversary";

export interface KeyDate {
  customer: number;
  kind: KeyDateKind;
  /** Day number of the occasion. */
  day: number;
  /** Days from the as-of date (0 = today). */
  daysUntil: number;
  /** Age reached, or years since the first purchase or joining. */
  years: number;
  /** Tier level held (see TierEvaluation), when tiers were given. */
  level?: number;
}

export interface KeyDateSources {
  birthday?: Int32Array | null;
  joinDay?: Int32Array | null;
  /** First purchase day per customer (CustomerSummary.firstDay). */
  firstDay?: Int32Array | null;
}

export interface KeyDateOptions {
  /** Look ahead this many days from the as-of date, which counts as day 0 (default 30, at most 366). */
  days?: number;
  /** Tier level per customer (TierEvaluation.current), copied into each key date. */
  levels?: Uint8Array;
}

/** The anniversary of `origin` in `year` (29 February falls on the 28th in other years). */
export function anniversaryIn(origin: number, year: number): number {
  const { month, day } = ymdFromDay(origin);
  return dayFromYmd(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day);
}

/**
 * Days after the first day of the data before a first purchase is taken as the customer's own: a history
 * extracted from a given day starts every long-standing customer on or just after that day, and their
 * "anniversary" would be the extract's, not theirs.
 */
export const FIRST_PURCHASE_MARGIN_DAYS = 90;

/**
 * First purchase days that are really the customer's first purchase: those at least
 * FIRST_PURCHASE_MARGIN_DAYS after the data's first day; the others become NO_DAY.
 */
export function realFirstPurchases(firstDay: Int32Array, margin = FIRST_PURCHASE_MARGIN_DAYS): Int32Array {
  const from = firstOwnPurchaseDay(firstDay, margin);
  return int32Of(firstDay.length, (c) =>
    firstDay[c] !== NO_DAY && firstDay[c] >= from ? firstDay[c] : NO_DAY,
  );
}

/** The first day a first purchase counts as the customer's own: the data's first day + the margin. */
export function firstOwnPurchaseDay(firstDay: Int32Array, margin = FIRST_PURCHASE_MARGIN_DAYS): number {
  let dataStart = Infinity;
  for (const d of firstDay) if (d !== NO_DAY && d < dataStart) dataStart = d;
  return dataStart + margin;
}

/** A look-ahead window of whole days, up to a year and a day; `what` names the caller in the message. */
export function lookAheadDays(days: number, what: string): number {
  if (!(Number.isInteger(days) && days >= 0 && days <= 366)) {
    throw new RangeError(`${what}: look ahead 0 to 366 days (got ${days})`);
  }
  return days;
}

/** The occasions within [asOf, asOf + days], sorted by day, then kind, then customer. */
export function upcomingKeyDates(
  sources: KeyDateSources,
  asOf: number,
  options: KeyDateOptions = {},
): KeyDate[] {
  const horizon = lookAheadDays(options.days ?? 30, "key dates");
  const kinds: [KeyDateKind, Int32Array | null | undefined][] = [
    ["birthday", sources.birthday],
    ["firstPurchaseAnniversary", sources.firstDay],
    ["membershipAnniversary", sources.joinDay],
  ];
  const { year } = ymdFromDay(asOf);
  const out: KeyDate[] = [];
  for (const [kind, origins] of kinds) {
    if (!origins) continue;
    for (let c = 0; c < origins.length; c++) {
      const origin = origins[c];
      if (origin === NO_DAY || origin >= asOf) continue;
      const originYear = ymdFromDay(origin).year;
      for (const y of [year, year + 1]) {
        const day = anniversaryIn(origin, y);
        if (day < asOf || day > asOf + horizon || y <= originYear) continue;
        const entry: KeyDate = { customer: c, kind, day, daysUntil: day - asOf, years: y - originYear };
        if (options.levels) entry.level = options.levels[c];
        out.push(entry);
      }
    }
  }
  const order: Record<KeyDateKind, number> = {
    birthday: 0,
    firstPurchaseAnniversary: 1,
    membershipAnniversary: 2,
  };
  return out.sort((a, b) => a.day - b.day || order[a.kind] - order[b.kind] || a.customer - b.customer);
}
