/**
 * Every text the pane shows, in English and Simplified Chinese. The Chinese table is typed against the
 * English one, so a label cannot exist in one language only. Texts with values are functions.
 */
import type { ColumnRole } from "../../engine/data/columns";
import type { DayOrder } from "../../engine/data/parse-date";
import type { TimeUnit } from "../../engine/summary/time-unit";
import { describeTierMinimumProblem, type TierMinimumProblem } from "../../engine/tiers/program";
import { SHEET_NAMES } from "../../report/sheet-kinds";
import { SHEET_NAME_TEXTS } from "../../engine/text/sheet-names";
import type { MessageTexts } from "./message-texts";
import { PLACE_TEXTS } from "../../engine/text/places";

import type { Language } from "../../engine/text/language";

export { LANGUAGES, type Language } from "../../engine/text/language";

import { AMOUNT_FROM_PRICE, PRICE_SETTING } from "../../engine/data/columns";
import { NO_HEADER_FIX } from "../../workbook/read-table";
import { DECIMAL_SETTING } from "../../engine/data/number-format";
import { refreshWouldLoseMessage, shortened, type RefreshLoss } from "../../user-error";

/** Quoted and listed as the English messages list headers: "Name", "Date". */
const quotedList = (items: string[], separator: string) => items.map((h) => `"${h}"`).join(separator);

// The engine's and the report's errors and warnings that carry a code (see message-texts.ts). The English
// texts are the messages' own words (a test keeps them equal), except the models': the pane says in plain
// words what the Model sheet explains in full.
const enMessages: MessageTexts = {
  missingColumns: (d, w) =>
    `${w.place(d.source, d.place)}: no ${d.roles.map(w.role).join(", ")} column found among the headers ${quotedList(d.headers, ", ")}; name the column to use` +
    (d.roles.includes("amount") ? AMOUNT_FROM_PRICE : ""),
  noSuchColumn: (d, w) =>
    `${w.place(d.source, d.place)}: no column "${d.given}" for the ${w.role(d.role)}; the headers are ${quotedList(d.headers, ", ")}`,
  noColumnNumber: (d, w) =>
    `${w.place(d.source, d.place)}: column ${d.number} for the ${w.role(d.role)} does not exist`,
  columnTwice: (d, w) => `${w.place(d.source, d.place)}: column ${d.column} is given for two roles`,
  mixedDecimals: (d, w) =>
    `${w.place(d.where, d.at)}: "${d.comma}" uses a decimal comma but "${d.point}" (row ${d.pointAt.row}, column ${d.pointAt.column}) a decimal point; ${DECIMAL_SETTING}`,
  ambiguousDecimals: (d, w) =>
    `${w.place(d.where, d.at)}: "${d.value}" can be read with a thousands separator or a decimal separator, and no amount decides; ${DECIMAL_SETTING}`,
  amountLooksLikePrice: (d, w) =>
    `${w.place(d.source, d.place)}: the amount column ${d.amount} looks like a unit price and the table has a quantity column ${d.quantity}; ${PRICE_SETTING}`,
  noUsableLines: (d, w) =>
    `${w.place(d.source, d.place)}: no usable order lines among ${w.number(d.rows)} ${d.rows === 1 ? "row" : "rows"}` +
    (d.worst
      ? `; most rows: ${w.finding(d.worst.reason).toLowerCase()} (${d.worst.count}), first at ${w.place(d.worst.where, d.worst.at)}` +
        (d.worst.note ? `: ${w.note(d.worst.note)}` : "")
      : ""),
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
    `report settings: ${d.problems.map((p) => `tier rules: ${describeTierMinimumProblem(p)}`).join("; ")}`,
  tierMinimumsOnSheet: (d) =>
    `sheet ${d.sheet}: the tier minimums do not fit together: ${d.problems.map(describeTierMinimumProblem).join("; ")}`,
  modelNoHistory: (d) => `Model: ${d.model}: no customer has a purchase history to fit`,
  modelNotConverged: (d) =>
    `Model: ${d.model} did not converge (too few customers or repeat purchases?), so its predictions are left out; the Model sheet says more`,
  modelFailed: (d) =>
    `Model: ${d.model} could not be fitted, so its predictions are left out; the Model sheet says more`,
  modelDegenerate: (d) =>
    `Model: ${d.model} is degenerate (the data do not pin its parameters down), so its predictions are not used; the Model sheet says more`,
  refreshWouldLose: (d) => refreshWouldLoseMessage(d.losses),
};

