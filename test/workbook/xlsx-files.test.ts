/**
 * What only the xlsx adapter does: refuse bad files with a clear message, keep a user's workbook intact
 * through an in-place update, add chart parts, write atomically, and read big files by streaming.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "../../src/user-error";
import { writeFileAtomically } from "../../src/workbook/atomic-write";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readZipDirectory } from "../../src/workbook/xlsx/zip-reader";
import { STANDARD } from "./contract";
import { exampleSheetModel } from "./example-model";
import { fixtureWorkbook } from "./xlsx-fixture";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-xlsx-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name = "book.xlsx") => path.join(dir, `${++n}-${name}`);

async function standardFile(): Promise<string> {
  const f = file();
  await fixtureWorkbook(STANDARD).xlsx.writeFile(f);
  return f;
}

async function openAndRead(f: string): Promise<unknown> {
  const wb = await XlsxWorkbook.open(f);
  await wb.listSheets();
  return wb.readTable({ sheet: "Orders" });
}

async function zipParts(f: string): Promise<JSZip> {
  return JSZip.loadAsync(await fs.readFile(f));
}

describe("xlsx adapter: bad files get a clear message", () => {
  it("names a missing file", async () => {
    await expect(openAndRead(path.join(dir, "missing.xlsx"))).rejects.toThrow(/missing\.xlsx does not exist/);
  });

  it("refuses an empty file, a text file and other non-zip bytes", async () => {
    const empty = file("empty.xlsx");
    await fs.writeFile(empty, "");
    await expect(openAndRead(empty)).rejects.toThrow(/empty\.xlsx is empty \(0 bytes\)/);
    const csv = file("orders.xlsx");
    await fs.writeFile(csv, "id,date,amount\n1,2024-01-01,3\n");
    await expect(openAndRead(csv)).rejects.toThrow(/orders\.xlsx is a text file, not an \.xlsx workbook/);
    const binary = file("blob.xlsx");
    await fs.writeFile(binary, Buffer.from([0, 1, 2, 3, 250, 251, 0, 7]));
    await expect(openAndRead(binary)).rejects.toThrow(/blob\.xlsx is not an \.xlsx workbook/);
  });

  it("recognises a password-protected workbook and an old .xls file", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const encrypted = file("secret.xlsx");
    const withStream = Buffer.from(cfb);
    Buffer.from("EncryptionInfo", "utf16le").copy(withStream, 1024);
    await fs.writeFile(encrypted, withStream);
    await expect(openAndRead(encrypted)).rejects.toThrow(/secret\.xlsx is password-protected/);
    const xls = file("old.xlsx");
    await fs.writeFile(xls, cfb);
    await expect(openAndRead(xls)).rejects.toThrow(/old\.xlsx is an old Excel 97-2003 \(\.xls\) file/);
  });

  it("reports a truncated file and a zip that is not a workbook", async () => {
    const bytes = await fs.readFile(await standardFile());
    const cut = file("cut.xlsx");
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(openAndRead(cut)).rejects.toThrow(/cut\.xlsx is damaged or incomplete: .*truncated/);
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const other = file("other.xlsx");
    await fs.writeFile(other, await zip.generateAsync({ type: "nodebuffer" }));
    await expect(openAndRead(other)).rejects.toThrow(/other\.xlsx is a zip file but not an Excel workbook/);
  });

  it("refuses a zip bomb before inflating anything", async () => {
    const bytes = Buffer.from(await fs.readFile(await standardFile()));
    // Claim 3 GB for the first sheet in the central directory (what a bomb looks like from outside).
    const entry = readZipDirectory(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(entry).toBeDefined();
    let p = bytes.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
    expect(bytes.readUInt32LE(p)).toBe(0x02014b50);
    bytes.writeUInt32LE(3_000_000_000, p + 24);
    const bomb = file("bomb.xlsx");
    await fs.writeFile(bomb, bytes);
    await expect(openAndRead(bomb)).rejects.toThrow(
      /bomb\.xlsx is refused: its part xl\/worksheets\/sheet1\.xml would expand/,
    );
    // A directory that claims LESS than the part really holds is caught while inflating, capped.
    p = bytes.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
    bytes.writeUInt32LE(10, p + 24);
    const liar = file("liar.xlsx");
    await fs.writeFile(liar, bytes);
    await expect(openAndRead(liar)).rejects.toThrow(
      /liar\.xlsx is damaged: part xl\/worksheets\/sheet1\.xml cannot be decompressed/,
    );
  });

  it("checks bytes given in memory the same way", async () => {
    expect(() => XlsxWorkbook.fromBuffer(Buffer.from("a,b\n1,2\n"), "pasted.xlsx")).toThrow(
      /pasted\.xlsx is a text file/,
    );
    const wb = XlsxWorkbook.fromBuffer(await fs.readFile(await standardFile()), "upload.xlsx");
    expect((await wb.readTable({ sheet: "Orders" })).source).toBe("upload.xlsx, sheet Orders");
  });

  it("throws UserError (exit code 2 in the CLI) for every one of these", async () => {
    const cut = file("cut2.xlsx");
    await fs.writeFile(cut, Buffer.from("PK\u0003\u0004 not really"));
    await expect(openAndRead(cut)).rejects.toBeInstanceOf(UserError);
  });
});

/** A user's workbook with what an in-place update must keep. */
async function richUserWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget", { properties: { tabColor: { argb: "FFFF0000" } } });
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 15 }];
  ws.getCell("A1").value = "Budget 2024";
  ws.getCell("A1").font = { bold: true, size: 16, color: { argb: "FF1F3864" } };
  ws.mergeCells("A1:C1");
  ws.addRow(["Item", "Qty", "Cost"]);
  ws.addRow(["Gifts", 10, 2.5]);
  ws.addRow(["Events", 3, 120]);
  ws.getCell("D3").value = { formula: "B3*C3", result: 25 };
  ws.getCell("D4").value = { formula: "B4*C4*(1+VAT)", result: 432 };
  ws.getCell("D5").value = { formula: "SUM(D3:D4)", result: 457 };
  ws.getCell("C3").numFmt = '"¥"#,##0.00';
  ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C4").border = { bottom: { style: "double", color: { argb: "FF0000FF" } } };
  ws.getCell("B3").dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [0, 100],
    allowBlank: true,
  };
  ws.addConditionalFormatting({
    ref: "D3:D4",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["100"],
        priority: 1,
        style: { font: { bold: true } },
      },
    ],
  });
  ws.getCell("A6").note = "Checked by finance";
  wb.addWorksheet("Notes").getCell("A1").value = "=not a formula, text";
  const f = file("budget.xlsx");
  await wb.xlsx.writeFile(f);
  // Names ExcelJS cannot write itself: a constant, a formula, a sheet-local name and a print area.
  const zip = await zipParts(f);
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
  const names =
    "<definedNames>" +
    '<definedName name="_xlnm.Print_Area" localSheetId="0">Budget!$A$1:$D$5</definedName>' +
    '<definedName name="Costs">Budget!$C$3:$C$4</definedName>' +
    '<definedName name="Local" localSheetId="1">Notes!$A$1</definedName>' +
    '<definedName name="Total" comment="all costs">SUM(Budget!$D$3:$D$4)</definedName>' +
    '<definedName name="VAT">0.2</definedName>' +
    "</definedNames>";
  zip.file(
    "xl/workbook.xml",
    workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|(?=<calcPr)/, names),
  );
  await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return f;
}

