/**
 * Running a report build from the command line, shared by `loyalty report` and `loyalty demo`: progress
 * lines on stderr when it is a terminal, the workbook saved (through a temporary file), and the summary
 * printed as a few lines or as JSON.
 */
import { performance } from "node:perf_hooks";
import { buildReport, type BuildReportOptions, type ReportProgress } from "../report/build-report";
import type { ReportSummary } from "../report/report-summary";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import type { CliIO } from "./io";
import { counted } from "../engine/text/counted";
import { readRulesLine, testAccountLine } from "./left-out";
import type { Language } from "../engine/text/language";

export interface CliReportRun {
  /** The workbook the sheets are written to. */
  workbook: XlsxWorkbook;
  /** Where it is saved (default: the file it was opened from). */
  out?: string;
  orders?: BuildReportOptions["orders"];
  campaigns?: BuildReportOptions["campaigns"];
  /** The input file's name, for messages about finding the orders in it. */
  ordersLabel?: string;
  config?: BuildReportOptions["config"];
  json?: boolean;
  /** Save even when something the user wrote on a rebuilt sheet cannot be kept (see XlsxWorkbook.save). */
  force?: boolean;
  /** When the command started (performance.now()), so that `seconds` counts reading the input too. */
  started: number;
  /** How a text input was read (encoding, separator), for the summary; asked once the build is done. */
  read?: () => string | undefined;
}

/** The --json object: the build's summary, where the workbook went, and the whole command's seconds. */
export type CliReportJson = { file: string; saveWarnings: string[]; read?: string } & ReportSummary;

function progressLine(p: ReportProgress): string {
  return `[${String(Math.round(p.fraction * 100)).padStart(3)}%] ${p.message}`;
}

const number = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The summary in a few lines a person reads at a glance. */
export function summaryText(s: CliReportJson, language: Language = "en"): string {
  const lines = [
    `Wrote ${s.file}: ${s.sheets.map((sheet) => sheet.sheetName).join(", ")}`,
    ...(s.read ? [s.read] : []),
    ...(s.basis === "summary"
      ? [
          `From the customer summary ${s.source}: ${counted(s.customers, "customer")}, ${counted(s.orders, "order")}, ` +
            `net revenue ${number(s.revenue, 2)}, as of ${s.asOf}; the sheets that need order lines say so`,
        ]
      : [
          readRulesLine(s.dataQuality, language),
          `${counted(s.customers, "customer")}, ${counted(s.orders, "order")} (${counted(s.orderLines, "line")}), ` +
            `net revenue ${number(s.revenue, 2)}, as of ${s.asOf}`,
        ]),
    `Segments: ${s.segments
      .filter((g) => g.customers > 0)
      .map((g) => `${g.name} ${number(g.customers)}`)
      .join(", ")}`,
    `Tiers: ${s.tiers.map((t) => `${t.name} ${number(t.customers)}`).join(", ")}`,
    `Alerts: ${counted(s.alerts, "member")} to act on`,
  ];
  const findings = s.dataQuality.findings.map(
    (f) => `${f.label.toLowerCase()} ${number(f.count)} (${f.action})`,
  );
  lines.push(`Data quality: ${findings.length > 0 ? findings.join(", ") : "nothing to fix"}`);
  const p = s.projection;
  if (p) {
    const span =
      p.periodMonths === 1
        ? counted(p.periods, "month")
        : `${counted(p.periods, "period")} of ${counted(p.periodMonths, "month")}`;
    lines.push(
      `Benefit cost, ${span}, ${p.scenario} scenario: revenue ${number(p.revenue)}, ` +
        `benefit cost ${number(p.benefitCost)} (${number(p.costShareOfRevenue * 100, 1)} %), ` +
        `net effect ${number(p.netEffect)}, ROI ${number(p.roi * 100, 1)} %, ` +
        `points liability at the end ${number(p.pointsLiabilityAtEnd)}`,
    );
  }
  if (s.model) {
    lines.push(`Model: ${s.model.name} ${s.model.fitted ? "fitted" : `not used: ${s.model.problem}`}`);
  }
  for (const w of [...s.warnings.map((w) => w.message), ...s.saveWarnings]) lines.push(`Warning: ${w}`);
  lines.push(`Done in ${s.seconds.toFixed(1)} s`);
  return lines.join("\n");
}

export async function runReport(run: CliReportRun, io: CliIO): Promise<CliReportJson> {
  // Each step is marked (performance.mark) for the benchmarks' peak memory per phase (bench/report-peak.cjs).
  const onProgress = (p: ReportProgress) => {
    performance.mark(`loyalty:${p.sheet ? `writing ${p.sheet.name}` : p.step}`);
    if (io.interactive) io.err(progressLine(p));
  };
  const result = await buildReport({
    workbook: run.workbook,
    orders: run.orders,
    campaigns: run.campaigns,
    ordersLabel: run.ordersLabel,
    config: run.config,
    onProgress,
  });
  performance.mark("loyalty:saving");
  if (io.interactive) io.err(`Saving ${run.out ?? run.workbook.file}`);
  const saved = await run.workbook.save(run.out, { force: run.force });
  const seconds = Math.round(performance.now() - run.started) / 1000;
  const read = run.read?.();
  const json: CliReportJson = {
    file: saved.file,
    saveWarnings: saved.warnings,
    ...(read ? { read } : {}),
    ...result.summary,
    seconds,
  };
  // The lines on how the orders were read follow --lang (the language of the sheets).
  const { language } = result.config;
  const leftOut = testAccountLine(result.summary.dataQuality.testAccounts, language);
  if (leftOut) io.err(`loyalty: ${leftOut}`);
  io.out(run.json ? JSON.stringify(json, null, 2) : summaryText(json, language));
  return json;
}
