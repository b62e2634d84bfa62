/**
 * RFM segment schemes as data: a list of segments and a rule table. A rule gives inclusive score ranges on
 * the scheme's scale for R, F, M and FM (the mean of F and M, rounded half up); the first matching rule
 * names the segment, and `fallback` takes any score the rules leave out. Users may edit or replace these
 * tables (e.g. from a settings sheet); `checkRfmScheme` says what is wrong with one.
 */

export interface SegmentInfo {
  key: string;
  name: string;
  nameZh: string;
  /** What to do with the segment, for reports. */
  action?: string;
  actionZh?: string;
}

/** Inclusive range of scores, [lowest, highest]. */
export type ScoreRange = readonly [number, number];

export interface RfmSegmentRule {
  segment: string;
  r?: ScoreRange;
  f?: ScoreRange;
  m?: ScoreRange;
  /** Range of round-half-up((F + M) / 2). */
  fm?: ScoreRange;
}

export interface RfmSegmentScheme {
  id: string;
  name: string;
  nameZh: string;
  /** The score scale of the rules (5: scores 1..5). Scores on another scale are mapped onto it. */
  scale: number;
  segments: readonly SegmentInfo[];
  /** Checked in order; the first match wins. */
  rules: readonly RfmSegmentRule[];
  /** Segment of scores no rule matches. */
  fallback: string;
}

/**
 * The common 11-segment scheme on R and FM (scores 1..5), laid out so every cell of the R × FM grid has
 * exactly one segment:
 *
 *        FM=1          FM=2           FM=3           FM=4             FM=5
 *   R=5  New           Potential      Potential      Champions        Champions
 *   R=4  Promising     Potential      Loyal          Champions        Champions
 *   R=3  About to Sleep Need Attention Need Attention Loyal           Loyal
 *   R=2  Hibernating   About to Sleep At Risk        At Risk          Can't Lose Them
 *   R=1  Lost          Hibernating    At Risk        Can't Lose Them  Can't Lose Them
 */
export const RFM_11_SEGMENTS: RfmSegmentScheme = {
  id: "rfm11",
  name: "RFM segments (11)",
  nameZh: "RFM 客户分群（11 类）",
  scale: 5,
  segments: [
    { key: "champions", name: "Champions", nameZh: "冠军客户", action: "Reward; ask for reviews and referrals", actionZh: "给予回馈，邀请评价和推荐" },
    { key: "loyal", name: "Loyal Customers", nameZh: "忠诚客户", action: "Upsell; invite to the next tier", actionZh: "向上销售，邀请升级" },
    { key: "potentialLoyalists", name: "Potential Loyalists", nameZh: "潜在忠诚客户", action: "Offer membership and recommendations", actionZh: "推荐入会和个性化推荐" },
    { key: "newCustomers", name: "New Customers", nameZh: "新客户", action: "Onboard; make the second purchase easy", actionZh: "做好新客引导，促成第二次购买" },
    { key: "promising", name: "Promising", nameZh: "有潜力客户", action: "Build awareness; free trials", actionZh: "加强品牌认知，提供试用" },
    { key: "needAttention", name: "Need Attention", nameZh: "需要关注客户", action: "Limited-time offers based on past purchases", actionZh: "根据购买历史推送限时优惠" },
    { key: "aboutToSleep", name: "About to Sleep", nameZh: "即将沉睡客户", action: "Reconnect with popular products", actionZh: "推荐热门商品，重新建立联系" },
    { key: "atRisk", name: "At Risk", nameZh: "有流失风险客户", action: "Personal win-back messages", actionZh: "个性化挽回沟通" },
    { key: "cantLoseThem", name: "Can't Lose Them", nameZh: "不能失去的客户", action: "Win back with personal contact and strong offers", actionZh: "专人联系，重点挽回" },
    { key: "hibernating", name: "Hibernating", nameZh: "沉睡客户", action: "Low-cost reactivation", actionZh: "低成本唤醒" },
    { key: "lost", name: "Lost", nameZh: "已流失客户", action: "Ignore or try one last campaign", actionZh: "放弃或尝试最后一次召回" },
  ],
  rules: [
    { segment: "champions", r: [4, 5], fm: [4, 5] },
    { segment: "loyal", r: [3, 3], fm: [4, 5] },
    { segment: "loyal", r: [4, 4], fm: [3, 3] },
    { segment: "potentialLoyalists", r: [4, 5], fm: [2, 3] },
    { segment: "newCustomers", r: [5, 5], fm: [1, 1] },
    { segment: "promising", r: [4, 4], fm: [1, 1] },
    { segment: "needAttention", r: [3, 3], fm: [2, 3] },
    { segment: "aboutToSleep", r: [3, 3], fm: [1, 1] },
    { segment: "aboutToSleep", r: [2, 2], fm: [2, 2] },
    { segment: "cantLoseThem", r: [1, 1], fm: [4, 5] },
    { segment: "cantLoseThem", r: [2, 2], fm: [5, 5] },
    { segment: "atRisk", r: [1, 2], fm: [3, 4] },
    { segment: "hibernating", r: [2, 2], fm: [1, 1] },
    { segment: "hibernating", r: [1, 1], fm: [2, 2] },
    { segment: "lost", r: [1, 1], fm: [1, 1] },
  ],
  fallback: "hibernating",
}; // prettier-ignore

