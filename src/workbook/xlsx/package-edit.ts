/**
 * Small edits of a saved package (a JSZip) shared by the parts ExcelJS does not write: find a sheet's
 * part, add numbered parts with their content types and relationships, or an element at its place in a
 * worksheet.
 */
import type JSZip from "jszip";
import { attributes, escapeXml, parseRelationships, startTags } from "./xml-text";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

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

export async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  // ExcelJS's streaming writer names parts with a leading slash; JSZip keeps the name as written.
  return (zip.file(path) ?? zip.file(`/${path}`))?.async("string");
}

/**
 * Parts above this size are compressed at deflate level 1: JSZip compresses in JavaScript, and a
 * rewritten 100,000-row sheet took 4.6 s at the default level 6 against about 1 s at level 1, for a
 * slightly larger file.
 */
const FAST_COMPRESSION_BYTES = 1 << 20;

export function putPart(zip: JSZip, path: string, content: string | Buffer): void {
  if (zip.file(`/${path}`)) zip.remove(`/${path}`);
  zip.file(
    path,
    content,
    content.length > FAST_COMPRESSION_BYTES ? { compressionOptions: { level: 1 } } : undefined,
  );
}

/** Next free N for parts named like xl/charts/chartN.xml. */
function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path.replace(/^\//, ""));
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

export async function worksheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = (await partText(zip, "xl/workbook.xml")) as string;
  const rels = parseRelationships(
    (await partText(zip, "xl/_rels/workbook.xml.rels")) as string,
    "xl/workbook.xml",
  );
  const tag = startTags(workbook, "sheet").find((t) => attributes(t).name === sheet);
  const rel = tag && rels.find((r) => r.id === attributes(tag)["r:id"]);
  if (!rel) throw new Error(`sheet "${sheet}" is not in the saved package`);
  return rel.target;
}

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
 * The same on a worksheet's bytes, whose cells are never turned into text: every element of WORKSHEET_TAIL
 * follows <sheetData>, so only the root tag and what follows the cells are edited as text. A sheet of a
 * million customers is over 700 MB of XML, longer than a JavaScript string can be.
 */
export function insertWorksheetElementInBytes(sheet: Buffer, localName: string, element: string): Buffer {
  const cellsEnd = sheet.lastIndexOf("</sheetData>");
  const rootStart = sheet.indexOf("<worksheet");
  const rootEnd = rootStart < 0 ? -1 : sheet.indexOf(">", rootStart) + 1;
  if (cellsEnd < 0 || rootEnd <= 0 || rootEnd > cellsEnd) {
    return Buffer.from(insertWorksheetElement(sheet.toString("utf8"), localName, element), "utf8");
  }
  const tailStart = cellsEnd + "</sheetData>".length;
  // The cells stand in as an empty <sheetData/>, which the edit finds and keeps.
  const edited = insertWorksheetElement(
    `${sheet.toString("utf8", 0, rootEnd)}<sheetData/>${sheet.toString("utf8", tailStart)}`,
    localName,
    element,
  );
  const at = edited.indexOf("<sheetData/>");
  return Buffer.concat([
    Buffer.from(edited.slice(0, at), "utf8"),
    sheet.subarray(rootEnd, tailStart),
    Buffer.from(edited.slice(at + "<sheetData/>".length), "utf8"),
  ]);
}

/** Inserts `element` into the worksheet part `part` of the package (see insertWorksheetElementInBytes). */
export async function addWorksheetElement(
  zip: JSZip,
  part: string,
  localName: string,
  element: string,
): Promise<void> {
  const sheet = (await (zip.file(part) ?? zip.file(`/${part}`))?.async("nodebuffer")) as Buffer;
  putPart(zip, part, insertWorksheetElementInBytes(sheet, localName, element));
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

function freeRelationshipId(relsXml: string | undefined): string {
  const used = new Set(startTags(relsXml ?? "", "Relationship").map((t) => attributes(t).Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRelationship(relsXml: string | undefined, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!relsXml) return `${RELS_HEAD}${rel}</Relationships>`;
  return relsXml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`);
}

function addContentTypeOverride(contentTypes: string, part: string, type: string): string {
  return contentTypes.replace(
    /<\/Types>\s*$/,
    `<Override PartName="/${part}" ContentType="${type}"/></Types>`,
  );
}

/** The relationships of one part (the text of its .rels, absent at first), edited in memory. */
export class Relationships {
  constructor(public xml: string | undefined) {}

  /** Adds a relationship under a free id and returns the id. */
  link(type: string, target: string): string {
    const id = freeRelationshipId(this.xml);
    this.xml = addRelationship(this.xml, id, type, target);
    return id;
  }
}

/** A kind of part numbered within its folder of xl/, as xl/charts/chart3.xml. */
export interface NumberedPartKind {
  folder: string;
  stem: string;
  contentType: string;
  /** The type of a relationship that points at such a part. */
  relType: string;
}

/**
 * New parts of a saved package. [Content_Types].xml is read once, edited in memory as parts are added
 * and written back by `save`.
 */
export class NewParts {
  private constructor(
    private readonly zip: JSZip,
    private contentTypes: string,
  ) {}

  static async of(zip: JSZip): Promise<NewParts> {
    return new NewParts(zip, (await partText(zip, "[Content_Types].xml")) as string);
  }

  /**
   * Writes a part of `kind` under the next free number (`xmlOf` is given it), registers its content type
   * and links it from `from`, the relationships of a part in another folder of xl/. Returns the part's
   * path and the id of the relationship.
   */
  add(
    kind: NumberedPartKind,
    xmlOf: (n: number) => string,
    from: Relationships,
  ): { path: string; relId: string } {
    const n = nextPartNumber(this.zip, new RegExp(`^xl/${kind.folder}/${kind.stem}(\\d+)\\.xml$`));
    const path = `xl/${kind.folder}/${kind.stem}${n}.xml`;
    this.zip.file(path, xmlOf(n));
    this.contentTypes = addContentTypeOverride(this.contentTypes, path, kind.contentType);
    return { path, relId: from.link(kind.relType, `../${kind.folder}/${kind.stem}${n}.xml`) };
  }

  save(): void {
    putPart(this.zip, "[Content_Types].xml", this.contentTypes);
  }
}
