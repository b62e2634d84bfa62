/**
 * `loyalty demo --lang zh-CN` in words: the demo's Chinese sample, built in Chinese, leaves no English on
 * the sheets. Every text cell, note, chart title, axis and series name, dropdown choice, prompt and defined
 * name's comment is scanned for Latin words
 * outside the short list kept as they are (KEPT_LATIN_WORDS: RFM, VIP, the LL prefix, ...); the data's own
 * texts (ids, product codes, the orders' file name) are not ours to translate and are taken out first.
 */
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { DEMO_SAMPLE } from "../../src/cli/commands/demo";
import { plantSampleCampaigns } from "../../src/engine/sample/sample-campaigns";
import { buildReport } from "../../src/report/build-report";
import type { SheetKind } from "../../src/report/sheet-kinds";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { latinWordsOf } from "../helpers/kept-latin-words";
import { textLength } from "../../src/report/sheets/content-width";
import { REPORT_SHEETS_ZH } from "../helpers/report-sheets";

/** Sheets not scanned (named in the test output): none now, every sheet's texts are in the catalogue. */
const NOT_SCANNED: readonly SheetKind[] = [];

const table = generateOrders({ ...DEMO_SAMPLE, headers: "zh" });
// The demo's campaign history, as `loyalty demo --lang zh-CN` gives it (src/cli/commands/demo.ts).
const campaigns = plantSampleCampaigns(
  table,
  { member: 1, date: 2, amount: 4 },
  { seed: DEMO_SAMPLE.seed ?? 1, language: "zh" },
);
const CAMPAIGN_SOURCE = "loyalty-demo-campaigns.csv";

/** The texts of the data (a cell as the orders have it: "N/A" typed as an amount), not ours to translate. */
const dataTexts = new Set(
  [table, campaigns].flatMap((t) => t.columns.flat().filter((v): v is string => typeof v === "string")),
);

function latinWords(text: string): string[] {
  // A column letter ("B" in the Column column of Data quality) is Excel's name for the column.
  if (dataTexts.has(text) || /^[A-Z]{1,3}$/.test(text)) return [];
  // The files' names are the user's; ids and codes (00001234, P01234) are the data's: words are letters only.
  return latinWordsOf(text.split(DEMO_SAMPLE.source!).join("").split(CAMPAIGN_SOURCE).join(""));
}

/** The Latin words of every text cell of the generated sheets, with where they are. */
async function englishCells(
  workbook: MemoryWorkbook,
  wordsOf: (text: string) => string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const sheet of await workbook.listSheets()) {
    if (NOT_SCANNED.includes(sheet.generatedKind as SheetKind)) continue;
    for (const [r, row] of (await workbook.readRange(sheet.name)).entries()) {
      for (const [c, value] of row.entries()) {
        if (typeof value !== "string") continue;
        for (const w of wordsOf(value))
          found.push(`${sheet.name} R${r + 1}C${c + 1}: ${w} in "${value.slice(0, 60)}"`);
      }
    }
  }
  return found;
}

describe("the demo in Chinese", () => {
  let workbook: MemoryWorkbook;

  beforeAll(async () => {
    workbook = new MemoryWorkbook();
    await buildReport({
      workbook,
      orders: { table: { ...table, source: DEMO_SAMPLE.source! } },
      campaigns: { ...campaigns, source: CAMPAIGN_SOURCE },
      config: { language: "zh-CN" },
    });
  }, 240_000);

  it("names every tab in Chinese", async () => {
    expect((await workbook.listSheets()).map((s) => s.name)).toEqual(REPORT_SHEETS_ZH);
  });

  it("leaves no English word on the translated sheets", async () => {
    if (NOT_SCANNED.length > 0)
      console.log(`Sheets not scanned (see NOT_SCANNED for why): ${NOT_SCANNED.join(", ")}`);
    expect((await englishCells(workbook, latinWords)).slice(0, 40)).toEqual([]);
  });

  it("cuts off no reason on This week and no alert on Alerts: their lists' columns hold their texts", () => {
    const cut: string[] = [];
    let measured = 0;
    for (const sheet of workbook.sheets) {
      const model = sheet.model;
      if (!model) continue;
      for (const block of model.blocks) {
        if (block.table?.name !== "LL_ThisWeek" && block.table?.name !== "LL_Alerts") continue;
        for (const row of block.rows.slice(1))
          row.forEach((cell, i) => {
            // Text overflows into an empty cell to its right; beside a filled one it is cut at the border.
            if (typeof cell !== "string" || i + 1 >= row.length || row[i + 1] === null) return;
            measured++;
            const width = model.columnWidths?.[block.at.col - 1 + i] ?? 8.43;
            if (textLength(cell) > width)
              cut.push(`${sheet.name}: "${cell}" (${textLength(cell)} > ${width})`);
          });
      }
    }
    expect(measured).toBeGreaterThan(500);
    expect(cut.slice(0, 10)).toEqual([]);
  });

  it("leaves no English word in the notes, charts, dropdowns, prompts and names' comments either", () => {
    const found: string[] = [];
    const scanned = { notes: 0, charts: 0, choices: 0 };
    const scan = (where: string, text: string | undefined) => {
      if (text) for (const w of latinWords(text)) found.push(`${where}: ${w} in "${text.slice(0, 60)}"`);
    };
    for (const sheet of workbook.sheets) {
      const model = sheet.model;
      if (!model || NOT_SCANNED.includes(model.kind as SheetKind)) continue;
      for (const [r, row] of sheet.cells)
        for (const [c, cell] of row) {
          scan(`${sheet.name} R${r}C${c} note`, cell.note);
          if (cell.note) scanned.notes++;
        }
      for (const chart of model.charts ?? []) {
        scanned.charts++;
        for (const text of [chart.title, chart.xAxisTitle, chart.yAxisTitle])
          scan(`${sheet.name} chart`, text);
        for (const series of chart.series)
          scan(`${sheet.name} chart series`, typeof series.name === "string" ? series.name : undefined);
      }
      for (const v of model.validations ?? []) {
        for (const text of [v.prompt, v.error]) scan(`${sheet.name} ${v.range} validation`, text);
        if (v.type !== "list") continue;
        for (const choice of v.values ?? []) scan(`${sheet.name} ${v.range} choice`, choice);
        scanned.choices += v.values?.length ?? 0;
      }
      for (const name of model.names ?? []) scan(`${sheet.name} name ${name.name}`, name.comment);
    }
    expect(found.slice(0, 40)).toEqual([]);
    // There is something to scan: the headers' notes, the charts, This week's "Done" choices.
    expect(scanned.notes).toBeGreaterThan(20);
    expect(scanned.charts).toBeGreaterThan(5);
    expect(scanned.choices).toBeGreaterThanOrEqual(3);
  });
});

