/**
 * The ORCHESTRATOR of a report build, the same for the CLI, the task pane and the tests:
 *
 *   reading -> checking data -> summarising -> fitting models -> writing sheet 1 .. n of n
 *
 * It reads the orders (from a workbook through the Workbook port, or a table the caller read), the
 * settings stored in the target workbook and the input cells a user edited on its generated sheets; runs
 * the engine; builds the sheet models; writes them through the port; stores the settings. It knows
 * nothing of Office or files, so it runs in a browser as well as in Node.
 *
 * Progress is reported before each step (and each sheet), and `signal` is checked between steps: a
 * cancelled build stops with the signal's reason (an AbortError) before the next step; sheets already
 * written stay written (an xlsx workbook is only saved by its caller).
 */
import { SETTING_TEXTS, type SettingsLabel } from "./setting-texts";
import { analyzeOrderTable, type Analysis } from "../engine/analyze";
import { readOrderTable, type OrderTable } from "../engine/data/read-orders";
import type { CurrencyDetection } from "../engine/data/currency";
import { analyzeCustomerSummary } from "../engine/analyze-summary";
import { isCustomerSummaryHeaders } from "../engine/summary/summary-columns";
import { readCustomerSummaryTable, type CustomerSummaryTable } from "../engine/summary/read-summary-table";
import { rowCount, sourceOf, type RawTable, type TablePlace } from "../engine/data/table";
import type { Language } from "../engine/text/language";
import { columnName } from "../sheet/a1";
import { PLACE_TEXTS, placeText } from "../engine/text/places";
import {
  asUserError,
  assumptionNotKeptText,
  refreshWouldLoseMessage,
  UserError,
  withUserErrors,
  type AssumptionGone,
} from "../user-error";
import { LAPSED } from "../engine/tiers/program";
import { decodeMemberState, encodeMemberState, memberChangesOf, memberSnapshotOf } from "./member-changes";
import type { JsonValue, TableSource, Workbook, WriteSheetResult } from "../sheet/port";
import type { SheetModel } from "../sheet/sheet-model";
import {
  analysisConfigOf,
  checkConfigLayer,
  dateReadOptions,
  resolveReportConfig,
  storedConfig,
  type PartialReportConfig,
  type ReportConfig,
} from "./config";
import { findOrderSource } from "./order-source";
import { contactList } from "./contact-list";
import {
  CAMPAIGN_SHEET_NAMES,
  findCampaignSheet,
  readCampaignTable,
  reportCampaigns,
  type ReportCampaigns,
} from "./report-campaigns";
import { analyzePreferences, type Preferences } from "../engine/preferences/analyze-preferences";
import type { ParticipationTable } from "../engine/campaigns/participation";
import type { InputDefaults, ReportData } from "./report-data";
import { readInputEdits, withEditedSettings, withEditedTiers } from "./report-inputs";
import { fitReportModels, type HoldoutOutcome, type ReportModels } from "./report-models";
import {
  qualityWarnings,
  summarize,
  summarizeAnalysis,
  type AnalysisSummary,
  type ReportSummary,
  type ReportWarning,
} from "./report-summary";
import type { BenefitCostSheet } from "./benefit-cost/builder";
import { benefitCostSheetForWorkbook } from "./benefit-cost/from-data";
import { reportCurrency, type ReportCurrency } from "./report-currency";
import { measuredLiftFor } from "./measured-lift";
import { sheetName, type SheetKind } from "./sheet-kinds";
import { sheetBuilder, SHEETS_USING_MODELS } from "./sheets";
import { markPhase } from "./phase-mark";

export type ReportStep = "reading" | "checking" | "summarising" | "fitting" | "writing" | "done";

export interface ReportProgress {
  step: ReportStep;
  /** What is being done, for a progress line: "Writing sheet 3 of 8: Tiers". */
  message: string;
  /** Share of the whole build done so far, 0..1. */
  fraction: number;
  /** While writing: which sheet. */
  sheet?: { index: number; count: number; name: string };
}

/**
 * Where the orders come from: a table the caller read or reads (a CSV file), a workbook (default: the target), or
 * order lines the caller already read and checked with the engine's rules (the CLI's DuckDB engine, for
 * files larger than memory), with the name and headers of their source.
 */