const tierMinimumZh = (p: TierMinimumProblem) =>
  p.problem === "someMinimums"
    ? "请为基础等级以上的每个等级都设置门槛，或都不设置（此时自动推算）"
    : tierClashZh(p);

/** The lower tier's minimum is the one to change: a tier cannot need more than the tier above it. */
function tierClashZh(p: Extract<TierMinimumProblem, { problem: "belowNeedsMore" }>): string {
  const what = p.measure === "spend" ? "最低消费额" : "最少消费天数";
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    `${p.below.nameZh}的${what}（${n(p.value)}）高于上一级${p.above.nameZh}的（${n(p.limit)}）：` +
    `请将${p.below.nameZh}的${what}降到 ${n(p.limit)} 或以下`
  );
}

const zhMessages: MessageTexts = {
  missingColumns: (d, w) =>
    `${w.place(d.source, d.place)}：在表头 ${quotedList(d.headers, "、")} 中未找到${d.roles.map(w.role).join("、")}列；请指定要使用的列`,
  noSuchColumn: (d, w) =>
    `${w.place(d.source, d.place)}：没有可用作${w.role(d.role)}的列“${d.given}”；表头为 ${quotedList(d.headers, "、")}`,
  noColumnNumber: (d, w) => `${w.place(d.source, d.place)}：用作${w.role(d.role)}的第 ${d.number} 列不存在`,
  columnTwice: (d, w) => `${w.place(d.source, d.place)}：列 ${d.column} 被同时指定给了两个用途`,
  mixedDecimals: (d, w) =>
    `${w.place(d.where, d.at)}：“${d.comma}”使用小数逗号，而“${d.point}”（第 ${d.pointAt.row} 行 ${d.pointAt.column} 列）使用小数点；请在设置中选择数字格式（小数逗号）。`,
  ambiguousDecimals: (d, w) =>
    `${w.place(d.where, d.at)}：“${d.value}”既可理解为带千位分隔符，也可理解为带小数分隔符，且没有其他金额能确定；请在设置中选择数字格式（小数逗号）。`,
  amountLooksLikePrice: (d, w) =>
    `${w.place(d.source, d.place)}：金额列 ${d.amount} 看起来是单价，而表中有数量列（${d.quantity}）；请把它选为单价（金额即为数量 × 单价），或不选金额列。`,
  noUsableLines: (d, w) =>
    `${w.place(d.source, d.place)}：${w.number(d.rows)} 行中没有可用的订单明细` +
    (d.worst
      ? `；多数行的问题：${w.finding(d.worst.reason)}（${w.number(d.worst.count)} 行），首例：${w.place(d.worst.where, d.worst.at)}` +
        (d.worst.note ? `：${w.note(d.worst.note)}` : "")
      : ""),
  noRows: (d, w) => `${w.place(d.source, d.place)}：表头行下方没有数据行`,
  emptySheet: (d, w) => `${w.place(d.source, d.place)} 是空的：没有任何单元格有值`,
  noHeaderRow: (d, w) =>
    `${w.place(d.source, d.place)}：第 ${d.first}-${d.last} 行中没有表头行（表头行在每一列上方有文字标题，如客户ID、日期、金额）；如果文件没有表头，请在设置中将表头设为“无”并指定各列（命令行：--no-header --columns id,date,amount）`,
  noOrderTable: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.table}”的表格，无法读取订单`,
  noOrderSheet: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.sheet}”的工作表，无法读取订单`,
  noVisibleSheet: (d) => `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有可见的工作表，无法读取订单`,
  fileNotXlsx: (d) => `${d.file} 无法作为 .xlsx 工作簿读取（${d.reason}）`,
  fileNoSheet: (d) => `${d.file} 中没有可读取的工作表`,
  fileTooLarge: (d) =>
    `${d.file} 大小为 ${d.megabytes} MB；浏览器预览最多读取 200 MB 的文件。` +
    `请在 Excel 中通过加载项打开，或运行：loyalty report ${d.file}`,
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
  tierMinimumsInSettings: (d) => `等级门槛互不一致：${d.problems.map(tierMinimumZh).join("；")}`,
  tierMinimumsOnSheet: (d) =>
    `工作表 ${d.sheet} 中的等级门槛互不一致：${d.problems.map(tierMinimumZh).join("；")}`,
  modelNoHistory: (d) => `模型：${d.model} 无法拟合：没有客户有可用于拟合的购买记录`,
  modelNotConverged: (d) =>
    `模型：${d.model} 拟合未收敛（客户或重复购买可能太少），因此未给出其预测；详见“模型”工作表`,
  modelFailed: (d) => `模型：${d.model} 无法拟合，因此未给出其预测；详见“模型”工作表`,
  modelDegenerate: (d) =>
    `模型：${d.model} 拟合退化（数据无法确定其参数），因此未使用其预测；详见“模型”工作表`,
  refreshWouldLose: (d) =>
    "未做任何更改：刷新会删除您在报告工作表上写的以下内容：\n" +
    d.losses.map((l) => `  - ${refreshLossZh(l)}`).join("\n") +
    "\n请将其移到您自己的工作表（或报告表格之外），或勾选“仍然刷新”以在不保留这些内容的情况下刷新",
};

