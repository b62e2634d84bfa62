import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { UserError } from "../../src/user-error";
import { decodeText } from "../../src/workbook/csv/decode";
import { parseDelimitedText } from "../../src/workbook/csv/parse";
import { readCsvTable } from "../../src/workbook/csv/read";
import { neutraliseFormula, toCsv, writeCsvFile } from "../../src/workbook/csv/write";
import { cdnowSampleTable, testDataPath } from "../helpers/test-data";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function csvFile(content: string | Buffer, name = "orders.csv"): Promise<string> {
  const f = path.join(dir, `${++n}-${name}`);
  await fs.writeFile(f, content);
  return f;
}

/** Bytes of a few Chinese characters in GBK and Big5 (from Python's gbk and big5 codecs). */
const BIG5_CODES: Record<string, number> = {
  張: 0xb169,
  三: 0xa454,
  李: 0xa7f5,
  四: 0xa57c,
  王: 0xa4fd,
  五: 0xa4ad,
  晚: 0xb1df,
  到: 0xa8ec,
  會: 0xb77c,
  員: 0xadfb,
};
const GBK_CODES: Record<string, number> = {
  张: 0xd5c5,
  三: 0xc8fd,
  李: 0xc0ee,
  四: 0xcbc4,
  王: 0xcdf5,
  五: 0xcee5,
  晚: 0xcded,
  到: 0xb5bd,
  会: 0xbbe1,
  员: 0xd4b1,
};
/** The text's bytes in a legacy encoding: its characters by `codes`, the others ASCII. */
function encoded(text: string, codes: Record<string, number>): Buffer {
  return Buffer.from(
    [...text].flatMap((ch) => {
      const code = codes[ch];
      return code === undefined ? [ch.charCodeAt(0)] : [code >> 8, code & 0xff];
    }),
  );
}

