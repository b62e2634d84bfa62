/**
 * A text file whose quotes break CSV's rule (a quote inside a quoted cell is doubled: "") is refused by
 * both readers with the same message, naming the file, the row and the column: DuckDB is told CSV's
 * quoting (quote and escape '"', strict), and when it cannot read a file the file is parsed as the
 * in-process reader parses it to find that row (src/cli/duckdb/text-input.ts, textProblemOf). Before,
 * DuckDB guessed a backslash escape and read such a file silently where the in-process reader refused it.
 *
 * test/data/edge-backslash-quotes.csv is a MySQL-style export: row 3's note (column D) is
 * "said \"thanks\" at the till", a quote escaped with a backslash.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWithDuckDb } from "../../src/cli/duckdb/engine-choice";
import { run } from "../../src/cli/main";
import { messageText, type MessageDetail } from "../../src/i18n/messages";
import { UserError } from "../../src/user-error";
import { readCsvTable } from "../../src/workbook/csv/read";
import { capture } from "../helpers/cli-io";
import { testDataPath } from "../helpers/test-data";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-duckdb-quotes-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = testDataPath("edge-backslash-quotes.csv");

/** What each reader throws on `file`: the error, in English and in Chinese. */
async function refusals(file: string) {
  const said = (e: unknown) => {
    expect(e).toBeInstanceOf(UserError);
    const { message, detail } = e as UserError;
    return { en: message, zh: messageText("zh-CN", detail as MessageDetail) };
  };
  const inProcess = said(await readCsvTable(file).catch((e: unknown) => e));
  const viaDuckDb = said(await readWithDuckDb(file, {}, capture()).catch((e: unknown) => e));
  return { inProcess, viaDuckDb };
}

const BACKSLASH =
  'a quote inside this quoted field is escaped with a backslash (\\"), as some databases export it, where CSV doubles it (""); export the file again with quotes doubled';

describe("a quote that breaks CSV's rule", () => {
  it('after a quoted cell and a space ("x" "y", which DuckDB alone once read as x y): both refuse it alike', async () => {
    const file = path.join(dir, "after-quote.csv");
    writeFileSync(file, 'Member,Date,Amount,Note\n7,2024-03-01,10.50,"x" "y"\n8,2024-03-02,4,ok\n');
    const { inProcess, viaDuckDb } = await refusals(file);
    expect(inProcess.en).toMatch(/^after-quote\.csv, row 2, column D \(Note\): /);
    expect(viaDuckDb).toEqual(inProcess);
  });

  it('escaped with a backslash (\\"): both readers refuse the file, naming row 3, column D (note)', async () => {
    const { inProcess, viaDuckDb } = await refusals(FIXTURE);
    expect(inProcess.en).toBe(
      `edge-backslash-quotes.csv, row 3, column D (note): ${BACKSLASH} ` +
        '(read as utf-8, fields separated by comma; --delimiter or --encoding, or "source" in the settings, read it otherwise)',
    );
    expect(inProcess.zh).toMatch(
      /^edge-backslash-quotes\.csv，第 3 行，D 列（note）：带引号的字段中的引号用反斜杠转义/,
    );
    expect(viaDuckDb).toEqual(inProcess);
  });

  it.each([
    // The row's number counts the 100,000 lines above it and the header; the cell is in column D.
    [
      "escaped with a backslash",
      '1002,2024-01-06,12.50,"said \\"thanks\\" at the till"',
      "D",
      "escaped with a backslash",
    ],
    ["followed by more text", '1002,2024-01-06,12.50,"Bob" Smith', "D", "not doubled"],
    ["never closed", '1002,2024-01-06,"12.50,note', "C", "is never closed"],
  ])(
    "%s past the first megabyte (where DuckDB's sniffer does not look): the same message from both, naming that row",
    async (_what, bad, column, said) => {
      const lines = ["member_id,order_date,amount,note"];
      for (let k = 0; k < 100_000; k++) lines.push(`${1000 + (k % 97)},2024-01-05,25.00,"gift wrap"`);
      const file = path.join(dir, `deep-${column}-${lines.length}.csv`);
      writeFileSync(file, [...lines, bad, "1003,2024-03-01,5.00,"].join("\n") + "\n");
      expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
      const { inProcess, viaDuckDb } = await refusals(file);
      expect(inProcess.en).toMatch(
        new RegExp(`^deep-${column}-100001\\.csv, row 100002, column ${column} \\(.*\\): .*${said}`),
      );
      expect(viaDuckDb).toEqual(inProcess);
    },
  );

  it.each(["en", "zh-CN"])(
    "loyalty report says it the same with --engine duckdb as with --engine js (%s), exit 2",
    async (language) => {
      const said = async (engine: string) => {
        const io = capture();
        const out = path.join(dir, `quotes-${engine}.xlsx`);
        expect(await run(["report", FIXTURE, "--engine", engine, "--lang", language, "--out", out], io)).toBe(
          2,
        );
        return io.stderr;
      };
      const js = await said("js");
      expect(js).toContain(language === "en" ? "row 3, column D (note)" : "第 3 行，D 列（note）");
      expect(await said("duckdb")).toBe(js);
    },
  );

  it('in a quoted cell written as CSV writes it ("") is read alike by both', async () => {
    const file = path.join(dir, "doubled.csv");
    const text = readFileSync(FIXTURE, "utf8").replaceAll('\\"', '""');
    writeFileSync(file, text);
    const io = capture();
    const out = path.join(dir, "doubled.xlsx");
    expect(await run(["report", file, "--engine", "duckdb", "--json", "--out", out], io)).toBe(0);
    // 1001 bought 25.00 and 30.00, 1002 12.50.
    const json = JSON.parse(io.stdout) as { customers: number; revenue: number };
    expect([json.customers, Math.round(json.revenue * 100)]).toEqual([2, 6750]);
  });
});
