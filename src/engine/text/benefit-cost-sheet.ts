/**
 * The labels, units and notes of the Benefit cost sheet's assumption, baseline, projection, key-result
 * and sensitivity blocks, in both languages (the reconciliation, comparison and break-even words are in
 * benefit-cost.ts, which gives these as its `sheet` group). Texts that a formula builds (the check line)
 * come from here too, so the engine's expected value and the formula agree in either language; they hold
 * no double quote, which a formula's text cannot.
 */
import type { ProgrammeAssumptions, TierAssumptions } from "../projection/assumptions";
import type { ProjectionLineKey, TierTotals } from "../projection/project";
import type { EffectiveDrivers, ScenarioKey, ScenarioMultipliers } from "../projection/scenarios";
import { bilingual } from "./bilingual";

type Labelled = readonly [label: string, note: string];

/** The currency of the money and where it came from, as the subtitle says it. */
export interface MoneyWords {
  /** The symbol shown ("" for none). */
  symbol: string;
  from: "setting" | "column" | "amounts" | "none";
  /** ISO code, the column's letter and header (column and amounts). */
  code?: string;
  column?: string;
  header?: string;
  /** Other currencies the data names: symbol and rows. */
  others: readonly { symbol: string; rows: number }[];
}
type ProgrammeFieldKey = keyof ProgrammeAssumptions | "periods" | "periodMonths";
type TierCostKey = Exclude<keyof TierTotals, "memberPeriods" | "revenue">;

export interface BenefitCostSheetTexts {
  title: string;
  /** The subtitle: source, as-of date, horizon and money. */
  subtitle: (from: string, asOf: string, periods: number, periodMonths: number, money: string) => string;
  /** The money phrase of the subtitle: the currency and where it came from. */
  money: (m: MoneyWords) => string;
  /** The intro line; `area` is the model's footprint (A1:AN200), an address, not a word to translate. */
  intro: (area: string) => string;
  checks: { allPass: string; check: string; shares: string; rows: string; periods: string };
  keyResults: {
    title: string;
    totalOf: (T: number) => string;
    scenario: string;
    scenarioNote: string;
    scenarioPrompt: string;
    chooseOne: (names: string[]) => string;
    lines: Record<
      | "now"
      | "end"
      | "revenue"
      | "cost"
      | "share"
      | "margin"
      | "lift"
      | "net"
      | "roi"
      | "npv"
      | "npvCost"
      | "liabilityNow"
      | "liabilityEnd",
      string
    >;
    netNote: string;
    roiNote: string;
    netEffectName: string;
  };
  units: {
    money: string;
    moneyDiscounted: string;
    members: string;
    share: string;
    period: string;
    factor: string;
    points: string;
  };
  scenarioNames: Record<ScenarioKey, string>;
  programmeTitle: string;
  programmeFields: Record<Exclude<ProgrammeFieldKey, "periods">, Labelled>;
  /** The number of periods: label and unit, with the most the sheet holds. */
  periods: (max: number) => Labelled;
  tierTitle: string;
  tierTitleNote: string;
  tier: string;
  total: string;
  tierFields: Record<keyof TierAssumptions, Labelled>;
  scenariosTitle: string;
  multiplierOf: string;
  applied: string;
  appliedNote: string;
  scenarioRows: Record<keyof ScenarioMultipliers, string>;
  baselineTitle: string;
  baselineTitleNote: string;
  asOf: string;
  periodLength: string;
  periodsProjected: string;
  state: string;
  membersNow: string;
  spendPerMember: Labelled;
  /** What "new" and "established" mean (the note of the baseline's State header). */
  tenureNote: string;
  /** A state of the chain: the tier's new or established members. */
  tenureState: (tier: string, tenure: "new" | "established") => string;
  pointsOutstanding: string;
  pointsNoteData: string;
  pointsNoteNone: string;
  averageMembers: Labelled;
  actualRevenue: Labelled;
  none: string;
  inBaseTier: string;
  lapsed: string;
  noTier: string;
  fromTo: string;
  observedTitle: Labelled;
  membersAtStarts: string;
  newMembersSplit: string;
  usedTitle: string;
  rowTotal: string;
  migrationName: string;
  driversTitle: string;
  drivers: Record<keyof EffectiveDrivers, string>;
  projectionTitle: string;
  period: string;
  unit: string;
  now: string;
  periodEnds: string;
  sections: { members: string; revenue: string; cost: string; result: string; points: string };
  lines: Record<ProjectionLineKey, Labelled>;
  membersNote: string;
  pointsEarned: (tier: string) => string;
  pointsEarnedNote: string;
  pointsOutstandingOf: (tier: string) => string;
  pointsOutstandingNote: string;
  tierCost: Record<TierCostKey, Labelled>;
  sensitivityTitle: string;
  pointsValue: Labelled;
  activityCost: Labelled;
  gridCorner: Labelled;
  charts: { revenueCost: string; members: string; period: string; money: string; members2: string };
  validation: {
    number: string;
    wholeNumber: string;
    between: (what: string, min: number, max: number) => string;
    atLeast: (what: string, min: number) => string;
    type: (what: string) => string;
  };
}

