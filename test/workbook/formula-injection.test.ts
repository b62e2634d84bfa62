/**
 * Formula injection and text fidelity at every output: ids and names from data that start with =, +, -,
 * @, tab or CR must be written as text in every sheet (xlsx file, new or updated; Office adapter) and every
 * CSV, and come back exactly as written. The contract tests (contract.ts) check a fixed list through each
 * adapter's port; here random texts go through the writers and the raw output is checked: no <f> element
 * in the sheet XML, no unquoted formula in the Office payload, a neutralised field in the CSV.
 */
import fc from "fast-check";
import JSZip from "jszip";
import Papa from "papaparse";
import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRowResolver, isFormulaLike, MAX_CELL_TEXT } from "../../src/sheet/sheet-model-cells";
import type { SheetModel } from "../../src/sheet/sheet-model";
import { neutraliseFormula, toCsv } from "../../src/workbook/csv/write";
import { toOfficeInput } from "../../src/workbook/office/cell-values";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { HOSTILE_TEXTS } from "./contract";
import { enter, type FakeCell } from "./office/fake-excel-model";
import { fixtureWorkbook } from "./xlsx-fixture";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-injection-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Texts a spreadsheet would run: a formula prefix, then anything (any Unicode, controls included). */
const formulaLike = fc
  .tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ unit: "binary", maxLength: 30 }))
  .map(([prefix, rest]) => prefix + rest);
/** Any non-empty text, half of them formula-like, with the characters XML text cannot carry as they are. */
const hostileText = fc.oneof(
  formulaLike,
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc.constantFrom("_x0041_", "_x000D_=1", "a\u0001b", "\u007f", "x\r\ny", "_X00e9_"),
);

const RUNS = { numRuns: 200, seed: 20240612 };

describe("CSV output", () => {
  it("neutralises every formula-like text with a leading apostrophe and keeps every other text as is", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hostileText, { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          const csv = toCsv(rows, { bom: false });
          const parsed = Papa.parse<string[]>(csv.replace(/\r\n$/, ""), { delimiter: "," }).data;
          expect(parsed).toEqual(rows.map((r) => r.map(neutraliseFormula)));
          for (const field of parsed.flat()) expect(isFormulaLike(field)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("writes numbers as numbers, so a negative amount is not taken for text", () => {
    expect(toCsv([["-7", -7, "+1", 1]], { bom: false })).toBe("'-7,-7,'+1,1\r\n");
  });
});

describe("Office adapter's value path", () => {
  it("sends every text with the quote prefix, so Excel stores exactly that text and no formula", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const [resolved] = createRowResolver()({ at: { row: 1, col: 1 }, rows: [[text]] }, 0);
        const cell: FakeCell = { value: null } as FakeCell;
        enter(cell, toOfficeInput(resolved));
        expect({ value: cell.value, formula: cell.formula }).toEqual({ value: text, formula: undefined });
      }),
      RUNS,
    );
  });
});

function textsModel(texts: string[]): SheetModel {
  return {
    kind: "texts",
    name: "Texts",
    blocks: [
      {
        at: { row: 1, col: 1 },
        rows: [["Customer ID", "Name"], ...texts.map((t, i) => [t, `${i}`])],
        table: { name: "LL_Texts" },
      },
      // The same texts as plain cells (names, segment labels) beside the table.
      { at: { row: 1, col: 4 }, rows: [["Name"], ...texts.map((t) => [t])] },
    ],
  };
}

/** The XML of the generated sheet "LL Texts". */
async function sheetXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = /<sheet [^>]*name="LL Texts"[^>]*r:id="(\w+)"/.exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)![1];
  return zip.file(`xl/${target}`)!.async("string");
}

let fileNo = 0;
let lastFile = "";

