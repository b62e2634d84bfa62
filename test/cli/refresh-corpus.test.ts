/**
 * REFRESH NEVER LOSES THE USER'S WORK, on a corpus of workbooks as people really have them: written by
 * ExcelJS, converted by LibreOffice (in the test), with parts as openpyxl writes them (a plain-text
 * comment, a drawing without the xdr: prefix holding a chart) and a hand-made .xlsm with a vbaProject.bin.
 * Each is edited as a manager would (a column added beside the customer table, notes typed on rows, text
 * anywhere on a report sheet, a formula of theirs pointing into a report sheet, a customer leaving), then
 * refreshed with `loyalty report --in-place`, and checked: every zip entry that is not the report's is
 * byte for byte the same, every typed value is on its customer's row or in Kept notes, no temporary file
 * or lock is left; a second refresh at the same time is refused; a run killed at any phase leaves the
 * workbook whole.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { columnName } from "../../src/sheet/a1";
import { lockPathOf } from "../../src/workbook/atomic-write";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { sharedStringItems } from "../../src/workbook/xlsx/sheet-reader";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture, runJson } from "../helpers/cli-io";
import { convertWithLibreOffice, describeWithLibreOffice } from "../helpers/libreoffice";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-refresh-"));
const file = (name: string) => path.join(dir, name);

/** The parts that are the report's: its sheets' parts with everything they refer to, and the few shared parts a refresh edits. */
function reportParts(pkg: XlsxPackage): Set<string> {
  const out = new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    ...pkg
      .relationships("xl/workbook.xml")
      .filter((r) => r.type.endsWith("/styles") || r.type.endsWith("/calcChain"))
      .map((r) => r.target),
  ]);
  const visit = (part: string) => {
    if (out.has(part)) return;
    out.add(part);
    out.add(relsPathOf(part));
    for (const r of pkg.relationships(part)) if (!r.external) visit(r.target);
  };
  for (const s of pkg.sheets())
    if (s.name.startsWith("LL ") || s.name.startsWith("_loyalty_lens")) visit(s.part);
  return out;
}

/** Every entry of `before` that is not the report's is in `after`, byte for byte; returns how many. */
function expectUserPartsIdentical(before: Buffer, after: Buffer): number {
  const was = XlsxPackage.fromBuffer(before, "before");
  const now = XlsxPackage.fromBuffer(after, "after");
  const ours = reportParts(was);
  let compared = 0;
  for (const entry of was.entries) {
    if (ours.has(entry.name) || entry.name.endsWith("/")) continue;
    expect([entry.name, now.has(entry.name)]).toEqual([entry.name, true]);
    expect([entry.name, now.bytes(entry.name).equals(was.bytes(entry.name))]).toEqual([entry.name, true]);
    compared++;
  }
  return compared;
}

/** The rows of a table of the refreshed workbook, header first. */
async function tableRows(book: string, table: string): Promise<unknown[][]> {
  const wb = await XlsxWorkbook.open(book);
  const t = (await wb.listTables()).find((x) => x.name === table);
  if (!t) return [];
  return wb.readRange(t.sheet, t.range);
}

/** A user's workbook: orders, and a sheet of theirs with a formula into the report and a validation. */
async function baseBook(name: string): Promise<string> {
  // The sample as generated before December 2026 (lifetimes ending with the data): the expectations below
  // (which customer's row a user's object sits on, which can follow) were worked out on it.
  const table = generateOrders({ customers: 60, seed: 11, cells: "typed", lifetimes: "untilDataEnd" });
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  const mine = wb.addWorksheet("Mine");
  mine.getCell("A1").value = "Top customer";
  mine.getCell("C1").value = "Pick one";
  mine.getCell("C1").dataValidation = { type: "list", formulae: ['"a,b,c"'], allowBlank: true };
  const target = file(name);
  await wb.xlsx.writeFile(target);
  await runJson(["report", target, "--in-place"]);
  return target;
}

/** The customer ids of the report's customer table, in its order. */
async function customerIds(book: string): Promise<string[]> {
  return (await tableRows(book, "LL_Customers")).slice(1).map((r) => String(r[0]));
}

/**
 * A manager's week, in ExcelJS: "Called?" typed beside the customer table for two customers, a memo far
 * off on the Alerts sheet, a formula on their own sheet pointing into the customer sheet, and every order
 * line of the second customer deleted (the customer leaves the report).
 */
