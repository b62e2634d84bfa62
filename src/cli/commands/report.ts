/**
 * `loyalty report INPUT --out OUT.xlsx [--config FILE.json] [--as-of DATE] [--sheets a,b] [--sheet NAME]
 * [--json]` and `loyalty report BOOK.xlsx --in-place`: the report sheets from an order table.
 *
 * - A .csv/.txt INPUT (or an .xlsx INPUT with --out) gives a NEW workbook holding the report sheets; an
 *   .xlsx INPUT's stored Loyalty Lens settings are used as if given with --config (the file's own
 *   --config and the flags win).
 * - --in-place adds or replaces only the generated sheets of BOOK.xlsx (or .xlsm): only the report's
 *   parts of the file change, everything else is copied byte for byte; values a user typed into input
 *   cells and carried tables of generated sheets are kept. The file is locked while it is refreshed and
 *   written through a temporary file, so a failure or a kill never leaves a broken workbook. What a user
 *   wrote on a report sheet that cannot be kept stops the refresh, listed, unless --force.
 */
import { SETTING_TEXTS } from "../../report/setting-texts";
import { HELP_TEXTS } from "../../i18n/command-help";
import { inputError, readFailure } from "../../input-errors";
import { promises as fs } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Option, type Command } from "commander";
import { LANGUAGES, type Language } from "../../engine/text/language";
import { checkConfigLayer, parseConfigText, type PartialReportConfig } from "../../report/config";
import { deepMerge } from "../../report/config-checks";
import { readCsvTable } from "../../workbook/csv/read";
import type { TableSource } from "../../sheet/port";
import { withFileLock } from "../../workbook/atomic-write";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { fileError, type CliIO } from "../io";
import { addTableOptions, csvReadOptions, withTableFlags, type TableFlags } from "../table-options";
import { readingNote } from "../reading-note";
import { runReport } from "../report-run";
import { READ_ENGINES, usesDuckDb, type ReadEngine } from "../duckdb/engine-choice";
import { reportWithDuckDb } from "../duckdb/report-with-duckdb";
import { readTableFile } from "../read-table-file";
import { isCustomerSummaryHeaders, SUMMARY_SIGNATURE } from "../../engine/summary/summary-columns";

interface ReportCommandOptions extends TableFlags {
  out?: string;
  config?: string;
  asOf?: string;
  sheets?: string;
  sheet?: string;
  inPlace?: boolean;
  force?: boolean;
  json?: boolean;
  lang?: string;
  engine: ReadEngine;
  campaigns?: string;
  summary?: string;
  unit?: string;
}

const TEXT_EXTENSIONS = [".csv", ".txt", ".tsv"];

async function readConfigFile(file: string): Promise<PartialReportConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw readFailure(file, e);
  }
  return parseConfigText(text, path.basename(file));
}

/** How messages name the settings given on the command line: the --config file's name, when one is given. */
function configLabelOf(options: ReportCommandOptions): string | undefined {
  return options.config === undefined ? undefined : path.basename(options.config);
}

/** The settings given on the command line: the --config file, then the table options, --as-of and --sheets on top. */
async function commandLineConfig(options: ReportCommandOptions): Promise<PartialReportConfig> {
  let config: PartialReportConfig = options.config ? await readConfigFile(options.config) : {};
  config = withTableFlags(config, options);
  if (options.asOf !== undefined) {
    config = deepMerge(config, checkConfigLayer({ asOf: options.asOf }, "--as-of"));
  }
  if (options.lang !== undefined) {
    config = deepMerge(config, checkConfigLayer({ language: options.lang }, "--lang"));
  }
  if (options.unit !== undefined) {
    config = deepMerge(config, checkConfigLayer({ timeUnit: options.unit }, "--unit"));
  }
  if (options.sheets !== undefined) {
    const sheets = options.sheets
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    config = deepMerge(config, checkConfigLayer({ sheets }, "--sheets"));
  }
  return config;
}

/** `--lang en|zh-CN`: the language of the sheets, stored in the workbook so a refresh keeps it. */
export function langOption(what: string): Option {
  return new Option("--lang <language>", what).choices(LANGUAGES);
}

