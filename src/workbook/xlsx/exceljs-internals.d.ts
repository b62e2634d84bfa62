/** The one internal module of ExcelJS we touch (see xml-string-escape.ts). */
declare module "exceljs/lib/xlsx/xform/strings/text-xform" {
  const TextXform: { prototype: object };
  export default TextXform;
}
