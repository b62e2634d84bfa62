/**
 * Two text files on which DuckDB's own reader once disagreed with the in-process reader (and with Excel),
 * now read alike by both (src/cli/duckdb/text-input.ts, order-files.ts):
 *
 * - test/data/edge-short-first-line.csv: header-less order lines under a title, the first line short
 *   (`7,2024-03-01`). DuckDB's format sniffer failed on it; DuckDB is now told the separator, the header
 *   row and the columns the in-process reading decided, and sniffs nothing.
 * - test/data/edge-space-before-quote.csv: a space before a quoted cell (`10.50, "window seat"`). Excel
 *   and the in-process reader take a cell for quoted only when its first character is a quote; DuckDB
 *   dropped one space before a quote. Such a file is now read by DuckDB through a copy written from the
 *   in-process reading.
 *
 * What each must give is counted by hand below; the two engines are then compared on everything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { quoteAfterSpace } from "../../src/cli/duckdb/text-input";
import type { Analysis } from "../../src/engine/analyze";
import type { CsvReadOptions } from "../../src/workbook/csv/table";
import { bothEngines, expectSameAnalysis } from "../helpers/duckdb-compare";
import { testDataPath } from "../helpers/test-data";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-agree-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const revenueCents = (a: Analysis) =>
  Math.round(Array.from(a.summary.spend).reduce((x, y) => x + y, 0) * 100);
const rowsOf = (a: Analysis, reason: string) =>
  a.table.quality.findings.find((f) => f.reason === reason)?.examples.map((e) => e.row);

describe("a first order line shorter than the others, under a title (edge-short-first-line.csv)", () => {
  const csv: CsvReadOptions = { header: "none" };
  const read = { columns: { customerId: "A", date: "B", amount: "C" }, csv };

  it("is an order line without an amount in both readers: 2 customers, 17.75 of revenue", async () => {
    const { inProcess, viaDuckDb, table } = await bothEngines(
      testDataPath("edge-short-first-line.csv"),
      read,
      csv,
    );
    // Row 1 is the title; row 2 (7, 2024-03-01, no amount) is left out for its blank amount.
    expect(table.firstRow).toBe(2);
    expect(rowsOf(inProcess, "nonNumericAmount")).toEqual([2]);
    expect([...inProcess.summary.customerIds]).toEqual(["7", "8"]);
    // 10.50 + 3.00 for customer 7, 4.25 for customer 8.
    expect(revenueCents(inProcess)).toBe(1775);
    expectSameAnalysis(inProcess, viaDuckDb);
  });
});

describe("a row wider than the header past the first megabyte", () => {
  it("has its cells right of the table's columns left out by both readers", async () => {
    const plain = Array.from({ length: 60_000 }, (_, k) => `${100 + (k % 500)},2024-01-02,1.00`);
    const file = write(
      "wide-late.csv",
      ["Member,Date,Amount", ...plain, "9,2024-03-10,2.50,a note,more", ""].join("\n"),
    );
    const { inProcess, viaDuckDb } = await bothEngines(file, {});
    // 60,000 lines of 1.00 and the wide line's 2.50.
    expect(revenueCents(inProcess)).toBe(6_000_250);
    expectSameAnalysis(inProcess, viaDuckDb);
  });
});

describe("a space before a quote (edge-space-before-quote.csv)", () => {
  it('reads " \\"9\\"" as that text and " \\"2.50\\"" as no number, as Excel, in both readers', async () => {
    const { inProcess, viaDuckDb } = await bothEngines(testDataPath("edge-space-before-quote.csv"), {});
    // Customer "9" (row 4, quotes kept as Excel shows them) is not customer 9 (row 6).
    expect([...inProcess.summary.customerIds]).toEqual(["7", "8", '"9"', "9"]);
    // 10.50 + 4.25 + 3.00 + 1.00; row 5's ' "2.50"' is no amount.
    expect(revenueCents(inProcess)).toBe(1875);
    expect(rowsOf(inProcess, "nonNumericAmount")).toEqual([5]);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it("is found past the first megabyte too, and the rows keep their numbers", async () => {
    // 60,000 order lines (1.6 MB) with an empty line among them, then the fixture's lines.
    const plain = Array.from({ length: 60_000 }, (_, k) => `${100 + (k % 500)},2024-01-02,1.00,`);
    const [header, ...rest] = readFileSync(testDataPath("edge-space-before-quote.csv"), "utf8").split("\n");
    const file = write(
      "late-space.csv",
      [header, ...plain.slice(0, 10), "", ...plain.slice(10), ...rest].join("\n"),
    );
    const { inProcess, viaDuckDb } = await bothEngines(file, {});
    expect(inProcess.summary.customerIds).toContain('"9"');
    // The header, the empty row 12 and 60,000 lines above: row 5 of the fixture is row 60,006.
    expect(rowsOf(inProcess, "nonNumericAmount")).toEqual([60_006]);
    expectSameAnalysis(inProcess, viaDuckDb);
  });

  it.each([
    // [what, the bytes, where they start relative to the end of the first 4 MB piece, found]
    ["a comma | a space and a quote", ', "', -1, true],
    ["a comma and a space | a quote", ', "', -2, true],
    ["a line break and a space | a quote", '\n "', -2, true],
    ["two spaces | a quote (DuckDB keeps both, as Excel)", '  "', -2, false],
  ])("is searched for across the pieces the file is read in: %s", async (_, text, at, found) => {
    const bytes = Buffer.alloc((1 << 22) + 8, "a");
    bytes.write(text, (1 << 22) + at, "latin1");
    const file = write("seam.csv", bytes);
    expect(await quoteAfterSpace(file, ",".charCodeAt(0))).toBe(found);
  });
});
