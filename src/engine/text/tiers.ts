/** The texts of the Tiers sheet (会员等级). */
import { bilingual } from "./bilingual";
import { whole } from "./format";

/** How the tier rules say tiers are reviewed, as the sheet words it. */
export interface ReviewWords {
  asOf: string;
  /** The day "previous" tiers are taken from, and the next review by the rules. */
  previous: string;
  next: string;
  /** A rolling window (re-evaluated at every refresh) or the calendar year (reviewed at its end). */
  rolling: boolean;
  months: number;
  every: number;
  grace: number;
}

export const TIER_TEXTS = bilingual({
  en: {
    title: "Tiers",
    intro: (r: ReviewWords) =>
      r.rolling
        ? `As of ${r.asOf}: tiers are earned by net spend (or purchase days) in the last ${r.months} months and ` +
          `re-evaluated at every refresh. "At last review" means the tiers of ${r.previous}, ${r.every} months ` +
          `earlier; the next review by these rules is on ${r.next}.`
        : `As of ${r.asOf}: tiers are earned by net spend (or purchase days) in the calendar year and reviewed at ` +
          `its end: last review ${r.previous}, next review ${r.next}.`,
    grace: (grace: number) =>
      grace > 1
        ? `A member drops a tier after ${grace} reviews below its minimum.`
        : "A member below the minimum drops a tier at the next review.",
    derivedNote:
      "The minimums were suggested from the data (top 10 %, next 20 %, next 30 % of active customers). " +
      "Type your own in the orange cells and rebuild: your values are kept on every refresh.",
    editNote: "Edit the minimums in the orange cells and rebuild: your values are kept on every refresh.",
    rulesSection: "Tier rules and members",
    noPurchase: "no purchase in the window",
    everyActive: "every active customer",
    header: {
      tier: "Tier",
      minSpend: "Min net spend",
      minSpendNote: "Net spend in the qualifying window needed for the tier",
      minDays: "Min purchase days",
      minDaysNote: "Alternatively, this many purchase days in the window (blank: not used)",
      suggested: "Suggested from data",
      now: "Members now",
      before: "At last review",
      change: "Change",
      share: "% of members",
    },
    minPrompt: "A minimum of at least 0; clear the cell to use the suggestion",
    minError: "Type a number of at least 0",
    upgradeWithin: "Upgrade candidates: within",
    upgradeWithinNote: "… of the next tier's minimum (members this close to the next tier are listed below).",
    chartTitle: "Members per tier: now and at the last review",
    seriesBefore: "At last review",
    seriesNow: "Now",
    migrationCounts: "Migration since the last review (members)",
    migrationNote: "Rows: tier at the last review (New: not a customer then). Columns: tier now.",
    migrationShares: "Migration since the last review (share of each row)",
    fromTo: "From \\ To",
    total: "Total",
    movements: "Movements since the last review",
    movementHeader: ["Movement", "Members"],
    movement: {
      promoted: "Promoted to a higher tier",
      demoted: "Demoted to a lower tier",
      lapsed: "Lapsed (no purchase in the window)",
      reactivated: "Reactivated (bought again)",
      joined: "New customers",
    },
    upgradeSection: "Upgrade candidates",
    upgradeNote: (n: number, within: number, shown: number) =>
      `${whole(n)} ${n === 1 ? "member is" : "members are"} within ${within} % of the next tier's minimum` +
      (shown < n ? ` (the ${whole(shown)} closest are listed).` : "."),
    upgradeHeader: [
      "Customer ID",
      "Tier now",
      "Next tier",
      "Net spend in window",
      "Spend still needed",
      "Purchase days in window",
      "Purchase days still needed",
      "Missing share of minimum",
    ],
    demotionSection: "Demotion risk",
    demotionNote: (n: number, next: string, shown: number) =>
      `${whole(n)} ${n === 1 ? "member" : "members"} will not meet their tier's minimum at the next review ` +
      `(${next}) from what they have bought so far` +
      (shown < n ? ` (the first ${whole(shown)} are listed).` : "."),
    demotionHeader: [
      "Customer ID",
      "Tier",
      "Net spend counting at next review",
      "Spend needed to keep tier",
      "Purchase days counting",
      "Purchase days needed",
      "Demoted at next review",
      "Last purchase",
    ],
    yes: "Yes",
    graceLeft: "No (grace)",
  },
  "zh-CN": {
    title: "会员等级",
    intro: (r: ReviewWords) =>
      r.rolling
        ? `截至 ${r.asOf}：等级按最近 ${r.months} 个月的净消费额（或消费天数）评定，每次刷新时重新评定。` +
          `“上次评级”指 ${r.previous}（${r.every} 个月前）的等级；按现行规则下次评级日为 ${r.next}。`
        : `截至 ${r.asOf}：等级按自然年内的净消费额（或消费天数）评定，于年末评级：上次评级 ${r.previous}，下次评级 ${r.next}。`,
    grace: (grace: number) =>
      grace > 1 ? `连续 ${grace} 次评级低于门槛的会员降一级。` : "低于门槛的会员在下次评级时降一级。",
    derivedNote:
      "门槛根据数据推荐（活跃客户中前 10%、其后 20%、再后 30%）。在橙色单元格中输入您自己的门槛后重新生成：您的值在每次刷新时都会保留。",
    editNote: "在橙色单元格中修改门槛后重新生成：您的值在每次刷新时都会保留。",
    rulesSection: "等级规则与会员数",
    noPurchase: "评定期内无购买",
    everyActive: "所有活跃客户",
    header: {
      tier: "等级",
      minSpend: "最低净消费额",
      minSpendNote: "评定期内达到该等级所需的净消费额",
      minDays: "最少消费天数",
      minDaysNote: "或者评定期内达到这么多消费天数（留空：不使用）",
      suggested: "数据推荐值",
      now: "当前会员数",
      before: "上次评级时",
      change: "变化",
      share: "会员占比",
    },
    minPrompt: "门槛不小于 0；清空单元格则使用推荐值",
    minError: "请输入不小于 0 的数",
    upgradeWithin: "升级候选：差距在",
    upgradeWithinNote: "… 以内（距下一等级门槛这么近的会员列在下方）。",
    chartTitle: "各等级会员数：当前与上次评级时",
    seriesBefore: "上次评级时",
    seriesNow: "当前",
    migrationCounts: "上次评级以来的等级变动（人数）",
    migrationNote: "行：上次评级时的等级（新会员：当时尚未购买）。列：当前等级。",
    migrationShares: "上次评级以来的等级变动（占各行比例）",
    fromTo: "从 \\ 到",
    total: "合计",
    movements: "上次评级以来的变动",
    movementHeader: ["变动", "会员数"],
    movement: {
      promoted: "升级",
      demoted: "降级",
      lapsed: "流失（评定期内无购买）",
      reactivated: "重新激活（再次购买）",
      joined: "新客户",
    },
    upgradeSection: "升级候选",
    upgradeNote: (n: number, within: number, shown: number) =>
      `${whole(n)} 位会员距下一等级门槛不足 ${within}%` +
      (shown < n ? `（列出最接近的 ${whole(shown)} 位）。` : "。"),
    upgradeHeader: [
      "客户ID",
      "当前等级",
      "下一等级",
      "评定期内净消费额",
      "还需消费额",
      "评定期内消费天数",
      "还需消费天数",
      "距门槛差额占比",
    ],
    demotionSection: "降级风险",
    demotionNote: (n: number, next: string, shown: number) =>
      `按目前的购买，${whole(n)} 位会员在下次评级（${next}）时达不到所在等级的门槛` +
      (shown < n ? `（列出前 ${whole(shown)} 位）。` : "。"),
    demotionHeader: [
      "客户ID",
      "等级",
      "下次评级时计入的净消费额",
      "保级还需消费额",
      "计入的消费天数",
      "还需消费天数",
      "下次评级是否降级",
      "最近购买",
    ],
    yes: "是",
    graceLeft: "否（宽限期）",
  },
});
