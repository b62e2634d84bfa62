/**
 * The catalogue has every key in both languages: the same keys, the same kinds of value (a text, a list of
 * the same length, a function of the same number of arguments), no empty text; and the Chinese texts are
 * Chinese (no English word outside the few kept as they are: RFM, R/F/M, P(alive)'s letters, VIP, ..., and
 * what a user types as it is written: settings, flags, quoted names).
 */
import { CATALOGUE } from "../../src/i18n/catalogue";
import { messageWords } from "../../src/i18n/messages";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";
import { MESSAGE_SAMPLES } from "./message-samples";

/** Arguments that are not numbers, by the path of the text function that takes them. */
const ARGUMENTS: Record<string, unknown[][]> = {
  ".sheets.benefitCost.why": [[["回测基线只有 12 个月的历史"]]],
  ".sheets.benefitCost.reasons.newMembers": [
    [{ existing: { projected: 2, actual: 1, error: 1 }, joined: { projected: 1, actual: 2, error: -0.5 } }],
  ],
  ".sheets.benefitCost.sheet.keyResults.chooseOne": [[["基准", "保守", "进取"]]],
  ".sheets.benefitCost.sheet.money": (["setting", "column", "amounts", "none"] as const).map((from) => [
    { symbol: "¥", from, column: "D", header: "币种", others: [{ symbol: "$", rows: 8 }] },
  ]),
  // A cell range (A1:AN200) is an address, the same in Chinese Excel: not a word of the text.
  ".sheets.benefitCost.sheet.intro": [["〔区域〕"]],
  ".sheets.tiers.intro": [true, false].map((rolling) => [
    {
      asOf: "2024-12-31",
      previous: "2023-12-31",
      next: "2025-12-31",
      rolling,
      months: 12,
      every: 12,
      grace: 1,
    },
  ]),
  ".sheets.alerts.metric": [
    "rhythmRatio",
    "daysSinceLast",
    "medianIntervalDays",
    "spendChange",
    "spendRecent",
    "spendPrior",
  ].map((metric) => [metric, 90]),
  ".sheets.thisWeek.reason.anniversary": [
    [3, "12-31", 0, "membership"],
    [3, "12-31", 2, "firstPurchase"],
  ],
  ".sheets.thisWeek.reason.tierDrop": [["铂金", "2025-01-30", "¥500", 2]],
  ".sheets.customers.modelBlank": [["BG/NBD 拟合失败。"]],
  ".sheets.reading.testAccounts": [
    [3, 2, "占位编号", "11111、22222", 0],
    [30, 12, "占位编号", "散客", 2],
  ],
  ".sheets.reading.read": [
    ["订单.csv", "gbk", true, "逗号"],
    ["订单.csv", "gbk", false, "分号"],
  ],
  ".sheets.reading.titleRows": [
    ["订单", [{ row: 1, text: "2024 年订单导出" }]],
    [
      "订单",
      [
        { row: 1, text: "订单导出" },
        { row: 2, text: "门店：上海" },
      ],
    ],
  ],
  ".sheets.reading.lines": [[["金额取自金额列", "小数点为句点"]]],
  ".sheets.reading.provenDates": [
    ["日期按日在前读取", "25/12/2023", true],
    ["日期按日在前读取", "25/12/2023", false],
  ],
  ".sheets.reading.provenSeparator": [["小数点为逗号", "12,34"]],
  ".sheets.model.intro": [
    ["2024-12-31", "week"],
    ["2024-12-31", "day"],
  ],
  ".sheets.model.timeUnit": [["week"], ["month"]],
  ".sheets.model.meaning": [["week"], ["day"]],
  ".sheets.model.purchasesPer": [["week"], ["day"]],
  ".sheets.model.dropOutRatePer": [["week"], ["month"]],
  ".sheets.keyDates.missing": [
    [true, false],
    [false, true],
    [false, false],
  ],
};

