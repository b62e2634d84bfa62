/**
 * The preference analysis of a report in one call: which label column it is about (the category, else the
 * brand, else the product), what each member buys, their favourite and next category, and the category ×
 * segment, category × tier tables and category pairs.
 */
import type { LabelRole, OrderLines } from "../data/orders";
import { memberCategories, type MemberCategories } from "./member-categories";
import {
  categoryByGroup,
  categoryPairs,
  DEFAULT_MIN_SUPPORT,
  DEFAULT_PRIOR_MEMBERS,
  favouriteCategories,
  nextCategories,
  type CategoryByGroup,
  type CategoryPair,
  type FavouriteCategories,
  type NextCategories,
} from "./preferences";
import { int32Of } from "../math/typed-arrays";

/** The label columns preferences can be about, the first one the table has being used. */
export const PREFERENCE_ROLES = ["category", "brand", "product"] as const satisfies readonly LabelRole[];
export type PreferenceRole = (typeof PREFERENCE_ROLES)[number];

export interface PreferenceOptions {
  /** Days before the as-of date that count as "now" for favourites, tables and pairs (default 365). */
  windowDays?: number;
  /** Minimum support of a category pair (default 0.01). */
  minSupport?: number;
  /** Weight of the base rate in a group's penetration for the next category (default 20 members). */
  priorMembers?: number;
}

export const DEFAULT_PREFERENCE_WINDOW_DAYS = 365;

/** The groups members are compared in: RFM segment and tier level, as indexes. */
export interface MemberGroups {
  segment: ArrayLike<number>;
  segments: number;
  tier: ArrayLike<number>;
  tiers: number;
}

export interface Preferences {
  role: PreferenceRole;
  windowDays: number;
  minSupport: number;
  priorMembers: number;
  members: MemberCategories;
  favourites: FavouriteCategories;
  bySegment: CategoryByGroup;
  byTier: CategoryByGroup;
  next: NextCategories;
  pairs: CategoryPair[];
}

/** Null when the order lines have no category, brand or product column. */
export function analyzePreferences(
  orders: OrderLines,
  firstDay: ArrayLike<number>,
  groups: MemberGroups,
  asOf: number,
  options: PreferenceOptions = {},
): Preferences | null {
  const role = PREFERENCE_ROLES.find((r) => orders.labels[r] !== undefined);
  const labels = role && orders.labels[role];
  if (!role || !labels) return null;
  const windowDays = options.windowDays ?? DEFAULT_PREFERENCE_WINDOW_DAYS;
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const priorMembers = options.priorMembers ?? DEFAULT_PRIOR_MEMBERS;
  const members = memberCategories(orders, labels, asOf - windowDays);
  const n = orders.customerIds.length;
  const both = int32Of(n, (c) => groups.segment[c] * groups.tiers + groups.tier[c]);
  const bySegmentTier = categoryByGroup(members, both, groups.segments * groups.tiers);
  const bySegment = categoryByGroup(members, groups.segment, groups.segments);
  return {
    role,
    windowDays,
    minSupport,
    priorMembers,
    members,
    favourites: favouriteCategories(members, firstDay),
    bySegment,
    byTier: categoryByGroup(members, groups.tier, groups.tiers),
    next: nextCategories(members, bySegmentTier, both, priorMembers),
    pairs: categoryPairs(members, bySegment, minSupport),
  };
}
