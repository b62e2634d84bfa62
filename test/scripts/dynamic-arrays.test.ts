import ExcelJS from "exceljs";
import JSZip from "jszip";
import { markArrayFormulaCells, withDynamicArrays } from "../../scripts/examples/dynamic-arrays";

describe("dynamic-array formulas in .xlsx files", () => {
  it("marks the anchor cell of each array formula, and only those", () => {
    const xml =
      '<row r="1"><c r="A1" s="2"><f t="array" ref="A1:A3">X()</f><v>1</v></c><c r="B1"><f>SUM(A1:A3)</f></c></row>';
    const { xml: out, marked } = markArrayFormulaCells(xml);
    expect(marked).toBe(1);
    expect(out).toContain('<c r="A1" s="2" cm="1"><f t="array" ref="A1:A3">');
    expect(out).toContain('<c r="B1"><f>SUM(A1:A3)</f>');
    expect(markArrayFormulaCells(out).marked).toBe(0);
  });

  it("adds the dynamic-array metadata part the marked cells point at", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    // ExcelJS writes array formulas from this shape, which its type declarations leave out.
    const arrayFormula = { formula: "SEQUENCE(3)", result: 1, shareType: "array", ref: "A1:A3" };
    ws.getCell("A1").value = arrayFormula as unknown as ExcelJS.CellValue;
    const zip = await JSZip.loadAsync(await withDynamicArrays(await wb.xlsx.writeBuffer()));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain('cm="1"><f t="array"');
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('fDynamic="1"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toMatch(
      /Id="rId\d+" Type="[^"]+\/sheetMetadata" Target="metadata.xml"/,
    );
    // ExcelJS reads the result back: the file is still a valid workbook.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await zip.generateAsync({ type: "arraybuffer" }));
    expect(back.getWorksheet("S")!.getCell("A1").formula).toBe("SEQUENCE(3)");
  });
});