// The command line's texts: a file, sheet names, a projection, a fit (values as the CLI passes them).
const FILE = "订单.csv";
Object.assign(ARGUMENTS, {
  ".cli.wrote": [[FILE, ["LL 客户", "LL 会员等级"]]],
  ".cli.duckDbLeavesOut": [
    [FILE, ["商品"]],
    [FILE, ["商品", "渠道"]],
  ],
  ".cli.fromSummary": [[FILE, 3, 4, 1234.5, "2024-12-31"]],
  ".cli.totals": [[3, 4, 5, 1234.5, "2024-12-31"]],
  ".cli.segments": [[["冠军客户 3", "新客户 1"]]],
  ".cli.tiers": [[["黄金 3", "普通会员 1"]]],
  ".cli.named": [["冠军客户", 3]],
  ".cli.finding": [["日期无法识别", 3, "未计入"]],
  ".cli.dataQuality": [[["日期无法识别 3（未计入）"]], [[]]],
  ".cli.benefitCost": [1, 3].map((periodMonths) => [
    {
      periods: 12,
      periodMonths,
      scenario: "基准",
      revenue: 1,
      benefitCost: 2,
      costShare: 0.1,
      netEffect: 3,
      roi: 0.2,
      liability: 4,
    },
  ]),
  ".cli.modelFitted": [["BG/NBD"]],
  ".cli.modelNotUsed": [["BG/NBD", "拟合未收敛"]],
  ".cli.warning": [["日期无法识别"]],
  ".cli.qualityWarning": [
    [3, false, "日期无法识别", "未计入", `${FILE}，第 2 行，B 列（日期）`],
    [1, true, "无消费记录的客户", "未计入", ""],
  ],
  ".cli.renamedSheet": [["LL 客户", "LL 客户 (2)"]],
  ".cli.saving": [[FILE]],
  ".cli.writingSheet": [[3, 8, "LL 会员等级"]],
  ".cli.demoFiles": [[FILE, "活动.csv"]],
  ".cli.sqlWritten": [["查询.sql"]],
  ".cli.sqlQuotedCase": [
    ["Snowflake", ["sales", "member_id"], ["SALES", "MEMBER_ID"], true],
    ["PostgreSQL", ["MemberID"], ["memberid"], false],
  ],
  ".cli.internalError": [["栈"]],
  ".cli.fit.headline": ["transactions", "summary"].map((kind) => [
    { model: "BG/NBD", customers: 3, distinctRows: 2, source: FILE, kind, unit: "week" },
  ]),
  ".cli.fit.stopped": [
    [true, "已收敛：迭代 24 次后，梯度的最大分量为 3.2e-10，小于 1e-9", 1.5],
    [false, "未收敛：迭代 1000 次后仍未收敛（梯度的最大分量为 3.2e-2）", 1.5],
  ],
  ".sheets.fitStop.diverged": [
    ["r", true],
    ["alpha", false],
  ],
  ".sheets.fitStop.notIdentified": [[["r"]], [["alpha", "a", "b"]]],
  ".cli.fit.fitClass": [["良好"]],
  ".cli.fit.comparedOn": [["1998-02-10", "20.0", "week"]],
  ".cli.fit.chosen": [["BG/NBD"]],
  // The help: commander's notes on values, quoted as commander quotes them.
  ".cli.help.choices": [[['"en"', '"zh-CN"']]],
  ".cli.help.defaultIs": [['"auto"']],
  ".cli.help.withNotes": [["报告写到哪里", ['默认："out/loyalty-demo.xlsx"']]],
  ".cli.help.table.roleColumn": [["下单日期"]],
  ".cli.help.sql.unit": [[["day", "week", "month"]]],
});
for (const code of Object.keys(CATALOGUE.en.cli.commander)) ARGUMENTS[`.cli.commander.${code}`] = [["--out"]];

