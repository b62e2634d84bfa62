/** The texts of the KPIs sheet (关键指标). */
import { bilingual } from "./bilingual";

export const KPI_TEXTS = bilingual({
  en: {
    title: "KPIs",
    intro: (first: string, last: string) => `Month by month from ${first} to ${last}.`,
    partialNote: (month: string, asOf: string, monthEnd: string) =>
      `${month} is partial: up to ${asOf}, not ${monthEnd}; it is marked "partial" in the table and the charts.`,
    definitions: (window: number) =>
      "Active: bought in the month. Retention: share of last month's active customers who bought again this " +
      `month. Churn rate: share of the customers not yet churned at the start of the month who reached ` +
      `${window} days without a purchase during it (monthly, like retention). Churned: customers with no ` +
      `purchase for more than ${window} days at the month's end (a count).`,
    partialLabel: (month: string) => `${month} (partial)`,
    monthly: "Monthly KPIs",
    header: {
      month: "Month",
      active: "Active customers",
      new: "New customers",
      returning: "Returning customers",
      repeatRate: "Repeat-purchase rate",
      repeatNote: "Active customers with two or more purchase days in the month",
      retention: "Retention rate",
      retentionNote: "Active last month and this month / active last month",
      churned: (window: number) => `Churned (${window}+ days)`,
      churnedNote: "Customers acquired by the month's end with no purchase in the window (a count)",
      churnRate: "Churn rate (monthly)",
      churnRateNote: "Reached the window without a purchase this month / not churned at last month's end",
      orders: "Orders",
      revenue: "Revenue",
      refunds: "Refunds",
      netRevenue: "Net revenue",
      aov: "Average order value",
    },
    customersChart: "Customers per month",
    ratesChart: "Retention, repeat purchase and churn (monthly share of customers)",
    series: { active: "Active", new: "New", returning: "Returning" },
    cohortSection: "Cohort retention",
    cohortNote: (shown: number | null) =>
      "Customers grouped by the month of their first purchase; each cell is the share of the cohort that " +
      "bought in that month after it (month 0 = the first month)" +
      (shown === null ? "." : `; the first ${shown} months are shown.`),
    cohort: "Cohort",
    customers: "Customers",
    monthN: (j: number) => `Month ${j}`,
  },
  "zh-CN": {
    title: "关键指标",
    intro: (first: string, last: string) => `按月统计，${first} 至 ${last}。`,
    partialNote: (month: string, asOf: string, monthEnd: string) =>
      `${month} 不是完整月份：数据截至 ${asOf}，而非 ${monthEnd}；表格和图表中标为“未满月”。`,
    definitions: (window: number) =>
      "活跃：当月有购买。留存率：上月活跃客户中本月再次购买的比例。" +
      `流失率：月初尚未流失的客户中，当月达到 ${window} 天未购买的比例（按月计算，与留存率相同）。` +
      `已流失：月末已超过 ${window} 天未购买的客户数。`,
    partialLabel: (month: string) => `${month}（未满月）`,
    monthly: "月度指标",
    header: {
      month: "月份",
      active: "活跃客户",
      new: "新客户",
      returning: "回头客户",
      repeatRate: "复购率",
      repeatNote: "当月有两个或以上消费日的活跃客户",
      retention: "留存率",
      retentionNote: "上月和本月均活跃 / 上月活跃",
      churned: (window: number) => `已流失（${window} 天以上）`,
      churnedNote: "截至月末已获取、且在该期间内无购买的客户（人数）",
      churnRate: "流失率（月）",
      churnRateNote: "本月达到流失期限且无购买 / 上月末尚未流失",
      orders: "订单数",
      revenue: "销售额",
      refunds: "退款",
      netRevenue: "净销售额",
      aov: "客单价",
    },
    customersChart: "每月客户数",
    ratesChart: "留存率、复购率和流失率（按月）",
    series: { active: "活跃", new: "新客户", returning: "回头客户" },
    cohortSection: "同期群留存",
    cohortNote: (shown: number | null) =>
      "按首次购买月份分组；每格为该组客户在其后各月有购买的比例（第 0 月 = 首购当月）" +
      (shown === null ? "。" : `；显示前 ${shown} 个月。`),
    cohort: "同期群",
    customers: "客户数",
    monthN: (j: number) => `第 ${j} 月`,
  },
});
