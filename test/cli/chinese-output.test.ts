/**
 * The command line in Chinese: with --lang zh-CN, what `loyalty` prints (the demo's summary, a report's
 * warnings, the test-account line, the errors of a bad file or flag) has no English word outside the
 * short list kept as they are (flags, file names, ids, units, RFM, CLV, model names: see
 * kept-latin-words.ts), errors are still one line with exit 2 naming the file, row and column and the flag
 * that fixes it; and without --lang the same runs say it in English as before.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";
import { testDataPath } from "../helpers/test-data";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-zh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * Kept besides: the role names typed after --columns (--columns id,date,amount). The fit's Greek
 * parameters are written α, β, γ, δ as the literature writes them (alpha, beta in English).
 */
const KEPT = new Set([...KEPT_FRONT_END_WORDS, "id", "date", "amount"]);

/** The headers and the sheet name of the files below: the user's words, quoted back to them. */
const USER_NAMES = ["Customer ID", "Order Date", "Amount", "Orders"];

/**
 * The English words of what a run printed. The user's own words are taken out first: the folder and names
 * of their files the headers of their columns and the name of their sheet.
 */
function englishIn(text: string): string[] {
  const own = USER_NAMES.reduce((t, h) => t.split(h).join(""), text.split(dir).join("")).replace(
    /[\w.-]+\.(csv|xlsx|pdf|sql)\b/g,
    "",
  );
  return latinWordsOf(own, KEPT);
}

/** The text a cell shows when it holds text (a value, rich text or a formula's text result); else undefined. */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      return typeof result === "string" ? result : undefined;
    }
  }
  return undefined;
}

async function loyalty(args: string[]) {
  const io = capture();
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr, all: `${io.stdout}\n${io.stderr}` };
}

// Orders with one unreadable date and one test account: the report works, and says what it left out.
const ORDERS = [
  "Customer ID,Order Date,Amount",
  "A1,2024-01-05,20.00",
  "A1,2024-02-05,30.00",
  "A2,2024-01-09,15.50",
  "A2,2024-03-31,12.00",
  "A3,2024-02-30,9.99",
  "A3,2024-02-11,40.00",
  "TEST01,2024-02-12,1.00",
].join("\n");

