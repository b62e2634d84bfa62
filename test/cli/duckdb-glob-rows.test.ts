/**
 * A glob's files are read by DuckDB as one table, but each row a message or example names is named by its
 * file and its row in that file, as the user finds it by opening the file (src/cli/duckdb/glob-row-numbers.ts):
 * title rows, the header and empty lines counted in each file as for a single file
 * (src/cli/duckdb/row-numbers.ts). The files are written here; every row below is counted by hand.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { analyzeOrderTable, type Analysis } from "../../src/engine/analyze";
import type { QualityExample } from "../../src/engine/data/quality";
import { cellPlaceText } from "../../src/engine/text/places";
import { run } from "../../src/cli/main";
import { UserError } from "../../src/user-error";
import { messageText, type MessageDetail } from "../../src/i18n/messages";
import { capture } from "../helpers/cli-io";
import { tableRows } from "../helpers/refresh-corpus";
import { testDataPath } from "../helpers/test-data";
import { readCsvTable } from "../../src/workbook/csv/read";
import { readOrderTable } from "../../src/engine/data/read-orders";
import { DEFAULT_EXAMPLES_PER_REASON } from "../../src/engine/data/quality";
import { openDuckDb } from "../../src/cli/duckdb/session";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-glob-rows-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = ["Orders export Q1 2024", "", "Member,Date,Amount"];

/**
 * Rows 1-3 of each file: a title, an empty line, the header. Then, file by file:
 *  a  4 customer 7   5 (empty)   6 customer 8, amount "abc"   7 customer 9   8 (empty)   9 customer 10
 *     10 customer 7 again, the same line as row 4   then two empty lines
 *  b  4 customer 12 on 30 February   5 (empty)   6 customer 13   7 no customer id
 *  c  4 customer 14, amount "abc"    5 customer 15
 * Each is written as a .csv file and as a .csv.gz file (a glob takes files of one kind).
 */
const FILES: Record<string, string[]> = {
  a: [
    "7,2024-01-02,10",
    "",
    "8,2024-01-03,abc",
    "9,2024-01-04,5",
    "",
    "10,2024-01-05,4",
    "7,2024-01-02,10",
    "",
    "",
  ],
  b: ["12,2024-02-30,4", "", "13,2024-02-01,6", ",2024-02-02,3"],
  c: ["14,2024-03-01,abc", "15,2024-03-02,7"],
};

/** The files in a folder of their own, each name ending in `ext`; returns the folder. */
function writeFiles(ext: string): string {
  const at = path.join(dir, ext.slice(1));
  mkdirSync(at, { recursive: true });
  for (const [name, lines] of Object.entries(FILES)) {
    const text = [...TITLE, ...lines].join("\n") + "\n";
    writeFileSync(path.join(at, name + ext), ext.endsWith(".gz") ? gzipSync(Buffer.from(text)) : text);
  }
  return at;
}

async function analyse(input: string): Promise<Analysis> {
  const duck = await readWithDuckDb(input, {}, capture());
  try {
    return analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read));
  } finally {
    duck.close();
  }
}

/** Each finding's examples as "file:row" (the file left out when there is none). */
function places(a: Analysis, reason: string): string[] {
  const f = a.table.quality.findings.find((x) => x.reason === reason);
  return (f?.examples ?? []).map((e: QualityExample) => (e.file ? `${e.file}:${e.row}` : String(e.row)));
}

const count = (a: Analysis, reason: string) =>
  a.table.quality.findings.find((x) => x.reason === reason)?.count;

