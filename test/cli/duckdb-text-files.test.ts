/**
 * Text files the DuckDB engine reads as the in-process reader does (src/cli/duckdb/text-input.ts): a
 * header below title rows, a GBK file compressed (.csv.gz), a glob of GBK files, a file whose first
 * megabyte is UTF-8 but not the rest. Each is made here from an order-export fixture of test/data whose
 * customers and revenue were worked out by hand (test/exports/expected.ts), and compared with those and
 * with everything `--engine js` gives on the same lines (for a .gz or a glob: the plain file they hold).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { run } from "../../src/cli/main";
import { analyzeOrderTable, type Analysis } from "../../src/engine/analyze";
import { detectCurrency } from "../../src/engine/data/currency";
import { amountColumnOf, readOrderTable } from "../../src/engine/data/read-orders";
import { readCsvTable } from "../../src/workbook/csv/read";
import type { CsvReadOptions } from "../../src/workbook/csv/table";
import { capture } from "../helpers/cli-io";
import {
  asInGlobFiles,
  bothEngines,
  comparable,
  expectHandComputed,
  expectSameAnalysis,
  perCustomer,
} from "../helpers/duckdb-compare";
import { testDataPath } from "../helpers/test-data";
import { sheetFact } from "../helpers/sheet-facts";
import { READING_TEXTS } from "../../src/engine/text/reading";
import type { Language } from "../../src/engine/text/language";
import { EXPECTED_EXPORTS, totalsOf, type ExpectedExport } from "../exports/expected";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-text-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = capture();
const expected = (file: string) => EXPECTED_EXPORTS.find((e) => e.file === file) as ExpectedExport;
const MARKETPLACE = expected("export-marketplace-gbk.csv");
const SHOPIFY = expected("export-shopify.csv");

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** DuckDB on `input` (a .gz file or a glob) against the in-process engine on `plain`, the same lines. */
async function duckDbAgainst(input: string, plain: string, csv: CsvReadOptions = {}) {
  const { table } = await readCsvTable(plain, csv);
  const inProcess = analyzeOrderTable(readOrderTable(table, {}));
  const duck = await readWithDuckDb(input, { csv }, silent);
  try {
    return { inProcess, viaDuckDb: analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read)), duck };
  } finally {
    duck.close();
  }
}

/** The quality report without what names the file (a glob has no single file to name). */
const withoutPlace = (a: Analysis) => {
  const report = comparable(a.table.quality) as unknown as Record<string, unknown>;
  const { place: _place, ...rest } = report;
  return JSON.parse(JSON.stringify(rest).replaceAll('"source":"FILE"', '"source":"-"')) as unknown;
};

/** Title lines above the header, as a marketplace's export starts (ASCII: the same bytes in GBK). */
const TITLE = Buffer.from("Seller centre: order export\r\nExported 2024-02-02 09:00\r\n\r\n");

/** The lines of a file's bytes (CRLF; a GBK character never holds the bytes of CR or LF). */
function byteLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf("\r\n", start);
    lines.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    start = end < 0 ? bytes.length : end + 2;
  }
  return lines.filter((l) => l.length > 0);
}