describe("loyalty --lang zh-CN", () => {
  it("says the demo's summary, its files and the test accounts left out in Chinese", async () => {
    const out = path.join(dir, "demo.xlsx");
    const r = await loyalty(["demo", "--lang", "zh-CN", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写入");
    expect(r.stdout).toContain("预警：");
    expect(r.stderr).toMatch(/^loyalty: 已按测试账号排除 .*--keep-test-accounts/);
    expect(englishIn(r.all)).toEqual([]);
    // The workbook it wrote: no English word in any text cell of any sheet it shows. The data's own texts (ids,
    // product codes, a "N/A" typed as an amount: the cells of the two files it wrote beside) and the files'
    // names are the user's, not ours to translate; a column letter is Excel's name for the column.
    const dataTexts = new Set(
      ["demo-orders.csv", "demo-campaigns.csv"].flatMap((f) =>
        readFileSync(path.join(dir, f), "utf8")
          .split(/\r?\n/)
          .flatMap((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, ""))),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const found: string[] = [];
    // The sheets a user sees (the settings store is a very hidden sheet of JSON).
    for (const sheet of book.worksheets.filter((w) => w.state === "visible")) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const text = cellText(cell.value);
          if (text === undefined || dataTexts.has(text) || /^[A-Z]{1,3}$/.test(text)) return;
          const own = text.replace(/[\w.-]+\.(csv|xlsx)\b/g, "");
          for (const w of latinWordsOf(own))
            found.push(`${sheet.name}!${cell.address}: ${w} in "${text.slice(0, 60)}"`);
        }),
      );
    }
    expect(found.slice(0, 40)).toEqual([]);
  }, 240_000);

  it("says a report's warnings (an unreadable date, a test account) in Chinese, naming row and column", async () => {
    const orders = put("orders.csv", ORDERS);
    const r = await loyalty(["report", orders, "--out", path.join(dir, "r.xlsx"), "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    // The unreadable date is row 6 of the file (the header is row 1), column B.
    expect(r.stdout).toContain("日期无法识别（未计入）；首次出现于 orders.csv，第 6 行，B 列（Order Date）");
    expect(r.stderr).toMatch(/^loyalty: 已按测试账号排除 1 位客户的 1 行/);
    expect(englishIn(r.all)).toEqual([]);
  });

  const BAD: [what: string, args: () => string[], says: string[]][] = [
    [
      "a missing column",
      () => ["report", put("no-amount.csv", "Kunde,Datum\nA1,2024-01-05\n"), "--out", "x.xlsx"],
      ["no-amount.csv", '"Kunde"', "未找到"],
    ],
    [
      "dates none of which can be read",
      () => [
        "report",
        put("dates.csv", "Customer ID,Order Date,Amount\nA1,2024-13-45,20\nA2,someday,5\n"),
        "--out",
        "x.xlsx",
      ],
      ["dates.csv", "第 2 行", "B 列", "日期无法识别"],
    ],
    [
      "a file without a header row, read without --no-header",
      () => ["report", put("bare.csv", "A1,2024-01-05,20\nA2,2024-01-06,30\n"), "--out", "x.xlsx"],
      ["bare.csv", "--no-header"],
    ],
    [
      "a file that is not there",
      () => ["report", path.join(dir, "nowhere.csv"), "--out", "x.xlsx"],
      ["不存在"],
    ],
    ["no --out", () => ["report", put("orders2.csv", ORDERS)], ["--out FILE.xlsx", "--in-place"]],
    ["an unknown option", () => ["report", "--nope"], ["--nope", "未知选项"]],
    ["a wrong --out", () => ["demo", "--out", "demo.pdf"], ["demo.pdf", ".xlsx"]],
  ];

  it.each(BAD)(
    "says %s in one Chinese line, exit 2, naming where and the flag",
    async (_what, args, says) => {
      const r = await loyalty([...args(), "--lang", "zh-CN"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^loyalty: .*[\u4e00-\u9fff]/);
      for (const s of says) expect(lines[0]).toContain(s);
      expect(englishIn(r.stderr)).toEqual([]);
    },
  );

  it("names the --date-order flag in Chinese words when only it reads the dates", async () => {
    const file = put("ambiguous.csv", "Customer ID,Order Date,Amount\nA1,03/04/2024,20\nA2,05/06/2024,30\n");
    const r = await loyalty(["report", file, "--out", path.join(dir, "a.xlsx"), "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--date-order dmy");
    expect(englishIn(r.stderr)).toEqual([]);
  });

  it("says `loyalty fit` in Chinese", async () => {
    const r = await loyalty(["fit", put("fit.csv", ORDERS), "-m", "bgnbd", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("BG/NBD 已拟合 3 位客户");
    expect(englishIn(r.all)).toEqual([]);
    // The parameter table: r, α, a, b in Chinese as on the Model sheet; r, alpha, a, b in English.
    const names = (out: string) => out.split("\n").flatMap((l) => /^(\S+)\s+-?\d/.exec(l)?.[1] ?? []);
    expect(names(r.stdout).slice(0, 4)).toEqual(["r", "α", "a", "b"]);
    const en = await loyalty(["fit", put("fit-en.csv", ORDERS), "-m", "bgnbd"]);
    expect(names(en.stdout).slice(0, 4)).toEqual(["r", "alpha", "a", "b"]);
    const bgbb = await loyalty(["fit", testDataPath("donations.csv"), "-m", "bgbb", "--lang", "zh-CN"]);
    expect(names(bgbb.stdout).slice(0, 4)).toEqual(["α", "β", "γ", "δ"]);
  });

  it("says why a model was not used once, naming the model once, in both languages", async () => {
    // Three customers, one of them with repeat purchases: no purchase model is identified by so few.
    const orders = put("few.csv", ORDERS);
    for (const [lang, word] of [
      ["en", "Model: "],
      ["zh-CN", "模型："],
    ]) {
      const r = await loyalty([
        "report",
        orders,
        "--out",
        path.join(dir, `few-${lang}.xlsx`),
        "--lang",
        lang,
      ]);
      expect(r.code).toBe(0);
      const about = r.stdout.split("\n").filter((l) => l.includes("BG/NBD"));
      expect(about).toHaveLength(1);
      expect(about[0].startsWith(word)).toBe(true);
      expect(about[0].split(word)).toHaveLength(2);
    }
  });

  it("says `loyalty fit`'s account of the optimiser in full, the same figures in both languages", async () => {
    const file = put("fit-few.csv", ORDERS);
    const en = await loyalty(["fit", file, "-m", "bgnbd"]);
    const zh = await loyalty(["fit", file, "-m", "bgnbd", "--lang", "zh-CN"]);
    // The likelihood levels off: r, alpha, a and b are not identified (r, α, a, b as the Chinese writes them).
    expect(en.stdout).toContain(
      "NOT CONVERGED: did not converge to a proper maximum: the likelihood levels off and r, alpha, a, b are not identified by the data",
    );
    expect(zh.stdout).toContain("注意：未收敛到真正的最大值：似然趋于平坦，数据无法确定 r、α、a、b");
    expect(englishIn(zh.all)).toEqual([]);
  });

  it("refreshes a workbook in the language it stores, without --lang", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Orders");
    for (const line of ORDERS.split("\n"))
      sheet.addRow(line.split(",").map((v, i) => (i === 2 && v !== "Amount" ? Number(v) : v)));
    const file = path.join(dir, "book.xlsx");
    await book.xlsx.writeFile(file);
    expect((await loyalty(["report", file, "--in-place", "--lang", "zh-CN"])).code).toBe(0);
    const r = await loyalty(["report", file, "--in-place"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^已写入 /);
    expect(englishIn(r.all)).toEqual([]);
  });

  it("says where `loyalty sql --out` wrote the query", async () => {
    const out = path.join(dir, "q.sql");
    const r = await loyalty([
      "sql",
      "--table",
      "orders",
      "--as-of",
      "2024-12-31",
      "--out",
      out,
      "--lang",
      "zh-CN",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`已将查询写入 ${out}`);
  });

  it("says through DuckDB which columns it leaves out, in Chinese", async () => {
    // A product column: the DuckDB engine reads the orders and leaves product details to the in-process reader.
    const orders = put("products.csv", "Customer ID,Order Date,Amount,Product\nA1,2024-01-05,20.00,Tea\n");
    const r = await loyalty([
      "report",
      orders,
      "--out",
      path.join(dir, "duck.xlsx"),
      "--engine",
      "duckdb",
      "--lang",
      "zh-CN",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "products.csv：DuckDB 引擎不读取 1 列（商品）；只有进程内读取（--engine js）会读取这些列",
    );
    expect(englishIn(r.all.split("Tea").join(""))).toEqual([]);
  }, 60_000);
});

describe("loyalty without --lang", () => {
  it("says the same bad inputs in English, as before", async () => {
    const missing = await loyalty([
      "report",
      put("no-amount-en.csv", "Kunde,Datum\nA1,2024-01-05\n"),
      "--out",
      "x.xlsx",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^loyalty: no-amount-en\.csv: no .* column found among the headers "Kunde", "Datum"/,
    );
    const option = await loyalty(["report", "--nope"]);
    expect(option.stderr.trim()).toBe("loyalty: unknown option '--nope'");
    const absent = await loyalty(["report", path.join(dir, "nowhere.csv"), "--out", "x.xlsx"]);
    expect(absent.stderr.trim()).toBe(`loyalty: ${path.join(dir, "nowhere.csv")} does not exist`);
  });

  it("says a report's summary in English", async () => {
    const r = await loyalty(["report", put("orders-en.csv", ORDERS), "--out", path.join(dir, "en.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Warning: 1 row: unreadable date (dropped); first at orders-en.csv, row 6, column B (Order Date)",
    );
    expect(r.stdout).toMatch(/^Wrote /);
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
