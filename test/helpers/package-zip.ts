/**
 * Small edits of a workbook package held in a JSZip, as the corpus's writers make them: a relationship,
 * a content type, an element put in its place in a worksheet.
 */
import type JSZip from "jszip";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";

export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Adds a relationship to the .rels of `owner` in the zip. */
export async function addRelationship(
  zip: JSZip,
  owner: string,
  rel: { id: string; type: string; target: string; external?: boolean },
): Promise<void> {
  const rels = relsPathOf(owner);
  const xml = (await zip.file(rels)?.async("string")) ?? EMPTY_RELS;
  const mode = rel.external ? ' TargetMode="External"' : "";
  zip.file(
    rels,
    xml.replace(
      "</Relationships>",
      `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"${mode}/></Relationships>`,
    ),
  );
}

/** Adds the content type of a part (an <Override>), unless it has one. */
export async function addOverride(zip: JSZip, part: string, contentType: string): Promise<void> {
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  if (types.includes(`PartName="/${part}"`)) return;
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`),
  );
}

/** The elements that come after <drawing> in a worksheet, in the schema's order. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
];

/**
 * The worksheet XML with a <drawing r:id> element in its place in the schema's order: before the
 * elements that follow it and the sheet's own <extLst> (not one inside a conditional format's rule).
 */
export function withDrawingElement(xml: string, relId: string): string {
  const withNs = xml.includes(`xmlns:r="${NS_REL}"`)
    ? xml
    : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  const data = withNs.indexOf("</sheetData>");
  const candidates = AFTER_DRAWING.map((name) => withNs.search(new RegExp(`<${name}\\b`)));
  const ext = withNs.lastIndexOf("<extLst>");
  if (ext > data && !/<\/cfRule>/.test(withNs.slice(ext))) candidates.push(ext);
  candidates.push(withNs.lastIndexOf("</worksheet>"));
  const at = Math.min(...candidates.filter((i) => i > data));
  return `${withNs.slice(0, at)}<drawing r:id="${relId}"/>${withNs.slice(at)}`;
}
