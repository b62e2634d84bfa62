/**
 * A workbook an EARLIER VERSION of Loyalty Lens wrote, before the report marked its objects (charts named
 * after their title, notes authored "Author", no record of the notes and formats in the registry; made
 * here from a current build by test/helpers/built-before-marks.ts). Its first refresh knows the old
 * build's charts (the title and top-left cell its registry recorded) and notes (ExcelJS's author, on a
 * cell the report writes a note on) as the report's, even where the data changed their text
 * and moved the customer table: it refreshes without --force. Anything else on the report's sheets stays
 * the user's: a chart with a report chart's title elsewhere and a note by someone else on the title are
 * listed; a note with the old author on a customer's cell, where the report writes no note, is the
 * user's too and goes with that customer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { parseRangeAddress } from "../../src/sheet/a1";
import { asBuiltBeforeMarks, builtWorkbook } from "../helpers/built-before-marks";
import { capture, runJson } from "../helpers/cli-io";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "ll-older-build-"));

/** The parts (drawing or comments) a report sheet refers to, by relationship type. */
function sheetParts(bytes: Buffer, sheet: string, type: "drawing" | "comments"): string[] {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = pkg.sheets().find((s) => s.name === sheet)?.part as string;
  return pkg
    .relationships(part)
    .filter((r) => r.type.endsWith(`/${type}`))
    .map((r) => r.target);
}

/** The chart names of the drawings of a sheet. */
function chartNames(bytes: Buffer, sheet: string): string[] {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  return sheetParts(bytes, sheet, "drawing").flatMap((d) =>
    [...pkg.text(d).matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]),
  );
}

let aged: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  aged = await asBuiltBeforeMarks(await builtWorkbook(dir, { customers: 60, seed: 11 }));
});

it("the workbook made for the test is as the earlier version wrote it: no marks, nothing recorded", () => {
  expect(chartNames(aged, "LL Tiers")).toEqual(["Members per tier: now and at the last review"]);
  const pkg = XlsxPackage.fromBuffer(aged, "b");
  const notes = sheetParts(aged, "LL Customers", "comments").map((c) => pkg.text(c));
  expect(notes.join("")).toContain("<author>Author</author>");
  expect(notes.join("")).not.toContain("Loyalty Lens");
});

it("its first refresh takes the old build's charts and notes for the report's, though the new data changed the notes and moved the table", async () => {
  const book = path.join(dir, "aged.xlsx");
  writeFileSync(book, aged);
  // Half a year earlier: the tier review date in a note changes and the customer table starts a row higher.
  const summary = await runJson(["report", book, "--in-place", "--as-of", "2024-06-30"]);
  expect(summary.saveWarnings).toEqual([]);
  const now = readFileSync(book);
  expect(chartNames(now, "LL Tiers")).toEqual(["LL chart 1: Members per tier: now and at the last review"]);
  const pkg = XlsxPackage.fromBuffer(now, "b");
  const notes = sheetParts(now, "LL Customers", "comments").map((c) => pkg.text(c));
  expect(notes.join("")).toMatch(/<author>Loyalty Lens<\/author>/);
  expect(notes.join("")).not.toMatch(/Tier on 2023-12-30/);
  // Marked now: the next refresh needs nothing of the earlier version.
  await runJson(["report", book, "--in-place"]);
});

it("what the user added on the old build's sheets is still theirs: listed, and the workbook is not changed", async () => {
  const book = path.join(dir, "aged-edited.xlsx");
  writeFileSync(book, await withUserObjects(aged));
  const before = readFileSync(book);
  const io = capture();
  expect(await run(["report", book, "--in-place", "--as-of", "2024-06-30"], io)).toBe(2);
  expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
    '  - the note on cell A1 of sheet "LL Customers" ("my own note")',
    '  - a chart, picture or shape on sheet "LL Tiers"',
  ]);
  expect(readFileSync(book).equals(before)).toBe(true);
  // With --force: the script's note on a customer's cell (column C) is theirs, on that customer's row now.
  const id = await customerOnRow(book, 12);
  await runJson(["report", book, "--in-place", "--as-of", "2024-06-30", "--force"]);
  const [comments] = sheetParts(readFileSync(book), "LL Customers", "comments");
  const xml = XlsxPackage.fromBuffer(readFileSync(book), "b").text(comments);
  const cell = /<comment ref="C(\d+)"[^>]*><text><t>written by a script</.exec(xml)?.[1];
  expect(await customerOnRow(book, Number(cell))).toBe(id);
});

