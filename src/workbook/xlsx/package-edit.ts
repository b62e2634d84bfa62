/**
 * An element put at its place among a worksheet's children (the order CT_Worksheet requires), for the
 * parts a refresh adds to a sheet it rewrites.
 */

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The last children of a worksheet, in the order CT_Worksheet requires, from <dataValidations> on. */
export const WORKSHEET_TAIL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Inserts `element` (one of WORKSHEET_TAIL) into a worksheet before the elements that must follow it,
 * and makes sure the r: prefix is declared.
 */
export function insertWorksheetElement(sheetXml: string, localName: string, element: string): string {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !/xmlns:r=/.test(root[0])) {
    xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${REL_NS}">`));
  }
  const at = firstTopLevelElement(xml, WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(localName) + 1));
  if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  return xml.replace(/<\/worksheet>\s*$/, `${element}</worksheet>`);
}

/**
 * Offset of the first child of <worksheet> named one of `names`, or -1. Only direct children count: an
 * <extLst> inside a conditional format's rule is not the worksheet's <extLst>.
 */
export function firstTopLevelElement(sheetXml: string, names: string[]): number {
  const tag = /<(\/?)([\w:.-]+)[^>]*?(\/?)>/g;
  let depth = -1; // <worksheet> itself brings it to 0
  // The cells cannot hold these elements: start after them (a big sheet's XML is mostly cells).
  const cellsEnd = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\/>/.exec(sheetXml);
  if (cellsEnd) {
    tag.lastIndex = cellsEnd.index + cellsEnd[0].length;
    depth = 0;
  }
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    if (m[0].startsWith("<?") || m[0].startsWith("<!")) continue;
    const [, closing, name, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 0 && names.includes(name.replace(/^\w+:/, ""))) return m.index;
    if (!selfClosing) depth++;
  }
  return -1;
}
