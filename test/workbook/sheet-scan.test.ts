/**
 * A refresh reads the report sheets it replaces as they are inflated (a report sheet of 100,000 customers
 * is 150 MB of XML): the sheet is cut into what comes before its rows, runs of whole rows and what comes
 * after them, however the inflated text falls into pieces; of the old sheet's rows only the user's cells
 * outside the report's parts are kept; they are merged back among the new sheet's rows run by run.
 */
import JSZip from "jszip";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { scanSheet } from "../../src/workbook/xlsx/sheet-scan";
import { KeptRowsMerger, userPartsOf } from "../../src/workbook/xlsx/sheet-splice";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A sheet as the report writes one: `rows` rows of six cells A:F, about 300 characters each. */
function reportRow(r: number, prefix = ""): string {
  const c = (col: string, inner: string, t = "") => `<${prefix}c r="${col}${r}"${t}>${inner}</${prefix}c>`;
  return (
    `<${prefix}row r="${r}" spans="1:6">` +
    c("A", `<${prefix}is><${prefix}t>客户 ${r}</${prefix}t></${prefix}is>`, ' t="inlineStr"') +
    c("B", `<${prefix}v>${r * 3}</${prefix}v>`) +
    c("C", `<${prefix}f>B${r}*2</${prefix}f><${prefix}v>${r * 6}</${prefix}v>`) +
    c(
      "D",
      `<${prefix}is><${prefix}t>a long text that makes the row as wide as a real one</${prefix}t></${prefix}is>`,
      ' t="inlineStr"',
    ) +
    c("E", `<${prefix}v>0.5</${prefix}v>`) +
    c("F", `<${prefix}v>45000</${prefix}v>`) +
    `</${prefix}row>`
  );
}

