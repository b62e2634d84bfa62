/**
 * The custom functions' error messages (what Excel shows with #VALUE! and #N/A, and the diagnostics log),
 * as codes and values said in English or Chinese. A function says them in the language of its [language]
 * argument where it has one, else in Office's display language: the language Excel shows the functions'
 * descriptions in (functions.zh-CN.json), so a user who reads a function's help in Chinese reads its errors
 * in Chinese too. Parameter names, cell addresses and values stay as Excel shows them.
 */
import { bilingual } from "../engine/text/bilingual";
import { qualityNote } from "../engine/text/data-quality";

/** Where a value is: a parameter, and the cell (when Excel gave the address) or the row or column in it. */
export interface ArgPlace {
  name: string;
  cell?: string;
  /** 1-based position inside a range whose address is not known. */
  index?: { axis: "row" | "column"; n: number };
}

/** What a number must be, as the rule it broke says it. */
export type NumberProblem =
  | { rule: "whole"; value: number }
  | { rule: "atLeast" | "greaterThan" | "atMost"; limit: number; value: number };

export type FunctionErrorDetail =
  | { code: "empty"; name: string }
  | { code: "notVector"; name: string; rows: number; columns: number }
  | { code: "notSingle"; name: string; rows: number; columns: number }
  | { code: "blank"; place: ArgPlace }
  | { code: "notNumber"; place: ArgPlace; value: string }
  | { code: "numberRule"; place: ArgPlace; problem: NumberProblem }
  | { code: "notBoolean"; name: string; value: string }
  | { code: "notChoice"; name: string; value: string; choices: string[] }
  | { code: "notDate"; name: string; value: string }
  | { code: "holdsError"; place: ArgPlace | "input"; error: string }
  // An order line LOYALTY.SUMMARY and the like cannot take (`note`: the reader's why, `more`: rows like it).
  | {
      code: "refusedLine";
      place: ArgPlace;
      value: string;
      reason: "notDate" | "notAmount" | "blankId" | "memberOnly";
      note?: string;
      more: number;
    }
  | { code: "computed"; fn: string; value: string }
  | { code: "nothingToReturn"; fn: string; what: "rows" | "columns" }
  | { code: "internal"; fn: string; what: string };

type Texts = {
  place: (p: ArgPlace) => string;
  problem: (p: NumberProblem) => string;
  messages: {
    [C in FunctionErrorDetail["code"]]: (
      d: Extract<FunctionErrorDetail, { code: C }>,
      place: (p: ArgPlace) => string,
      problem: (p: NumberProblem) => string,
    ) => string;
  };
};

