/**
 * The texts of a report built from a customer summary (one row per customer) instead of order lines:
 * what each sheet that needs the order lines says in their place, and the notes on the sheets that are
 * built but lack a part (the tier at the last review, the alerts, the movements between tiers).
 */
import { bilingual } from "./bilingual";
import { whole } from "./format";

/** The sheets that need the order lines themselves, and what of them they need. */
type LineSheet = "this-week" | "kpis" | "alerts" | "key-dates" | "preferences" | "campaigns" | "benefit-cost";

export const SUMMARY_BASIS_TEXTS = bilingual({
  en: {
    needs: {
      "this-week": "the dates of each member's purchases (purchase rhythm) and their birthdays",
      kpis: "the purchases month by month",
      alerts: "the gaps between each member's purchases",
      "key-dates": "birthdays, join dates and the dates of purchases",
      preferences: "what each order line bought (category, brand or product)",
      campaigns: "each member's purchases before and after each campaign",
      "benefit-cost": "the members of each tier at every period end of the last year",
    } satisfies Record<LineSheet, string>,
    needsLines: (what: string, source: string, customers: number, asOf: string) =>
      `This sheet needs the order lines: ${what}. This report was built from the customer summary ` +
      `${source} (${whole(customers)} customers as of ${asOf}, one row per customer), which does not have ` +
      "them. Build the report from the order lines to get this sheet (loyalty report ORDERS, or the order " +
      "table as the task pane's source).",
    summaryRead: (source: string, rows: number, customers: number, blank: number, asOf: string) =>
      `Read ${whole(rows)} rows of the customer summary ${source}: ${whole(customers)} customers as of ${asOf}` +
      (blank > 0 ? `, ${whole(blank)} blank rows skipped.` : ".") +
      " A summary is used as it is: the cleaning of the order lines (test accounts, duplicates, returns) " +
      "was done where it was made (`loyalty sql --help` says which lines its query leaves out).",
    customersNote:
      "Made from a customer summary: the previous tier and the alerts need the order lines and are blank.",
    tiersNote:
      "Made from a customer summary: the members per tier now are exact (window spend and purchase days); " +
      "the tiers at the last review, the migration between tiers, the movements and the demotion risks need " +
      "the order lines and are not shown.",
  },
  "zh-CN": {
    needs: {
      "this-week": "每位会员每次购买的日期（购买节奏）及生日",
      kpis: "逐月的购买",
      alerts: "每位会员两次购买之间的间隔",
      "key-dates": "生日、入会日期和购买日期",
      preferences: "每条订单行购买的商品（品类、品牌或商品）",
      campaigns: "每位会员在每次活动前后的购买",
      "benefit-cost": "过去一年每个周期末各等级的会员",
    },
    needsLines: (what: string, source: string, customers: number, asOf: string) =>
      `此工作表需要订单明细：${what}。本报表由客户汇总表 ${source} 生成（截至 ${asOf} 共 ${whole(customers)} ` +
      "位客户，每位客户一行），其中没有这些信息。请用订单明细生成报表以得到此工作表（在命令行中把订单文件交给 " +
      "loyalty，或在任务窗格中选择订单表作为数据源）。",
    summaryRead: (source: string, rows: number, customers: number, blank: number, asOf: string) =>
      `读取客户汇总表 ${source} 共 ${whole(rows)} 行：截至 ${asOf} 共 ${whole(customers)} 位客户` +
      (blank > 0 ? `，跳过 ${whole(blank)} 个空行。` : "。") +
      "汇总表按原样使用：订单明细的清洗（测试账号、重复行、退货）已在生成汇总表时完成" +
      "（loyalty sql 的说明列出其查询排除了哪些行）。",
    customersNote: "由客户汇总表生成：上期等级和预警需要订单明细，留空。",
    tiersNote:
      "由客户汇总表生成：当前各等级会员数是准确的（按等级窗口内的消费和购买天数）；上次评级时的等级、" +
      "等级迁移、变动和降级风险需要订单明细，不予显示。",
  },
});

/** True for the sheets a customer summary cannot build. */
export function needsOrderLines(kind: string): kind is LineSheet {
  return kind in SUMMARY_BASIS_TEXTS.en.needs;
}