describe.each([".csv", ".csv.gz"])("the rows of a glob's %s files", (ext) => {
  const [a1, b1, c1] = ["a", "b", "c"].map((name) => name + ext);
  let glob: string;
  beforeAll(() => {
    glob = path.join(writeFiles(ext), `*${ext}`);
  });

  it("are named by their file and their row there, empty lines counted in each file", async () => {
    const a = await analyse(glob);
    // a.csv rows 4-10, b.csv.gz rows 4-7, c.csv rows 4-5 (title rows, header and trailing empty lines are no rows).
    expect(a.table.quality.rowsRead).toBe(7 + 4 + 2);
    expect(places(a, "blankRow")).toEqual([`${a1}:5`, `${a1}:8`, `${b1}:5`]);
    expect(count(a, "blankRow")).toBe(3);
    expect(places(a, "nonNumericAmount")).toEqual([`${a1}:6`, `${c1}:4`]);
    expect(places(a, "unparsableDate")).toEqual([`${b1}:4`]);
    expect(places(a, "blankId")).toEqual([`${b1}:7`]);
    expect(places(a, "duplicateLine")).toEqual([`${a1}:10`]);
    // Customers 8, 12 and 14 have a line but no purchase: each named where it first appears.
    expect(places(a, "noPurchase")).toEqual([`${a1}:6`, `${b1}:4`, `${c1}:4`]);
    expect(a.summary.customerIds).toEqual(["7", "9", "10", "13", "15"]);
  });

  it("name the file in the place a message gives, in English and Chinese", async () => {
    const a = await analyse(glob);
    const f = a.table.quality.findings.find((x) => x.reason === "unparsableDate");
    const e = f?.examples[0] as QualityExample;
    expect(e.where).toBe(`${b1}, row 4, column B (Date)`);
    expect(cellPlaceText("en", a.table.quality, e)).toBe(`${b1}, row 4, column B (Date)`);
    expect(cellPlaceText("zh-CN", a.table.quality, e)).toBe(`${b1}，第 4 行，B 列（Date）`);
  });

  it("are the rows each file gives when read alone", async () => {
    const whole = await analyse(glob);
    let rowsRead = 0;
    for (const name of [a1, b1, c1]) {
      const alone = await analyse(path.join(path.dirname(glob), name));
      rowsRead += alone.table.quality.rowsRead;
      for (const finding of alone.table.quality.findings) {
        if (finding.unit !== "rows") continue;
        const inGlob = places(whole, finding.reason).filter((p) => p.startsWith(`${name}:`));
        expect([finding.reason, inGlob]).toEqual([
          finding.reason,
          places(alone, finding.reason).map((r) => `${name}:${r}`),
        ]);
      }
    }
    expect(whole.table.quality.rowsRead).toBe(rowsRead);
  });

  it.each([
    ["en", ["Finding", "File", "Row", "Column", "Header", "Value", "Why"]],
    ["zh-CN", ["问题", "文件", "行", "列", "表头", "值", "原因"]],
  ])("are listed with their file on the report's Data quality sheet (%s)", async (language, header) => {
    const out = path.join(dir, `glob-${ext.slice(1)}-${language}.xlsx`);
    const io = capture();
    expect(await run(["report", glob, "--engine", "duckdb", "--lang", language, "--out", out], io)).toBe(0);
    const rows = await tableRows(out, "LL_DataQualityExamples");
    expect(rows[0]).toEqual(header);
    // Each example's file and row, as counted above.
    const fileRows = rows.slice(1).map((r) => `${String(r[1])}:${String(r[2])}`);
    expect(fileRows).toEqual(
      expect.arrayContaining([
        `${a1}:5`,
        `${a1}:8`,
        `${b1}:5`,
        `${a1}:6`,
        `${c1}:4`,
        `${b1}:4`,
        `${b1}:7`,
        `${a1}:10`,
      ]),
    );
  });
});