// The functions' errors: each code with its values, the place and rule words of the language.
const zhFunctions = CATALOGUE["zh-CN"].functions;
// Parameter names, cells, error values and function names are Excel's, the same in Chinese Excel.
const at = { name: "〔参数〕", cell: "〔单元格〕" };
const functionDetails: Record<string, unknown[]> = {
  empty: [{ name: "〔参数〕" }],
  notVector: [{ name: "〔参数〕", rows: 2, columns: 3 }],
  notSingle: [{ name: "〔参数〕", rows: 2, columns: 3 }],
  blank: [{ place: at }, { place: { name: "〔参数〕", index: { axis: "row", n: 7 } } }],
  notNumber: [{ place: at, value: '"〔值〕"' }],
  numberRule: (["whole", "atLeast", "greaterThan", "atMost"] as const).map((rule) => ({
    place: at,
    problem: { rule, limit: 1, value: 0.5 },
  })),
  notBoolean: [{ name: "〔参数〕", value: '"〔值〕"' }],
  notChoice: [{ name: "〔参数〕", value: '"〔值〕"', choices: ["rfm11", "rfm8"] }],
  notDate: [{ name: "〔参数〕", value: '"〔值〕"' }],
  holdsError: [
    { place: at, error: "〔错误值〕" },
    { place: "input", error: "〔错误值〕" },
  ],
  refusedLine: (["notDate", "notAmount", "blankId", "memberOnly"] as const).map((reason) => ({
    place: at,
    value: '"〔值〕"',
    reason,
    note: "no such day in the calendar",
    more: 2,
  })),
  computed: [{ fn: "〔函数〕", value: "NaN" }],
  nothingToReturn: [
    { fn: "〔函数〕", what: "rows" },
    { fn: "〔函数〕", what: "columns" },
  ],
  internal: [{ fn: "〔函数〕", what: "〔技术信息〕" }],
  unshowable: [{ fn: "〔函数〕" }],
  rangeSizes: (["rows", "columns"] as const).map((unit) => ({
    first: "〔参数〕",
    n: 3,
    unit,
    second: "〔参数〕",
    length: 2,
  })),
  rangeDirections: [{ first: "〔参数〕", firstIs: "row", second: "〔参数〕", secondIs: "column" }],
  orderColumnSizes: [3, 4].map((columns) => ({
    customers: "〔参数〕",
    n: 3,
    name: "〔参数〕",
    length: 2,
    columns,
  })),
  notModelRow: [
    { name: "〔参数〕", fitFunction: "〔函数〕", accepted: ["BG/NBD", "Pareto/NBD"], first: "〔值〕" },
  ],
  modelRows: [{ name: "〔参数〕", count: 2 }],
  wrongModel: [{ name: "〔参数〕", model: "Gamma-Gamma", accepted: ["BG/NBD", "MBG/NBD"] }],
  modelCellNotNumber: [{ name: "〔参数〕", cell: 2, value: '"〔值〕"' }],
  modelParamCount: [{ name: "〔参数〕", model: "BG/NBD", params: ["r", "a", "b"], found: 2 }],
  modelParamNotPositive: [{ name: "〔参数〕", model: "BG/NBD", param: "r", value: -1 }],
  modelUnavailable: [{ model: "BG/BB" }],
  notConverged: [{ model: "BG/NBD", reason: "did not converge in 1000 iterations" }],
  inputRule: [
    { place: at, problem: { rule: "txWithinT", tx: 5, T: 3 } },
    { problem: { rule: "noSpendCustomers" } },
  ],
  noCustomers: [{ names: ["〔参数〕"] }, { names: ["〔参数〕", "〔参数〕", "〔参数〕"] }],
  noNumbers: [{ name: "〔参数〕" }],
  notName: [{ name: "〔参数〕", value: "TRUE" }],
  tooFewTiers: [{ name: "〔参数〕" }],
  minimumCount: [{ name: "〔参数〕", count: 3, tiers: 3 }],
  needsPurchases: [{ name: "〔参数〕", purchases: "〔参数〕" }],
  // The tier problems the coded messages say too (LOYALTY.TIER meets the minimums' ones).
  tierRules: [{ problems: MESSAGE_SAMPLES.tierMinimumsOnSheet[0].problems }],
  perpetuity: [{ row: 2, retention: 1.2, discountRate: 0.1, periods: "〔参数〕" }],
  noStart: [{ name: "〔参数〕" }],
  noParticipants: [{ name: "〔参数〕" }],
  partialHistory: [{ names: ["x", "t_x", "T"] }],
  bgnbdOnly: [{ name: "〔参数〕" }],
};
// The engine's input rules, each with the values it names (a field, a symbol, what was checked).
const inputRules: Record<string, unknown[]> = {
  opportunityCount: [
    { field: "x", value: 7, n: 6 },
    { field: "t_x", value: 7, n: 6 },
  ],
  wholeHorizon: [
    { symbol: "n", value: 1.5 },
    { symbol: "k", value: 1.5 },
  ],
  ascending: [{ what: "〔参数〕", item: 2 }],
  itemNotNumber: [{ what: "〔参数〕", item: 2 }],
};
for (const rule of Object.keys(CATALOGUE.en.functions.inputRules))
  ARGUMENTS[`.functions.inputRules.${rule}`] = (
    inputRules[rule] ?? [{ x: 3, T: 2, tx: 1, n: 4, q: 0.5, weight: -1, value: -2 }]
  ).map((p) => [{ rule, ...(p as object) }]);