export type OrdersInput =
  | { table: RawTable }
  /**
   * A table the caller reads when the build asks for it (a CSV file): the build then holds the only
   * reference to its cells, which go once the lines are read, before the report is made.
   */
  | { load: () => Promise<RawTable> }
  | { workbook?: Workbook; source?: TableSource }
  /**
   * Order lines the caller reads and checks when the build asks for them (the DuckDB engine's handover):
   * the build then holds the only reference to them, and lets them go before the sheets are written.
   */
  | { read: () => Promise<OrderTable>; source: string; headers: string[]; currency?: CurrencyDetection }
  | { summary: RawTable };

export interface BuildReportOptions {
  /** The workbook the sheets are written to; its stored settings and edited input cells are used. */
  workbook: Workbook;
  /** Default: the orders in `workbook`, where the settings say or found automatically. */
  orders?: OrdersInput;
  /** Settings laid over those stored in the workbook (already checked, see checkConfigLayer). */
  config?: PartialReportConfig;
  /**
   * Where `config` came from, when the user named it (a --config file): problems of the settings taken
   * together name it instead of "report settings".
   */
  configLabel?: SettingsLabel;
  /** How messages name the workbook the orders are read from (e.g. its file name); default "the workbook". */
  ordersLabel?: string;
  /** Use the settings stored in the workbook (default true). */
  useStoredSettings?: boolean;
  /** Who took part in which campaign (e.g. `--campaigns FILE`); default a Campaigns sheet of the workbook. */
  campaigns?: RawTable;
  signal?: AbortSignal;
  onProgress?: (progress: ReportProgress) => void;
  /**
   * Write even what would remove something of the user's on the report's sheets (a note on a report
   * cell, a chart of theirs on its part of a sheet, text where the rebuilt sheet writes). Without it the
   * build stops before writing anything, listing them (code refreshWouldLose).
   */
  force?: boolean;
}

export interface ReportResult {
  summary: ReportSummary;
  /** The settings the build used (stored in the workbook). */
  config: ReportConfig;
}

/** Where each step starts, as a share of the whole build (writing takes the rest, sheet by sheet). */
const STEP_START: Record<Exclude<ReportStep, "done">, number> = {
  reading: 0,
  checking: 0.1,
  summarising: 0.25,
  fitting: 0.45,
  writing: 0.7,
};

const STEP_MESSAGES: Record<Exclude<ReportStep, "writing" | "done">, string> = {
  reading: "Reading the orders",
  checking: "Checking the data",
  summarising: "Summarising customers, segments, tiers and KPIs",
  fitting: "Fitting the purchase and spend models",
};

/** Lets the UI thread draw (and a Cancel click arrive) between steps. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

class Steps {
  private readonly started = performance.now();
  constructor(private readonly options: BuildReportOptions) {}

  async enter(step: Exclude<ReportStep, "writing" | "done">): Promise<void> {
    await this.checkpoint();
    this.options.onProgress?.({ step, message: STEP_MESSAGES[step], fraction: STEP_START[step] });
  }

  async sheet(index: number, count: number, name: string): Promise<void> {
    await this.checkpoint();
    const fraction = STEP_START.writing + ((1 - STEP_START.writing) * index) / count;
    this.options.onProgress?.({
      step: "writing",
      message: `Writing sheet ${index + 1} of ${count}: ${name}`,
      fraction,
      sheet: { index, count, name },
    });
  }

  done(): number {
    this.options.onProgress?.({ step: "done", message: "Done", fraction: 1 });
    return (performance.now() - this.started) / 1000;
  }

  private async checkpoint(): Promise<void> {
    this.options.signal?.throwIfAborted();
    await yieldToEventLoop();
    this.options.signal?.throwIfAborted();
  }
}

interface ReadOrders {
  table: RawTable;
  /** The lines already read (the caller's), else `table` is read here. */
  read?: OrderTable;
  /** The data's currency as the caller's reader found it (its cells are not in `table`). */
  currency?: CurrencyDetection;
  /** True when `table` is a customer summary (one row per customer), not order lines. */
  summary?: boolean;
  /** The sheet the orders are on, when they come from a workbook. */
  sheet?: string;
  /** The source to remember in the target workbook's settings (orders read from the target itself). */
  remember?: TableSource;
}

/** The order table the options name, with at least one row below its header. */
async function readOrders(options: BuildReportOptions, config: ReportConfig): Promise<ReadOrders> {
  const orders = await findOrders(options, config);
  if (!orders.read && rowCount(orders.table) === 0) {
    throw new UserError(`${orders.table.source}: there are no rows below the header row`, undefined, {
      code: "noRows",
      ...sourceOf(orders.table),
    });
  }
  return orders;
}