const EN: BenefitCostSheetTexts = {
  title: "Benefit cost projection",
  subtitle: (from, asOf, periods, periodMonths, money) => {
    const unit =
      periodMonths === 1 ? "months" : periodMonths === 3 ? "quarters" : `periods of ${periodMonths} months`;
    return (
      `${from ? `${from}, ` : ""}as of ${asOf}: ${periods} ${unit} ahead. Money is in ${money}; members and ` +
      "points are counted at period ends."
    );
  },
  money: (m) => {
    const others = m.others.map((o) => `${o.symbol} on ${o.rows} rows`).join(", ");
    const mixed = others
      ? ` (the data also names ${others}: those amounts are added as they are, not converted)`
      : "";
    switch (m.from) {
      case "setting":
        return `${m.symbol} (the currency setting)`;
      case "column":
        return `${m.symbol} (${m.code}, as the ${m.header} column ${m.column} of the data says${mixed})`;
      case "amounts":
        return `${m.symbol} (${m.code}, as the amounts of column ${m.column} (${m.header}) are written${mixed})`;
      default:
        return "the currency of the data (it names none: the currency setting sets one)";
    }
  },
  intro: (area) =>
    "Orange cells are assumptions: edit them and everything recalculates. Refresh updates the baseline from " +
    `the data and keeps what you typed. The model occupies ${area}; your own work outside it is kept.`,
  checks: {
    allPass: "All checks pass",
    check: "Check: ",
    shares: "the shares of new members do not sum to 100 %; ",
    rows: "a migration row does not sum to 100 %; ",
    periods: "refresh the sheet to apply the new number or length of periods",
  },
  keyResults: {
    title: "Key results",
    totalOf: (T) => `total of ${T} periods`,
    scenario: "Scenario",
    scenarioNote: "Choose Base, Cautious or Ambitious: see Scenarios below.",
    scenarioPrompt: "The scenario the projection applies",
    chooseOne: (names) => `Choose one of ${names.join(", ")}.`,
    lines: {
      now: "Members in tiers now",
      end: "Members in tiers at the end",
      revenue: "Revenue",
      cost: "Benefit cost",
      share: "Benefit cost % of revenue",
      margin: "Gross margin after benefits",
      lift: "Incremental margin from the lift",
      net: "Net effect of the benefits",
      roi: "ROI of the benefits",
      npv: "NPV of the net effect",
      npvCost: "NPV of the benefit cost",
      liabilityNow: "Points liability now",
      liabilityEnd: "Points liability at the end",
    },
    netNote: "Incremental margin from the lift − benefit cost, over all periods.",
    roiNote: "Net effect / benefit cost.",
    netEffectName: "Net effect of the benefits over all periods",
  },
  units: {
    money: "money",
    moneyDiscounted: "money, discounted",
    members: "members",
    share: "share",
    period: "period",
    factor: "factor",
    points: "points",
  },
  scenarioNames: { base: "Base", cautious: "Cautious", ambitious: "Ambitious" },
  programmeTitle: "Assumptions: programme",
  programmeFields: {
    grossMargin: ["Gross margin", "share of revenue, before benefit cost"],
    discountRate: [
      "Discount rate per period",
      "for the NPV; 10 % a year is 0.80 % a month, 2.41 % a quarter",
    ],
    newMembersPerPeriod: ["New members per period", "members joining in period 1"],
    membershipGrowthRate: [
      "Growth of the new-member intake per period",
      "period t brings new members × (1 + growth)^(t − 1)",
    ],
    fixedCost: [
      "Programme fixed cost per period",
      "staff, systems, communication: does not follow the members (benefits do, per tier)",
    ],
    pointsBurnRate: [
      "Points leaving the balance per period",
      "redeemed or expired, share of the balance at the start of the period",
    ],
    periodMonths: ["Period length (months)", "1 (months) to 12; applied when the sheet is refreshed"],
  },
  periods: (max) => ["Number of periods", `1 to ${max}; applied when the sheet is refreshed`],
  tierTitle: "Assumptions: per tier",
  tierTitleNote: "money per member or per period as labelled; rates as shares",
  tier: "Tier",
  total: "Total",
  tierFields: {
    pointsPerUnit: ["Points per unit of spend", "Points a member earns for each unit of currency spent."],
    valuePerPoint: ["Value per point", "What one point is worth when redeemed, in the currency of the data."],
    redemptionRate: [
      "Redemption rate",
      "Share of the points earned that will ever be redeemed (1 − breakage).",
    ],
    birthdayGiftCost: ["Birthday gift cost", "Cost of one birthday gift."],
    birthdayUptake: [
      "Birthday gift uptake",
      "Share of the members with a birthday in the period who take the gift.",
    ],
    serviceCostPerMember: ["Service cost per member", "Cost of priority service per member per period."],
    activitiesPerPeriod: ["Activities per period", "Member activities (events) offered per period."],
    costPerParticipant: ["Cost per participant", "Cost of one participant in one activity."],
    participationRate: ["Participation rate", "Share of the tier's members who join an activity."],
    otherFixedCost: [
      "Fixed cost per period",
      "Benefit cost of the tier per period that does not depend on its number of members (a lounge, a " +
        "dedicated hotline). Every other cost of the tier follows its members.",
    ],
    memberDiscount: [
      "Member discount",
      "Price discount the tier's members get, as a share of their spend: a cost of the tier that " +
        "follows its spend (with the lift and the season).",
    ],
    spendLift: [
      "Spend lift",
      "Extra spend the tier's benefits bring, as a share of the tier's baseline spend per member. An " +
        "assumption: say where it comes from in the row under the programme assumptions (a measured " +
        "campaign lift, a benchmark). Without lift the benefits are pure cost: the key results give the " +
        "break-even lift.",
    ],
    entryShare: [
      "Share of new members",
      "Share of each period's new members who enter this tier; the shares sum to 100 %.",
    ],
  },
  scenariosTitle: "Scenarios: multipliers on the assumptions",
  multiplierOf: "Multiplier of",
  applied: "Applied",
  appliedNote: "The multiplier of the scenario chosen at the top.",
  scenarioRows: {
    newMembers: "New members",
    spendPerMember: "Spend per member",
    spendLift: "Spend lift",
    redemptionRate: "Redemption rate (capped at 100 %)",
    participationRate: "Participation rate (capped at 100 %)",
    unitCosts: "Unit benefit costs (gift, service, activity)",
  },
  baselineTitle: "Baseline from the data",
  baselineTitleNote: "values: Refresh updates them",
  asOf: "As of",
  periodLength: "Period length (months)",
  periodsProjected: "Periods projected",
  state: "State",
  membersNow: "Members now",
  spendPerMember: [
    "Spend per member",
    "Net spend per member per period over the last year: the state's spend / its members, summed over the " +
      "period ends of the year. An input: type over it to try another.",
  ],
  tenureNote:
    "Each tier's members are followed as its NEW members (first purchase in the 6 months before the date, " +
    "or in the period when a period is longer) and its ESTABLISHED ones: a member's first months are not " +
    "like the later ones (they buy at another pace, and leave or move up more often).",
  tenureState: (tier, tenure) => `${tier}: ${tenure}`,
  pointsOutstanding: "Points outstanding",
  pointsNoteData:
    "Sum of each member's last points balance in the data (lapsed members' balances in the base tier).",
  pointsNoteNone: "The data has no points column: type the points outstanding per tier here.",
  averageMembers: ["Average members", "Members at the period ends of the last year, averaged."],
  actualRevenue: ["Actual revenue", "Spend over the last year by the state held at each period end."],
  none: "none",
  inBaseTier: "in the base tier",
  lapsed: "No tier (lapsed)",
  noTier: "No tier",
  fromTo: "From \\ to",
  observedTitle: [
    "Observed migration per period over the last year",
    "Share of the members in the row's state at the start of a period who are in the column's state at " +
      "its end, pooled over the periods of the last year.",
  ],
  membersAtStarts: "Members at period starts",
  newMembersSplit: "New members (their split)",
  usedTitle: "Migration per period used by the projection (edit it to try other movements)",
  rowTotal: "Row total",
  migrationName: "Share of the members moving from the row's state to the column's per period",
  driversTitle: "Drivers per tier with the scenario applied",
  drivers: {
    spendNew: "Spend per new member",
    spendEstablished: "Spend per established member",
    spendLift: "Spend lift",
    redemptionRate: "Redemption rate",
    participationRate: "Participation rate",
    birthdayGiftCost: "Birthday gift cost",
    serviceCostPerMember: "Service cost per member",
    costPerParticipant: "Cost per participant",
  },
  projectionTitle: "Projection by period (formulas)",
  period: "Period",
  unit: "Unit",
  now: "Now",
  periodEnds: "Period ends",
  sections: {
    members: "Members at period end",
    revenue: "Revenue",
    cost: "Benefit cost",
    result: "Result",
    points: "Points",
  },
  lines: {
    membersInTiers: ["Members in tiers", "All tiers; lapsed members have no benefits and bring no revenue."],
    newMembers: [
      "New members joining",
      "New members per period × scenario multiplier × (1 + intake growth)^(period − 1).",
    ],
    revenueBase: [
      "Revenue at baseline spend",
      "Σ members × spend per member per period (scenario applied) × the period's seasonal index.",
    ],
    revenueLift: [
      "Incremental revenue from the lift",
      "Σ members × spend per member × spend lift × the period's seasonal index.",
    ],
    revenue: ["Total revenue", ""],
    costDiscount: [
      "Member discounts",
      "Σ members × spend per member × (1 + spend lift) × member discount × seasonal index.",
    ],
    costPoints: [
      "Points",
      "Σ points earned × value per point × redemption rate: the expected cost, booked when earned.",
    ],
    costBirthday: [
      "Birthday gifts",
      "Period months / 12 (the members with a birthday in the period) × Σ members × gift cost × uptake.",
    ],
    costService: ["Priority service", "Σ members × service cost per member."],
    costActivities: [
      "Member activities",
      "Σ members × activities per period × cost per participant × participation rate.",
    ],
    costFixed: ["Tier fixed costs", ""],
    costProgramme: ["Programme fixed cost", ""],
    costTotal: ["Total benefit cost", ""],
    costPerMember: ["Benefit cost per member in tiers", ""],
    costShareOfRevenue: ["Benefit cost % of revenue", ""],
    marginBeforeBenefits: ["Gross margin before benefits", ""],
    marginAfterBenefits: ["Gross margin after benefits", ""],
    incrementalMargin: [
      "Incremental margin from the lift",
      "Incremental revenue × gross margin: what the benefits bring.",
    ],
    netEffect: ["Net effect of the benefits", "Incremental margin − total benefit cost."],
    roi: ["ROI", "Net effect / benefit cost."],
    cumulativeCost: ["Cumulative benefit cost", ""],
    cumulativeNetEffect: ["Cumulative net effect", ""],
    cumulativeRoi: ["Cumulative ROI", ""],
    payback: [
      "Payback period",
      "The first period whose cumulative net effect is 0 or more (0 while it is still negative): the " +
        "last column is the payback period of the key results.",
    ],
    discountFactor: ["Discount factor", "1 / (1 + discount rate per period)^period."],
    discountedNetEffect: [
      "Discounted net effect",
      "Their sum is the NPV of the net effect in the key results.",
    ],
    pointsLiability: [
      "Points liability",
      "Outstanding points × value per point × redemption rate, as finance books it.",
    ],
  },
  membersNote:
    "Members at the end of a period = members at the end of the previous one × the migration matrix, plus " +
    "the new members × the tier's share of new members (they join as new members of the tier). Each tier " +
    "is followed as its new members (first 6 months) and its established ones.",
  pointsEarned: (tier) => `Points earned: ${tier}`,
  pointsEarnedNote:
    "The tier's spend (new members × spend per new member + established members × spend per established " +
    "member) × (1 + spend lift) × points per unit of spend × seasonal index.",
  pointsOutstandingOf: (tier) => `Points outstanding: ${tier}`,
  pointsOutstandingNote:
    "Outstanding at the previous period end × (1 − points leaving per period) + points earned.",
  tierCost: {
    revenueBase: ["Revenue at baseline spend", "Σ members × spend per member × seasonal index, all periods."],
    revenueLift: ["Incremental revenue", "Revenue at baseline spend × the tier's spend lift."],
    discount: ["Member discounts", "Revenue with the lift × member discount."],
    points: ["Points cost", "Points issued × redemption rate × cash value per point."],
    birthday: ["Birthday gifts", "Members × period months / 12 × gift cost × uptake, all periods."],
    service: ["Priority service", "Members × service cost per member, all periods."],
    activities: ["Activities", "Members × activities × cost per participant × participation, all periods."],
    fixed: ["Fixed cost", "The tier's fixed cost per period × the number of periods."],
    total: ["Total benefit cost", "The tier's costs: discounts, points, gifts, service, activities, fixed."],
  },
  sensitivityTitle:
    "Sensitivity: net effect over all periods if every tier had these redemption and participation rates",
  pointsValue: ["Points value, all redeemed", "Value of the points the tier earns over all periods."],
  activityCost: [
    "Activity cost, all join",
    "Activity cost of the tier over all periods at 100 % participation.",
  ],
  gridCorner: [
    "Redemption rate ↓  Participation rate →",
    "Net effect = net effect of the key results + Σ points value × (redemption rate of the tier − the rate " +
      "of the row) + Σ activity cost × (participation rate of the tier − the rate of the column).",
  ],
  charts: {
    revenueCost: "Revenue and benefit cost by period",
    members: "Members per tier, new and established, at period end",
    period: "Period",
    money: "Money",
    members2: "Members",
  },
  validation: {
    number: "a number",
    wholeNumber: "a whole number",
    between: (what, min, max) => `Type ${what} from ${min} to ${max}.`,
    atLeast: (what, min) => `Type ${what} of at least ${min}.`,
    type: (what) => `Type ${what}.`,
  },
};

