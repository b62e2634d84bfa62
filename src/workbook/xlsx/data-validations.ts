/**
 * Data validation of the sheets of an opened file is carried through the ExcelJS load/save as XML,
 * like the defined names (defined-names.ts): ExcelJS expands a validation into one entry per cell, so a
 * dropdown on a whole column (A2:A1048576, common in users' sheets) costs a million objects and seconds
 * on load and on save, and its writer merges them back in yet another pass. The original
 * <dataValidations> element is taken out of each worksheet before ExcelJS sees it and put back, as it
 * was, into the saved sheet of the same name.
 */
const DATA_VALIDATIONS = /<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/;

/** The worksheet XML without its <dataValidations>, and that element (undefined when there is none). */
export function takeDataValidations(sheetXml: string): { xml: string; validations?: string } {
  const m = DATA_VALIDATIONS.exec(sheetXml);
  if (!m) return { xml: sheetXml };
  return { xml: sheetXml.slice(0, m.index) + sheetXml.slice(m.index + m[0].length), validations: m[0] };
}
