/**
 * The words of the Benefit cost sheet (权益成本): the reconciliation, comparison, break-even and cost
 * blocks here, the labels, units and notes of every other block in benefit-cost-sheet.ts; both languages
 * (the shared catalogue's pattern: src/engine/text/bilingual.ts). Texts that a formula builds
 * (the lift message) come from here too, so the engine's expected value and the formula agree in either
 * language.
 */
import type { BacktestSplit } from "../projection/reconciliation";
import { bilingual } from "./bilingual";
import { SHEET_TEXTS } from "./benefit-cost-sheet";
import { whole } from "./format";

const pct = (x: number, space: string) => `${(x * 100).toFixed(1)}${space}%`;

/** Why the backtest's error is split (the notes of its two parts). */
const BACKTEST_SPLIT_WHY =
  "Errors of opposite sign that cancel in the total mean the model is right for the wrong reasons: tiers " +
  "as a chain without memory may carry established members too long and give new ones the spend of the " +
  "tier they join, while new members often buy more in their first months.";
const BACKTEST_SPLIT_WHY_ZH =
  "符号相反、在合计中相互抵消的误差说明模型碰巧对了：没有记忆的等级链可能让老会员留得过久，" +
  "并给新会员其加入等级的人均消费，而新会员在最初几个月往往买得更多。";

