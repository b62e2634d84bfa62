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
import { CLI_TEXTS } from "../i18n/command-line";
import { findingLabel, messageWords, shownText } from "../i18n/messages";
import { DATA_QUALITY_TEXTS } from "../engine/text/data-quality";
import { SHEET_TEXTS } from "../engine/text/benefit-cost-sheet";
import { localName } from "../engine/text/bilingual";
import { QUALITY_REASONS, type QualityAction } from "../engine/data/quality";
import type { ScenarioKey } from "../engine/projection/scenarios";
import { LAPSED } from "../engine/tiers/program";
import { SEGMENT_SCHEMES, type ReportConfig } from "../report/config";
import type { ReportWarning } from "../report/report-summary";
import { readRulesLine, testAccountLine } from "./left-out";
import type { Language } from "../engine/text/language";
import { refreshLossText, type RefreshLoss } from "../user-error";

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
  configLabel?: BuildReportOptions["configLabel"];
  json?: boolean;
  /** Save even when something the user wrote on a rebuilt sheet cannot be kept (see XlsxWorkbook.save). */
  force?: boolean;
  /** When the command started (performance.now()), so that `seconds` counts reading the input too. */
  started: number;
  /** How a text input was read (encoding, separator), for the summary; asked once the build is done. */
  read?: () => string | undefined;
}

/**
 * The --json object: the build's summary, where the workbook went, and the whole command's seconds.
 * `notKept`: what a forced refresh did not keep of the user's; `saveWarnings` says each in English.
 */
export type CliReportJson = {
  file: string;
  saveWarnings: string[];
  notKept: RefreshLoss[];
  read?: string;
} & ReportSummary;

/** A progress line in `language`: "[ 40%] Writing sheet 3 of 8: Tiers". */
function progressLine(p: ReportProgress, language: Language): string {
  const texts = CLI_TEXTS[language];
  const what =
    p.step === "writing" && p.sheet
      ? texts.writingSheet(p.sheet.index + 1, p.sheet.count, p.sheet.name)
      : p.step === "writing"
        ? p.message
        : texts.progress[p.step];
  return `[${String(Math.round(p.fraction * 100)).padStart(3)}%] ${what}`;
}

/** The names the summary gives segments and tiers (by key) in the language of the sheets. */
export type SummaryNames = ReadonlyMap<string, string>;

/** The segments' and tiers' names of a build's settings in `language`, by key. */
function namesOf(config: ReportConfig, language: Language): SummaryNames {
  const named = [...SEGMENT_SCHEMES[config.segmentScheme].segments, ...config.tiers.tiers, LAPSED];
  return new Map(named.map((n) => [n.key, localName(n, language)]));
}

/** A warning of the build in `language`: said from its code or subject when it has one, else its English. */
function warningText(w: ReportWarning, language: Language): string {
  const texts = CLI_TEXTS[language];
  // English is the warning's own message, as it always was.
  if (language === "en") return w.message;
  if (!w.about) return shownText(language, w.detail, w.message);
  if ("renamedSheet" in w.about) return renamedText(w.message, texts);
  const { finding, count, first } = w.about;
  const info = QUALITY_REASONS.find((r) => r.reason === finding);
  if (!info || count === undefined) return w.message;
  const words = messageWords(language);
  const at = first
    ? words.place(first.where, first.at) + (first.note ? `：${words.note(first.note)}` : "")
    : "";
  const action = DATA_QUALITY_TEXTS[language].actions[w.about.action ?? "dropped"];
  return texts.qualityWarning(count, info.unit === "customers", words.finding(finding), action, at);
}