/**
 * The eight classes of Chinese member-operations practice (重要价值客户 … 一般挽留客户): each of R, F and M
 * is "high" (score 4–5) or "low" (1–3) on a 5-point scale.
 */
export const RFM_8_CLASSES: RfmSegmentScheme = {
  id: "rfm8",
  name: "RFM classes (8)",
  nameZh: "RFM 八类客户",
  scale: 5,
  segments: [
    { key: "importantValue", name: "Important value", nameZh: "重要价值客户" },
    { key: "importantDevelop", name: "Important to develop", nameZh: "重要发展客户" },
    { key: "importantKeep", name: "Important to keep", nameZh: "重要保持客户" },
    { key: "importantRetain", name: "Important to win back", nameZh: "重要挽留客户" },
    { key: "generalValue", name: "General value", nameZh: "一般价值客户" },
    { key: "generalDevelop", name: "General to develop", nameZh: "一般发展客户" },
    { key: "generalKeep", name: "General to keep", nameZh: "一般保持客户" },
    { key: "generalRetain", name: "General to win back", nameZh: "一般挽留客户" },
  ],
  rules: [
    { segment: "importantValue", r: [4, 5], f: [4, 5], m: [4, 5] },
    { segment: "importantDevelop", r: [4, 5], f: [1, 3], m: [4, 5] },
    { segment: "importantKeep", r: [1, 3], f: [4, 5], m: [4, 5] },
    { segment: "importantRetain", r: [1, 3], f: [1, 3], m: [4, 5] },
    { segment: "generalValue", r: [4, 5], f: [4, 5], m: [1, 3] },
    { segment: "generalDevelop", r: [4, 5], f: [1, 3], m: [1, 3] },
    { segment: "generalKeep", r: [1, 3], f: [4, 5], m: [1, 3] },
    { segment: "generalRetain", r: [1, 3], f: [1, 3], m: [1, 3] },
  ],
  fallback: "generalRetain",
};

/** Value bands: shares of customers ranked by value, from the top. */
export interface ValueBandScheme {
  id: string;
  name: string;
  nameZh: string;
  /** From the most valuable customers down; the shares add up to 1. */
  bands: readonly (SegmentInfo & { share: number })[];
}

/** The 1-8-1 rule: the top 10 % of customers by value, the middle 80 %, the bottom 10 %. */
export const ONE_EIGHT_ONE: ValueBandScheme = {
  id: "181",
  name: "1-8-1 rule",
  nameZh: "1-8-1 法则",
  bands: [
    { key: "top", name: "Top 10 %", nameZh: "头部 10%", share: 0.1 },
    { key: "middle", name: "Middle 80 %", nameZh: "中部 80%", share: 0.8 },
    { key: "bottom", name: "Bottom 10 %", nameZh: "尾部 10%", share: 0.1 },
  ],
};

/** The four value classes: core, important, ordinary and marginal customers. */
export const FOUR_VALUE_CLASSES: ValueBandScheme = {
  id: "value4",
  name: "Customer value classes",
  nameZh: "客户价值四分类",
  bands: [
    { key: "core", name: "Core customers", nameZh: "核心客户", share: 0.05 },
    { key: "important", name: "Important customers", nameZh: "重要客户", share: 0.15 },
    { key: "ordinary", name: "Ordinary customers", nameZh: "普通客户", share: 0.3 },
    { key: "marginal", name: "Marginal customers", nameZh: "边缘客户", share: 0.5 },
  ],
};
