/**
 * The DuckDB engine names the rows of its data-quality examples as the in-process reader does, though
 * DuckDB skips empty lines (src/cli/duckdb/row-numbers.ts): a row is a line of the file, or several when
 * a quoted cell holds line breaks, as Excel numbers the rows of a .csv file it opens. Each file is an
 * order-export fixture of test/data (customers and revenue worked out by hand: test/exports/expected.ts)
 * with empty lines put in; the rows each finding must name are counted by hand below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { findEmptyRecords, RowNumbers } from "../../src/cli/duckdb/row-numbers";
import { orderTableFromDuckDb } from "../../src/cli/duckdb/to-engine";
import { analyzeOrderTable, type Analysis } from "../../src/engine/analyze";
import { readOrderTable } from "../../src/engine/data/read-orders";
import { readCsvTable } from "../../src/workbook/csv/read";
import { capture } from "../helpers/cli-io";
import { bothEngines, comparable, expectHandComputed, expectSameAnalysis } from "../helpers/duckdb-compare";
import { testDataPath } from "../helpers/test-data";
import { EXPECTED_EXPORTS, type ExpectedExport } from "../exports/expected";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-rows-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expected = (file: string) => EXPECTED_EXPORTS.find((e) => e.file === file) as ExpectedExport;
const SHOPIFY = expected("export-shopify.csv");
const CDNOW_SHAPE = expected("export-cdnow-master-shape.txt");

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The rows of a finding's examples and its count. */
function finding(a: Analysis, reason: string) {
  const f = a.table.quality.findings.find((x) => x.reason === reason);
  return { count: f?.count, rows: f?.examples.map((e) => e.row) };
}

/**
 * The Shopify export (10 lines) with empty lines put in and #1001's "Teapot" cell quoted over three
 * lines, one of them empty. File rows, as Excel shows the file:
 *  1 header             6 (empty)            11 #1004, second line
 *  2 (empty)            7 #1002              12 #1005
 *  3 #1001              8 #1003 (refunded)   13 #1005, second line
 *  4 #1001, Teapot      9 (empty)            14 #1006
 *  5 (empty)           10 #1004              then two empty lines
 * The empty row 2 is above the first order line and rows 15-16 below the last: not in the table.
 */
function shopifyWithEmptyLines(lineBreak: string): string {
  const [header, ...rows] = readFileSync(testDataPath(SHOPIFY.file), "utf8").trimEnd().split("\n");
  const teapot = rows[1].replace("Teapot", `"Teapot${lineBreak}${lineBreak}with lid"`);
  const lines = [header, "", rows[0], teapot, "", "", rows[2], rows[3], "", ...rows.slice(4), "", ""];
  return lines.join(lineBreak);
}

/** The rows above, `below` rows lower (title lines above the header). */
function expectShopifyRows(a: Analysis, below = 0) {
  const rows = (...numbers: number[]) => numbers.map((n) => n + below);
  expect(a.table.quality.rowsRead).toBe(12);
  expect(finding(a, "blankRow")).toEqual({ count: 3, rows: rows(5, 6, 9) });
  expect(finding(a, "repeatedOrderTotal")).toEqual({ count: 3, rows: rows(4, 11, 13) });
  expect(finding(a, "cancelledOrder")).toEqual({ count: 1, rows: rows(8) });
}

