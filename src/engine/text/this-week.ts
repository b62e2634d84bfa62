/** The texts of the This week sheet (本周跟进): the call list a store manager works through. */
import { bilingual } from "./bilingual";
import { decimal, whole } from "./format";

/** A reason's values as the sheet words them: dates already written as text ("12-24", "2025-06-30"). */
export interface ReasonWords {
  birthday: (date: string, daysUntil: number) => string;
  anniversary: (years: number, date: string, daysUntil: number, of: "membership" | "firstPurchase") => string;
  tierDrop: (tier: string, byDay: string, spend: string | null, visits: number | null) => string;
  overdueRegular: (daysSince: number, usualGap: number) => string;
  silentTopSpender: (daysSince: number) => string;
  secondPurchase: (daysSinceFirst: number, windowDays: number) => string;
}

export const THIS_WEEK_TEXTS = bilingual({
  en: {
    title: "This week: whom to call",
    intro: (asOf: string, until: string, perStore: number) =>
      `As of ${asOf}: the members to contact by ${until}, at most ${whole(perStore)} per store, the most ` +
      "value at risk first. Mark Done and write a Note as you call: both are kept on every refresh.",
    rankedByModel: (months: number) =>
      `Value at risk = predicted value (${months} months) × (1 − P(alive)), as on the Alerts sheet.`,
    rankedBySpend: (why: string) =>
      `The purchase models could not be used (${why}), so members are ranked by their net spend.`,
    noModelReason: "no usable fit",
    reasonsNote: (window: string) =>
      "Reasons: a birthday or anniversary in the next 7 days; a tier minimum missed within 30 days unless they " +
      "buy more; a regular (3+ purchase days) twice their usual gap (and 14+ days) past the last purchase; a top-10 % spender " +
      `silent for 60 days; a one-time buyer whose second-purchase window closes this week (${window}).`,
    windowKnown: (days: number) => `80 % of second purchases come within ${whole(days)} days`,
    windowUnknown: "too few repeat buyers to tell the usual window",
    storesSection: "Per store",
    listSection: "Call list",
    noStoreColumn: "The orders have no store column: one list for all members.",
    allStores: "All stores",
    noStore: "(no store)",
    storeHeader: [
      "Store",
      "Members with a reason",
      "Listed",
      "Birthdays, anniversaries",
      "Tier at risk",
      "Overdue regulars",
      "Silent top spenders",
      "Second purchase",
      "Value at risk listed",
    ],
    spendListed: "Net spend listed",
    total: "Total",
    header: {
      store: "Store",
      customerId: "Customer ID",
      tier: "Tier",
      reason: "Reason",
      lastPurchase: "Last purchase",
      lastAmount: "Last amount",
      valueAtRisk: "Value at risk",
      netSpend: "Net spend",
      action: "Suggested action",
      done: "Done",
      note: "Note",
    },
    doneChoices: ["Done", "No answer", "Not interested"],
    doneHelp: "Choose Done, No answer or Not interested.",
    nobody: "Nobody to call this week: no member has a reason in the next 7 days.",
    keptNote:
      "What was written on rows of members no longer on the list; it goes back to their row when they return.",
    reason: {
      birthday: (date, daysUntil) =>
        daysUntil === 0 ? `Birthday today (${date})` : `Birthday on ${date}, in ${daysUntil} days`,
      anniversary: (years, date, daysUntil, of) =>
        `${years} ${years === 1 ? "year" : "years"} since ${of === "membership" ? "joining" : "the first purchase"} ` +
        (daysUntil === 0 ? `today (${date})` : `on ${date}`),
      tierDrop: (tier, byDay, spend, visits) =>
        `Falls below the ${tier} minimum by ${byDay} unless they ` +
        [spend ? `spend ${spend} more` : null, visits ? `buy on ${visits} more days` : null]
          .filter(Boolean)
          .join(" or "),
      overdueRegular: (since, gap) =>
        `Regular: ${whole(since)} days since the last purchase, ${decimal(since / gap, 1)}× the usual ${whole(gap)}`,
      silentTopSpender: (since) => `Top-10 % spender, no purchase for ${whole(since)} days`,
      secondPurchase: (since, window) =>
        `Bought once, ${whole(since)} days ago: 80 % of second purchases come within ${whole(window)} days`,
    } satisfies ReasonWords as ReasonWords,
    action: {
      birthday: "Call with birthday wishes; offer the birthday gift",
      anniversary: "Thank them for the years; offer an anniversary gift",
      tierDrop: "Tell them what keeps their tier; suggest a visit before the review",
      overdueRegular: "Check in; invite them back with an offer on what they usually buy",
      silentTopSpender: "A personal call from the manager; invite them to a VIP event",
      secondPurchase: "Send a second-purchase offer now",
    },
    changesSection: "Since the last refresh",
    /** Between the reasons of one member. */
    separator: "; ",
  },
  "zh-CN": {
    title: "本周跟进：要联系的会员",
    intro: (asOf: string, until: string, perStore: number) =>
      `截至 ${asOf}：${until} 前要联系的会员，每店最多 ${whole(perStore)} 位，按流失风险价值从高到低。` +
      "联系后在“完成”列选择结果、在“备注”列记录：每次刷新都会保留。",
    rankedByModel: (months: number) =>
      `流失风险价值 = 预测价值（${months} 个月）×（1 − 存活概率），与“预警”表相同。`,
    rankedBySpend: (why: string) => `购买模型无法使用（${why}），因此按净消费额排序。`,
    noModelReason: "拟合结果不可用",
    reasonsNote: (window: string) =>
      "跟进原因：未来 7 天内生日或周年纪念；除非再消费，30 天内将低于所在等级门槛；常客（3 个以上消费日）距上次购买已超过平时间隔的 2 倍（且至少 14 天）；" +
      `消费前 10% 的客户 60 天未购买；仅购买一次的客户复购窗口本周结束（${window}）。`,
    windowKnown: (days: number) => `80% 的第二次购买发生在首购后 ${whole(days)} 天内`,
    windowUnknown: "复购客户太少，无法判断通常的复购窗口",
    storesSection: "各门店",
    listSection: "联系名单",
    noStoreColumn: "订单中没有门店列：所有会员列在一个名单中。",
    allStores: "全部门店",
    noStore: "（无门店）",
    storeHeader: [
      "门店",
      "有跟进原因的会员",
      "已列出",
      "生日、周年",
      "等级将降",
      "逾期未购的常客",
      "沉默的高消费客户",
      "第二次购买",
      "已列出的流失风险价值",
    ],
    spendListed: "已列出的净消费额",
    total: "合计",
    header: {
      store: "门店",
      customerId: "客户ID",
      tier: "等级",
      reason: "跟进原因",
      lastPurchase: "最近购买",
      lastAmount: "最近金额",
      valueAtRisk: "流失风险价值",
      netSpend: "净消费额",
      action: "建议行动",
      done: "完成",
      note: "备注",
    },
    doneChoices: ["已完成", "未接通", "不感兴趣"],
    doneHelp: "请选择：已完成、未接通或不感兴趣。",
    nobody: "本周无需联系：未来 7 天内没有会员有跟进原因。",
    keptNote: "已不在名单上的会员的记录；他们回到名单时会放回原行。",
    reason: {
      birthday: (date, daysUntil) =>
        daysUntil === 0 ? `今天生日（${date}）` : `${date} 生日，还有 ${daysUntil} 天`,
      anniversary: (years, date, daysUntil, of) =>
        `${of === "membership" ? "入会" : "首次购买"} ${years} 周年` +
        (daysUntil === 0 ? `，今天（${date}）` : `（${date}）`),
      tierDrop: (tier, byDay, spend, visits) =>
        `${byDay} 前将低于${tier}门槛，除非` +
        [spend ? `再消费 ${spend}` : null, visits ? `再有 ${visits} 个消费日` : null]
          .filter(Boolean)
          .join("或"),
      overdueRegular: (since, gap) =>
        `常客：已 ${whole(since)} 天未购买，是平时间隔 ${whole(gap)} 天的 ${decimal(since / gap, 1)} 倍`,
      silentTopSpender: (since) => `消费前 10% 的客户，已 ${whole(since)} 天未购买`,
      secondPurchase: (since, window) =>
        `仅购买过一次（${whole(since)} 天前）：80% 的第二次购买发生在 ${whole(window)} 天内`,
    },
    action: {
      birthday: "致电送上生日祝福，告知生日礼遇",
      anniversary: "感谢多年支持，送上周年礼",
      tierDrop: "告知保级条件，建议评级前再次到店",
      overdueRegular: "回访问候，以常购商品的优惠邀请回店",
      silentTopSpender: "店长亲自致电，邀请参加贵宾活动",
      secondPurchase: "立即发送复购优惠",
    },
    changesSection: "与上次刷新相比",
    separator: "；",
  },
});
