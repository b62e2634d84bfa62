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
import type { Preferences } from "../../engine/preferences/analyze-preferences";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import { tierName, type ReportData } from "../report-data";
import { round } from "./cell-values";
import { SheetLayout } from "./layout";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";
import type { Language } from "../../engine/text/language";

const TEXTS = {
  en: {
    title: "Preferences",
    none: (roles: string) =>
      `The orders have no ${roles} column, so there is nothing to say about what members buy. Name the column ` +
      `in the settings ("columns": {"category": "..."}) or in the pane's column mapping.`,
    subtitle: (role: string, days: number, asOf: string, members: number) =>
      `What members buy, by ${role}, in the ${days} days up to ${asOf}: ${members.toLocaleString("en-US")} members ` +
      "bought something in that time. Spend is purchases (refunds carry no category).",
    blank: (lines: number) =>
      `${lines.toLocaleString("en-US")} purchase lines have a blank ${"{role}"} and are left out of this sheet.`,
    overview: "By category",
    overviewNote: "Spend and buyers in the window; penetration = share of the active members who bought it.",
    headers: ["Category", "Spend", "Share of spend", "Buyers", "Penetration", "Lines (all time)"],
    bySegment: "Category × segment",
    byTier: "Category × tier",
    share: "Share of the group's spend",
    penetration: "Penetration: share of the group's members who bought it",
    lift: "Lift: the group's penetration over the average member's (1 = like everyone, 2 = twice as likely)",
    pairs: "Categories bought by the same members",
    pairsNote: (min: number, count: number) =>
      `Rules "members who buy A also buy B" with support of at least ${(min * 100).toFixed(1)} % of the active ` +
      `members (setting preferences.minSupport); the ${count} with the highest lift.`,
    pairHeaders: ["Members who buy", "also buy", "Members with both", "Support", "Confidence", "Lift"],
    pairNotes: [
      "",
      "",
      "",
      "Share of the active members who bought both",
      "Share of the buyers of the first who also bought the second",
      "Confidence over the share of all members who bought the second (1 = no link)",
    ],
    noPairs: "No pair of categories reaches the minimum support.",
    next: "Next category to offer",
    nextNote: (prior: number) =>
      "On the Customers sheet: the category most bought by members like them (same segment and tier) that " +
      "they have never bought, scored by lift over the base rate; a group's penetration counts " +
      `${prior} average members in, so small groups do not decide on a handful of buyers. None below a lift of 1.`,
    nextHeaders: ["Category", "Members offered it"],
    chart: "Share of spend by category",
    all: "All members",
    total: "Total",
  },
  "zh-CN": {
    title: "偏好",
    none: (roles: string) =>
      `订单中没有${roles}列，无法分析会员的购买偏好。请在设置中指定该列（"columns": {"category": "..."}），或在任务窗格的列映射中选择。`,
    subtitle: (role: string, days: number, asOf: string, members: number) =>
      `截至 ${asOf} 的 ${days} 天内会员按${role}的购买情况：${members.toLocaleString("en-US")} 位会员在此期间有购买。消费额为购买金额（退款没有品类）。`,
    blank: (lines: number) => `${lines.toLocaleString("en-US")} 条购买记录的{role}为空，未计入本表。`,
    overview: "按品类",
    overviewNote: "窗口期内的消费额和购买人数；渗透率 = 购买过该品类的活跃会员占比。",
    headers: ["品类", "消费额", "消费占比", "购买人数", "渗透率", "记录数（全部）"],
    bySegment: "品类 × 客户细分",
    byTier: "品类 × 会员等级",
    share: "占该组消费额的比例",
    penetration: "渗透率：该组会员中购买过该品类的比例",
    lift: "提升度：该组渗透率与全体会员渗透率之比（1 = 与全体相同，2 = 两倍）",
    pairs: "同一会员购买的品类组合",
    pairsNote: (min: number, count: number) =>
      `规则"购买 A 的会员也购买 B"，支持度不低于活跃会员的 ${(min * 100).toFixed(1)} %（设置 preferences.minSupport）；按提升度列出前 ${count} 条。`,
    pairHeaders: ["购买", "也购买", "两者都买的会员", "支持度", "置信度", "提升度"],
    pairNotes: [
      "",
      "",
      "",
      "两者都买过的活跃会员占比",
      "购买前者的会员中也购买后者的比例",
      "置信度与全体会员购买后者比例之比（1 = 无关联）",
    ],
    noPairs: "没有达到最低支持度的品类组合。",
    next: "下一个推荐品类",
    nextNote: (prior: number) =>
      `见"客户"表：与其相似的会员（同一细分和等级）购买最多、而本人从未购买的品类，按相对基准的提升度打分；` +
      `每组渗透率按加入 ${prior} 位平均会员计算，小组不会因少数购买者而定。提升度低于 1 时不推荐。`,
    nextHeaders: ["品类", "推荐人数"],
    chart: "各品类消费占比",
    all: "全体会员",
    total: "合计",
  },
};

