/**
 * The comment `loyalty sql` starts its query with, in both languages: the query's dates and what it leaves
 * out, for whoever reads the SQL before running it. SQL's own words, the column names (recency, T) and
 * the dialect stay as they are written.
 */
import { bilingual } from "./bilingual";

/** What the comment says: the dialect, the dates as YYYY-MM-DD and the unit of recency and T. */
export interface SqlCommentFacts {
  dialect: string;
  asOf: string;
  calibrationEnd: string;
  unit: "day" | "week" | "month";
  windowFrom: string;
}

const UNIT_ZH = { day: "天", week: "周", month: "月" } as const;

export const SQL_COMMENT_TEXTS = bilingual<{ lines: (f: SqlCommentFacts) => string[] }>({
  en: {
    lines: (f) => [
      `Loyalty Lens customer summary (${f.dialect}): one row per customer.`,
      `As of ${f.asOf}; calibration end ${f.calibrationEnd}; recency and T in ${f.unit}s;`,
      `tier window ${f.windowFrom} to ${f.asOf}.`,
      "Leaves out lines without customer id, date or amount and lines after the as-of date; cancelled lines",
      '(a status, a "C" invoice) are not revenue; an order total repeated on the lines of an order is counted',
      "once; an order or a day whose return nets it to zero or less is not a purchase.",
    ],
  },
  "zh-CN": {
    lines: (f) => [
      `Loyalty Lens 客户汇总（${f.dialect}）：每位客户一行。`,
      `统计截止日 ${f.asOf}；校准期结束 ${f.calibrationEnd}；列 "recency" 和 "T" 以${UNIT_ZH[f.unit]}为单位；`,
      `等级统计窗口 ${f.windowFrom} 至 ${f.asOf}。`,
      '不计入缺少客户ID、日期或金额的行，以及统计截止日之后的行；已取消的行（按订单状态或以 "C" 开头的发票）',
      "不计为收入；在同一订单各行重复的订单金额只计一次；退货使其合计为零或以下的订单或日期不计为购买。",
    ],
  },
});
