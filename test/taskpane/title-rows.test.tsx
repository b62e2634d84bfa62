/**
 * A header-less sheet under title lines, through the pane's own path (the sheet found and offered without
 * a header row, its columns chosen by letter, the build the worker runs): the titles are left out by the
 * rule every reader follows (src/workbook/read-table.ts) and said, in the pane's language, with the words
 * of the catalogue's reading texts, on the result card and on the Data quality sheet alike.
 *
 * Sheet Orders of book.xlsx, by hand: rows 1 "Orders export Q1 2024" and 2 "Exported by the till" (one
 * cell, no number: titles), rows 3-6 order lines of customers 7, 8 and 9 (10.00 + 4.50 + 6.00 + 3.25 =
 * 23.75), so 4 rows read and nothing else to say.
 */
import { discoverSources } from "../../src/taskpane/source/discover";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import { INITIAL_SOURCE_STATE, sourceReducer, sourceSettings } from "../../src/taskpane/state/source-state";
import { runBuild } from "../../src/taskpane/work/build-request";
import { resolveReportConfig } from "../../src/report/config";
import { ResultCard } from "../../src/taskpane/components/ResultCard";
import type { ReportResult } from "../../src/report/build-report";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { READING_TEXTS } from "../../src/engine/text/reading";
import type { Language } from "../../src/engine/text/language";
import { answered } from "./inspect-answers";
import { renderInLanguage } from "./render-in-language";
import { sheetFact } from "../helpers/sheet-facts";

const ROWS = [
  ["Orders export Q1 2024"],
  ["Exported by the till"],
  ["7", "2024-01-02", 10],
  ["8", "2024-01-03", 4.5],
  ["7", "2024-02-05", 6],
  ["9", "2024-03-01", 3.25],
];

/** What the pane and the sheet say, as worked out by hand (file names stay as they are). */
const SAID: Record<Language, string> = {
  en:
    'book.xlsx, sheet Orders: left out rows 1, 2 above the order lines as titles ("Orders export Q1 2024", ' +
    '"Exported by the till"): narrower than the order lines and without a number, which every order line has',
  "zh-CN":
    "book.xlsx，工作表 Orders：订单行上方的第 1、2 行作为标题略过（“Orders export Q1 2024”、“Exported by the till”）：" +
    "它比订单行窄，且没有数字，而每个订单行都有数字",
};

async function paneBuild(language: Language) {
  const workbook = MemoryWorkbook.withSheets([{ name: "Orders", rows: ROWS }], { label: "book.xlsx" });
  let state = sourceReducer(INITIAL_SOURCE_STATE, {
    type: "found",
    candidates: await discoverSources(workbook),
  });
  // Offered without a header row, by itself.
  expect(state.header).toBe("none");
  const candidate = state.candidates.find((c) => c.key === state.selected)!;
  const table = await workbook.readTable(candidate.source, { header: "none" });
  state = answered(state, candidate.key, table);
  for (const [role, column] of [
    ["customerId", 0],
    ["date", 1],
    ["amount", 2],
  ] as const)
    state = sourceReducer(state, { type: "map", role, column });
  const config = buildConfigLayer(sourceSettings(state)!, buildFormOf(resolveReportConfig([])), language);
  const result = (await runBuild(
    workbook,
    { config: { ...config, sheets: ["customers", "data-quality"] } },
    { signal: new AbortController().signal, onProgress: () => {} },
  )) as ReportResult;
  return { workbook, result };
}

describe.each(["en", "zh-CN"] as const)(
  "a header-less sheet under title lines, in the pane (%s)",
  (language) => {
    let built: Awaited<ReturnType<typeof paneBuild>>;
    beforeAll(async () => {
      built = await paneBuild(language);
    }, 60_000);

    it("reads the order lines below the titles only", () => {
      const { summary } = built.result;
      expect([summary.customers, summary.revenue]).toEqual([3, 23.75]);
      expect(summary.dataQuality.rowsRead).toBe(4);
      expect(summary.dataQuality.findings).toEqual([]);
    });

    it("says which rows were left out as titles, and why, on the result card and on Data quality", async () => {
      const html = renderInLanguage(
        language,
        <ResultCard result={built.result} onSelect={() => undefined} />,
      );
      const said = html.match(/data-testid="result-title-rows"[^>]*>([^<]*)</)?.[1];
      expect(said?.replace(/&quot;/g, '"')).toBe(SAID[language]);
      const label = READING_TEXTS[language].titleRowsLabel;
      expect(await sheetFact(built.workbook, "data-quality", label)).toBe(SAID[language]);
    });
  },
);
