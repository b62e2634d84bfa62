/** The texts of the Campaigns sheet (活动效果). */
import { bilingual } from "./bilingual";

/** A lift as a signed percentage ("+15.2 %"), "–" when there is none. */
export const signedPercent = (v: number) =>
  Number.isFinite(v) ? `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %` : "–";
const pct = signedPercent;

export const CAMPAIGN_TEXTS = bilingual({
  en: {
    /** The row labels of =LOYALTY.LIFT(..., headers TRUE). */
    liftLabels: [
      "lift",
      "lift low (95 %)",
      "lift high (95 %)",
      "spend effect per member",
      "matched",
      "unmatched",
      "naive lift",
    ],
    title: "Campaigns",
    none:
      "No campaign history: add a sheet named Campaigns (member id, campaign, start date, optional end date " +
      "and cost; one row per member and campaign), give a file with --campaigns FILE, or a campaign column " +
      "on the order lines.",
    subtitle: (source: string, rows: number) =>
      `What each campaign did, from ${source} (${rows.toLocaleString("en-US")} participation rows), measured ` +
      "against members who did not take part but looked the same before it.",
    method:
      "Method: spend per member in the window after the start minus the same length before it, participants " +
      "minus matched controls (same tier × recency × frequency × recent-spend band, taken from the history " +
      "before the before-window), weighted by the participants of each stratum: a difference-in-differences. " +
      "95 % interval: 1,000 bootstrap resamples within the strata (seeded: the same data give the same interval).",
    assumption:
      "It is right when who took part depends on what the strata capture (how much and how often members " +
      "bought), not on a change in their lives at the start; members who join because they are about to buy " +
      "anyway make the lift look bigger.",
    fromLines:
      "Taken from the campaign column of the order lines: only members who BOUGHT during a campaign are seen " +
      "as taking part, which makes every lift look bigger. A Campaigns sheet of who was offered it is better.",
    problems: "Rows of the campaign table not used as they are:",
    summary: "Summary",
    headers: [
      "Campaign",
      "Verdict",
      "First start",
      "Window (days)",
      "Participants",
      "Matched",
      "Unmatched",
      "Lift",
      "Lift low (95 %)",
      "Lift high (95 %)",
      "Spend effect per member",
      "Purchase days effect per member",
      "Incremental revenue",
      "Cost",
      "ROI",
      "Naive lift (participants vs all others)",
    ],
    notes: {
      lift: "Extra spend over what the participants would have spent without the campaign",
      naive:
        "NAIVE: participants' spend after the start over all other members' − 1, selection bias included",
      roi: "(incremental revenue × margin − cost of the matched participants) / that cost",
      unmatched:
        "Not in the orders, no purchase before the comparison, window not over, or no control in the stratum",
    },
    verdict: (matched: number, measurable: boolean, estimate: number, low: number, high: number) =>
      matched === 0
        ? "not measurable: no participant could be matched"
        : measurable
          ? `${estimate > 0 ? "raised" : "lowered"} spend by ${pct(estimate)} (95 %: ${pct(low)} to ${pct(high)})`
          : `no measurable effect (95 %: ${pct(low)} to ${pct(high)} includes 0)`,
    detail: (name: string) => `Campaign: ${name}`,
    facts: {
      window: "Window before and after each start (days)",
      participants: "Participants listed",
      matched: "Matched",
      notInOrders: "Unmatched: not in the order data",
      noHistory: "Unmatched: no purchase before the comparison",
      windowNotOver: "Unmatched: window not over by the as-of date",
      noControl: "Unmatched: no control in their stratum",
      controls: "Controls used",
      pBefore: "Participants: spend per member before",
      pAfter: "Participants: spend per member after",
      cBefore: "Matched controls: spend per member before",
      cAfter: "Matched controls: spend per member after",
      effect: "Effect on spend per member (95 %)",
      naive: "Naive comparison (participants vs all others after the start)",
    },
    strata: "Strata (the matched comparison, stratum by stratum)",
    strataHeaders: [
      "Start",
      "Tier",
      "Recency (3 = recent)",
      "Frequency (3 = often)",
      "Recent-spend band (0 = none)",
      "Participants",
      "Controls",
      "Participants before",
      "Participants after",
      "Controls before",
      "Controls after",
      "Difference of changes",
    ],
    strataCut: (shown: number, all: number) => `The ${shown} largest of ${all} strata.`,
  },
  "zh-CN": {
    liftLabels: [
      "提升",
      "提升下限（95 %）",
      "提升上限（95 %）",
      "人均消费效果",
      "已匹配",
      "未匹配",
      "简单比较的提升",
    ],
    title: "活动效果",
    none: '没有活动记录：请添加名为 "Campaigns"（或"活动"）的工作表（会员编号、活动、开始日期，可选结束日期和成本；每位会员每个活动一行），或用 --campaigns FILE 指定文件，或在订单行中加入活动列。',
    subtitle: (source: string, rows: number) =>
      `各活动的效果，数据来自 ${source}（${rows.toLocaleString("en-US")} 行参与记录），与活动前情况相同但未参与的会员对比。`,
    method:
      "方法：活动开始后窗口期的人均消费减去开始前同样长度的人均消费，参与者减去匹配对照组（等级 × 最近购买 × 购买频次 × 近期消费档位相同，取自对比期之前的历史），按各层参与人数加权：双重差分。95 % 区间：在各层内自助抽样 1,000 次（固定种子：相同数据得到相同区间）。",
    assumption:
      "前提：会员是否参与取决于分层所反映的情况（购买多少、多频繁），而不是开始时生活中的变化；如果会员因本来就要购买而参与，提升会被高估。",
    fromLines:
      '来自订单行的活动列：只有在活动期间购买过的会员才被视为参与者，这会使每个提升都显得更大。最好提供一张记录向谁发放了活动的 "Campaigns" 工作表。',
    problems: "活动表中未按原样使用的行：",
    summary: "汇总",
    headers: [
      "活动",
      "结论",
      "首次开始",
      "窗口（天）",
      "参与人数",
      "已匹配",
      "未匹配",
      "提升",
      "提升下限（95 %）",
      "提升上限（95 %）",
      "人均消费效果",
      "人均购买天数效果",
      "增量收入",
      "成本",
      "投资回报率",
      "简单比较的提升（参与者对其他所有人）",
    ],
    notes: {
      lift: "相对于参与者在没有活动时的消费所多出的消费",
      naive: "简单比较：参与者活动后消费除以其他所有会员的消费 − 1，包含选择偏差",
      roi: "（增量收入 × 毛利率 − 已匹配参与者的成本）/ 该成本",
      unmatched: "不在订单中、对比期前没有购买、窗口期未结束，或所在分层没有对照",
    },
    verdict: (matched: number, measurable: boolean, estimate: number, low: number, high: number) =>
      matched === 0
        ? "无法衡量：没有可匹配的参与者"
        : measurable
          ? `消费${estimate > 0 ? "提升" : "下降"} ${pct(estimate)}（95 %：${pct(low)} 至 ${pct(high)}）`
          : `没有可测量的效果（95 %：${pct(low)} 至 ${pct(high)}，包含 0）`,
    detail: (name: string) => `活动：${name}`,
    facts: {
      window: "每次开始前后的窗口（天）",
      participants: "列出的参与者",
      matched: "已匹配",
      notInOrders: "未匹配：不在订单数据中",
      noHistory: "未匹配：对比期前没有购买",
      windowNotOver: "未匹配：截至日期时窗口期未结束",
      noControl: "未匹配：所在分层没有对照",
      controls: "使用的对照会员",
      pBefore: "参与者：活动前人均消费",
      pAfter: "参与者：活动后人均消费",
      cBefore: "匹配对照：活动前人均消费",
      cAfter: "匹配对照：活动后人均消费",
      effect: "人均消费效果（95 %）",
      naive: "简单比较（活动后参与者对其他所有人）",
    },
    strata: "分层（逐层的匹配比较）",
    strataHeaders: [
      "开始",
      "等级",
      "最近购买（3 = 最近）",
      "购买频次（3 = 频繁）",
      "近期消费档位（0 = 无）",
      "参与人数",
      "对照人数",
      "参与者活动前",
      "参与者活动后",
      "对照活动前",
      "对照活动后",
      "变化之差",
    ],
    strataCut: (shown: number, all: number) => `列出 ${all} 个分层中最大的 ${shown} 个。`,
  },
});
