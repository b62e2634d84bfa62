/**
 * The Preferences sheet (偏好): what members buy, by category (or brand, or product when the data has no
 * category): each category's spend and buyers, category × segment and category × tier tables (share of
 * the group's spend, penetration, lift over the average member), the category pairs bought by the same
 * members, and how the next category to offer each member is chosen. Without such a column it says which
 * setting names one.
 */
import { formatDay } from "../../engine/data/days";
import { ROLE_LABELS } from "../../engine/data/columns";
import {
  basePenetration,
  penetration,
  penetrationLift,
  spendShare,
  type CategoryByGroup,
} from "../../engine/preferences/preferences";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";
import type { Language } from "../../engine/text/language";
import {
  PREFERENCE_TEXTS as TEXTS,
  PREFERENCE_ROLE_WORDS as ROLE_WORDS,
} from "../../engine/text/preferences";

/** Most pairs listed. */
const PAIR_ROWS = 30;

export function buildPreferencesSheet(data: ReportData): SheetModel {
  const language = data.config.language;
  const t = TEXTS[language];
  const layout = new SheetLayout().title(t.title);
  const prefs = data.preferences;
  if (!prefs) {
    const roles = ["category", "brand", "product"] as const;
    layout.note(
      t.none(roles.map((r) => (language === "en" ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh)).join(" / ")),
    );
    return layout.finish({ kind: "preferences", tabColor: "#9E480E" });
  }
  const role = ROLE_WORDS[prefs.role][language];
  const { bySegment } = prefs;
  layout.note(t.subtitle(role, prefs.windowDays, formatDay(data.analysis.asOf), bySegment.allMembers));
  if (prefs.members.blankLines > 0) layout.note(t.blank(prefs.members.blankLines, role));

  const names = prefs.members.categories;
  // The categories bought in the window, by spend: the rows of every table below.
  const order = Array.from(names, (_, k) => k)
    .filter((k) => prefs.members.lines[k] > 0)
    .sort((a, b) => bySegment.spend[b] - bySegment.spend[a] || a - b);
  overview(layout, data, prefs, order, role);
  const segmentNames = data.analysis.segments.segments.map((s) => (language === "en" ? s.name : s.nameZh));
  groupTables(layout, t.bySegment, t, order, names, bySegment, segmentNames);
  const tierNames = Array.from({ length: prefs.byTier.groups }, (_, level) =>
    tierName(data.analysis, level, language),
  );
  groupTables(layout, t.byTier, t, order, names, prefs.byTier, tierNames);
  pairs(layout, t, prefs);
  nextCategories(layout, t, prefs);
  return layout.finish({ kind: "preferences", freeze: { rows: 1, cols: 1 }, tabColor: "#9E480E" });
}

type Preferences = NonNullable<ReportData["preferences"]>;

/** Spend, share, buyers and penetration per category, with a bar chart of the shares. */
function overview(
  layout: SheetLayout,
  data: ReportData,
  prefs: Preferences,
  order: number[],
  role: string,
): void {
  const language = data.config.language;
  const t = TEXTS[language];
  const { bySegment } = prefs;
  const names = prefs.members.categories;
  const totalSpend = bySegment.spend.reduce((a, b) => a + b, 0);
  layout.section(t.overview, t.overviewNote);
  const table = layout.table({
    header: [language === "en" ? capitalized(role) : role, ...t.headers.slice(1)],
    rows: order.map((k) => [
      names[k],
      round(bySegment.spend[k], 2),
      round(totalSpend > 0 ? bySegment.spend[k] / totalSpend : NaN, 4),
      bySegment.buyers[k],
      round(basePenetration(bySegment, k), 4),
      prefs.members.lines[k],
    ]),
    formats: ["text", moneyFormat(data.config.currency), "percent1", "integer", "percent1", "integer"],
  });
  if (table.count === 0) return;
  layout.format({ type: "dataBar", range: table.column(2), color: "#ED7D31" });
  layout.gap();
  layout.chart(
    tableChart(table, {
      type: "bar",
      title: t.chart,
      series: [[t.headers[2], 2, "#ED7D31"]],
      valueFormat: "percent",
      width: 640,
      height: Math.max(260, 60 + order.length * 26),
    }),
  );
}

/** The category pairs bought by the same members (support, confidence, lift), at most PAIR_ROWS. */
function pairs(layout: SheetLayout, t: (typeof TEXTS)[Language], prefs: Preferences): void {
  const names = prefs.members.categories;
  layout.section(t.pairs, t.pairsNote(prefs.minSupport, Math.min(PAIR_ROWS, prefs.pairs.length)));
  if (prefs.pairs.length === 0) {
    layout.note(t.noPairs);
    return;
  }
  layout.table({
    header: t.pairHeaders.map((h, i) => (t.pairNotes[i] ? { value: h, note: t.pairNotes[i] } : h)),
    rows: prefs.pairs
      .slice(0, PAIR_ROWS)
      .map((p) => [
        names[p.a],
        names[p.b],
        p.both,
        round(p.support, 4),
        round(p.confidence, 4),
        round(p.lift, 3),
      ]),
    formats: ["text", "text", "integer", "percent1", "percent1", { code: "0.00" }],
  });
}

/** How often each category is the next one to offer a member, most offered first. */
function nextCategories(layout: SheetLayout, t: (typeof TEXTS)[Language], prefs: Preferences): void {
  const names = prefs.members.categories;
  layout.section(t.next, t.nextNote(prefs.priorMembers));
  const offered = new Map<number, number>();
  for (const k of prefs.next.category) if (k >= 0) offered.set(k, (offered.get(k) ?? 0) + 1);
  layout.table({
    header: t.nextHeaders,
    rows: [...offered].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([k, count]) => [names[k], count]),
    formats: ["text", "integer"],
  });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Three category × group tables (spend share, penetration, lift) for groups with members. */
function groupTables(
  layout: SheetLayout,
  title: string,
  t: (typeof TEXTS)[Language],
  order: number[],
  names: readonly string[],
  table: CategoryByGroup,
  groupNames: string[],
): void {
  const groups = groupNames.map((_, g) => g).filter((g) => table.members[g] > 0);
  layout.section(title);
  const header: Cell[] = [t.headers[0], ...groups.map((g) => groupNames[g])];
  const measures: [string, (k: number, g: number) => number, "percent1" | { code: string }][] = [
    [t.share, (k, g) => spendShare(table, k, g), "percent1"],
    [t.penetration, (k, g) => penetration(table, k, g), "percent1"],
    [t.lift, (k, g) => penetrationLift(table, k, g), { code: "0.00" }],
  ];
  for (const [caption, value, format] of measures) {
    layout.note(caption);
    const placed = layout.table({
      header,
      rows: order.map((k) => [names[k], ...groups.map((g) => round(value(k, g), 4))]),
      formats: ["text", ...groups.map(() => format)],
    });
    if (placed.count > 0 && groups.length > 0) {
      const range = `${placed.column(1).split(":")[0]}:${placed.column(groups.length).split(":")[1]}`;
      layout.format({ type: "colorScale", range, colors: ["#FFFFFF", "#F4B183"] });
    }
    layout.gap();
  }
}