/** Writes the texts into a new file or into an existing user's workbook; checks the file and a re-read. */
async function checkXlsx(texts: string[], how: "new" | "update"): Promise<void> {
  const file = path.join(dir, `${how}-${++fileNo}.xlsx`);
  lastFile = file;
  let wb: XlsxWorkbook;
  if (how === "new") wb = XlsxWorkbook.create();
  else {
    await fixtureWorkbook({
      sheets: [{ name: "Orders", rows: [["Customer ID"], ...texts.map((t) => [t])] }],
    }).xlsx.writeFile(file);
    wb = await XlsxWorkbook.open(file);
  }
  await wb.writeSheet(textsModel(texts));
  await wb.save(file);
  // Text cells only: no formula anywhere in the generated sheet.
  expect(await sheetXml(file)).not.toMatch(/<f[ >]/);
  const back = await XlsxWorkbook.open(file);
  expect((await back.readTable({ table: "LL_Texts" })).columns[0]).toEqual(texts);
  const plain = await back.readRange("LL Texts", `D2:D${texts.length + 1}`);
  expect(plain.map((r) => r[0])).toEqual(texts);
  if (how === "update") {
    // The user's own cells, rewritten by ExcelJS on saving, keep their text too.
    const user = await back.readRange("Orders", `A2:A${texts.length + 1}`);
    expect(user.map((r) => r[0])).toEqual(texts);
  }
}

describe("xlsx output", () => {
  it("writes the hostile ids of the contract as shared-string text, never as <f>, in a new and an updated file", async () => {
    await checkXlsx([...HOSTILE_TEXTS], "new");
    await checkXlsx([...HOSTILE_TEXTS], "update");
  });

  it("writes any text as text and reads it back exactly: formula-like, controls, CR, literal _xHHHH_", async () => {
    const texts = fc.array(hostileText, { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(texts, (t) => checkXlsx(t, "new")),
      { numRuns: 8, seed: 20240613 },
    );
    await fc.assert(
      fc.asyncProperty(texts, (t) => checkXlsx(t, "update")),
      { numRuns: 4, seed: 20240614 },
    );
  });

  it("escapes what XML text cannot carry in OOXML's _xHHHH_ form, as Excel reads it", async () => {
    const texts = ["\r=1", "a\u0001b\u007f", "_x0041_ and _xZZZZ_", "tab\tand\nline stay"];
    await checkXlsx(texts, "new");
    const zip = await JSZip.loadAsync(await fs.readFile(lastFile));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    for (const escaped of [
      "_x000D_=1",
      "a_x0001_b_x007F_",
      "_x005F_x0041_ and _xZZZZ_",
      "tab\tand\nline stay",
    ]) {
      expect(strings).toContain(`>${escaped}</t>`);
    }
  });
});

describe("text longer than a cell holds", () => {
  it("is cut to Excel's 32,767 characters, ending in …, never inside an emoji, with a note saying so", () => {
    const resolve = (value: string, note?: string) =>
      createRowResolver()({ at: { row: 1, col: 1 }, rows: [[{ value, note }]] }, 0)[0];
    const long = resolve("=".repeat(40_000));
    expect((long.value as string).length).toBe(MAX_CELL_TEXT);
    expect((long.value as string).endsWith("…")).toBe(true);
    expect(long.numberFormat).toBe("@");
    expect(long.note).toBe("Cut: the full text has 40,000 characters; an Excel cell holds at most 32,767.");
    // An emoji (two UTF-16 units) across the cut is dropped whole.
    const emoji = resolve(`${"x".repeat(MAX_CELL_TEXT - 2)}🙂🙂`, "Customer id");
    const kept = emoji.value as string;
    expect({ length: kept.length, end: kept.slice(-3) }).toEqual({ length: MAX_CELL_TEXT - 1, end: "xx…" });
    expect(emoji.note).toMatch(/^Customer id\nCut: the full text has 32,769 characters/);
    expect(resolve("x".repeat(MAX_CELL_TEXT)).value).toBe("x".repeat(MAX_CELL_TEXT));
  });
});
