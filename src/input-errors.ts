/**
 * The errors a user meets on the command line and in reading their files, each a code with its values and
 * its words in both languages side by side: flags that do not go together or do not parse (report, fit,
 * sql, --columns, --delimiter, --encoding, --unit ...), files that are not what they claim (empty, binary,
 * damaged, too large, a folder), workbooks whose names clash with the report's, the DuckDB engine missing,
 * a file that cannot be written. `inputError(code, values)` raises one: its message is the English text
 * (what the CLI prints in English and the tests read), its detail the code, which the CLI (and the pane)
 * says in the language they speak (src/i18n/messages.ts takes this table into the catalogue).
 *
 * Flags, file, sheet, table and column names, ids and values stay as the user typed them in both languages;
 * places are said part by part in the language's words (placeText).
 */
import type { CellPlace, TablePlace } from "./engine/data/table";
import { bilingual } from "./engine/text/bilingual";
import { PLACE_TEXTS, placeText } from "./engine/text/places";
import { READING_TEXTS, type DelimiterWord } from "./engine/text/reading";
import { fileError, refreshLossLines, typedOverHint, UserError, type RefreshLoss } from "./user-error";

/** A place as the English message writes it (`where`) and as parts (`at`), when known. */
interface Where {
  where: string;
  at?: TablePlace | CellPlace;
}

/** The encodings --encoding names, as the user types them. */
const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "gbk", "gb18030", "big5", "windows-1252", "latin1"];

/**
 * Why a file cannot be read, by the system's code, and what to do, in each language. A code not listed
 * is named as it is, after words that say the system refused (the English text adds the system's words).
 */
const UNREADABLE_BECAUSE = bilingual<Record<string, string>>({
  en: {
    EACCES: "you have no permission to read it; give yourself read access or copy it somewhere you may read",
    EPERM: "you have no permission to read it; give yourself read access or copy it somewhere you may read",
    EISDIR: "it is a folder; give a file",
    ENOENT: "it does not exist; check the name and the folder",
    ENOTDIR: "a part of its path is a file, not a folder; check the path",
    EBUSY: "another program holds it locked; close it there and run again",
    EIO: "the disk or network drive failed to read it; copy it to a local disk and run again",
    ENAMETOOLONG: "its path is too long; move it to a shorter path",
    ELOOP: "its path has links that lead back to themselves; give the file's real path",
    EMFILE: "too many files are open; close some programs and run again",
    ENFILE: "too many files are open; close some programs and run again",
  },
  "zh-CN": {
    EACCES: "没有读取它的权限；请给自己读取权限，或把它复制到有权限读取的位置",
    EPERM: "没有读取它的权限；请给自己读取权限，或把它复制到有权限读取的位置",
    EISDIR: "这是一个文件夹；请给出一个文件",
    ENOENT: "文件不存在；请检查文件名和所在文件夹",
    ENOTDIR: "路径中有一部分是文件而不是文件夹；请检查路径",
    EBUSY: "文件被其他程序锁定；请在该程序中关闭它后再运行",
    EIO: "磁盘或网络驱动器读取出错；请把它复制到本地磁盘后再运行",
    ENAMETOOLONG: "路径太长；请把它移到较短的路径下",
    ELOOP: "路径中的链接指回自身；请给出文件的实际路径",
    EMFILE: "打开的文件太多；请关闭一些程序后再运行",
    ENFILE: "打开的文件太多；请关闭一些程序后再运行",
  },
});

/**
 * The CSV parser's (papaparse's) problems by its code, in each language: every code papaparse 5 has (it
 * reads our files with a delimiter and without headers, so only the quote problems occur). A code it may add
 * later is said as a row that cannot be read, its English words kept as technical detail.
 */
const CSV_PARSER_CODES = [
  // Ours: an InvalidQuotes whose field escapes a quote with a backslash (src/workbook/csv/parse.ts).
  "BackslashEscape",
  "MissingQuotes",
  "InvalidQuotes",
  "UndetectableDelimiter",
  "TooFewFields",
  "TooManyFields",
] as const;
type CsvParserCode = (typeof CSV_PARSER_CODES)[number];