/** One loss in Chinese: the sheet and cell as the user named them, the text quoted. */
function refreshLossZh(loss: RefreshLoss): string {
  const text = loss.text === undefined ? "" : `（“${shortened(loss.text)}”）`;
  if (loss.kind === "chart") return `工作表“${loss.sheet}”上的图表${text}`;
  const where = `工作表“${loss.sheet}”的 ${loss.cell} 单元格`;
  if (loss.kind === "note") return `${where}上的批注${text}`;
  return `${where}中输入的内容${text}`;
}

const en = {
  appTitle: "Loyalty Lens",
  previewNote: "Browser preview: a sample workbook held in this page. Nothing leaves your computer.",
  officeNote: (host: string) => `Connected to ${host}.`,
  language: "Language",
  languageNames: { en: "English", "zh-CN": "中文" } as Record<Language, string>,

  sourceHeading: "1. Orders",
  sourceLabel: "Order data",
  sourceSearching: "Looking for order tables in the workbook…",
  sourceNone:
    "No table or sheet with orders was found. Add a sheet with customer ID, date and amount columns, then press Look again.",
  lookAgain: "Look again",
  sourceTable: (name: string, sheet: string) => `Table ${name} (sheet ${sheet})`,
  sourceSheet: (name: string, range: string) => `Sheet ${name} (${range})`,
  sourceProposed: "Proposed: it looks like an order table.",
  noHeaderRowTag: "no header row",
  summaryTag: "customer summary",
  summaryProposed: "Proposed: it looks like a customer summary.",
  summaryHeading: "Customer summary",
  summaryIntro: (built: string, needLines: string) =>
    `One row per customer, as loyalty sql makes it from order lines kept elsewhere (a warehouse). Built from it: ${built}. ` +
    `${needLines} need the order lines: each says so.`,
  summaryMissing: (columns: string) =>
    `This summary lacks the columns ${columns}: make it with loyalty sql, which writes them all.`,
  summaryAsOf: (date: string) => `As of ${date} (each row's last_purchase + recency_days).`,
  summaryUnitLabel: "Time unit of recency and T",
  summaryUnitRead: "Read from the summary's rows.",
  summaryUnitHint: "The unit the summary was made in (loyalty sql --unit).",
  summaryBlocked: "The customer summary lacks columns a report needs: see “1. Orders”.",
  noHeaderLabel: "No header row: the first row is data",
  noHeaderFound:
    "No row of column titles was found, so every row is read as data. Choose the column of each role below.",
  noHeaderHint: "The columns are named by their letters: choose the column of each role below.",
  rowsCount: (n: string) => `${n} ${n === "1" ? "row" : "rows"}`,
  customersCount: (n: string) => `${n} ${n === "1" ? "customer" : "customers"}`,
  readingTable: "Reading the table…",
  previewHeading: "First rows",
  previewCaption: (shown: string, total: string) =>
    `First ${shown} of ${total} rows of the chosen order data`,
  mappingHeading: "Columns",
  mappingHint: "Detected from the headers. Change any column that is wrong.",
  roleLabels: {
    customerId: "Customer ID",
    date: "Order date",
    amount: "Amount",
    orderId: "Order ID",
    quantity: "Quantity",
    birthday: "Birthday",
    joinDate: "Join date",
    tier: "Member tier",
    points: "Points",
    channel: "Channel",
    price: "Unit price",
    discount: "Discount",
    status: "Order status",
    store: "Store",
    name: "Name",
    phone: "Phone",
    email: "E-mail",
    category: "Category",
    brand: "Brand",
    product: "Product",
    campaign: "Campaign",
  } as Record<ColumnRole, string>,
  required: "required",
  noColumn: "(none)",
  columnOption: (letter: string, header: string) => (header ? `${letter}: ${header}` : letter),
  optionalColumns: "More columns (optional)",
  missingColumns: (roles: string) => `Choose a column for: ${roles}.`,
  amountMissing: "Choose the amount column, or the quantity and unit price columns under “More columns”.",
  amountFromPrice: (quantity: string, price: string, discount?: string) =>
    `None: each line’s amount is ${quantity} × ${price}` + (discount ? ` − ${discount}.` : "."),
  asOfLabel: "As-of date",
  asOfHint: (date: string) => `Default: the last order date, ${date}.`,
  timeUnitLabel: "Time unit of the models",
  timeUnits: { day: "Days", week: "Weeks", month: "Months" } as Record<TimeUnit, string>,
  dayOrderLabel: "Date order",
  dayOrderHint: "For dates typed as text, such as 03/04/2024.",
  dayOrderProposed: (example: string, order: Exclude<DayOrder, "ymd">) =>
    `Proposed from the dates: ${example} is ${order === "dmy" ? "day first" : "month first"}.`,
  dayOrders: {
    ymd: "Year first (ISO, Excel dates)",
    dmy: "Day first (31/12/2024)",
    mdy: "Month first (12/31/2024)",
  } as Record<DayOrder, string>,

  buildHeading: "2. Build",
  sheetsLabel: "Sheets to build",
  allSheets: "All sheets",
  // The sheets' own names (the workbook adds "LL "); the Chinese table below must name every kind too.
  sheetNames: SHEET_NAMES,
  noSheets: "Choose at least one sheet.",
  thresholdsHeading: "Thresholds",
  sharingHeading: "Sharing",
  maskContacts: "Mask phone numbers and e-mails",
  maskContactsHint:
    "For workbooks that are shared: 138****1234, a***@example.com. Saved in the workbook, so Refresh keeps it.",
  thresholdsFrom: "Where the thresholds come from",
  rulesFromSheets: "The rule tables on the Tiers and Alerts sheets (edit them there)",
  rulesHere: "Set them here",
  rulesHereHint: "A value you typed on the Tiers or Alerts sheet still wins over the value here.",
  tierThresholds: "Tier minimums",
  derivedHint:
    "Leave a tier's minimums empty to derive them from the data (top 10 %, next 20 %, next 30 % by spend).",
  derived: "derived",
  minSpend: (tier: string) => `${tier}: minimum spend`,
  minPurchaseDays: (tier: string) => `${tier}: minimum purchase days`,
  alertThresholds: "Alert thresholds",
  alertMetrics: {
    rhythmRatio: "days since the last purchase ÷ usual interval",
    daysSinceLast: "days since the last purchase",
    medianIntervalDays: "usual interval in days",
    spendChange: "spend change on the previous period (−0.5 = down 50 %)",
    spendRecent: "spend in the recent period",
    spendPrior: "spend in the previous period",
  } as Record<string, string>,
  notANumber: (text: string) => `“${text}” is not a number.`,
  build: "Build report",
  building: "Building…",
  cancel: "Cancel",
  cancelled: "Build cancelled. The sheets written so far are complete; press Build report to start again.",
  progressLabel: "Build progress",
  actionsLabel: "Build and its progress",
  readingRows: (read: string, total: string) => `Reading the orders: row ${read} of ${total}`,
  buildBlocked: "Choose the order data and its required columns in “1. Orders” first.",
  reportAnnounced: (customers: string) => `Report ready: ${customers} customers.`,
  sheetsSummary: (chosen: string, all: string) => `Sheets to build: ${chosen} of ${all}`,
  datesAndUnit: "As-of date and time unit",
  steps: {
    reading: "Reading the orders",
    checking: "Checking the data",
    summarising: "Summarising customers, segments, tiers and KPIs",
    fitting: "Fitting the purchase and spend models",
    writing: "Writing the sheets",
    done: "Done",
  } as Record<string, string>,
  writingSheet: (k: string, n: string, name: string) => `Writing sheet ${k} of ${n}: ${name}`,

  resultHeading: "Report ready",
  thisWeekHeading: "Contact this week",
  thisWeekIntro: (total: string, shown: string, byRisk: boolean) =>
    `${total} ${total === "1" ? "member" : "members"} on this week’s list` +
    (shown === "0" ? "." : `; the ${shown} with the most ${byRisk ? "value at risk" : "spend"}:`),
  contactLine: (id: string, tier: string) => `${id} (${tier})`,
  valueAtRisk: (v: string) => `value at risk ${v}`,
  netSpend: (v: string) => `net spend ${v}`,
  daysSince: (days: string) => `${days} days since the last purchase`,
  openList: "Open the list",
  showSheet: (sheet: string) => `Show sheet ${sheet}`,
  customers: "Customers",
  orders: "Orders",
  orderLines: (n: string) => `${n} order ${n === "1" ? "line" : "lines"}`,
  netRevenue: "Net revenue",
  fromSummary: (rows: string) => `Built from a customer summary of ${rows} ${rows === "1" ? "row" : "rows"}.`,
  needsLinesHeading: "Sheets that need the order lines",
  needsLinesHint: "Each says what it needs; build from the order lines to fill them.",
  tiers: "Tiers",
  alerts: "Members with an alert",
  dataQuality: "Data quality",
  rowsRead: (n: string) => `${n} rows read`,
  warnings: "Warnings",
  noWarnings: "No data-quality warnings.",
  finding: (label: string, count: string, action: string) => `${label}: ${count} (${action})`,
  qualityActions: {
    dropped: "dropped",
    kept: "kept",
    "reduces spend": "reduces spend",
    "field ignored": "field ignored",
  } as Record<string, string>,
  firstAt: (place: string) => `First at ${place}`,
  otherWarnings: "Other warnings",
  showCells: "Show cells",
  sheetsWritten: "Sheets written",
  benefitCostHeading: "Benefit cost",
  projectionSpan: (periods: string, months: string, scenario: string) =>
    months === "1"
      ? `Next ${periods} months, ${scenario} scenario.`
      : `Next ${periods} periods of ${months} months, ${scenario} scenario.`,
  scenarios: { base: "base", cautious: "cautious", ambitious: "ambitious" } as Record<string, string>,
  revenue: "Revenue",
  benefitCostShare: (share: string) => `Benefit cost (${share} of revenue)`,
  netEffect: "Net effect",
  roi: "Return on benefit cost (ROI)",
  pointsLiabilityAtEnd: "Points liability at the end",
  percent: (n: string) => `${n} %`,
  projectionHint: (sheet: string) => `Edit the assumptions on sheet ${sheet}; Refresh keeps them.`,
  seconds: (s: string) => `Built in ${s} s.`,
  renamed: (requested: string, actual: string) =>
    `A sheet named “${requested}” already existed and was left alone; the report sheet is “${actual}”.`,
  refreshHeading: "3. Refresh",
  refresh: "Refresh",
  refreshing: "Refreshing…",
  refreshAnyway: "Refresh anyway: what is listed above will be lost",
  refreshHint: "Reruns everything with the settings saved in this workbook. Your own sheets are not touched.",
  noSavedSettings: "This workbook has no saved Loyalty Lens settings yet: build the report once first.",

  errorTitle: "Something needs your attention",
  whatToDo: "What to do:",
  fixData: "Check the column mapping and the cells named above, then build again.",
  fixFile:
    "Open an .xlsx or .csv file with one row per order (customer ID, date, amount), or use the sample data.",
  fixInternal: "This is a fault in Loyalty Lens. Try again; if it happens again, report this message.",
  fixDayOrder: "In “1. Orders”, set the date order to day first or month first, then build again.",
  fixNoHeader:
    "If the first row is data, tick “No header row” in “1. Orders” and choose the column of each role; otherwise add a row of column titles above the data.",
  dayOrderUnread:
    "Some dates could not be read: a date such as 03/04/2024 can be day first or month first, and the date order does not say which.",
  dismiss: "Dismiss",
  messages: enMessages,
  places: PLACE_TEXTS.en,

  dropHere: "Drop an .xlsx or .csv file here, or",
  chooseFile: "choose a file",
  loadSample: "Use the sample data",
  loadingFile: (name: string) => `Reading ${name}…`,
  openingFile: (name: string) => `Opening ${name}: reading the file…`,
  openingRows: (name: string, read: string, total: string) => `Opening ${name}: line ${read} of ${total}`,
  openingSheet: (name: string) => `Opening ${name}: filling its sheet…`,
  workingOn: (label: string) => `Working on ${label}.`,
  sampleName: (customers: string) => `the sample data (${customers} customers)`,
  generatedSheets: "Sheets of the workbook",
  gridRows: (first: string, last: string, total: string) => `Rows ${first} to ${last} of ${total}.`,
  gridEmpty: "This sheet is empty.",
  gridCaption: (sheet: string) => `Cells of sheet ${sheet}`,
};

