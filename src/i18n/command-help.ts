/**
 * `loyalty --help` and each command's help, in the language of --lang: the commands' and options' words,
 * commander's headings (Usage, Options ...) and its notes on choices and defaults. Flags, file names,
 * values a user types (auto, week, perLine), column names of the summary and the examples' command lines
 * stay as they are typed.
 */
import { bilingual } from "../engine/text/bilingual";
import { SUMMARY_COLUMNS, type SummaryColumn } from "../engine/summary/summary-columns";

/** Commander's headings, as commander writes them (the keys) and as the help shows them. */
type Headings = Record<"Usage:" | "Options:" | "Commands:" | "Arguments:" | "Global Options:", string>;

/** The options every command that reads an order table takes (src/cli/table-options.ts), by attribute. */
interface TableOptionTexts {
  /** The flag of a column role: `label` is the role's name in the language ("order date", "下单日期"). */
  roleColumn: (label: string) => string;
  header: string;
  columns: string;
  delimiter: string;
  encoding: string;
  decimalComma: string;
  noDecimalComma: string;
  dateOrder: string;
  lineAmounts: string;
  keepTestAccounts: string;
  maskContacts: string;
}

const english = {
  program: "Loyalty Lens: loyalty and membership analysis (RFM, tiers, KPIs, CLV) on .xlsx and .csv files",
  version: "print the version",
  help: "show help for a command",
  helpCommand: "display help for command",
  headings: {
    "Usage:": "Usage:",
    "Options:": "Options:",
    "Commands:": "Commands:",
    "Arguments:": "Arguments:",
    "Global Options:": "Global Options:",
  } satisfies Headings,
  /** The words of commander's usage line, "[options] [command]". */
  usage: { options: "[options]", command: "[command]" },
  choices: (values: string[]) => `choices: ${values.join(", ")}`,
  defaultIs: (value: string) => `default: ${value}`,
  /** A description with commander's notes (choices, default) after it. */
  withNotes: (description: string, notes: string[]) => `${description} (${notes.join(", ")})`,
  examples: "Examples:",
  table: {
    roleColumn: (label: string) => `the ${label} column: its header, letter (C) or number`,
    header: "the file has no header row: name its columns with --columns or the flags above",
    columns:
      "the roles of the columns in order, comma-separated, - for one to leave out (e.g. id,date,quantity,amount)",
    delimiter: "field separator of a text file: comma, semicolon, tab, pipe or whitespace",
    encoding: "encoding of a text file: utf-8, gbk, gb18030, big5, windows-1252, latin1 ...",
    decimalComma: "amounts are written 1.234,56 (default: decided from the amounts)",
    noDecimalComma: "amounts are written 1,234.56",
    dateOrder:
      "order of day and month in text dates such as 03/04/2024 (default: as a date proves, e.g. 25/12/2023)",
    lineAmounts:
      "the amount column holds line amounts or order totals repeated per line (default: decided from the data)",
    keepTestAccounts: "keep the ids the test-account rules would leave out",
    maskContacts:
      "write phone numbers as 138****1234 and e-mails as a***@host on the sheets (saved in the workbook)",
  } satisfies TableOptionTexts,
  langSheets:
    "language of the sheets and of the lines on how the orders were read: en or zh-CN (default: the workbook's stored language, else en)",
  demo: {
    description: "build the full report on the bundled sample data (3,000 members, 2022-2024)",
    out: "where to write the report",
    json: "print the summary as JSON",
  },
  report: {
    description:
      "build the report sheets (customers, segments, tiers, KPIs, alerts, ...) from an order table",
    input: "orders as .csv/.txt, or an .xlsx workbook (its first table, or --sheet)",
    summary:
      "build from a customer summary (.csv/.xlsx, one row per customer, as `loyalty sql` makes it) instead of orders",
    unit: "time unit of the models and of a --summary's recency and T: day, week or month",
    out: "write the report to this new .xlsx workbook",
    inPlace: "add or replace only the report sheets of the .xlsx input; everything else is kept",
    force:
      "with --in-place: refresh even when something written on the report's sheets cannot be kept (it is listed)",
    config: "report settings as JSON (columns, as-of date, tiers, alerts, sheets, ...)",
    asOf: "the day the report is made for (default: the last order date)",
    sheets: "only these sheets, comma-separated (customers,segments,tiers,kpis,alerts,...)",
    sheet: "the sheet of the .xlsx input holding the orders",
    campaigns:
      "who took part in which campaign (.csv/.xlsx: member id, campaign, start date, end date, cost); " +
      "default: a Campaigns sheet of the .xlsx input",
    json: "print the summary as JSON",
    engine:
      "who reads the orders: js (in process), duckdb (out of core: Parquet, globs, very large files) or auto",
  },
  fit: {
    description: "fit a buy-till-you-die model to a summary file or a transaction file (.csv or .xlsx)",
    input: "summary file (frequency, recency, T [, monetary_value]) or transaction file",
    summary:
      "a customer summary (.csv/.xlsx: frequency, recency, T [, monetary_value]), as `loyalty sql` makes it",
    model:
      "model to fit; auto: compare BG/NBD, Pareto/NBD and MBG/NBD on the purchases after the calibration end (default: the last quarter of a transaction file, at least 8 weeks) and fit the best on the whole history",
    json: "print one JSON object",
    lang: "the lines on how the file was read: en or zh-CN (default: en)",
    calibrationEnd: "last day of the calibration period (default: the last order date)",
    unit: "time unit of the model: day, week or month (the predictions are the same in any unit: α and β scale with it)",
    engine:
      "who reads a transaction file: js (in process), duckdb (out of core: Parquet, globs, very large files) or auto",
    penalizer: "L2 penalty on the parameters, as lifetimes' penalizer_coef",
  },
  sql: {
    description:
      "print the customer-summary query for a warehouse: one row per customer (the RFM, tier and model " +
      "inputs), to run where the orders are and give to `loyalty fit` or `loyalty report --summary`",
    dialect: "SQL dialect",
    table: "the table (or view) of order lines, e.g. sales.orders",
    customer: "column of the customer id",
    date: "column of the order date (a DATE or TIMESTAMP)",
    amount: "column of the line's amount (negative for refunds; default amount)",
    quantity: "column of the quantity (with --price and no --amount: amount = quantity × price)",
    price: "column of the unit price",
    discount: "column of the line's discount (amount = quantity × price − discount)",
    status: "column of the order status (cancelled, refunded, 已退款, 交易关闭 ... are not revenue)",
    order: 'column of the order id (orders are then distinct ids per day; "C" invoices are cancellations)',
    lineAmounts:
      "the amount column holds line amounts or order totals: perLine, orderTotal (default: decided from the data)",
    asOf: "the day the summary is measured to, YYYY-MM-DD",
    calibrationEnd: "last day of the models' calibration period (a holdout follows)",
    unit: (units: string[]) => `unit of recency and T (${units.join(", ")})`,
    out: "write the query to this file instead of printing it",
    lang: "the language of its messages: en or zh-CN (the query is SQL, the same in both)",
    columnsHeading: "The query's columns:",
    columns: Object.fromEntries(SUMMARY_COLUMNS) as Record<SummaryColumn, string>,
  },
};