async function findOrders(options: BuildReportOptions, config: ReportConfig): Promise<ReadOrders> {
  const orders = options.orders ?? {};
  // A table with the headers of a customer summary is one, wherever it comes from.
  if ("table" in orders)
    return { table: orders.table, summary: isCustomerSummaryHeaders(orders.table.headers) };
  if ("load" in orders) {
    const table = await orders.load();
    return { table, summary: isCustomerSummaryHeaders(table.headers) };
  }
  if ("summary" in orders) return { table: orders.summary, summary: true };
  if ("read" in orders) {
    // Only the source's name and headers are used of the table: its lines are already read.
    const table = { source: orders.source, headers: orders.headers, columns: [], firstRow: 2 };
    return { table, read: await orders.read(), currency: orders.currency };
  }
  const workbook = orders.workbook ?? options.workbook;
  const wanted = orders.source ? { header: config.source.header, ...orders.source } : config.source;
  const notOrders = [...CAMPAIGN_SHEET_NAMES, ...(config.campaigns.sheet ? [config.campaigns.sheet] : [])];
  const found = await findOrderSource(workbook, wanted, options.ordersLabel, notOrders);
  const table = await workbook.readTable(found.source, { header: config.source.header });
  return {
    table,
    summary: isCustomerSummaryHeaders(table.headers),
    sheet: found.sheet,
    remember: workbook === options.workbook ? found.source : undefined,
  };
}

/**
 * The order lines read and checked (the "checking" step), and where they come from WITHOUT their cells:
 * from here on only the table's name and headers are used, and the cells of a sheet of 1,000,000 lines
 * (hundreds of MB) can go once this returns.
 */
async function orderLines(
  options: BuildReportOptions,
  config: ReportConfig,
  steps: Steps,
): Promise<{ orders: ReadOrders; input: AnalysisInput; currency: ReportCurrency }> {
  const read = await readOrders(options, config);
  await steps.enter("checking");
  if (read.summary) {
    // A customer summary: its spend column says the currency.
    const summary = withUserErrors(() =>
      readCustomerSummaryTable(read.table, { unit: config.timeUnit, dates: dateReadOptions(config) }),
    );
    const currency = reportCurrency(config.currency, read.table, summary.columns.spend);
    return { orders: { ...read, table: { ...read.table, columns: [] } }, input: { summary }, currency };
  }
  const orderTable =
    read.read ?? withUserErrors(() => readOrderTable(read.table, analysisConfigOf(config).read));
  // Money in the currency the setting names, else the one the data names: every sheet formats with it.
  // The amounts' text, or the unit prices' when the amounts are price × quantity.
  const { amount, price } = orderTable.columns.mapping;
  const currency = reportCurrency(config.currency, read.table, amount ?? price, read.currency);
  return {
    orders: { ...read, table: { ...read.table, columns: [] } },
    input: { lines: orderTable },
    currency,
  };
}

/** The config's tier program with every threshold explicit, as the engine evaluated it. */
function inputDefaults(config: ReportConfig, analysis: Analysis): InputDefaults {
  return {
    tiers: analysis.tiers.program,
    tiersDerived: analysis.tiers.thresholdsDerived,
    upgradeWithin: config.tiers.upgradeWithin,
    alertRules: config.alerts.rules,
    spendWindowDays: config.alerts.spendWindowDays,
    keyDateDays: config.keyDates.days,
    holidays: config.keyDates.holidays,
  };
}

/** What the engine analyses: order lines read, or a customer summary read. */
type AnalysisInput = { lines: OrderTable } | { summary: CustomerSummaryTable };

function runEngine(input: AnalysisInput, config: ReportConfig): Analysis {
  return "lines" in input
    ? analyzeOrderTable(input.lines, analysisConfigOf(config))
    : analyzeCustomerSummary(input.summary, analysisConfigOf(config));
}

/** Runs the engine with the user's edits; returns the analysis, the settings used and the input defaults. */
function analyze(
  input: AnalysisInput,
  config: ReportConfig,
  edits: Awaited<ReturnType<typeof readInputEdits>>,
): { analysis: Analysis; used: ReportConfig; defaults: InputDefaults } {
  let used = withEditedSettings(config, edits);
  let analysis = runEngine(input, used);
  // Defaults of the input cells: the config's values, tier minimums as the engine derived them.
  const defaults = inputDefaults(config, analysis);
  const tiers = withEditedTiers(analysis.tiers.program, edits);
  if (tiers) {
    used = { ...used, tiers: { ...tiers, upgradeWithin: used.tiers.upgradeWithin } };
    analysis = runEngine(input, used);
  }
  return { analysis, used, defaults };
}