ARGUMENTS[".functions.results.summaryHeaders"] = [["day"], ["week"], ["month"]];
ARGUMENTS[".functions.results.lineAmount"] = [["quantity × price"], ["quantity × price − discount"]];
ARGUMENTS[".functions.results.finding"] = [["金额为零", "行"]];
ARGUMENTS[".functions.results.example"] = [
  ["〔位置〕", "〔值〕", "日历中没有这一天"],
  ["〔位置〕", "〔值〕", undefined],
];
for (const [code, details] of Object.entries(functionDetails))
  ARGUMENTS[`.functions.messages.${code}`] = details.map((d) => [d, zhFunctions.place, zhFunctions.problem]);
ARGUMENTS[".functions.place"] = functionDetails.blank.map((d) => [(d as { place: unknown }).place]);
ARGUMENTS[".functions.problem"] = (functionDetails.numberRule as { problem: unknown }[]).map((d) => [
  d.problem,
]);

// The comment of loyalty sql's query: the dialect, the dates, the unit of recency and T.
ARGUMENTS[".cli.sqlComment.lines"] = (["day", "week", "month"] as const).map((unit) => [
  { dialect: "〔方言〕", asOf: "2024-12-31", calibrationEnd: "2024-09-30", unit, windowFrom: "2024-01-01" },
]);

// A fault of ours in the pane: the JavaScript or browser words it keeps as technical detail (here a
// placeholder), and a worker that stopped without a reason.
ARGUMENTS[".pane.internalError"] = [["〔技术信息〕"]];
ARGUMENTS[".pane.workerStopped"] = [["〔原因〕"], [""]];

// The coded messages: each code with the values a user could meet (message-samples.ts), in the language's words.
for (const [code, samples] of Object.entries(MESSAGE_SAMPLES))
  ARGUMENTS[`.messages.${code}`] = (samples as object[]).map((d) => [{ ...d, code }, messageWords("zh-CN")]);
// The settings' problems: a setting's path and what it got, as the user wrote them.
const tierProblems = MESSAGE_SAMPLES.tierMinimumsOnSheet[0].problems;
Object.assign(ARGUMENTS, {
  ".messages.settings.number": [
    ["model.margin", { min: 0, max: 1 }, "甲"],
    ["model.clvMonths", { min: 1, integer: true }, []],
    ["tiers.window.months", { max: 120, integer: true }, {}],
    ["model.margin", {}, null],
  ],
  ".messages.settings.tooLong": [["tiers.tiers[0].name", 100]],
  ".messages.settings.notText": [["tiers.tiers[0].name", 3]],
  ".messages.settings.notOneOf": [["segmentScheme", ["rfm11", "rfm8"], "甲"]],
  ".messages.settings.notBoolean": [["maskContacts", "是"]],
  ".messages.settings.notList": [["sheets", "客户"]],
  ".messages.settings.tooFew": [["alerts.rules[0].when", 1]],
  ".messages.settings.tooMany": [["tiers.tiers", 9]],
  ".messages.settings.notObject": [
    ["model", 3],
    ["", []],
  ],
  ".messages.settings.unknown": [["modle", ["model", "tiers"]]],
  ".messages.settings.missing": [["tiers.tiers[0].key"]],
  ".messages.settings.notDate": [["asOf", "下周"]],
  ".messages.settings.notHolidayDate": [["keyDates.holidays[0].date", "国庆"]],
  ".messages.settings.noSuchSheet": [["campaigns.sheet", "活动", ["订单", "我的表"]]],
  ".messages.settings.notWindow": [["tiers.window"]],
  ".messages.settings.deriveShares": [[3]],
  ".messages.settings.alertKeyTwice": [["甲"]],
  ".messages.settings.alertUnknownTier": [["甲", "钻石", ["金卡", "银卡"]]],
  ".messages.settings.topTiers": [[4, 3]],
  ".messages.settings.tierRules": tierProblems.map((p) => [p]),
  ".messages.settings.alertRules": [
    { problem: "noCondition" },
    { problem: "unknownMeasure", metric: "心情" },
    { problem: "unknownComparison", op: "~" },
    { problem: "thresholdNotNumber", metric: "rhythmRatio" },
  ].map((p) => [{ rule: 2, named: { name: "Mine", nameZh: "我的规则" }, ...p }]),
  ".messages.settings.storedIn": [["门店.xlsx"]],
  ".messages.settings.notJson": [
    ["settings.json", "Unexpected token } in JSON at position 12"],
    ["settings.json", "Unexpected end of JSON input"],
  ],
});