function kindOf(file: string): "text" | "xlsx" {
  const extension = path.extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.includes(extension)) return "text";
  // A macro-enabled workbook is an .xlsx package with a vbaProject.bin, which a refresh copies as it is.
  if (extension === ".xlsx" || extension === ".xlsm") return "xlsx";
  if (extension === ".xls" || extension === ".xlsb") {
    throw fileError({ code: "fileOldExcel", file: path.basename(file) });
  }
  throw fileError({ code: "fileExtension", file: path.basename(file), extension });
}

function checkOut(out: string | undefined, input: string): string {
  if (!out) {
    throw fileError({ code: "outMissing" });
  }
  if (path.extname(out).toLowerCase() !== ".xlsx") throw fileError({ code: "outNotXlsx", out });
  if (path.resolve(out) === path.resolve(input)) {
    throw fileError({ code: "outIsInput", out });
  }
  return out;
}

/**
 * `loyalty report --summary FILE --out OUT.xlsx`: the report of a customer summary (one row per customer,
 * as the query of `loyalty sql` returns it); the sheets that need order lines say so.
 */
async function summaryReport(
  file: string,
  options: ReportCommandOptions,
  given: PartialReportConfig,
  started: number,
  io: CliIO,
): Promise<void> {
  if (options.inPlace) throw inputError("summaryNotInPlace");
  const table = await readTableFile(file, csvReadOptions(given));
  if (!isCustomerSummaryHeaders(table.headers)) {
    throw inputError("notReportSummary", {
      file: path.basename(file),
      columns: [...SUMMARY_SIGNATURE],
      headers: [...table.headers],
    });
  }
  const out = checkOut(options.out, file);
  const workbook = XlsxWorkbook.create(path.basename(out));
  await runReport(
    {
      workbook,
      out,
      orders: { summary: table },
      config: given,
      configLabel: configLabelOf(options),
      json: options.json,
      started,
    },
    io,
  );
}

/** What every way of running `loyalty report` on orders shares: the flags, the settings given, the campaigns. */
interface OrdersRun {
  input: string;
  options: ReportCommandOptions;
  given: PartialReportConfig;
  campaigns: Awaited<ReturnType<typeof readTableFile>> | undefined;
  started: number;
  io: CliIO;
}

async function reportCommand(
  input: string | undefined,
  options: ReportCommandOptions,
  io: CliIO,
): Promise<void> {
  const started = performance.now();
  const given = await commandLineConfig(options);
  if (options.summary !== undefined) {
    if (input !== undefined) throw inputError("inputAndSummary", { input });
    if (options.campaigns) throw inputError("campaignsWithSummary");
    await summaryReport(options.summary, options, given, started, io);
    return;
  }
  if (input === undefined) {
    throw fileError({ code: "inputMissing" });
  }
  // Who took part in which campaign: a .csv or .xlsx file (member id, campaign, start date, end date, cost).
  const campaigns = options.campaigns ? await readTableFile(options.campaigns) : undefined;
  const run: OrdersRun = { input, options, given, campaigns, started, io };
  if (!options.inPlace && usesDuckDb(input, options.engine, io)) {
    await reportWithDuckDb(
      input,
      checkOut(options.out, input),
      given,
      { json: options.json, started, campaigns, configLabel: configLabelOf(options) },
      io,
    );
    return;
  }
  const kind = kindOf(input);
  const source: TableSource | undefined = options.sheet ? { sheet: options.sheet } : undefined;
  if (options.sheet && kind !== "xlsx") throw inputError("sheetNeedsXlsx");
  if (options.inPlace) {
    if (kind !== "xlsx") throw inputError("inPlaceNeedsXlsx", { file: path.basename(input) });
    if (options.out) throw inputError("outAndInPlace");
    await refreshInPlace(run, source);
    return;
  }
  if (options.force) throw inputError("forceNeedsInPlace");
  const out = checkOut(options.out, input);
  if (kind === "text") await reportFromText(run, out);
  else await reportFromWorkbook(run, out, source);
}