function sheetXml(rows: string, prefix = "", tail = ""): string {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet ${ns}>` +
    `<${prefix}dimension ref="A1:F9"/><${prefix}cols><${prefix}col min="1" max="6" width="12"/></${prefix}cols>` +
    `<${prefix}sheetData>${rows}</${prefix}sheetData>${tail}</${prefix}worksheet>`
  );
}

async function* piecesOf(text: string, size: number): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function scanned(xml: string, size: number) {
  let head = "";
  const runs: string[] = [];
  const tail = await scanSheet(piecesOf(xml, size), { head: (h) => (head = h), rows: (r) => runs.push(r) });
  return { head, runs, tail };
}

describe("a worksheet read in pieces", () => {
  const rows = Array.from({ length: 12_000 }, (_, i) => reportRow(i + 1)).join("");
  const xml = sheetXml(rows, "", '<mergeCells count="1"><mergeCell ref="H1:I1"/></mergeCells>');

  it.each([4_093, 65_536, 1 << 20])(
    "is cut into its head, runs of whole rows and its tail (pieces of %i characters)",
    async (size) => {
      expect(xml.length).toBeGreaterThan(3_000_000);
      const { head, runs, tail } = await scanned(xml, size);
      expect(head + runs.join("") + tail).toBe(xml);
      expect(head.endsWith("<sheetData>")).toBe(true);
      expect(tail.startsWith("</sheetData><mergeCells")).toBe(true);
      // Several runs of about a million characters, each whole rows only.
      expect(runs.length).toBeGreaterThanOrEqual(3);
      for (const run of runs) expect(run).toMatch(/^<row r="\d+" spans="1:6">[\s\S]*<\/row>$/);
      expect(runs.map((r) => r.match(/<row /g)?.length ?? 0).reduce((a, b) => a + b)).toBe(12_000);
    },
  );

  it("in one piece: the same parts", async () => {
    const { head, runs, tail } = await scanned(xml, xml.length);
    expect(head + runs.join("") + tail).toBe(xml);
    expect(tail.startsWith("</sheetData><mergeCells")).toBe(true);
  });

  it("with a namespace prefix, an empty <sheetData/>, or none at all", async () => {
    const prefixed = sheetXml(Array.from({ length: 9 }, (_, i) => reportRow(i + 1, "x:")).join(""), "x:");
    const p = await scanned(prefixed, 7);
    expect(p.head.endsWith("<x:sheetData>")).toBe(true);
    expect(p.runs.join("").match(/<x:row /g)).toHaveLength(9);
    expect(p.tail).toBe("</x:sheetData></x:worksheet>");

    const empty = `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="1"/></worksheet>`;
    const e = await scanned(empty, 5);
    expect([e.head, e.runs, e.tail]).toEqual([
      `<worksheet xmlns="${MAIN}"><sheetData>`,
      [],
      '</sheetData><pageMargins left="1"/></worksheet>',
    ]);

    const none = `<worksheet xmlns="${MAIN}"><pageMargins left="1"/></worksheet>`;
    expect(await scanned(none, 5)).toEqual({ head: none, runs: [], tail: "" });
  });
});

/** A package holding one worksheet part. */
async function packageWith(sheet: string): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file("xl/workbook.xml", `<workbook xmlns="${MAIN}"><sheets/></workbook>`);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  return XlsxPackage.fromBuffer(
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    "b.xlsx",
  );
}

describe("the user's cells of an old report sheet, read as it is inflated", () => {
  // The report's parts: its table A1:F10000 and a title row further down, A10003:B10003.
  const owned = [
    { top: 1, left: 1, bottom: 10_000, right: 6 },
    { top: 10_003, left: 1, bottom: 10_003, right: 2 },
  ];
  const userCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = Array.from({ length: 10_003 }, (_, i) => {
    const r = i + 1;
    if (r === 7) return reportRow(7).replace("</row>", `${userCell("H7", "call back")}</row>`);
    if (r === 5_000)
      return reportRow(5_000).replace("</row>", '<c r="H5000" s="3"/><c s="2"><v>42</v></c></row>');
    if (r === 10_002) return `<row r="10002">${userCell("A10002", "memo under the table")}</row>`;
    if (r === 10_003)
      return `<row r="10003"><c r="A10003" t="inlineStr"><is><t>Kept notes</t></is></c>${userCell("D10003", "beside the title")}</row>`;
    return r <= 10_000 ? reportRow(r) : `<row r="${r}"/>`;
  }).join("");

  it("keeps only the cells outside the report's parts that hold something, at their place", async () => {
    const pkg = await packageWith(sheetXml(rows));
    const parts = await userPartsOf(pkg, "xl/worksheets/sheet1.xml", owned);
    const kept = [...parts.rows].map(([row, k]) => [row, k.cells.map((c) => c.xml)]);
    expect(kept).toEqual([
      [7, [userCell("H7", "call back")]],
      // A cell written without its reference is at the column after the one before it; a format alone
      // (H5000 with a style and nothing in it) is not kept.
      [5_000, ['<c r="I5000" s="2"><v>42</v></c>']],
      [10_002, [userCell("A10002", "memo under the table")]],
      [10_003, [userCell("D10003", "beside the title")]],
    ]);
  });

  it("puts them back among the new sheet's rows run by run, the new sheet's cells winning", async () => {
    const pkg = await packageWith(sheetXml(rows));
    const parts = await userPartsOf(pkg, "xl/worksheets/sheet1.xml", owned);
    // The new sheet: 9,000 rows of the table (it shrank), its own cell at D10003 where the user wrote.
    const ours =
      Array.from({ length: 9_000 }, (_, i) => reportRow(i + 1)).join("") +
      '<row r="10003"><c r="D10003"><v>1</v></c></row>';
    const merger = new KeptRowsMerger(parts.rows);
    let out = "";
    const { runs } = await scanned(sheetXml(ours), 65_536);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) out += merger.run(run);
    out += merger.rest();
    const rowNumbers = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNumbers).toEqual([...Array.from({ length: 9_000 }, (_, i) => i + 1), 10_002, 10_003]);
    expect(/<row r="7"[^>]*>([\s\S]*?)<\/row>/.exec(out)?.[1]).toBe(
      /<row r="7"[^>]*>([\s\S]*?)<\/row>/.exec(reportRow(7))?.[1] + userCell("H7", "call back"),
    );
    expect(out).toContain('<c r="I5000" s="2"><v>42</v></c></row>');
    expect(out).toContain(`<row r="10002">${userCell("A10002", "memo under the table")}</row>`);
    expect(out.endsWith('<row r="10003"><c r="D10003"><v>1</v></c></row>')).toBe(true);
    // Nothing else changed: our rows are as they were (a row given cells of the user's loses its spans).
    const withoutUsers = out
      .replace(userCell("H7", "call back"), "")
      .replace('<c r="I5000" s="2"><v>42</v></c>', "")
      .replace(`<row r="10002">${userCell("A10002", "memo under the table")}</row>`, "");
    expect(withoutUsers).toBe(
      ours
        .replace('<row r="7" spans="1:6">', '<row r="7">')
        .replace('<row r="5000" spans="1:6">', '<row r="5000">'),
    );
  });
});