const ZH: BenefitCostSheetTexts = {
  title: "权益成本预测",
  subtitle: (from, asOf, periods, periodMonths, money) => {
    const unit =
      periodMonths === 1 ? "个月" : periodMonths === 3 ? "个季度" : `期（每期 ${periodMonths} 个月）`;
    return `${from ? `${from}，` : ""}截至 ${asOf}：预测未来 ${periods} ${unit}。金额单位：${money}；会员数和积分按期末统计。`;
  },
  money: (m) => {
    const others = m.others.map((o) => `${o.symbol} ${o.rows} 行`).join("、");
    const mixed = others ? `；数据中还有其他货币（${others}），这些金额按原值相加，未换算` : "";
    switch (m.from) {
      case "setting":
        return `${m.symbol}（来自货币设置）`;
      case "column":
        return `${m.symbol}（来自数据中的“${m.header}”列${mixed}）`;
      case "amounts":
        return `${m.symbol}（来自金额中的货币符号${mixed}）`;
      default:
        return "数据中的货币（数据未注明货币，可在货币设置中指定）";
    }
  },
  intro: (area) =>
    "橙色单元格是假设：修改后全部自动重算。刷新会按数据更新基线，并保留您输入的内容。" +
    `模型占用 ${area}，此区域以外您自己的内容会保留。`,
  checks: {
    allPass: "全部检查通过",
    check: "请检查：",
    shares: "新会员的分配比例合计不是 100%；",
    rows: "迁移矩阵有一行合计不是 100%；",
    periods: "请刷新工作表以应用新的期数或期长",
  },
  keyResults: {
    title: "主要结果",
    totalOf: (T) => `${T} 期合计`,
    scenario: "情景",
    scenarioNote: "选择基准、保守或进取：见下方的情景。",
    scenarioPrompt: "预测采用的情景",
    chooseOne: (names) => `请选择：${names.join("、")}。`,
    lines: {
      now: "目前的等级会员",
      end: "期末的等级会员",
      revenue: "收入",
      cost: "权益成本",
      share: "权益成本占收入比例",
      margin: "扣除权益后的毛利",
      lift: "消费提升带来的增量毛利",
      net: "权益的净效果",
      roi: "权益投资回报率",
      npv: "净效果的净现值",
      npvCost: "权益成本的净现值",
      liabilityNow: "目前的积分负债",
      liabilityEnd: "期末的积分负债",
    },
    netNote: "消费提升带来的增量毛利 − 权益成本，全部期合计。",
    roiNote: "净效果 / 权益成本。",
    netEffectName: "全部期合计的权益净效果",
  },
  units: {
    money: "金额",
    moneyDiscounted: "金额，已折现",
    members: "人",
    share: "比例",
    period: "期",
    factor: "系数",
    points: "积分",
  },
  scenarioNames: { base: "基准", cautious: "保守", ambitious: "进取" },
  programmeTitle: "假设：整体方案",
  programmeFields: {
    grossMargin: ["毛利率", "占收入比例，未扣除权益成本"],
    discountRate: ["每期折现率", "用于净现值；年 10% 约等于每月 0.80%、每季度 2.41%"],
    newMembersPerPeriod: ["每期新会员", "第 1 期加入的会员人数"],
    membershipGrowthRate: ["每期新会员增长率", "各期新会员 = 每期新会员 × (1 + 增长率)^(期序 − 1)"],
    fixedCost: ["每期方案固定成本", "人员、系统、宣传：不随会员人数变化（权益成本按等级随会员变化）"],
    pointsBurnRate: ["每期离开余额的积分", "已兑换或已过期，占期初余额的比例"],
    periodMonths: ["每期月数", "1（按月）至 12；刷新工作表时生效"],
  },
  periods: (max) => ["期数", `1 至 ${max}；刷新工作表时生效`],
  tierTitle: "假设：各等级",
  tierTitleNote: "金额按标注为每位会员或每期；比率以小数表示",
  tier: "等级",
  total: "合计",
  tierFields: {
    pointsPerUnit: ["每单位消费积分", "会员每消费一个货币单位获得的积分。"],
    valuePerPoint: ["每积分价值", "一个积分兑换时的价值，以数据中的货币计。"],
    redemptionRate: ["兑换率", "获得的积分中最终会被兑换的比例（1 − 沉淀率）。"],
    birthdayGiftCost: ["生日礼成本", "一份生日礼的成本。"],
    birthdayUptake: ["生日礼领取率", "当期过生日的会员中领取礼品的比例。"],
    serviceCostPerMember: ["每位会员服务成本", "每位会员每期的优先服务成本。"],
    activitiesPerPeriod: ["每期活动次数", "每期提供的会员活动（线下或线上）次数。"],
    costPerParticipant: ["每位参与者成本", "一位会员参加一次活动的成本。"],
    participationRate: ["参与率", "该等级会员参加活动的比例。"],
    otherFixedCost: [
      "每期固定成本",
      "该等级每期与会员人数无关的权益成本（如贵宾室、专属热线）。该等级的其他成本都随会员人数变化。",
    ],
    memberDiscount: [
      "会员折扣",
      "该等级会员享受的价格折扣，占其消费的比例：随消费变化的等级成本（含消费提升和季节性）。",
    ],
    spendLift: [
      "消费提升",
      "该等级权益带来的额外消费，占该等级基线人均消费的比例。这是一项假设：请在整体方案假设下方一行说明来源" +
        "（实测的活动提升、行业基准）。没有提升时权益纯属成本：主要结果给出盈亏平衡提升。",
    ],
    entryShare: ["新会员占比", "每期新会员中进入该等级的比例；各等级合计 100%。"],
  },
  scenariosTitle: "情景：假设的乘数",
  multiplierOf: "乘数对象",
  applied: "采用",
  appliedNote: "顶部所选情景的乘数。",
  scenarioRows: {
    newMembers: "新会员",
    spendPerMember: "人均消费",
    spendLift: "消费提升",
    redemptionRate: "兑换率（上限 100%）",
    participationRate: "参与率（上限 100%）",
    unitCosts: "单位权益成本（礼品、服务、活动）",
  },
  baselineTitle: "来自数据的基线",
  baselineTitleNote: "数值：刷新时更新",
  asOf: "基准日",
  periodLength: "每期月数",
  periodsProjected: "预测期数",
  state: "状态",
  membersNow: "目前会员",
  spendPerMember: [
    "人均消费",
    "最近一年每位会员每期的净消费：该状态的消费 / 其会员人数，按年内各期期末汇总。可输入：改写以试算其他数值。",
  ],
  tenureNote:
    "每个等级的会员分为新会员（首次购买在该日期前 6 个月内，每期更长时为该期内）和老会员分别跟踪：会员最初几个月" +
    "的表现与之后不同（购买节奏不同，流失或升级更频繁）。",
  tenureState: (tier, tenure) => `${tier}：${tenure === "new" ? "新会员" : "老会员"}`,
  pointsOutstanding: "未兑换积分",
  pointsNoteData: "数据中每位会员最后积分余额之和（流失会员的余额计入基础等级）。",
  pointsNoteNone: "数据中没有积分列：请在此输入各等级的未兑换积分。",
  averageMembers: ["平均会员", "最近一年各期期末会员人数的平均值。"],
  actualRevenue: ["实际收入", "最近一年的消费，按各期期末所处状态归属。"],
  none: "无",
  inBaseTier: "计入基础等级",
  lapsed: "无等级（流失）",
  noTier: "无等级",
  fromTo: "从 \\ 到",
  observedTitle: [
    "最近一年实测的每期迁移",
    "期初处于该行状态的会员在期末处于该列状态的比例，按最近一年各期汇总。",
  ],
  membersAtStarts: "期初会员",
  newMembersSplit: "新会员（分配比例）",
  usedTitle: "预测采用的每期迁移（可修改以试算其他变化）",
  rowTotal: "行合计",
  migrationName: "每期从该行状态迁移到该列状态的会员比例",
  driversTitle: "应用情景后的各等级驱动因素",
  drivers: {
    spendNew: "新会员人均消费",
    spendEstablished: "老会员人均消费",
    spendLift: "消费提升",
    redemptionRate: "兑换率",
    participationRate: "参与率",
    birthdayGiftCost: "生日礼成本",
    serviceCostPerMember: "每位会员服务成本",
    costPerParticipant: "每位参与者成本",
  },
  projectionTitle: "分期预测（公式）",
  period: "期",
  unit: "单位",
  now: "目前",
  periodEnds: "期末日期",
  sections: {
    members: "期末会员",
    revenue: "收入",
    cost: "权益成本",
    result: "结果",
    points: "积分",
  },
  lines: {
    membersInTiers: ["等级会员", "全部等级；流失会员没有权益，也不带来收入。"],
    newMembers: ["新加入会员", "每期新会员 × 情景乘数 × (1 + 新会员增长率)^(期 − 1)。"],
    revenueBase: ["基线消费收入", "Σ 会员 × 每期人均消费（已应用情景）× 该期季节指数。"],
    revenueLift: ["消费提升带来的增量收入", "Σ 会员 × 人均消费 × 消费提升 × 该期季节指数。"],
    revenue: ["总收入", ""],
    costDiscount: ["会员折扣", "Σ 会员 × 人均消费 × (1 + 消费提升) × 会员折扣 × 季节指数。"],
    costPoints: ["积分", "Σ 获得积分 × 每积分价值 × 兑换率：预期成本，在获得时入账。"],
    costBirthday: ["生日礼", "每期月数 / 12（当期过生日的会员）× Σ 会员 × 礼品成本 × 领取率。"],
    costService: ["优先服务", "Σ 会员 × 每位会员服务成本。"],
    costActivities: ["会员活动", "Σ 会员 × 每期活动次数 × 每位参与者成本 × 参与率。"],
    costFixed: ["等级固定成本", ""],
    costProgramme: ["方案固定成本", ""],
    costTotal: ["权益成本合计", ""],
    costPerMember: ["每位等级会员的权益成本", ""],
    costShareOfRevenue: ["权益成本占收入比例", ""],
    marginBeforeBenefits: ["扣除权益前的毛利", ""],
    marginAfterBenefits: ["扣除权益后的毛利", ""],
    incrementalMargin: ["消费提升带来的增量毛利", "增量收入 × 毛利率：权益带来的收益。"],
    netEffect: ["权益的净效果", "增量毛利 − 权益成本合计。"],
    roi: ["投资回报率", "净效果 / 权益成本。"],
    cumulativeCost: ["累计权益成本", ""],
    cumulativeNetEffect: ["累计净效果", ""],
    cumulativeRoi: ["累计投资回报率", ""],
    payback: ["回收期", "累计净效果首次达到 0 或以上的期（仍为负时为 0）：最后一列即主要结果中的回收期。"],
    discountFactor: ["折现系数", "1 / (1 + 每期折现率)^期。"],
    discountedNetEffect: ["折现后的净效果", "其合计即主要结果中净效果的净现值。"],
    pointsLiability: ["积分负债", "未兑换积分 × 每积分价值 × 兑换率，即财务入账的方式。"],
  },
  membersNote:
    "期末会员 = 上期期末会员 × 迁移矩阵，加上新会员 × 该等级的新会员占比（以该等级新会员身份加入）。" +
    "每个等级分新会员（最初 6 个月）和老会员跟踪。",
  pointsEarned: (tier) => `获得积分：${tier}`,
  pointsEarnedNote:
    "该等级的消费（新会员 × 新会员人均消费 + 老会员 × 老会员人均消费）× (1 + 消费提升) × 每单位消费积分 × 季节指数。",
  pointsOutstandingOf: (tier) => `未兑换积分：${tier}`,
  pointsOutstandingNote: "上期期末未兑换 × (1 − 每期离开余额的积分) + 获得积分。",
  tierCost: {
    revenueBase: ["基线消费收入", "Σ 会员 × 人均消费 × 季节指数，全部期。"],
    revenueLift: ["增量收入", "基线消费收入 × 该等级的消费提升。"],
    discount: ["会员折扣", "含提升的收入 × 会员折扣。"],
    points: ["积分成本", "发放积分 × 兑换率 × 每积分现金价值。"],
    birthday: ["生日礼", "会员 × 每期月数 / 12 × 礼品成本 × 领取率，全部期。"],
    service: ["优先服务", "会员 × 每位会员服务成本，全部期。"],
    activities: ["活动", "会员 × 活动次数 × 每位参与者成本 × 参与率，全部期。"],
    fixed: ["固定成本", "该等级每期固定成本 × 期数。"],
    total: ["权益成本合计", "该等级的成本：折扣、积分、礼品、服务、活动、固定成本。"],
  },
  sensitivityTitle: "敏感性：若各等级采用以下兑换率和参与率，全部期的净效果",
  pointsValue: ["积分价值（全部兑换）", "该等级全部期获得积分的价值。"],
  activityCost: ["活动成本（全员参与）", "参与率 100% 时该等级全部期的活动成本。"],
  gridCorner: [
    "兑换率 ↓  参与率 →",
    "净效果 = 主要结果中的净效果 + Σ 积分价值 × (该等级兑换率 − 该行的兑换率) + Σ 活动成本 × (该等级参与率 − 该列的参与率)。",
  ],
  charts: {
    revenueCost: "各期收入与权益成本",
    members: "各等级新老会员期末人数",
    period: "期",
    money: "金额",
    members2: "会员",
  },
  validation: {
    number: "数字",
    wholeNumber: "整数",
    between: (what, min, max) => `请输入 ${min} 至 ${max} 之间的${what}。`,
    atLeast: (what, min) => `请输入不小于 ${min} 的${what}。`,
    type: (what) => `请输入${what}。`,
  },
};

export const SHEET_TEXTS = bilingual<BenefitCostSheetTexts>({ en: EN, "zh-CN": ZH });