/** The renamed-sheet warning's two names, said again in the language. */
function renamedText(english: string, texts: (typeof CLI_TEXTS)[Language]): string {
  const names = [...english.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  return names.length === 2 ? texts.renamedSheet(names[0], names[1]) : english;
}

/** The summary in a few lines a person reads at a glance, in `language` (names: see namesOf). */
export function summaryText(s: CliReportJson, language: Language = "en", names?: SummaryNames): string {
  const texts = CLI_TEXTS[language];
  const nameOf = (item: { key: string; name: string }) => names?.get(item.key) ?? item.name;
  const lines = [
    texts.wrote(
      s.file,
      s.sheets.map((sheet) => sheet.sheetName),
    ),
    ...(s.read ? [s.read] : []),
    ...(s.basis === "summary"
      ? [texts.fromSummary(s.source, s.customers, s.orders, s.revenue, s.asOf)]
      : [
          readRulesLine(s.dataQuality, language),
          texts.totals(s.customers, s.orders, s.orderLines, s.revenue, s.asOf),
        ]),
    texts.segments(s.segments.filter((g) => g.customers > 0).map((g) => texts.named(nameOf(g), g.customers))),
    texts.tiers(s.tiers.map((t) => texts.named(nameOf(t), t.customers))),
    texts.alerts(s.alerts),
  ];
  const findings = s.dataQuality.findings.map((f) =>
    texts.finding(
      findingLabel(language, f.reason, f.label),
      f.count,
      // English names the action by its key ("dropped"), as it always has.
      language === "en"
        ? f.action
        : (DATA_QUALITY_TEXTS[language].actions[f.action as QualityAction] ?? f.action),
    ),
  );
  lines.push(texts.dataQuality(findings));
  const p = s.projection;
  if (p) {
    lines.push(
      texts.benefitCost({
        periods: p.periods,
        periodMonths: p.periodMonths,
        // English names the scenario by its key ("base"), as it always has.
        scenario:
          language === "en"
            ? p.scenario
            : (SHEET_TEXTS[language].scenarioNames[p.scenario as ScenarioKey] ?? p.scenario),
        revenue: p.revenue,
        benefitCost: p.benefitCost,
        costShare: p.costShareOfRevenue,
        netEffect: p.netEffect,
        roi: p.roi,
        liability: p.pointsLiabilityAtEnd,
      }),
    );
  }
  // A model not used: the warning on its problem is the line on the model ("Model: BG/NBD did not
  // converge ..."), said once.
  const modelWarning = s.model && !s.model.fitted ? s.warnings.find((w) => w.detail) : undefined;
  if (s.model) {
    const name = s.model.name ?? "";
    lines.push(
      s.model.fitted
        ? texts.modelFitted(name)
        : modelWarning
          ? warningText(modelWarning, language)
          : texts.modelNotUsed(name, (s.model.problem ?? "").replace(`${name} `, "")),
    );
  }
  for (const w of s.warnings) if (w !== modelWarning) lines.push(texts.warning(warningText(w, language)));
  for (const loss of s.notKept) lines.push(texts.warning(forcedLine(language, loss)));
  lines.push(texts.doneIn(s.seconds));
  return lines.join("\n");
}

/**
 * What --force did with one thing of the user's: not kept, or (a value typed over the report's own cell)
 * the report's value written again, the typed one kept below the sheet.
 */
function forcedLine(language: Language, loss: RefreshLoss): string {
  const texts = CLI_TEXTS[language];
  const what = refreshLossText(language, loss);
  return loss.kind === "overtyped" ? texts.writtenAgain(what, Boolean(loss.text)) : texts.notKept(what);
}

export async function runReport(run: CliReportRun, io: CliIO): Promise<CliReportJson> {
  // Each step is marked (performance.mark) for the benchmarks' peak memory per phase (bench/report-peak.cjs).
  const onProgress = (p: ReportProgress) => {
    performance.mark(`loyalty:${p.sheet ? `writing ${p.sheet.name}` : p.step}`);
    if (io.interactive) io.err(progressLine(p, io.language ?? run.config?.language ?? "en"));
  };
  const result = await buildReport({
    workbook: run.workbook,
    orders: run.orders,
    campaigns: run.campaigns,
    ordersLabel: run.ordersLabel,
    config: run.config,
    configLabel: run.configLabel,
    onProgress,
  });
  performance.mark("loyalty:saving");
  // The build has read the workbook's stored settings: a refresh without --lang speaks their language.
  const { language } = result.config;
  io.language = language;
  if (io.interactive) io.err(CLI_TEXTS[language].saving(run.out ?? run.workbook.file ?? ""));
  const saved = await run.workbook.save(run.out, { force: run.force });
  const seconds = Math.round(performance.now() - run.started) / 1000;
  const read = run.read?.();
  const json: CliReportJson = {
    file: saved.file,
    saveWarnings: saved.notKept.map((loss) => forcedLine("en", loss)),
    notKept: saved.notKept,
    ...(read ? { read } : {}),
    ...result.summary,
    seconds,
  };
  // The lines on how the orders were read follow --lang (the language of the sheets).
  const leftOut = testAccountLine(result.summary.dataQuality.testAccounts, language);
  if (leftOut) io.err(`loyalty: ${leftOut}`);
  io.out(
    run.json ? JSON.stringify(json, null, 2) : summaryText(json, language, namesOf(result.config, language)),
  );
  return json;
}