/** What the functions' Chinese texts keep besides: the models' symbols, as the formulas write them. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...KEPT_FRONT_END_WORDS,
  "x",
  "T",
  "n",
  "k",
  "t",
  "P",
  "X",
]);

/**
 * What the coded messages' Chinese texts keep besides: the file formats they name (CSV, zip, .xls ...),
 * a size in GB, and JSON's null as a settings file holds it.
 */
const MESSAGE_WORDS: ReadonlySet<string> = new Set([
  ...KEPT_FRONT_END_WORDS,
  ...["CSV", "PDF", "zip", "gzip", "parquet", "tsv", "xls", "ods", "GB", "null"],
]);

type Entry = [path: string, en: unknown, zh: unknown];

function walk(en: unknown, zh: unknown, path: string, out: Entry[]): void {
  if (en !== null && typeof en === "object" && !Array.isArray(en)) {
    const keys = new Set([...Object.keys(en), ...Object.keys((zh ?? {}) as object)]);
    for (const k of keys)
      walk((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)?.[k], `${path}.${k}`, out);
    return;
  }
  out.push([path, en, zh]);
}

const entries: Entry[] = [];
walk(CATALOGUE.en, CATALOGUE["zh-CN"], "", entries);

/** Every text in a value: a text, a list of texts, cells with a value and a note. */
function textsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsIn);
  return [String(value)];
}

/** What a text function says: with the arguments above, else with numbers (2 and 3: plural and singular 1). */
function samples(path: string, fn: (...args: never[]) => unknown): string[] {
  const calls = ARGUMENTS[path] ?? [1, 3].map((n) => Array.from({ length: fn.length }, () => n));
  return calls.map((args) => {
    return textsIn((fn as (...a: unknown[]) => unknown)(...args)).join(" ");
  });
}

describe("the message catalogue", () => {
  it("has every key in both languages, with the same kind of value", () => {
    expect(entries.length).toBeGreaterThan(200);
    const problems = entries.flatMap(([path, en, zh]) => {
      if (zh === undefined) return [`${path}: missing in zh-CN`];
      if (en === undefined) return [`${path}: missing in en`];
      if (typeof en !== typeof zh) return [`${path}: ${typeof en} in en, ${typeof zh} in zh-CN`];
      if (Array.isArray(en) && (!Array.isArray(zh) || en.length !== zh.length))
        return [`${path}: lists differ`];
      if (typeof en === "function" && en.length !== (zh as () => unknown).length)
        return [`${path}: arguments differ`];
      if (typeof en === "string" && (en.trim() === "" || (zh as string).trim() === ""))
        return [`${path}: empty`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it("says the Chinese texts in Chinese", () => {
    const english = entries.flatMap(([path, , zh]) => {
      const texts =
        typeof zh === "function"
          ? samples(path, zh as (...args: never[]) => unknown)
          : Array.isArray(zh)
            ? zh.map(String)
            : typeof zh === "string"
              ? [zh]
              : [];
      // The sheets keep only the sheets' words; the front ends' texts also name the product and file types,
      // and the functions' the models' symbols (x, t_x, T, n, P(X(t) = n)).
      const kept = path.startsWith(".sheets.")
        ? undefined
        : path.startsWith(".functions.")
          ? FUNCTION_WORDS
          : path.startsWith(".messages.")
            ? MESSAGE_WORDS
            : KEPT_FRONT_END_WORDS;
      return texts.flatMap((text) => latinWordsOf(text, kept).map((w) => `${path}: ${w}`));
    });
    expect(english).toEqual([]);
  });
});
