/**
 * The pane in Chinese writes the same workbook as `loyalty demo --lang zh-CN`: the demo's orders and
 * campaigns on sheets of a workbook (订单, 活动), found, mapped and built through the pane's path (Source
 * step, default form, zh-CN, the build the worker runs), against the CLI's path (the demo's tables given
 * as files). The same sheet kinds in the same order, the same Chinese tab names, and the same cells on
 * every sheet, once the orders' and campaigns' places (a file for the CLI, a sheet for the pane) are
 * written alike.
 */
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import type { CellValue, RawTable } from "../../src/engine/data/table";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { plantSampleCampaigns } from "../../src/engine/sample/sample-campaigns";
import { buildReport } from "../../src/report/build-report";
import { resolveReportConfig } from "../../src/report/config";
import type { Scalar } from "../../src/sheet/sheet-model";
import { discoverSources } from "../../src/taskpane/source/discover";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import { INITIAL_SOURCE_STATE, sourceReducer, sourceSettings } from "../../src/taskpane/state/source-state";
import { runBuild } from "../../src/taskpane/work/build-request";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { PLACE_TEXTS, placeText } from "../../src/engine/text/places";
import { DATA_QUALITY_TEXTS } from "../../src/engine/text/data-quality";
import { REPORT_SHEETS_ZH } from "../helpers/report-sheets";
import { answered } from "./inspect-answers";

const ORDERS_FILE = DEMO_SAMPLE.source!;
const CAMPAIGNS_FILE = "loyalty-demo-campaigns.csv";

const orders = generateOrders({ ...DEMO_SAMPLE, headers: "zh" });
const campaigns = plantSampleCampaigns(
  orders,
  { member: 1, date: 2, amount: 4 },
  { seed: DEMO_SAMPLE.seed ?? 1, language: "zh" },
);

/** A table as the rows of a sheet a user pasted it into, header first. */
function sheetRows(table: RawTable): Scalar[][] {
  const rows: Scalar[][] = [table.headers];
  for (let r = 0; r < (table.columns[0]?.length ?? 0); r++)
    rows.push(table.columns.map((column) => (column[r] ?? null) as Scalar));
  return rows;
}

type Sheets = { kind: string; name: string; cells: CellValue[][] }[];

async function sheetsOf(workbook: MemoryWorkbook): Promise<Sheets> {
  const out: Sheets = [];
  for (const s of await workbook.listSheets()) {
    if (!s.generatedKind) continue;
    out.push({ kind: s.generatedKind, name: s.name, cells: await workbook.readRange(s.name) });
  }
  return out;
}

/** Every place the tables came from, written as one word, so the two paths' cells can be compared. */
function placesAlike(cells: CellValue[][], places: string[]): CellValue[][] {
  return cells.map((row) =>
    row.map((v) =>
      typeof v === "string" ? places.reduce((text, p) => text.split(p).join("<source>"), v) : v,
    ),
  );
}

describe("the pane in Chinese and loyalty demo --lang zh-CN", () => {
  let cli: Sheets;
  let pane: Sheets;
  let paneSources: string[];

  beforeAll(async () => {
    const cliBook = new MemoryWorkbook();
    await buildReport({
      workbook: cliBook,
      orders: { table: { ...orders, source: ORDERS_FILE } },
      campaigns: { ...campaigns, source: CAMPAIGNS_FILE },
      config: { language: "zh-CN" },
    });
    cli = await sheetsOf(cliBook);

    const paneBook = MemoryWorkbook.withSheets(
      [
        { name: "订单", rows: sheetRows(orders) },
        { name: "活动", rows: sheetRows(campaigns) },
      ],
      { label: "门店数据.xlsx" },
    );
    let state = sourceReducer(INITIAL_SOURCE_STATE, {
      type: "found",
      candidates: await discoverSources(paneBook),
    });
    const candidate = state.candidates.find((c) => c.key === state.selected)!;
    const table = await paneBook.readTable(candidate.source);
    state = answered(state, candidate.key, table);
    const campaignTable = await paneBook.readTable({ sheet: "活动" });
    // The places as the sheets write them: in English words, and in Chinese words part by part.
    paneSources = [table, campaignTable].flatMap((t) => [
      placeText(PLACE_TEXTS["zh-CN"], t.source, t.place),
      t.source,
    ]);
    const config = buildConfigLayer(sourceSettings(state)!, buildFormOf(resolveReportConfig([])), "zh-CN");
    await runBuild(paneBook, { config }, { signal: new AbortController().signal, onProgress: () => {} });
    pane = await sheetsOf(paneBook);
  }, 600_000);

  it("writes the same sheets, with the same Chinese tab names, in the same order", () => {
    expect(pane.map((s) => s.kind)).toEqual(cli.map((s) => s.kind));
    expect(pane.map((s) => s.name)).toEqual(cli.map((s) => s.name));
    expect(cli.map((s) => s.name)).toEqual(REPORT_SHEETS_ZH);
  });

  it("writes the same cells on every sheet", () => {
    const zh = DATA_QUALITY_TEXTS["zh-CN"];
    const differences: string[] = [];
    for (const [k, sheet] of cli.entries()) {
      const mine = placesAlike(sheet.cells, [ORDERS_FILE, CAMPAIGNS_FILE]);
      // The pane's Source step writes every column's role into the settings (the user confirms them), so
      // Data quality says "set in the settings" where the CLI found them from the headers.
      const theirs = placesAlike(pane[k]?.cells ?? [], paneSources).map((row) =>
        row.map((v) => (v === zh.given ? zh.found : v)),
      );
      const rows = Math.max(mine.length, theirs.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(mine[r]?.length ?? 0, theirs[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const a = mine[r]?.[c] ?? null;
          const b = theirs[r]?.[c] ?? null;
          if (JSON.stringify(a) !== JSON.stringify(b))
            differences.push(
              `${sheet.name} R${r + 1}C${c + 1}: CLI ${JSON.stringify(a)}, pane ${JSON.stringify(b)}`,
            );
        }
      }
    }
    expect(differences.slice(0, 30)).toEqual([]);
  });
});
