/**
 * A customer summary as the pane's source, built in each of the pane's languages: every sheet that needs
 * the order lines says so in that language, naming what it needs, the summary, its customers and as-of
 * date (the catalogue's words, src/engine/text/summary-basis.ts), and so do the parts of LL Customers and
 * LL Tiers a summary cannot fill; the Source step and the result card name those sheets in the same
 * language. The summary is the hand-worked one of hand-summary.ts (3 customers as of 2024-03-31).
 */
import type { ReportResult } from "../../src/report/build-report";
import { resolveReportConfig } from "../../src/report/config";
import { SHEET_KINDS } from "../../src/report/sheet-kinds";
import { discoverSources } from "../../src/taskpane/source/discover";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import {
  currentSummary,
  INITIAL_SOURCE_STATE,
  sourceReducer,
  sourceSettings,
} from "../../src/taskpane/state/source-state";
import { runBuild } from "../../src/taskpane/work/build-request";
import { ResultCard } from "../../src/taskpane/components/ResultCard";
import { SummarySource } from "../../src/taskpane/components/SummarySource";
import { needsOrderLines, SUMMARY_BASIS_TEXTS } from "../../src/engine/text/summary-basis";
import { SHEET_NAME_TEXTS } from "../../src/engine/text/sheet-names";
import type { Language } from "../../src/engine/text/language";
import type { Scalar } from "../../src/sheet/sheet-model";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { HAND_SUMMARY } from "./hand-summary";
import { answered } from "./inspect-answers";
import { renderInLanguage } from "./render-in-language";

/** The seven sheets that need the order lines, by hand (README: This week ... Benefit cost). */
const LINE_SHEETS = ["this-week", "kpis", "alerts", "key-dates", "preferences", "campaigns", "benefit-cost"];

/** The summary's sheet, as each language names its place. */
const SOURCE: Record<Language, string> = { en: "sheet Summary", "zh-CN": "工作表 Summary" };

const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(["en", "zh-CN"] as const)("a customer summary built in the pane (%s)", (language) => {
  const workbook = MemoryWorkbook.withSheets([
    { name: "Summary", rows: [HAND_SUMMARY.headers, ...(HAND_SUMMARY.rows as Scalar[][])] },
  ]);
  let state = INITIAL_SOURCE_STATE;
  let result: ReportResult;
  const texts = SUMMARY_BASIS_TEXTS[language];
  const names = SHEET_NAME_TEXTS[language];

  /** Every text of a generated sheet, in one string. */
  async function sheetText(kind: string): Promise<string> {
    const sheet = (await workbook.listSheets()).find((s) => s.generatedKind === kind);
    if (!sheet) throw new Error(`no ${kind} sheet`);
    return (await workbook.readRange(sheet.name))
      .flat()
      .filter((v) => typeof v === "string")
      .join(" ");
  }

  beforeAll(async () => {
    state = sourceReducer(INITIAL_SOURCE_STATE, {
      type: "found",
      candidates: await discoverSources(workbook),
    });
    const candidate = state.candidates.find((c) => c.key === state.selected)!;
    state = answered(state, candidate.key, await workbook.readTable(candidate.source));
    const config = buildConfigLayer(sourceSettings(state)!, buildFormOf(resolveReportConfig([])), language);
    result = (await runBuild(
      workbook,
      { config },
      {
        signal: new AbortController().signal,
        onProgress: () => {},
      },
    )) as ReportResult;
  }, 60_000);

  it("builds every sheet, those that need the order lines saying what they need, in the pane's language", async () => {
    expect(result.summary.basis).toBe("summary");
    expect(SHEET_KINDS.filter(needsOrderLines)).toEqual(LINE_SHEETS);
    const built = result.summary.sheets.map((s) => s.kind);
    expect(built).toEqual(expect.arrayContaining(LINE_SHEETS));
    for (const kind of LINE_SHEETS) {
      const said = texts.needsLines(
        texts.needs[kind as keyof typeof texts.needs],
        SOURCE[language],
        HAND_SUMMARY.customers,
        HAND_SUMMARY.asOf,
      );
      expect([kind, await sheetText(kind)]).toEqual([kind, expect.stringContaining(said)]);
    }
  });

  it("says on LL Customers and LL Tiers which of their parts need the order lines", async () => {
    expect(await sheetText("customers")).toContain(texts.customersNote);
    expect(await sheetText("tiers")).toContain(texts.tiersNote);
  });

  it("names the sheets that need the order lines in the Source step and on the result card", () => {
    const source = textOf(
      renderInLanguage(
        language,
        <SummarySource facts={currentSummary(state)!} timeUnit="week" onTimeUnit={() => undefined} />,
      ),
    );
    const card = textOf(
      renderInLanguage(language, <ResultCard result={result} onSelect={() => undefined} />),
    );
    for (const kind of LINE_SHEETS) {
      const name = names[kind as keyof typeof names];
      expect([kind, source]).toEqual([kind, expect.stringContaining(name)]);
      const sheetName = result.summary.sheets.find((s) => s.kind === kind)!.sheetName;
      expect([kind, card]).toEqual([kind, expect.stringContaining(sheetName)]);
    }
  });
});