function modelWarnings(outcomes: ModelOutcome[], modelSheet: string | undefined): ReportWarning[] {
  return outcomes.flatMap(({ problem, problemDetail }) => {
    if (!problem) return [];
    const warning: ReportWarning = { message: `Model: ${problem}` };
    if (problemDetail) warning.detail = problemDetail;
    if (modelSheet) warning.where = { sheet: modelSheet, range: "A1" };
    return [warning];
  });
}

/** Sheets that show preferences: the analysis runs when one of them is built. */
const SHEETS_USING_PREFERENCES: readonly SheetKind[] = ["this-week", "customers", "preferences"];

/** Preferences compared within segment × tier (the tier levels, lapsed and "not yet" included). */
function preferencesOf(analysis: Analysis, config: ReportConfig): Preferences | null {
  return analyzePreferences(
    analysis.table.orders,
    analysis.summary.firstDay,
    {
      segment: analysis.segments.segment,
      segments: analysis.segments.segments.length,
      tier: analysis.tiers.current,
      tiers: analysis.tiers.notYetLevel + 1,
    },
    analysis.asOf,
    { windowDays: config.preferences.windowDays, minSupport: config.preferences.minSupport },
  );
}

/** The campaign table given by the caller, else the workbook's Campaigns sheet; undefined when neither. */
async function campaignTable(
  options: BuildReportOptions,
  config: ReportConfig,
): Promise<ParticipationTable | undefined> {
  if (options.campaigns) return readCampaignTable(options.campaigns, config);
  // The sheet beside the orders: in the workbook they are read from.
  const orders = options.orders ?? {};
  const workbook = ("workbook" in orders && orders.workbook) || options.workbook;
  const sheet = await findCampaignSheet(workbook, config);
  if (!sheet) return undefined;
  return readCampaignTable(await workbook.readTable({ sheet }, { header: "auto" }), config);
}

/** Where a table came from in the sheets' language: "orders.xlsx，工作表 Orders" (names as the user wrote them). */
function sourceText(table: { source: string; place?: TablePlace }, language: Language): string {
  return placeText(PLACE_TEXTS[language], table.source, table.place);
}

export async function buildReport(options: BuildReportOptions): Promise<ReportResult> {
  const steps = new Steps(options);
  const { workbook } = options;
  // Everything the build needs of the analysis is made here, before the first sheet is written: the
  // analysis itself (at a million customers half a GB: the purchase days, every customer's figures) is
  // then no longer referenced, and can go while the sheets are written and saved.
  const built = await analyzeAndBuildSheets(options, steps);
  const written = await writeSheets(steps, workbook, built.models, options.force === true);
  const remembered = await rememberBuild(workbook, built.config, built.remember, built.memberState);

  const nameOf = (kind: SheetKind) => written.find((w) => w.kind === kind)?.sheetName;
  const warnings = [
    ...renamedSheetWarnings(written),
    ...modelWarnings(built.modelOutcomes, nameOf("model")),
    ...built.qualityWarnings,
    ...unusedAssumptionWarnings(
      built.unusedEdits,
      written,
      built.config.tiers.tiers.map((t) => t.key),
    ),
  ];
  const seconds = steps.done();
  return { summary: summarize(built.summary, written, warnings, seconds), config: remembered };
}

/** What a build keeps of its analysis once the sheet models are made (see buildReport). */
interface BuiltSheets {
  /** The sheet models, in the order of the settings, each with its name in the report's language. */
  models: NamedSheetModel[];
  /** The settings of the build (stored in the workbook, with the orders' source when read from it). */
  config: ReportConfig;
  /** The orders' source to remember, when they were read from the target workbook (not the lines read). */
  remember: TableSource | undefined;
  memberState: ReturnType<typeof memberSnapshotOf>;
  summary: AnalysisSummary;
  /** The fits' outcomes (a problem of one is a warning naming the Model sheet). */
  modelOutcomes: ModelOutcome[];
  qualityWarnings: ReportWarning[];
  /** Values typed into Benefit cost input cells the rebuilt sheet no longer has. */
  unusedEdits: BenefitCostSheet["unusedEdits"];
}

type NamedSheetModel = SheetModel & { name: string; language: Language };
type ModelOutcome = Pick<ReportModels["transaction"], "problem" | "problemDetail">;

