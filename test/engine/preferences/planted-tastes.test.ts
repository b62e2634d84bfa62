/**
 * Preferences on a history with planted tastes (src/engine/sample/planted-effects.ts): each member's
 * favourite category, a pair (Skincare lovers also buy Makeup) and a next-category rule (the top spenders
 * buy Wine & spirits, the others hardly ever).
 */
import { generateTasteHistory } from "../../../src/engine/sample/planted-effects";
import { analyzeOrders } from "../../../src/engine/analyze";
import { analyzePreferences } from "../../../src/engine/preferences/analyze-preferences";

describe("preferences on planted tastes", () => {
  const history = generateTasteHistory({ customers: 3000, seed: 5 });
  const analysis = analyzeOrders(history.orders);
  const prefs = analyzePreferences(
    analysis.table.orders,
    analysis.summary.firstDay,
    {
      segment: analysis.segments.segment,
      segments: analysis.segments.segments.length,
      tier: analysis.tiers.current,
      tiers: analysis.tiers.notYetLevel + 1,
    },
    analysis.asOf,
  )!;
  const names = prefs.members.categories;
  const ids = analysis.summary.customerIds;

  it("recovers the favourite category of at least 95 % of the members with 5 orders or more", () => {
    let members = 0;
    let right = 0;
    ids.forEach((id, c) => {
      if (analysis.summary.orders[c] < 5) return;
      members++;
      if (names[prefs.favourites.favourite[c]] === history.truth.favourite.get(id)) right++;
    });
    expect(members).toBeGreaterThan(1000);
    expect(right / members).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the planted pair at the top of the pairs, Skincare → Makeup", () => {
    const [a, b] = history.truth.pair;
    const top = prefs.pairs.slice(0, 2).map((p) => `${names[p.a]} → ${names[p.b]}`);
    expect(top).toContain(`${a} → ${b}`);
    const rule = prefs.pairs.find((p) => names[p.a] === a && names[p.b] === b)!;
    // Confidence, support and lift by hand from the buyer counts.
    const buyersOf = (name: string) => prefs.bySegment.buyers[names.indexOf(name)];
    expect(rule.confidence).toBeCloseTo(rule.both / buyersOf(a), 12);
    expect(rule.support).toBeCloseTo(rule.both / prefs.bySegment.allMembers, 12);
    expect(rule.lift).toBeCloseTo(rule.confidence / (buyersOf(b) / prefs.bySegment.allMembers), 12);
    expect(rule.lift).toBeGreaterThan(3);
  });

  it("offers the top tier's members who never bought it the planted category next", () => {
    const wine = names.indexOf(history.truth.topSpenderCategory);
    let candidates = 0;
    let offered = 0;
    ids.forEach((_, c) => {
      if (analysis.tiers.current[c] !== 0) return; // Platinum: the top spenders
      if (prefs.favourites.count[c] === 0) return;
      const bought = prefs.members.category.subarray(prefs.members.start[c], prefs.members.start[c + 1]);
      if (bought.includes(wine)) return;
      candidates++;
      if (prefs.next.category[c] === wine) offered++;
    });
    expect(candidates).toBeGreaterThan(30);
    expect(offered / candidates).toBeGreaterThanOrEqual(0.9);
  });

  it("gives the penetration lift of a category in a group as its share there over the share of all", () => {
    const wine = names.indexOf(history.truth.topSpenderCategory);
    const t = prefs.byTier;
    const platinum = t.groupBuyers[wine * t.groups + 0] / t.members[0];
    const all = t.buyers[wine] / t.allMembers;
    expect(platinum / all).toBeGreaterThan(2);
  });
});