describe("reading CSV files", () => {
  it("reads UTF-8 with a byte order mark (Excel's CSV UTF-8) and Chinese headers", async () => {
    const f = await csvFile("\uFEFF客户ID,日期,金额\r\nC1,2024-01-05,12.50\r\nC2,2024-01-06,3\r\n");
    const { table, encoding, delimiter } = await readCsvTable(f);
    expect(encoding).toBe("utf-8-bom");
    expect(delimiter).toBe(",");
    expect(table.headers).toEqual(["客户ID", "日期", "金额"]);
    expect(table.columns).toEqual([
      ["C1", "C2"],
      ["2024-01-05", "2024-01-06"],
      ["12.50", "3"],
    ]);
    expect(table.firstRow).toBe(2);
    expect(table.source).toMatch(/orders\.csv$/);
  });

  it("reads GBK, the encoding of CSV saved by Excel on Chinese Windows", async () => {
    // 客户ID,日期,金额 / C1,1,2 in GBK bytes.
    const header = [
      0xbf, 0xcd, 0xbb, 0xa7, 0x49, 0x44, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xbd, 0xf0, 0xb6, 0xee,
    ];
    const f = await csvFile(Buffer.concat([Buffer.from(header), Buffer.from("\r\nC1,1,2\r\n")]));
    const { table, encoding } = await readCsvTable(f);
    expect(encoding).toBe("gbk");
    expect(table.headers).toEqual(["客户ID", "日期", "金额"]);
  });

  it("decides a legacy encoding on the first bytes that are not ASCII, wherever they are: Latin-1, GBK, Big5 or UTF-8 after the first MB", () => {
    // 6,000 lines of plain ASCII (1.1 MB), then the first names with accents or Chinese characters.
    const ascii = Array.from(
      { length: 6_000 },
      (_, k) => `C${k},2024-01-0${1 + (k % 9)},${k % 50}.5,${"x".repeat(160)}`,
    );
    const head = Buffer.from(["customer,date,amount,note", ...ascii, ""].join("\n"));
    expect(head.length).toBeGreaterThan(1 << 20);
    const late = "Zoé,2024-09-01,12.25,late\nMüller,2024-09-02,3.5,late\n";
    const chinese = "张三,2024-09-01,12.25,晚到\n李四,2024-09-02,3.5,晚到\n王五,2024-09-03,8,会员\n";
    const traditional = "張三,2024-09-01,12.25,晚到\n李四,2024-09-02,3.5,晚到\n王五,2024-09-03,8,會員\n";
    const cases = [
      { bytes: Buffer.from(late, "latin1"), encoding: "windows-1252", text: late },
      { bytes: Buffer.from(new TextEncoder().encode(late)), encoding: "utf-8", text: late },
      { bytes: encoded(chinese, GBK_CODES), encoding: "gbk", text: chinese },
      { bytes: encoded(traditional, BIG5_CODES), encoding: "big5", text: traditional },
    ];
    for (const c of cases) {
      const decoded = decodeText(Buffer.concat([head, c.bytes]));
      expect([decoded.encoding, decoded.text.slice(head.length)]).toEqual([c.encoding, c.text]);
    }
  });

  it("detects UTF-16 with a byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\tb\n1\t2", "utf16le")]);
    expect(decodeText(bytes)).toEqual({ text: "a\tb\n1\t2", encoding: "utf-16le", detected: true });
  });

  it("detects semicolons, tabs and quoted fields holding delimiters and line breaks", () => {
    expect(parseDelimitedText("id;amount\n1;12,5\n2;3,0\n")).toMatchObject({
      delimiter: ";",
      rows: [
        ["id", "amount"],
        ["1", "12,5"],
        ["2", "3,0"],
      ],
    });
    expect(parseDelimitedText("id\tnote\n1\thello").delimiter).toBe("\t");
    expect(parseDelimitedText('id,note\n1,"a, b\nc ""quoted"""\n').rows[1]).toEqual([
      "1",
      'a, b\nc "quoted"',
    ]);
  });

  it("finds the header below a title line and keeps text that looks like a formula as text", async () => {
    const f = await csvFile("Orders export,,\n,,\nid,date,note\nA,2024-01-01,=1+1\nB,2024-01-02,@x\n\n\n");
    const { table } = await readCsvTable(f);
    expect(table.headers).toEqual(["id", "date", "note"]);
    expect(table.firstRow).toBe(4);
    expect(table.columns[2]).toEqual(["=1+1", "@x"]);
  });

  it("reads the whitespace-aligned CDNOW sample without a header row", async () => {
    const { table, delimiter } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
    expect(delimiter).toBe("whitespace");
    expect(table.headers).toEqual(["Column A", "Column B", "Column C", "Column D", "Column E"]);
    expect(table.columns.map((c) => c.length)).toEqual([6919, 6919, 6919, 6919, 6919]);
    // The same cells as the reference reader of the shared data.
    expect(table.columns).toEqual(cdnowSampleTable().columns);
    await expect(readCsvTable(testDataPath("CDNOW_sample.txt"))).rejects.toThrow(
      /CDNOW_sample\.txt: no header row found in rows 1-30/,
    );
  });

  it("reads the shared example transactions (15,273 rows)", async () => {
    const { table } = await readCsvTable(testDataPath("example_transactions.csv"));
    expect(table.headers).toEqual(["date", "id"]);
    expect(table.columns[0]).toHaveLength(15_273);
    expect(table.columns[0][0]).toBe("2014-03-08 00:00:00");
  });

  it("parses a long file piece by piece as papaparse parses it whole: quoted line breaks across pieces, a field longer than a piece, CRLF", () => {
    // 64 KB pieces: 3,000 lines of about 60 characters, a quoted note with line breaks every 7th line, and
    // one note of 200,000 characters (longer than three pieces) in the middle.
    const lines = ["id,note,amount"];
    for (let i = 0; i < 3_000; i++) {
      const note =
        i === 1_500
          ? `"${"x".repeat(200_000)}"`
          : i % 7 === 0
            ? `"line one\r\nline ""two"", ${i}"`
            : `plain ${i}`;
      lines.push(`C${i},${note},${(i * 1.25).toFixed(2)}`);
    }
    const text = lines.join("\r\n") + "\r\n";
    const whole = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: false }).data;
    whole.pop(); // the empty line after the last line break
    const { rows } = parseDelimitedText(text);
    expect(rows).toHaveLength(3_001);
    expect(rows).toEqual(whole);
    expect(rows[1_501][1]).toHaveLength(200_000);
    expect(rows[8]).toEqual(["C7", 'line one\r\nline "two", 7', "8.75"]);
  });

  it("names the right row of a problem beyond the first piece, and reads a long whitespace-aligned file", async () => {
    const good = Array.from({ length: 10_000 }, (_, i) => `C${i},ok ${i}`);
    const broken = await csvFile(["id,note", ...good, 'X,"never closed', "Y,z"].join("\n"), "late.csv");
    await expect(readCsvTable(broken)).rejects.toThrow(/late\.csv, row 10002, column B \(note\): /);
    const aligned = Array.from(
      { length: 25_000 },
      (_, i) => `  ${String(i).padStart(5, "0")}   19970101  ${i % 9}  `,
    );
    const { table, delimiter } = await readCsvTable(await csvFile(aligned.join("\n"), "cdnow.txt"), {
      header: "none",
    });
    expect(delimiter).toBe("whitespace");
    expect(table.columns[0]).toHaveLength(25_000);
    expect(table.columns[0][24_999]).toBe("24999");
    expect(table.columns[2][24_999]).toBe(String(24_999 % 9));
  });

  it("says what is wrong with an empty file, a workbook named .csv and an unclosed quote", async () => {
    await expect(readCsvTable(await csvFile("", "empty.csv"))).rejects.toThrow(
      /empty\.csv is empty \(0 bytes\)/,
    );
    await expect(readCsvTable(await csvFile("\n\n,,\n", "blank.csv"))).rejects.toThrow(/blank\.csv is empty/);
    await expect(
      readCsvTable(await csvFile(Buffer.from("PK\u0003\u0004xx", "latin1"), "book.csv")),
    ).rejects.toThrow(/book\.csv is a zip file/);
    const broken = await csvFile('id,note\n1,ok\n2,"never closed\n3,x\n', "broken.csv");
    await expect(readCsvTable(broken)).rejects.toThrow(
      /broken\.csv, row 3, column B \(note\): a quote opens this field and is never closed/,
    );
    await expect(readCsvTable(path.join(dir, "missing.csv"))).rejects.toBeInstanceOf(UserError);
  });

  it("says a header-less file under a title line has no header row, whether a comma cuts the title or not, and reads it without one, the title left out", async () => {
    const lines = ["00001,2024-01-05,20.5", "00002,2024-01-06,10", "00001,2024-02-05,30"];
    for (const title of ["Orders export, Q1 2024", "Orders export Q1 2024"]) {
      const file = await csvFile([title, ...lines].join("\n"), "titled.csv");
      await expect(readCsvTable(file)).rejects.toMatchObject({
        detail: { code: "noHeaderRow", first: 1, last: 4 },
      });
      const { table } = await readCsvTable(file, { header: "none" });
      expect(table.headers).toEqual(["Column A", "Column B", "Column C"]);
      // The title is no order line: narrower than the lines below it, without a number (said by the CLI).
      expect(table.firstRow).toBe(2);
      expect(table.columns[0]).toEqual(["00001", "00002", "00001"]);
      expect((await readCsvTable(file, { header: "none" })).titleRows).toEqual([
        { row: 1, text: title.replace(",", "") },
      ]);
    }
  });

  it("names the column of a quote problem: after quoted fields with separators, in the first column, under a header found later", async () => {
    // The third field of row 3, after a quoted field that holds a comma and a doubled quote.
    const stray = await csvFile('id,note,amount\n1,x,2\n2,"a, ""b""","3"4"\n', "stray.csv");
    await expect(readCsvTable(stray)).rejects.toThrow(
      /stray\.csv, row 3, column C \(amount\): a quote inside this quoted field is not doubled/,
    );
    // Semicolons: the second field; the header row is below a title line.
    const semicolons = await csvFile('Orders 2024\nid;note\n1;"open\n', "semi.csv");
    await expect(readCsvTable(semicolons, { delimiter: "semicolon" })).rejects.toThrow(
      /semi\.csv, row 3, column B \(note\): /,
    );
    // A quote problem in the header row itself: no header to name.
    const first = await csvFile('"id,note\n1,x\n', "first.csv");
    await expect(readCsvTable(first)).rejects.toThrow(/first\.csv, row 1, column A: /);
  });
});

describe("writing CSV files", () => {
  it("prefixes text a spreadsheet would run as a formula with an apostrophe, and only text", () => {
    expect(["=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "ok", "a=b"].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "ok",
      "a=b",
    ]);
    const csv = toCsv(
      [
        ["name", "amount", "date", "vip"],
        ['=HYPERLINK("http://evil")', -5, new Date(Date.UTC(2024, 0, 2)), true],
        ["Li, Na", 1.5, null, false],
      ],
      { bom: false },
    );
    expect(csv).toBe(
      'name,amount,date,vip\r\n"\'=HYPERLINK(""http://evil"")",-5,2024-01-02,TRUE\r\n"Li, Na",1.5,,FALSE\r\n',
    );
  });

  it("writes a file Excel reads as UTF-8 and our reader reads back", async () => {
    const f = path.join(dir, "out.csv");
    await writeCsvFile(f, [
      ["客户", "备注"],
      ["王五", "@home"],
    ]);
    const bytes = await fs.readFile(f);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { table } = await readCsvTable(f);
    expect(table.headers).toEqual(["客户", "备注"]);
    expect(table.columns[1]).toEqual(["'@home"]);
  });
});