/** --in-place: the report sheets of the .xlsx input rebuilt, in the language it stores unless --lang. */
async function refreshInPlace(
  { input, options, given, campaigns, started, io }: OrdersRun,
  source?: TableSource,
) {
  // Locked from reading to renaming: a second refresh of the same file waits for nothing and is refused.
  await withFileLock(input, async () => {
    const workbook = await XlsxWorkbook.open(input);
    // Without --lang a refresh speaks the workbook's stored language, its errors included.
    const stored = await workbook.readSettings();
    const storedLanguage =
      stored && typeof stored === "object" && !Array.isArray(stored) ? stored.language : undefined;
    if (options.lang === undefined && LANGUAGES.includes(storedLanguage as Language))
      io.language = storedLanguage as Language;
    await runReport(
      {
        workbook,
        orders: source ? { source } : undefined,
        campaigns,
        ordersLabel: path.basename(input),
        config: given,
        configLabel: configLabelOf(options),
        json: options.json,
        force: options.force,
        started,
      },
      io,
    );
  });
}

/** A .csv/.txt input: the report in a new workbook, with the line on how the file was read. */
async function reportFromText({ input, options, given, campaigns, started, io }: OrdersRun, out: string) {
  // Read when the build asks for it, so that the file's cells go once its lines are read.
  let read: string | undefined;
  const load = async () => {
    const csv = await readCsvTable(input, csvReadOptions(given));
    read = readingNote({ ...csv, source: csv.table.source }, given.language);
    return csv.table;
  };
  await runReport(
    {
      workbook: XlsxWorkbook.create(path.basename(out)),
      out,
      orders: { load },
      campaigns,
      config: given,
      configLabel: configLabelOf(options),
      json: options.json,
      started,
      read: () => read,
    },
    io,
  );
}

/** An .xlsx input with --out: the report in a new workbook, under the settings the input stores. */
async function reportFromWorkbook(
  { input, options, given, campaigns, started, io }: OrdersRun,
  out: string,
  source?: TableSource,
) {
  const book = await XlsxWorkbook.open(input);
  const stored = await book.readSettings();
  const config =
    stored === undefined
      ? given
      : deepMerge(
          checkConfigLayer(stored, {
            en: SETTING_TEXTS.en.storedIn(path.basename(input)),
            "zh-CN": SETTING_TEXTS["zh-CN"].storedIn(path.basename(input)),
          }),
          given,
        );
  await runReport(
    {
      workbook: XlsxWorkbook.create(path.basename(out)),
      out,
      orders: { workbook: book, source },
      campaigns,
      ordersLabel: path.basename(input),
      config,
      configLabel: configLabelOf(options),
      json: options.json,
      started,
    },
    io,
  );
}

export function registerReport(program: Command, io: CliIO): void {
  const language = io.language ?? "en";
  const help = HELP_TEXTS[language];
  const h = help.report;
  const command = program
    .command("report")
    .description(h.description)
    .argument("[input]", h.input)
    .option("--summary <file>", h.summary)
    .option("--unit <unit>", h.unit)
    .option("-o, --out <file>", h.out)
    .option("--in-place", h.inPlace)
    .option("--force", h.force)
    .option("-c, --config <file>", h.config)
    .option("--as-of <date>", h.asOf)
    .option("--sheets <list>", h.sheets)
    .option("--sheet <name>", h.sheet)
    .option("--campaigns <file>", h.campaigns)
    .addOption(langOption(help.langSheets))
    .option("--json", h.json)
    .addOption(new Option("--engine <engine>", h.engine).choices(READ_ENGINES).default("auto"))
    .addHelpText(
      "after",
      [
        "",
        help.examples,
        "  loyalty report orders.csv --out report.xlsx",
        "  loyalty report orders.xlsx --sheet Orders --out report.xlsx --as-of 2024-12-31",
        "  loyalty report book.xlsx --in-place",
        "  loyalty report orders.csv --campaigns campaigns.csv --out report.xlsx",
        "  loyalty report CDNOW_sample.txt --config cdnow.json --out cdnow.xlsx --json",
        "  loyalty report CDNOW_master.txt --no-header --columns id,date,quantity,amount --out cdnow.xlsx",
        "  loyalty report Online_Retail.csv --quantity Quantity --price UnitPrice --out retail.xlsx",
        "  loyalty report 'orders/*.parquet' --out report.xlsx            # read by DuckDB",
        "  loyalty report --summary summary.csv --out report.xlsx          # the result of loyalty sql",
      ].join("\n"),
    )
    .action((input: string | undefined, options: ReportCommandOptions) => reportCommand(input, options, io));
  addTableOptions(command, language);
}
