/**
 * The texts of the Data quality sheet (数据质量), and the engine's notes on a cell (why a date or an amount
 * was not read, which rule flagged an id) in either language. The notes are made in English where the
 * table is read (parse-date.ts, parse-amount.ts, read-orders.ts); `qualityNote` says the known ones in
 * Chinese, so the sheet and the pane's messages say them the same way.
 */
import type { QualityAction } from "../data/quality";
import { DAY_ORDER_UNKNOWN } from "../data/parse-date";
import { DECIMAL_COMMA_NOTE } from "../data/parse-amount";
import { DEFAULT_TEST_ACCOUNT_RULES } from "../data/test-accounts";
import { bilingual } from "./bilingual";
import { whole } from "./format";
import type { Language } from "./language";

export const DATA_QUALITY_TEXTS = bilingual({
  en: {
    title: "Data quality",
    intro: (rows: number, source: string, lines: number, problems: boolean) =>
      `${whole(rows)} ${rows === 1 ? "row" : "rows"} read from ${source}, ` +
      `${whole(lines)} ${lines === 1 ? "purchase line" : "purchase lines"} used; ` +
      (problems ? "the table below says what else was found and where." : "nothing to fix."),
    facts: {
      source: "Source",
      rowsRead: "Rows read (below the header)",
      purchaseLines: "Purchase lines used",
      customers: "Customers with a purchase",
      asOf: "As of",
    },
    columnsUsed: "Columns used",
    columnHeaders: ["Role", "Column", "Header", "How"],
    given: "set in the settings",
    found: "found from the header",
    findings: "Findings",
    findingsNote:
      "Every row read is counted once: as a purchase line or under the first reason that applies.",
    findingHeaders: [
      "Finding",
      "Count",
      "Of",
      "What was done",
      "Amount",
      "First place",
      "Value there",
      "Why",
    ],
    units: { rows: "rows", customers: "customers" },
    actions: {
      dropped: "left out",
      kept: "kept",
      "reduces spend": "reduces the customer's spend",
      "field ignored": "that field ignored",
    } satisfies Record<QualityAction, string>,
    blank: "(blank)",
    examples: "Examples",
    examplesNote: (most: number) => `Up to ${most} per finding, in sheet order.`,
    exampleHeaders: ["Finding", "Row", "Column", "Header", "Value", "Why"],
    /** The column naming each example's file, when the orders were read from several files (a glob). */
    fileHeader: "File",
  },
  "zh-CN": {
    title: "数据质量",
    intro: (rows: number, source: string, lines: number, problems: boolean) =>
      `从 ${source} 读取 ${whole(rows)} 行，使用 ${whole(lines)} 条购买记录；` +
      (problems ? "下表列出发现的其他情况及位置。" : "没有需要修正的地方。"),
    facts: {
      source: "数据来源",
      rowsRead: "读取行数（表头以下）",
      purchaseLines: "使用的购买记录",
      customers: "有购买的客户",
      asOf: "统计截止日",
    },
    columnsUsed: "使用的列",
    columnHeaders: ["用途", "列", "表头", "方式"],
    given: "在设置中指定",
    found: "根据表头识别",
    findings: "发现的问题",
    findingsNote: "读取的每一行只计一次：作为购买记录，或归入第一个适用的原因。",
    findingHeaders: ["问题", "数量", "单位", "处理方式", "金额", "首次出现位置", "该处的值", "原因"],
    units: { rows: "行", customers: "位客户" },
    actions: {
      dropped: "未计入",
      kept: "保留",
      "reduces spend": "冲减客户消费额",
      "field ignored": "忽略该字段",
    } satisfies Record<QualityAction, string>,
    blank: "（空）",
    examples: "示例",
    examplesNote: (most: number) => `每个问题最多 ${most} 例，按工作表中的顺序。`,
    exampleHeaders: ["问题", "行", "列", "表头", "值", "原因"],
    fileHeader: "文件",
  },
});

/** The engine's fixed notes on a cell, in Chinese. */
const NOTES_ZH: Readonly<Record<string, string>> = {
  [DAY_ORDER_UNKNOWN]: "日/月顺序未知：请设置日期顺序（日-月-年或月-日-年）",
  blank: "空白",
  "TRUE/FALSE is not a date": "TRUE/FALSE 不是日期",
  "number out of the range of dates": "数字超出日期范围",
  "a number here is a date only as YYYYMMDD": "此处的数字只有写成八位年月日（如 20240512）才是日期",
  "invalid date": "无效日期",
  "no such day in the calendar": "日历中没有这一天",
  "not a date": "不是日期",
  "TRUE/FALSE is not an amount": "TRUE/FALSE 不是金额",
  "a date, not an amount": "是日期，不是金额",
  "not a finite number": "不是有限的数字",
  [DECIMAL_COMMA_NOTE]: '小数逗号：加 --decimal-comma（或设置 "decimalComma"）即可读取',
  "not a number": "不是数字",
  "counted on the order's first line": "已在该订单的第一行计入",
  "cancellation invoice": "取消发票",
  "order status": "订单状态",
  "a return of the same order or day nets it to ≤ 0": "同一订单或同日的退货使其合计 ≤ 0",
};

/** Notes made of a prefix and another note ("quantity: not a number", "birthday: blank"). */
const PREFIXES_ZH: Readonly<Record<string, string>> = {
  quantity: "数量",
  "unit price": "单价",
  price: "单价",
  discount: "优惠金额",
  birthday: "生日",
  joinDate: "入会日期",
  points: "积分",
};

/**
 * A note of the engine on a cell, in `language`: the known ones in Chinese, with the test-account rules'
 * Chinese names; a note it does not know (a rule the user named) is kept as it was written.
 */
export function qualityNote(note: string, language: Language): string {
  if (language === "en") return note;
  const known = NOTES_ZH[note];
  if (known) return known;
  const rule = /^rule: (.*)$/.exec(note);
  if (rule) {
    const found = DEFAULT_TEST_ACCOUNT_RULES.find((r) => r.name === rule[1]);
    return `规则：${found ? found.nameZh : rule[1]}`;
  }
  const after = /^after (\d{4}-\d{2}-\d{2})$/.exec(note);
  if (after) return `晚于 ${after[1]}`;
  const error = /^error value (.*)$/.exec(note);
  if (error) return `错误值 ${error[1]}`;
  const long = /^([\d,]+) characters(?:; cut to ([\d,]+) where a sheet shows it)?$/.exec(note);
  if (long) return `${long[1]} 个字符${long[2] ? `；在工作表中截为 ${long[2]} 个` : ""}`;
  const prefixed = /^([a-zA-Z ]+): (.*)$/.exec(note);
  if (prefixed && PREFIXES_ZH[prefixed[1]])
    return `${PREFIXES_ZH[prefixed[1]]}：${qualityNote(prefixed[2], language)}`;
  return note;
}

/**
 * An example's cell as the engine shows it, in `language`: "(blank)" for an empty cell, and a long text's
 * start with its length ("ABCD… (1,048,576 characters)", quality.ts shortenedText); the cell's own text is
 * kept as it is.
 */
export function qualityValue(value: string, language: Language): string {
  if (value === "(blank)") return DATA_QUALITY_TEXTS[language].blank;
  if (language === "en") return value;
  return value.replace(/… \(([\d,]+) characters\)$/, "…（共 $1 个字符）");
}
