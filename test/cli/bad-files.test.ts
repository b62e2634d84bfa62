/**
 * The bad-file corpus: every file a user could give `loyalty fit` and `loyalty report`, made here (none is
 * committed). Each must end with a result or with one clear line naming the file (and the sheet, row and
 * column where there is one) and exit code 2; none may crash, hang or leave a partial output behind.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";
import { MAX_CELL_TEXT } from "../../src/sheet/sheet-model-cells";
import { capture } from "../helpers/cli-io";
import {
  day,
  encryptedWorkbookBytes,
  ORDER_HEADER,
  ORDER_ROWS,
  putOrders,
  workbookBytes,
  zipBombBytes,
} from "../helpers/bad-files";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-bad-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0000000000049454e44ae426082",
  "hex",
);

type Outcome = "result" | RegExp;

/** `loyalty fit` (BG/NBD) on the file: a fitted model or one clear line with exit code 2. */
async function fit(file: string, expected: Outcome, extra: string[] = []): Promise<string> {
  const io = capture();
  const code = await run(["fit", file, "--model", "bgnbd", ...extra], io);
  return check(io, code, expected, /BG\/NBD fitted to [\d,]+ customers?/);
}

/** `loyalty report` into a fresh folder: the workbook, or one clear line, exit 2 and no file at all. */
async function report(
  file: string,
  expected: Outcome,
  extra: string[] = [],
): Promise<{ message: string; out: string }> {
  const outDir = mkdtempSync(path.join(dir, "out-"));
  const out = path.join(outDir, "report.xlsx");
  const io = capture();
  const code = await run(["report", file, "--out", out, ...extra], io);
  const message = check(io, code, expected, /^Wrote .*report\.xlsx/);
  if (expected === "result") expect(existsSync(out)).toBe(true);
  // No partial output: nothing at all in the output folder after a failure (no temporary file either).
  else expect(readdirSync(outDir)).toEqual([]);
  return { message, out };
}

function check(io: ReturnType<typeof capture>, code: number, expected: Outcome, success: RegExp): string {
  if (expected === "result") {
    expect({ code, stderr: io.stderr }).toEqual({ code: 0, stderr: "" });
    expect(io.stdout).toMatch(success);
    return io.stdout;
  }
  const lines = io.stderr.trim().split("\n");
  expect({ code, stdout: io.stdout, lines: lines.length }).toEqual({ code: 2, stdout: "", lines: 1 });
  expect(lines[0]).toMatch(/^loyalty: /);
  expect(lines[0]).not.toMatch(/\bat .*\.[jt]s:\d+|\[object Object\]|undefined|NaN/);
  expect(lines[0]).toMatch(expected);
  return lines[0];
}

/** The cells of a sheet of the written report, by column header, as ExcelJS reads them. */
async function reportColumn(out: string, sheet: string, header: string): Promise<ExcelJS.CellValue[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  let headerRow = 0;
  let column = 0;
  ws.eachRow((row, r) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      if (cell.value === header) [headerRow, column] = [r, c];
    });
  });
  expect(headerRow).toBeGreaterThan(0);
  const values: ExcelJS.CellValue[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) values.push(ws.getCell(r, column).value);
  return values;
}

describe("bad-file corpus: not a spreadsheet", () => {
  it("an image named .xlsx or .csv", async () => {
    const xlsx = put("picture.xlsx", PNG);
    await fit(xlsx, /picture\.xlsx is not an \.xlsx workbook \(it is not a zip file\)/);
    await report(xlsx, /picture\.xlsx is not an \.xlsx workbook/);
    const csv = put("picture.csv", PNG);
    await fit(csv, /picture\.csv is not a text \(CSV\) file: it holds binary data/);
    await report(csv, /picture\.csv is not a text \(CSV\) file: it holds binary data/);
  });

  it("a workbook named .csv, a text file named .xlsx, an empty file, a folder, a .pdf", async () => {
    const book = put("orders-book.csv", await workbookBytes((ws) => putOrders(ws)));
    await fit(
      book,
      /orders-book\.csv is a zip file \(an \.xlsx workbook\?\), not a CSV file; name it \.xlsx/,
    );
    await report(book, /orders-book\.csv is a zip file/);
    const text = put("orders-text.xlsx", "Customer ID,Order date,Amount\nC1,2024-01-05,10\n");
    await fit(text, /orders-text\.xlsx is a text file, not an \.xlsx workbook; .* name it \.csv/);
    await report(text, /orders-text\.xlsx is a text file/);
    const empty = put("empty.csv", "");
    await fit(empty, /empty\.csv is empty \(0 bytes\)/);
    await report(empty, /empty\.csv is empty/);
    const folder = path.join(dir, "folder.csv");
    mkdirSync(folder);
    await fit(folder, /folder\.csv is a folder/);
    await fit(put("orders.pdf", "%PDF-1.4"), /orders\.pdf: cannot read \.pdf; give a \.csv or \.xlsx file/);
  });
});

