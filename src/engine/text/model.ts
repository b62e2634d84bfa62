/**
 * The texts of the Model sheet (模型): the holdout comparison, what the models assume, their fits and
 * the check on held-out data. Model names (BG/NBD, Pareto/NBD, Gamma-Gamma) and parameter symbols stay
 * as the literature writes them in both languages.
 */
import { bilingual } from "./bilingual";
import { parameterSymbol } from "./fit-stop";

type Unit = "day" | "week" | "month";

const UNIT_ZH: Record<Unit, string> = { day: "天", week: "周", month: "月" };

export const MODEL_TEXTS = bilingual({
  en: {
    title: (label: string, chosenOnHoldout: boolean) =>
      `Purchase model (${label}${chosenOnHoldout ? ", chosen on held-out data" : ""}) and spend model (Gamma-Gamma)`,
    noneFit: "none fit to use",
    intro: (asOf: string, unit: Unit) =>
      `Fitted on every purchase up to ${asOf}; time in ${unit}s; purchases on one day count once.`,
    timeUnit: (unit: Unit) =>
      `The time unit does not change the predictions: fitted in another unit, r, a, b and s stay the same, ` +
      `α and β scale with the unit, and every P(alive), expected purchase and value is the same (setting ` +
      `timeUnit, now ${unit}s; loyalty fit --unit).`,
    choiceSection: "Which purchase model, and why",
    choiceHeader: {
      model: "Model",
      fit: "Fit",
      fitNote: "ok, weak (usable with care) or degenerate (never used): see the diagnosis below",
      byGroup: "Error by group",
      byGroupNote:
        "Held-out purchases: Σ over groups of customers with 0, 1, ..., 7+ purchases before of |predicted − actual|, over all actual purchases. The choice uses it.",
      total: "Error of the total",
      totalNote: "(predicted − actual) / actual held-out purchases of all customers",
      perCustomer: "Error per customer",
      perCustomerNote: "Mean over customers of |predicted − actual| held-out purchases",
      bic: "BIC",
      bicNote: "Bayesian information criterion of the fit on the calibration period (lower is better)",
      used: "Used",
    },
    fitClass: { ok: "ok", weak: "weak", degenerate: "degenerate" },
    yes: "yes",
    assumptionsSection: "What the models assume",
    assumptions: {
      bgnbd: [
        "BG/NBD (Fader, Hardie & Lee 2005): while a customer is active, they buy at their own steady rate, at random moments.",
        "After each purchase they may drop out for good, with their own probability. Rates and drop-out chances differ",
        "from customer to customer (gamma and beta distributions). Nobody says they have left: P(alive) is the model's estimate.",
      ],
      pnbd: [
        "Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while a customer is active, they buy at their own steady rate,",
        "at random moments; each customer stays active for a random, unobserved lifetime. Purchase rates and lifetimes",
        "differ from customer to customer (gamma distributions). P(alive) is the model's estimate that the lifetime has not ended.",
      ],
    } as Partial<Record<string, string[]>>,
    spendAssumptions:
      "Gamma-Gamma: each customer's spend per purchase varies around their own average, and how much a customer " +
      "spends does not depend on how often they buy. It is fitted on customers with repeat purchases.",
    limits:
      "They use only the purchase history (how often, how recently, how much), not prices, campaigns or seasons; " +
      "their predictions are averages over many customers, reliable for groups more than for one person.",
    oneTimeBuyers: (label: string) =>
      `${label} never lets a customer without repeat purchases drop out (Hardie's note 021 calls this a shortcoming of ` +
      "the model): its P(alive) for them is 100 % whatever their age. The Customers sheet shows them as " +
      '"not yet repeated" instead.',
    notRun: "The models were not run for this report (no selected sheet needs them).",
    purchaseSection: (label: string) => `Purchase model: ${label}`,
    spendSection: "Spend model: Gamma-Gamma",
    customersFitted: "Customers fitted",
    customersWithRepeats: "Customers with repeat purchases",
    customersInCheck: "Customers in the check",
    status: "Status",
    logLikelihood: "Log-likelihood",
    diagnosis: "Diagnosis",
    converged: "converged",
    notFitted: "not fitted",
    notUsed: (problem: string) => `not used: ${problem}`,
    parameterHeader: ["Parameter", "Estimate", "Std. error", "Meaning"],
    parameterName: (name: string) => (name === "v" ? "γ (v)" : name),
    meaning: (unit: Unit): Record<string, string> => ({
      r: "shape of the spread of purchase rates",
      alpha: `scale of the spread of purchase rates (${unit}s)`,
      p: "shape of the spend per purchase",
      q: "shape of the spread of average spend",
      v: "scale of the spread of average spend",
      s: "shape of the spread of drop-out rates",
      beta: `scale of the spread of drop-out rates (${unit}s)`,
      a: "drop-out chance after a purchase: a / (a + b) on average",
      b: "see a",
    }),
    plainSection: "In plain figures",
    purchasesPer: (unit: Unit) => `Purchases per ${unit} of an active customer`,
    dropOutRatePer: (unit: Unit) => `Average drop-out rate per ${unit}`,
    dropOutChance: "Average chance of dropping out after a purchase",
    averageSpend: "Average spend per purchase (model)",
    checkSection: "Check on held-out data",
    noCheck: (why: string) => `No check: ${why}.`,
    checkIntro: (label: string | null, calibrationEnd: string, cohort: string, days: number) =>
      `${label ?? "The purchase model"} was fitted again on the purchases up to ${calibrationEnd} ` +
      `(${cohort} had bought by then) and asked to predict the ${days} days after it.`,
    customersCount: (n: string, one: boolean) => `${n} ${one ? "customer" : "customers"}`,
    checkTotals: (actual: string, predicted: string, gap: string) =>
      `Repeat purchases in those days: ${actual} actual, ${predicted} predicted (${gap}).`,
    byFrequencySection: "Predicted vs actual purchases in the held-out days, by purchases before",
    holdoutHeader: {
      before: "Repeat purchases before",
      customers: "Customers",
      actual: "Actual per customer",
      actualNote: "Mean repeat purchases per customer in the held-out days",
      predicted: "Predicted per customer",
      predictedNote: "Mean the model predicted for those customers",
      difference: "Difference",
      all: "All",
    },
    trackingSection: "Tracking data",
    trackingNote: (weekly: boolean, calibrationEnd: string) =>
      `Cumulative repeat purchases of all customers at the end of each ${weekly ? "week" : "month"}; the model was fitted on the ` +
      `data up to ${calibrationEnd}.`,
    trackingHeader: ["Period ending", "Actual", "Model", "Held out"],
    trackingChart: (calibrationEnd: string) =>
      `Cumulative repeat purchases: actual vs model (fitted up to ${calibrationEnd})`,
    trackingAxis: "Repeat purchases (cumulative)",
  },
  "zh-CN": {
    title: (label: string, chosenOnHoldout: boolean) =>
      `购买模型（${label}${chosenOnHoldout ? "，按留出期数据选出" : ""}）与消费金额模型（Gamma-Gamma）`,
    noneFit: "无可用模型",
    intro: (asOf: string, unit: Unit) =>
      `基于截至 ${asOf} 的全部购买拟合；时间以${UNIT_ZH[unit]}计；同一天的多次购买计为一次。`,
    timeUnit: (unit: Unit) =>
      `时间单位不改变预测：换用其他单位拟合时，r、a、b 和 s 不变，α 和 β 随单位缩放，每位客户的存活概率、预期购买次数和价值都相同` +
      `（当前以${UNIT_ZH[unit]}计，可在报表设置中更改）。`,
    choiceSection: "选用哪个购买模型，以及原因",
    choiceHeader: {
      model: "模型",
      fit: "拟合",
      fitNote: "良好、较弱（谨慎使用）或退化（从不使用）：见下方诊断",
      byGroup: "分组误差",
      byGroupNote:
        "留出期的购买：按此前购买 0、1、…、7 次及以上分组，各组 |预测 − 实际| 之和除以全部实际购买。模型按此选择。",
      total: "总量误差",
      totalNote: "全部客户留出期购买的（预测 − 实际）/ 实际",
      perCustomer: "每位客户误差",
      perCustomerNote: "各客户留出期购买 |预测 − 实际| 的平均值",
      bic: "BIC",
      bicNote: "校准期拟合的贝叶斯信息准则（越低越好）",
      used: "采用",
    },
    fitClass: { ok: "良好", weak: "较弱", degenerate: "退化" },
    yes: "是",
    assumptionsSection: "模型的假设",
    assumptions: {
      bgnbd: [
        "BG/NBD（Fader、Hardie 与 Lee 2005）：客户活跃期间以各自稳定的频率在随机时刻购买。",
        "每次购买后，客户都可能以各自的概率永久流失。购买频率和流失概率因人而异（伽马分布和贝塔分布）。",
        "客户不会告知已经离开：存活概率是模型的估计。",
      ],
      pnbd: [
        "Pareto/NBD（Schmittlein、Morrison 与 Colombo 1987）：客户活跃期间以各自稳定的频率在随机时刻购买；",
        "每位客户的活跃期是一段随机、不可观测的生命周期。购买频率和生命周期因人而异（伽马分布）。",
        "存活概率是模型对生命周期尚未结束的估计。",
      ],
    },
    spendAssumptions:
      "Gamma-Gamma：每位客户每次购买的金额围绕其自身平均值波动，且消费多少与购买频率无关。仅用有重复购买的客户拟合。",
    limits:
      "模型只使用购买历史（频率、最近一次、金额），不考虑价格、活动或季节；其预测是对许多客户的平均，对群体比对个人更可靠。",
    oneTimeBuyers: (label: string) =>
      `${label} 从不让没有重复购买的客户流失（Hardie 的第 021 号笔记称之为该模型的缺陷）：无论首购多久以前，其存活概率都是 100%。` +
      "“客户”工作表对这些客户显示“尚未复购”。",
    notRun: "本报表未运行模型（所选工作表都不需要）。",
    purchaseSection: (label: string) => `购买模型：${label}`,
    spendSection: "消费金额模型：Gamma-Gamma",
    customersFitted: "参与拟合的客户",
    customersWithRepeats: "有重复购买的客户",
    customersInCheck: "参与检验的客户",
    status: "状态",
    logLikelihood: "对数似然",
    diagnosis: "诊断",
    converged: "已收敛",
    notFitted: "未拟合",
    notUsed: (problem: string) => `未使用：${problem}`,
    parameterHeader: ["参数", "估计值", "标准误", "含义"],
    parameterName: parameterSymbol,
    meaning: (unit: Unit): Record<string, string> => ({
      r: "购买频率分布的形状",
      alpha: `购买频率分布的尺度（${UNIT_ZH[unit]}）`,
      p: "每次消费金额的形状",
      q: "平均消费金额分布的形状",
      v: "平均消费金额分布的尺度",
      s: "流失率分布的形状",
      beta: `流失率分布的尺度（${UNIT_ZH[unit]}）`,
      a: "每次购买后的流失概率：平均为 a / (a + b)",
      b: "见 a",
    }),
    plainSection: "直观数字",
    purchasesPer: (unit: Unit) => `活跃客户每${UNIT_ZH[unit]}购买次数`,
    dropOutRatePer: (unit: Unit) => `每${UNIT_ZH[unit]}平均流失率`,
    dropOutChance: "每次购买后的平均流失概率",
    averageSpend: "每次购买的平均金额（模型）",
    checkSection: "留出期检验",
    noCheck: (why: string) => `未检验：${why}。`,
    checkIntro: (label: string | null, calibrationEnd: string, cohort: string, days: number) =>
      `${label ?? "购买模型"} 在截至 ${calibrationEnd} 的购买上重新拟合（当时已有 ${cohort}购买过），并预测之后的 ${days} 天。`,
    // Chinese has no plural: the second argument is not needed.
    customersCount: (n: string, _one: boolean) => `${n} 位客户`,
    checkTotals: (actual: string, predicted: string, gap: string) =>
      `这些天内的重复购买：实际 ${actual} 次，预测 ${predicted} 次（${gap}）。`,
    byFrequencySection: "留出期预测与实际购买，按此前购买次数分组",
    holdoutHeader: {
      before: "此前重复购买次数",
      customers: "客户数",
      actual: "每位客户实际",
      actualNote: "留出期内每位客户的平均重复购买次数",
      predicted: "每位客户预测",
      predictedNote: "模型对这些客户预测的平均值",
      difference: "差异",
      all: "全部",
    },
    trackingSection: "跟踪数据",
    trackingNote: (weekly: boolean, calibrationEnd: string) =>
      `全部客户在每${weekly ? "周" : "月"}末的累计重复购买次数；模型基于截至 ${calibrationEnd} 的数据拟合。`,
    trackingHeader: ["期末", "实际", "模型", "留出期"],
    trackingChart: (calibrationEnd: string) => `累计重复购买：实际与模型（拟合截至 ${calibrationEnd}）`,
    trackingAxis: "重复购买（累计）",
  },
});

/** Why the purchase model's predictions are not used, by problem code (the English keeps the detail). */
export const MODEL_PROBLEM_TEXTS_ZH = {
  modelNoHistory: (model: string) => `${model} 无法拟合：没有客户有可用于拟合的购买记录`,
  modelNotConverged: (model: string) => `${model} 拟合未收敛（客户或重复购买可能太少）`,
  modelFailed: (model: string) => `${model} 无法拟合`,
  modelDegenerate: (model: string) => `${model} 拟合退化（数据无法确定其参数），未使用其预测`,
} as const;