export const HELP_TEXTS = bilingual<typeof english>({
  en: english,
  "zh-CN": {
    program: "Loyalty Lens：在 .xlsx 和 .csv 文件上做会员与忠诚度分析（RFM、会员等级、关键指标、CLV）",
    version: "显示版本号",
    help: "显示命令的帮助",
    helpCommand: "显示命令的帮助",
    headings: {
      "Usage:": "用法：",
      "Options:": "选项：",
      "Commands:": "命令：",
      "Arguments:": "参数：",
      "Global Options:": "全局选项：",
    },
    usage: { options: "[选项]", command: "[命令]" },
    choices: (values: string[]) => `可选值：${values.join("、")}`,
    defaultIs: (value: string) => `默认：${value}`,
    withNotes: (description: string, notes: string[]) => `${description}（${notes.join("；")}）`,
    examples: "示例：",
    table: {
      roleColumn: (label: string) => `${label}列：其表头、列字母（如 "C"）或列号`,
      header: "文件没有表头行：用 --columns 或上面的选项指定各列",
      columns: '各列按顺序的用途，以逗号分隔，用 - 跳过一列（例如 "id,date,quantity,amount"）',
      delimiter: '文本文件的字段分隔符："comma"、"semicolon"、"tab"、"pipe" 或 "whitespace"',
      encoding: '文本文件的编码："utf-8"、"gbk"、"gb18030"、"big5"、"windows-1252"、"latin1" 等',
      decimalComma: "金额写作 1.234,56（默认：根据金额判断）",
      noDecimalComma: "金额写作 1,234.56",
      dateOrder: "文本日期（如 03/04/2024）中日和月的先后（默认：由能证明顺序的日期决定，例如 25/12/2023）",
      lineAmounts: "金额列是每行的金额，还是在每行重复的订单总额（默认：根据数据判断）",
      keepTestAccounts: "保留测试账号规则会排除的编号",
      maskContacts: '在工作表上把手机号写成 138****1234、邮箱写成 "a***@host"（保存在工作簿中）',
    },
    langSheets: '工作表和订单读取说明所用的语言："en" 或 "zh-CN"（默认：工作簿中保存的语言，否则为 "en"）',
    demo: {
      description: "用内置的示例数据（3,000 位会员，2022-2024 年）生成完整报告",
      out: "报告写到哪里",
      json: "以 JSON 输出摘要",
    },
    report: {
      description: "由订单表生成报告工作表（客户、细分、等级、关键指标、预警等）",
      input: "订单：.csv/.txt 文件，或 .xlsx 工作簿（其第一个表格，或 --sheet 指定的工作表）",
      summary: '由客户汇总（.csv/.xlsx，每位客户一行，与 "loyalty sql" 生成的一致）而不是订单生成报告',
      unit: '模型以及 --summary 中 "recency" 和 "T" 的时间单位："day"、"week" 或 "month"',
      out: "把报告写入这个新的 .xlsx 工作簿",
      inPlace: "只添加或替换 .xlsx 输入文件中的报告工作表；其他内容都保留",
      force: "与 --in-place 一起使用：即使报告工作表上写的内容无法保留也刷新（会列出这些内容）",
      config: "JSON 格式的报告设置（列、统计截止日、等级、预警、工作表等）",
      asOf: "报告所针对的日期（默认：最后一个下单日期）",
      sheets: '只生成这些工作表，以逗号分隔（"customers,segments,tiers,kpis,alerts,..."）',
      sheet: ".xlsx 输入文件中存放订单的工作表",
      campaigns:
        '谁参加了哪个活动（.csv/.xlsx：会员编号、活动、开始日期、结束日期、成本）；默认：.xlsx 输入文件中的 "Campaigns" 工作表',
      json: "以 JSON 输出摘要",
      engine: '由谁读取订单："js"（进程内）、"duckdb"（核外读取："Parquet"、通配符、超大文件）或 "auto"',
    },
    fit: {
      description: "用客户汇总文件或交易明细文件（.csv 或 .xlsx）拟合一个“购买直至流失”模型",
      input: '客户汇总文件（"frequency"、"recency"、"T" [、"monetary_value"]）或交易明细文件',
      summary:
        '客户汇总（.csv/.xlsx："frequency"、"recency"、"T" [、"monetary_value"]），与 "loyalty sql" 生成的一致',
      model:
        '要拟合的模型；"auto"：用校准期结束后的购买比较 BG/NBD、Pareto/NBD 和 MBG/NBD（默认校准期结束日：交易明细文件的最后一个季度之前，至少留 8 周），并用全部历史拟合最佳模型',
      json: "输出一个 JSON 对象",
      lang: '文件读取说明所用的语言："en" 或 "zh-CN"（默认："en"）',
      calibrationEnd: "校准期的最后一天（默认：最后一个下单日期）",
      unit: '模型的时间单位："day"、"week" 或 "month"（任何单位下预测都相同：α 和 β 随单位缩放）',
      engine:
        '由谁读取交易明细文件："js"（进程内）、"duckdb"（核外读取："Parquet"、通配符、超大文件）或 "auto"',
      penalizer: '参数的 L2 惩罚系数，与 "lifetimes" 的 "penalizer_coef" 相同',
    },
    sql: {
      description:
        '为数据仓库输出客户汇总查询：每位客户一行（RFM、等级和模型所需的输入），在订单所在处运行，结果交给 "loyalty fit" 或 "loyalty report --summary"',
      dialect: "SQL 方言",
      table: '存放订单明细的表（或视图），例如 "sales.orders"',
      customer: "客户ID所在的列",
      date: '下单日期所在的列（"DATE" 或 "TIMESTAMP" 类型）',
      amount: '每行金额所在的列（退款为负；默认 "amount"）',
      quantity: "数量所在的列（与 --price 一起且没有 --amount 时：金额 = 数量 × 单价）",
      price: "单价所在的列",
      discount: "每行优惠金额所在的列（金额 = 数量 × 单价 − 优惠金额）",
      status: "订单状态所在的列（已取消、已退款、交易关闭等不计入收入）",
      order: '订单号所在的列（此时订单为每天不同的订单号；"C" 开头的发票为取消）',
      lineAmounts: '金额列是每行的金额还是订单总额："perLine"、"orderTotal"（默认：根据数据判断）',
      asOf: "汇总计算到哪一天，格式为 YYYY-MM-DD",
      calibrationEnd: "模型校准期的最后一天（其后为留出期）",
      unit: (units: string[]) => `"recency" 和 "T" 的单位（${units.map((u) => `"${u}"`).join("、")}）`,
      out: "把查询写入这个文件，而不是输出到屏幕",
      lang: '消息所用的语言："en" 或 "zh-CN"（查询是 SQL，两种语言下相同）',
      columnsHeading: "查询结果的列：",
      columns: {
        customer_id: "客户ID（文本）",
        first_purchase: "截至统计截止日的首次购买日",
        last_purchase: "截至统计截止日的最后一次购买日",
        orders: "截至统计截止日的订单数（每天不同的订单号）",
        purchase_days: "截至统计截止日的不同购买天数",
        spend: "截至统计截止日的净消费：购买加退款",
        refunds: "截至统计截止日的退款（0 或负数）",
        recency_days: "最后一次购买到统计截止日的天数",
        frequency: '"x"：截至校准期结束日的重复购买天数（首次购买在其之后则为空）',
        recency: "t_x：截至校准期结束日，首次到最后一次购买的间隔，以时间单位计",
        T: "首次购买到校准期结束日的间隔，以时间单位计",
        monetary_value: '截至校准期结束日，各重复购买日的平均金额（"x" = 0 时为 0）',
        holdout_frequency: "校准期结束后的购买天数（没有留出期时为空）",
        holdout_spend: "这些购买日的金额（没有留出期时为空）",
        window_spend: "等级窗口（截至统计截止日的若干个月）内的净消费",
        window_purchase_days: "等级窗口内的购买天数",
      },
    },
  },
});