describe("bad-file corpus: damaged, protected and hostile workbooks", () => {
  it("a truncated .xlsx", async () => {
    const whole = await workbookBytes((ws) => putOrders(ws));
    const cut = put("cut.xlsx", whole.subarray(0, Math.floor(whole.length * 0.6)));
    await fit(cut, /cut\.xlsx is damaged or incomplete/);
    await report(cut, /cut\.xlsx is damaged or incomplete/);
  });

  it("a password-protected workbook (an encrypted OLE container), as .xlsx and as .csv", async () => {
    const locked = put("locked.xlsx", encryptedWorkbookBytes());
    await fit(locked, /locked\.xlsx is password-protected \(encrypted\); .*remove the password/);
    await report(locked, /locked\.xlsx is password-protected/);
    const lockedCsv = put("locked.csv", encryptedWorkbookBytes());
    await fit(lockedCsv, /locked\.csv is not a text \(CSV\) file: .*password-protected workbook/);
  });

  it("a real zip bomb (honest sizes, 1,000:1) is refused before inflating, in bounded memory", async () => {
    const bomb = put("bomb.xlsx", await zipBombBytes(200));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().rss;
    await fit(
      bomb,
      /bomb\.xlsx is refused: its part xl\/worksheets\/sheet1\.xml would expand \d+ times to 200 MB/,
    );
    await report(bomb, /bomb\.xlsx is refused: .*zip bomb/);
    // Refused from the zip directory: the 200 MB were never inflated.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 ** 2);
  });

  it("a bomb below the ratio limit that would expand past 1 GB in all is refused too", async () => {
    const wide = put("wide-bomb.xlsx", await zipBombBytes(1100, 2000));
    await fit(wide, /wide-bomb\.xlsx is refused: it would expand to 1,100 MB, more than the 1,024 MB/);
    await report(wide, /wide-bomb\.xlsx is refused: it would expand to 1,100 MB/);
  });

  it("a sheet of nothing but 100 MB of blanks (within the limits) is read by streaming and found empty", async () => {
    const blank = put("blank.xlsx", await zipBombBytes(100, 2000));
    await fit(blank, /blank\.xlsx, sheet Orders is empty: no cell has a value/);
    await report(blank, /blank\.xlsx, sheet Orders is empty/);
  });
});

describe("bad-file corpus: --in-place never touches a file it cannot read", () => {
  it.each([
    [
      "truncated",
      async () => (await workbookBytes((ws) => putOrders(ws))).subarray(0, 3000),
      /is damaged or incomplete/,
    ],
    ["password-protected", async () => encryptedWorkbookBytes(), /is password-protected/],
    ["a zip bomb", async () => zipBombBytes(200), /is refused: .*zip bomb/],
    [
      "without an order table",
      async () => workbookBytes((ws) => (ws.getCell("A1").value = "nothing here")),
      /book\.xlsx, sheet Orders: there are no rows below the header row/,
    ],
  ])(
    "%s: exit 2, the file byte for byte as it was, no temporary file beside it",
    async (name, make, message) => {
      const folder = mkdtempSync(path.join(dir, "in-place-"));
      const book = path.join(folder, "book.xlsx");
      const bytes = await make();
      writeFileSync(book, bytes);
      const io = capture();
      const code = await run(["report", book, "--in-place"], io);
      check(io, code, message, /^$/);
      expect(readFileSync(book).equals(bytes)).toBe(true);
      expect(readdirSync(folder)).toEqual(["book.xlsx"]);
    },
  );
});

