/**
 * The custom functions' texts: the words of their text results (header rows, labels, the QUALITY table)
 * and their error messages (what Excel shows with #VALUE! and #N/A, and the diagnostics log),
 * as codes and values said in English or Chinese. A function says them in the language of its [language]
 * argument where it has one, else in Office's display language: the language Excel shows the functions'
 * descriptions in (functions.zh-CN.json), so a user who reads a function's help in Chinese reads its errors
 * in Chinese too. Parameter names, cell addresses and values stay as Excel shows them.
 */
import { bilingual } from "../engine/text/bilingual";
import { qualityNote } from "../engine/text/data-quality";
import { INPUT_RULE_TEXTS, inputRuleText, type InputRuleProblem } from "../engine/text/model-inputs";
import type { TierMinimumProblem } from "../engine/tiers/program";
import { tierProblemText } from "../engine/text/rule-problems";
import type { AmountRule } from "../engine/data/columns";
import type { TimeUnit } from "../engine/summary/time-unit";

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
  // Ranges read together: their sizes and directions must agree.
  | { code: "rangeSizes"; first: string; n: number; unit: "rows" | "columns"; second: string; length: number }
  | {
      code: "rangeDirections";
      first: string;
      firstIs: "row" | "column";
      second: string;
      secondIs: "row" | "column";
    }
  | { code: "orderColumnSizes"; customers: string; n: number; name: string; length: number; columns: number }
  // A model row (SPEC §3) that cannot be read; `accepted` and `model` are the models' names.
  | { code: "notModelRow"; name: string; fitFunction: string; accepted: string[]; first: string }
  | { code: "modelRows"; name: string; count: number }
  | { code: "wrongModel"; name: string; model: string; accepted: string[] }
  | { code: "modelCellNotNumber"; name: string; cell: number; value: string }
  | { code: "modelParamCount"; name: string; model: string; params: string[]; found: number }
  | { code: "modelParamNotPositive"; name: string; model: string; param: string; value: number }
  | { code: "modelUnavailable"; model: string }
  | { code: "notConverged"; model: string; reason: string }
  // What the engine refuses (a customer row, a horizon, cut points, an LTV input), at `place` when known.
  | { code: "inputRule"; place?: ArgPlace; problem: InputRuleProblem }
  | { code: "noCustomers"; names: string[] }
  | { code: "noNumbers"; name: string }
  | { code: "notName"; name: string; value: string }
  | { code: "tooFewTiers"; name: string }
  | { code: "minimumCount"; name: string; count: number; tiers: number }
  | { code: "needsPurchases"; name: string; purchases: string }
  | { code: "tierRules"; problems: TierMinimumProblem[] }
  | { code: "perpetuity"; row: number; retention: number; discountRate: number; periods: string }
  | { code: "noStart"; name: string }
  | { code: "noParticipants"; name: string }
  | { code: "partialHistory"; names: string[] }
  | { code: "bgnbdOnly"; name: string }
  | { code: "computed"; fn: string; value: string }
  | { code: "nothingToReturn"; fn: string; what: "rows" | "columns" }
  // A fault of ours: `what` is the JavaScript error's text, kept as technical detail for a bug report.
  | { code: "internal"; fn: string; what: string }
  | { code: "unshowable"; fn: string };

/** The words of the functions' text results: header rows, labels, the QUALITY table's fixed lines. */
interface ResultWords {
  summaryHeaders: (unit: TimeUnit) => string[];
  paretoHeaders: readonly string[];
  /** The first and last labels of a model row's label row (the parameters keep their symbols). */
  modelLabel: string;
  logLikelihood: string;
  qualityHeaders: readonly string[];
  rowsRead: string;
  purchaseLinesUsed: string;
  lineAmount: (rule: AmountRule) => string;
  /** A finding's label with what it counts: "Zero amount (rows)". */
  finding: (label: string, unit: string) => string;
  /** A finding's first example: where it is, its value and why. */
  example: (place: string, value: string, note?: string) => string;
}

