/**
 * What the `loyalty` command says, in the language of --lang (or of the workbook a refresh updates): its
 * summaries (report, demo, fit, sql), progress lines, warnings and the errors that carry no engine code.
 * Flags, file names, ids, model names and units stay as they are typed. Numbers are written as en-US writes
 * them (1,234.50) in both languages, as the CLI's JSON and the sheets' notes do.
 */
import { bilingual } from "../engine/text/bilingual";
import { counted } from "../engine/text/counted";
import { decimal, whole } from "../engine/text/format";
import type { ReportStep } from "../report/build-report";

/** The commander errors a user meets, by commander's code; any other is said as commander says it. */
export type CommanderCode =
  | "commander.unknownOption"
  | "commander.unknownCommand"
  | "commander.missingArgument"
  | "commander.optionMissingArgument"
  | "commander.missingMandatoryOptionValue"
  | "commander.invalidArgument"
  | "commander.excessArguments";

/** The steps of reading orders through DuckDB, each a progress line on a terminal. */
export type DuckDbReadStep =
  | "loading"
  | "deciding"
  | "parsing"
  | "orders"
  | "checking"
  | "dating"
  | "duplicates"
  | "clean"
  | "members"
  | "counting";

/** Why `--engine auto` reads an input with DuckDB. */
export type DuckDbReason = "glob" | "parquet" | "compressed" | "large";

/** The benefit-cost projection's totals as the summary line says them. */
export interface ProjectionLine {
  periods: number;
  periodMonths: number;
  scenario: string;
  revenue: number;
  benefitCost: number;
  costShare: number;
  netEffect: number;
  roi: number;
  liability: number;
}

/** A model fit's headline, as `loyalty fit` prints it above the parameters. */
export interface FitHeadline {
  model: string;
  customers: number;
  distinctRows: number;
  source: string;
  kind: string;
  unit?: string;
}

/** The time units in Chinese, as a count's unit ("3 周"). */
const TIME_UNIT_ZH: Record<string, string> = { day: "天", week: "周", month: "个月" };

