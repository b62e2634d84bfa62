/** The texts of the Key dates sheet (关键日期). */
import { bilingual } from "./bilingual";
import { whole } from "./format";

export type OccasionKind = "birthday" | "firstPurchaseAnniversary" | "membershipAnniversary";

export const KEY_DATE_TEXTS = bilingual({
  en: {
    title: "Key dates",
    intro: (from: string, to: string, tiers: string) =>
      `Occasions from ${from} to ${to} for ${tiers} members: a reason to get in touch.`,
    tierJoin: " and ",
    missing: (birthday: boolean, joinDate: boolean) =>
      `The data has no ${[birthday ? "" : "birthday", joinDate ? "" : "join date"].filter(Boolean).join(" or ")} ` +
      `column, so only ${birthday ? "birthdays and " : ""}purchase anniversaries are listed; add the column and ` +
      "map it to see them.",
    realFirstPurchase: (margin: number, from: string) =>
      `First-purchase anniversaries are listed only for first purchases from ${from} on (${margin} days after the ` +
      "data's first day): earlier ones may be where the extract starts, not the customer's first purchase.",
    daysAhead: "Days ahead",
    daysPrompt: "Days ahead to list, 0 to 366",
    daysError: "Type a whole number from 0 to 366",
    holidaysSection: "Holidays and shopping days",
    holidaysNote: (n: number, from: string, to: string) =>
      `${whole(n)} ${n === 1 ? "holiday" : "holidays"} from ${from} to ${to}.`,
    invitees: (top: number, tiers: string, active: number, days: number) =>
      `${whole(top)} ${tiers} ${top === 1 ? "member" : "members"} and ${whole(active)} active ` +
      `${active === 1 ? "customer" : "customers"} (bought in the last ${days} days) to invite.`,
    holidayHeader: {
      date: "Date",
      inDays: "In days",
      name: "Holiday",
      nameZh: "节日",
      sales: (days: number) => `Sales ±${days} days last year`,
      salesNote: (days: number) =>
        `Sales from ${days} days before to ${days} days after the same holiday last year (refunds not taken ` +
        "off); blank when the data does not cover those days or the calendar has no date for it last year",
      buyers: "Buyers then",
      buyersNote: "Customers who bought in those days",
    },
    /** The Chinese name column of the holiday table is shown in English sheets too (it is an input). */
    showBothNames: true,
    yourHolidays: "Your holidays",
    yourHolidaysNote: (lastYear: number) =>
      "A name and a date: MM-DD (every year) or YYYY-MM-DD (that year only, e.g. lunar festivals after " +
      `${lastYear}).`,
    yourHolidaysRefresh:
      "Refresh adds them to the calendar; the name of a built-in holiday moves its date. Clear the cells to undo.",
    inputHeader: ["Holiday", "节日", "Date"],
    comingSection: "Coming occasions",
    comingNote: (n: number, shown: number) =>
      `${whole(n)} ${n === 1 ? "occasion" : "occasions"}` +
      (shown < n ? ` (the first ${whole(shown)} are listed).` : "."),
    occasions: {
      birthday: "Birthday",
      firstPurchaseAnniversary: "First purchase anniversary",
      membershipAnniversary: "Membership anniversary",
    } satisfies Record<OccasionKind, string>,
    header: {
      date: "Date",
      inDays: "In days",
      occasion: "Occasion",
      customerId: "Customer ID",
      tier: "Tier",
      years: "Years",
      yearsNote: "Age reached on a birthday; years since the first purchase or joining otherwise",
      netSpend: "Net spend",
      lastPurchase: "Last purchase",
    },
  },
  "zh-CN": {
    title: "关键日期",
    intro: (from: string, to: string, tiers: string) =>
      `${from} 至 ${to} ${tiers}会员的重要日子：联系的好理由。`,
    tierJoin: "和",
    missing: (birthday: boolean, joinDate: boolean) =>
      `数据中没有${[birthday ? "" : "生日", joinDate ? "" : "入会日期"].filter(Boolean).join("或")}列，` +
      `因此只列出${birthday ? "生日和" : ""}首购周年；添加该列并完成映射即可看到。`,
    realFirstPurchase: (margin: number, from: string) =>
      `首购周年只列出 ${from} 及以后的首次购买（数据首日之后 ${margin} 天）：更早的可能只是数据导出的起点，而非客户真正的首次购买。`,
    daysAhead: "提前天数",
    daysPrompt: "要列出的未来天数，0 到 366",
    daysError: "请输入 0 到 366 的整数",
    holidaysSection: "节日和购物节",
    holidaysNote: (n: number, from: string, to: string) => `${from} 至 ${to} 共 ${whole(n)} 个节日。`,
    invitees: (top: number, tiers: string, active: number, days: number) =>
      `可邀请 ${whole(top)} 位${tiers}会员和 ${whole(active)} 位活跃客户（最近 ${days} 天有购买）。`,
    holidayHeader: {
      date: "日期",
      inDays: "还有几天",
      name: "英文名称",
      nameZh: "节日",
      sales: (days: number) => `去年前后 ${days} 天销售额`,
      salesNote: (days: number) =>
        `去年同一节日前 ${days} 天至后 ${days} 天的销售额（未扣除退款）；数据未覆盖这些日子或日历中没有去年的日期时为空`,
      buyers: "当时购买人数",
      buyersNote: "在这些日子里有购买的客户",
    },
    showBothNames: false,
    yourHolidays: "自定义节日",
    yourHolidaysNote: (lastYear: number) =>
      `输入名称和日期：MM-DD（每年）或 YYYY-MM-DD（仅当年，例如 ${lastYear} 年以后的农历节日）。`,
    yourHolidaysRefresh: "刷新时会加入日历；与内置节日同名则改用您的日期。清空单元格即可撤销。",
    inputHeader: ["名称", "中文名称", "日期"],
    comingSection: "即将到来的日子",
    comingNote: (n: number, shown: number) =>
      `共 ${whole(n)} 个` + (shown < n ? `（列出前 ${whole(shown)} 个）。` : "。"),
    occasions: {
      birthday: "生日",
      firstPurchaseAnniversary: "首购周年",
      membershipAnniversary: "入会周年",
    },
    header: {
      date: "日期",
      inDays: "还有几天",
      occasion: "事由",
      customerId: "客户ID",
      tier: "等级",
      years: "年数",
      yearsNote: "生日时为达到的年龄；其他为首次购买或入会以来的年数",
      netSpend: "净消费额",
      lastPurchase: "最近购买",
    },
  },
});