describe("a Chinese report on the orders and campaigns of a workbook's own sheets (as the pane reads them)", () => {
  it("says where the data came from in Chinese too: file, 工作表 and the user's sheet names", async () => {
    const orders = generateOrders({ ...DEMO_SAMPLE, customers: 150, headers: "zh" });
    const history = plantSampleCampaigns(
      orders,
      { member: 1, date: 2, amount: 4 },
      { seed: 3, language: "zh" },
    );
    const asRows = (t: { headers: string[]; columns: unknown[][] }) => [
      t.headers,
      ...t.columns[0].map((_, r) => t.columns.map((c) => c[r] as string | number | null)),
    ];
    const workbook = MemoryWorkbook.withSheets(
      [
        { name: "Orders", rows: asRows(orders) },
        { name: "Campaigns", rows: asRows(history) },
      ],
      { label: "store.xlsx" },
    );
    await buildReport({ workbook, config: { language: "zh-CN" } });
    const texts = new Set(
      [orders, history].flatMap((t) => t.columns.flat().filter((v): v is string => typeof v === "string")),
    );
    // The workbook's, sheets' and columns' names are the user's own.
    const own = (text: string) =>
      texts.has(text) || /^[A-Z]{1,3}$/.test(text)
        ? []
        : latinWordsOf(text.replace(/store\.xlsx|\bOrders\b|\bCampaigns\b/g, ""));
    expect((await englishCells(workbook, own)).slice(0, 40)).toEqual([]);
    const intro = (await workbook.readRange("LL 客户", "A2"))[0][0];
    expect(intro).toContain("数据来自 store.xlsx，工作表 Orders。");
  }, 120_000);

  it("names the columns of a sheet without a header row by their letters, with no made-up English name", async () => {
    const orders = generateOrders({ ...DEMO_SAMPLE, customers: 150, headers: "zh" });
    const rows = orders.columns[0].map((_, r) => orders.columns.map((c) => c[r] as string | number | null));
    const workbook = MemoryWorkbook.withSheets([{ name: "订单", rows }]);
    await buildReport({
      workbook,
      config: {
        language: "zh-CN",
        source: { header: "none" },
        columns: { customerId: "B", date: "C", amount: "E" },
      },
    });
    const texts = new Set(orders.columns.flat().filter((v): v is string => typeof v === "string"));
    const english = await englishCells(workbook, (text) =>
      texts.has(text) || /^[A-Z]{1,3}$/.test(text) ? [] : latinWordsOf(text),
    );
    expect(english.slice(0, 40)).toEqual([]);
    // The Data quality sheet names a finding's column by its letter (the demo's sample has dirty rows).
    const quality = (await workbook.readRange("LL 数据质量")).flat().filter((v) => typeof v === "string");
    expect(quality.some((v) => /第 \d+ 行，[A-Z] 列/.test(v as string))).toBe(true);
  }, 120_000);

  it("says why the models could not be used in Chinese: no value at risk on This week, blank model columns", async () => {
    // Three customers with one repeat purchase each: no purchase model converges on so little.
    const lines: [string, string, number][] = [
      ["会员1", "2024-01-05", 20],
      ["会员1", "2024-03-05", 30],
      ["会员2", "2024-02-09", 15],
      ["会员2", "2024-05-01", 25],
      ["会员3", "2024-04-02", 40],
    ];
    const workbook = MemoryWorkbook.withSheets([
      { name: "订单", rows: [["会员编号", "日期", "金额"], ...lines] },
    ]);
    await buildReport({ workbook, config: { language: "zh-CN" } });
    // A column letter (Data quality's Column column) is Excel's name for the column.
    const english = await englishCells(workbook, (text) =>
      /^[A-Z]{1,3}$/.test(text) ? [] : latinWordsOf(text),
    );
    expect(english.slice(0, 40)).toEqual([]);
    const thisWeek = (await workbook.readRange("LL 本周跟进", "A1:A4")).flat().join(" ");
    expect(thisWeek).toContain("因此按净消费额排序");
  }, 60_000);
});
