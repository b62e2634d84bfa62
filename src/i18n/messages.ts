/**
 * The coded messages: the errors and warnings of the engine, the workbook adapters and the report that a
 * user is likely to meet carry a code and values (UserErrorDetail, ModelProblem) beside their English text;
 * the pane, the CLI and the custom functions all say them from here, in the language they speak. One without
 * a code is shown in its English text, which still names what is wrong and where.
 *
 * The English texts are the messages' own words (a test keeps them equal), except the models': they say
 * in plain words what the Model sheet explains in full.
 */
import { CAMPAIGN_COLUMN_LABELS, type CampaignColumn } from "../engine/campaigns/participation";
import { roleLabel, type ColumnRole } from "../engine/data/columns";
import type { SummaryExpectation } from "../engine/data/errors";
import { summaryExpectationText } from "../engine/summary/read-summary-table";
import { qualityNote } from "../engine/text/data-quality";
import { QUALITY_REASONS, type QualityReason } from "../engine/data/quality";
import { headerlessLetters, type CellPlace, type TablePlace } from "../engine/data/table";
import { PLACE_TEXTS, placeText } from "../engine/text/places";
import { bilingual } from "../engine/text/bilingual";
import type { Language } from "../engine/text/language";
import { tierProblemText } from "../engine/text/rule-problems";
import { AMOUNT_FROM_PRICE, headersListed, PRICE_SETTING } from "../engine/data/columns";
import { otherFile } from "../engine/data/read-orders";
import { DECIMAL_SETTING } from "../engine/data/number-format";
import type { ModelProblem } from "../report/report-models";
import { NO_HEADER_FIX } from "../workbook/read-table";
import {
  assumptionNotKeptText,
  FILE_ERROR_TEXTS,
  refreshLossLines,
  refreshWouldLoseMessage,
  typedOverHint,
  type UserErrorDetail,
} from "../user-error";
import { INPUT_ERROR_TEXTS } from "../input-errors";

export type MessageDetail = UserErrorDetail | ModelProblem;
export type MessageCode = MessageDetail["code"];
/** The detail of code C (a detail type may have several codes, as ModelProblem has). */
export type DetailOf<C extends MessageCode> = MessageDetail extends infer D
  ? D extends { code: infer K }
    ? C extends K
      ? D
      : never
    : never
  : never;

/** The words a message is made of, in the pane's language: names of roles and findings, counts, notes. */
export interface MessageWords {
  role: (role: ColumnRole) => string;
  finding: (reason: QualityReason) => string;
  number: (n: number) => string;
  /** What was wrong in a cell (a parser's explanation), in the language where it is a known one. */
  note: (note: string) => string;
  /** A place in the user's data (`text` in English, `place` its parts when known), in the language's words. */
  place: (text: string, place: TablePlace | CellPlace | undefined) => string;
}

/** One text per code, each in every language. */
export type MessageTexts = { [C in MessageCode]: (d: DetailOf<C>, w: MessageWords) => string };

/** A data-quality finding's name in the language; `fallback` for a reason the engine does not list. */
export function findingLabel(language: Language, reason: string, fallback = reason): string {
  const info = QUALITY_REASONS.find((r) => r.reason === reason);
  if (!info) return fallback;
  return language === "zh-CN" ? info.labelZh : info.label;
}

export function messageWords(language: Language): MessageWords {
  const zh = language === "zh-CN";
  return {
    role: (role) => roleLabel(role, language),
    finding: (reason) => findingLabel(language, reason),
    // As the English messages write counts (counted()), and as the pane writes numbers in Chinese.
    number: (n) => n.toLocaleString(zh ? "zh-CN" : "en-US"),
    note: (note) => qualityNote(note, language),
    place: (text, place) => placeText(PLACE_TEXTS[language], text, place),
  };
}