async function managersEdits(book: string, stay: string, leave: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const ws = wb.getWorksheet("LL Customers") as ExcelJS.Worksheet;
  const range = (await tableRows(book, "LL_Customers"))[0].length;
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === "Customer ID") headerRow = r;
  });
  const added = range + 1;
  ws.getRow(headerRow).getCell(added).value = "Called?";
  ws.eachRow((row) => {
    if (row.getCell(1).value === stay) row.getCell(added).value = "Mon, wants a call back";
    if (row.getCell(1).value === leave) row.getCell(added).value = "Tue";
  });
  (wb.getWorksheet("LL Alerts") as ExcelJS.Worksheet).getCell("Z3").value = "my memo";
  (wb.getWorksheet("Mine") as ExcelJS.Worksheet).getCell("B1").value = {
    formula: "'LL Customers'!A6",
    result: "",
  } as ExcelJS.CellFormulaValue;
  const orders = wb.getWorksheet("Orders") as ExcelJS.Worksheet;
  for (let r = orders.rowCount; r >= 2; r--) {
    // Column B is the member id.
    if (String(orders.getRow(r).getCell(2).value) === leave) orders.spliceRows(r, 1);
  }
  await wb.xlsx.writeFile(book);
}

/** Refreshes `book` in place and checks the promises; returns the JSON summary. */
async function refreshAndCheck(book: string, stay: string, leave: string) {
  const before = readFileSync(book);
  const summary = await runJson(["report", book, "--in-place"]);
  const after = readFileSync(book);
  expect(expectUserPartsIdentical(before, after)).toBeGreaterThan(3);
  const rows = await tableRows(book, "LL_Customers");
  const called = rows[0].indexOf("Called?");
  expect(called).toBeGreaterThan(0);
  expect(rows.find((r) => r[0] === stay)?.[called]).toBe("Mon, wants a call back");
  expect(rows.find((r) => r[0] === leave)).toBeUndefined();
  expect(await tableRows(book, "LL_Customers_Kept")).toEqual([
    ["Customer ID", "Called?"],
    [leave, "Tue"],
  ]);
  const wb = await XlsxWorkbook.open(book);
  expect(await wb.readRange("LL Alerts", "Z3")).toEqual([["my memo"]]);
  expect(
    readdirSync(path.dirname(book)).filter((f) => f.endsWith(".tmp") || f.endsWith(".loyalty-lock")),
  ).toEqual([]);
  return summary;
}

