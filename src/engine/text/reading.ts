/**
 * What the commands that read orders say about how they read them, in the language of `--lang`: the
 * one line on the test accounts left out (on stderr), how a legacy text file was decoded and split, the
 * rules applied to the lines (amount rule, order totals, date order, decimal separator), and the customers
 * a model fit leaves out. The flags stay as they are typed.
 */
import type { AmountRule } from "../data/columns";
import type { DayOrder } from "../data/parse-date";
import type { Formats } from "../data/read-orders";
import type { TablePlace, TitleRow } from "../data/table";
import { PLACE_TEXTS, placeText } from "./places";
import type { Language } from "./language";
import { bilingual } from "./bilingual";
import { counted } from "./counted";
import { whole } from "./format";

/** A field separator as messages name it (sheet/text-formats.ts names; "whitespace" for aligned columns). */
export type DelimiterWord = "comma" | "semicolon" | "tab" | "pipe" | "whitespace";

export const READING_TEXTS = bilingual({
  en: {
    testAccounts: (lines: number, customers: number, rules: string, ids: string, more: number) =>
      `left out ${counted(lines, "line")} of ${counted(customers, "customer")} as test accounts ` +
      `(rule: ${rules}): ${ids}${more > 0 ? ` and ${whole(more)} more` : ""}; --keep-test-accounts keeps them`,
    listSeparator: ", ",
    ruleSeparator: "; ",
    read: (file: string, encoding: string, detected: boolean, delimiter: string) =>
      `Read ${file} as ${encoding}${detected ? " (detected; --encoding to change)" : ""}, ` +
      `fields separated by ${delimiter}`,
    titleRows: (file: string, rows: readonly { row: number; text: string }[]) =>
      `${file}: left out ${rows.length === 1 ? "row" : "rows"} ${rows.map((r) => r.row).join(", ")} above the order lines as ` +
      `${rows.length === 1 ? "a title" : "titles"} (${rows.map((r) => `"${r.text}"`).join(", ")}): ` +
      `narrower than the order lines and without a number, which every order line has`,
    delimiters: {
      comma: "comma",
      semicolon: "semicolon",
      tab: "tab",
      pipe: "pipe",
      whitespace: "whitespace",
    } satisfies Record<DelimiterWord, string>,
    lines: (parts: string[]) => `Lines: ${parts.join("; ")}`,
    linesLabel: "How lines were read",
    titleRowsLabel: "Title rows left out",
    partSeparator: "; ",
    amountsFrom: {
      amount: "amounts from the amount column",
      "quantity × price": "amounts from quantity × unit price",
      "quantity × price − discount": "amounts from quantity × unit price − discount",
    } satisfies Record<AmountRule, string>,
    orderTotals: "the order total repeated on its lines counted once per order",
    dates: { ymd: "dates year first", dmy: "dates day first", mdy: "dates month first" } satisfies Record<
      DayOrder,
      string
    >,
    provenDates: (dates: string, example: string, flag: boolean) =>
      `${dates} (as "${example}" proves${flag ? "; --date-order to change" : ""})`,
    decimalComma: "decimal comma",
    decimalPoint: "decimal point",
    provenSeparator: (separator: string, example: string) => `${separator} (as "${example}" proves)`,
    fitLeftOut: (customers: number) =>
      `Left out of the fit: ${counted(customers, "customer")} whose first purchase is on the calibration end ` +
      `(T = 0, observed for no time; the report lists them as customers and leaves them out of its model too)`,
  },
  "zh-CN": {
    testAccounts: (lines: number, customers: number, rules: string, ids: string, more: number) =>
      `已按测试账号排除 ${whole(customers)} 位客户的 ${whole(lines)} 行（规则：${rules}）：${ids}` +
      `${more > 0 ? ` 等，另有 ${whole(more)} 位` : ""}；加 --keep-test-accounts 可保留`,
    listSeparator: "、",
    ruleSeparator: "；",
    read: (file: string, encoding: string, detected: boolean, delimiter: string) =>
      `已按 "${encoding}" 编码读取 "${file}"${detected ? "（自动识别；可用 --encoding 指定）" : ""}，字段以${delimiter}分隔`,
    titleRows: (file: string, rows: readonly { row: number; text: string }[]) =>
      `${file}：订单行上方的第 ${rows.map((r) => r.row).join("、")} 行作为标题略过（${rows.map((r) => `“${r.text}”`).join("、")}）：` +
      `它比订单行窄，且没有数字，而每个订单行都有数字`,
    delimiters: {
      comma: "逗号",
      semicolon: "分号",
      tab: "制表符",
      pipe: "竖线",
      whitespace: "空白",
    },
    lines: (parts: string[]) => `读取规则：${parts.join("；")}`,
    linesLabel: "读取规则",
    titleRowsLabel: "略过的标题行",
    partSeparator: "；",
    amountsFrom: {
      amount: "金额取自金额列",
      "quantity × price": "金额 = 数量 × 单价",
      "quantity × price − discount": "金额 = 数量 × 单价 − 优惠",
    },
    orderTotals: "各行重复的订单金额每单只计一次",
    dates: { ymd: "日期按年在前读取", dmy: "日期按日在前读取", mdy: "日期按月在前读取" },
    provenDates: (dates: string, example: string, flag: boolean) =>
      `${dates}（由“${example}”确定${flag ? "；可用 --date-order 更改" : ""}）`,
    decimalComma: "小数点为逗号",
    decimalPoint: "小数点为句点",
    provenSeparator: (separator: string, example: string) => `${separator}（由“${example}”确定）`,
    fitLeftOut: (customers: number) =>
      `未纳入模型拟合：${whole(customers)} 位客户的首次购买在校准期末当天（观察时长为 0；报告将其列为客户，其模型同样不纳入）`,
  },
});

/** How the lines of an order table were read, as parts of a sentence. */
export interface ReadRules {
  amountRule: AmountRule;
  orderTotals: boolean;
  formats: Formats;
}

/**
 * The rules applied to the lines, in `language`: the amount rule, order totals counted once, the date order
 * and the decimal separator (with the value that proved each). `flags`: name the command-line flag that
 * changes the date order (the CLI), or not (the Data quality sheet).
 */
export function readRulesParts(rules: ReadRules, language: Language, flags: boolean): string[] {
  const texts = READING_TEXTS[language];
  const { formats } = rules;
  const parts = [texts.amountsFrom[rules.amountRule]];
  if (rules.orderTotals) parts.push(texts.orderTotals);
  const dates = texts.dates[formats.dayOrder];
  parts.push(formats.dayOrderFrom ? texts.provenDates(dates, formats.dayOrderFrom, flags) : dates);
  const separator = formats.decimalComma ? texts.decimalComma : texts.decimalPoint;
  parts.push(
    formats.decimalCommaFrom ? texts.provenSeparator(separator, formats.decimalCommaFrom) : separator,
  );
  return parts;
}

/**
 * The title rows left out above a header-less table, in `language`: one sentence per file (a glob's rows
 * name theirs), saying which rows, their text and why. The CLI's reading note, the Data quality sheet and
 * the pane say them with these words.
 */
export function titleRowsSentences(
  language: Language,
  table: { source: string; place?: TablePlace },
  rows: readonly TitleRow[],
): string[] {
  const byFile = new Map<string | undefined, TitleRow[]>();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  const where = placeText(PLACE_TEXTS[language], table.source, table.place);
  return [...byFile].map(([file, of]) => READING_TEXTS[language].titleRows(file ?? where, of));
}