/** Reads the orders and the settings, runs the engine and the models, and makes every sheet model. */
async function analyzeAndBuildSheets(options: BuildReportOptions, steps: Steps): Promise<BuiltSheets> {
  const { workbook } = options;
  await steps.enter("reading");
  const config = await settingsOf(options);
  const { orders, input, currency } = await orderLines(options, config, steps);
  const edits = await readInputEdits(workbook);

  await steps.enter("summarising");
  const analyzed = withUserErrors(() => analyze(input, config, edits));
  const used = { ...analyzed.used, currency: currency.symbol };
  const fitted = await fittedModels(steps, analyzed.analysis, used);
  const extras = await sheetExtras(options, analyzed.analysis, used, orders, currency);
  const data: ReportData = {
    ...extras,
    ...fitted,
    config: used,
    currency,
    analysis: analyzed.analysis,
    defaults: analyzed.defaults,
    source: sourceText(orders.table, used.language),
    headers: orders.table.headers,
    // A table no reader labelled (the demo's generated orders) is written to its sheet from column A.
    columnLabels: orders.table.headers.map((_, c) => orders.table.columnLabels?.[c] ?? columnName(c + 1)),
  };
  // What changed since the previous build: its member state read back before anything is rewritten.
  markPhase("member state");
  const memberState = memberSnapshotOf(data);
  data.memberChanges = memberChangesOf(
    data,
    decodeMemberState(await workbook.readMemberState()),
    memberState,
  );
  const models = sheetModels(data);
  return {
    models,
    config,
    remember: orders.remember,
    memberState,
    summary: summarizeAnalysis(analyzed.analysis, fitted.models, contactList(data), extras.benefitCost),
    modelOutcomes: fitted.models ? [fitted.models.transaction, fitted.models.spend] : [],
    qualityWarnings: qualityWarnings(analyzed.analysis, orders.sheet),
    unusedEdits: extras.benefitCost?.unusedEdits,
  };
}

/** The models fitted when a sheet to build shows them (the "fitting" step), with the holdout for the Model sheet. */
async function fittedModels(
  steps: Steps,
  analysis: Analysis,
  used: ReportConfig,
): Promise<{ models: ReportModels | null; holdout: HoldoutOutcome | null }> {
  if (!used.sheets.some((k) => SHEETS_USING_MODELS.includes(k))) return { models: null, holdout: null };
  await steps.enter("fitting");
  const fromLines = analysis.basis === "orders";
  const models = fitReportModels(fromLines ? analysis.days : null, analysis.summary, used);
  return { models, holdout: used.sheets.includes("model") ? models.holdout : null };
}

/**
 * What the sheets built from order lines need besides the analysis: preferences, the campaigns measured,
 * and the Benefit cost sheet's projection with the assumptions edited on the workbook's sheet. From a
 * customer summary there are none: those sheets say they need order lines (sheets/summary-basis.ts).
 */
async function sheetExtras(
  options: BuildReportOptions,
  analysis: Analysis,
  used: ReportConfig,
  orders: ReadOrders,
  currency: ReportCurrency,
): Promise<Pick<ReportData, "preferences" | "campaigns" | "benefitCost">> {
  const sheets = used.sheets;
  if (analysis.basis !== "orders") return { preferences: null, campaigns: null, benefitCost: undefined };
  markPhase("preferences");
  const preferences = sheets.some((k) => SHEETS_USING_PREFERENCES.includes(k))
    ? preferencesOf(analysis, used)
    : null;
  let campaigns: ReportCampaigns | null = null;
  markPhase("campaigns");
  if (sheets.includes("campaigns") || used.campaigns.liftForBenefitCost !== null) {
    campaigns = reportCampaigns(await campaignTable(options, used), analysis, used);
  }
  if (!sheets.includes("benefit-cost")) return { preferences, campaigns, benefitCost: undefined };
  markPhase("benefit-cost projection");
  try {
    const benefitCost = await benefitCostSheetForWorkbook(
      options.workbook,
      analysis,
      sourceText(orders.table, used.language),
      currency,
      measuredLiftFor(campaigns, used),
      used.language,
    );
    return { preferences, campaigns, benefitCost };
  } catch (e) {
    throw asUserError(e);
  }
}

/** Stores the settings the build used (with the orders' source when read from the target) and the member state. */
async function rememberBuild(
  workbook: Workbook,
  config: ReportConfig,
  /** The orders' source, when they were read from the target workbook. */
  remember: TableSource | undefined,
  memberState: ReturnType<typeof memberSnapshotOf>,
): Promise<ReportConfig> {
  const remembered: ReportConfig = remember
    ? { ...config, source: { header: config.source.header, ...remember } }
    : config;
  await workbook.writeSettings(storedConfig(remembered) as JsonValue);
  await workbook.writeMemberState(encodeMemberState(memberState));
  return remembered;
}

