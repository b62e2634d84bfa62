/**
 * Category preferences, per member and per group of members:
 *
 * - favourite category: the one with the most spend in the window (all history when the member bought
 *   nothing in the window), its share of that spend, the number of categories ever bought, and the last
 *   new category (the category first bought most recently, when that was after the member's first day);
 * - per group (any grouping of members: RFM segment, tier, both): each category's share of the group's
 *   spend, its penetration (share of the group's active members who bought it) and the lift of that
 *   penetration over the average member's;
 * - the next category to offer: among the categories a member has never bought, the one whose
 *   penetration among members like them (same segment and tier) is highest relative to the base rate.
 *   Small groups say little, so a group's penetration is shrunk towards the base rate as if
 *   `priorMembers` average members were added to it: p̃ = (bought + m·p) / (members + m). Only a lift
 *   above 1 is a recommendation; otherwise the member gets none.
 *
 * "Active members" are those with a purchase with a category in the window: penetrations and lifts are
 * about what members buy now.
 */
import { activeInWindow, hasBought, type MemberCategories } from "./member-categories";

export interface FavouriteCategories {
  /** Category index per member, −1 when the member has no line with a category. */
  favourite: Int32Array;
  /** The favourite's share of the member's spend (window, or all history when nothing in the window). */
  share: Float64Array;
  /** 1 when the favourite is taken from the whole history (nothing bought in the window). */
  fromHistory: Uint8Array;
  /** Distinct categories ever bought. */
  count: Int32Array;
  /** The category first bought most recently, −1 when every category was bought on the first day. */
  lastNew: Int32Array;
  lastNewDay: Int32Array;
}

/** The favourite category of each member; `firstDay` is each member's first purchase day. */
export function favouriteCategories(m: MemberCategories, firstDay: ArrayLike<number>): FavouriteCategories {
  const n = m.start.length - 1;
  const out: FavouriteCategories = {
    favourite: new Int32Array(n).fill(-1),
    share: new Float64Array(n).fill(NaN),
    fromHistory: new Uint8Array(n),
    count: new Int32Array(n),
    lastNew: new Int32Array(n).fill(-1),
    lastNewDay: new Int32Array(n),
  };
  for (let c = 0; c < n; c++) {
    const lo = m.start[c];
    const hi = m.start[c + 1];
    out.count[c] = hi - lo;
    if (hi === lo) continue;
    const inWindow = activeInWindow(m, c);
    const spend = inWindow ? m.windowSpend : m.spend;
    out.fromHistory[c] = inWindow ? 0 : 1;
    let best = lo;
    let total = 0;
    // Ties go to the lower category index: the category that appears first in the table.
    for (let j = lo; j < hi; j++) {
      total += spend[j];
      if (spend[j] > spend[best]) best = j;
    }
    out.favourite[c] = m.category[best];
    out.share[c] = total > 0 ? spend[best] / total : NaN;
    let newest = -1;
    for (let j = lo; j < hi; j++) {
      if (m.firstDay[j] > firstDay[c] && (newest < 0 || m.firstDay[j] > m.firstDay[newest])) newest = j;
    }
    if (newest >= 0) {
      out.lastNew[c] = m.category[newest];
      out.lastNewDay[c] = m.firstDay[newest];
    }
  }
  return out;
}

/** Category × group measures, each a Float64Array indexed [category * groups + group]. */
export interface CategoryByGroup {
  groups: number;
  /** Active members per group, and in all. */
  members: Int32Array;
  allMembers: number;
  /** Window spend per group, and in all. */
  groupSpend: Float64Array;
  /** Per category: active members who bought it, and its window spend, over all groups. */
  buyers: Int32Array;
  spend: Float64Array;
  /** Per category and group: members who bought it, its window spend. */
  groupBuyers: Int32Array;
  groupCategorySpend: Float64Array;
}

/** Counts, per category and group, the active members who bought it and their window spend. */
export function categoryByGroup(
  m: MemberCategories,
  group: ArrayLike<number>,
  groups: number,
): CategoryByGroup {
  const k = m.categories.length;
  const n = m.start.length - 1;
  const out: CategoryByGroup = {
    groups,
    members: new Int32Array(groups),
    allMembers: 0,
    groupSpend: new Float64Array(groups),
    buyers: new Int32Array(k),
    spend: new Float64Array(k),
    groupBuyers: new Int32Array(k * groups),
    groupCategorySpend: new Float64Array(k * groups),
  };
  for (let c = 0; c < n; c++) {
    if (!activeInWindow(m, c)) continue;
    const g = group[c];
    out.members[g]++;
    out.allMembers++;
    for (let j = m.start[c]; j < m.start[c + 1]; j++) {
      const s = m.windowSpend[j];
      if (s <= 0) continue;
      const cat = m.category[j];
      out.buyers[cat]++;
      out.spend[cat] += s;
      out.groupBuyers[cat * groups + g]++;
      out.groupCategorySpend[cat * groups + g] += s;
      out.groupSpend[g] += s;
    }
  }
  return out;
}

/** Share of the group's spend on the category (NaN for a group without spend). */
export function spendShare(t: CategoryByGroup, category: number, g: number): number {
  return t.groupSpend[g] > 0 ? t.groupCategorySpend[category * t.groups + g] / t.groupSpend[g] : NaN;
}

/** Share of the group's active members who bought the category. */
export function penetration(t: CategoryByGroup, category: number, g: number): number {
  return t.members[g] > 0 ? t.groupBuyers[category * t.groups + g] / t.members[g] : NaN;
}