it("formats and validation of the user's on the old build's report parts are theirs: carried with their cells, or listed; the report's own are not", async () => {
  const book = path.join(dir, "aged-formats.xlsx");
  writeFileSync(book, await withUserFormats(aged));
  const before = readFileSync(book);
  const io = capture();
  expect(await run(["report", book, "--in-place", "--as-of", "2024-06-30"], io)).toBe(2);
  // The report's own (the cohort colour scale resized, the data bar and bands on the table that lost
  // customers, the Benefit cost inputs that moved down) are not listed; the user's rule on the cohorts
  // cannot follow (no carried table there).
  expect(io.stderr.split("\n").filter((l) => l.startsWith("  - "))).toEqual([
    '  - a conditional format on cells D67:D70 of sheet "LL KPIs"',
  ]);
  expect(readFileSync(book).equals(before)).toBe(true);

  expect(await run(["report", book, "--in-place", "--as-of", "2024-06-30", "--force"], capture())).toBe(0);
  const now = readFileSync(book);
  const customers = sheetXml(now, "LL Customers");
  // 57 customers now, on rows 6 to 62: the user's rule and dropdown follow them, once each.
  expect(
    elements(customers, "conditionalFormatting").filter((e) => e.includes("<formula>1000</formula>")),
  ).toEqual([expect.stringContaining('sqref="O6:O62"')]);
  expect(elements(customers, "dataValidation").filter((e) => e.includes("Yes,No"))).toEqual([
    expect.stringContaining('sqref="B6:B62"'),
  ]);
  // The report's data bar is written once, by the new build (the old one was not carried as the user's);
  // the user's copy of it on another column is theirs and follows its customers too.
  const bars = elements(customers, "conditionalFormatting").filter((e) => e.includes('type="dataBar"'));
  expect(bars.map((e) => /sqref="([^"]*)"/.exec(e)?.[1]).sort()).toEqual(["O6:O62", "P6:P62"]);
  expect(sheetXml(now, "LL KPIs")).not.toContain("<formula>0.5</formula>");
});

/** The worksheet XML of a sheet of a workbook. */
function sheetXml(bytes: Buffer, sheet: string): string {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  return pkg.text(pkg.sheets().find((s) => s.name === sheet)?.part as string);
}

const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}\\b[\\s\\S]*?</${name}>`, "g"))].map((m) => m[0]);

/**
 * The old workbook with formats and validation of the user's on the report's parts, where its registry
 * records none: on LL Customers a rule of their own on the column the report draws data bars on, a copy
 * of the report's data bar on the next column and a dropdown on the name column; on LL KPIs a rule on the
 * first cohorts' cells.
 */
async function withUserFormats(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const edit = async (sheet: string, change: (xml: string) => string) => {
    const part = pkg.sheets().find((s) => s.name === sheet)?.part as string;
    const xml = (await zip.file(part)?.async("string")) as string;
    const changed = change(xml);
    expect(changed).not.toBe(xml);
    zip.file(part, changed);
  };
  const rule = (sqref: string, formula: string) =>
    `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="0" priority="9" operator="greaterThan">` +
    `<formula>${formula}</formula></cfRule></conditionalFormatting>`;
  // The report's own data bar, copied by the user onto another column.
  const dataBar = (sqref: string) =>
    `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="8"><dataBar><cfvo type="min"/>` +
    '<cfvo type="max"/><color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>';
  await edit("LL Customers", (xml) =>
    xml
      .replace("<pageMargins", `${rule("O6:O65", "1000")}${dataBar("P6:P65")}<pageMargins`)
      .replace(
        "<pageMargins",
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B6:B65">' +
          '<formula1>"Yes,No"</formula1></dataValidation></dataValidations><pageMargins',
      ),
  );
  await edit("LL KPIs", (xml) => xml.replace("<pageMargins", `${rule("D67:D70", "0.5")}<pageMargins`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The customer id on sheet row `row` of the customer table of a workbook. */
async function customerOnRow(book: string, row: number): Promise<unknown> {
  const wb = await XlsxWorkbook.open(book);
  const t = (await wb.listTables()).find((x) => x.name === "LL_Customers");
  if (!t) return undefined;
  const rows = await wb.readRange(t.sheet, t.range);
  return rows[row - parseRangeAddress(t.range).top]?.[0];
}

/**
 * The old workbook with objects of the user's on report sheets: a note by "manager" on the title, a note
 * with ExcelJS's author on a data cell (a script's), and on LL Tiers a chart bearing the report chart's
 * title, dragged away from where the report put it.
 */
async function withUserObjects(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const [comments] = sheetParts(bytes, "LL Customers", "comments");
  const xml = (await zip.file(comments)?.async("string")) as string;
  zip.file(
    comments,
    xml
      .replace("</authors>", "<author>manager</author></authors>")
      .replace(
        "<commentList>",
        '<commentList><comment ref="A1" authorId="1"><text><t>my own note</t></text></comment>' +
          '<comment ref="C12" authorId="0"><text><t>written by a script</t></text></comment>',
      ),
  );
  const [drawing] = sheetParts(bytes, "LL Tiers", "drawing");
  const drawingXml = (await zip.file(drawing)?.async("string")) as string;
  const anchor = /<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/.exec(drawingXml)?.[0] as string;
  const moved = anchor.replace(/<xdr:from><xdr:col>\d+<\/xdr:col>/, "<xdr:from><xdr:col>12</xdr:col>");
  zip.file(drawing, drawingXml.replace(anchor, moved));
  expect(zip.file(relsPathOf(drawing))).not.toBeNull();
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
