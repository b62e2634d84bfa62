/**
 * An element added to a saved worksheet (tables, drawings, validations) is placed by the element order
 * of CT_Worksheet; on the sheet's bytes (package-edit.ts: a million-row sheet is longer than a string can
 * be) the cells are copied as they are and the result is the text edit's, byte for byte.
 */
import { insertWorksheetElement, insertWorksheetElementInBytes } from "../../src/workbook/xlsx/package-edit";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROOT = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const CELLS =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;/sheetData&gt; 顾客</t></is></c></row></sheetData>';

describe("insertWorksheetElementInBytes", () => {
  it("puts <tableParts> between <pageMargins> and <extLst>, declares r:, and keeps the cells byte for byte", () => {
    const xml = `${HEAD}${ROOT}${CELLS}<pageMargins left="0.7"/><extLst><ext uri="x"/></extLst></worksheet>`;
    const element = '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>';
    const bytes = insertWorksheetElementInBytes(Buffer.from(xml, "utf8"), "tableParts", element);
    // Worked out by hand: the r: prefix declared on the root, the element before <extLst>.
    const expected =
      `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${CELLS}` +
      `<pageMargins left="0.7"/>${element}<extLst><ext uri="x"/></extLst></worksheet>`;
    expect(bytes.toString("utf8")).toBe(expected);
    expect(bytes.toString("utf8")).toBe(insertWorksheetElement(xml, "tableParts", element));
  });

  it("adds an element at the end of a sheet without cells and of one whose tail has none of its followers", () => {
    const empty = `${HEAD}${ROOT}<sheetData/></worksheet>`;
    const drawing = '<drawing r:id="rId1"/>';
    expect(insertWorksheetElementInBytes(Buffer.from(empty), "drawing", drawing).toString()).toBe(
      insertWorksheetElement(empty, "drawing", drawing),
    );
    const plain = `${HEAD}${ROOT}${CELLS}<pageMargins left="0.7"/></worksheet>`;
    expect(insertWorksheetElementInBytes(Buffer.from(plain), "drawing", drawing).toString()).toMatch(
      /<pageMargins left="0.7"\/><drawing r:id="rId1"\/><\/worksheet>$/,
    );
  });
});
