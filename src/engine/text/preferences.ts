/** The texts of the Preferences sheet (偏好). */
import { bilingual, type Bilingual } from "./bilingual";

export const PREFERENCE_TEXTS = bilingual({
  en: {
    title: "Preferences",
    none: (roles: string) =>
      `The orders have no ${roles} column, so there is nothing to say about what members buy. Name the column ` +
      `in the settings ("columns": {"category": "..."}) or in the pane's column mapping.`,
    subtitle: (role: string, days: number, asOf: string, members: number) =>
      `What members buy, by ${role}, in the ${days} days up to ${asOf}: ${members.toLocaleString("en-US")} members ` +
      "bought something in that time. Spend is purchases (refunds carry no category).",
    blank: (lines: number, role: string) =>
      `${lines.toLocaleString("en-US")} purchase lines have a blank ${role} and are left out of this sheet.`,
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
    blank: (lines: number, role: string) =>
      `${lines.toLocaleString("en-US")} 条购买记录的${role}为空，未计入本表。`,
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
});

/** The kind of column the preferences are by, as a word in a sentence. */
export const PREFERENCE_ROLE_WORDS: Record<"category" | "brand" | "product", Bilingual<string>> = {
  category: { en: "category", "zh-CN": "品类" },
  brand: { en: "brand", "zh-CN": "品牌" },
  product: { en: "product", "zh-CN": "商品" },
};
