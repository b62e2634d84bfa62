/** The internal modules of ExcelJS we use: its text writer (see xml-string-escape.ts) and its theme. */
declare module "exceljs/lib/xlsx/xform/strings/text-xform" {
  const TextXform: { prototype: object };
  export default TextXform;
}

/** ExcelJS's copy of Office's default theme, written as the theme part of a new workbook. */
declare module "exceljs/lib/xlsx/xml/theme1.js" {
  const THEME_XML: string;
  export default THEME_XML;
}