/** The settings stored in the workbook (unless told not to use them) under the options' own. */
async function settingsOf(options: BuildReportOptions): Promise<ReportConfig> {
  const stored = options.useStoredSettings === false ? undefined : await options.workbook.readSettings();
  return resolveReportConfig(
    [
      stored === undefined
        ? undefined
        : checkConfigLayer(stored, {
            en: SETTING_TEXTS.en.storedInWorkbook,
            "zh-CN": SETTING_TEXTS["zh-CN"].storedInWorkbook,
          }),
      options.config,
    ],
    options.configLabel,
  );
}

/** The sheet models of the settings, in their order. */
function sheetModels(data: ReportData): NamedSheetModel[] {
  // The workbook finds its sheets by kind, so a tab named in the other language is replaced, not doubled.
  return data.config.sheets.map((kind) => {
    markPhase(`building ${kind}`);
    return {
      ...sheetBuilder(kind, data.analysis.basis)(data),
      name: sheetName(kind, data.config.language),
      language: data.config.language,
    };
  });
}

/**
 * Checks that writing the sheets removes nothing of the user's (unless `force`), then writes them in
 * their order, reporting each as a step: a stopped refresh has written nothing.
 */
async function writeSheets(
  steps: Steps,
  workbook: Workbook,
  models: NamedSheetModel[],
  force: boolean,
): Promise<WriteSheetResult[]> {
  if (!force) {
    markPhase("checking what the refresh would lose");
    const losses = await workbook.refreshLosses(models);
    if (losses.length > 0) {
      throw new UserError(refreshWouldLoseMessage(losses), undefined, { code: "refreshWouldLose", losses });
    }
  }
  const written: WriteSheetResult[] = [];
  for (const [index, model] of models.entries()) {
    await steps.sheet(index, models.length, model.name);
    written.push(await workbook.writeSheet(model));
  }
  return written;
}

/** Values typed into Benefit cost input cells the refreshed sheet no longer has: they are not kept. */
function unusedAssumptionWarnings(
  unusedEdits: BenefitCostSheet["unusedEdits"],
  written: WriteSheetResult[],
  tiers: readonly string[],
): ReportWarning[] {
  const sheet = written.find((w) => w.kind === "benefit-cost")?.sheetName;
  if (!unusedEdits || !sheet) return [];
  return unusedEdits.map((input) => {
    const detail = {
      code: "assumptionNotKept",
      sheet,
      cell: input.address,
      value: JSON.stringify(input.value),
      key: input.key,
      ...whyNotKept(input.key, tiers),
    } as const;
    return { message: assumptionNotKeptText(detail), where: { sheet, range: input.address }, detail };
  });
}

/**
 * Why an input key has no place in the refreshed Benefit cost sheet: the cost growth coefficient of
 * earlier versions (retired), a tier the tier rules no longer have (a per-tier assumption, its points, the
 * spend or migration of one of its states), else its periods, tiers or data changed.
 */
function whyNotKept(key: string, tiers: readonly string[]): { reason: AssumptionGone; tier?: string } {
  if (key === "bc.costGrowthCoefficient") return { reason: "retired" };
  const [, kind, rest] = /^bc\.(tier|points|spend|migration)\.(.+)$/.exec(key) ?? [];
  // A tier's assumptions and points name it first; a state ("gold.new") names its tier and its tenure.
  const parts =
    rest === undefined ? [] : kind === "tier" || kind === "points" ? [rest.split(".")[0]] : rest.split(".");
  const gone = parts.find((t) => !tiers.includes(t) && !NOT_TIERS.includes(t));
  return gone ? { reason: "tierGone", tier: gone } : { reason: "other" };
}

/** The words of a state's key that are no tier: its tenure, and the lapsed state. */
const NOT_TIERS: readonly string[] = ["new", "established", LAPSED.key];

/** A sheet written under another name, as one of the user's had the report's. */
function renamedSheetWarnings(written: WriteSheetResult[]): ReportWarning[] {
  return written
    .filter((w) => w.renamed)
    .map((w) => ({
      message: `A sheet named "${w.requestedName}" is not a Loyalty Lens sheet, so the report wrote "${w.sheetName}"`,
      where: { sheet: w.sheetName, range: "A1" },
      about: { renamedSheet: w.kind },
    }));
}