async function cellsOf(f: string, sheet: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const out: Record<string, unknown> = {
    merges: (ws.model as { merges?: string[] }).merges,
    widths: [1, 2, 3].map((c) => ws.getColumn(c).width),
    tab: ws.properties.tabColor,
    cf: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
  };
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = { value: cell.value, style: cell.style, note: cell.note, dv: cell.dataValidation };
    }),
  );
  return out;
}

function namesOf(bytes: Buffer) {
  return XlsxPackage.fromBuffer(bytes, "x").definedNames();
}

describe("xlsx adapter: updating a user's workbook in place", () => {
  it("adds generated sheets and keeps every user sheet's cells, formulas, styles and names", async () => {
    const f = await richUserWorkbook();
    const budgetBefore = await cellsOf(f, "Budget");
    const notesBefore = await cellsOf(f, "Notes");
    const namesBefore = namesOf(await fs.readFile(f));
    expect(namesBefore.map((x) => x.name)).toEqual(["_xlnm.Print_Area", "Costs", "Local", "Total", "VAT"]);

    const wb = await XlsxWorkbook.open(f);
    await wb.writeSheet(exampleSheetModel());
    await wb.writeSettings({ version: 1 });
    expect(await wb.save()).toEqual({ file: f, notKept: [] });
    const again = await XlsxWorkbook.open(f);
    await again.writeSheet(exampleSheetModel());
    await again.save();

    expect(await cellsOf(f, "Budget")).toEqual(budgetBefore);
    expect(await cellsOf(f, "Notes")).toEqual(notesBefore);
    const namesAfter = namesOf(await fs.readFile(f));
    for (const name of namesBefore) expect(namesAfter).toContainEqual(name);
    expect(namesAfter.map((x) => x.name).sort()).toEqual([
      "Costs",
      "LL_AlertDays",
      "LL_RedemptionRate",
      "LL_Segments",
      "Local",
      "Total",
      "VAT",
      "_xlnm.Print_Area",
    ]);
    // localSheetId still points at the right sheets.
    const workbookXml = (await (await zipParts(f)).file("xl/workbook.xml")?.async("string")) as string;
    expect(workbookXml).toContain('<definedName name="Local" localSheetId="1">Notes!$A$1</definedName>');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">');
    expect((await again.listSheets()).map((s) => s.name)).toEqual(["Budget", "Notes", "LL Example"]);
  });

  it("writes charts as DrawingML parts that refer to the generated sheet", async () => {
    const f = file("charts.xlsx");
    const wb = XlsxWorkbook.create();
    await wb.writeSheet(exampleSheetModel());
    await wb.save(f);
    const zip = await zipParts(f);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(6);
    const types = [];
    for (const c of charts.sort()) {
      const xml = (await zip.file(c)?.async("string")) as string;
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain("<c:f>'LL Example'!$");
      types.push(/<c:(bar|line|pie|doughnut|scatter)Chart>/.exec(xml)?.[1]);
    }
    expect(types).toEqual(["bar", "bar", "line", "pie", "doughnut", "scatter"]);
    const drawing = (await zip.file("xl/drawings/drawing1.xml")?.async("string")) as string;
    expect(XMLValidator.validate(drawing)).toBe(true);
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(6);
    const contentTypes = (await zip.file("[Content_Types].xml")?.async("string")) as string;
    expect(contentTypes).toContain('PartName="/xl/charts/chart6.xml"');
    expect(contentTypes).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheetXml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    expect(XMLValidator.validate(sheetXml)).toBe(true);
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/><legacyDrawing|<drawing r:id="rId\d+"\/><tableParts/);
  });

  it("keeps the charts of generated sheets it does not rewrite", async () => {
    const f = file("keep-charts.xlsx");
    const wb = XlsxWorkbook.create();
    await wb.writeSheet(exampleSheetModel());
    await wb.save(f);
    const again = await XlsxWorkbook.open(f);
    await again.writeSheet({
      kind: "other",
      name: "Other",
      blocks: [{ at: { row: 1, col: 1 }, rows: [["x"]] }],
    });
    await again.save();
    const zip = await zipParts(f);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(6);
    expect(Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
  });

  it("updates in place a workbook whose user sheet has charts, and keeps every part of theirs byte for byte", async () => {
    const f = file("user-chart.xlsx");
    const wb = XlsxWorkbook.create();
    await wb.writeSheet(exampleSheetModel());
    await wb.save(f);
    // Rename the sheet behind the registry's back: it is now a user's sheet with six charts.
    const zip = await zipParts(f);
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file("xl/workbook.xml", workbookXml.replace('name="LL Example"', 'name="Sales chart"'));
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const before = await zipParts(f);
    const salesChart = XlsxPackage.fromBuffer(await fs.readFile(f), "f")
      .sheets()
      .find((s) => s.name === "Sales chart")?.part;

    const user = await XlsxWorkbook.open(f);
    await user.writeSheet({
      kind: "other",
      name: "Other",
      blocks: [{ at: { row: 1, col: 1 }, rows: [["x"]] }],
    });
    expect((await user.save()).notKept).toEqual([]);
    const after = await zipParts(f);
    const userParts = Object.keys(before.files).filter(
      (p) => /^xl\/(charts|drawings)\/.+[^/]$/.test(p) || p === salesChart,
    );
    expect(userParts.length).toBeGreaterThan(8);
    for (const part of userParts) {
      const was = await before.file(part)?.async("nodebuffer");
      expect([part, (await after.file(part)?.async("nodebuffer"))?.equals(was as Buffer)]).toEqual([
        part,
        true,
      ]);
    }
  });
});

