/**
 * REFRESH NEVER LOSES THE USER'S WORK: the details of what a user attaches to the report's sheets, on a
 * workbook written by ExcelJS and edited as a manager would ("Called?" typed beside the customer table, a
 * customer leaving): Excel 2010's extensions (x14 conditional formats, validation lists, sparklines),
 * links, conditional formats and validation on the customer table, each carried or listed exactly; and a
 * refresh through a symbolic link. Every writer of the corpus × every kind of edit is
 * refresh-corpus-matrix.test.ts; kills at every phase, refresh-corpus-kill.test.ts.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { columnName, parseRangeAddress } from "../../src/sheet/a1";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { capture, runJson } from "../helpers/cli-io";
import {
  baseBook,
  customerIds,
  expectNamespacedXml,
  expectUserPartsIdentical,
  sheetPart,
  sheetXml,
  tableRows,
} from "../helpers/refresh-corpus";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-refresh-"));
const file = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * "Called?" typed beside the customer table for two customers with ExcelJS, and every order line of the
 * second customer deleted (the customer leaves the report).
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
  const orders = wb.getWorksheet("Orders") as ExcelJS.Worksheet;
  for (let r = orders.rowCount; r >= 2; r--) {
    // Column B is the member id.
    if (String(orders.getRow(r).getCell(2).value) === leave) orders.spliceRows(r, 1);
  }
  await wb.xlsx.writeFile(book);
}

describe("refresh keeps the user's work (corpus)", () => {
  let excelJsBook = "";
  let stay = "";
  let leave = "";

  beforeAll(async () => {
    excelJsBook = await baseBook(file("exceljs.xlsx"));
    const ids = await customerIds(excelJsBook);
    [stay, leave] = [ids[2], ids[4]];
    await managersEdits(excelJsBook, stay, leave);
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
    const part = sheetPart(pkg, "LL Customers");
    expect(pkg.relationships(part).find((r) => r.id === link?.[2])?.target).toBe("https://crm.example/c/42");
    expect(xml.match(/<hyperlink\b/g)).toHaveLength(1);
    expect(xml).not.toContain("FFFFC7CE");
  });

  it("a format of the user's whose formula reads its own row follows its customers, the formula written for its new first cell; one reading the row above is listed", async () => {
    const book = file("reanchor.xlsx");
    const rows = await tableRows(excelJsBook, "LL_Customers");
    const ids = rows.slice(1).map((r) => String(r[0]));
    const called = columnName(rows[0].length + 1);
    // The customers on rows 13 to 15 (the table's header is on row 6); the last of them buys enough to
    // come first, and the customer of row 11 left (managersEdits): so those rows go to 13, 14 and 7.
    const block = [ids[6], ids[7], ids[8]];
    writeFileSync(book, await withBoughtMost(readFileSync(excelJsBook), block[2], ids[0]));
    const formats = {
      // A highlight of the Called? cells, of the id cells, and Excel 2010's on column B, each by the row's
      // own Called? cell; and one by the Called? cell of the row above.
      own: { ref: `${called}13:${called}15`, formula: `$${called}13="yes"` },
      ids: { ref: "A13:A15", formula: `$${called}13<>""` },
      x14: { ref: "B13:B15", formula: `$${called}13="yes"` },
      above: { ref: `${called}13:${called}15`, formula: `${called}12="yes"` },
    };
    writeFileSync(book, await withRelativeFormats(readFileSync(book), formats));
    const io = capture();
    expect(await run(["report", book, "--in-place"], io)).toBe(2);
    expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
      `  - a conditional format on cells ${called}13:${called}15 of sheet "LL Customers"`,
    ]);

    await runJson(["report", book, "--in-place", "--force"]);
    const now = await tableRows(book, "LL_Customers");
    expect(now[1][0]).toBe(block[2]);
    const rowsNow = block.map((id) => 6 + now.findIndex((r) => r[0] === id)).sort((a, b) => a - b);
    expect(rowsNow).toEqual([7, 13, 14]);
    const xml = sheetXml(readFileSync(book), "LL Customers");
    expectNamespacedXml(xml);
    const found = [
      ...[...xml.matchAll(/<conditionalFormatting sqref="([^"]*)">[\s\S]*?<formula>([^<]*)</g)].map((m) => ({
        ref: m[1],
        formula: m[2],
      })),
      ...[
        ...xml.matchAll(
          /<x14:conditionalFormatting\b[^>]*>[\s\S]*?<xm:f>([^<]*)<[\s\S]*?<xm:sqref>([^<]*)</g,
        ),
      ].map((m) => ({ ref: m[2], formula: m[1] })),
    ].map((f) => ({
      ...f,
      formula: f.formula
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    }));
    const byColumn = (column: string) => found.filter((f) => new RegExp(`^${column}\\d`).test(f.ref));
    // Each format on the three customers' cells, as they are now, the formula for the top one, row 7.
    expect(byColumn(called)).toEqual([
      { ref: `${called}7 ${called}13:${called}14`, formula: `$${called}7="yes"` },
    ]);
    expect(byColumn("A")).toEqual([{ ref: "A7 A13:A14", formula: `$${called}7<>""` }]);
    expect(byColumn("B")).toEqual([{ ref: "B7 B13:B14", formula: `$${called}7="yes"` }]);
    // Every cell of them reads the Called? cell of its own row: the formula's row shifted by the cell's
    // distance from the top-left cell of the format, as Excel and LibreOffice read it.
    for (const f of [called, "A", "B"].flatMap(byColumn)) {
      const boxes = f.ref.split(" ").map((r) => parseRangeAddress(r));
      const top = Math.min(...boxes.map((b) => b.top));
      const ref = /\$?([A-Z]+)\$?(\d+)/.exec(f.formula) as RegExpExecArray;
      for (const b of boxes)
        for (let row = b.top; row <= b.bottom; row++)
          expect([f.ref, ref[1], Number(ref[2]) + row - top]).toEqual([f.ref, called, row]);
    }
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
});

/**
 * LL Customers with what a user attaches to cells in Excel: a list validation, an external link, a
 * highlight (cellIs) and an internal link, at the cells given.
 */
