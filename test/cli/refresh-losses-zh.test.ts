/**
 * A refresh in Chinese that would remove what the user put on a report sheet says every kind of it in
 * Chinese: a note, text typed where the rebuilt table now writes, a conditional format, a validation and a
 * link on the title, a sparkline in it, a picture, a pivot table and an Excel extension the report does not
 * know. The only Latin words left are what the user wrote (sheet names, the file's name) and Excel's own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { generateOrders } from "../../src/engine/sample/generate-orders";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { capture } from "../helpers/cli-io";
import { addOrdersSheet } from "../helpers/orders";
import { KEPT_FRONT_END_WORDS, latinWordsOf } from "../helpers/kept-latin-words";

jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-losses-zh-"));
const book = path.join(dir, "门店.xlsx");
const CUSTOMERS = "LL 客户";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook of orders with the Chinese report built into it. */
async function builtBook(): Promise<void> {
  const table = generateOrders({ customers: 25, seed: 5, cells: "typed" });
  const wb = new ExcelJS.Workbook();
  addOrdersSheet(wb, table);
  await wb.xlsx.writeFile(book);
  const io = capture();
  expect([await run(["report", book, "--in-place", "--lang", "zh-CN"], io), io.stderr]).toEqual([0, ""]);
}

/**
 * In ExcelJS, as a manager would: a note on the title, a memo under the customer table, and five new
 * customers (so the table grows over the memo).
 */
async function managersEdits(): Promise<{ memoCell: string }> {
  const report = await XlsxWorkbook.open(book);
  const table = (await report.listTables()).find((t) => t.name === "LL_Customers");
  if (!table) throw new Error("no customer table");
  const lastRow = Number(/\d+$/.exec(table.range)?.[0]);
  const memoCell = `A${lastRow + 2}`;
  const edited = new ExcelJS.Workbook();
  await edited.xlsx.readFile(book);
  const orders = edited.getWorksheet("Orders") as ExcelJS.Worksheet;
  // The report reads the rows it read before: the last five lines become five new customers' purchases.
  const member = (orders.getRow(1).values as ExcelJS.CellValue[]).indexOf("Member ID");
  for (let i = 1; i <= 5; i++) orders.getCell(orders.rowCount - i + 1, member).value = `新客${i}`;
  const sheet = edited.getWorksheet(CUSTOMERS) as ExcelJS.Worksheet;
  sheet.getCell("A1").note = "问问退款的事";
  sheet.getCell(memoCell).value = "周五回电";
  await edited.xlsx.writeFile(book);
  return { memoCell };
}

/** What ExcelJS cannot write, put into the customer sheet's XML and relationships. */
async function withPackageEdits(bytes: Buffer): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === CUSTOMERS)?.part as string;
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) as string;
  const attached =
    '<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="0" priority="9" operator="equal">' +
    '<formula>"x"</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1">' +
    '<formula1>"是,否"</formula1></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="A1" location="Orders!A1" display="订单"/></hyperlinks>';
  const x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const extensions =
    "<extLst>" +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${x14}"><x14:sparklineGroups>` +
    "<x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>Orders!E2:E6</xm:f><xm:sqref>A1</xm:sqref>" +
    "</x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>" +
    `<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${x14}"><x14:slicerList/></ext>` +
    "</extLst>";
  const sheetXml = xml
    .replace(/<worksheet\b/, '<worksheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"')
    .replace("<pageMargins", `${attached}<pageMargins`)
    .replace(/(<pageMargins[^>]*\/>)/, `$1<drawing r:id="rIdUserDrawing"/>`)
    .replace(/<\/worksheet>\s*$/, `${extensions}</worksheet>`);
  zip.file(part, sheetXml);
  zip.file(
    "xl/drawings/userdrawing1.xml",
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      "<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>" +
      '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="9525" cy="9525"/><xdr:sp><xdr:nvSpPr>' +
      '<xdr:cNvPr id="2" name="矩形 1"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/>' +
      "</xdr:oneCellAnchor></xdr:wsDr>",
  );
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="透视表1"/>',
  );
  const rels = relsPathOf(part);
  const relsXml =
    (await zip.file(rels)?.async("string")) ??
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    rels,
    relsXml.replace(
      "</Relationships>",
      `<Relationship Id="rIdUserDrawing" Type="${REL}/drawing" Target="../drawings/userdrawing1.xml"/>` +
        `<Relationship Id="rIdUserPivot" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>` +
        "</Relationships>",
    ),
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/drawings/userdrawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The Latin words of a Chinese text once what the user wrote (the file's and sheets' names) is taken out. */
function englishIn(text: string): string[] {
  const own = text
    .split(book)
    .join("")
    .split(path.basename(book))
    .join("")
    .replace(/“LL [^”]*”/g, "");
  return latinWordsOf(own, KEPT_FRONT_END_WORDS);
}

it("a refresh in Chinese lists every kind of thing it would remove in Chinese, and --force says what it did not keep", async () => {
  await builtBook();
  const { memoCell } = await managersEdits();
  writeFileSync(book, await withPackageEdits(readFileSync(book)));
  const before = readFileSync(book);

  const io = capture();
  expect(await run(["report", book, "--in-place", "--lang", "zh-CN"], io)).toBe(2);
  expect(readFileSync(book).equals(before)).toBe(true);
  const listed = io.stderr.split("\n").filter((l) => l.startsWith("  - "));
  expect(listed.sort()).toEqual(
    [
      `  - 工作表“${CUSTOMERS}”的 ${memoCell} 单元格中输入的内容（“周五回电”）`,
      `  - 工作表“${CUSTOMERS}”的 A1 单元格上的批注（“问问退款的事”）`,
      `  - 工作表“${CUSTOMERS}”上的 1 个图表、图片或形状`,
      `  - 工作表“${CUSTOMERS}”上的数据透视表`,
      `  - 工作表“${CUSTOMERS}”的 A1 单元格上的条件格式`,
      `  - 工作表“${CUSTOMERS}”的 A1 单元格上的数据验证`,
      `  - 工作表“${CUSTOMERS}”的 A1 单元格上的链接`,
      `  - 工作表“${CUSTOMERS}”的 A1 单元格中的迷你图`,
      `  - 工作表“${CUSTOMERS}”上的一项 Excel 扩展内容（{A8765BA9-456A-4dab-B4F3-ACF838C121DE}）`,
    ].sort(),
  );
  expect(englishIn(io.stderr.replace(/\{[0-9A-Fa-f-]+\}/g, ""))).toEqual([]);

  const forced = capture();
  expect(await run(["report", book, "--in-place", "--lang", "zh-CN", "--force"], forced)).toBe(0);
  const notKept = forced.stdout.split("\n").filter((l) => l.startsWith("提示：未保留（--force）："));
  expect(notKept).toHaveLength(listed.length);
  expect(englishIn(forced.stdout.replace(/\{[0-9A-Fa-f-]+\}/g, ""))).toEqual([]);
});
