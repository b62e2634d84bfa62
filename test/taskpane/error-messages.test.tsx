/**
 * The errors and warnings a store manager can meet in the pane, raised by the real code paths, say the same
 * thing in English and Chinese: the English text rendered from the code is the error's own message, and
 * the Chinese one names the same places, columns and names.
 */
import { analyzeOrders } from "../../src/engine/analyze";
import { detectColumns, requireColumns } from "../../src/engine/data/columns";
import { DataError } from "../../src/engine/data/errors";
import type { RawTable } from "../../src/engine/data/table";
import { renderToStaticMarkup } from "react-dom/server";
import { buildReport } from "../../src/report/build-report";
import { findOrderSource } from "../../src/report/order-source";
import { PaneMessageBar } from "../../src/taskpane/components/PaneMessageBar";
import { LanguageContext } from "../../src/taskpane/i18n/context";
import { messageText, type MessageCode, type MessageDetail } from "../../src/taskpane/i18n/message-texts";
import { STRINGS, type Language } from "../../src/taskpane/i18n/strings";
import { MAX_FILE_BYTES, workbookFromFile } from "../../src/taskpane/preview/open-file";
import { paneMessageOf, type PaneMessage } from "../../src/taskpane/state/pane-message";
import { deserializeError, serializeError } from "../../src/taskpane/work/errors";
import { UserError } from "../../src/user-error";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const en = (d: MessageDetail) => messageText(STRINGS.en.messages, "en", d);
const zh = (d: MessageDetail) => messageText(STRINGS["zh-CN"].messages, "zh-CN", d);

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
  headers,
  columns: headers.map((_, c) => rows.map((r) => r[c] ?? null)),
  firstRow: 2,
});

/** The places and names a message's values give, each of which both languages must name. */
function named(d: MessageDetail): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (value === undefined) continue;
    if (["source", "file", "workbook", "table", "sheet", "column", "given", "model"].includes(key)) {
      out.push(String(value));
    }
    if (key === "headers") out.push(...(value as string[]));
    if (key === "worst") out.push((value as { where: string }).where);
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
  ["fileNotXlsx", () => workbookFromFile("broken.xlsx", bytes("not a zip"), loadExcelJs)],
  ["fileTooLarge", () => workbookFromFile("huge.csv", { length: MAX_FILE_BYTES + 1 } as Uint8Array)],
];

/** The error raised for `code`. */
const raise = (code: MessageCode) => caught(RAISED.find(([c]) => c === code)![1]);

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
      "orders.csv, sheet Orders：2 行中没有可用的订单明细；多数行的问题：日期无法识别（2 行），首例：" +
        `${(none.detail as { worst: { where: string } }).worst.where}：日/月顺序未知：请设置日期顺序（日-月-年或月-日-年）`,
    );
  });

  it("says the models' problems in both languages, naming the model", () => {
    for (const code of ["modelNoHistory", "modelNotConverged", "modelFailed"] as const) {
      const d = { code, model: "Pareto/NBD" };
      expect(en(d)).toMatch(/^Model: Pareto\/NBD/);
      expect(zh(d)).toMatch(/^模型：Pareto\/NBD/);
    }
  });

  it("has every code in both languages", () => {
    // A new code must be added here and (TypeScript checks it) to both tables of strings.ts.
    const codes: Record<MessageCode, true> = {
      missingColumns: true,
      noSuchColumn: true,
      noColumnNumber: true,
      columnTwice: true,
      noUsableLines: true,
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
      modelNoHistory: true,
      modelNotConverged: true,
      modelFailed: true,
    };
    expect(Object.keys(STRINGS.en.messages).sort()).toEqual(Object.keys(codes).sort());
    expect(Object.keys(STRINGS["zh-CN"].messages).sort()).toEqual(Object.keys(codes).sort());
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
    renderToStaticMarkup(
      <LanguageContext.Provider
        value={{ language, strings: STRINGS[language], setLanguage: () => undefined }}
      >
        <PaneMessageBar message={message} onDismiss={() => undefined} />
      </LanguageContext.Provider>,
    )
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
