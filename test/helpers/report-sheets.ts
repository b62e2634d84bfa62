/**
 * The sheets a full report writes, in the order it writes them, named as the user sees them. Written out
 * here on purpose, not derived from src/report/sheet-kinds.ts: a renamed or reordered sheet is a change
 * users see, and the tests of a full report (CLI report and demo, buildReport) should fail for it.
 */
export const REPORT_SHEETS: readonly string[] = [
  "LL This week",
  "LL Customers",
  "LL Segments",
  "LL Tiers",
  "LL KPIs",
  "LL Alerts",
  "LL Key dates",
  "LL Preferences",
  "LL Campaigns",
  "LL Model",
  "LL Benefit cost",
  "LL Data quality",
];

/** The same sheets in a report built with --lang zh-CN. */
export const REPORT_SHEETS_ZH: readonly string[] = [
  "LL 本周跟进",
  "LL 客户",
  "LL 客户细分",
  "LL 会员等级",
  "LL 关键指标",
  "LL 预警",
  "LL 关键日期",
  "LL 偏好",
  "LL 活动效果",
  "LL 模型",
  "LL 权益成本",
  "LL 数据质量",
];
