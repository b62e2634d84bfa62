/**
 * A workbook an EARLIER VERSION of Loyalty Lens wrote, before the report marked its objects (charts named
 * after their title, notes authored "Author", no record of the notes and formats in the registry; made
 * here from a current build by test/helpers/built-before-marks.ts). Its first refresh knows the old
 * build's charts (the title and top-left cell its registry recorded) and notes (ExcelJS's author, on a
 * cell the report writes a note on) as the report's, even where the data changed their text
 * and moved the customer table: it refreshes without --force. Anything else on the report's sheets stays
 * the user's and is listed: a chart with a report chart's title elsewhere, a note by someone else, a note
 * with the old author on a cell the report writes no note on.
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
import { asBuiltBeforeMarks } from "../helpers/built-before-marks";
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
  const table = generateOrders({ customers: 60, seed: 11, cells: "typed" });
  const wb = new ExcelJS.Workbook();
  const orders = wb.addWorksheet("Orders");
  orders.addRow(table.headers);
  for (let r = 0; r < table.columns[0].length; r++)
    orders.addRow(table.columns.map((c) => c[r] as ExcelJS.CellValue));
  const book = path.join(dir, "built.xlsx");
  await wb.xlsx.writeFile(book);
  await runJson(["report", book, "--in-place"]);
  aged = await asBuiltBeforeMarks(readFileSync(book));
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
    '  - the note on cell C12 of sheet "LL Customers" ("written by a script")',
    '  - a chart, picture or shape on sheet "LL Tiers"',
  ]);
  expect(readFileSync(book).equals(before)).toBe(true);
});

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