describe("a glob whose files disagree on the decimal separator", () => {
  it("names the file of each amount that proves it, in English and Chinese", async () => {
    const folder = path.join(dir, "decimals");
    mkdirSync(folder);
    // Row 2 of a.csv has a decimal comma ("1,5" quoted), row 3 of b.csv a decimal point.
    writeFileSync(path.join(folder, "a.csv"), 'Member,Date,Amount\n7,2024-01-02,"1,5"\n');
    writeFileSync(path.join(folder, "b.csv"), "Member,Date,Amount\n8,2024-01-03,4\n9,2024-01-04,2.25\n");
    const error = await analyse(path.join(folder, "*.csv")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const { message, detail } = error as UserError;
    expect(message).toMatch(
      /^a\.csv, row 2, column C \(Amount\): "1,5" uses a decimal comma but "2\.25" \(b\.csv, row 3, column C\)/,
    );
    expect(messageText("zh-CN", detail as MessageDetail)).toMatch(
      /^a\.csv，第 2 行，C 列（Amount）：“1,5”使用小数逗号，而“2\.25”（b\.csv，第 3 行 C 列）/,
    );
  });
});

describe("a glob that names .csv and .csv.gz files alike (`*.csv*`)", () => {
  it("reads them as one table, each file named as it is", async () => {
    const folder = path.join(dir, "mixed-compression");
    mkdirSync(folder);
    for (const [name, lines] of Object.entries(FILES)) {
      const text = [...TITLE, ...lines].join("\n") + "\n";
      // b is compressed, a and c are not.
      if (name === "b") writeFileSync(path.join(folder, "b.csv.gz"), gzipSync(Buffer.from(text)));
      else writeFileSync(path.join(folder, `${name}.csv`), text);
    }
    const a = await analyse(path.join(folder, "*.csv*"));
    expect(a.table.quality.rowsRead).toBe(7 + 4 + 2);
    expect(places(a, "blankRow")).toEqual(["a.csv:5", "a.csv:8", "b.csv.gz:5"]);
    expect(places(a, "unparsableDate")).toEqual(["b.csv.gz:4"]);
    expect(a.summary.customerIds).toEqual(["7", "9", "10", "13", "15"]);
  });

  it("refuses Parquet and text files in one glob, naming one of each and the pattern that fixes it", async () => {
    const folder = path.join(dir, "mixed-kinds");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "2024.parquet"), "not read: the kinds are checked first");
    writeFileSync(path.join(folder, "2025.csv"), "Member,Date,Amount\n7,2024-01-02,10\n");
    const error = await analyse(path.join(folder, "*")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const { message, detail } = error as UserError;
    expect(message).toContain("names Parquet files (2024.parquet) and text files (2025.csv)");
    expect(message).toContain("orders/*.csv*");
    expect(messageText("zh-CN", detail as MessageDetail)).toContain(
      ".parquet 文件（2024.parquet）和文本文件（2025.csv）",
    );
  });
});

/**
 * test/data/edge-glob-blank-*.csv: rows of separators (`,,`, as Excel saves a formatted row without
 * values) above, between and below each file's order lines. Read alone, the in-process reader's table of
 * file 1 is rows 2-4 (7; a blank row 3; 8) and of file 2 rows 4-6 (9 with amount "abc"; a blank row 5;
 * 10): the `,,` rows above the first and below the last order line of a file are no rows of it, in the
 * glob either, where they once counted as blank rows (and a file's leading one took its predecessor's row).
 */