describe("xlsx adapter: atomic writes", () => {
  it("leaves the old file and no temporary file behind when writing fails", async () => {
    const f = file("atomic.xlsx");
    await fs.writeFile(f, "old content");
    await expect(
      writeFileAtomically(f, Buffer.from("new content"), () => {
        throw new UserError("check failed");
      }),
    ).rejects.toThrow("check failed");
    expect(await fs.readFile(f, "utf8")).toBe("old content");
    expect((await fs.readdir(dir)).filter((x) => x.endsWith(".tmp"))).toEqual([]);
    await writeFileAtomically(f, Buffer.from("new content"));
    expect(await fs.readFile(f, "utf8")).toBe("new content");
  });

  it("says when the folder does not exist", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheet(exampleSheetModel());
    await expect(wb.save(path.join(dir, "no-such-folder", "x.xlsx"))).rejects.toThrow(
      /the folder .* does not exist/,
    );
  });
});

describe("xlsx adapter: files are read by streaming, one sheet part at a time", () => {
  it("lists and reads sheets, tables and ranges without loading the workbook", async () => {
    const f = await standardFile();
    const streamed = await XlsxWorkbook.open(f);
    expect((await streamed.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales"]);
    expect((await streamed.listTables()).map((t) => [t.name, t.sheet, t.range])).toEqual([
      ["SalesTable", "Sales", "A1:D3"],
    ]);
    expect(await streamed.readRange("Sales", "A1:D4")).toEqual([
      ["Item", "Qty", "Price", "Total"],
      ["Pen", 3, 1.5, 4.5],
      ["Ink", 2, 4, 8],
      ["Sum", null, null, 12.5],
    ]);
    await streamed.writeSheet(exampleSheetModel());
    expect((await streamed.listSheets()).map((s) => s.name)).toEqual(["Orders", "Sales", "LL Example"]);
  });

  it("reads a whole day repeated down a column (a member's birthday on each of their lines) as one Date; times of day each as their own", async () => {
    const f = file();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(["Member", "Order Date", "Birthday"]);
    ws.addRow(["A", new Date(Date.UTC(2024, 0, 1, 9, 30)), new Date(Date.UTC(1990, 4, 17))]);
    ws.addRow(["A", new Date(Date.UTC(2024, 0, 1, 9, 30)), new Date(Date.UTC(1990, 4, 17))]);
    ws.addRow(["B", new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(1990, 4, 17))]);
    await wb.xlsx.writeFile(f);
    const table = await (await XlsxWorkbook.open(f)).readTable({ sheet: "Orders" });
    const [, orderDates, birthdays] = table.columns as Date[][];
    expect(birthdays.map((d) => d.toISOString())).toEqual(Array(3).fill("1990-05-17T00:00:00.000Z"));
    expect(birthdays[1]).toBe(birthdays[0]);
    expect(birthdays[2]).toBe(birthdays[0]);
    expect(orderDates.map((d) => d.toISOString())).toEqual([
      "2024-01-01T09:30:00.000Z",
      "2024-01-01T09:30:00.000Z",
      "2024-01-02T00:00:00.000Z",
    ]);
    expect(orderDates[1]).not.toBe(orderDates[0]);
  });

  it("ignores a formatted but blank cell a million rows below the data", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(["Customer", "Amount"]);
    ws.addRow(["A", 1]);
    ws.getCell("A1000000").numFmt = "@";
    const f = file("blank-rows.xlsx");
    await wb.xlsx.writeFile(f);
    const t = await (await XlsxWorkbook.open(f)).readTable({ sheet: "Orders" });
    expect(t.columns).toEqual([["A"], [1]]);
  });
});

