/**
 * A new workbook written straight from its sheet models (stream-write.ts): every part is well-formed
 * XML, and LibreOffice, an independent reader, opens it and finds its cells, its table and its names.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import type { SheetModel } from "../../src/sheet/sheet-model";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "../helpers/libreoffice";
import { readSavedSheet } from "../helpers/saved-xlsx";

/** Excel's serial of 2024-03-01, by hand: 45,292 is 2024-01-01, then January (31 days) and February 2024 (29). */
const MARCH_1_2024 = 45292 + 31 + 29;

const model: SheetModel = {
  kind: "stream-example",
  name: "Stream",
  freeze: { rows: 3, cols: 1 },
  columnWidths: [14, 10, 12],
  tabColor: "#5B9BD5",
  blocks: [
    {
      at: { row: 1, col: 1 },
      rows: [[{ value: "Customers & <tiers>", style: "title", note: "Made by a test" }]],
    },
    {
      at: { row: 3, col: 1 },
      table: { name: "LL_Stream" },
      columnFormats: [null, "currency", "date"],
      rows: [
        ["Customer ID", "Spend", "First purchase", "Member"],
        [" 007", 12.5, new Date(Date.UTC(2024, 2, 1)), true],
        ["=not a formula", -3, null, false],
        ["a\u0001b", 1e-7, null, null],
      ],
    },
    {
      at: { row: 8, col: 1 },
      rows: [["Total", { formula: "SUM(B4:B6)", result: 9.5000001, format: "decimal" }]],
      style: "total",
    },
  ],
  names: [{ name: "LL_Total", range: "B8" }],
  merges: ["A1:C1"],
  conditionalFormats: [
    { type: "colorScale", range: "B4:B6", colors: ["#F8696B", "#63BE7B"] },
    { type: "cellValue", range: "B4:B6", operator: "lessThan", operands: [0], style: { fill: "#FFC7CE" } },
  ],
  validations: [{ type: "list", range: "D4:D6", values: ["TRUE", "FALSE"] }],
};

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ll-stream-write-"));
  file = path.join(dir, "stream.xlsx");
  const workbook = XlsxWorkbook.create();
  await workbook.writeSheet(model);
  await workbook.writeMemberState([
    ["state", "1", "2024-03-01"],
    ["C1", "Gold", "1", ""],
  ]);
  await workbook.save(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a new workbook written from its models", () => {
  it("has only well-formed XML parts", () => {
    const pkg = XlsxPackage.fromBuffer(readFileSync(file), "stream.xlsx");
    const parts = pkg.entries.map((e) => e.name).filter((p) => /\.(xml|rels|vml)$/.test(p));
    expect(parts).toEqual(
      expect.arrayContaining([
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/tables/table1.xml",
        "xl/comments1.xml",
      ]),
    );
    for (const part of parts) {
      const result = XMLValidator.validate(pkg.text(part));
      expect({ part, result }).toEqual({ part, result: true });
    }
  });

  it("writes its cells, table, names, view and recalculation as the models say", () => {
    const pkg = XlsxPackage.fromBuffer(readFileSync(file), "stream.xlsx");
    const sheetPart = pkg.sheets().find((s) => s.name === "LL Stream")?.part as string;
    const sheet = pkg.text(sheetPart);
    expect(sheet).toContain('<dimension ref="A1:D8"/>');
    expect(sheet).toContain(
      '<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>',
    );
    expect(sheet).toContain('<mergeCell ref="A1:C1"/>');
    const cells = readSavedSheet(file, "LL Stream");
    expect(cells.get("A1")?.value).toBe("Customers & <tiers>");
    // (The helper trims text; the space is in the XML, kept.)
    expect(pkg.text("xl/sharedStrings.xml")).toContain('<si><t xml:space="preserve"> 007</t></si>');
    expect(cells.get("C4")?.value).toBe(MARCH_1_2024);
    expect(cells.get("D4")?.value).toBe(true);
    expect(cells.get("A5")?.value).toBe("=not a formula");
    expect(cells.get("A5")?.formula).toBeUndefined();
    expect(cells.get("B8")).toEqual({ formula: "SUM(B4:B6)", value: 9.5000001 });
    const workbookXml = pkg.text("xl/workbook.xml");
    expect(workbookXml).toContain("<definedName name=\"LL_Total\">'LL Stream'!$B$8</definedName>");
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
    expect(workbookXml).toMatch(/<sheet name="_loyalty_lens_members" sheetId="\d+" state="veryHidden"/);
    expect(pkg.text("xl/tables/table1.xml")).toContain('ref="A3:D6"');
    expect(pkg.text("xl/comments1.xml")).toContain("<author>Loyalty Lens</author>");
  });
});

describeWithLibreOffice("a new workbook opened by LibreOffice", () => {
  let saved: string;

  beforeAll(async () => {
    [saved] = await convertWithLibreOffice(file, path.join(dir, "libreoffice"), "xlsx");
  }, 180_000);

  it("reads its cells, its formula's result, its table and its name", () => {
    const cells = readSavedSheet(saved, "LL Stream");
    expect(cells.get("A1")?.value).toBe("Customers & <tiers>");
    expect(cells.get("A3")?.value).toBe("Customer ID");
    expect(cells.get("A4")?.value).toBe("007"); // the helper trims text: the space is checked below
    expect(cells.get("B4")?.value).toBe(12.5);
    expect(cells.get("C4")?.value).toBe(MARCH_1_2024);
    expect(cells.get("D5")?.value).toBe(false);
    expect(cells.get("A5")?.value).toBe("=not a formula");
    // The control character read as one and written back in OOXML's form (the helper does not decode it).
    expect(cells.get("A6")?.value).toBe("a_x0001_b");
    // Recalculated by LibreOffice: 12.5 - 3 + 0.0000001.
    expect(cells.get("B8")?.formula).toBe("SUM(B4:B6)");
    expect(cells.get("B8")?.value).toBeCloseTo(9.5000001, 12);
    const pkg = XlsxPackage.fromBuffer(readFileSync(saved), "saved.xlsx");
    expect(pkg.text("xl/sharedStrings.xml")).toContain('<t xml:space="preserve"> 007</t>');
    const part = pkg.sheets().find((s) => s.name === "LL Stream")?.part as string;
    expect(pkg.tables(part)).toEqual([{ name: "LL_Stream", range: "A3:D6" }]);
    const name = pkg.definedNames().find((n) => n.name === "LL_Total");
    expect(name?.formula).toBe("'LL Stream'!$B$8");
  });
});