describe("the DuckDB engine numbers rows as the in-process reader does", () => {
  it("across empty lines and a quoted cell with line breaks (UTF-8, read by DuckDB as it is)", async () => {
    const file = write("shopify-gaps.csv", shopifyWithEmptyLines("\n"));
    const { inProcess, viaDuckDb, duck } = await bothEngines(file, {});
    expect(duck.files.fromClause).not.toMatch(/utf8\.txt/);
    expectHandComputed(viaDuckDb, SHOPIFY);
    expectShopifyRows(inProcess);
    expectShopifyRows(viaDuckDb);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("in a file DuckDB's parallel reader refuses (quoted line breaks beside padded rows), read again by one thread", async () => {
    // Rows: 1 header, 2 (empty, above the table), 3 customer 7, 4 and 5 (empty), 6 customer 8 with an
    // amount that is no number, 7 blanks, 8 customer 9, 9 customer 10 whose date is on two lines, 10
    // customer 11 with no number again, 11 blanks and 12 (empty) below the table.
    const file = write(
      "parallel-refused.csv",
      'Member,Date,Amount\n\n7,2024-01-02,10\n\n\n8,2024-01-03,abc\n , ,\n9,"2024-01-04",5\n10,"x\ny",3\n11,2024-01-05,xx\n ,,\n\n',
    );
    const { inProcess, viaDuckDb, duck } = await bothEngines(file, {});
    expect(duck.files.fromClause).toMatch(/parallel = false/);
    expect(viaDuckDb.summary.customerIds).toEqual(["7", "9"]);
    expect(viaDuckDb.table.quality.rowsRead).toBe(8);
    expect(finding(viaDuckDb, "blankRow")).toEqual({ count: 3, rows: [4, 5, 7] });
    expect(finding(viaDuckDb, "nonNumericAmount")).toEqual({ count: 2, rows: [6, 10] });
    expect(finding(viaDuckDb, "unparsableDate")).toEqual({ count: 1, rows: [9] });
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("in a file whose first quoted line break lies past the first megabyte: refused by DuckDB's parallel reader (by its exception type), read again by one thread", async () => {
    // 60,000 order lines (1.3 MB), then customer 10 whose note is on two lines, and a short row (no amount).
    const lines = ["Member,Date,Amount,Note"];
    for (let k = 0; k < 60_000; k++) lines.push(`${k % 300},2024-01-0${1 + (k % 9)},${k % 40},plain`);
    const file = write(
      "late-quoted-break.csv",
      [...lines, '10,2024-02-01,3,"x\ny"', "11,2024-02-02"].join("\n") + "\n",
    );
    expect(readFileSync(file).indexOf("\n", 1 << 20)).toBeLessThan(readFileSync(file).indexOf('"'));
    const { inProcess, viaDuckDb, duck } = await bothEngines(file, {});
    expect(duck.files.fromClause).toMatch(/parallel = false/);
    // Rows 2-60,001 the order lines, 60,002 customer 10's (one row on two lines), 60,003 customer 11's without an amount.
    expect(viaDuckDb.table.quality.rowsRead).toBe(60_002);
    expect(finding(viaDuckDb, "nonNumericAmount")).toEqual({ count: 1, rows: [60_003] });
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("in a Windows-1252 file with CRLF line breaks and title lines, read through its UTF-8 copy", async () => {
    // Two title lines and an empty one above the header: every row three lower.
    const title = "Orders export, March-April 2024\r\nStore: Example\r\n\r\n";
    const text = title + shopifyWithEmptyLines("\r\n").replaceAll("Anna Berg", "Anna Bérg");
    const file = write("shopify-gaps-1252.csv", Buffer.from(text, "latin1"));
    const { inProcess, viaDuckDb, duck } = await bothEngines(file, {});
    expect(duck.files.fromClause).toMatch(/utf8\.txt/);
    expectHandComputed(viaDuckDb, SHOPIFY);
    expectShopifyRows(viaDuckDb, 3);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("in a .csv.gz file DuckDB reads as it is, as the in-process reader numbers the plain file", async () => {
    const text = shopifyWithEmptyLines("\n");
    const plain = write("shopify-plain.csv", text);
    const gz = write("shopify-gaps.csv.gz", gzipSync(Buffer.from(text)));
    const { table } = await readCsvTable(plain);
    const inProcess = analyzeOrderTable(readOrderTable(table, {}));
    const duck = await readWithDuckDb(gz, {}, capture());
    try {
      expect(duck.files.fromClause).not.toMatch(/utf8\.txt/);
      const viaDuckDb = analyzeOrderTable(await orderTableFromDuckDb(duck.db, duck.read));
      expectShopifyRows(viaDuckDb);
      expect(comparable(viaDuckDb.table.quality)).toEqual(comparable(inProcess.table.quality));
    } finally {
      duck.close();
    }
  });

  it("in a header-less file of aligned columns, with rows of blanks and empty lines", async () => {
    // The CDNOW master's shape (26 lines of " 11101 19970101  1    11.00"): an empty line after line 3,
    // a line of blanks after line 5 (both blank rows, 4 and 7), and an unreadable date on line 10 (row 12).
    const lines = readFileSync(testDataPath(CDNOW_SHAPE.file), "utf8").trimEnd().split("\n");
    const broken = lines.map((l, k) => (k === 9 ? l.replace(/19970(\d)(\d\d)/, "1997$1x$2") : l));
    const text = [...broken.slice(0, 3), "", ...broken.slice(3, 5), "      ", ...broken.slice(5), ""].join(
      "\n",
    );
    const file = write("cdnow-gaps.txt", text);
    const csv = { header: "none" as const };
    const read = { columns: { customerId: "A", date: "B", quantity: "C", amount: "D" }, csv };
    const { inProcess, viaDuckDb } = await bothEngines(file, read, csv);
    expect(finding(viaDuckDb, "blankRow")).toEqual({ count: 2, rows: [4, 7] });
    expect(finding(viaDuckDb, "unparsableDate")).toEqual({ count: 1, rows: [12] });
    expectSameAnalysis(inProcess, viaDuckDb);
  });
});

describe("findEmptyRecords", () => {
  it("finds an empty line at the seam of the 4 MiB pieces it reads, and none in a quoted cell or at the end", async () => {
    // The header (15 bytes), N lines of 20 bytes and one of 29 end exactly at 4 MiB: the empty line is
    // the first byte of the second piece, the line break before it the last of the first.
    const line = "123456,2024-01-02,9\n";
    const n = 209_713;
    const head = `id,date,amount\n${line.repeat(n)}1234567,2024-01-02,123456789\n`;
    expect(Buffer.byteLength(head)).toBe(1 << 22);
    const file = write("seam.csv", `${head}\n${line.repeat(3)}\n\n`);
    const at = { file, linesAbove: 1, headerRow: 1, lineBreak: "\n" as const, delimiter: 0x2c };
    // Rows: 1 the header, 2 .. n + 1 the lines, n + 2 the long one, n + 3 the empty one.
    expect(await findEmptyRecords(at)).toEqual({ empties: [n + 3], blankAtEnd: 0 });
    const quoted = write("quoted.csv", `id,date,note\n7,2024-01-02,"a\n\nb"\n${line}\n\n`);
    expect(await findEmptyRecords({ ...at, file: quoted })).toEqual({ empties: [], blankAtEnd: 0 });
    const trailing = write("trailing.csv", `id,date,amount\n${line.repeat(5)}\n\n\n`);
    expect(await findEmptyRecords({ ...at, file: trailing })).toEqual({ empties: [], blankAtEnd: 0 });
  });

  it("counts the rows of separators and blanks below the last filled line, not the empty ones", async () => {
    const at = { linesAbove: 1, headerRow: 1, lineBreak: "\n" as const, delimiter: 0x2c };
    // Below the last order line: ",,", " , ", an empty line, '"",""' and ",," without a line break: 4 rows.
    const file = write("blank-end.csv", 'id,date,amount\r\n7,2024-01-02,9\r\n,,\r\n , \r\n\r\n"",""\r\n,,');
    // The empty line (row 5) lies between rows DuckDB reads: listed, and left out below the table's last row.
    expect(await findEmptyRecords({ ...at, file })).toEqual({ empties: [5], blankAtEnd: 4 });
    // A blank row between order lines is no row at the end.
    const inside = write("blank-inside.csv", "id,date,amount\n7,2024-01-02,9\n,,\n8,2024-01-03,1\n");
    expect(await findEmptyRecords({ ...at, file: inside })).toEqual({ empties: [], blankAtEnd: 0 });
  });

  it("maps DuckDB's rows to the file's rows and the in-process table's", () => {
    // Header on row 1; rows 2 and 5 empty; a blank row (DuckDB's row 0, file row 3) above the first
    // filled row 4.
    const rows = new RowNumbers(1, 4, [2, 5, 9]);
    expect([0, 1, 2, 3, 4, 5].map((r) => rows.fileRow(r))).toEqual([3, 4, 6, 7, 8, 10]);
    expect(rows.tableRow(2)).toBe(2);
    expect(rows.rowsAboveTable()).toBe(1);
    expect(rows.emptyRowsInTable(10, 5)).toEqual({ count: 2, first: [1, 5] });
  });
});
