/**
 * Every text the pane shows, in English and Simplified Chinese. The Chinese table is typed against the
 * English one, so a label cannot exist in one language only. Texts with values are functions.
 */
import type { ColumnRole } from "../../engine/data/columns";
import type { TimeUnit } from "../../engine/summary/time-unit";

export type Language = "en" | "zh-CN";

export const LANGUAGES: readonly Language[] = ["en", "zh-CN"];

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
  rowsCount: (n: string) => `${n} rows`,
  previewHeading: "First rows",
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
  } as Record<ColumnRole, string>,
  required: "required",
  noColumn: "(none)",
  optionalColumns: "More columns (optional)",
  missingColumns: (roles: string) => `Choose a column for: ${roles}.`,
  asOfLabel: "As-of date",
  asOfHint: (date: string) => `Default: the last order date, ${date}.`,
  timeUnitLabel: "Time unit of the models",
  timeUnits: { day: "Days", week: "Weeks", month: "Months" } as Record<TimeUnit, string>,

  buildHeading: "2. Build",
  sheetsLabel: "Sheets to build",
  allSheets: "All",
  thresholdsHeading: "Thresholds",
  rulesFromSheets: "Use the rule tables on the Tiers and Alerts sheets (as edited there)",
  tierThresholds: "Tier thresholds",
  derivedThresholds: "Derived from the data (top 10 %, next 20 %, next 30 % by spend)",
  minSpend: "Minimum spend",
  minPurchaseDays: "Minimum purchase days",
  baseTier: "base tier: every active customer",
  alertThresholds: "Alert thresholds",
  build: "Build report",
  building: "Building…",
  cancel: "Cancel",
  cancelled: "Build cancelled. The sheets written so far are complete; press Build report to start again.",
  progressLabel: "Progress",
  step: (name: string) => name,

  resultHeading: "Report ready",
  customers: "Customers",
  orders: "Orders",
  tiers: "Tiers",
  alerts: "Alerts to act on",
  dataQuality: "Data-quality warnings",
  noWarnings: "No data-quality warnings.",
  showCells: "Show cells",
  seconds: (s: string) => `Built in ${s} s.`,
  renamed: (requested: string, actual: string) =>
    `A sheet named “${requested}” already existed and was left alone; the report sheet is “${actual}”.`,
  refreshHeading: "3. Refresh",
  refresh: "Refresh",
  refreshHint: "Reruns everything with the settings saved in this workbook. Your own sheets are not touched.",
  noSavedSettings: "This workbook has no saved Loyalty Lens settings yet: build the report once first.",

  errorTitle: "Something needs your attention",
  whatToDo: "What to do:",
  fixData: "Check the column mapping and the cells named above, then build again.",
  fixInternal: "This is a fault in Loyalty Lens. Try again; if it happens again, report this message.",
  dismiss: "Dismiss",

  dropHere: "Drop an .xlsx or .csv file here, or",
  chooseFile: "choose a file",
  loadSample: "Use the sample data",
  loadingFile: (name: string) => `Reading ${name}…`,
  generatedSheets: "Generated sheets",
  gridRows: (shown: string, total: string) => `Showing the first ${shown} of ${total} rows.`,
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
  rowsCount: (n: string) => `${n} 行`,
  previewHeading: "前几行",
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
  },
  required: "必填",
  noColumn: "（无）",
  optionalColumns: "更多列（可选）",
  missingColumns: (roles: string) => `请为以下项目选择列：${roles}。`,
  asOfLabel: "截止日期",
  asOfHint: (date: string) => `默认：最后一笔订单的日期 ${date}。`,
  timeUnitLabel: "模型的时间单位",
  timeUnits: { day: "天", week: "周", month: "月" },

  buildHeading: "2. 生成",
  sheetsLabel: "要生成的工作表",
  allSheets: "全部",
  thresholdsHeading: "阈值",
  rulesFromSheets: "使用“等级”和“预警”工作表中的规则表（以表中修改为准）",
  tierThresholds: "等级门槛",
  derivedThresholds: "根据数据推算（按消费额前 10%、其后 20%、再后 30%）",
  minSpend: "最低消费额",
  minPurchaseDays: "最少消费天数",
  baseTier: "基础等级：所有活跃客户",
  alertThresholds: "预警阈值",
  build: "生成报告",
  building: "正在生成…",
  cancel: "取消",
  cancelled: "已取消生成。已写入的工作表是完整的；点击“生成报告”可重新开始。",
  progressLabel: "进度",
  step: (name: string) => name,

  resultHeading: "报告已生成",
  customers: "客户",
  orders: "订单",
  tiers: "等级",
  alerts: "需要跟进的预警",
  dataQuality: "数据质量提示",
  noWarnings: "没有数据质量问题。",
  showCells: "查看单元格",
  seconds: (s: string) => `用时 ${s} 秒。`,
  renamed: (requested: string, actual: string) =>
    `已存在名为“${requested}”的工作表，未作改动；报告工作表命名为“${actual}”。`,
  refreshHeading: "3. 刷新",
  refresh: "刷新",
  refreshHint: "使用保存在本工作簿中的设置重新生成全部内容。不会改动您自己的工作表。",
  noSavedSettings: "本工作簿中还没有保存 Loyalty Lens 设置：请先生成一次报告。",

  errorTitle: "需要您处理",
  whatToDo: "处理方法：",
  fixData: "请检查列的对应关系以及上面指出的单元格，然后重新生成。",
  fixInternal: "这是 Loyalty Lens 的程序错误。请重试；如果再次出现，请报告此信息。",
  dismiss: "关闭",

  dropHere: "将 .xlsx 或 .csv 文件拖放到这里，或",
  chooseFile: "选择文件",
  loadSample: "使用示例数据",
  loadingFile: (name: string) => `正在读取 ${name}…`,
  generatedSheets: "生成的工作表",
  gridRows: (shown: string, total: string) => `显示前 ${shown} 行，共 ${total} 行。`,
};

export const STRINGS: Record<Language, Strings> = { en, "zh-CN": zhCN };

/** A number as the language writes it (thousands separators). */
export function formatNumber(language: Language, n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(n);
}
