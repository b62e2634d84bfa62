/**
 * The names of the generated sheets (the workbook adds the "LL " prefix), by kind. A sheet is found again
 * by its kind (the registry in the hidden settings sheet), never by this name, so a workbook built in one
 * language refreshes in the other and a tab the user renamed is still found.
 */
import { bilingual } from "./bilingual";

export const SHEET_NAME_TEXTS = bilingual({
  en: {
    "this-week": "This week",
    customers: "Customers",
    segments: "Segments",
    tiers: "Tiers",
    kpis: "KPIs",
    alerts: "Alerts",
    "key-dates": "Key dates",
    preferences: "Preferences",
    campaigns: "Campaigns",
    model: "Model",
    "benefit-cost": "Benefit cost",
    "data-quality": "Data quality",
  },
  "zh-CN": {
    "this-week": "本周跟进",
    customers: "客户",
    segments: "客户细分",
    tiers: "会员等级",
    kpis: "关键指标",
    alerts: "预警",
    "key-dates": "关键日期",
    preferences: "偏好",
    campaigns: "活动效果",
    model: "模型",
    "benefit-cost": "权益成本",
    "data-quality": "数据质量",
  },
});
