/**
 * An element added to a worksheet a refresh rewrites (tables, drawings, notes) is placed by the element
 * order of CT_Worksheet, and the cells are kept as they are.
 */
import { insertWorksheetElement } from "../../src/workbook/xlsx/package-edit";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROOT = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const CELLS =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;/sheetData&gt; 顾客</t></is></c></row></sheetData>';

describe("insertWorksheetElement", () => {
  it("puts <tableParts> between <pageMargins> and <extLst>, declares r:, and keeps the cells byte for byte", () => {
    const xml = `${HEAD}${ROOT}${CELLS}<pageMargins left="0.7"/><extLst><ext uri="x"/></extLst></worksheet>`;
    const element = '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>';
    const edited = insertWorksheetElement(xml, "tableParts", element);
    // Worked out by hand: the r: prefix declared on the root, the element before <extLst>.
    const expected =
      `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${CELLS}` +
      `<pageMargins left="0.7"/>${element}<extLst><ext uri="x"/></extLst></worksheet>`;
    expect(edited).toBe(expected);
  });

  it("adds an element at the end of a sheet without cells and of one whose tail has none of its followers", () => {
    const empty = `${HEAD}${ROOT}<sheetData/></worksheet>`;
    const drawing = '<drawing r:id="rId1"/>';
    // By hand: the r: prefix declared, the element last.
    expect(insertWorksheetElement(empty, "drawing", drawing)).toBe(
      `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>${drawing}</worksheet>`,
    );
    const plain = `${HEAD}${ROOT}${CELLS}<pageMargins left="0.7"/></worksheet>`;
    expect(insertWorksheetElement(plain, "drawing", drawing)).toMatch(
      /<pageMargins left="0.7"\/><drawing r:id="rId1"\/><\/worksheet>$/,
    );
  });
});