/** Share of all active members who bought the category: the base rate. */
export function basePenetration(t: CategoryByGroup, category: number): number {
  return t.allMembers > 0 ? t.buyers[category] / t.allMembers : NaN;
}

/** The group's penetration over the base rate (1 = like the average member). */
export function penetrationLift(t: CategoryByGroup, category: number, g: number): number {
  return penetration(t, category, g) / basePenetration(t, category);
}

/** Default weight of the base rate in a group's penetration for recommendations: 20 average members. */
export const DEFAULT_PRIOR_MEMBERS = 20;

export interface NextCategories {
  /** Category per member, −1 for none (nothing above the base rate that the member has not bought). */
  category: Int32Array;
  /** Its lift over the base rate among members like them (shrunk as described above). */
  lift: Float64Array;
  /** Its penetration among members like them (shrunk). */
  penetration: Float64Array;
}

/** The shrunk penetration of category k in group g, and its lift (see the file comment). */
export function shrunkLift(t: CategoryByGroup, k: number, g: number, priorMembers: number): [number, number] {
  const base = basePenetration(t, k);
  const p = (t.groupBuyers[k * t.groups + g] + priorMembers * base) / (t.members[g] + priorMembers);
  return [p, p / base];
}

/**
 * The next category to offer each member: `t` counted over `group` (segment × tier), members' bought
 * categories from `m`. For each group the categories are ranked once by shrunk lift (then penetration,
 * then category order); each member takes the first one they have not bought.
 */
export function nextCategories(
  m: MemberCategories,
  t: CategoryByGroup,
  group: ArrayLike<number>,
  priorMembers = DEFAULT_PRIOR_MEMBERS,
): NextCategories {
  const n = m.start.length - 1;
  const k = m.categories.length;
  const ranked: { order: number[]; lift: Float64Array; pen: Float64Array }[] = [];
  for (let g = 0; g < t.groups; g++) {
    const lift = new Float64Array(k);
    const pen = new Float64Array(k);
    const order: number[] = [];
    for (let cat = 0; cat < k; cat++) {
      if (t.buyers[cat] === 0) continue;
      [pen[cat], lift[cat]] = shrunkLift(t, cat, g, priorMembers);
      if (lift[cat] > 1) order.push(cat);
    }
    order.sort((a, b) => lift[b] - lift[a] || pen[b] - pen[a] || a - b);
    ranked.push({ order, lift, pen });
  }
  const out: NextCategories = {
    category: new Int32Array(n).fill(-1),
    lift: new Float64Array(n).fill(NaN),
    penetration: new Float64Array(n).fill(NaN),
  };
  for (let c = 0; c < n; c++) {
    const r = ranked[group[c]];
    const pick = r.order.find((cat) => !hasBought(m, c, cat));
    if (pick === undefined) continue;
    out.category[c] = pick;
    out.lift[c] = r.lift[pick];
    out.penetration[c] = r.pen[pick];
  }
  return out;
}

export interface CategoryPair {
  /** Bought first in the rule "members who buy A also buy B". */
  a: number;
  b: number;
  /** Active members who bought both. */
  both: number;
  /** both / active members. */
  support: number;
  /** both / buyers of A: the share of A's buyers who also buy B. */
  confidence: number;
  /** confidence / share of members who buy B (1 = independent). */
  lift: number;
}

/** Default minimum support of a pair: 1 % of the active members bought both. */
export const DEFAULT_MIN_SUPPORT = 0.01;

/**
 * Pairs of categories bought by the same active members in the window, with at least `minSupport`, as
 * rules in both directions (A → B and B → A), highest lift first (then confidence, then support).
 * Only categories with that support on their own can be in such a pair, so the others are skipped.
 */
export function categoryPairs(
  m: MemberCategories,
  t: CategoryByGroup,
  minSupport = DEFAULT_MIN_SUPPORT,
): CategoryPair[] {
  const members = t.allMembers;
  if (members === 0) return [];
  const minCount = Math.max(1, Math.ceil(minSupport * members - 1e-9));
  const k = m.categories.length;
  const frequent = Uint8Array.from({ length: k }, (_, cat) => (t.buyers[cat] >= minCount ? 1 : 0));
  const both = new Map<number, number>();
  const bought: number[] = [];
  for (let c = 0; c < m.start.length - 1; c++) {
    bought.length = 0;
    for (let j = m.start[c]; j < m.start[c + 1]; j++) {
      if (m.windowSpend[j] > 0 && frequent[m.category[j]]) bought.push(m.category[j]);
    }
    for (let x = 0; x < bought.length; x++) {
      for (let y = x + 1; y < bought.length; y++) {
        const key = bought[x] * k + bought[y];
        both.set(key, (both.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: CategoryPair[] = [];
  for (const [key, count] of both) {
    if (count < minCount) continue;
    const x = Math.floor(key / k);
    const y = key % k;
    for (const [a, b] of [
      [x, y],
      [y, x],
    ]) {
      const confidence = count / t.buyers[a];
      pairs.push({
        a,
        b,
        both: count,
        support: count / members,
        confidence,
        lift: confidence / (t.buyers[b] / members),
      });
    }
  }
  return pairs.sort(
    (p, q) =>
      q.lift - p.lift || q.confidence - p.confidence || q.support - p.support || p.a - q.a || p.b - q.b,
  );
}