describe("refresh keeps the user's work (corpus)", () => {
  let excelJsBook = "";
  let stay = "";
  let leave = "";

  beforeAll(async () => {
    excelJsBook = await baseBook("exceljs.xlsx");
    const ids = await customerIds(excelJsBook);
    [stay, leave] = [ids[2], ids[4]];
    await managersEdits(excelJsBook, stay, leave);
  });

  it("a workbook written by ExcelJS: user parts byte for byte, typed values on their customer's row, Kept notes", async () => {
    const book = file("exceljs-refreshed.xlsx");
    copyFileSync(excelJsBook, book);
    await refreshAndCheck(book, stay, leave);
    // Their formula into the report sheet still points at it (the sheet is the same part, same name).
    const mine = await (await XlsxWorkbook.open(book)).readRange("Mine", "A1:C1");
    expect(mine[0][0]).toBe("Top customer");
    const xml = XlsxPackage.fromBuffer(readFileSync(book), "b").text("xl/worksheets/sheet2.xml");
    expect(xml).toMatch(/<f>(&apos;|')LL Customers(&apos;|')!A6<\/f>/);
    // A second refresh changes nothing of the user's and keeps the notes where they are.
    await refreshAndCheck(book, stay, leave);
  });

  it("openpyxl-style parts (a plain-text comment, a drawing without the xdr: prefix) and a chart of the user's", async () => {
    const book = file("openpyxl.xlsx");
    writeFileSync(book, await withOpenpyxlParts(readFileSync(excelJsBook)));
    await refreshAndCheck(book, stay, leave);
    const pkg = XlsxPackage.fromBuffer(readFileSync(book), "b");
    expect(pkg.text("xl/comments/comment1.xml")).toContain("<t>called on Monday</t>");
    expect(pkg.has("xl/charts/userchart1.xml")).toBe(true);
  });

  it("shaped as Google Sheets exports: no document properties, inline strings, the main namespace under a prefix", async () => {
    const book = file("google.xlsx");
    writeFileSync(book, await asGoogleSheetsExport(readFileSync(excelJsBook)));
    const pkg = () => XlsxPackage.fromBuffer(readFileSync(book), "b");
    expect(pkg().has("docProps/app.xml")).toBe(false);
    expect(pkg().has("xl/sharedStrings.xml")).toBe(false);
    await refreshAndCheck(book, stay, leave);
    const workbookXml = pkg().text("xl/workbook.xml");
    expectNamespacedXml(workbookXml);
    // The names and recalculation the refresh writes are in the main namespace, once.
    expect(workbookXml.match(/<(x:)?calcPr\b/g)).toHaveLength(1);
    expect(workbookXml).toMatch(/<(x:)?definedName name="LL_/);
    expectNamespacedXml(sheetXml(readFileSync(book), "LL Alerts"));
    // A second refresh, of what the first wrote, keeps it all again.
    await refreshAndCheck(book, stay, leave);
  });

  it("shaped as WPS saves: custom XML, custom properties and WPS's own parts come through byte for byte", async () => {
    const book = file("wps.xlsx");
    writeFileSync(book, await asWpsSave(readFileSync(excelJsBook)));
    const before = XlsxPackage.fromBuffer(readFileSync(book), "b");
    for (const part of WPS_PARTS) expect([part, before.has(part)]).toEqual([part, true]);
    await refreshAndCheck(book, stay, leave);
    const after = XlsxPackage.fromBuffer(readFileSync(book), "b");
    for (const part of WPS_PARTS) expect(after.bytes(part).equals(before.bytes(part))).toBe(true);
    // The relationships the refresh rewrites still lead to them.
    const targets = after.relationships("xl/workbook.xml").map((r) => r.target);
    expect(targets).toEqual(expect.arrayContaining(["xl/cellimages.xml", "customXml/item1.xml"]));
    expect(after.text("[Content_Types].xml")).toContain('PartName="/xl/cellimages.xml"');
  });

  it("a hand-made .xlsm: the macros (vbaProject.bin) come through byte for byte", async () => {
    const book = file("macros.xlsm");
    writeFileSync(book, await withMacros(readFileSync(excelJsBook)));
    await refreshAndCheck(book, stay, leave);
    const pkg = XlsxPackage.fromBuffer(readFileSync(book), "b");
    expect(pkg.bytes("xl/vbaProject.bin").equals(VBA_BYTES)).toBe(true);
    expect(pkg.text("[Content_Types].xml")).toContain("macroEnabled.main+xml");
  });

  it("stops before writing when a note was put on a report cell, lists it, and goes on with --force", async () => {
    const book = file("noted.xlsx");
    copyFileSync(excelJsBook, book);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    (wb.getWorksheet("LL Customers") as ExcelJS.Worksheet).getCell("B5").note = "ask about the refund";
    await wb.xlsx.writeFile(book);
    const before = readFileSync(book);
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr).toMatch(
      /noted\.xlsx was not changed: .*\n.*the note on cell B5 of sheet "LL Customers" \("ask about the refund"\)/,
    );
    expect(io.stderr).toMatch(/--force/);
    expect(readFileSync(book).equals(before)).toBe(true);
    const forced = await runJson(["report", book, "--in-place", "--force"]);
    expect(forced.saveWarnings).toEqual([expect.stringMatching(/not kept \(--force\): the note on cell B5/)]);
  });

  it("Excel 2010 extensions on a report sheet: x14 formats, validation and sparklines outside the report's parts carried; a sparkline in its cells listed", async () => {
    const book = file("x14.xlsx");
    writeFileSync(book, await withExtensions(readFileSync(excelJsBook)));
    const before = readFileSync(book);
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr).toContain('- a sparkline in cell B7 of sheet "LL Customers"');
    // The user's data bar on rows of the report's table, one of a customer who left: it cannot follow.
    expect(io.stderr).toContain('- a conditional format on cells B7:B20 of sheet "LL Customers"');
    expect(io.stderr).not.toMatch(/AZ10|AZ1:AZ5|O7:O65/);
    expect(readFileSync(book).equals(before)).toBe(true);

    const forced = await runJson(["report", book, "--in-place", "--force"]);
    expect(forced.saveWarnings).toEqual([
      'not kept (--force): a conditional format on cells B7:B20 of sheet "LL Customers"',
      'not kept (--force): a sparkline in cell B7 of sheet "LL Customers"',
    ]);
    const check = (bytes: Buffer) => {
      const xml = sheetXml(bytes, "LL Customers");
      expectNamespacedXml(xml);
      const ext = /<extLst>([\s\S]*)<\/extLst><\/worksheet>$/.exec(xml)?.[1] ?? "";
      // The user's: carried, once each.
      expect(ext.match(/<xm:sqref>AZ1:AZ5<\/xm:sqref>/g)).toHaveLength(1);
      expect(ext.match(/<xm:sqref>AZ2<\/xm:sqref>/g)).toHaveLength(1);
      expect(ext.match(/<xm:sqref>AZ10<\/xm:sqref>/g)).toHaveLength(1);
      expect(ext).toContain('<x14:dataValidations count="1"');
      // The report's data bar as Excel re-saves it (O7:O65, which the last build wrote), the user's data
      // bar that could not follow and the sparkline in the report's cell B7: gone.
      expect(ext).not.toMatch(/B7:B20|>B7<|O7:O65/);
    };
    check(readFileSync(book));
    // Carried again by the next refresh, which has nothing left to refuse.
    await runJson(["report", book, "--in-place"]);
    check(readFileSync(book));
    expectUserPartsIdentical(before, readFileSync(book));
  });

  it("links, conditional formats and validation of the user's on the report's table follow their customer and column; what cannot is listed", async () => {
    const book = file("attached.xlsx");
    const rows = await tableRows(excelJsBook, "LL_Customers");
    // The table's header is on row 6; "Called?" is the column typed right beside it.
    const called = columnName(rows[0].length + 1);
    const rowOf = (rs: unknown[][], id: string) => 6 + rs.findIndex((r) => r[0] === id);
    const [stayRow, leaveRow, last] = [rowOf(rows, stay), rowOf(rows, leave), 6 + rows.length - 1];
    writeFileSync(
      book,
      await withAttachedObjects(readFileSync(excelJsBook), {
        // A dropdown on the whole "Called?" column, a link on the kept customer's note, a highlight on the
        // leaving customer's note, and a link on the report's title (no customer to follow).
        validation: `${called}7:${called}${last}`,
        link: `${called}${stayRow}`,
        format: `${called}${leaveRow}`,
        titleLink: "A1",
      }),
    );
    const before = readFileSync(book);
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
      `  - a conditional format on cell ${called}${leaveRow} of sheet "LL Customers"`,
      '  - a link on cell A1 of sheet "LL Customers"',
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);

    await runJson(["report", book, "--in-place", "--force"]);
    const now = await tableRows(book, "LL_Customers");
    const xml = sheetXml(readFileSync(book), "LL Customers");
    expectNamespacedXml(xml);
    // The dropdown covers the column's rows as they are now (one customer fewer).
    expect(now.length).toBe(rows.length - 1);
    expect(xml).toContain(`sqref="${called}7:${called}${6 + now.length - 1}"`);
    expect(xml).toContain('<formula1>"yes,no"</formula1>');
    // The link is on the kept customer's row, wherever it is now, still leading to the same address.
    const link = /<hyperlink ref="([A-Z]+\d+)" r:id="([^"]+)"\/>/.exec(xml);
    expect(link?.[1]).toBe(`${called}${rowOf(now, stay)}`);
    const pkg = XlsxPackage.fromBuffer(readFileSync(book), "b");
    const part = pkg.sheets().find((s) => s.name === "LL Customers")?.part as string;
    expect(pkg.relationships(part).find((r) => r.id === link?.[2])?.target).toBe("https://crm.example/c/42");
    expect(xml.match(/<hyperlink\b/g)).toHaveLength(1);
    expect(xml).not.toContain("FFFFC7CE");
  });

  it('the manager\'s other edits: a hidden column and a validation outside the model stay, "Called?" beside the alerts follows its customer, a chart put on LL Tiers is listed', async () => {
    const book = file("other-edits.xlsx");
    copyFileSync(excelJsBook, book);
    // A refresh first, so that the report's charts are in the file (ExcelJS dropped them).
    await runJson(["report", book, "--in-place"]);
    const alerts = await tableRows(book, "LL_Alerts");
    expect(alerts.length).toBeGreaterThan(2);
    const alerted = String(alerts[2][0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const customers = wb.getWorksheet("LL Customers") as ExcelJS.Worksheet;
    customers.getColumn(3).hidden = true;
    const alertSheet = wb.getWorksheet("LL Alerts") as ExcelJS.Worksheet;
    let header = 0;
    alertSheet.eachRow((row, r) => {
      if (header === 0 && row.getCell(1).value === alerts[0][0]) header = r;
    });
    const beside = alerts[0].length + 1;
    alertSheet.getRow(header).getCell(beside).value = "Called?";
    alertSheet.eachRow((row) => {
      if (row.getCell(1).value === alerted) row.getCell(beside).value = "left a message";
    });
    (wb.getWorksheet("LL Benefit cost") as ExcelJS.Worksheet).getCell("AZ5").dataValidation = {
      type: "list",
      formulae: ['"ok,check"'],
      allowBlank: true,
    };
    await wb.xlsx.writeFile(book);
    await runJson(["report", book, "--in-place"]);
    writeFileSync(book, await withUserChart(readFileSync(book), "LL Tiers"));

    const before = readFileSync(book);
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
      '  - a chart, picture or shape on sheet "LL Tiers"',
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
    const forced = await runJson(["report", book, "--in-place", "--force"]);
    expect(forced.saveWarnings).toEqual([
      'not kept (--force): a chart, picture or shape on sheet "LL Tiers"',
    ]);

    const now = await tableRows(book, "LL_Alerts");
    const called = now[0].indexOf("Called?");
    expect(called).toBeGreaterThan(0);
    expect(now.find((r) => r[0] === alerted)?.[called]).toBe("left a message");
    expect(now.filter((r) => r[called] === "left a message")).toHaveLength(1);
    expect(sheetXml(readFileSync(book), "LL Customers")).toMatch(/<col min="3" max="3"[^>]*hidden="1"/);
    const model = sheetXml(readFileSync(book), "LL Benefit cost");
    expect(model.includes('sqref="AZ5"><formula1>&quot;ok,check&quot;</formula1>')).toBe(true);
  });

  it("follows a symbolic link: the real workbook is refreshed and the link stays a link", async () => {
    const real = file("real.xlsx");
    copyFileSync(excelJsBook, real);
    const link = file("link.xlsx");
    symlinkSync(real, link);
    const before = readFileSync(real);
    await runJson(["report", link, "--in-place"]);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(readFileSync(link).equals(readFileSync(real))).toBe(true);
    expect(spawnSync("test", ["-L", link]).status).toBe(0);
  });

  it("refuses a second refresh of the same workbook while one runs, and says which", async () => {
    const book = file("locked.xlsx");
    copyFileSync(excelJsBook, book);
    const before = readFileSync(book);
    // A refresh is running: this test process holds the lock.
    writeFileSync(
      lockPathOf(book),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        started: "2026-01-05T09:00:00Z",
      }),
    );
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr).toMatch(
      /locked\.xlsx was not changed: it is being refreshed by another run \(process \d+/,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it.each(["locked", "temp-written", "renamed"])(
    "a run killed at phase %s leaves the workbook whole, and the next run cleans up and refreshes it",
    (phase) => {
      const book = file(`killed-${phase}.xlsx`);
      copyFileSync(excelJsBook, book);
      const before = readFileSync(book);
      const loyalty = path.join(__dirname, "..", "..", "bin", "loyalty.js");
      const killed = spawnSync(process.execPath, [loyalty, "report", book, "--in-place"], {
        env: { ...process.env, LOYALTY_CRASH_AT: phase },
        encoding: "utf8",
      });
      expect(killed.signal).toBe("SIGKILL");
      const now = readFileSync(book);
      if (phase === "renamed") {
        // The new workbook is complete: it reads, and the user's parts are as they were.
        expectUserPartsIdentical(before, now);
      } else expect(now.equals(before)).toBe(true);
      // The killed run left its lock (and maybe a temporary file); the next run takes over and cleans up.
      const again = spawnSync(process.execPath, [loyalty, "report", book, "--in-place"], {
        encoding: "utf8",
      });
      expect(again.stderr).toBe("");
      expect(again.status).toBe(0);
      expect(readdirSync(dir).filter((f) => f.includes(`killed-${phase}.xlsx.`))).toEqual([]);
      expect(existsSync(lockPathOf(book))).toBe(false);
      expectUserPartsIdentical(before, readFileSync(book));
    },
  );
});

describeWithLibreOffice("refresh keeps the user's work in a workbook LibreOffice saved", () => {
  it("converted by LibreOffice: user parts byte for byte, typed values carried", async () => {
    const base = await baseBook("lo-base.xlsx");
    const ids = await customerIds(base);
    const [stay, leave] = [ids[1], ids[3]];
    await managersEdits(base, stay, leave);
    const [converted] = await convertWithLibreOffice(base, path.join(dir, "lo"), "xlsx");
    await refreshAndCheck(converted, stay, leave);
  });
});

/** The worksheet XML of sheet `name` of a package. */
function sheetXml(bytes: Buffer, name: string): string {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  return pkg.text(pkg.sheets().find((s) => s.name === name)?.part as string);
}

/** Well-formed XML whose every namespace prefix is declared somewhere in the part. */
function expectNamespacedXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const used = new Set(
    [...xml.matchAll(/<\/?([A-Za-z][\w.-]*):|\s([A-Za-z][\w.-]*):[\w.-]+=/g)].map((m) => m[1] ?? m[2]),
  );
  const undeclared = [...used].filter((p) => p !== "xml" && p !== "xmlns" && !xml.includes(`xmlns:${p}=`));
  expect(undeclared).toEqual([]);
}

