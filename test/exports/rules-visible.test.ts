/**
 * Every rule that removes or changes lines is visible, in English and in Chinese: the Data quality sheet
 * lists each rule's count and examples and says how the lines were read (amount rule, order totals, date
 * order, decimal separator), and the CLI's lines on test accounts and reading follow --lang. And the three
 * questions a file can raise (no header, a decimal comma, an ambiguous date) name the file, row, column and
 * the flag that answers them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { QUALITY_REASONS } from "../../src/engine/data/quality";
import { CATALOGUE } from "../../src/i18n/catalogue";
import { sheetName } from "../../src/report/sheet-kinds";
import type { Language } from "../../src/engine/text/language";
import { run } from "../../src/cli/main";
import { capture, runJson } from "../helpers/cli-io";
import { testDataPath } from "../helpers/test-data";
import { EXPECTED_EXPORTS } from "./expected";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The rows of a sheet as lists of values (column A first). */
async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const book = await new ExcelJS.Workbook().xlsx.readFile(file);
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

const withRules = EXPECTED_EXPORTS.filter((e) => Object.keys(e.findings).length > 0);

describe.each(["en", "zh-CN"] as Language[])("the Data quality sheet in %s", (language) => {
  const c = CATALOGUE[language];

  it.each(withRules.map((e) => [e.file, e] as const))(
    "%s: each rule's count, what was done, and its examples; how the lines were read",
    async (_file, expected) => {
      const out = path.join(dir, `${expected.file}.${language}.xlsx`);
      await runJson([
        "report",
        testDataPath(expected.file),
        "--out",
        out,
        "--lang",
        language,
        ...expected.flags,
      ]);
      const rows = await sheetRows(out, `LL ${sheetName("data-quality", language)}`);
      const label = (reason: string) => {
        const info = QUALITY_REASONS.find((r) => r.reason === reason)!;
        return language === "zh-CN" ? info.labelZh : info.label;
      };
      const findingsHeader = rows.findIndex(
        (r) =>
          r[0] === c.sheets.dataQuality.findingHeaders[0] && r[1] === c.sheets.dataQuality.findingHeaders[1],
      );
      const examplesHeader = rows.findIndex(
        (r) =>
          r[0] === c.sheets.dataQuality.exampleHeaders[0] && r[1] === c.sheets.dataQuality.exampleHeaders[1],
      );
      expect(findingsHeader).toBeGreaterThan(0);
      expect(examplesHeader).toBeGreaterThan(findingsHeader);
      for (const [reason, count] of Object.entries(expected.findings)) {
        const row = rows.slice(findingsHeader + 1, examplesHeader).find((r) => r[0] === label(reason));
        expect([reason, row?.[1]]).toEqual([reason, count]);
        // What was done, in the sheet's language, and the first place to look.
        expect(Object.values(c.sheets.dataQuality.actions)).toContain(row?.[3]);
        expect(String(row?.[5])).toContain(expected.file);
        const examples = rows.slice(examplesHeader + 1).filter((r) => r[0] === label(reason));
        expect([reason, examples.length]).toEqual([reason, Math.min(count, 5)]);
      }
      const how = rows.find((r) => r[0] === c.sheets.reading.linesLabel);
      expect(how).toBeDefined();
      const rules = String(how?.[1]);
      if (expected.file === "export-uk-retail.csv")
        expect(rules).toContain(c.sheets.reading.amountsFrom["quantity × price"]);
      else expect(rules).toContain(c.sheets.reading.amountsFrom.amount);
      if (expected.findings.repeatedOrderTotal) expect(rules).toContain(c.sheets.reading.orderTotals);
    },
  );

  it("the day-first and decimal-comma files say which value decided the format", async () => {
    for (const [file, words] of [
      ["export-day-first.csv", [c.sheets.reading.dates.dmy, "25/12/2011"]],
      ["export-european.csv", [c.sheets.reading.decimalComma, "12.345,67"]],
    ] as const) {
      const out = path.join(dir, `${file}.${language}.xlsx`);
      await runJson(["report", testDataPath(file), "--out", out, "--lang", language]);
      const rows = await sheetRows(out, `LL ${sheetName("data-quality", language)}`);
      const how = String(rows.find((r) => r[0] === c.sheets.reading.linesLabel)?.[1]);
      for (const word of words) expect(how).toContain(word);
    }
  });
});