export const FUNCTION_TEXTS = bilingual<Texts>({
  en: {
    place: (p) =>
      p.cell ? `${p.name}, cell ${p.cell}` : p.index ? `${p.name}, ${p.index.axis} ${p.index.n}` : p.name,
    problem: (p) =>
      p.rule === "whole"
        ? `must be a whole number, not ${p.value}`
        : p.rule === "atMost"
          ? `must be at most ${p.limit}, not ${p.value}`
          : `must be ${p.rule === "greaterThan" ? "greater than" : "at least"} ${p.limit}, not ${p.value}`,
    messages: {
      empty: (d) => `${d.name} is empty`,
      notVector: (d) => `${d.name} must be one column or one row, not ${d.rows} rows × ${d.columns} columns`,
      notSingle: (d) => `${d.name} must be a single value, not a range of ${d.rows} × ${d.columns}`,
      blank: (d, place) => `${place(d.place)} is blank; a number is needed`,
      notNumber: (d, place) => `${place(d.place)}: ${d.value} is not a number`,
      numberRule: (d, place, problem) => `${place(d.place)} ${problem(d.problem)}`,
      notBoolean: (d) => `${d.name}: ${d.value} is not TRUE or FALSE`,
      notChoice: (d) => `${d.name}: ${d.value} is not one of ${d.choices.join(", ")}`,
      notDate: (d) => `${d.name}: ${d.value} is not a date`,
      holdsError: (d, place) => `${d.place === "input" ? "an input" : place(d.place)} holds ${d.error}`,
      refusedLine: (d, place) =>
        (d.reason === "memberOnly"
          ? `${place(d.place)}: customer ${d.value} has no date and no amount`
          : d.reason === "blankId"
            ? `${place(d.place)} is blank but the row has a date or an amount`
            : `${place(d.place)}: ${d.value} is not ${d.reason === "notDate" ? "a date" : "an amount"}` +
              (d.note ? ` (${d.note})` : "")) + (d.more > 0 ? ` (and ${d.more} more rows like it)` : ""),
      computed: (d) => `${d.fn} computed ${d.value}`,
      nothingToReturn: (d) => `${d.fn}: no ${d.what} to return`,
      internal: (d) => `internal error in ${d.fn}: ${d.what}`,
    },
  },
  "zh-CN": {
    place: (p) =>
      p.cell
        ? `${p.name}（单元格 ${p.cell}）`
        : p.index
          ? `${p.name} 的第 ${p.index.n} ${p.index.axis === "row" ? "行" : "列"}`
          : p.name,
    problem: (p) =>
      p.rule === "whole"
        ? `必须是整数，而不是 ${p.value}`
        : p.rule === "atMost"
          ? `不能大于 ${p.limit}，而不是 ${p.value}`
          : `必须${p.rule === "greaterThan" ? "大于" : "不小于"} ${p.limit}，而不是 ${p.value}`,
    messages: {
      empty: (d) => `${d.name} 是空的`,
      notVector: (d) => `${d.name} 必须是一列或一行，而不是 ${d.rows} 行 × ${d.columns} 列`,
      notSingle: (d) => `${d.name} 必须是单个值，而不是 ${d.rows} × ${d.columns} 的区域`,
      blank: (d, place) => `${place(d.place)} 为空；这里需要一个数字`,
      notNumber: (d, place) => `${place(d.place)}：${d.value} 不是数字`,
      numberRule: (d, place, problem) => `${place(d.place)} ${problem(d.problem)}`,
      notBoolean: (d) => `${d.name}：${d.value} 不是 TRUE 或 FALSE`,
      notChoice: (d) => `${d.name}：${d.value} 不是可选值之一（${d.choices.join("、")}）`,
      notDate: (d) => `${d.name}：${d.value} 不是日期`,
      holdsError: (d, place) => `${d.place === "input" ? "某个输入" : place(d.place)} 含有错误值 ${d.error}`,
      refusedLine: (d, place) =>
        (d.reason === "memberOnly"
          ? `${place(d.place)}：客户 ${d.value} 没有日期也没有金额`
          : d.reason === "blankId"
            ? `${place(d.place)} 为空，但这一行有日期或金额`
            : `${place(d.place)}：${d.value} 不是${d.reason === "notDate" ? "日期" : "金额"}` +
              (d.note ? `（${qualityNote(d.note, "zh-CN")}）` : "")) +
        (d.more > 0 ? `（另有 ${d.more} 行同样如此）` : ""),
      computed: (d) =>
        `${d.fn} 的计算结果为${{ NaN: "非数字", Infinity: "无穷大", "-Infinity": "负无穷大" }[d.value] ?? ` ${d.value}`}`,
      nothingToReturn: (d) => `${d.fn}：没有可返回的${d.what === "rows" ? "行" : "列"}`,
      internal: (d) => `${d.fn} 内部错误：${d.what}`,
    },
  },
});

/** A function's error in `language`. */
export function functionErrorText(language: "en" | "zh-CN", detail: FunctionErrorDetail): string {
  const texts = FUNCTION_TEXTS[language];
  const render = texts.messages[detail.code] as (
    d: FunctionErrorDetail,
    place: Texts["place"],
    problem: Texts["problem"],
  ) => string;
  return render(detail, texts.place, texts.problem);
}