/**
 * LL Customers with what a user attaches to cells in Excel: a list validation, an external link, a
 * highlight (cellIs) and an internal link, at the cells given.
 */
async function withAttachedObjects(
  bytes: Buffer,
  at: { validation: string; link: string; format: string; titleLink: string },
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === "LL Customers")?.part as string;
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) as string;
  const attached =
    `<conditionalFormatting sqref="${at.format}"><cfRule type="cellIs" dxfId="0" priority="9" operator="equal">` +
    '<formula>"Tue"</formula></cfRule></conditionalFormatting>' +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${at.validation}">` +
    '<formula1>"yes,no"</formula1></dataValidation></dataValidations>' +
    `<hyperlinks><hyperlink ref="${at.link}" r:id="rIdUserLink"/>` +
    `<hyperlink ref="${at.titleLink}" location="Mine!A1" display="to my sheet"/></hyperlinks>`;
  zip.file(part, xml.replace("<pageMargins", `${attached}<pageMargins`));
  const rels = relsPathOf(part);
  const relsXml = (await zip.file(rels)?.async("string")) as string;
  zip.file(
    rels,
    relsXml.replace(
      "</Relationships>",
      '<Relationship Id="rIdUserLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ' +
        'Target="https://crm.example/c/42" TargetMode="External"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const X14_MAIN = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_MAIN = "http://schemas.microsoft.com/office/excel/2006/main";

/**
 * LL Customers with an <extLst> as Excel 2010+ writes it: an x14 conditional format on the user's column
 * AZ, the report's own data bar on O7:O65 as Excel re-saves it, a user's data bar on B7:B20 (rows of the
 * report's table, one of them a customer who leaves), an x14 list validation pointing to the
 * user's sheet, and a sparkline group with one sparkline in the user's cell AZ10 and one in the report's B7.
 * The xm: prefix is declared on the sheet's root, as Excel does.
 */
async function withExtensions(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === "LL Customers")?.part as string;
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) as string;
  const cf = (ref: string, id: string) =>
    `<x14:conditionalFormatting><x14:cfRule type="dataBar" id="{${id}}"><x14:dataBar minLength="0" maxLength="100">` +
    '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule>' +
    `<xm:sqref>${ref}</xm:sqref></x14:conditionalFormatting>`;
  const ext =
    "<extLst>" +
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_MAIN}"><x14:conditionalFormattings>` +
    cf("AZ1:AZ5", "00000000-0000-0000-0000-000000000001") +
    cf("B7:B20", "00000000-0000-0000-0000-000000000002") +
    cf("O7:O65", "00000000-0000-0000-0000-000000000003") +
    "</x14:conditionalFormattings></ext>" +
    `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14_MAIN}"><x14:dataValidations count="1">` +
    '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Mine!$A$1:$A$3</xm:f></x14:formula1>' +
    "<xm:sqref>AZ2</xm:sqref></x14:dataValidation></x14:dataValidations></ext>" +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14_MAIN}"><x14:sparklineGroups>` +
    '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>' +
    "<x14:sparkline><xm:f>Orders!E2:E6</xm:f><xm:sqref>AZ10</xm:sqref></x14:sparkline>" +
    "<x14:sparkline><xm:f>Orders!E7:E11</xm:f><xm:sqref>B7</xm:sqref></x14:sparkline>" +
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>" +
    "</extLst>";
  const withXm = xml.replace(/<worksheet\b/, `<worksheet xmlns:xm="${XM_MAIN}"`);
  zip.file(part, withXm.replace(/<\/worksheet>\s*$/, `${ext}</worksheet>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The XML of a part with every element of the main namespace written with the prefix x: (no default). */
function withMainPrefix(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (_, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(` xmlns="${MAIN_NS}"`, ` xmlns:x="${MAIN_NS}"`);
}

/**
 * The workbook as Google Sheets' export shapes it: no docProps (neither app.xml nor core.xml), every
 * string written inline in its cell (no sharedStrings.xml), empty <workbookPr/> and <calcPr/>; and the
 * main namespace under a prefix (x:, as the Open XML SDK writes it) in workbook.xml and every worksheet.
 */
async function asGoogleSheetsExport(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const zip = await JSZip.loadAsync(bytes);
  const sst = pkg.relationships("xl/workbook.xml").find((r) => r.type.endsWith("/sharedStrings"));
  const items = sst ? sharedStringItems(pkg.text(sst.target)) : [];
  for (const sheet of pkg.sheets()) {
    const inline = pkg
      .text(sheet.part)
      .replace(
        /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
        (_, before: string, after: string, n: string) =>
          `<c${before} t="inlineStr"${after}><is>${items[Number(n)]}</is></c>`,
      );
    zip.file(sheet.part, withMainPrefix(inline));
  }
  let workbook = pkg.text("xl/workbook.xml").replace(/<calcPr\b[^>]*\/>/, "<calcPr/>");
  workbook = workbook.replace(/<workbookPr\b[^>]*\/>/, "<workbookPr/>");
  zip.file("xl/workbook.xml", withMainPrefix(workbook));
  let workbookRels = pkg.text("xl/_rels/workbook.xml.rels");
  let types = pkg.text("[Content_Types].xml");
  if (sst) {
    zip.remove(sst.target);
    workbookRels = workbookRels.replace(new RegExp(`<Relationship\\b[^>]*Id="${sst.id}"[^>]*/>`), "");
    types = types.replace(/<Override\b[^>]*PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, "");
  }
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  zip.remove("docProps/app.xml");
  zip.remove("docProps/core.xml");
  zip.file(
    "_rels/.rels",
    pkg.text("_rels/.rels").replace(/<Relationship\b[^>]*Target="\/?docProps\/[^"]*"[^>]*\/>/g, ""),
  );
  zip.file("[Content_Types].xml", types.replace(/<Override\b[^>]*PartName="\/docProps\/[^"]*"[^>]*\/>/g, ""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const WPS_PARTS = [
  "customXml/item1.xml",
  "customXml/itemProps1.xml",
  "customXml/_rels/item1.xml.rels",
  "docProps/custom.xml",
  "xl/cellimages.xml",
  "xl/_rels/cellimages.xml.rels",
  "xl/media/image1.png",
];

/**
 * The workbook as WPS Spreadsheets saves it: a custom XML item (customXml/, with its properties part),
 * custom document properties (docProps/custom.xml, with WPS's build number), and WPS's own parts: the
 * pictures in cells (xl/cellimages.xml, of a wps.cn relationship type, with its picture).
 */
async function asWpsSave(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  zip.file(
    "customXml/item1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps><customSectPr/></customSectProps></s:customData>',
  );
  zip.file(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="{B1977F7D-205B-4081-913C-38D41E755F92}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://www.wps.cn/officeDocument/2013/wpsCustomData"/></ds:schemaRefs></ds:datastoreItem>',
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${NS_REL}/customXmlProps`, "itemProps1.xml")}</Relationships>`,
  );
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16929</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>5E2B3F0A8C8D4A6A9B0E7C1F2D3A4B5C_12</vt:lpwstr></property></Properties>',
  );
  zip.file(
    "xl/cellimages.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' +
      '<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_7F2A"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill>' +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>',
  );
  zip.file(
    "xl/_rels/cellimages.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", `${NS_REL}/image`, "media/image1.png")}</Relationships>`,
  );
  // A 1x1 PNG.
  zip.file(
    "xl/media/image1.png",
    Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    ),
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    pkg
      .text("xl/_rels/workbook.xml.rels")
      .replace(
        "</Relationships>",
        rel("rIdWps1", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml") +
          rel("rIdWps2", `${NS_REL}/customXml`, "../customXml/item1.xml") +
          "</Relationships>",
      ),
  );
  zip.file(
    "_rels/.rels",
    pkg
      .text("_rels/.rels")
      .replace(
        "</Relationships>",
        rel("rIdWps3", `${NS_REL}/custom-properties`, "docProps/custom.xml") + "</Relationships>",
      ),
  );
  zip.file(
    "[Content_Types].xml",
    pkg
      .text("[Content_Types].xml")
      .replace(
        "</Types>",
        (pkg.text("[Content_Types].xml").includes('Extension="png"')
          ? ""
          : '<Default Extension="png" ContentType="image/png"/>') +
          '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
          '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>',
      ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const VBA_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));