export const BENEFIT_COST_TEXTS = bilingual({
  en: {
    reconciliationTitle: "Reconciliation: the model against what the business sold",
    revenue: "Revenue",
    total: "Total",
    actual: (months: number, asOf: string) => `Actual, last ${months} months to ${asOf}`,
    actualNote:
      "Net spend of all customers in the data. Per tier: by the tier each customer held at the end of each " +
      "period. The total includes spend of customers without a tier at a period end (refunds, mostly).",
    backtest: (asOf: string) => `Backtest: projected as of ${asOf}`,
    backtestNote: (months: number) =>
      "The same no-change model run on the data up to a year before the as-of date only, projecting the " +
      `${months} months it did not see.`,
    backtestImpossible: (asOf: string) => `Backtest as of ${asOf}`,
    notPossible: "not possible",
    backtestError: "Backtest error",
    none: "none",
    errorNote: "Projected / actual − 1.",
    backtestExisting: (asOf: string) => `  customers who had bought by ${asOf}`,
    backtestJoined: (actual: number, projected: number) =>
      `  new customers: ${whole(actual)} (${whole(projected)} projected)`,
    backtestPartNote: {
      existing:
        "The error of the customers who had bought by the backtest date: what they spent in the year " +
        "checked against the backtest without intake. " +
        BACKTEST_SPLIT_WHY,
      joined:
        "The error of the customers whose first purchase fell in the year checked: what they spent in it " +
        "against the backtest's intake. " +
        BACKTEST_SPLIT_WHY,
    },
    next: (months: number) => `Next ${months} months, no change`,
    nextNote:
      "The projection from the baseline alone: members now, moved by the measured migration, the measured " +
      "intake, spend per member of the last year, the seasonal index; no lift, no scenario.",
    growth: "Growth over the actual, from:",
    growthNote: "Next / actual − 1.",
    causes: {
      membersNow: [
        "  members now against the year's average",
        "The members per tier the year ended with, at the year's spend per member, against what the year " +
          "sold: the growth the year already made.",
      ],
      intake: [
        "  new-member intake",
        "The new members the year brought per period, joining again each period.",
      ],
      migration: [
        "  migration between tiers and lapse",
        "Members moving between tiers, new members becoming established ones, and lapsing, at the rates " +
          "of the last year.",
      ],
      spendPerMember: [
        "  spend per member",
        "Held at the average of the last year per tier and tenure: only the spend of customers without a tier at a " +
          "period end (refunds, mostly) is not carried forward.",
      ],
      seasonality: [
        "  seasonality",
        "The seasonal index moves revenue between periods; over a whole year it adds only what the member " +
          "growth within the year makes of it.",
      ],
    },
    reasons: {
      shortHistory: (months: number) => `the backtest's baseline had only ${months} months of history`,
      noSeasonalIndex: "it had no seasonal index (that needs 24 months of history before the backtest date)",
      trend: (actual: number, projected: number) =>
        `the business grew ${pct(actual, " ")} that year; holding the year before's drivers, the model ` +
        `projected ${pct(projected, " ")}`,
      newMembers: (s: BacktestSplit) =>
        `customers of a year before ${pct(s.existing.error, " ")}, the year's new ones ` +
        `${pct(s.joined.error, " ")} (rows above)`,
    },
    noBacktest: (months: number, needed: number) =>
      `No backtest: the data covers ${months} months; a backtest needs ${needed} (a year to check and a ` +
      "period before it to start from). Read the projection as an untested estimate.",
    withinTarget: (target: number, months: number, error: number) =>
      `Backtest within ±${target * 100} %: run a year ago, the model projected the last ${months} months ` +
      `within ${pct(error, " ")}.`,
    outsideTarget: (error: number, target: number) =>
      `Backtest error ${pct(error, " ")}, outside ±${target * 100} %: read the projection as a range, not ` +
      "a point.",
    why: (reasons: string[]) => `Why it may be: ${reasons.join("; ")}.`,
    window: (over: string, season: string) =>
      `Spend per member, new members and migration are averages over ${over}; seasonal index: ${season}. ` +
      "Values from the data: Refresh updates them.",
    lastMonths: (months: number) => `the last ${months} months`,
    wholeHistory: (months: number) =>
      `the whole history, ${months} months: shorter than a year, so the actual covers only those months`,
    season: {
      estimated: "estimated from the two years before the as-of date, trend removed",
      tooLittleHistory: "1 for every period: it needs 24 months of history",
      periodNotDividingYear: "1 for every period: the period length does not divide the year",
      noRevenue: "1 for every period: a year without revenue",
    },
    comparisonTitle: (T: number) => `Programmes side by side, over the ${T} periods`,
    programme: "Programme",
    noChange: "No change",
    noChangeNote: "No programme: the business at its baseline spend, no benefit cost.",
    asSet: "As set",
    asSetNote: "The programme with the assumptions and scenario above.",
    cheaper: (tier: string) => `Cheaper ${tier}`,
    cheaperNote:
      "The programme as set with the top tier's variable benefit costs and spend lift × the factors below.",
    comparisonRows: {
      revenue: "Revenue",
      benefitCost: "Benefit cost",
      marginAfterBenefits: "Gross margin after benefits",
      netEffect: "Net effect against no change",
      roi: "ROI of the benefits",
    },
    alternative: {
      topTierCost: "top tier's variable benefit costs ×",
      topTierLift: "top tier's spend lift ×",
    },
    payback: "Payback period",
    paybackNote: "Months until the cumulative net effect of the benefits is 0 or more.",
    noPayback: (T: number) => `not within the ${T} periods`,
    months: "months",
    assumedLift: "Spend lift assumed, all tiers",
    assumedLiftNote: "Incremental revenue / revenue at baseline spend: the tiers' spend lifts, weighted.",
    breakEven: "Break-even spend lift",
    breakEvenNote:
      "The spend lift, the same for every tier, at which the incremental margin pays the benefit cost: " +
      "(benefit cost without lift) / (gross margin × revenue at baseline spend − the points and discounts " +
      "that revenue earns). Compare it with the assumed lift above.",
    noBreakEven: "no lift pays the benefits",
    lift: {
      none: "No spend lift pays the benefit cost: each unit of lift costs more in points and discounts than it brings",
      zero: ["No lift assumed: the programme pays for itself above ", " lift"],
      pays: ["The assumed lift of ", " pays the benefit cost (break-even lift ", ")"],
      short: [
        "The assumed lift of ",
        " is below the break-even lift of ",
        ": the benefits cost more than they bring",
      ],
    },
    liftSource: "Where the spend lift comes from",
    liftSourceNote:
      "Say where the spend lifts of the tiers come from: an assumption, or a measured campaign lift (which " +
      "campaign, which period). Kept on refresh.",
    liftSourceDefault: "assumption, not measured",
    seasonalIndex: "Seasonal index",
    seasonalIndexNote:
      "The period's revenue against the year's mean period, from the data (see the reconciliation at the " +
      "top): revenue, points and discounts of the period are × this. Type over it to try another season.",
    yearOfHorizon: "Year of the horizon",
    yearsTitle: "Totals by year of the horizon",
    year: "Year",
    tierCostTitle: (T: number) =>
      `Cost per tier over the ${T} periods (the programme fixed cost is not a tier's)`,
    allTiers: "All tiers",
    sheet: SHEET_TEXTS.en,
  },
  "zh-CN": {
    reconciliationTitle: "核对：模型与实际销售",
    revenue: "收入",
    total: "合计",
    actual: (months: number, asOf: string) => `实际，截至 ${asOf} 的最近 ${months} 个月`,
    actualNote:
      "数据中全部顾客的净消费。按等级：按每位顾客在各期期末所处的等级。合计含期末无等级顾客的消费（主要是退款）。",
    backtest: (asOf: string) => `回测：以 ${asOf} 为基准的预测`,
    backtestNote: (months: number) =>
      `同一“不变”模型只用截至基准日前一年的数据运行，预测它未见过的 ${months} 个月。`,
    backtestImpossible: (asOf: string) => `以 ${asOf} 为基准的回测`,
    notPossible: "无法进行",
    backtestError: "回测误差",
    none: "无",
    errorNote: "预测 / 实际 − 1。",
    backtestExisting: (asOf: string) => `  截至 ${asOf} 已购买的顾客`,
    backtestJoined: (actual: number, projected: number) =>
      `  新顾客：${whole(actual)} 位（预测 ${whole(projected)} 位）`,
    backtestPartNote: {
      existing:
        "回测日之前已购买的顾客的误差：他们在检验年度的消费与不含新会员的回测相比。" + BACKTEST_SPLIT_WHY_ZH,
      joined:
        "首次购买在检验年度内的顾客的误差：他们在该年度的消费与回测的新会员部分相比。" +
        BACKTEST_SPLIT_WHY_ZH,
    },
    next: (months: number) => `未来 ${months} 个月，不变`,
    nextNote:
      "仅由基线得出的预测：现有会员按实测迁移变化，按实测入会人数新增，人均消费取最近一年平均，乘以季节指数；不含提升，不含情景。",
    growth: "相对实际的增长，来自：",
    growthNote: "未来 / 实际 − 1。",
    causes: {
      membersNow: [
        "  现有会员相对全年平均",
        "年末各等级会员按全年人均消费计算，与全年实际销售相比：这一年已实现的增长。",
      ],
      intake: ["  新会员加入", "按最近一年每期的新会员人数，每期继续加入。"],
      migration: ["  等级迁移与流失", "会员按最近一年的比率在等级间迁移、由新会员转为老会员以及流失。"],
      spendPerMember: [
        "  人均消费",
        "各等级新老会员保持最近一年的平均水平：只有期末无等级顾客的消费（主要是退款）不计入预测。",
      ],
      seasonality: ["  季节性", "季节指数在各期之间调配收入；全年合计只增加年内会员增长带来的部分。"],
    },
    reasons: {
      shortHistory: (months: number) => `回测基线只有 ${months} 个月的历史`,
      noSeasonalIndex: "回测没有季节指数（需要回测日之前 24 个月的历史）",
      trend: (actual: number, projected: number) =>
        `业务当年增长 ${pct(actual, "")}，而沿用上一年驱动因素的模型预测为 ${pct(projected, "")}（趋势：会员升级或消费与上一年不同）`,
      newMembers: (s: BacktestSplit) =>
        `一年前已有的顾客偏差 ${pct(s.existing.error, "")}，当年新顾客偏差 ${pct(s.joined.error, "")}（见上方两行）`,
    },
    noBacktest: (months: number, needed: number) =>
      `无回测：数据只覆盖 ${months} 个月，回测需要 ${needed} 个月（一年用于检验，之前至少一期作为起点）。请把预测视为未经检验的估计。`,
    withinTarget: (target: number, months: number, error: number) =>
      `回测在 ±${target * 100}% 以内：一年前运行的模型对最近 ${months} 个月的预测误差为 ${pct(error, "")}。`,
    outsideTarget: (error: number, target: number) =>
      `回测误差 ${pct(error, "")}，超出 ±${target * 100}%：请把预测视为区间，而非一个点。`,
    why: (reasons: string[]) => `可能的原因：${reasons.join("；")}。`,
    window: (over: string, season: string) =>
      `人均消费、新会员和迁移取${over}的平均；季节指数：${season}。数据中的值：刷新时更新。`,
    lastMonths: (months: number) => `最近 ${months} 个月`,
    wholeHistory: (months: number) => `全部历史（${months} 个月，不足一年，实际只覆盖这些月份）`,
    season: {
      estimated: "由基准日前两年估计，已去除趋势",
      tooLittleHistory: "每期为 1：需要 24 个月的历史",
      periodNotDividingYear: "每期为 1：期长不能整除一年",
      noRevenue: "每期为 1：有一年没有收入",
    },
    comparisonTitle: (T: number) => `方案对比（${T} 期合计）`,
    programme: "方案",
    noChange: "不变",
    noChangeNote: "无会员方案：业务保持基线消费，无权益成本。",
    asSet: "按设定",
    asSetNote: "按上方假设和情景的会员方案。",
    cheaper: (tier: string) => `降低${tier}成本`,
    cheaperNote: "按设定的方案，最高等级的可变权益成本和消费提升乘以下方系数。",
    comparisonRows: {
      revenue: "收入",
      benefitCost: "权益成本",
      marginAfterBenefits: "扣除权益后的毛利",
      netEffect: "相对不变的净效果",
      roi: "权益投资回报率",
    },
    alternative: {
      topTierCost: "最高等级可变权益成本 ×",
      topTierLift: "最高等级消费提升 ×",
    },
    payback: "回收期",
    paybackNote: "权益的累计净效果达到 0 或以上所需的月数。",
    noPayback: (T: number) => `${T} 期内未回收`,
    months: "月",
    assumedLift: "假设的消费提升（全部等级）",
    assumedLiftNote: "增量收入 / 基线消费收入：各等级消费提升的加权值。",
    breakEven: "盈亏平衡消费提升",
    breakEvenNote:
      "各等级相同的消费提升，在该提升下增量毛利恰好覆盖权益成本：（无提升时的权益成本）/（毛利率 × 基线消费收入 − 该收入产生的积分和折扣）。请与上方假设的提升比较。",
    noBreakEven: "任何提升都无法覆盖权益成本",
    lift: {
      none: "任何消费提升都无法覆盖权益成本：每单位提升带来的积分和折扣成本高于其毛利",
      zero: ["未假设提升：消费提升超过 ", " 时方案即可自负盈亏"],
      pays: ["假设的提升 ", " 可覆盖权益成本（盈亏平衡提升 ", "）"],
      short: ["假设的提升 ", " 低于盈亏平衡提升 ", "：权益成本高于其带来的收益"],
    },
    liftSource: "消费提升的来源",
    liftSourceNote: "说明各等级消费提升的来源：假设，或实测的活动提升（哪个活动、哪个时期）。刷新时保留。",
    liftSourceDefault: "假设，未经实测",
    seasonalIndex: "季节指数",
    seasonalIndexNote:
      "该期收入相对全年平均期的比值，来自数据（见顶部的核对）：该期的收入、积分和折扣乘以此值。可改写以试算其他季节。",
    yearOfHorizon: "预测年度",
    yearsTitle: "按预测年度合计",
    year: "年度",
    tierCostTitle: (T: number) => `各等级 ${T} 期的成本（方案固定成本不属于任何等级）`,
    allTiers: "全部等级",
    sheet: SHEET_TEXTS["zh-CN"],
  },
});

export type BenefitCostTexts = (typeof BENEFIT_COST_TEXTS)["en"];