describe("a glob whose files have rows of separators (,,) above and below their order lines", () => {
  const [first, second] = ["edge-glob-blank-1.csv", "edge-glob-blank-2.csv"];
  const glob = testDataPath("edge-glob-blank-*.csv");

  it("reads each file's rows as the in-process reader reads that file alone", async () => {
    const alone = new Map<string, Analysis>();
    for (const name of [first, second]) {
      const { table } = await readCsvTable(testDataPath(name));
      alone.set(name, analyzeOrderTable(readOrderTable(table, {})));
    }
    const one = alone.get(first) as Analysis;
    const two = alone.get(second) as Analysis;
    expect([one.table.quality.rowsRead, two.table.quality.rowsRead]).toEqual([3, 3]);
    expect([places(one, "blankRow"), places(two, "blankRow")]).toEqual([["3"], ["5"]]);

    const whole = await analyse(glob);
    expect(whole.table.quality.rowsRead).toBe(3 + 3);
    expect(count(whole, "blankRow")).toBe(2);
    expect(places(whole, "blankRow")).toEqual([`${first}:3`, `${second}:5`]);
    expect(places(whole, "nonNumericAmount")).toEqual([`${second}:4`]);
    expect(places(whole, "noPurchase")).toEqual([`${second}:4`]);
    expect(whole.summary.customerIds).toEqual(["7", "8", "10"]);
    // 10.00 + 5.00 + 3.00.
    expect(Math.round(Array.from(whole.summary.spend).reduce((a, b) => a + b, 0) * 100)).toBe(1800);
    for (const [name, a] of alone) {
      for (const finding of a.table.quality.findings) {
        if (finding.unit !== "rows") continue;
        const inGlob = places(whole, finding.reason).filter((p) => p.startsWith(`${name}:`));
        expect([finding.reason, inGlob]).toEqual([
          finding.reason,
          places(a, finding.reason).map((r) => `${name}:${r}`),
        ]);
      }
    }
  });

  it.each([
    ["en", "Blank row"],
    ["zh-CN", "空行"],
  ])("lists the blank rows with their file on the Data quality sheet (%s)", async (language, label) => {
    const out = path.join(dir, `glob-blank-${language}.xlsx`);
    expect(
      await run(["report", glob, "--engine", "duckdb", "--lang", language, "--out", out], capture()),
    ).toBe(0);
    const rows = await tableRows(out, "LL_DataQualityExamples");
    const blank = rows.filter((r) => r[0] === label).map((r) => `${String(r[1])}:${String(r[2])}`);
    expect(blank).toEqual([`${first}:3`, `${second}:5`]);
  });
});

/**
 * Parquet files whose first or last rows are blank (every cell NULL, or text of spaces), as an export
 * that wrote empty rows around its lines gives them. The same rows as a CSV file (a NULL an empty cell)
 * read in process: its table runs from its first filled row to its last, so the Parquet file read alone
 * and each file of a glob must give the same rows (src/cli/duckdb/parquet-blank-rows.ts). The files are
 * made here by DuckDB; every row below is counted by hand (row 1 is the header).
 */
