/** The texts of the Customers sheet (客户). */
import { bilingual } from "./bilingual";
import { whole } from "./format";

/** "category" → "categories", "brand" → "brands": the words the preferences are counted in. */
function plural(word: string): string {
  return word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const CUSTOMER_TEXTS = bilingual({
  en: {
    title: "Customers",
    intro: (n: number, asOf: string, source: string) =>
      `${whole(n)} ${n === 1 ? "customer" : "customers"} as of ${asOf}, from ${source}. The most valuable first; ` +
      "use the filter buttons to narrow the list down.",
    modelBlank: (problem: string) => `Model columns are blank: ${problem.replace(/\.$/, "")}.`,
    gridLimit: (shown: number, n: number) =>
      `The sheet lists the ${whole(shown)} most valuable customers of ${whole(n)}: a worksheet has ` +
      "1,048,576 rows. `loyalty sql` writes every customer's summary as a table.",
    modelsNotRun: "the models were not run",
    valueBlank: (problem: string) => `Predicted value is blank: ${problem}.`,
    notYetRepeated: "not yet repeated",
    notYetRepeatedNote: (model: string) =>
      `${model} holds every customer without a repeat purchase certainly alive, however long ago they bought: ` +
      `their P(alive) says "not yet repeated" instead of 100 %. See the Model sheet.`,
    preferenceHeaders: (word: string, days: number) => [
      {
        value: `Favourite ${word}`,
        note: `Most spend in the last ${days} days (all history when nothing was bought in that time)`,
      },
      { value: "Favourite's share", note: "Its share of the member's spend in that time" },
      { value: `${capitalized(plural(word))} bought`, note: `Distinct ${plural(word)} ever bought` },
      {
        value: `Last new ${word}`,
        note: `The ${word} first bought most recently (after the first purchase day)`,
      },
      { value: "First bought on", note: `When the last new ${word} was first bought` },
      {
        value: `Next ${word} to offer`,
        note: "Most bought by members like them (same segment and tier) and never by them; see LL Preferences",
      },
    ],
    header: {
      customerId: "Customer ID",
      segment: "Segment",
      tier: "Tier",
      previousTier: "Previous tier",
      previousTierNote: (date: string) =>
        `Tier on ${date} (12 months earlier by the tier rules' review period)`,
      valueBand: "Value band",
      valueBandNote: (scheme: string) => `${scheme}: rank by net spend`,
      firstPurchase: "First purchase",
      lastPurchase: "Last purchase",
      daysSince: "Days since purchase",
      daysSinceNote: "Days from the last purchase to the as-of date",
      orders: "Orders",
      purchaseDays: "Purchase days",
      purchaseDaysNote: "Days with at least one purchase (several orders on one day count once)",
      netSpend: "Net spend",
      netSpendNote: "Purchases minus refunds, up to the as-of date",
      aov: "Avg order value",
      rNote: (bins: number) => `Recency score 1-${bins} (${bins} = bought most recently)`,
      fNote: (bins: number) => `Frequency score 1-${bins} (${bins} = most orders)`,
      mNote: (bins: number) => `Monetary score 1-${bins} (${bins} = highest net spend)`,
      rfmNote: "The three scores together",
      alive: "P(alive)",
      aliveNote: (model: string) =>
        `Probability that the customer still buys (${model}). Red below 30 %, amber to 70 %, green from 70 %: the same in every workbook.`,
      expected: (days: number) => `Exp. purchases ${days}d`,
      expectedNote: (days: number, model: string) =>
        `Purchase days the purchase model (${model}) expects in the next ${days} days`,
      value: (months: number) => `Value next ${months} mo`,
      valueNote: (months: number) =>
        `Predicted value: the discounted value of the purchases expected in the next ${months} months (purchase and spend models)`,
      alerts: "Alerts",
    },
    separator: "; ",
  },
  "zh-CN": {
    title: "客户",
    intro: (n: number, asOf: string, source: string) =>
      `截至 ${asOf} 共 ${whole(n)} 位客户，数据来自 ${source}。价值最高的排在前面；可用筛选按钮缩小范围。`,
    modelBlank: (problem: string) => `模型相关列为空：${problem.replace(/。$/, "")}。`,
    gridLimit: (shown: number, n: number) =>
      `本表列出 ${whole(n)} 位客户中价值最高的 ${whole(shown)} 位：工作表最多 1,048,576 行。` +
      "`loyalty sql` 可输出全部客户的汇总表。",
    modelsNotRun: "未运行模型",
    valueBlank: (problem: string) => `预测价值为空：${problem}。`,
    notYetRepeated: "尚未复购",
    notYetRepeatedNote: (model: string) =>
      `${model} 认为所有没有重复购买的客户都必然存活，无论其购买多久以前：这些客户的存活概率显示为“尚未复购”，而不是 100 %。详见“模型”工作表。`,
    preferenceHeaders: (word: string, days: number) => [
      { value: `最爱${word}`, note: `近 ${days} 天消费最多（此期间无购买时按全部历史）` },
      { value: "最爱占比", note: "占该会员此期间消费的比例" },
      { value: `购买${word}数`, note: "曾购买过的不同数目" },
      { value: `最近新增${word}`, note: `最近一次首次购买的${word}（首个购买日之后）` },
      { value: "首次购买日", note: `最近新增${word}的首次购买日期` },
      { value: `下一个推荐${word}`, note: "相似会员（同一细分和等级）买得最多而本人从未买过的；见“偏好”表" },
    ],
    header: {
      customerId: "客户ID",
      segment: "客户细分",
      tier: "等级",
      previousTier: "上期等级",
      previousTierNote: (date: string) => `${date} 时的等级（按等级规则的评级周期向前推算）`,
      valueBand: "价值分层",
      valueBandNote: (scheme: string) => `${scheme}：按净消费额排名`,
      firstPurchase: "首次购买",
      lastPurchase: "最近购买",
      daysSince: "距上次购买天数",
      daysSinceNote: "从最近一次购买到分析日期的天数",
      orders: "订单数",
      purchaseDays: "消费天数",
      purchaseDaysNote: "至少有一次购买的天数（同一天多笔订单计为一天）",
      netSpend: "净消费额",
      netSpendNote: "截至分析日期的购买额减去退款",
      aov: "客单价",
      rNote: (bins: number) => `最近购买评分 1-${bins}（${bins} = 最近购买）`,
      fNote: (bins: number) => `购买频次评分 1-${bins}（${bins} = 订单最多）`,
      mNote: (bins: number) => `消费金额评分 1-${bins}（${bins} = 净消费额最高）`,
      rfmNote: "三项评分合在一起",
      alive: "存活概率",
      aliveNote: (model: string) =>
        `客户仍会购买的概率（${model}）。低于 30 % 为红色，30 % 至 70 % 为黄色，70 % 及以上为绿色：所有工作簿相同。`,
      expected: (days: number) => `${days} 天预计购买`,
      expectedNote: (days: number, model: string) => `购买模型（${model}）预计未来 ${days} 天内的消费天数`,
      value: (months: number) => `未来 ${months} 个月价值`,
      valueNote: (months: number) => `预测价值：未来 ${months} 个月预计购买的折现价值（购买模型和消费模型）`,
      alerts: "预警",
    },
    separator: "；",
  },
});