const CSV_PROBLEMS = bilingual<Record<CsvParserCode, string> & { unknown: (english: string) => string }>({
  en: {
    BackslashEscape:
      'a quote inside this quoted field is escaped with a backslash (\\"), as some databases export it, where CSV doubles it (""); export the file again with quotes doubled',
    MissingQuotes: "a quote opens this field and is never closed",
    InvalidQuotes:
      'a quote inside this quoted field is not doubled (a quote in a quoted field is written "")',
    UndetectableDelimiter: "the separator between fields cannot be told",
    TooFewFields: "the row has fewer fields than the header",
    TooManyFields: "the row has more fields than the header",
    unknown: (english) => `the row cannot be read as CSV (${english})`,
  },
  "zh-CN": {
    BackslashEscape:
      '带引号的字段中的引号用反斜杠转义（\\"，一些数据库这样导出），而 CSV 中应写成两个引号（""）；请以双写引号的方式重新导出该文件',
    MissingQuotes: "该字段以引号开头，但引号没有闭合",
    InvalidQuotes: '带引号的字段中有未成对的引号（字段内的引号应写成 ""）',
    UndetectableDelimiter: "无法判断字段分隔符",
    TooFewFields: "该行的字段比表头少",
    TooManyFields: "该行的字段比表头多",
    unknown: (english) => `无法按 CSV 格式读取该行（技术信息：${english}）`,
  },
});

/** The parser's problem `code` in `language` (`english`: its own words, for a code it does not know). */
function csvProblemText(language: keyof typeof CSV_PROBLEMS, code: string, english: string): string {
  const texts = CSV_PROBLEMS[language];
  const known = CSV_PARSER_CODES.find((c) => c === code);
  return known ? texts[known] : texts.unknown(english);
}

/** The place of a CSV parser's problem: the file, the row and, when known, the column with its header. */
function csvRowPlace(language: keyof typeof CSV_PROBLEMS, d: CsvRowDetail): string {
  const texts = PLACE_TEXTS[language];
  const parts = [d.file, texts.row(d.row)];
  if (d.column !== undefined) parts.push(texts.column(d.column, d.header));
  return parts.join(texts.separator);
}

/**
 * A row of a text file the CSV parser cannot read: `problem` its English words, `parser` its code; the
 * column (its letter, as Excel opening the file names it) and its header when known.
 */
interface CsvRowDetail {
  file: string;
  row: number;
  column?: string;
  header?: string;
  problem: string;
  parser: string;
  encoding: string;
  delimiter: DelimiterWord;
}

const zhPlace = (d: Where) => placeText(PLACE_TEXTS["zh-CN"], d.where, d.at);
const quoted = (items: readonly string[], separator: string) => items.map((h) => `"${h}"`).join(separator);

/** A problem of a file, said in each language (a damaged zip's, a CSV parser's). */
export interface BothLanguages {
  en: string;
  "zh-CN": string;
}

/** How two files of a glob differ: their separator, the line of their header row, or their columns. */
interface GlobUnlike {
  pattern: string;
  file: string;
  other: string;
  aspect: "separator" | "headerLine" | "columns";
  /** A separator's word (comma, tab ...), a line number, or the columns joined by ", ". */
  first: string;
  second: string;
}

const GLOB_ASPECT_EN: Record<GlobUnlike["aspect"], string> = {
  separator: "is separated by",
  headerLine: "has its header (or first row) on line",
  columns: "has the columns",
};

const GLOB_ASPECT_ZH: Record<GlobUnlike["aspect"], string> = {
  separator: "字段分隔符",
  headerLine: "表头（或首行）所在行",
  columns: "列",
};

/** A separator said in the language's word; line numbers and column names as they are. */
function globValue(d: GlobUnlike, value: string, language: "en" | "zh-CN"): string {
  if (d.aspect !== "separator") return value;
  const words = READING_TEXTS[language].delimiters as Record<string, string>;
  return words[value as DelimiterWord] ?? value;
}