/** The generated sheet as plain ExcelJS sees it, to compare the two writers. */
async function generatedSheetOf(f: string, sheet: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const out: Record<string, unknown> = {
    merges: (ws.model as { merges?: string[] }).merges,
    widths: [1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width),
    views: ws.views.map((v) => ({
      ...v,
      activeCell: undefined,
      zoomScale: undefined,
      zoomScaleNormal: undefined,
    })),
    tab: ws.properties.tabColor,
    tables: ws.getTables().map((t) => {
      const m = (t as unknown as { table: { name: string; tableRef?: string; ref: string } }).table;
      return [m.name, m.tableRef ?? m.ref];
    }),
    cf: (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
    ).conditionalFormattings.map((c) => [c.ref, c.rules.map((r) => r.type)]),
  };
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      out[cell.address] = {
        value: cell.value,
        numFmt: cell.numFmt,
        font: cell.font && {
          bold: cell.font.bold,
          italic: cell.font.italic,
          size: cell.font.size,
          color: cell.font.color,
        },
        fill: cell.fill,
        border: cell.border,
        note: cell.note,
        dv: cell.dataValidation,
      };
    }),
  );
  return out;
}

describe("xlsx adapter: a new file (streaming writer) and an updated file (ExcelJS model) look the same", () => {
  it("writes the same cells, formats, styles, tables, views, validations and names either way", async () => {
    const streamed = file("streamed.xlsx");
    const fresh = XlsxWorkbook.create();
    await fresh.writeSheet(exampleSheetModel());
    await fresh.save(streamed);

    const updated = await standardFile();
    const wb = await XlsxWorkbook.open(updated);
    await wb.writeSheet(exampleSheetModel());
    await wb.save();

    const a = await generatedSheetOf(streamed, "LL Example");
    const b = await generatedSheetOf(updated, "LL Example");
    expect(Object.keys(a).length).toBeGreaterThan(90);
    expect(a).toEqual(b);
    const names = (f: string) =>
      fs.readFile(f).then((bytes) =>
        namesOf(bytes)
          .filter((x) => x.name.startsWith("LL_"))
          .map((x) => [x.name, x.formula, x.otherAttributes]),
      );
    expect(await names(streamed)).toEqual(await names(updated));
    const zip = await zipParts(streamed);
    const table = (await zip.file("xl/tables/table1.xml")?.async("string")) as string;
    expect(XMLValidator.validate(table)).toBe(true);
    expect(table).toContain('name="LL_Example_Segments"');
    expect(table).toContain('ref="A4:F10"');
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
  });
});

describe("xlsx adapter: data validation of user sheets", () => {
  it("keeps a whole-column dropdown exactly as it was (ExcelJS would expand it cell by cell)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Tier", "x"]);
    ws.getCell("A2").dataValidation = { type: "list", formulae: ['"Gold,Silver"'], allowBlank: true };
    const f = file("dropdown.xlsx");
    await wb.xlsx.writeFile(f);
    const zip = await zipParts(f);
    const sheetXml = ((await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string).replace(
      'sqref="A2"',
      'sqref="A2:A1048576"',
    );
    zip.file("xl/worksheets/sheet1.xml", sheetXml);
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const original = /<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(sheetXml)?.[0];
    expect(original).toContain('sqref="A2:A1048576"');

    const book = await XlsxWorkbook.open(f);
    await book.writeSheet(exampleSheetModel());
    await book.save();
    const after = await zipParts(f);
    const dataXml = (await after.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    expect(XMLValidator.validate(dataXml)).toBe(true);
    expect(/<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(dataXml)?.[0]).toBe(original);
    // The generated sheet has its own validations, written by the adapter.
    const generated = (await after.file("xl/worksheets/sheet2.xml")?.async("string")) as string;
    expect(generated).toContain('sqref="B16"');
  });
});
