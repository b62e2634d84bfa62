/** The texts of the Segments sheet (客户细分). */
import { bilingual } from "./bilingual";
import { whole } from "./format";

export const SEGMENT_TEXTS = bilingual({
  en: {
    title: "Segments",
    intro: (n: number, asOf: string, bins: number) =>
      `${whole(n)} customers as of ${asOf}, scored ${bins} (best) to 1 on recency, frequency and net spend. ` +
      "Revenue is net spend (purchases minus refunds).",
    top20: (share: string) => `The top 20 % of customers bring ${share} of revenue.`,
    total: "Total",
    group: {
      customers: "Customers",
      customerShare: "% of customers",
      revenue: "Revenue",
      revenueShare: "% of revenue",
    },
    segment: "Segment",
    band: "Band",
    header: {
      recency: "Avg days since purchase",
      recencyNote: "Mean days from the last purchase to the as-of date",
      orders: "Avg orders",
      spend: "Avg spend",
      r: "Avg R",
      f: "Avg F",
      m: "Avg M",
      value: (months: number) => `Avg value next ${months} mo`,
      valueNote: (months: number) =>
        `Mean predicted value of the purchases expected in the next ${months} months`,
      action: "What to do",
    },
    shareChart: "Share of customers and of revenue by segment",
    bandsNote: "Customers ranked by net spend: the top 10 %, the middle 80 %, the bottom 10 %.",
    paretoSection: "Pareto: revenue from the best customers",
    paretoHeader: ["Top share of customers", "Customers", "Revenue", "% of revenue"],
    curveSection: "Pareto curve data",
    curveNote: "Share of customers (best first) and the share of revenue they bring.",
    curveHeader: ["Share of customers", "Share of revenue"],
    curveChart: "Pareto curve: cumulative share of revenue",
    curveX: "Share of customers, best first",
  },
  "zh-CN": {
    title: "客户细分",
    intro: (n: number, asOf: string, bins: number) =>
      `截至 ${asOf} 共 ${whole(n)} 位客户，按最近购买、购买频次和净消费额评分，${bins} 分最好、1 分最差。销售额为净消费额（购买减退款）。`,
    top20: (share: string) => `前 20% 的客户贡献了 ${share} 的销售额。`,
    total: "合计",
    group: { customers: "客户数", customerShare: "客户占比", revenue: "销售额", revenueShare: "销售额占比" },
    segment: "客户细分",
    band: "分层",
    header: {
      recency: "平均距上次购买天数",
      recencyNote: "从最近一次购买到分析日期的平均天数",
      orders: "平均订单数",
      spend: "平均消费额",
      r: "平均 R",
      f: "平均 F",
      m: "平均 M",
      value: (months: number) => `未来 ${months} 个月平均价值`,
      valueNote: (months: number) => `未来 ${months} 个月预计购买的平均预测价值`,
      action: "建议做法",
    },
    shareChart: "各细分的客户占比和销售额占比",
    bandsNote: "按净消费额排序的客户：头部 10%、中部 80%、尾部 10%。",
    paretoSection: "帕累托：最好的客户贡献的销售额",
    paretoHeader: ["头部客户占比", "客户数", "销售额", "销售额占比"],
    curveSection: "帕累托曲线数据",
    curveNote: "客户占比（从最好的客户开始）及其贡献的销售额占比。",
    curveHeader: ["客户占比", "销售额占比"],
    curveChart: "帕累托曲线：累计销售额占比",
    curveX: "客户占比（从最好的开始）",
  },
});
