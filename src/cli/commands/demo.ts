/**
 * `loyalty demo [--out FILE]`: the full report on the bundled sample, written to out/loyalty-demo.xlsx,
 * with the sample's orders beside it as a CSV file (the same orders, to look at or to run `loyalty report`
 * on). The sample is made by the seeded generator (src/engine/sample/generate-orders.ts): the same file on
 * every machine, no download.
 */
import { HELP_TEXTS } from "../../i18n/command-help";
import type { RawTable } from "../../engine/data/table";
import { columnNames } from "../../sheet/a1";
import { promises as fs } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { generateOrders, type GenerateOrdersOptions } from "../../engine/sample/generate-orders";
import { plantSampleCampaigns } from "../../engine/sample/sample-campaigns";
import { writeTableCsv } from "../../workbook/csv/write";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { fileError, type CliIO } from "../io";
import { runReport } from "../report-run";
import { CLI_TEXTS } from "../../i18n/command-line";
import { langOption } from "./report";
import { maskContactsOption } from "../table-options";
import type { Language } from "../../engine/text/language";

export const DEFAULT_DEMO_FILE = path.join("out", "loyalty-demo.xlsx");

/**
 * The bundled sample: 3,000 members of a store buying in its shops, online shop, app and mini program from
 * 2022 to 2024, with birthdays, join dates, categories and brands, and 1 % of rows made dirty (blank ids, impossible dates,
 * text amounts, duplicates, refunds, test accounts) so that the Data quality sheet has something to show.
 */
export const DEMO_SAMPLE: GenerateOrdersOptions = {
  customers: 3000,
  seed: 20241231,
  dirt: 0.01,
  source: "loyalty-demo-orders.csv",
};

/** Where the generated table has the member id, the order date and the amount. */
const DEMO_COLUMNS = { member: 1, date: 2, amount: 4 };

interface DemoOptions {
  out: string;
  json?: boolean;
  lang?: Language;
  maskContacts?: boolean;
}

/**
 * A generated table as the CSV file it was written to reads back: named after the file, its columns
 * labelled by letter, so messages point to the cells a user finds when they open the file.
 */
export function asWrittenCsv(table: RawTable, file: string): RawTable {
  return { ...table, source: file, columnLabels: columnNames(table.headers.length) };
}

async function demoCommand(options: DemoOptions, io: CliIO): Promise<void> {
  const started = performance.now();
  const out = options.out;
  if (path.extname(out).toLowerCase() !== ".xlsx") throw fileError({ code: "outNotXlsx", out });
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  // A Chinese demo is a Chinese store's export: headers, channels, names and stores in Chinese.
  const table = generateOrders({ ...DEMO_SAMPLE, headers: options.lang === "zh-CN" ? "zh" : "en" });
  // Two past campaigns, one of which really raised its participants' spend (see sample-campaigns.ts).
  const campaigns = plantSampleCampaigns(table, DEMO_COLUMNS, {
    seed: DEMO_SAMPLE.seed ?? 1,
    language: options.lang === "zh-CN" ? "zh" : "en",
  });
  const base = path.join(path.dirname(out), path.basename(out, path.extname(out)));
  const csv = `${base}-orders.csv`;
  const campaignsCsv = `${base}-campaigns.csv`;
  await writeTableCsv(csv, table);
  await writeTableCsv(campaignsCsv, campaigns);
  await runReport(
    {
      workbook: XlsxWorkbook.create(path.basename(out)),
      out,
      orders: { table: asWrittenCsv(table, path.basename(csv)) },
      campaigns: asWrittenCsv(campaigns, path.basename(campaignsCsv)),
      json: options.json,
      config: {
        ...(options.lang ? { language: options.lang } : {}),
        ...(options.maskContacts ? { maskContacts: true } : {}),
      },
      started,
    },
    io,
  );
  if (!options.json) io.out(CLI_TEXTS[io.language ?? "en"].demoFiles(csv, campaignsCsv));
}

export function registerDemo(program: Command, io: CliIO): void {
  const language = io.language ?? "en";
  const h = HELP_TEXTS[language];
  program
    .command("demo")
    .description(h.demo.description)
    .option("-o, --out <file>", h.demo.out, DEFAULT_DEMO_FILE)
    .option("--json", h.demo.json)
    .addOption(langOption(h.langSheets))
    .addOption(maskContactsOption(language))
    .action((options: DemoOptions) => demoCommand(options, io));
}