const ROLE_WORDS: Record<Preferences["role"], { en: string; "zh-CN": string }> = {
  category: { en: "category", "zh-CN": "品类" },
  brand: { en: "brand", "zh-CN": "品牌" },
  product: { en: "product", "zh-CN": "商品" },
};

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
  const money = moneyFormat(data.config.currency);
  const { bySegment } = prefs;
  layout.note(t.subtitle(role, prefs.windowDays, formatDay(data.analysis.asOf), bySegment.allMembers));
  if (prefs.members.blankLines > 0) layout.note(t.blank(prefs.members.blankLines).replace("{role}", role));

  const names = prefs.members.categories;
  const order = Array.from(names, (_, k) => k)
    .filter((k) => prefs.members.lines[k] > 0)
    .sort((a, b) => bySegment.spend[b] - bySegment.spend[a] || a - b);
  const totalSpend = bySegment.spend.reduce((a, b) => a + b, 0);

  layout.section(t.overview, t.overviewNote);
  const overview = layout.table({
    header: [language === "en" ? capitalized(role) : role, ...t.headers.slice(1)],
    rows: order.map((k) => [
      names[k],
      round(bySegment.spend[k], 2),
      round(totalSpend > 0 ? bySegment.spend[k] / totalSpend : NaN, 4),
      bySegment.buyers[k],
      round(basePenetration(bySegment, k), 4),
      prefs.members.lines[k],
    ]),
    formats: ["text", money, "percent1", "integer", "percent1", "integer"],
  });
  if (overview.count > 0) {
    layout.format({ type: "dataBar", range: overview.column(2), color: "#ED7D31" });
    layout.gap();
    layout.chart(
      tableChart(overview, {
        type: "bar",
        title: t.chart,
        series: [[t.headers[2], 2, "#ED7D31"]],
        valueFormat: "percent",
        width: 640,
        height: Math.max(260, 60 + order.length * 26),
      }),
    );
  }

  const segmentNames = data.analysis.segments.segments.map((s) => (language === "en" ? s.name : s.nameZh));
  groupTables(layout, t.bySegment, t, order, names, bySegment, segmentNames);
  const tierNames = Array.from({ length: prefs.byTier.groups }, (_, level) =>
    tierName(data.analysis, level, language),
  );
  groupTables(layout, t.byTier, t, order, names, prefs.byTier, tierNames);

  layout.section(t.pairs, t.pairsNote(prefs.minSupport, Math.min(PAIR_ROWS, prefs.pairs.length)));
  if (prefs.pairs.length === 0) layout.note(t.noPairs);
  else {
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

  layout.section(t.next, t.nextNote(prefs.priorMembers));
  const offered = new Map<number, number>();
  for (const k of prefs.next.category) if (k >= 0) offered.set(k, (offered.get(k) ?? 0) + 1);
  layout.table({
    header: t.nextHeaders,
    rows: [...offered].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([k, count]) => [names[k], count]),
    formats: ["text", "integer"],
  });
  return layout.finish({ kind: "preferences", freeze: { rows: 1, cols: 1 }, tabColor: "#9E480E" });
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
