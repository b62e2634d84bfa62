/**
 * The errors and warnings a store manager can meet in the pane, raised by the real code paths, say the same
 * thing in English and Chinese: the English text rendered from the code is the error's own message, and
 * the Chinese one names the same places, columns and names.
 */
import { readOrderTable } from "../../src/engine/data/read-orders";
import { analyzeOrders } from "../../src/engine/analyze";
import { analyzeCustomerSummary } from "../../src/engine/analyze-summary";
import { readCustomerSummaryTable } from "../../src/engine/summary/read-summary-table";
import { SUMMARY_COLUMNS } from "../../src/engine/summary/summary-columns";
import { detectColumns, requireColumns } from "../../src/engine/data/columns";
import { DataError } from "../../src/engine/data/errors";
import type { CellPlace, RawTable, TablePlace } from "../../src/engine/data/table";
import { BENEFIT_COST_KIND } from "../../src/report/benefit-cost/builder";
import { INPUT_KEYS } from "../../src/report/benefit-cost/fields";
import { buildReport } from "../../src/report/build-report";
import { KEY_DATE_INPUTS, TIER_INPUTS } from "../../src/report/input-keys";
import { DEFAULT_TIERS } from "../../src/engine/tiers/program";
import { findOrderSource } from "../../src/report/order-source";
import { PaneMessageBar } from "../../src/taskpane/components/PaneMessageBar";
import { MESSAGE_TEXTS, messageText, type MessageCode, type MessageDetail } from "../../src/i18n/messages";
import { STRINGS, type Language } from "../../src/i18n/pane";
import { MAX_FILE_BYTES, workbookFromFile } from "../../src/taskpane/preview/open-file";
import { sampleWorkbook } from "../../src/taskpane/preview/sample-workbook";
import { paneMessageOf, type PaneMessage } from "../../src/taskpane/state/pane-message";
import { deserializeError, serializeError } from "../../src/taskpane/work/errors";
import { UserError, type RefreshLoss } from "../../src/user-error";
import { INPUT_ERROR_TEXTS, type InputErrorCode } from "../../src/input-errors";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { renderInLanguage } from "./render-in-language";
import { columnNames } from "../../src/sheet/a1";
import { storedStart } from "../../src/taskpane/state/stored-settings";
import { runBuild } from "../../src/taskpane/work/build-request";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";

const en = (d: MessageDetail) => messageText("en", d);
const zh = (d: MessageDetail) => messageText("zh-CN", d);

/** The error `run` throws (a DataError or UserError with a detail). */
async function caught(run: () => unknown): Promise<DataError | UserError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DataError || e instanceof UserError) return e;
    throw e;
  }
  throw new Error("no error");
}

const table = (headers: string[], rows: (string | number)[][] = []): RawTable => ({
  source: "orders.csv, sheet Orders",
  place: { file: "orders.csv", sheet: "Orders" },
  headers,
  columns: headers.map((_, c) => rows.map((r) => r[c] ?? null)),
  firstRow: 2,
  columnLabels: columnNames(headers.length),
});

/** The names of a place: the user's own file, sheet and table names, and a cell's row, column and header. */
function placeNames(place: TablePlace | CellPlace): string[] {
  const out = [place.file, place.sheet, place.table];
  if ("row" in place) out.push(String(place.row), place.column, place.header);
  return out.filter((n): n is string => n !== undefined);
}