describe("the CLI's lines on what it left out follow --lang", () => {
  const orders = () =>
    put(
      "test-accounts.csv",
      [
        "customer,date,amount",
        "test01,2024-01-01,5",
        "guest,2024-01-02,7",
        "A,2024-01-01,10",
        "A,2024-02-01,12",
        "B,2024-01-05,3",
        "B,2024-02-05,4",
      ].join("\n"),
    );

  it.each([
    [
      "en",
      /^loyalty: left out 2 lines of 2 customers as test accounts \(rule: test word in the id; placeholder id\): test01, guest; --keep-test-accounts keeps them$/,
    ],
    [
      "zh-CN",
      /^loyalty: 已按测试账号排除 2 位客户的 2 行（规则：编号含测试字样；占位编号）：test01、guest；加 --keep-test-accounts 可保留$/,
    ],
  ])("%s: report and fit print the same one line on stderr", async (language, line) => {
    for (const args of [
      ["report", orders(), "--out", path.join(dir, `ta-${language}.xlsx`)],
      ["fit", orders(), "--model", "bgnbd"],
    ]) {
      const io = capture();
      expect(await run([...args, "--lang", language], io)).toBe(0);
      expect(io.stderr.trim()).toMatch(line);
    }
  });

  it("--keep-test-accounts keeps them, in the report and in the fit", async () => {
    const report = await runJson([
      "report",
      orders(),
      "--out",
      path.join(dir, "kept.xlsx"),
      "--keep-test-accounts",
    ]);
    expect(report.customers).toBe(4);
    const fit = await runJson(["fit", orders(), "--model", "bgnbd", "--keep-test-accounts"]);
    expect(fit.customers + fit.firstBoughtOnCalibrationEnd).toBe(4);
  });

  it("the reading notes of a GBK file in Chinese", async () => {
    const io = capture();
    const code = await run(
      ["fit", testDataPath("export-marketplace-gbk.csv"), "--model", "bgnbd", "--lang", "zh-CN"],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toContain(
      '已按 "gbk" 编码读取 "export-marketplace-gbk.csv"（自动识别；可用 --encoding 指定），字段以逗号分隔',
    );
    expect(io.stdout).toContain("读取规则：金额取自金额列；各行重复的订单金额每单只计一次");
  });
});

describe("the questions a file raises name the file, row, column and the flag", () => {
  /** The one line on stderr, exit code 2, for `loyalty report` and `loyalty fit` alike. */
  async function refused(file: string, extra: string[] = []): Promise<string> {
    const lines: string[] = [];
    for (const args of [
      ["report", file, "--out", path.join(dir, "refused.xlsx"), ...extra],
      ["fit", file, "--model", "bgnbd", ...extra],
    ]) {
      const io = capture();
      expect(await run(args, io)).toBe(2);
      lines.push(io.stderr.trim());
    }
    expect(lines[1]).toBe(lines[0]);
    return lines[0];
  }

  it("a header-less file without --no-header: the rows looked at and --no-header --columns", async () => {
    expect(await refused(testDataPath("export-cdnow-master-shape.txt"))).toMatch(
      /^loyalty: export-cdnow-master-shape\.txt: no header row found in rows 1-26 .*--no-header --columns id,date,amount/,
    );
  });

  it("12,34 among decimal points: both cells and --decimal-comma / --no-decimal-comma", async () => {
    const file = put("mixed.csv", "customer;date;amount\nA;2024-01-01;12,34\nB;2024-01-02;1,234.50\n");
    expect(await refused(file)).toBe(
      'loyalty: mixed.csv, row 2, column C (amount): "12,34" uses a decimal comma but "1,234.50" (row 3, column C) a decimal point; ' +
        'say which the data uses: the setting "decimalComma" (--decimal-comma for 1.234,56, --no-decimal-comma for 1,234.56)',
    );
  });

  it("1.201 that no amount decides: the cell and the flags", async () => {
    const file = put("thousands.csv", "customer;date;amount\nA;2024-01-01;5\nB;2024-01-02;1.201\n");
    expect(await refused(file)).toMatch(
      /^loyalty: thousands\.csv, row 3, column C \(amount\): "1\.201" can be read with a thousands separator or a decimal separator, .*--decimal-comma for 1\.234,56, --no-decimal-comma for 1,234\.56\)$/,
    );
  });

  it("12,34 read with --no-decimal-comma: the warning names the cell and --decimal-comma", async () => {
    const file = put("comma.csv", "customer;date;amount\nA;2024-01-01;12,34\nA;2024-01-05;5\n");
    const io = capture();
    expect(await run(["report", file, "--out", path.join(dir, "comma.xlsx"), "--no-decimal-comma"], io)).toBe(
      0,
    );
    expect(io.stdout).toContain(
      'Warning: 1 row: amount not a number (dropped); first at comma.csv, row 2, column C (amount): a decimal comma: --decimal-comma (the setting "decimalComma") reads it',
    );
  });

  it("12/09/2011 without a date that proves the order: the cell and --date-order", async () => {
    // The day-first fixture without its proving row 25/12/2011.
    const text = readFileSync(testDataPath("export-day-first.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.includes("25/12/2011"))
      .join("\n");
    const file = put("open-dates.csv", text);
    expect(await refused(file)).toMatch(
      /^loyalty: open-dates\.csv: .*first at open-dates\.csv, row 2, column B \(date\): day\/month order unknown.*--date-order dmy \(day first\) or --date-order mdy \(month first\)$/,
    );
  });
});