/** The message in `language`. */
export function messageText(language: Language, detail: MessageDetail): string {
  const render = MESSAGE_TEXTS[language][detail.code] as (d: MessageDetail, w: MessageWords) => string;
  return render(detail, messageWords(language));
}

/** An error or warning as shown or printed: said from its code when it has one, else its English text. */
export function shownText(
  language: Language,
  detail: MessageDetail | undefined,
  englishText: string,
): string {
  return detail ? messageText(language, detail) : englishText;
}

/** The same as DECIMAL_SETTING: the setting and the flags that say which decimal separator the data use. */
const DECIMAL_SETTING_ZH =
  '请说明数据使用哪种格式：设置 "decimalComma"（1.234,56 用 --decimal-comma，1,234.56 用 --no-decimal-comma）';

/** A table's headers as the Chinese messages list them: quoted, or the letters of a table without a header row. */
function headersZh(headers: string[]): string {
  const letters = headerlessLetters(headers);
  return letters ? ` ${letters.join("、")} 列（无表头行）` : `表头 ${quotedList(headers, "、")} `;
}

const UNIT_ZH: Readonly<Record<string, string>> = { day: "天", week: "周", month: "月" };

/** The same in Chinese. */
function expectationZh(e: SummaryExpectation): string {
  switch (e.what) {
    case "date":
      return "日期（YYYY-MM-DD）";
    case "customerId":
      return "客户ID";
    case "wholeDays":
      return "整数天数";
    case "orders":
      return "整数订单数，至少为 1";
    case "purchaseDays":
      return "整数天数，至少为 1";
    case "amount":
      return "金额";
    case "refund":
      return "退款合计（零或负数）";
    case "repeatDays":
      return "整数重复购买天数";
    case "time":
      return "时长（零或以上）";
    case "amountAtLeastZero":
      return "金额（零或以上）";
    case "afterFirst":
      return `不早于首次购买日（${e.first}）的日期`;
    case "purchaseDaysLessOne":
      return `purchase_days − 1（${e.value}），因为没有校准截止日`;
    case "unitTime":
      return (
        `从首次购买到${e.to === "asOf" ? "统计截止日" : "最近购买日"} ${e.date} 的${UNIT_ZH[e.unit] ?? e.unit}数（${e.value}）；` +
        "请选择生成汇总表时所用的时间单位（任务窗格中的时间单位，或命令行的 --unit）"
      );
  }
}

/** A campaign table's column ("start") in the language's words ("start date", "开始日期"). */
function campaignColumn(role: string, language: Language): string {
  const label = CAMPAIGN_COLUMN_LABELS[role as CampaignColumn];
  if (!label) return role;
  return language === "zh-CN" ? label.zh : label.en;
}

/** Quoted and listed as the English messages list headers: "Name", "Date". */
const quotedList = (items: string[], separator: string) => items.map((h) => `"${h}"`).join(separator);