describe("bad-file corpus: odd but valid sheets", () => {
  it("1,048,576 rows: an order on Excel's last row, a million blank rows above it", async () => {
    const f = put(
      "last-row.xlsx",
      await workbookBytes((ws) => {
        putOrders(ws);
        ws.getRow(1_048_576).values = ["C9", day(2024, 5, 4), 3];
      }),
    );
    expect(await fit(f, "result")).toMatch(/fitted to 4 customers/);
    const { message } = await report(f, "result");
    expect(message).toMatch(/4 customers, 7 orders/);
  });

  it("16,384 columns: a header in every column up to XFD, the summary columns at the far end", async () => {
    const f = put(
      "wide.xlsx",
      await workbookBytes((ws) => {
        const header = ws.getRow(1);
        for (let c = 1; c <= 16_381; c++) header.getCell(c).value = `Note ${c}`;
        ["frequency", "recency", "T"].forEach((h, i) => (header.getCell(16_382 + i).value = h));
        [
          [2, 30.4, 38.9],
          [1, 1.7, 38.9],
          [0, 0, 38.9],
          [0, 0, 38.9],
        ].forEach((values, r) => values.forEach((v, i) => (ws.getCell(2 + r, 16_382 + i).value = v)));
      }),
    );
    expect(await fit(f, "result")).toMatch(/fitted to 4 customers .* \(summary/);
  });

  it("16,384 columns: the order table in the last three columns (XFB:XFD) gives a report", async () => {
    const f = put(
      "wide-orders.xlsx",
      await workbookBytes((ws) => {
        const header = ws.getRow(1);
        for (let c = 1; c <= 16_381; c++) header.getCell(c).value = `Note ${c}`;
        ORDER_HEADER.forEach((h, i) => (header.getCell(16_382 + i).value = h));
        ORDER_ROWS.forEach((row, r) => row.forEach((v, i) => (ws.getCell(2 + r, 16_382 + i).value = v)));
      }),
    );
    const { message, out } = await report(f, "result");
    expect(message).toMatch(/3 customers, 6 orders \(6 lines\), net revenue 54\.00/);
    expect(await reportColumn(out, "LL Data quality", "Column")).toEqual(
      expect.arrayContaining(["XFD", "XFC", "XFB"]),
    );
  });

  it("a merged title above the header, and a header not in row 1", async () => {
    const titled = put(
      "titled.xlsx",
      await workbookBytes((ws) => {
        ws.getCell("A1").value = "Orders 2024";
        ws.mergeCells("A1:C1");
        ws.getCell("A2").value = "exported from the shop";
        putOrders(ws, 4);
      }),
    );
    await fit(titled, "result");
    expect((await report(titled, "result")).message).toMatch(/3 customers, 6 orders/);
  });

  it("merged header cells (one header over two columns) get a message naming the sheet and the headers", async () => {
    const f = put(
      "merged-header.xlsx",
      await workbookBytes((ws) => {
        ws.getRow(1).values = ["Customer ID", "Order", null];
        ws.mergeCells("B1:C1");
        ws.getRow(2).values = [null, "Date", "Amount"];
        ORDER_ROWS.forEach((r, i) => (ws.getRow(3 + i).values = r));
      }),
    );
    // Excel reads the covered cell of a merge (C1) as blank, as the streaming reader does: row 1 holds two
    // texts over rows of three cells, so it is no header (a third column would have none) and row 2 is; the
    // message names what it lacks (the customer id, in A1 above it) and what it holds.
    const message =
      /merged-header\.xlsx, sheet Orders: no customer id column found among the headers "", "Date", "Amount"; name the column to use/;
    await fit(f, message);
    await report(f, message);
  });

  it("numbers stored as text, Excel errors (#N/A, #REF!) and formulas as data", async () => {
    const f = put(
      "cells.xlsx",
      await workbookBytes((ws) => {
        putOrders(ws);
        ws.getCell("C2").value = "10.00"; // a number stored as text
        ws.getCell("C3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("B4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
        ws.getCell("C5").value = { formula: "3+4", result: 7 } as ExcelJS.CellFormulaValue;
        ws.getCell("C6").value = { formula: "C5+1" } as ExcelJS.CellFormulaValue; // never calculated
        ws.getCell("A7").value = { formula: '"C"&"3"', result: "C3" } as ExcelJS.CellFormulaValue;
      }),
    );
    await fit(f, "result");
    const { message, out } = await report(f, "result");
    // Used: C1's "10.00" read as 10, C3's 7 from the formula's result, and row 7 (id "C3" from a formula).
    expect(message).toMatch(/2 customers, 3 orders \(3 lines\), net revenue 21\.00/);
    const reasons = (await reportColumn(out, "LL Data quality", "Finding")).map(String);
    expect(reasons.join("\n")).toMatch(/amount/i);
    expect(reasons.join("\n")).toMatch(/date/i);
    // The error cells are named where they are.
    const places = (await reportColumn(out, "LL Data quality", "First place")).map(String);
    expect(places).toEqual(
      expect.arrayContaining([
        "cells.xlsx, sheet Orders, row 4, column B (Order date)",
        "cells.xlsx, sheet Orders, row 3, column C (Amount)",
      ]),
    );
  });

  it("a summary file with #N/A in a number column names the cell", async () => {
    const f = put(
      "summary-errors.xlsx",
      await workbookBytes((ws) => {
        ws.getRow(1).values = ["id", "frequency", "recency", "T"];
        ws.getRow(2).values = ["a", 1, 5, 10];
        ws.getRow(3).values = ["b", { error: "#N/A" }, 5, 10];
      }),
    );
    await fit(
      f,
      /summary-errors\.xlsx, sheet Orders, row 3, column B \(frequency\): expected a number, got #N\/A$/,
    );
  });
});

describe("bad-file corpus: dates as text in three locales", () => {
  const csv = (name: string, dates: string[]) =>
    put(
      name,
      ["Customer ID,Order date,Amount", ...dates.map((d, i) => `C${(i % 3) + 1},${d},${i + 5}`)].join("\n"),
    );
  const german = ["05.01.2024", "17.02.2024", "01.03.2024", "23.05.2024", "02.06.2024"];
  const american = ["1/5/2024", "2/17/2024", "3/1/2024", "5/23/2024", "6/2/2024"];
  const chinese = ["2024年1月5日", "2024年2月17日", "2024年3月1日", "2024年5月23日", "2024年6月2日"];

  it("day-first and month-first text dates: read as a date of the column proves, said in the summary", async () => {
    const de = csv("de.csv", german);
    expect((await report(de, "result")).message).toMatch(
      /dates day first \(as "17\.02\.2024" proves; --date-order/,
    );
    await fit(de, "result", ["--date-order", "dmy"]);
    const us = (await report(csv("us.csv", american), "result")).message;
    expect(us).toMatch(/3 customers, 5 orders/);
    expect(us).toMatch(/dates month first \(as "2\/17\/2024"/);
    await report(de, /--date-order.*'dym' is invalid.*dmy/, ["--date-order", "dym"]);
  });

  it("dates no value decides: a message naming the first cell and --date-order, then a result with the order", async () => {
    const open = csv("open.csv", ["05.01.2024", "01.02.2024", "01.03.2024", "03.05.2024", "02.06.2024"]);
    const unknown =
      /open\.csv: no usable order lines among 5 rows; .*first at open\.csv, row 2, column B \(Order date\): day\/month order unknown.*--date-order dmy \(day first\) or --date-order mdy/;
    await fit(open, unknown);
    await report(open, unknown);
    await fit(open, "result", ["--date-order", "dmy"]);
    expect((await report(open, "result", ["--date-order", "dmy"])).message).toMatch(/3 customers, 5 orders/);
  });

  it.each([
    ["day-first", german, "dmy"],
    ["month-first", american, "mdy"],
    ["Chinese", chinese, undefined],
  ])(
    "%s dates typed as text into workbook cells: a report (the date order from --config where needed)",
    async (name, dates, order) => {
      const book = put(
        `text-dates-${name}.xlsx`,
        await workbookBytes((ws) => {
          ws.getRow(1).values = ORDER_HEADER;
          dates.forEach((d, i) => (ws.getRow(2 + i).values = [`C${(i % 3) + 1}`, d, i + 5]));
        }),
      );
      // The dates prove their order (17.02.2024, 2/17/2024): read without a setting.
      expect((await report(book, "result")).message).toMatch(/3 customers, 5 orders/);
      const config = put(`text-dates-${name}.json`, JSON.stringify(order ? { dayOrder: order } : {}));
      const outDir = mkdtempSync(path.join(dir, "out-"));
      const io = capture();
      const code = await run(["report", book, "--config", config, "--out", path.join(outDir, "r.xlsx")], io);
      expect(check(io, code, "result", /^Wrote /)).toMatch(/3 customers, 5 orders .* as of 2024-06-02/);
    },
  );

  it("Chinese dates are read as they are", async () => {
    const zh = csv("zh.csv", chinese);
    expect(await fit(zh, "result")).toMatch(/fitted to 3 customers/);
    expect((await report(zh, "result")).message).toMatch(/3 customers, 5 orders/);
  });
});

describe("bad-file corpus: ids", () => {
  it("emoji, right-to-left and 40,000-character ids: read, fitted and written (cut to what a cell holds)", async () => {
    const long = "L".repeat(40_000);
    const ids = ["🙂👍🏽 客户", "שלום עולם", "عميل ١٢", long];
    const f = put(
      "ids.xlsx",
      await workbookBytes((ws) =>
        putOrders(
          ws,
          1,
          ORDER_ROWS.map((r, i) => [ids[i % ids.length], r[1], r[2]]),
        ),
      ),
    );
    expect(await fit(f, "result")).toMatch(/fitted to 4 customers/);
    const { out } = await report(f, "result");
    const written = (await reportColumn(out, "LL Customers", "Customer ID")).filter((v) => v !== null);
    expect(written).toEqual(expect.arrayContaining(ids.slice(0, 3)));
    const cut = written.find((v) => typeof v === "string" && v.startsWith("LLL")) as string;
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith("…")).toBe(true);
    // The report file stays a valid package: every part parses.
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).length).toBeGreaterThan(5);
  });
});