describe("the DuckDB engine reads text files as the in-process reader does", () => {
  it("finds the header below title rows and a blank line (GBK, through its UTF-8 copy), and skips them", async () => {
    const file = write(
      "titled-gbk.csv",
      Buffer.concat([TITLE, readFileSync(testDataPath(MARKETPLACE.file))]),
    );
    const { inProcess, viaDuckDb, duck } = await bothEngines(file, {});
    // The header is on row 4: the first order line is row 5, as the examples of the quality report say.
    expect(inProcess.table.quality.source).toBe("titled-gbk.csv");
    expect(duck.files.firstRow).toBe(5);
    expectHandComputed(viaDuckDb, MARKETPLACE);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("skips title rows of a UTF-8 file DuckDB reads as it is, and keeps the headers as the in-process reader trims them", async () => {
    const shopify = readFileSync(testDataPath(SHOPIFY.file), "utf8");
    const file = write(
      "titled-shopify.csv",
      `"Orders export, March-April 2024"\nStore: Example\n\n${shopify}`,
    );
    const { inProcess, viaDuckDb, duck, table } = await bothEngines(file, {});
    expect(duck.files.fromClause).toMatch(/skip = 3/);
    expect(duck.files.fromClause).not.toMatch(/utf8\.txt/);
    expect(duck.currency).toEqual(detectCurrency(table, amountColumnOf(inProcess.table.columns)));
    expectHandComputed(viaDuckDb, SHOPIFY);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("reads the header row the settings name (source.header: 3)", async () => {
    const file = write(
      "header-on-3.csv",
      `Report\nfrom the till\nMember,Date,Amount\n7,2024-01-02,10\n7,2024-01-09,5\n`,
    );
    const csv: CsvReadOptions = { header: 3 };
    const { inProcess, viaDuckDb } = await bothEngines(file, { csv }, csv);
    expect(viaDuckDb.summary.customerIds).toEqual(["7"]);
    expect(viaDuckDb.summary.spend[0]).toBe(15);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("reads a GBK .csv.gz file as the plain file is read in process", async () => {
    const plain = testDataPath(MARKETPLACE.file);
    const gz = write("marketplace-gbk.csv.gz", gzipSync(readFileSync(plain)));
    const { inProcess, viaDuckDb, duck } = await duckDbAgainst(gz, plain);
    expect(duck.text?.encoding).toBe("gbk");
    expectHandComputed(viaDuckDb, MARKETPLACE);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("reads a tab-separated GBK .tsv file as the in-process reader does", async () => {
    // In GBK a comma byte is never part of a character: the fixture's commas become tabs.
    const bytes = Buffer.from(
      readFileSync(testDataPath(MARKETPLACE.file)).map((b) => (b === 0x2c ? 0x09 : b)),
    );
    const file = write("marketplace.tsv", bytes);
    const { inProcess, viaDuckDb, duck } = await duckDbAgainst(file, file);
    expect([duck.text?.encoding, duck.text?.delimiter]).toEqual(["gbk", "\t"]);
    expectHandComputed(viaDuckDb, MARKETPLACE);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("reads a glob of two GBK files as one table, as the in-process reader reads them joined", async () => {
    const plain = testDataPath(MARKETPLACE.file);
    const [header, ...rows] = byteLines(readFileSync(plain));
    const crlf = Buffer.from("\r\n");
    const half = (name: string, part: Buffer[]) =>
      write(name, Buffer.concat([header, ...part].flatMap((line) => [line, crlf])));
    half("orders-2023.csv", rows.slice(0, 7));
    half("orders-2024.csv", rows.slice(7));
    const { inProcess, viaDuckDb } = await duckDbAgainst(path.join(dir, "orders-*.csv"), plain);
    expectHandComputed(viaDuckDb, MARKETPLACE);
    // Each example is named by its file and its row there: the first 7 lines in the first file.
    inProcess.table.quality = asInGlobFiles(inProcess.table.quality, [
      { name: "orders-2023.csv", rows: 7 },
      { name: "orders-2024.csv", rows: rows.length - 7 },
    ]);
    expect(withoutPlace(viaDuckDb)).toEqual(withoutPlace(inProcess));
    expect(perCustomer(viaDuckDb)).toEqual(perCustomer(inProcess));
    expect(viaDuckDb.table.members).toEqual(inProcess.table.members);
  });

  it.each([
    ["Latin-1", Buffer.from([0x5a, 0x6f, 0xe9]), "windows-1252", "Zoé"],
    // 张三 in GBK (Python's gbk codec): D5C5 C8FD.
    ["GBK", Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), "gbk", "张三"],
  ])(
    "reads a file whose first megabyte is plain ASCII and whose later lines are %s as the in-process reader does, decided on those lines",
    async (_name, late, encoding, name) => {
      // 7,000 lines of about 180 bytes (1.2 MB): the customer with a name that is not ASCII comes after
      // the first megabyte, where only DuckDB's reading finds that the file is not UTF-8.
      const lines = ["customer,date,amount,note"];
      const note = "a note of plain ASCII characters without accents; ".repeat(3);
      for (let k = 0; k < 7_000; k++)
        lines.push(`C${k % 500},2024-0${1 + (k % 9)}-1${k % 10},${(k % 50) + 0.5},${note}`);
      const ascii = Buffer.from(lines.join("\n") + "\n");
      const file = write(
        `late-${encoding}.csv`,
        Buffer.concat([ascii, late, Buffer.from(",2024-09-01,12.25,late\n")]),
      );
      expect(ascii.length).toBeGreaterThan(1 << 20);
      const { inProcess, viaDuckDb, duck } = await duckDbAgainst(file, file);
      expect(duck.files.fromClause).toMatch(/utf8\.txt/);
      expect(duck.text?.encoding).toBe(encoding);
      expect((await readCsvTable(file)).encoding).toBe(encoding);
      expect(viaDuckDb.summary.customerIds).toHaveLength(501);
      expect(viaDuckDb.summary.customerIds).toContain(name);
      expectSameAnalysis(inProcess, viaDuckDb);
    },
  );

  it("refuses a glob whose files have different columns or separators, naming both files, in English and Chinese", async () => {
    write("mixed-a.csv", "Member,Date,Amount\n1,2024-01-02,10\n");
    write("mixed-b.csv", "Member,Date,Total\n2,2024-01-03,12\n");
    await expect(readWithDuckDb(path.join(dir, "mixed-*.csv"), {}, silent)).rejects.toThrow(
      /mixed-\*\.csv: the files are read as one table, but mixed-b\.csv has the columns Member, Date, Total where mixed-a\.csv has the columns Member, Date, Amount; make them alike, or read each file on its own/,
    );
    write("semi-a.csv", "Member,Date,Amount\n1,2024-01-02,10\n");
    write("semi-b.csv", "Member;Date;Amount\n2;2024-01-03;12\n");
    const io = capture();
    const args = ["report", path.join(dir, "semi-*.csv"), "--engine", "duckdb", "--lang", "zh-CN"];
    expect(await run([...args, "--out", path.join(dir, "semi.xlsx")], io)).toBe(2);
    expect(io.stderr).toMatch(
      /semi-\*\.csv：这些文件作为一张表读取，但 semi-b\.csv 的字段分隔符是 分号，而 semi-a\.csv 的是 逗号/,
    );
  });

  it("loyalty report --engine duckdb on a titled GBK export gives the same figures and notes as --engine js", async () => {
    const file = write(
      "titled-report.csv",
      Buffer.concat([TITLE, readFileSync(testDataPath(MARKETPLACE.file))]),
    );
    const report = async (engine: string) => {
      const io = capture();
      const out = path.join(dir, `titled.${engine}.xlsx`);
      const args = ["report", file, "--out", out, "--sheets", "customers,data-quality", "--engine", engine];
      expect(await run([...args, "--json"], io)).toBe(0);
      const json = JSON.parse(io.stdout);
      return { customers: json.customers, revenue: Math.round(json.revenue * 100), read: json.read };
    };
    const viaDuckDb = await report("duckdb");
    expect(viaDuckDb.customers).toBe(totalsOf(MARKETPLACE).customers);
    expect(viaDuckDb).toEqual(await report("js"));
  });
});

/**
 * test/data/edge-no-header-title.txt: the CDNOW master's shape (customers and revenue worked out by hand in
 * test/exports/expected.ts) under the title line "CDNOW purchases 1997-1998". Read with --no-header, the
 * title was read as an order line (an unreadable date, and a customer "CDNOW" with no purchase) and it
 * kept the columns from being told apart by their alignment; now both readers leave row 1 out and say so.
 */
describe("a header-less file under a title line", () => {
  const CDNOW_SHAPE = expected("export-cdnow-master-shape.txt");
  const csv: CsvReadOptions = { header: "none" };
  const read = { columns: { customerId: "A", date: "B", quantity: "C", amount: "D" }, csv };

  it("leaves the title out in both readers: the order lines start on row 2, as counted by hand", async () => {
    const file = testDataPath("edge-no-header-title.txt");
    const { inProcess, viaDuckDb, table, duck } = await bothEngines(file, read, csv);
    expect(table.firstRow).toBe(2);
    expect(duck.files.firstRow).toBe(2);
    expect(inProcess.table.quality.rowsRead).toBe(26);
    expect(inProcess.table.quality.findings.filter((f) => f.count > 0)).toEqual([]);
    expectHandComputed(inProcess, CDNOW_SHAPE);
    expectHandComputed(viaDuckDb, CDNOW_SHAPE);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it.each([
    [
      "en",
      'edge-no-header-title.txt: left out row 1 above the order lines as a title ("CDNOW purchases 1997-1998"): ' +
        "narrower than the order lines and without a number, which every order line has",
    ],
    [
      "zh-CN",
      "edge-no-header-title.txt：订单行上方的第 1 行作为标题略过（“CDNOW purchases 1997-1998”）：" +
        "它比订单行窄，且没有数字，而每个订单行都有数字",
    ],
  ])(
    "says so the same with --engine js and --engine duckdb, in its note and on Data quality (%s)",
    async (language, said) => {
      const readNote = async (engine: string) => {
        const io = capture();
        const out = path.join(dir, `titled-no-header.${engine}.${language}.xlsx`);
        const args = ["report", testDataPath("edge-no-header-title.txt"), "--no-header"];
        args.push("--columns", "id,date,quantity,amount", "--sheets", "customers,data-quality");
        expect(await run([...args, "--engine", engine, "--lang", language, "--json", "--out", out], io)).toBe(
          0,
        );
        const json = JSON.parse(io.stdout) as {
          read?: string;
          dataQuality: { titleRows?: { rows: unknown[] } };
        };
        const label = READING_TEXTS[language as Language].titleRowsLabel;
        return {
          note: json.read,
          sheet: await sheetFact(out, "data-quality", label),
          rows: json.dataQuality.titleRows?.rows,
        };
      };
      const title = [{ row: 1, text: "CDNOW purchases 1997-1998" }];
      expect(await readNote("js")).toEqual({ note: said, sheet: said, rows: title });
      expect(await readNote("duckdb")).toEqual({ note: said, sheet: said, rows: title });
    },
  );

  it.each([
    [
      "en",
      'a.csv: left out row 1 above the order lines as a title ("Shop A export"): narrower than the order lines ' +
        "and without a number, which every order line has; " +
        'b.csv: left out row 1 above the order lines as a title ("Shop B export"): narrower than the order lines ' +
        "and without a number, which every order line has",
    ],
    [
      "zh-CN",
      "a.csv：订单行上方的第 1 行作为标题略过（“Shop A export”）：它比订单行窄，且没有数字，而每个订单行都有数字；" +
        "b.csv：订单行上方的第 1 行作为标题略过（“Shop B export”）：它比订单行窄，且没有数字，而每个订单行都有数字",
    ],
  ])(
    "says each file's title of a glob, naming the file, in its note and on Data quality (%s)",
    async (language, said) => {
      const folder = path.join(dir, `titled-glob-${language}`);
      mkdirSync(folder);
      // Rows 2-3 of a.csv and row 2 of b.csv are order lines: 3 rows read, customers 7, 8 and 9, 10 + 4 + 5.
      writeFileSync(path.join(folder, "a.csv"), "Shop A export\n7,2024-01-02,10\n8,2024-01-03,4\n");
      writeFileSync(path.join(folder, "b.csv"), "Shop B export\n9,2024-01-04,5\n");
      const io = capture();
      const out = path.join(folder, "report.xlsx");
      const args = ["report", path.join(folder, "*.csv"), "--no-header", "--columns", "id,date,amount"];
      args.push("--sheets", "customers,data-quality", "--lang", language, "--json", "--out", out);
      expect(await run(args, io)).toBe(0);
      const json = JSON.parse(io.stdout) as {
        read?: string;
        customers: number;
        revenue: number;
        dataQuality: { rowsRead: number; titleRows?: { rows: unknown[] } };
      };
      expect([json.dataQuality.rowsRead, json.customers, json.revenue]).toEqual([3, 3, 19]);
      expect(json.read).toBe(said);
      expect(json.dataQuality.titleRows?.rows).toEqual([
        { row: 1, text: "Shop A export", file: "a.csv" },
        { row: 1, text: "Shop B export", file: "b.csv" },
      ]);
      const label = READING_TEXTS[language as Language].titleRowsLabel;
      expect(await sheetFact(out, "data-quality", label)).toBe(said);
    },
  );

  it("reads a line with a number above the order lines as an order line (its problem listed), in both", async () => {
    // "7,2024-01-02," lacks its amount: narrower, but an order line; the comma title above it is left out.
    const file = write(
      "short-first.csv",
      "Orders export, Q1 2024\n7,2024-01-02,\n7,2024-01-05,10\n8,2024-01-06,4\n",
    );
    const columns = { columns: { customerId: "A", date: "B", amount: "C" }, csv };
    const { inProcess, viaDuckDb, table } = await bothEngines(file, columns, csv);
    expect(table.firstRow).toBe(2);
    const missing = inProcess.table.quality.findings.find((f) => f.reason === "nonNumericAmount");
    expect(missing?.examples.map((e) => e.row)).toEqual([2]);
    expectSameAnalysis(inProcess, viaDuckDb);
  });
});