// The engine's and the report's errors and warnings that carry a code (see message-texts.ts). The English
// texts are the messages' own words (a test keeps them equal), except the models': the pane says in plain
// words what the Model sheet explains in full.
const en: MessageTexts = {
  missingColumns: (d, w) =>
    `${w.place(d.source, d.place)}: no ${d.roles.map(w.role).join(", ")} column found among ${headersListed(d.headers, true)}; name the column to use` +
    (d.roles.includes("amount") ? AMOUNT_FROM_PRICE : ""),
  noSuchColumn: (d, w) =>
    `${w.place(d.source, d.place)}: no column "${d.given}" for the ${w.role(d.role)}; ${headersListed(d.headers, false)}`,
  noColumnNumber: (d, w) =>
    `${w.place(d.source, d.place)}: column ${d.number} for the ${w.role(d.role)} does not exist`,
  columnTwice: (d, w) => `${w.place(d.source, d.place)}: column ${d.column} is given for two roles`,
  mixedDecimals: (d, w) =>
    `${w.place(d.where, d.at)}: "${d.comma}" uses a decimal comma but "${d.point}" (${otherFile(d.at, d.pointAt, ", ")}row ${d.pointAt.row}, column ${d.pointAt.column}) a decimal point; ${DECIMAL_SETTING}`,
  ambiguousDecimals: (d, w) =>
    `${w.place(d.where, d.at)}: "${d.value}" can be read with a thousands separator or a decimal separator, and no amount decides; ${DECIMAL_SETTING}`,
  amountLooksLikePrice: (d, w) =>
    `${w.place(d.source, d.place)}: the amount column ${d.amount} looks like a unit price and the table has a quantity column ${d.quantity}; ${PRICE_SETTING}`,
  campaignNoSuchColumn: (d, w) =>
    `${w.place(d.source, d.place)}: no column "${d.given}" for the campaigns' ${campaignColumn(d.role, "en")}; the headers are ${quotedList(d.headers, ", ")}`,
  campaignMissingColumns: (d, w) =>
    `${w.place(d.source, d.place)}: no ${d.roles.map((r) => campaignColumn(r, "en")).join(", ")} column found among the ` +
    `headers ${quotedList(d.headers, ", ")}; a campaign table needs the member id, the ` +
    "campaign and its start date (name the columns in the setting campaigns.columns)",
  noUsableLines: (d, w) =>
    `${w.place(d.source, d.place)}: no usable order lines among ${w.number(d.rows)} ${d.rows === 1 ? "row" : "rows"}` +
    (d.worst
      ? `; most rows: ${w.finding(d.worst.reason).toLowerCase()} (${d.worst.count}), first at ${w.place(d.worst.where, d.worst.at)}` +
        (d.worst.note ? `: ${w.note(d.worst.note)}` : "")
      : ""),
  // A customer summary (one row per customer, as `loyalty sql` makes it) that cannot be read.
  summaryMissingColumns: (d, w) =>
    `${w.place(d.source, d.place)}: a customer summary needs the columns ${d.columns.join(", ")}, which are not among ` +
    `the headers ${quotedList(d.headers, ", ")}; \`loyalty sql\` writes the query that makes them`,
  summaryCell: (d, w) =>
    `${w.place(d.where, d.at)}: expected ${summaryExpectationText(d.expected)}, got ${d.value === undefined ? "an empty cell" : `"${d.value}"`}`,
  summaryDuplicateId: (d, w) =>
    `${w.place(d.where, d.at)}: customer "${d.id}" is also on row ${d.row}; a summary has one row per customer`,
  summaryHoldout: (d, w) =>
    `${w.place(d.where, d.at)}: this summary was made with a calibration end (holdout columns filled); the report ` +
    "predicts from the whole history: make the summary without --calibration-end (`loyalty fit` takes it as it is)",
  summaryAsOf: (d, w) =>
    `${w.place(d.where, d.at)}: last purchase + recency_days is ${d.asOf}, but ${d.other} on row ${d.row}; a summary is made as of one date`,
  summaryNoCustomers: (d, w) => `${w.place(d.source, d.place)}: the customer summary has no customer row`,
  summaryUnit: (d, w) =>
    `${w.place(d.source, d.place)}: the summary was read in ${d.unit}s but the report's time unit is ${d.reportUnit}`,
  noRows: (d, w) => `${w.place(d.source, d.place)}: there are no rows below the header row`,
  emptySheet: (d, w) => `${w.place(d.source, d.place)} is empty: no cell has a value`,
  noHeaderRow: (d, w) =>
    `${w.place(d.source, d.place)}: no header row found in rows ${d.first}-${d.last} ` +
    "(a header row has a text title over each column, e.g. Customer ID, Date, Amount); " +
    NO_HEADER_FIX,
  noOrderTable: (d) =>
    `${d.workbook ?? "the workbook"} has no table named "${d.table}" to read the orders from`,
  noOrderSheet: (d) =>
    `${d.workbook ?? "the workbook"} has no sheet named "${d.sheet}" to read the orders from`,
  noVisibleSheet: (d) => `${d.workbook ?? "the workbook"} has no visible sheet to read the orders from`,
  fileNotXlsx: (d) => `${d.file} cannot be read as an .xlsx workbook (${d.reason})`,
  fileNoSheet: (d) => `${d.file} has no sheet to read`,
  fileTooLarge: (d) =>
    `${d.file} is ${d.megabytes} MB; the browser preview reads files up to 200 MB. ` +
    `Open it in Excel with the add-in, or run: loyalty report ${d.file}`,
  fileType: (d) => `${d.file}: the preview reads .xlsx and .csv files; save it as one of those`,
  editedCell: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (${d.what}): ${d.value} is not ` +
    `${d.integer ? "a whole number" : "a number"} ${d.max === undefined ? `of at least ${d.min}` : `from ${d.min} to ${d.max}`}` +
    "; type one, or clear the cell to use the default",
  assumptionNotNumber: (d) => `sheet ${d.sheet}, cell ${d.cell} (${d.what}) must be a number, not ${d.value}`,
  assumptionOutOfRange: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (${d.what}) must be ` +
    (d.min !== undefined && d.max !== undefined
      ? `from ${d.min} to ${d.max}`
      : d.min !== undefined
        ? `at least ${d.min}`
        : `at most ${d.max}`) +
    `, not ${d.value}`,
  assumptionNotKept: (d) => assumptionNotKeptText(d),
  assumptionNotWhole: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (${d.what}) must be a whole number from ${d.min} to ${d.max}`,
  unknownScenario: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (scenario) must be one of ${d.scenarios.join(", ")}`,
  holidayNotDate: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (holiday date): ${d.value} is not a date; type MM-DD (every year) or ` +
    "YYYY-MM-DD (that year only), or clear the cell",
  holidayNameTooLong: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (holiday name): type a name of at most 100 characters`,
  holidayWithoutDate: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (holiday name): ${d.value} has no date in its row; type one ` +
    "as MM-DD (every year) or YYYY-MM-DD (that year only)",
  holidayWithoutName: (d) =>
    `sheet ${d.sheet}, cell ${d.cell} (holiday date): ${d.date} has no name in its row; type one`,
  tierMinimumsInSettings: (d) =>
    `report settings: ${d.problems.map((p) => `tier rules: ${tierProblemText("en", p)}`).join("; ")}`,
  tierMinimumsOnSheet: (d) =>
    `sheet ${d.sheet}: the tier minimums do not fit together: ${d.problems.map((p) => tierProblemText("en", p)).join("; ")}`,
  modelNoHistory: (d) => `Model: ${d.model}: no customer has a purchase history to fit`,
  modelNotConverged: (d) =>
    `Model: ${d.model} did not converge (too few customers or repeat purchases?), so its predictions are left out; the Model sheet says more`,
  modelFailed: (d) =>
    `Model: ${d.model} could not be fitted, so its predictions are left out; the Model sheet says more`,
  modelDegenerate: (d) =>
    `Model: ${d.model} is degenerate (the data do not pin its parameters down), so its predictions are not used; the Model sheet says more`,
  refreshWouldLose: (d) => refreshWouldLoseMessage(d.losses),
  summaryTierGrace: (d) =>
    `tiers.demoteAfterPeriods is ${d.periods}: keeping a tier through reviews below it needs ` +
    "the activity of earlier reviews, which a customer summary does not have; set it to 1, or build the report from the order lines",
  summaryTierWindow: (d) =>
    `tiers.window is ${d.given === "calendarYear" ? "the calendar year" : `${d.given} months`}, but the customer summary gives the spend of the ${d.months} months up to ` +
    `the as-of date; set tiers.window to ${d.months} rolling months, or build the report from the order lines`,
  ...FILE_ERROR_TEXTS,
  ...INPUT_ERROR_TEXTS.en,
};

const zhCN: MessageTexts = {
  missingColumns: (d, w) =>
    `${w.place(d.source, d.place)}：在${headersZh(d.headers)}中未找到${d.roles.map(w.role).join("、")}列；请指定要使用的列` +
    (d.roles.includes("amount") ? "（或数量列和单价列）" : ""),
  noSuchColumn: (d, w) => {
    const letters = headerlessLetters(d.headers);
    const columns = letters
      ? `可用的列为 ${letters.join("、")}（无表头行）`
      : `表头为 ${quotedList(d.headers, "、")}`;
    return `${w.place(d.source, d.place)}：没有可用作${w.role(d.role)}的列“${d.given}”；${columns}`;
  },
  noColumnNumber: (d, w) => `${w.place(d.source, d.place)}：用作${w.role(d.role)}的第 ${d.number} 列不存在`,
  columnTwice: (d, w) => `${w.place(d.source, d.place)}：${d.column} 列被同时指定给了两个用途`,
  mixedDecimals: (d, w) =>
    `${w.place(d.where, d.at)}：“${d.comma}”使用小数逗号，而“${d.point}”（${otherFile(d.at, d.pointAt, "，")}第 ${d.pointAt.row} 行 ${d.pointAt.column} 列）使用小数点；${DECIMAL_SETTING_ZH}`,
  ambiguousDecimals: (d, w) =>
    `${w.place(d.where, d.at)}：“${d.value}”既可理解为带千位分隔符，也可理解为带小数分隔符，且没有其他金额能确定；${DECIMAL_SETTING_ZH}`,
  amountLooksLikePrice: (d, w) =>
    `${w.place(d.source, d.place)}：金额列 ${d.amount} 看起来是单价，而表中有数量列（${d.quantity}）；请把它选为单价（金额即为数量 × 单价），或不选金额列。`,
  campaignNoSuchColumn: (d, w) =>
    `${w.place(d.source, d.place)}：没有可用作活动表${campaignColumn(d.role, "zh-CN")}的列“${d.given}”；表头为 ${quotedList(d.headers, "、")}`,
  campaignMissingColumns: (d, w) =>
    `${w.place(d.source, d.place)}：在表头 ${quotedList(d.headers, "、")} 中未找到${d.roles.map((r) => campaignColumn(r, "zh-CN")).join("、")}列；` +
    "活动表需要会员编号、活动和开始日期（可在设置 campaigns.columns 中指定这些列）",
  noUsableLines: (d, w) =>
    `${w.place(d.source, d.place)}：${w.number(d.rows)} 行中没有可用的订单明细` +
    (d.worst
      ? `；多数行的问题：${w.finding(d.worst.reason)}（${w.number(d.worst.count)} 行），首例：${w.place(d.worst.where, d.worst.at)}` +
        (d.worst.note ? `：${w.note(d.worst.note)}` : "")
      : ""),
  summaryMissingColumns: (d, w) =>
    `${w.place(d.source, d.place)}：客户汇总表需要 ${quotedList(d.columns, "、")} 列，表头 ${quotedList(d.headers, "、")} 中没有；` +
    "loyalty sql 命令会写出生成这些列的查询",
  summaryCell: (d, w) =>
    `${w.place(d.where, d.at)}：这里应为${expectationZh(d.expected)}，实际为${d.value === undefined ? "空单元格" : `“${d.value}”`}`,
  summaryDuplicateId: (d, w) =>
    `${w.place(d.where, d.at)}：客户“${d.id}”也出现在第 ${d.row} 行；汇总表每位客户只有一行`,
  summaryHoldout: (d, w) =>
    `${w.place(d.where, d.at)}：这份汇总表按校准截止日生成（留出期各列有值），而报表使用全部历史：` +
    '请不加 --calibration-end 重新生成汇总表（"loyalty fit" 命令可直接使用这份）',
  summaryAsOf: (d, w) =>
    `${w.place(d.where, d.at)}：最近购买日 + recency_days 为 ${d.asOf}，而第 ${d.row} 行为 ${d.other}；一份汇总表只能有一个统计截止日`,
  summaryNoCustomers: (d, w) => `${w.place(d.source, d.place)}：客户汇总表中没有客户行`,
  summaryUnit: (d, w) =>
    `${w.place(d.source, d.place)}：汇总表按${UNIT_ZH[d.unit] ?? d.unit}读取，而报表的时间单位是${UNIT_ZH[d.reportUnit] ?? d.reportUnit}`,
  noRows: (d, w) => `${w.place(d.source, d.place)}：表头行下方没有数据行`,
  emptySheet: (d, w) => `${w.place(d.source, d.place)} 是空的：没有任何单元格有值`,
  noHeaderRow: (d, w) =>
    `${w.place(d.source, d.place)}：第 ${d.first}-${d.last} 行中没有表头行（表头行在每一列上方有文字标题，如客户ID、日期、金额）；如果文件没有表头，请在设置中将表头设为“无”并指定各列（命令行："--no-header --columns id,date,amount"）`,
  noOrderTable: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.table}”的表格，无法读取订单`,
  noOrderSheet: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.sheet}”的工作表，无法读取订单`,
  noVisibleSheet: (d) => `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有可见的工作表，无法读取订单`,
  // `reason` is the spreadsheet library's own English: kept as technical detail, after what to do.
  fileNotXlsx: (d) =>
    `${d.file} 无法作为 .xlsx 工作簿读取：文件可能已损坏；请在 Excel 中打开并另存为 .xlsx（技术信息：${d.reason}）`,
  fileNoSheet: (d) => `${d.file} 中没有可读取的工作表`,
  fileTooLarge: (d) =>
    `${d.file} 大小为 ${d.megabytes} MB；浏览器预览最多读取 200 MB 的文件。` +
    `请在 Excel 中通过加载项打开，或运行："loyalty report ${d.file}"`,
  fileType: (d) => `${d.file}：预览只能读取 .xlsx 和 .csv 文件；请另存为其中一种格式`,
  // The input's English name (`what`) is left out: the cell named is beside its label on the sheet.
  editedCell: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}：${d.value} 不是` +
    `${d.max === undefined ? `不小于 ${d.min} 的` : `${d.min} 到 ${d.max} 之间的`}${d.integer ? "整数" : "数字"}` +
    "；请输入一个数，或清空该单元格以使用默认值",
  assumptionNotNumber: (d) => `工作表 ${d.sheet} 的单元格 ${d.cell} 必须是数字，而不是 ${d.value}`,
  assumptionOutOfRange: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell} 必须` +
    (d.min !== undefined && d.max !== undefined
      ? `在 ${d.min} 到 ${d.max} 之间`
      : d.min !== undefined
        ? `不小于 ${d.min}`
        : `不大于 ${d.max}`) +
    `，而不是 ${d.value}`,
  assumptionNotKept: (d) => {
    const typed = `工作表 ${d.sheet} 的单元格 ${d.cell}：在那里输入的值（${d.value}，"${d.key}"）`;
    switch (d.reason) {
      case "retired":
        return (
          `${typed}在刷新后的模型中没有对应的位置，未被保留；` +
          "各项假设的说明写明了取代它的内容（成本增长系数：会员权益随各等级的会员人数变化，另加一项计划固定成本）"
        );
      case "tierGone":
        return `${typed}属于等级 "${d.tier}"，而等级规则中已没有该等级，未被保留`;
      case "other":
        return `${typed}在刷新后的工作表中没有对应的位置（输入之后，工作表的期间、等级或数据已有变化），未被保留`;
    }
  },
  assumptionNotWhole: (d) => `工作表 ${d.sheet} 的单元格 ${d.cell} 必须是 ${d.min} 到 ${d.max} 之间的整数`,
  unknownScenario: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}（情景）必须是以下之一：${d.scenarios.join("、")}`,
  holidayNotDate: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}（节假日日期）：${d.value} 不是日期；` +
    "请输入 MM-DD（每年）或 YYYY-MM-DD（仅当年），或清空该单元格",
  holidayNameTooLong: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}（节假日名称）：请输入不超过 100 个字符的名称`,
  holidayWithoutDate: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}（节假日名称）：${d.value} 所在行没有日期；` +
    "请按 MM-DD（每年）或 YYYY-MM-DD（仅当年）输入日期",
  holidayWithoutName: (d) =>
    `工作表 ${d.sheet} 的单元格 ${d.cell}（节假日日期）：${d.date} 所在行没有名称；请输入名称`,
  tierMinimumsInSettings: (d) =>
    `等级门槛互不一致：${d.problems.map((p) => tierProblemText("zh-CN", p)).join("；")}`,
  tierMinimumsOnSheet: (d) =>
    `工作表 ${d.sheet} 中的等级门槛互不一致：${d.problems.map((p) => tierProblemText("zh-CN", p)).join("；")}`,
  modelNoHistory: (d) => `模型：${d.model} 无法拟合：没有客户有可用于拟合的购买记录`,
  modelNotConverged: (d) =>
    `模型：${d.model} 拟合未收敛（客户或重复购买可能太少），因此未给出其预测；详见“模型”工作表`,
  modelFailed: (d) => `模型：${d.model} 无法拟合，因此未给出其预测；详见“模型”工作表`,
  modelDegenerate: (d) =>
    `模型：${d.model} 拟合退化（数据无法确定其参数），因此未使用其预测；详见“模型”工作表`,
  refreshWouldLose: (d) =>
    "未做任何更改：刷新会删除您在报告工作表上写的以下内容：\n" +
    refreshLossLines("zh-CN", d.losses) +
    "\n请将其移到您自己的工作表（或报告表格之外），或勾选“仍然刷新”以在不保留这些内容的情况下刷新" +
    typedOverHint("zh-CN", d.losses),
  summaryTierGrace: (d) =>
    `tiers.demoteAfterPeriods 为 ${d.periods}：在低于门槛的评审中保级需要此前各次评审的消费记录，而客户汇总中没有；` +
    "请将其设为 1，或用订单明细生成报告",
  summaryTierWindow: (d) =>
    `tiers.window 为${d.given === "calendarYear" ? "自然年" : ` ${d.given} 个月`}，但客户汇总给出的是截至统计截止日 ${d.months} 个月的消费；` +
    `请将 tiers.window 设为滚动 ${d.months} 个月，或用订单明细生成报告`,
  fileMissing: (d) => `${d.file} 不存在`,
  fileOldExcel: (d) => `${d.file}：请先在 Excel 中另存为 .xlsx 工作簿（文件 > 另存为）`,
  fileExtension: (d) =>
    `${d.file}：无法读取${d.extension ? ` ${d.extension} ` : "没有扩展名的"}文件；请提供 .csv 或 .xlsx 文件`,
  outMissing: () => "请指定报告写到哪里：--out FILE.xlsx（或用 --in-place 更新一个 .xlsx 工作簿）",
  outNotXlsx: (d) => `--out ${d.out}：报告是 .xlsx 文件`,
  outIsInput: (d) => `--out ${d.out} 就是输入文件；要更新它请用 --in-place`,
  inputMissing: () => '请提供订单文件（"loyalty report ORDERS --out FILE.xlsx"）或 --summary FILE',
  ...INPUT_ERROR_TEXTS["zh-CN"],
};

export const MESSAGE_TEXTS = bilingual<MessageTexts>({ en, "zh-CN": zhCN });