const en = {
  // Settings (a --config file, the flags, the settings stored in a workbook) and where they came from.
  settingsInvalid: (d: { label: BothLanguages; problems: BothLanguages[] }) =>
    `${d.label.en}: ${d.problems.map((p) => p.en).join("; ")}`,
  settingsNotJson: (d: { problem: BothLanguages }) => d.problem.en,
  // `loyalty report`, `loyalty fit`: which inputs and flags go together.
  summaryNotInPlace: () => "--summary writes a new workbook: give --out FILE.xlsx, not --in-place",
  inputAndSummary: (d: { input: string }) =>
    `give either the orders (${d.input}) or --summary FILE, not both`,
  campaignsWithSummary: () => "--campaigns needs the order lines; a customer summary has none",
  sheetNeedsXlsx: () => "--sheet names a sheet of an .xlsx input",
  inPlaceNeedsXlsx: (d: { file: string }) => `--in-place updates an .xlsx workbook, not ${d.file}`,
  outAndInPlace: () => "give either --out FILE or --in-place, not both",
  forceNeedsInPlace: () => "--force goes with --in-place",
  notReportSummary: (d: { file: string; columns: string[]; headers: string[] }) =>
    `--summary ${d.file}: a customer summary has the columns ${d.columns.join(", ")} ` +
    `(as \`loyalty sql\` writes them); the headers are ${quoted(d.headers, ", ")}`,
  notFitSummary: (d: { file: string; headers: string[] }) =>
    `--summary ${d.file}: a customer summary has the columns frequency (or x), recency (or t_x) and T ` +
    `(as \`loyalty sql\` writes them); the headers are ${quoted(d.headers, ", ")}`,
  fitInputMissing: () => "give the input file (loyalty fit FILE -m MODEL) or --summary FILE",
  autoNeedsOrders: (d: { source: string; models: string[] }) =>
    `${d.source}: --model auto compares the models on the purchases after a calibration end, so it needs the ` +
    `transaction file (customer, date, amount), not a summary; or choose a model with --model ${d.models.join("|")}`,
  noDaysAfterCalibration: (d: { date: string }) =>
    `--calibration-end: ${d.date} leaves no days after it to compare the models on; give an earlier date`,
  badUnit: (d: { value: string }) => `--unit: "${d.value}" is not day, week or month`,
  badPenalizer: (d: { value: string }) => `--penalizer: "${d.value}" is not a number ≥ 0`,
  needsOpportunities: (d: { source: string; model: string }) =>
    `${d.source}: ${d.model} needs a summary of discrete opportunities with columns frequency, recency, periods (and weights), as in donations.csv`,
  calibrationEndNotDate: (d: { value: string }) =>
    `--calibration-end: "${d.value}" is not a date (use YYYY-MM-DD)`,
  nobodyBeforeCalibration: (d: { source: string }) =>
    `${d.source}: no customer bought on or before the calibration end`,
  fitRefused: (d: { source: string; problem: BothLanguages }) => `${d.source}: ${d.problem.en}`,
  // A customer summary given to `loyalty fit`.
  notANumber: (d: Where & { value?: string }) =>
    `${d.where}: expected a number, got ${d.value === undefined ? "an empty cell" : d.value}`,
  summaryNoColumn: (d: { source: string; names: string[]; headers: string[] }) =>
    `${d.source}: no ${d.names.join(" or ")} column among the headers ${quoted(d.headers, ", ")}`,
  summaryRow: (d: Where & { problem: BothLanguages }) => `${d.where}: ${d.problem.en}`,
  // `loyalty sql`.
  sqlNotDate: (d: { flag: string; value: string }) =>
    `${d.flag} ${d.value}: not a date; write it as YYYY-MM-DD`,
  sqlDialect: (d: { value: string; dialects: string[] }) =>
    `--dialect ${d.value}: not a dialect this tool writes; use one of ${d.dialects.join(", ")}`,
  sqlTableMissing: () => "say which table holds the order lines: --table NAME (e.g. --table sales.orders)",
  sqlAsOfMissing: () =>
    "say the day the summary is measured to: --as-of YYYY-MM-DD (usually the last day the table holds)",
  sqlUnit: (d: { value: string; units: string[] }) => `--unit ${d.value}: use one of ${d.units.join(", ")}`,
  calibrationAfterAsOf: (d: { calibrationEnd: string; asOf: string }) =>
    `--calibration-end ${d.calibrationEnd} is after --as-of ${d.asOf}: the calibration ends on or before it`,
  quantityWithoutPrice: () =>
    "--quantity and --price go together: a line's amount is then quantity × unit price",
  sqlLineAmounts: (d: { value: string; choices: string[] }) =>
    `--line-amounts ${d.value}: use one of ${d.choices.join(", ")}`,
  // A file option followed by another option instead of its file (`--out --lang zh-CN`).
  fileOptionWithoutFile: (d: { option: string; value: string }) =>
    `${d.option} needs a file name, but it is followed by the option ${d.value}; write the file right ` +
    `after it (${d.option} FILE), or ./${d.value} for a file whose name starts with "-"`,
  // The table options of report and fit.
  columnsUnknownRole: (d: { word: string; index: number; roles: string[] }) =>
    `--columns: "${d.word}" (column ${d.index}) is not a column role; use ${d.roles.join(", ")}, or - to leave the column out`,
  columnsTwice: (d: { role: string }) => `--columns: ${d.role} is given twice`,
  badDelimiter: (d: { value: string }) =>
    `--delimiter: "${d.value}" is not comma, semicolon, tab, pipe or whitespace`,
  badEncoding: (d: { value: string }) =>
    `--encoding: "${d.value}" is not one this tool reads (${ENCODINGS.join(", ")})`,
  // Files.
  // `reason`: the system's words; `errno` its code (EACCES), which the other language says in its words.
  fileUnreadable: (d: { file: string; reason: string; errno?: string }) =>
    `${d.file} cannot be read: ${UNREADABLE_BECAUSE.en[d.errno ?? ""] ?? `the system refused (${d.reason})`}`,
  notAFile: (d: { file: string }) => `${d.file} is not a file`,
  isFolder: (d: { file: string; expected: "csv" | "xlsx" }) =>
    `${d.file} is a folder, not ${d.expected === "csv" ? "a CSV file" : "a workbook"}`,
  fileEmpty: (d: { file: string }) => `${d.file} is empty (0 bytes)`,
  csvIsZip: (d: { file: string }) =>
    `${d.file} is a zip file (an .xlsx workbook?), not a CSV file; name it .xlsx`,
  csvIsOldExcel: (d: { file: string }) =>
    `${d.file} is not a text (CSV) file: it is an Excel 97-2003 (.xls) or a password-protected workbook; save it as .xlsx or export it as CSV`,
  csvIsBinary: (d: { file: string }) =>
    `${d.file} is not a text (CSV) file: it holds binary data (an image, a PDF or a program?); export the orders as CSV`,
  csvTooLarge: (d: { file: string; megabytes: number }) =>
    `${d.file} is ${d.megabytes} MB, more than the 500 MB this tool reads; split it`,
  csvRow: (d: CsvRowDetail) =>
    `${csvRowPlace("en", d)}: ${csvProblemText("en", d.parser, d.problem)} (read as ${d.encoding}, fields separated by ${READING_TEXTS.en.delimiters[d.delimiter]}; ` +
    '--delimiter or --encoding, or "source" in the settings, read it otherwise)',
  headerRowBlank: (d: { source: string; place?: TablePlace; row: number }) =>
    `${d.source}: header row ${d.row} is blank`,
  xlsxEncrypted: (d: { file: string }) =>
    `${d.file} is password-protected (encrypted); open it in Excel, remove the password ` +
    "(File > Info > Protect Workbook > Encrypt with Password) and save it again",
  xlsxIsOldExcel: (d: { file: string }) =>
    `${d.file} is an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx`,
  xlsxIsText: (d: { file: string }) =>
    `${d.file} is a text file, not an .xlsx workbook; if it holds comma- or tab-separated values, name it .csv`,
  xlsxNotZip: (d: { file: string }) => `${d.file} is not an .xlsx workbook (it is not a zip file)`,
  xlsxIsOds: (d: { file: string }) => `${d.file} is an OpenDocument spreadsheet (.ods); save it as .xlsx`,
  zipNotWorkbook: (d: { file: string }) =>
    `${d.file} is a zip file but not an Excel workbook (it has no xl/workbook.xml)`,
  zipBomb: (d: { file: string; part: string; ratio: number; size: string }) =>
    `${d.file} is refused: its part ${d.part} would expand ${d.ratio} times to ${d.size}, which no real workbook does (a "zip bomb")`,
  xlsxTooLarge: (d: { file: string; size: string; limit: string }) =>
    `${d.file} is refused: it would expand to ${d.size}, more than the ${d.limit} this tool reads; split the data or save it as .csv`,
  fileDamaged: (d: { file: string; problem: BothLanguages }) => `${d.file} is damaged: ${d.problem.en}`,
  fileIncomplete: (d: { file: string; problem: BothLanguages }) =>
    `${d.file} is damaged or incomplete: ${d.problem.en}`,
  partNotDecompressed: (d: { file: string; part: string }) =>
    `${d.file} is damaged: part ${d.part} cannot be decompressed`,
  // Workbooks: names the report needs, the settings it stores.
  noTableNamed: (d: { workbook?: string; table: string }) =>
    `${d.workbook ?? "the workbook"} has no table named "${d.table}"`,
  noSheetNamed: (d: { workbook?: string; sheet: string }) =>
    `${d.workbook ?? "the workbook"} has no sheet named "${d.sheet}"`,
  noVisibleSheetIn: (d: { file: string }) => `${d.file} has no visible sheet to read`,
  settingsDamaged: (d: { workbook?: string }) =>
    `${d.workbook ?? "the workbook"}: the Loyalty Lens settings stored in it are damaged; ` +
    "build the report again to replace them",
  notSettingsSheet: (d: Where) =>
    `${d.where} is not Loyalty Lens's settings sheet; rename that sheet so Loyalty Lens can keep its settings`,
  nameClash: (d: { workbook?: string; name: string; sheet: string }) =>
    `${d.workbook ?? "the workbook"} already has a name "${d.name}" that Loyalty Lens did not create; ` +
    `rename it (Formulas > Name Manager) so the ${d.sheet} sheet can define it`,
  tableNameClash: (d: Where & { name: string; sheet: string }) =>
    `${d.where} has a table named "${d.name}", the name Loyalty Lens uses for a table of the ${d.sheet} ` +
    "sheet; rename that table (Table Design > Table Name)",
  benefitCostTooManyTiers: (d: { lastRow: number; tiers: number; rows: number }) =>
    `the Benefit cost sheet holds the model in rows 1 to ${d.lastRow}: ${d.tiers} tiers need ${d.rows} ` +
    'rows; use fewer tiers, or leave "benefit-cost" out of the sheets the report builds',
  ordersSheetIsReport: (d: { sheet: string }) =>
    `sheet ${d.sheet} is a Loyalty Lens report sheet, not the orders; name the orders sheet`,
  noCampaignSheet: (d: { sheet: string }) =>
    `the workbook has no sheet named "${d.sheet}" to read the campaigns from (setting campaigns.sheet)`,
  liftCampaignUnknown: (d: { campaign: string; known: string[] }) =>
    `campaigns.liftForBenefitCost names "${d.campaign}", which is not among the campaigns measured` +
    (d.known.length > 0
      ? ` (${quoted(d.known, ", ")})`
      : " (no campaign table was found: add a Campaigns sheet or give --campaigns FILE)"),
  liftNotMeasured: (d: { campaign: string }) =>
    `campaigns.liftForBenefitCost: campaign "${d.campaign}" has no measured lift (no participant could be ` +
    "matched; see LL Campaigns)",
  // Writing.
  writeLocked: (d: { file: string }) =>
    `cannot write ${d.file}: it is read-only or open in another program (close it in Excel)`,
  writeNoFolder: (d: { file: string; folder: string }) =>
    `cannot write ${d.file}: the folder ${d.folder} does not exist`,
  diskFull: (d: { file: string }) => `cannot write ${d.file}: the disk is full`,
  refreshRunning: (d: { file: string; pid: number; host: string; started: string; lock: string }) =>
    `${d.file} was not changed: it is being refreshed by another run ` +
    `(process ${d.pid} on ${d.host}, since ${d.started}); wait for it to finish, or delete ` +
    `${d.lock} if no refresh is running`,
  // `losses`: what the splice of the package found it cannot carry.
  refreshWouldNotKeep: (d: { file: string; losses: RefreshLoss[] }) =>
    `${d.file} was not changed: refreshing it would not keep what was written on the ` +
    `report's sheets:\n${refreshLossLines("en", d.losses)}\n` +
    "Move it to a sheet of your own (or outside the report's tables), or run again with --force to " +
    "refresh anyway without it" +
    typedOverHint("en", d.losses),
  // The DuckDB engine.
  duckDbMissing: (d: { reason: string }) =>
    `DuckDB is not installed (the optional package @duckdb/node-api could not be loaded: ${d.reason}); ` +
    "install it with npm install @duckdb/node-api, or leave out --engine duckdb to read the file without it",
  duckDbFileType: (d: { file: string }) =>
    `${d.file}: the DuckDB engine reads .parquet, .csv, .csv.gz, .tsv and .txt files (or a glob of them)`,
  duckDbGlobEmpty: (d: { pattern: string }) => `${d.pattern} names no file`,
  duckDbGlobMixed: (d: { pattern: string; parquet: string; text: string }) =>
    `${d.pattern} names Parquet files (${d.parquet}) and text files (${d.text}), which are not one table; ` +
    "give a pattern that names one kind, e.g. orders/*.parquet or orders/*.csv*",
  // A glob's files are one table (src/cli/duckdb/text-input.ts): `first` is `file`'s, `second` `other`'s.
  duckDbGlobUnlike: (d: GlobUnlike) =>
    `${d.pattern}: the files are read as one table, but ${d.other} ${GLOB_ASPECT_EN[d.aspect]} ` +
    `${globValue(d, d.second, "en")} where ${d.file} ${GLOB_ASPECT_EN[d.aspect]} ${globValue(d, d.first, "en")}; ` +
    "make them alike, or read each file on its own",
  notGzip: (d: { file: string }) => `${d.file} cannot be read: it is not a gzip file`,
};