describe("a Parquet glob whose files have blank rows above and below their order lines", () => {
  type Row = [string | null, string | null, string | null];
  const blank: Row = [null, null, null];
  const blanks = (n: number): Row[] => Array.from({ length: n }, () => blank);
  /**
   * Text columns: p1 rows 2 blank, 3 customer 7, 4 blank, 5 customer 8, 6 blank, 7 a space (blank);
   * p2 rows 2-3 blank, 4 customer 9 amount "abc", 5 blank, 6 customer 10, 7 blank; p3 row 2 customer 11.
   */
  const TEXT: Record<string, Row[]> = {
    p1: [blank, ["7", "2024-01-02", "10.00"], blank, ["8", "2024-01-03", "5.00"], blank, [" ", null, " "]],
    p2: [...blanks(2), ["9", "2024-01-04", "abc"], blank, ["10", "2024-01-05", "3.00"], blank],
    p3: [["11", "2024-01-06", "2.50"]],
  };
  /**
   * DATE and DOUBLE columns, runs of blank rows longer than the first rows looked at: t1 rows 2-1501
   * blank, 1502 customer 7, 1503 blank, 1504 customer 8, 1505-2604 blank; t2 row 2 customer 9, 3 blank.
   */
  const TYPED: Record<string, Row[]> = {
    t1: [...blanks(1500), ["7", "2024-01-02", "10"], blank, ["8", "2024-01-03", "5"], ...blanks(1100)],
    t2: [["9", "2024-01-04", "3"], blank],
  };

  const sqlValue = (v: string | null) => (v === null ? "NULL" : `'${v}'`);
  /** Each file as Parquet (`types`: the Date and Amount columns' types) and as CSV, in a folder of its own. */
  async function writeFiles(name: string, files: Record<string, Row[]>, types: [string, string]) {
    const folder = path.join(dir, name);
    mkdirSync(folder);
    const db = await openDuckDb();
    try {
      for (const [file, rows] of Object.entries(files)) {
        const values = rows.map((r, k) => `(${k}, ${r.map(sqlValue).join(", ")})`).join(", ");
        await db.run(`COPY (SELECT "Member", CAST("Date" AS ${types[0]}) AS "Date",
            CAST("Amount" AS ${types[1]}) AS "Amount"
          FROM (VALUES ${values}) v(k, "Member", "Date", "Amount") ORDER BY k)
          TO '${path.join(folder, `${file}.parquet`)}' (FORMAT parquet)`);
        const csv = rows.map((r) => r.map((v) => v ?? "").join(",")).join("\n");
        writeFileSync(path.join(folder, `${file}.csv`), `Member,Date,Amount\n${csv}\n`);
      }
    } finally {
      db.close();
    }
    return folder;
  }

  /** The CSV file read in process, and the Parquet file read alone by DuckDB. */
  async function readAlone(folder: string, file: string): Promise<[Analysis, Analysis]> {
    const { table } = await readCsvTable(path.join(folder, `${file}.csv`));
    return [
      analyzeOrderTable(readOrderTable(table, {})),
      await analyse(path.join(folder, `${file}.parquet`)),
    ];
  }

  /** Each per-row finding of `alone`, as `file:row` (the glob's) or `row` (one file's). */
  const rowFindings = (a: Analysis, file?: string) =>
    a.table.quality.findings
      .filter((f) => f.unit === "rows")
      .map((f) => [f.reason, f.count, places(a, f.reason).map((p) => (file ? `${file}:${p}` : p))]);

  it.each([
    ["text", TEXT, ["VARCHAR", "VARCHAR"], [3, 3, 1], [["p1.parquet:4", "p2.parquet:5"], ["p2.parquet:4"]]],
    ["typed", TYPED, ["DATE", "DOUBLE"], [3, 1], [["t1.parquet:1503"], []]],
  ] as const)(
    "reads each file's rows as that file read alone, and as its CSV read in process (%s columns)",
    async (name, files, types, rowsRead, [blankRows, badAmounts]) => {
      const folder = await writeFiles(name, files, [...types]);
      const names = Object.keys(files);
      let expected: unknown[] = [];
      for (const [k, file] of names.entries()) {
        const [inProcess, parquet] = await readAlone(folder, file);
        expect([file, inProcess.table.quality.rowsRead, parquet.table.quality.rowsRead]).toEqual([
          file,
          rowsRead[k],
          rowsRead[k],
        ]);
        expect(rowFindings(parquet)).toEqual(rowFindings(inProcess));
        expect(parquet.summary.customerIds).toEqual(inProcess.summary.customerIds);
        expected = [...expected, ...rowFindings(inProcess, `${file}.parquet`)];
      }
      const whole = await analyse(path.join(folder, "*.parquet"));
      expect(whole.table.quality.rowsRead).toBe(rowsRead.reduce((a, b) => a + b, 0));
      expect(places(whole, "blankRow")).toEqual(blankRows);
      expect(count(whole, "blankRow")).toBe(blankRows.length);
      expect(places(whole, "nonNumericAmount")).toEqual(badAmounts);
      // The glob's findings are the files' alone, one file after the other.
      for (const reason of new Set(expected.map((e) => (e as [string])[0]))) {
        const ofReason = expected.filter((e) => (e as [string])[0] === reason) as [
          string,
          number,
          string[],
        ][];
        expect([reason, count(whole, reason), places(whole, reason)]).toEqual([
          reason,
          ofReason.reduce((n, e) => n + e[1], 0),
          ofReason.flatMap((e) => e[2]).slice(0, DEFAULT_EXAMPLES_PER_REASON),
        ]);
      }
    },
  );

  it("lists the blank rows with their file on the Data quality sheet", async () => {
    const folder = await writeFiles("sheet", TEXT, ["VARCHAR", "VARCHAR"]);
    const out = path.join(dir, "parquet-glob-blank.xlsx");
    expect(await run(["report", path.join(folder, "*.parquet"), "--out", out], capture())).toBe(0);
    const rows = await tableRows(out, "LL_DataQualityExamples");
    const blankRows = rows.filter((r) => r[0] === "Blank row").map((r) => `${String(r[1])}:${String(r[2])}`);
    expect(blankRows).toEqual(["p1.parquet:4", "p2.parquet:5"]);
  });
});