/** The workbook as a macro-enabled one: a vbaProject.bin, its relationship and content types. */
async function withMacros(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      ),
  );
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The user's sheet "Mine" given what openpyxl writes: a note whose text is a plain <t> (no rich-text run),
 * with its VML shape, and a drawing in the default namespace (no xdr: prefix) anchoring a chart.
 */
async function withOpenpyxlParts(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const mine = pkg.sheets().find((s) => s.name === "Mine")?.part as string;
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    "xl/comments/comment1.xml",
    '<?xml version="1.0" encoding="utf-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<authors><author>manager</author></authors><commentList><comment ref="A1" authorId="0"><text><t>called on Monday</t></text></comment></commentList></comments>',
  );
  zip.file(
    "xl/drawings/commentsDrawing1.vml",
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  );
  zip.file(
    "xl/drawings/drawing9.xml",
    '<?xml version="1.0" encoding="utf-8"?><wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<oneCellAnchor><from><col>4</col><colOff>0</colOff><row>2</row><rowOff>0</rowOff></from><ext cx="4800000" cy="2700000"/>' +
      '<graphicFrame macro=""><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr>' +
      '<xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/chart" Target="/xl/charts/userchart1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/charts/userchart1.xml",
    '<?xml version="1.0" encoding="utf-8"?><chartSpace xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart"><chart><plotArea><layout/>' +
      '<barChart><barDir val="col"/><grouping val="clustered"/><ser><idx val="0"/><order val="0"/><val><numRef><f>\'Orders\'!$E$2:$E$6</f></numRef></val></ser>' +
      '<axId val="10"/><axId val="20"/></barChart><catAx><axId val="10"/><scaling><orientation val="minMax"/></scaling><axPos val="b"/><crossAx val="20"/></catAx>' +
      '<valAx><axId val="20"/><scaling><orientation val="minMax"/></scaling><axPos val="l"/><crossAx val="10"/></valAx></plotArea></chart></chartSpace>',
  );
  const relsPath = relsPathOf(mine);
  const existing =
    (await zip.file(relsPath)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    relsPath,
    existing.replace(
      "</Relationships>",
      `<Relationship Id="rIdC1" Type="${NS_REL}/comments" Target="/xl/comments/comment1.xml"/>` +
        `<Relationship Id="rIdV1" Type="${NS_REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/>` +
        `<Relationship Id="rIdD1" Type="${NS_REL}/drawing" Target="/xl/drawings/drawing9.xml"/></Relationships>`,
    ),
  );
  const sheet = (await zip.file(mine)?.async("string")) as string;
  const withNs = sheet.includes(`xmlns:r="${NS_REL}"`)
    ? sheet
    : sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  zip.file(
    mine,
    withNs.replace("</worksheet>", '<drawing r:id="rIdD1"/><legacyDrawing r:id="rIdV1"/></worksheet>'),
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      (types.includes('Extension="vml"')
        ? ""
        : '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>') +
        '<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/userchart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The workbook with a chart of the user's (named as Excel names one) added to the drawing of `sheet`. */
async function withUserChart(bytes: Buffer, sheet: string): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === sheet)?.part as string;
  const drawing = pkg.relationships(part).find((r) => r.type.endsWith("/drawing"))?.target as string;
  const xml = pkg.text(drawing);
  const ours = /<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/.exec(xml)?.[0] as string;
  const mine = ours
    .replace(/name="[^"]*"/, 'name="Chart 7"')
    .replace(/<xdr:from><xdr:col>\d+<\/xdr:col>/, "<xdr:from><xdr:col>14</xdr:col>");
  const zip = await JSZip.loadAsync(bytes);
  zip.file(drawing, xml.replace(/<\/xdr:wsDr>\s*$/, `${mine}</xdr:wsDr>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