type Texts = typeof en;

const zhCN: Texts = {
  settingsInvalid: (d) => `${d.label["zh-CN"]}：${d.problems.map((p) => p["zh-CN"]).join("；")}`,
  settingsNotJson: (d) => d.problem["zh-CN"],
  summaryNotInPlace: () => "--summary 会写入一个新工作簿：请用 --out FILE.xlsx，而不是 --in-place",
  inputAndSummary: (d) => `请只给出订单（${d.input}）或 --summary FILE 其中之一，不要同时给出`,
  campaignsWithSummary: () => "--campaigns 需要订单明细；客户汇总中没有订单明细",
  sheetNeedsXlsx: () => "--sheet 指定的是 .xlsx 输入文件中的工作表",
  inPlaceNeedsXlsx: (d) => `--in-place 只能更新 .xlsx 工作簿，不能更新 ${d.file}`,
  outAndInPlace: () => "请只给出 --out FILE 或 --in-place 其中之一，不要同时给出",
  forceNeedsInPlace: () => "--force 只能与 --in-place 一起使用",
  notReportSummary: (d) =>
    `--summary ${d.file}：客户汇总应有 ${quoted(d.columns, "、")} 这些列（与 loyalty sql 输出的一致）；` +
    `该文件的表头为 ${quoted(d.headers, "、")}`,
  notFitSummary: (d) =>
    `--summary ${d.file}：客户汇总应有 "frequency"（或 "x"）、"recency"（或 "t_x"）和 "T" 列（与 loyalty sql 输出的一致）；` +
    `该文件的表头为 ${quoted(d.headers, "、")}`,
  fitInputMissing: () => '请提供输入文件（"loyalty fit FILE -m MODEL"）或 --summary FILE',
  autoNeedsOrders: (d) =>
    `${d.source}："--model auto" 要用校准期结束后的购买来比较各模型，因此需要交易明细文件（客户、日期、金额），` +
    `而不是客户汇总；或用 --model 选定一个模型（${quoted(d.models, "、")}）`,
  noDaysAfterCalibration: (d) =>
    `--calibration-end：${d.date} 之后没有可用来比较模型的日子；请给出更早的日期`,
  badUnit: (d) => `--unit：“${d.value}”不是 "day"、"week" 或 "month"`,
  badPenalizer: (d) => `--penalizer：“${d.value}”不是 ≥ 0 的数`,
  needsOpportunities: (d) =>
    `${d.source}：${d.model} 需要离散购买机会的汇总，包含 "frequency"、"recency"、"periods"（以及 "weights"）列，如 donations.csv`,
  calibrationEndNotDate: (d) => `--calibration-end：“${d.value}”不是日期（请写成 YYYY-MM-DD）`,
  nobodyBeforeCalibration: (d) => `${d.source}：校准期结束日（含）之前没有任何客户购买`,
  fitRefused: (d) => `${d.source}：${d.problem["zh-CN"]}`,
  notANumber: (d) =>
    `${zhPlace(d)}：此处应为数字，实际是${d.value === undefined ? "空单元格" : ` ${d.value}`}`,
  summaryNoColumn: (d) =>
    `${d.source}：在表头 ${quoted(d.headers, "、")} 中没有 ${quoted(d.names, " 或 ")} 列`,
  summaryRow: (d) => `${zhPlace(d)}：${d.problem["zh-CN"]}`,
  sqlNotDate: (d) => `${d.flag} “${d.value}”：不是日期；请写成 YYYY-MM-DD`,
  sqlDialect: (d) =>
    `--dialect “${d.value}”：本工具不生成这种方言；请使用以下之一：${quoted(d.dialects, "、")}`,
  sqlTableMissing: () => '请指定存放订单明细的表：--table NAME（例如 "--table sales.orders"）',
  sqlAsOfMissing: () => "请指定汇总计算到哪一天：--as-of YYYY-MM-DD（通常是表中的最后一天）",
  sqlUnit: (d) => `--unit “${d.value}”：请使用以下之一：${quoted(d.units, "、")}`,
  calibrationAfterAsOf: (d) =>
    `--calibration-end ${d.calibrationEnd} 晚于 --as-of ${d.asOf}：校准期应在统计截止日当天或之前结束`,
  quantityWithoutPrice: () => "--quantity 和 --price 需要一起给出：此时每行的金额为数量 × 单价",
  sqlLineAmounts: (d) => `--line-amounts “${d.value}”：请使用以下之一：${quoted(d.choices, "、")}`,
  fileOptionWithoutFile: (d) =>
    `${d.option} 后面应是文件名，但跟着的是选项 ${d.value}；请把文件名直接写在它后面（${d.option} FILE），` +
    `文件名以“-”开头时写作 ./${d.value}`,
  columnsUnknownRole: (d) =>
    `--columns：“${d.word}”（第 ${d.index} 列）不是列的用途；请使用 ${quoted(d.roles, "、")}，或用 - 跳过该列`,
  columnsTwice: (d) => `--columns："${d.role}" 被指定了两次`,
  badDelimiter: (d) => `--delimiter：“${d.value}”不是 "comma"、"semicolon"、"tab"、"pipe" 或 "whitespace"`,
  badEncoding: (d) => `--encoding：本工具不能读取“${d.value}”编码（可用：${quoted(ENCODINGS, "、")}）`,
  fileUnreadable: (d) =>
    `${d.file} 无法读取：${UNREADABLE_BECAUSE["zh-CN"][d.errno ?? ""] ?? `系统拒绝了读取（错误代码 "${d.errno ?? "?"}"）`}`,
  notAFile: (d) => `${d.file} 不是文件`,
  isFolder: (d) => `${d.file} 是一个文件夹，不是${d.expected === "csv" ? " CSV 文件" : "工作簿"}`,
  fileEmpty: (d) => `${d.file} 是空文件（0 字节）`,
  csvIsZip: (d) => `${d.file} 是 zip 文件（.xlsx 工作簿？），不是 CSV 文件；请将其扩展名改为 .xlsx`,
  csvIsOldExcel: (d) =>
    `${d.file} 不是文本（CSV）文件：它是 Excel 97-2003（.xls）工作簿或有密码保护的工作簿；请另存为 .xlsx 或导出为 CSV`,
  csvIsBinary: (d) =>
    `${d.file} 不是文本（CSV）文件：它包含二进制数据（图片、PDF 或程序？）；请将订单导出为 CSV`,
  csvTooLarge: (d) => `${d.file} 大小为 ${d.megabytes} MB，超过本工具可读取的 500 MB；请拆分该文件`,
  csvRow: (d) =>
    `${csvRowPlace("zh-CN", d)}：${csvProblemText("zh-CN", d.parser, d.problem)}（按 "${d.encoding}" 编码、以${READING_TEXTS["zh-CN"].delimiters[d.delimiter]}分隔字段读取；` +
    '可用 --delimiter 或 --encoding，或设置中的 "source" 改变读取方式）',
  headerRowBlank: (d) =>
    `${placeText(PLACE_TEXTS["zh-CN"], d.source, d.place)}：表头行（第 ${d.row} 行）是空的`,
  xlsxEncrypted: (d) =>
    `${d.file} 有密码保护（已加密）；请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密）后重新保存`,
  xlsxIsOldExcel: (d) => `${d.file} 是旧版 Excel 97-2003（.xls）文件；请在 Excel 中打开并另存为 .xlsx`,
  xlsxIsText: (d) =>
    `${d.file} 是文本文件，不是 .xlsx 工作簿；如果其中是逗号或制表符分隔的值，请将扩展名改为 .csv`,
  xlsxNotZip: (d) => `${d.file} 不是 .xlsx 工作簿（它不是 zip 文件）`,
  xlsxIsOds: (d) => `${d.file} 是 "OpenDocument" 电子表格（.ods）；请另存为 .xlsx`,
  zipNotWorkbook: (d) => `${d.file} 是 zip 文件，但不是 Excel 工作簿（其中没有 "xl/workbook.xml"）`,
  zipBomb: (d) =>
    `${d.file} 被拒绝读取：其中的部件 "${d.part}" 会膨胀 ${d.ratio} 倍，达到 ${d.size}，真实的工作簿不会这样（“zip 炸弹”）`,
  xlsxTooLarge: (d) =>
    `${d.file} 被拒绝读取：解压后将达到 ${d.size}，超过本工具可读取的 ${d.limit}；请拆分数据或另存为 .csv`,
  fileDamaged: (d) => `${d.file} 已损坏：${d.problem["zh-CN"]}`,
  fileIncomplete: (d) => `${d.file} 已损坏或不完整：${d.problem["zh-CN"]}`,
  partNotDecompressed: (d) => `${d.file} 已损坏：部件 "${d.part}" 无法解压`,
  noTableNamed: (d) => `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.table}”的表格`,
  noSheetNamed: (d) => `${d.workbook ? `${d.workbook} ` : "工作簿"}中没有名为“${d.sheet}”的工作表`,
  noVisibleSheetIn: (d) => `${d.file} 中没有可读取的可见工作表`,
  settingsDamaged: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中保存的 Loyalty Lens 设置已损坏；请重新生成报告以替换它们`,
  notSettingsSheet: (d) =>
    `${zhPlace(d)} 不是 Loyalty Lens 的设置工作表；请重命名该工作表，以便 Loyalty Lens 保存其设置`,
  nameClash: (d) =>
    `${d.workbook ? `${d.workbook} ` : "工作簿"}中已有一个不是 Loyalty Lens 创建的名称“${d.name}”；` +
    `请重命名它（公式 > 名称管理器），以便 ${d.sheet} 工作表定义该名称`,
  tableNameClash: (d) =>
    `${zhPlace(d)} 中有一个名为“${d.name}”的表格，而 Loyalty Lens 要用这个名称命名 ${d.sheet} 工作表中的表格；` +
    "请重命名该表格（表设计 > 表名称）",
  benefitCostTooManyTiers: (d) =>
    `权益成本工作表把模型放在第 1 到 ${d.lastRow} 行：${d.tiers} 个等级需要 ${d.rows} 行；` +
    '请减少等级数，或在要生成的工作表中去掉 "benefit-cost"',
  ordersSheetIsReport: (d) =>
    `工作表 ${d.sheet} 是 Loyalty Lens 的报告工作表，不是订单；请指定订单所在的工作表`,
  noCampaignSheet: (d) => `工作簿中没有名为“${d.sheet}”的工作表，无法读取活动（设置 campaigns.sheet）`,
  liftCampaignUnknown: (d) =>
    `campaigns.liftForBenefitCost 指定的活动“${d.campaign}”不在已测算的活动中` +
    (d.known.length > 0
      ? `（${quoted(d.known, "、")}）`
      : '（未找到活动表：请添加 "Campaigns" 工作表或使用 --campaigns FILE）'),
  liftNotMeasured: (d) =>
    `campaigns.liftForBenefitCost：活动“${d.campaign}”没有测算出提升（没有参与者能够匹配到对照；见“LL 活动效果”）`,
  writeLocked: (d) => `无法写入 ${d.file}：该文件只读，或已在其他程序中打开（请在 Excel 中关闭它）`,
  writeNoFolder: (d) => `无法写入 ${d.file}：文件夹 ${d.folder} 不存在`,
  diskFull: (d) => `无法写入 ${d.file}：磁盘已满`,
  refreshRunning: (d) =>
    `${d.file} 未被更改：另一次运行正在刷新它（主机 ${d.host} 上的进程 ${d.pid}，开始于 ${d.started}）；` +
    `请等它完成，如果并没有刷新在运行，请删除 ${d.lock}`,
  refreshWouldNotKeep: (d) =>
    `${d.file} 未被更改：刷新会丢失您在报告工作表上写的以下内容：\n` +
    `${refreshLossLines("zh-CN", d.losses)}\n` +
    "请将其移到您自己的工作表（或报告表格之外），或加上 --force 再次运行，以在不保留这些内容的情况下刷新" +
    typedOverHint("zh-CN", d.losses),
  duckDbMissing: (d) =>
    // The package named inside the install command: a quote right before its name would read, to the
    // build's check, as a bundle importing DuckDB.
    `DuckDB 未安装（无法加载可选的 DuckDB 包：${d.reason}）；` +
    '请用 "npm install @duckdb/node-api" 安装，或去掉 "--engine duckdb"，不用它读取文件',
  duckDbFileType: (d) =>
    `${d.file}：DuckDB 引擎读取 .parquet、.csv、.csv.gz、.tsv 和 .txt 文件（或匹配它们的通配符）`,
  duckDbGlobEmpty: (d) => `${d.pattern} 没有匹配到任何文件`,
  duckDbGlobMixed: (d) =>
    `${d.pattern} 同时匹配到 .parquet 文件（${d.parquet}）和文本文件（${d.text}），它们不能作为一张表读取；` +
    "请给出只匹配一种文件的通配符，例如 *.parquet 或 *.csv*",
  duckDbGlobUnlike: (d) =>
    `${d.pattern}：这些文件作为一张表读取，但 ${d.other} 的${GLOB_ASPECT_ZH[d.aspect]}是 ` +
    `${globValue(d, d.second, "zh-CN")}，而 ${d.file} 的是 ${globValue(d, d.first, "zh-CN")}；` +
    "请使它们一致，或逐个读取文件",
  notGzip: (d) => `${d.file} 无法读取：它不是 gzip 文件`,
};

export const INPUT_ERROR_TEXTS = bilingual<Texts>({ en, "zh-CN": zhCN });

export type InputErrorCode = keyof Texts;
/** The values of code C: what its text names. */
type ValuesOf<C extends InputErrorCode> = Parameters<Texts[C]> extends [infer D] ? D : Record<never, never>;
/** An input error as code and values (part of UserErrorDetail). */
export type InputErrorDetail = { [C in InputErrorCode]: { code: C } & ValuesOf<C> }[InputErrorCode];

/** The error of `code` with its values: its message in English, its detail for the other language. */
export function inputError<C extends InputErrorCode>(code: C, ...values: Parameters<Texts[C]>): UserError {
  const given = (values[0] ?? {}) as ValuesOf<C>;
  const text = en[code] as (d: ValuesOf<C>) => string;
  return new UserError(text(given), undefined, { ...(given as object), code } as InputErrorDetail);
}

/**
 * The error of a file the system would not read (`e` from node:fs): missing, a folder (when `expected`
 * says what it should be), else unreadable, said by its code. A UserError is passed on as it is.
 */
export function readFailure(file: string, e: unknown, expected?: "csv" | "xlsx"): UserError {
  if (e instanceof UserError) return e;
  const { code, message } = e as NodeJS.ErrnoException;
  if (code === "ENOENT") return fileError({ code: "fileMissing", file });
  if (code === "EISDIR" && expected) return inputError("isFolder", { file, expected });
  return inputError("fileUnreadable", { file, reason: String(message), ...(code ? { errno: code } : {}) });
}

/** A part of an .xlsx package that its directory does not list. */
export function partMissing(file: string, part: string): UserError {
  return inputError("fileDamaged", {
    file,
    problem: { en: `part ${part} is missing`, "zh-CN": `缺少部件 ${part}` },
  });
}