export type Strings = typeof en;

const zhCN: Strings = {
  appTitle: "Loyalty Lens 会员洞察",
  previewNote: "浏览器预览：示例工作簿只保存在本页面中，数据不会离开您的电脑。",
  officeNote: (host: string) => `已连接到 ${host}。`,
  language: "语言",
  languageNames: { en: "English", "zh-CN": "中文" },

  sourceHeading: "1. 订单数据",
  sourceLabel: "订单数据",
  sourceSearching: "正在工作簿中查找订单表…",
  sourceNone: "未找到订单表或订单工作表。请添加包含客户ID、日期和金额列的工作表，然后点击“重新查找”。",
  lookAgain: "重新查找",
  sourceTable: (name: string, sheet: string) => `表格 ${name}（工作表 ${sheet}）`,
  sourceSheet: (name: string, range: string) => `工作表 ${name}（${range}）`,
  sourceProposed: "推荐：看起来是订单表。",
  noHeaderRowTag: "无表头行",
  summaryTag: "客户汇总表",
  summaryProposed: "推荐：看起来是客户汇总表。",
  summaryHeading: "客户汇总表",
  summaryIntro: (built: string, needLines: string) =>
    `每位客户一行，由 loyalty sql 根据存放在别处（数据仓库）的订单明细生成。据此生成：${built}。` +
    `${needLines}需要订单明细，会在表中说明。`,
  summaryMissing: (columns: string) =>
    `此汇总表缺少以下列：${columns}。请用 loyalty sql 生成，它会写出所有列。`,
  summaryAsOf: (date: string) => `截止日期 ${date}（每行的 last_purchase + recency_days）。`,
  summaryUnitLabel: "recency 和 T 的时间单位",
  summaryUnitRead: "根据汇总表的行读出。",
  summaryUnitHint: "生成汇总表时使用的单位（loyalty sql --unit）。",
  summaryBlocked: "客户汇总表缺少生成报告所需的列：请查看“1. 订单数据”。",
  noHeaderLabel: "无表头行：第一行就是数据",
  noHeaderFound: "未找到列标题行，因此每一行都作为数据读取。请在下方为各项选择对应的列。",
  noHeaderHint: "各列以字母命名：请在下方为各项选择对应的列。",
  rowsCount: (n: string) => `${n} 行`,
  customersCount: (n: string) => `${n} 位客户`,
  readingTable: "正在读取表格…",
  previewHeading: "前几行",
  previewCaption: (shown: string, total: string) => `所选订单数据的前 ${shown} 行（共 ${total} 行）`,
  mappingHeading: "列",
  mappingHint: "已根据表头自动识别。如有错误，请更改对应的列。",
  roleLabels: {
    customerId: "客户ID",
    date: "下单日期",
    amount: "金额",
    orderId: "订单号",
    quantity: "数量",
    birthday: "生日",
    joinDate: "入会日期",
    tier: "会员等级",
    points: "积分",
    channel: "渠道",
    price: "单价",
    discount: "优惠金额",
    status: "订单状态",
    store: "门店",
    name: "姓名",
    phone: "手机号",
    email: "邮箱",
    category: "品类",
    brand: "品牌",
    product: "商品",
    campaign: "活动",
  },
  required: "必填",
  noColumn: "（无）",
  columnOption: (letter: string, header: string) => (header ? `${letter}：${header}` : letter),
  optionalColumns: "更多列（可选）",
  missingColumns: (roles: string) => `请为以下项目选择列：${roles}。`,
  amountMissing: "请选择金额列，或在“更多列”中选择数量列和单价列。",
  amountFromPrice: (quantity: string, price: string, discount?: string) =>
    `未选：每行金额为 ${quantity} × ${price}` + (discount ? ` − ${discount}。` : "。"),
  asOfLabel: "截止日期",
  asOfHint: (date: string) => `默认：最后一笔订单的日期 ${date}。`,
  timeUnitLabel: "模型的时间单位",
  timeUnits: { day: "天", week: "周", month: "月" },
  dayOrderLabel: "日期顺序",
  dayOrderHint: "用于以文本输入的日期，如 03/04/2024。",
  dayOrderProposed: (example: string, order: Exclude<DayOrder, "ymd">) =>
    `根据日期推荐：${example} 是${order === "dmy" ? "日在前" : "月在前"}的写法。`,
  dayOrders: {
    ymd: "年在前（ISO、Excel 日期）",
    dmy: "日在前（31/12/2024）",
    mdy: "月在前（12/31/2024）",
  },

  buildHeading: "2. 生成",
  sheetsLabel: "要生成的工作表",
  allSheets: "全部工作表",
  sheetNames: SHEET_NAME_TEXTS["zh-CN"],
  noSheets: "请至少选择一个工作表。",
  thresholdsHeading: "阈值",
  sharingHeading: "分享",
  maskContacts: "电话和邮箱打码",
  maskContactsHint: "用于需要分享的工作簿：138****1234、a***@example.com。保存在工作簿中，刷新时沿用。",
  thresholdsFrom: "阈值来源",
  rulesFromSheets: "“等级”和“预警”工作表中的规则表（在表中修改）",
  rulesHere: "在此设置",
  rulesHereHint: "您在“等级”或“预警”工作表中输入的值仍优先于此处的值。",
  tierThresholds: "等级门槛",
  derivedHint: "等级门槛留空时根据数据推算（按消费额前 10%、其后 20%、再后 30%）。",
  derived: "自动推算",
  minSpend: (tier: string) => `${tier}：最低消费额`,
  minPurchaseDays: (tier: string) => `${tier}：最少消费天数`,
  alertThresholds: "预警阈值",
  alertMetrics: {
    rhythmRatio: "距上次消费天数 ÷ 平时间隔",
    daysSinceLast: "距上次消费的天数",
    medianIntervalDays: "平时消费间隔（天）",
    spendChange: "消费额较上期变化（−0.5 = 下降 50%）",
    spendRecent: "近期消费额",
    spendPrior: "上期消费额",
  },
  notANumber: (text: string) => `“${text}”不是数字。`,
  build: "生成报告",
  building: "正在生成…",
  cancel: "取消",
  cancelled: "已取消生成。已写入的工作表是完整的；点击“生成报告”可重新开始。",
  progressLabel: "生成进度",
  actionsLabel: "生成及其进度",
  readingRows: (read: string, total: string) => `正在读取订单：第 ${read} 行，共 ${total} 行`,
  buildBlocked: "请先在“1. 订单数据”中选择订单数据及其必需的列。",
  reportAnnounced: (customers: string) => `报告已生成：${customers} 位客户。`,
  sheetsSummary: (chosen: string, all: string) => `要生成的工作表：已选 ${chosen} / ${all}`,
  datesAndUnit: "截止日期与时间单位",
  steps: {
    reading: "正在读取订单",
    checking: "正在检查数据",
    summarising: "正在汇总客户、细分、等级和关键指标",
    fitting: "正在拟合购买和消费模型",
    writing: "正在写入工作表",
    done: "完成",
  },
  writingSheet: (k: string, n: string, name: string) => `正在写入第 ${k} 个工作表（共 ${n} 个）：${name}`,

  resultHeading: "报告已生成",
  thisWeekHeading: "本周需联系的会员",
  thisWeekIntro: (total: string, shown: string, byRisk: boolean) =>
    `本周名单共 ${total} 位会员` +
    (shown === "0" ? "。" : `；${byRisk ? "价值风险" : "消费额"}最高的 ${shown} 位：`),
  contactLine: (id: string, tier: string) => `${id}（${tier}）`,
  valueAtRisk: (v: string) => `价值风险 ${v}`,
  netSpend: (v: string) => `净消费 ${v}`,
  daysSince: (days: string) => `已 ${days} 天未购买`,
  openList: "打开名单",
  showSheet: (sheet: string) => `显示工作表 ${sheet}`,
  customers: "客户",
  orders: "订单",
  orderLines: (n: string) => `${n} 条订单明细`,
  netRevenue: "净收入",
  fromSummary: (rows: string) => `由 ${rows} 行的客户汇总表生成。`,
  needsLinesHeading: "需要订单明细的工作表",
  needsLinesHint: "每个工作表都说明了所需内容；用订单明细生成报告即可补全。",
  tiers: "会员等级",
  alerts: "有预警的会员",
  dataQuality: "数据质量",
  rowsRead: (n: string) => `已读取 ${n} 行`,
  warnings: "提示",
  noWarnings: "没有数据质量问题。",
  finding: (label: string, count: string, action: string) => `${label}：${count}（${action}）`,
  qualityActions: {
    dropped: "已剔除",
    kept: "已保留",
    "reduces spend": "冲减消费额",
    "field ignored": "忽略该字段",
  },
  firstAt: (place: string) => `首例：${place}`,
  otherWarnings: "其他提示",
  showCells: "查看单元格",
  sheetsWritten: "已写入的工作表",
  benefitCostHeading: "权益成本",
  projectionSpan: (periods: string, months: string, scenario: string) =>
    months === "1"
      ? `未来 ${periods} 个月，${scenario}情景。`
      : `未来 ${periods} 期（每期 ${months} 个月），${scenario}情景。`,
  scenarios: { base: "基准", cautious: "保守", ambitious: "进取" },
  revenue: "收入",
  benefitCostShare: (share: string) => `权益成本（占收入 ${share}）`,
  netEffect: "净效应",
  roi: "权益成本回报率（ROI）",
  pointsLiabilityAtEnd: "期末积分负债",
  percent: (n: string) => `${n}%`,
  projectionHint: (sheet: string) => `请在工作表 ${sheet} 中修改假设；刷新时会保留。`,
  seconds: (s: string) => `用时 ${s} 秒。`,
  renamed: (requested: string, actual: string) =>
    `已存在名为“${requested}”的工作表，未作改动；报告工作表命名为“${actual}”。`,
  refreshHeading: "3. 刷新",
  refresh: "刷新",
  refreshing: "正在刷新…",
  refreshAnyway: "仍然刷新：上面列出的内容将会丢失",
  refreshHint: "使用保存在本工作簿中的设置重新生成全部内容。不会改动您自己的工作表。",
  noSavedSettings: "本工作簿中还没有保存 Loyalty Lens 设置：请先生成一次报告。",

  errorTitle: "需要您处理",
  whatToDo: "处理方法：",
  fixData: "请检查列的对应关系以及上面指出的单元格，然后重新生成。",
  fixFile: "请打开每行一笔订单（客户ID、日期、金额）的 .xlsx 或 .csv 文件，或使用示例数据。",
  fixInternal: "这是 Loyalty Lens 的程序错误。请重试；如果再次出现，请报告此信息。",
  fixDayOrder: "请在“1. 订单数据”中将日期顺序设为“日在前”或“月在前”，然后重新生成。",
  fixNoHeader:
    "如果第一行就是数据，请在“1. 订单数据”中勾选“无表头行”并为各项选择对应的列；否则请在数据上方加一行列标题。",
  dayOrderUnread:
    "部分日期无法识别：像 03/04/2024 这样的日期可能是日在前，也可能是月在前，而日期顺序未作说明。",
  dismiss: "关闭",
  messages: zhMessages,
  places: PLACE_TEXTS["zh-CN"],

  dropHere: "将 .xlsx 或 .csv 文件拖放到这里，或",
  chooseFile: "选择文件",
  loadSample: "使用示例数据",
  loadingFile: (name: string) => `正在读取 ${name}…`,
  openingFile: (name: string) => `正在打开 ${name}：读取文件…`,
  openingRows: (name: string, read: string, total: string) =>
    `正在打开 ${name}：第 ${read} 行，共 ${total} 行`,
  openingSheet: (name: string) => `正在打开 ${name}：填入工作表…`,
  workingOn: (label: string) => `当前数据：${label}。`,
  sampleName: (customers: string) => `示例数据（${customers} 位客户）`,
  generatedSheets: "工作簿中的工作表",
  gridRows: (first: string, last: string, total: string) => `第 ${first} 至 ${last} 行，共 ${total} 行。`,
  gridEmpty: "此工作表为空。",
  gridCaption: (sheet: string) => `工作表 ${sheet} 的单元格`,
};

export const STRINGS: Record<Language, Strings> = { en, "zh-CN": zhCN };

/** A number as the language writes it (thousands separators). */
export function formatNumber(language: Language, n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(n);
}

/** Items as the language lists them ("A, B and C", "A、B和C"). */
export function formatList(language: Language, items: string[]): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(items);
}