async function withAttachedObjects(
  bytes: Buffer,
  at: { validation: string; link: string; format: string; titleLink: string },
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = sheetPart(pkg, "LL Customers");
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

/**
 * The workbook with one order line of customer `id` raised so that their spend is 100 more than that of
 * customer `top`, the first of the customer table: they come first at the next refresh.
 */
async function withBoughtMost(bytes: Buffer, id: string, top: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const orders = wb.getWorksheet("Orders") as ExcelJS.Worksheet;
  // Column B is the member id, E the amount.
  const spend = (who: string) => {
    let sum = 0;
    orders.eachRow((row, r) => {
      if (r > 1 && String(row.getCell(2).value) === who) sum += Number(row.getCell(5).value);
    });
    return sum;
  };
  const raise = spend(top) - spend(id) + 100;
  let done = false;
  orders.eachRow((row, r) => {
    if (done || r === 1 || String(row.getCell(2).value) !== id) return;
    row.getCell(5).value = Number(row.getCell(5).value) + raise;
    done = true;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * LL Customers with highlights whose formulas are relative to their first cell, as Excel writes them:
 * `own`, `ids` and `above` in the 2006 schema, `x14` as Excel 2010 writes a rule with its own format.
 */
async function withRelativeFormats(
  bytes: Buffer,
  f: Record<"own" | "ids" | "above" | "x14", { ref: string; formula: string }>,
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = sheetPart(pkg, "LL Customers");
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) as string;
  const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const rule = (at: { ref: string; formula: string }, priority: number) =>
    `<conditionalFormatting sqref="${at.ref}"><cfRule type="expression" dxfId="0" priority="${priority}">` +
    `<formula>${esc(at.formula)}</formula></cfRule></conditionalFormatting>`;
  const x14 =
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_MAIN}"><x14:conditionalFormattings>` +
    '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
    '<x14:cfRule type="expression" priority="13" id="{00000000-0000-0000-0000-00000000000A}">' +
    `<xm:f>${esc(f.x14.formula)}</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></x14:dxf>` +
    `</x14:cfRule><xm:sqref>${f.x14.ref}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
  const formats = rule(f.own, 10) + rule(f.ids, 11) + rule(f.above, 12);
  zip.file(
    part,
    xml.replace("<pageMargins", `${formats}<pageMargins`).replace(/<\/worksheet>\s*$/, `${x14}</worksheet>`),
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
  const part = sheetPart(pkg, "LL Customers");
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
