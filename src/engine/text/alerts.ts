/** The texts of the Alerts sheet (预警), and the words of alert measures shared by other sheets. */
import { bilingual } from "./bilingual";
import { whole } from "./format";

export type AlertMetricName =
  "rhythmRatio" | "daysSinceLast" | "medianIntervalDays" | "spendChange" | "spendRecent" | "spendPrior";

export const ALERT_TEXTS = bilingual({
  en: {
    title: "Alerts",
    intro: (asOf: string) =>
      `Members to act on as of ${asOf}. Edit the thresholds in the orange cells and rebuild: your values are ` +
      "kept on every refresh.",
    rules: "Rules",
    rulesHeader: ["Rule", "Applies to", "Measure", "Fires when", "Threshold", "Members flagged"],
    allCustomers: "All customers",
    listSeparator: ", ",
    metric: (metric: AlertMetricName, days: number): string => {
      switch (metric) {
        case "rhythmRatio":
          return "Days since last purchase ÷ usual days between purchases";
        case "daysSinceLast":
          return "Days since last purchase";
        case "medianIntervalDays":
          return "Usual days between purchases";
        case "spendChange":
          return `Change in spend: last ${days} days vs the ${days} before`;
        case "spendRecent":
          return `Spend in the last ${days} days`;
        case "spendPrior":
          return `Spend in the ${days} days before that`;
      }
    },
    operators: { ">": "above", ">=": "at least", "<": "below", "<=": "at most" },
    spendWindow: "Spend compared over (days)",
    membersSection: "Members to act on",
    membersNote: (members: number, shown: number, byModel: boolean) =>
      `${whole(members)} ${members === 1 ? "member" : "members"}` +
      (shown < members ? ` (the ${whole(shown)} with the most value at risk are listed)` : "") +
      (byModel
        ? ". Value at risk = predicted value × (1 − P(alive)): what the member would bring if they stay."
        : ". The models could not be used, so the list is sorted by net spend."),
    header: (window: number, months: number) => [
      "Customer ID",
      "Tier",
      "Alert",
      "Days since last purchase",
      "Usual days between purchases",
      `Spend last ${window} days`,
      `Spend previous ${window} days`,
      "Spend change",
      "P(alive)",
      `Predicted value (${months} months)`,
      "Value at risk",
      "Segment",
    ],
    ruleSeparator: "; ",
  },
  "zh-CN": {
    title: "预警",
    intro: (asOf: string) =>
      `截至 ${asOf} 需要跟进的会员。在橙色单元格中修改阈值后重新生成：您输入的值在每次刷新时都会保留。`,
    rules: "预警规则",
    rulesHeader: ["规则", "适用于", "指标", "触发条件", "阈值", "触发会员数"],
    allCustomers: "全部客户",
    listSeparator: "、",
    metric: (metric: AlertMetricName, days: number): string => {
      switch (metric) {
        case "rhythmRatio":
          return "距上次购买天数 ÷ 平时购买间隔天数";
        case "daysSinceLast":
          return "距上次购买天数";
        case "medianIntervalDays":
          return "平时购买间隔天数";
        case "spendChange":
          return `消费额变化：最近 ${days} 天对比之前 ${days} 天`;
        case "spendRecent":
          return `最近 ${days} 天消费额`;
        case "spendPrior":
          return `之前 ${days} 天消费额`;
      }
    },
    operators: { ">": "高于", ">=": "不低于", "<": "低于", "<=": "不高于" },
    spendWindow: "消费额比较期（天）",
    membersSection: "需要跟进的会员",
    membersNote: (members: number, shown: number, byModel: boolean) =>
      `${whole(members)} 位会员` +
      (shown < members ? `（列出流失风险价值最高的 ${whole(shown)} 位）` : "") +
      (byModel
        ? "。流失风险价值 = 预测价值 ×（1 − 存活概率）：会员若留下将带来的价值。"
        : "。模型无法使用，因此按净消费额排序。"),
    header: (window: number, months: number) => [
      "客户ID",
      "等级",
      "预警",
      "距上次购买天数",
      "平时购买间隔天数",
      `最近 ${window} 天消费额`,
      `之前 ${window} 天消费额`,
      "消费额变化",
      "存活概率",
      `预测价值（${months} 个月）`,
      "流失风险价值",
      "客户细分",
    ],
    ruleSeparator: "；",
  },
});

/** The header of the customer id column, by which generated tables keep what users typed on their rows. */
export const CUSTOMER_ID_HEADER = bilingual({ en: "Customer ID", "zh-CN": "客户ID" });