type Texts = {
  results: ResultWords;
  inputRules: (typeof INPUT_RULE_TEXTS)["en"];
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

/** "a, b or c" (or "and"), as the English messages list names. */
function orList(items: readonly string[], or = "or"): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} ${or} ${items.at(-1)}`;
}

export const FUNCTION_TEXTS = bilingual<Texts>({
  en: {
    results: {
      summaryHeaders: (unit) => {
        const u = { day: "days", week: "weeks", month: "months" }[unit];
        return [
          "customer",
          "first purchase",
          "last purchase",
          "orders",
          "x (repeat purchase days)",
          `t_x (${u})`,
          `T (${u})`,
          "recency (days)",
          "total spend",
          "mean repeat value",
        ];
      },
      paretoHeaders: ["top share", "customers", "value", "share of value"],
      modelLabel: "model",
      logLikelihood: "log-likelihood",
      qualityHeaders: ["reason", "count", "action", "amount", "first example"],
      rowsRead: "Rows read",
      purchaseLinesUsed: "Purchase lines used",
      lineAmount: (rule) => `Line amount: ${rule}`,
      finding: (label, unit) => `${label} (${unit})`,
      example: (place, value, note) => `${place}: ${value}${note ? ` (${note})` : ""}`,
    },
    inputRules: INPUT_RULE_TEXTS.en,
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
      rangeSizes: (d) =>
        `${d.first} has ${d.n} ${d.unit} but ${d.second} has ${d.length}: give ranges of the same size, or a single value to use for every row`,
      rangeDirections: (d) => `${d.first} is a ${d.firstIs} but ${d.second} is a ${d.secondIs}`,
      orderColumnSizes: (d) =>
        `${d.customers} has ${d.n} rows but ${d.name} has ${d.length}: give the ${d.columns === 3 ? "three " : ""}columns of one order table`,
      notModelRow: (d) =>
        `${d.name} must be a model row such as ${d.fitFunction} returns (its first cell names the model: ${orList(d.accepted)}); its first cell is ${d.first}`,
      modelRows: (d) => `${d.name} holds ${d.count} model rows; give one`,
      wrongModel: (d) => `${d.name} is a ${d.model} model; this function needs ${orList(d.accepted)}`,
      modelCellNotNumber: (d) => `${d.name}, cell ${d.cell}: ${d.value} is not a number`,
      modelParamCount: (d) =>
        `${d.name}: a ${d.model} row holds ${d.params.length} parameters (${d.params.join(", ")}) and optionally the log-likelihood; found ${d.found} numbers`,
      modelParamNotPositive: (d) =>
        `${d.name}: ${d.model} parameter ${d.param} must be positive, not ${d.value}`,
      modelUnavailable: (d) => `${d.model} is not available in this version`,
      notConverged: (d) => `the ${d.model} fit did not converge: ${d.reason}`,
      inputRule: (d, place) => (d.place ? `${place(d.place)}: ` : "") + inputRuleText(d.problem, "en"),
      noCustomers: (d) => `${orList(d.names, "and")} hold${d.names.length === 1 ? "s" : ""} no customers`,
      noNumbers: (d) => `${d.name} holds no numbers`,
      notName: (d) => `${d.name}: ${d.value} is not a name`,
      tooFewTiers: (d) => `${d.name} must list at least two tiers, from the top down`,
      minimumCount: (d) =>
        `${d.name} has ${d.count} numbers for ${d.tiers} tiers: give one minimum per tier above the base (${d.tiers - 1}), from the top`,
      needsPurchases: (d) => `${d.name} needs ${d.purchases}: each customer's purchase days`,
      tierRules: (d) => `tier rules: ${d.problems.map((p) => tierProblemText("en", p)).join("; ")}`,
      perpetuity: (d) =>
        `row ${d.row}: retention ${d.retention} is not below 1 + discount rate ${d.discountRate}, so the perpetuity has no finite value; give ${d.periods}`,
      noStart: (d) => `${d.name}: give the day the campaign started`,
      noParticipants: (d) => `${d.name}: no member id given`,
      partialHistory: (d) =>
        `give ${orList(d.names, "and")} together (a customer's history), or none of them (a new customer)`,
      bgnbdOnly: (d) => `${d.name}: P(X(t) = n) is available for BG/NBD models only`,
      computed: (d) => `${d.fn} computed ${d.value}`,
      nothingToReturn: (d) => `${d.fn}: no ${d.what} to return`,
      internal: (d) =>
        `${d.fn} failed: a fault of Loyalty Lens, not of your data; please report it (technical detail: ${d.what})`,
      unshowable: (d) =>
        `${d.fn} gave a result Excel cannot show: a fault of Loyalty Lens, not of your data; please report it`,
    },
  },
  "zh-CN": {
    results: {
      summaryHeaders: (unit) => {
        const u = { day: "天", week: "周", month: "月" }[unit];
        return [
          "客户",
          "首次购买",
          "最近购买",
          "订单数",
          "x（重复购买天数）",
          `t_x（${u}）`,
          `T（${u}）`,
          "距最近购买天数",
          "消费总额",
          "重复购买平均金额",
        ];
      },
      paretoHeaders: ["前百分比", "客户数", "价值", "价值占比"],
      modelLabel: "模型",
      logLikelihood: "对数似然",
      qualityHeaders: ["原因", "数量", "处理方式", "金额", "首个示例"],
      rowsRead: "读取行数",
      purchaseLinesUsed: "使用的购买记录",
      lineAmount: (rule) =>
        `行金额：${{ amount: "金额列", "quantity × price": "数量 × 单价", "quantity × price − discount": "数量 × 单价 − 优惠" }[rule]}`,
      finding: (label, unit) => `${label}（${unit}）`,
      example: (place, value, note) => `${place}：${value}${note ? `（${note}）` : ""}`,
    },
    inputRules: INPUT_RULE_TEXTS["zh-CN"],
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
      rangeSizes: (d) =>
        `${d.first} 有 ${d.n} ${d.unit === "rows" ? "行" : "列"}，而 ${d.second} 有 ${d.length} ${d.unit === "rows" ? "行" : "列"}：请给出大小相同的区域，或用于每一行的单个值`,
      rangeDirections: (d) =>
        `${d.first} 是一${d.firstIs === "row" ? "行" : "列"}，而 ${d.second} 是一${d.secondIs === "row" ? "行" : "列"}`,
      orderColumnSizes: (d) =>
        `${d.customers} 有 ${d.n} 行，而 ${d.name} 有 ${d.length} 行：请给出同一张订单表的${d.columns === 3 ? "三" : "各"}列`,
      notModelRow: (d) =>
        `${d.name} 必须是模型行，如 ${d.fitFunction} 返回的那样（第一个单元格写模型名：${d.accepted.join("、")}）；它的第一个单元格是 ${d.first}`,
      modelRows: (d) => `${d.name} 含有 ${d.count} 个模型行；请只给一个`,
      wrongModel: (d) => `${d.name} 是 ${d.model} 模型；此函数需要 ${d.accepted.join("、")} 之一`,
      modelCellNotNumber: (d) => `${d.name} 的第 ${d.cell} 个单元格：${d.value} 不是数字`,
      modelParamCount: (d) =>
        `${d.name}：${d.model} 模型行含 ${d.params.length} 个参数（${d.params.join("、")}），可再加对数似然；这里有 ${d.found} 个数字`,
      modelParamNotPositive: (d) => `${d.name}：${d.model} 的参数 ${d.param} 必须为正数，而不是 ${d.value}`,
      modelUnavailable: (d) => `此版本不提供 ${d.model} 模型`,
      // The reason is the optimiser's English; the Chinese says what it means, as the Model sheet does.
      notConverged: (d) => `${d.model} 拟合未收敛（客户或重复购买可能太少；设置惩罚项可能有帮助）`,
      inputRule: (d, place) => (d.place ? `${place(d.place)}：` : "") + inputRuleText(d.problem, "zh-CN"),
      noCustomers: (d) => `${d.names.join("、")} 中没有客户`,
      noNumbers: (d) => `${d.name} 中没有数字`,
      notName: (d) => `${d.name}：${d.value} 不是名称`,
      tooFewTiers: (d) => `${d.name} 至少要列出两个等级，从高到低`,
      minimumCount: (d) =>
        `${d.name} 有 ${d.count} 个数字，而等级有 ${d.tiers} 个：请从高到低为基础等级以上的每个等级给一个门槛（共 ${d.tiers - 1} 个）`,
      needsPurchases: (d) => `${d.name} 需要同时给出 ${d.purchases}：每位客户的消费天数`,
      tierRules: (d) => `等级规则：${d.problems.map((p) => tierProblemText("zh-CN", p)).join("；")}`,
      perpetuity: (d) =>
        `第 ${d.row} 行：留存率 ${d.retention} 不小于 1 + 折现率 ${d.discountRate}，永续价值不是有限值；请给出 ${d.periods}`,
      noStart: (d) => `${d.name}：请给出活动开始的日期`,
      noParticipants: (d) => `${d.name}：没有给出会员编号`,
      partialHistory: (d) => `请同时给出 ${d.names.join("、")}（客户的购买历史），或都不给（新客户）`,
      bgnbdOnly: (d) => `${d.name}：P(X(t) = n) 只适用于 BG/NBD 模型`,
      computed: (d) =>
        `${d.fn} 的计算结果为${{ NaN: "非数字", Infinity: "无穷大", "-Infinity": "负无穷大" }[d.value] ?? ` ${d.value}`}`,
      nothingToReturn: (d) => `${d.fn}：没有可返回的${d.what === "rows" ? "行" : "列"}`,
      internal: (d) =>
        `${d.fn} 出错：这是 Loyalty Lens 的问题，不是您数据的问题；请报告此问题（技术信息：${d.what}）`,
      unshowable: (d) =>
        `${d.fn} 得出了 Excel 无法显示的结果：这是 Loyalty Lens 的问题，不是您数据的问题；请报告此问题`,
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