/** The places and names a message's values give, each of which both languages must name. */
function named(d: MessageDetail): string[] {
  const out: string[] = [];
  // A place known as parts is said in the language's words: its names are what both must give.
  const place = "place" in d ? d.place : undefined;
  for (const [key, value] of Object.entries(d)) {
    if (value === undefined) continue;
    if (key === "source" && place) continue;
    if (["source", "file", "workbook", "table", "sheet", "cell", "column", "given", "model"].includes(key)) {
      out.push(String(value));
    }
    if (key === "place") out.push(...placeNames(value as TablePlace));
    if (key === "headers") out.push(...(value as string[]));
    if (key === "losses")
      for (const l of value as RefreshLoss[]) out.push(l.sheet, l.cell ?? "", l.text ?? "");
    if (key === "worst") out.push(...placeNames((value as { at: CellPlace }).at));
    // Tiers are named in the language's own names.
    if (key === "problems") {
      for (const p of value as { below?: { nameZh: string }; above?: { nameZh: string } }[]) {
        if (p.below && p.above) out.push(p.below.nameZh, p.above.nameZh);
      }
    }
  }
  return out;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const loadExcelJs = async () => (await import("exceljs")).default;

/** Each coded error, raised where the pane meets it. */
const RAISED: [string, () => unknown][] = [
  [
    "missingColumns",
    () => requireColumns(table(["Kunde", "Datum"]), detectColumns(table(["Kunde", "Datum"]))),
  ],
  ["noSuchColumn", () => detectColumns(table(["Customer", "Date", "Total"]), { amount: "Betrag" })],
  ["noColumnNumber", () => detectColumns(table(["Customer", "Date", "Total"]), { amount: 7 })],
  [
    "columnTwice",
    () => detectColumns(table(["Customer", "Date", "Total"]), { amount: "C", customerId: "C" }),
  ],
  [
    "mixedDecimals",
    () =>
      readOrderTable(
        table(
          ["Customer", "Date", "Amount"],
          [
            ["A", "2024-01-02", "12,34"],
            ["B", "2024-01-03", "1,234.50"],
          ],
        ),
      ),
  ],
  [
    "ambiguousDecimals",
    () => readOrderTable(table(["Customer", "Date", "Amount"], [["A", "2024-01-02", "1.201"]])),
  ],
  [
    "amountLooksLikePrice",
    () =>
      readOrderTable(table(["Customer", "Date", "Quantity", "Unit price"], [["A", "2024-01-02", 2, 3.5]]), {
        columns: { amount: "Unit price" },
      }),
  ],
  [
    "noUsableLines",
    () =>
      analyzeOrders(
        table(
          ["Customer", "Date", "Amount"],
          [
            ["A", "03/04/2024", 10],
            ["B", "05/06/2024", 20],
          ],
        ),
      ),
  ],
  [
    "noRows",
    () =>
      buildReport({
        workbook: MemoryWorkbook.withSheets([{ name: "Orders", rows: [["Customer", "Date", "Amount"]] }]),
      }),
  ],
  [
    "emptySheet",
    () => MemoryWorkbook.withSheets([{ name: "Blank", rows: [] }]).readTable({ sheet: "Blank" }),
  ],
  [
    "noHeaderRow",
    () =>
      MemoryWorkbook.withSheets([
        {
          name: "Numbers",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ]).readTable({ sheet: "Numbers" }),
  ],
  [
    "noOrderTable",
    () =>
      findOrderSource(MemoryWorkbook.withSheets([{ name: "Orders", rows: [["a"]] }]), {
        table: "Sales",
        header: "auto",
      }),
  ],
  [
    "noOrderSheet",
    () =>
      findOrderSource(
        MemoryWorkbook.withSheets([{ name: "Orders", rows: [["a"]] }]),
        { sheet: "März", header: "auto" },
        "x.xlsx",
      ),
  ],
  ["fileType", () => workbookFromFile("orders.pdf", bytes("%PDF"))],
  // A zip's first bytes and then nothing a zip reader can use: the spreadsheet library fails on it.
  ["fileNotXlsx", () => workbookFromFile("broken.xlsx", bytes("PK\u0003\u0004 cut short"), loadExcelJs)],
  // Not a zip at all: said for what it is before the library reads it.
  ["xlsxIsText", () => workbookFromFile("orders.xlsx", bytes("Customer,Date\nA,2024-01-05\n"), loadExcelJs)],
  [
    "xlsxIsOldExcel",
    () =>
      workbookFromFile(
        "old.xlsx",
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        loadExcelJs,
      ),
  ],
  ["fileTooLarge", () => workbookFromFile("huge.csv", { length: MAX_FILE_BYTES + 1 } as Uint8Array)],
];

// A customer summary (the columns `loyalty sql` writes), as the pane meets it in a sheet or a file.
const SUMMARY_HEADERS = SUMMARY_COLUMNS.map(([name]) => name);
/** Customer A as of 2024-01-31, in weeks: first purchase 2024-01-01, a repeat on 2024-01-15. */
const SUMMARY_ROW: Record<string, string | number> = {
  customer_id: "A",
  first_purchase: "2024-01-01",
  last_purchase: "2024-01-15",
  orders: 2,
  purchase_days: 2,
  spend: 30,
  refunds: 0,
  recency_days: 16,
  frequency: 1,
  recency: 2,
  T: 30 / 7,
  monetary_value: 15,
  holdout_frequency: "",
  holdout_spend: "",
  window_spend: 30,
  window_purchase_days: 2,
};
const summaryRows = (...rows: Record<string, string | number>[]) =>
  rows.map((r) => SUMMARY_HEADERS.map((h) => ({ ...SUMMARY_ROW, ...r })[h]));
const summaryTable = (...rows: Record<string, string | number>[]) =>
  table(SUMMARY_HEADERS, summaryRows(...rows));
RAISED.push(
  ["summaryMissingColumns", () => readCustomerSummaryTable(table(["customer_id", "first_purchase"]))],
  [
    // Built in the pane from a sheet holding the summary: the build reads it as a summary.
    "summaryCell",
    () =>
      buildReport({
        workbook: MemoryWorkbook.withSheets([
          { name: "Summary", rows: [SUMMARY_HEADERS, ...summaryRows({ orders: "many" })] },
        ]),
      }),
  ],
  ["summaryDuplicateId", () => readCustomerSummaryTable(summaryTable({}, {}))],
  ["summaryHoldout", () => readCustomerSummaryTable(summaryTable({ holdout_frequency: 1 }))],
  ["summaryAsOf", () => readCustomerSummaryTable(summaryTable({}, { customer_id: "B", recency_days: 10 }))],
  ["summaryNoCustomers", () => analyzeCustomerSummary(readCustomerSummaryTable(table(SUMMARY_HEADERS)))],
  ["summaryUnit", () => analyzeCustomerSummary(readCustomerSummaryTable(summaryTable({})), { unit: "day" })],
);

/** The error raised for `code`. */
const raise = (code: MessageCode) => caught(RAISED.find(([c]) => c === code)![1]);

/** A value typed into an input cell of a report sheet (the first input, or the one of `key`), then Refresh. */
async function editThenRefresh(kind: string, value: string | number, key?: string): Promise<void> {
  const workbook = sampleWorkbook({ customers: 60 });
  await buildReport({ workbook, config: { sheets: ["tiers", "benefit-cost", "key-dates"] } });
  const input = (await workbook.readInputs(kind)).find((i) => key === undefined || i.key === key)!;
  const sheet = (await workbook.listGeneratedSheets()).find((g) => g.kind === kind)!.sheetName;
  workbook.setCell(sheet, input.address, value);
  await buildReport({ workbook });
}

const holiday = (field: "date" | "name") => KEY_DATE_INPUTS.holiday(0, field);

const programme = (field: string) =>
  INPUT_KEYS.programme(field as Parameters<typeof INPUT_KEYS.programme>[0]);

/** Values typed into the report's own sheets, which the pane asks the user to edit. */
const EDITED: [string, () => unknown][] = [
  ["editedCell", () => editThenRefresh("tiers", "lots")],
  ["assumptionNotNumber", () => editThenRefresh(BENEFIT_COST_KIND, "forty", programme("grossMargin"))],
  ["assumptionOutOfRange", () => editThenRefresh(BENEFIT_COST_KIND, 1.5, programme("grossMargin"))],
  ["assumptionNotWhole", () => editThenRefresh(BENEFIT_COST_KIND, 40, programme("periods"))],
  ["unknownScenario", () => editThenRefresh(BENEFIT_COST_KIND, "Wild", INPUT_KEYS.scenario)],
  ["tierMinimumsOnSheet", () => editThenRefresh("tiers", 1e9, TIER_INPUTS.minSpend("gold"))],
  // The holiday table on the Key dates sheet: its first row is a free one (the settings give no holidays).
  ["holidayNotDate", () => editThenRefresh("key-dates", "soon", holiday("date"))],
  ["holidayNameTooLong", () => editThenRefresh("key-dates", "x".repeat(101), holiday("name"))],
  ["holidayWithoutDate", () => editThenRefresh("key-dates", "Shop birthday", holiday("name"))],
  ["holidayWithoutName", () => editThenRefresh("key-dates", "06-01", holiday("date"))],
  [
    // Set in the pane (Thresholds: set them here): Silver needs more than Gold, Member none.
    "tierMinimumsInSettings",
    () =>
      buildReport({
        workbook: sampleWorkbook({ customers: 60 }),
        config: {
          tiers: {
            tiers: DEFAULT_TIERS.map((t, i) => (i < 3 ? { ...t, minSpend: [3000, 1000, 2000][i] } : t)),
          },
        },
      }),
  ],
];
RAISED.push(...EDITED);

// Text typed where the rebuilt Customers sheet writes (below its table, where a new customer now goes).
RAISED.push([
  "refreshWouldLose",
  async () => {
    const workbook = sampleWorkbook({ customers: 60 });
    await buildReport({ workbook, config: { sheets: ["customers"] } });
    const table = (await workbook.listTables()).find((t) => t.name === "LL_Customers")!;
    const bottom = Number(/\d+$/.exec(table.range)![0]);
    const sheet = (await workbook.listGeneratedSheets()).find((g) => g.kind === "customers")!.sheetName;
    workbook.setCell(sheet, `A${bottom + 1}`, "call Anna back");
    // The first order line is a new member's: the table grows by one row, over the typed text.
    workbook.setCell("Orders", "B2", "00000777");
    await buildReport({ workbook });
  },
]);

describe("coded errors in the pane's languages", () => {
  it.each(RAISED)("%s: English is the error's message, Chinese names the same places", async (code, run) => {
    const e = await caught(run);
    expect(e.detail?.code).toBe(code);
    const detail = e.detail!;
    expect(en(detail)).toBe(e.message);
    const text = zh(detail);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(named(detail).length).toBeGreaterThan(0);
    for (const name of named(detail)) expect(text).toContain(name);
  });

  it("names the roles and the most frequent problem in Chinese, with the date-order note", async () => {
    const missing = await raise("missingColumns");
    expect(zh(missing.detail!)).toContain("金额");
    const none = await raise("noUsableLines");
    expect(none.fix).toBe("dayOrder");
    expect(zh(none.detail!)).toBe(
      "orders.csv，工作表 Orders：2 行中没有可用的订单明细；多数行的问题：日期无法识别（2 行），首例：" +
        "orders.csv，工作表 Orders，第 2 行，B 列（Date）：日/月顺序未知：请设置日期顺序（日-月-年或月-日-年）",
    );
    expect(none.message).toContain("first at orders.csv, sheet Orders, row 2, column B (Date): ");
  });

  it("says the places in the data in Chinese, with the same file, sheet, row, column and header", async () => {
    const none = await raise("noUsableLines");
    const at = (none.detail as { worst: { at: CellPlace } }).worst.at;
    expect(at).toEqual({ file: "orders.csv", sheet: "Orders", row: 2, column: "B", header: "Date" });
    expect(none.message).toContain(`row ${at.row}, column ${at.column} (${at.header})`);
    expect(zh(none.detail!)).toContain(`第 ${at.row} 行，${at.column} 列（${at.header}）`);
    expect(zh((await raise("missingColumns")).detail!)).toMatch(/^orders\.csv，工作表 Orders：/);
    // Read from a workbook: the sheet (and table) from the reader, the file from the workbook's label.
    expect(zh((await raise("noRows")).detail!)).toMatch(/^工作表 Orders：/);
    expect(zh((await raise("noHeaderRow")).detail!)).toMatch(/^工作表 Numbers：第 1-2 行/);
    const sales = MemoryWorkbook.withSheets(
      [{ name: "Orders", rows: [["Customer"], ["A"]], tables: [{ name: "Sales", range: "A1:A2" }] }],
      { label: "shop.xlsx" },
    );
    const inTable = await caught(async () =>
      requireColumns(await sales.readTable({ table: "Sales" }), {
        mapping: {},
        origin: {},
        missing: ["amount"],
      }),
    );
    expect(inTable.message).toMatch(/^shop\.xlsx, sheet Orders, table Sales: no amount column/);
    expect(zh(inTable.detail!)).toMatch(/^shop\.xlsx，工作表 Orders，表格 Sales：/);
  });

  it("says a customer summary's bad cell in Chinese, where the pane built from it", async () => {
    const bad = await raise("summaryCell");
    expect(bad.message).toBe(
      'sheet Summary, row 2, column D (orders): expected a whole number of orders, at least 1, got "many"',
    );
    expect(zh(bad.detail!)).toBe(
      "工作表 Summary，第 2 行，D 列（orders）：这里应为整数订单数，至少为 1，实际为“many”",
    );
    expect(paneMessageOf(bad)).toMatchObject({ detail: bad.detail, fix: "data" });
  });

  it("keeps a place whose parts are not known in its English words", () => {
    const d = { code: "noRows" as const, source: "Orders" };
    expect(zh(d)).toBe("Orders：表头行下方没有数据行");
    expect(en(d)).toBe("Orders: there are no rows below the header row");
  });

  it("names clashing tiers by their Chinese names", async () => {
    const e = await raise("tierMinimumsInSettings");
    // Gold 1,000, Silver 2,000: Silver's minimum is the one to lower, to Gold's or less.
    expect(e.message).toBe(
      "report settings: tier rules: Silver's minimum spend (2,000) is above Gold's (1,000), the tier above it: " +
        "lower Silver's minimum spend to 1,000 or less",
    );
    expect(zh(e.detail!)).toBe(
      "等级门槛互不一致：白银的最低消费额（2,000）高于上一级黄金的（1,000）：请将白银的最低消费额降到 1,000 或以下",
    );
  });

  it("says the models' problems in both languages, naming the model", () => {
    for (const code of ["modelNoHistory", "modelNotConverged", "modelFailed", "modelDegenerate"] as const) {
      const d = { code, model: "Pareto/NBD" };
      expect(en(d)).toMatch(/^Model: Pareto\/NBD/);
      expect(zh(d)).toMatch(/^模型：Pareto\/NBD/);
    }
  });

  it("has every code in both languages", () => {
    // A new code must be added here and (TypeScript checks it) to both tables of strings.ts.
    // The command line's flags and files (src/input-errors.ts): one table holds both languages.
    const inputCodes = Object.fromEntries(Object.keys(INPUT_ERROR_TEXTS.en).map((c) => [c, true]));
    const codes: Record<MessageCode, true> = {
      ...(inputCodes as Record<InputErrorCode, true>),
      missingColumns: true,
      noSuchColumn: true,
      noColumnNumber: true,
      columnTwice: true,
      mixedDecimals: true,
      ambiguousDecimals: true,
      amountLooksLikePrice: true,
      campaignNoSuchColumn: true,
      campaignMissingColumns: true,
      summaryTierGrace: true,
      summaryTierWindow: true,
      noUsableLines: true,
      summaryMissingColumns: true,
      summaryCell: true,
      summaryDuplicateId: true,
      summaryHoldout: true,
      summaryAsOf: true,
      summaryNoCustomers: true,
      summaryUnit: true,
      noRows: true,
      emptySheet: true,
      noHeaderRow: true,
      noOrderTable: true,
      noOrderSheet: true,
      noVisibleSheet: true,
      fileNotXlsx: true,
      fileNoSheet: true,
      fileTooLarge: true,
      fileType: true,
      editedCell: true,
      assumptionNotNumber: true,
      assumptionOutOfRange: true,
      assumptionNotWhole: true,
      assumptionNotKept: true,
      unknownScenario: true,
      holidayNotDate: true,
      holidayNameTooLong: true,
      holidayWithoutDate: true,
      holidayWithoutName: true,
      tierMinimumsInSettings: true,
      tierMinimumsOnSheet: true,
      modelNoHistory: true,
      modelNotConverged: true,
      modelFailed: true,
      modelDegenerate: true,
      refreshWouldLose: true,
      fileMissing: true,
      fileOldExcel: true,
      fileExtension: true,
      outMissing: true,
      outNotXlsx: true,
      outIsInput: true,
      inputMissing: true,
    };
    expect(Object.keys(MESSAGE_TEXTS.en).sort()).toEqual(Object.keys(codes).sort());
    expect(Object.keys(MESSAGE_TEXTS["zh-CN"]).sort()).toEqual(Object.keys(codes).sort());
  });
});

describe("the code across the worker boundary and into the message bar", () => {
  it("keeps the detail and the fix of an error sent back from the build worker", async () => {
    const e = await raise("noUsableLines");
    const back = deserializeError(structuredClone(serializeError(new UserError(e.message, e.fix, e.detail))));
    expect(back).toBeInstanceOf(UserError);
    expect(paneMessageOf(back)).toEqual({ text: e.message, detail: e.detail, fix: "dayOrder" });
    const data = deserializeError(structuredClone(serializeError(e)));
    expect(data).toBeInstanceOf(DataError);
    expect((data as DataError).detail).toEqual(e.detail);
  });

  it("shows an error without a code in its English words", () => {
    expect(paneMessageOf(new UserError("sheet Tiers, cell C5: -3 is not a number"))).toEqual({
      text: "sheet Tiers, cell C5: -3 is not a number",
      fix: "data",
    });
  });
});

describe("the message bar", () => {
  const bar = (language: Language, message: PaneMessage) =>
    renderInLanguage(language, <PaneMessageBar message={message} onDismiss={() => undefined} />)
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");

  it("says a coded error in the pane's language, and one without a code in its English words", async () => {
    const message = paneMessageOf(await raise("fileType"), true)!;
    expect(bar("en", message)).toContain("orders.pdf: the preview reads .xlsx and .csv files");
    expect(bar("zh-CN", message)).toContain(
      "orders.pdf：预览只能读取 .xlsx 和 .csv 文件；请另存为其中一种格式",
    );
    expect(bar("zh-CN", message)).toContain(STRINGS["zh-CN"].fixFile);
    const uncoded = paneMessageOf(new UserError("settings.json is not valid JSON"))!;
    expect(bar("zh-CN", uncoded)).toContain("settings.json is not valid JSON");
  });
});

describe("settings the pane checks", () => {
  it("name where they are (stored in the workbook, set in the pane) in the pane's language", async () => {
    const stored = storedStart({ model: { margin: "x" } });
    const paneSet = await runBuild(
      sampleWorkbook({ customers: 30 }),
      { config: { model: { margin: "x" } } as never },
      {},
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    for (const [e, en, zh] of [
      [stored.error, "the Loyalty Lens settings stored in the workbook", "工作簿中保存的 Loyalty Lens 设置"],
      [paneSet, "the settings in the pane", "窗格中的设置"],
    ] as const) {
      const message = paneMessageOf(e)!;
      expect(message.detail?.code).toBe("settingsInvalid");
      expect(messageText("en", message.detail!)).toMatch(new RegExp(`^${en}: "model.margin"`));
      const chinese = messageText("zh-CN", message.detail!);
      expect(chinese).toMatch(new RegExp(`^${zh}："model.margin"`));
      expect(latinWordsOf(chinese, KEPT_FRONT_END_WORDS)).toEqual([]);
    }
  });
});