export const CLI_TEXTS = bilingual({
  en: {
    // Commander's own messages, the value it names quoted as commander quotes it.
    commander: {
      "commander.unknownOption": (value: string) => `unknown option '${value}'`,
      "commander.unknownCommand": (value: string) => `unknown command '${value}'`,
      "commander.missingArgument": (value: string) => `missing required argument '${value}'`,
      "commander.optionMissingArgument": (value: string) => `option '${value}' argument missing`,
      "commander.missingMandatoryOptionValue": (value: string) => `required option '${value}' not specified`,
      "commander.invalidArgument": (value: string) => `invalid value: ${value}`,
      "commander.excessArguments": (value: string) => `too many arguments: ${value}`,
    } satisfies Record<CommanderCode, (value: string) => string>,
    internalError: (stack: string) =>
      `internal error (a fault of this tool, not of your data; please report it with what follows): ${stack}`,
    dateOrderFlag: "; on the command line: --date-order dmy (day first) or --date-order mdy (month first)",
    progress: {
      reading: "Reading the orders",
      checking: "Checking the data",
      summarising: "Summarising customers, segments, tiers and KPIs",
      fitting: "Fitting the purchase and spend models",
      done: "Done",
    } satisfies Record<Exclude<ReportStep, "writing">, string>,
    writingSheet: (index: number, count: number, name: string) =>
      `Writing sheet ${index} of ${count}: ${name}`,
    saving: (file: string) => `Saving ${file}`,
    wrote: (file: string, sheets: string[]) => `Wrote ${file}: ${sheets.join(", ")}`,
    fromSummary: (source: string, customers: number, orders: number, revenue: number, asOf: string) =>
      `From the customer summary ${source}: ${counted(customers, "customer")}, ${counted(orders, "order")}, ` +
      `net revenue ${decimal(revenue, 2)}, as of ${asOf}; the sheets that need order lines say so`,
    totals: (customers: number, orders: number, lines: number, revenue: number, asOf: string) =>
      `${counted(customers, "customer")}, ${counted(orders, "order")} (${counted(lines, "line")}), ` +
      `net revenue ${decimal(revenue, 2)}, as of ${asOf}`,
    segments: (parts: string[]) => `Segments: ${parts.join(", ")}`,
    tiers: (parts: string[]) => `Tiers: ${parts.join(", ")}`,
    named: (name: string, count: number) => `${name} ${whole(count)}`,
    alerts: (members: number) => `Alerts: ${counted(members, "member")} to act on`,
    finding: (label: string, count: number, action: string) =>
      `${label.toLowerCase()} ${whole(count)} (${action})`,
    dataQuality: (findings: string[]) =>
      `Data quality: ${findings.length > 0 ? findings.join(", ") : "nothing to fix"}`,
    benefitCost: (p: ProjectionLine) =>
      `Benefit cost, ${
        p.periodMonths === 1
          ? counted(p.periods, "month")
          : `${counted(p.periods, "period")} of ${counted(p.periodMonths, "month")}`
      }, ${p.scenario} scenario: revenue ${whole(p.revenue)}, ` +
      `benefit cost ${whole(p.benefitCost)} (${decimal(p.costShare * 100, 1)} %), ` +
      `net effect ${whole(p.netEffect)}, ROI ${decimal(p.roi * 100, 1)} %, ` +
      `points liability at the end ${whole(p.liability)}`,
    modelFitted: (name: string) => `Model: ${name} fitted`,
    modelNotUsed: (name: string, problem: string) => `Model: ${name} not used: ${problem}`,
    warning: (text: string) => `Warning: ${text}`,
    notKept: (what: string) => `not kept (--force): ${what}`,
    writtenAgain: (what: string, kept: boolean) =>
      `written again (--force): ${what}` +
      (kept ? '; what was typed is kept in "Typed over the report" below the sheet\'s content' : ""),
    qualityWarning: (count: number, customers: boolean, label: string, action: string, first: string) =>
      `${counted(count, customers ? "customer" : "row")}: ${label.toLowerCase()} (${action})` +
      (first ? `; first at ${first}` : ""),
    renamedSheet: (requested: string, actual: string) =>
      `A sheet named "${requested}" is not a Loyalty Lens sheet, so the report wrote "${actual}"`,
    doneIn: (seconds: number) => `Done in ${seconds.toFixed(1)} s`,
    demoFiles: (orders: string, campaigns: string) =>
      `The sample's orders: ${orders}; its campaigns: ${campaigns}`,
    sqlWritten: (file: string) => `Wrote the query to ${file}`,
    sqlQuotedCase: (warehouse: string, names: string[], stored: string[], upper: boolean) =>
      `${warehouse} matches a quoted name's case exactly, and the query quotes every name: ` +
      `${names.map((n) => `"${n}"`).join(", ")} ${names.length === 1 ? "finds only a name" : "find only names"} ` +
      `created in quotes as written. ${warehouse} stores a name created without quotes in ` +
      `${upper ? "upper" : "lower"} case: if yours were, give ${stored.join(", ")}`,
    duckDbLeavesOut: (file: string, roles: string[]) =>
      `${file}: the DuckDB engine leaves out ${counted(roles.length, "column")} (${roles.join(", ")}): ` +
      "only the in-process reader (--engine js) reads them",
    // `file`: the files read, as the DuckDB path names them (a file or a glob).
    duckDbSteps: {
      loading: (file: string) => `Loading ${file} into DuckDB`,
      deciding: () =>
        "Deciding the date order, the decimal separator and the currency from the whole columns",
      parsing: () => "Reading ids, dates and amounts with the engine's parsers",
      orders: () => "Finding order totals",
      checking: () => "Checking every line",
      dating: () => "Dating the lines",
      duplicates: () => "Finding exact duplicate lines",
      clean: () => "Keeping the clean lines",
      members: () => "Reading the member details",
      counting: () => "Counting what was done with which lines",
    } satisfies Record<DuckDbReadStep, (file: string) => string>,
    duckDbChosen: (file: string, reason: string) =>
      `Reading ${file} with DuckDB: ${reason} (--engine js reads it in process)`,
    duckDbReasons: {
      glob: () => "it names several files",
      parquet: () => "it is a Parquet file",
      compressed: () => "it is compressed",
      large: (megabytes: number) => `it is larger than ${megabytes} MB`,
    } satisfies Record<DuckDbReason, (megabytes: number) => string>,
    fit: {
      headline: (h: FitHeadline) =>
        `${h.model} fitted to ${counted(h.customers, "customer")} (${counted(h.distinctRows, "distinct row")}) ` +
        `from ${h.source} (${h.kind}${h.unit ? `, time unit: ${h.unit}` : ""})`,
      excluded: (noRepeat: number, nonPositive: number) =>
        `left out: ${counted(noRepeat, "customer")} without repeat purchases, ${whole(nonPositive)} with a mean repeat value ≤ 0`,
      parameterHeader: ["parameter", "estimate", "std. error"],
      notAvailable: "n/a",
      logLikelihood: "log-likelihood",
      penalizer: "penalizer",
      // `account`: how the optimiser ended, in the language (fitStopText).
      stopped: (converged: boolean, account: string, seconds: number) =>
        `${converged ? "" : "NOT CONVERGED: "}${account} (${seconds.toFixed(3)} s)`,
      fitClass: (summary: string) => `fit: ${summary}`,
      comparedOn: (calibrationEnd: string, length: string, unit: string) =>
        `Purchase models fitted on the orders up to ${calibrationEnd} and scored on the ${length} ${unit}s after it:`,
      comparisonHeader: ["model", "fit", "error by group", "error of total", "error per customer", "BIC"],
      fitClasses: { ok: "ok", warning: "warning", degenerate: "degenerate" } as Record<string, string>,
      chosen: (model: string) =>
        `Chosen: ${model} (the smallest error by group among the fits that are not degenerate), refitted on the whole history:`,
      noneChosen: "No model is fit to use: every fit is degenerate.",
    },
  },
  "zh-CN": {
    commander: {
      "commander.unknownOption": (value: string) => `未知选项 ${value}`,
      "commander.unknownCommand": (value: string) => `未知命令 ${value}`,
      "commander.missingArgument": (value: string) => `缺少必需的参数 ${value}`,
      "commander.optionMissingArgument": (value: string) => `选项 ${value} 缺少取值`,
      "commander.missingMandatoryOptionValue": (value: string) => `未指定必需的选项 ${value}`,
      "commander.invalidArgument": (value: string) => `${value} 的取值无效（可选的值见 --help）`,
      "commander.excessArguments": (value: string) => `参数过多：${value}`,
    },
    internalError: (stack: string) =>
      `内部错误（这是本工具的问题，不是您数据的问题；请连同以下技术信息一起报告）：${stack}`,
    dateOrderFlag: "；在命令行中：--date-order dmy（日在前）或 --date-order mdy（月在前）",
    progress: {
      reading: "正在读取订单",
      checking: "正在检查数据",
      summarising: "正在汇总客户、细分、等级和关键指标",
      fitting: "正在拟合购买与消费模型",
      done: "完成",
    },
    writingSheet: (index: number, count: number, name: string) =>
      `正在写入第 ${index}/${count} 个工作表：${name}`,
    saving: (file: string) => `正在保存 ${file}`,
    wrote: (file: string, sheets: string[]) => `已写入 ${file}：${sheets.join("、")}`,
    fromSummary: (source: string, customers: number, orders: number, revenue: number, asOf: string) =>
      `来自客户汇总 ${source}：${whole(customers)} 位客户，${whole(orders)} 笔订单，` +
      `净收入 ${decimal(revenue, 2)}，统计截止日 ${asOf}；需要订单明细的工作表会注明`,
    totals: (customers: number, orders: number, lines: number, revenue: number, asOf: string) =>
      `${whole(customers)} 位客户，${whole(orders)} 笔订单（${whole(lines)} 行），` +
      `净收入 ${decimal(revenue, 2)}，统计截止日 ${asOf}`,
    segments: (parts: string[]) => `客户细分：${parts.join("，")}`,
    tiers: (parts: string[]) => `会员等级：${parts.join("，")}`,
    named: (name: string, count: number) => `${name} ${whole(count)}`,
    alerts: (members: number) => `预警：${whole(members)} 位会员需要跟进`,
    finding: (label: string, count: number, action: string) => `${label} ${whole(count)}（${action}）`,
    dataQuality: (findings: string[]) =>
      `数据质量：${findings.length > 0 ? findings.join("，") : "没有需要修正的地方"}`,
    benefitCost: (p: ProjectionLine) =>
      `权益成本，${
        p.periodMonths === 1
          ? `${whole(p.periods)} 个月`
          : `${whole(p.periods)} 期（每期 ${whole(p.periodMonths)} 个月）`
      }，${p.scenario}情景：收入 ${whole(p.revenue)}，` +
      `权益成本 ${whole(p.benefitCost)}（${decimal(p.costShare * 100, 1)}%），` +
      `净效应 ${whole(p.netEffect)}，ROI ${decimal(p.roi * 100, 1)}%，` +
      `期末积分负债 ${whole(p.liability)}`,
    modelFitted: (name: string) => `模型：${name} 已拟合`,
    modelNotUsed: (name: string, problem: string) => `模型：未使用 ${name}：${problem}`,
    warning: (text: string) => `提示：${text}`,
    notKept: (what: string) => `未保留（--force）：${what}`,
    writtenAgain: (what: string, kept: boolean) =>
      `已重新写入（--force）：${what}` +
      (kept ? "；输入的内容保留在工作表内容下方的“改写过的报表单元格”中" : ""),
    qualityWarning: (count: number, customers: boolean, label: string, action: string, first: string) =>
      `${whole(count)} ${customers ? "位客户" : "行"}：${label}（${action}）` +
      (first ? `；首次出现于 ${first}` : ""),
    renamedSheet: (requested: string, actual: string) =>
      `名为“${requested}”的工作表不是 Loyalty Lens 的工作表，因此报告写入了“${actual}”`,
    doneIn: (seconds: number) => `用时 ${seconds.toFixed(1)} 秒`,
    demoFiles: (orders: string, campaigns: string) => `示例订单：${orders}；示例活动：${campaigns}`,
    sqlWritten: (file: string) => `已将查询写入 ${file}`,
    sqlQuotedCase: (warehouse: string, names: string[], stored: string[], upper: boolean) =>
      `${warehouse} 对加了引号的名称严格区分大小写，而查询给每个名称都加了引号：` +
      `${names.map((n) => `"${n}"`).join("、")} 只能找到建表时加了引号、写法完全相同的名称。` +
      `${warehouse} 把建表时未加引号的名称存为${upper ? "大写" : "小写"}：若是这样，请写成 ` +
      stored.map((n) => `"${n}"`).join("、"),
    duckDbLeavesOut: (file: string, roles: string[]) =>
      `${file}：DuckDB 引擎不读取 ${whole(roles.length)} 列（${roles.join("、")}）；` +
      "只有进程内读取（--engine js）会读取这些列",
    duckDbSteps: {
      loading: (file: string) => `正在把 ${file} 载入 DuckDB`,
      deciding: () => "正在根据整列数据判断日期顺序、小数分隔符和币种",
      parsing: () => "正在用引擎的解析规则读取编号、日期和金额",
      orders: () => "正在查找订单总额",
      checking: () => "正在检查每一行",
      dating: () => "正在确定每行的日期",
      duplicates: () => "正在查找完全重复的行",
      clean: () => "正在保留可用的行",
      members: () => "正在读取会员资料",
      counting: () => "正在统计各行的处理情况",
    },
    duckDbChosen: (file: string, reason: string) =>
      `用 DuckDB 读取 ${file}：${reason}（--engine js 会在进程内读取）`,
    duckDbReasons: {
      glob: () => "它匹配多个文件",
      parquet: () => '它是 "Parquet" 文件',
      compressed: () => "它是压缩文件",
      large: (megabytes: number) => `它大于 ${megabytes} MB`,
    },
    fit: {
      headline: (h: FitHeadline) =>
        `${h.model} 已拟合 ${whole(h.customers)} 位客户（${whole(h.distinctRows)} 个不同的行），数据来自 ${h.source}` +
        `（${h.kind === "summary" ? "客户汇总" : "交易明细"}${h.unit ? `，时间单位：${TIME_UNIT_ZH[h.unit] ?? h.unit}` : ""}）`,
      excluded: (noRepeat: number, nonPositive: number) =>
        `未纳入：${whole(noRepeat)} 位客户没有重复购买，${whole(nonPositive)} 位平均重复消费额 ≤ 0`,
      parameterHeader: ["参数", "估计值", "标准误"],
      notAvailable: "无",
      logLikelihood: "对数似然",
      penalizer: "惩罚系数",
      stopped: (converged: boolean, account: string, seconds: number) =>
        `${converged ? "" : "注意："}${account}（${seconds.toFixed(3)} 秒）`,
      fitClass: (summary: string) => `拟合：${summary}`,
      comparedOn: (calibrationEnd: string, length: string, unit: string) =>
        `各购买模型以截至 ${calibrationEnd} 的订单拟合，并以其后 ${length} ${TIME_UNIT_ZH[unit] ?? unit}的数据评分：`,
      comparisonHeader: ["模型", "拟合", "分组误差", "总量误差", "每位客户误差", "BIC"],
      fitClasses: { ok: "良好", warning: "需注意", degenerate: "退化" } as Record<string, string>,
      chosen: (model: string) => `选用：${model}（非退化拟合中分组误差最小），已用全部历史重新拟合：`,
      noneChosen: "没有可用的模型：所有拟合都退化了。",
    },
  },
});
