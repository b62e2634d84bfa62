/** The texts of "what changed since the last refresh", on the This week and KPIs sheets. */
import { bilingual } from "./bilingual";
import { whole } from "./format";

export const CHANGE_TEXTS = bilingual({
  en: {
    section: "Since the last refresh",
    first:
      "First build: nothing to compare with yet. The next refresh says who is newly at risk, who came back " +
      "and who moved tier since this one.",
    compared: (previousAsOf: string, compared: number, newMembers: number) =>
      `Compared with the previous build (orders up to ${previousAsOf}): ${whole(compared)} members in both, ` +
      `${whole(newMembers)} new since.`,
    definitions:
      "At risk: a tier minimum missed within 30 days unless they buy, a regular twice their usual gap past " +
      "the last purchase, or a top spender silent for 60 days. Lost: lapsed, no purchase in the tier window. " +
      "Came back: at risk or lost at the previous build, and bought since.",
    kinds: {
      newAtRisk: "New at risk",
      cameBack: "Came back",
      tierUp: "Moved up a tier",
      tierDown: "Moved down a tier",
    },
    countHeader: ["Change", "Members"],
    listHeader: {
      change: "Change",
      customerId: "Customer ID",
      statusBefore: "Before",
      tierBefore: "Tier before",
      tierNow: "Tier now",
      lastPurchase: "Last purchase",
    },
    status: { none: "no risk", atRisk: "at risk", lost: "lost", newMember: "not a customer yet" },
    listCut: (shown: number, all: number) => `The first ${whole(shown)} of ${whole(all)} changes are listed.`,
    nobodyChanged: "Nobody changed: no one newly at risk, back, or in another tier.",
    seeThisWeek: "The members behind these counts are listed on the This week sheet.",
  },
  "zh-CN": {
    section: "自上次刷新以来的变化",
    first: "首次生成：暂无可比较的数据。下次刷新时将列出新增流失风险、回流和等级变动的会员。",
    compared: (previousAsOf: string, compared: number, newMembers: number) =>
      `与上次生成（订单截至 ${previousAsOf}）比较：两次都有的会员 ${whole(compared)} 位，此后新增 ${whole(newMembers)} 位。`,
    definitions:
      "有流失风险：30 天内将达不到所在等级的门槛（除非再消费）、常客已超过平时两倍间隔未购买，或高消费会员 60 天未购买。" +
      "已流失：等级考核期内没有购买。回流：上次生成时有流失风险或已流失，此后又有购买。",
    kinds: {
      newAtRisk: "新增流失风险",
      cameBack: "回流",
      tierUp: "等级上升",
      tierDown: "等级下降",
    },
    countHeader: ["变化", "人数"],
    listHeader: {
      change: "变化",
      customerId: "客户ID",
      statusBefore: "之前状态",
      tierBefore: "之前等级",
      tierNow: "现在等级",
      lastPurchase: "最近购买",
    },
    status: { none: "无风险", atRisk: "有流失风险", lost: "已流失", newMember: "尚未成为客户" },
    listCut: (shown: number, all: number) => `列出 ${whole(all)} 项变化中的前 ${whole(shown)} 项。`,
    nobodyChanged: "没有变化：没有新增流失风险、回流或等级变动的会员。",
    seeThisWeek: "这些人数对应的会员名单见“本周跟进”工作表。",
  },
});
