/**
 * Adds chart parts to a saved workbook package (ExcelJS writes none): for each sheet with charts, a
 * drawing part with one anchor per chart, the chart parts, the .rels that link sheet -> drawing -> charts,
 * the sheet's <drawing r:id> element and the [Content_Types].xml overrides.
 */
import type JSZip from "jszip";
import type { ChartSpec } from "../../report/sheet-model";
import { chartAnchor, chartPartXml, drawingPartXml, type RangeValues } from "./charts";
import { attributes, escapeXml, parseRelationships, relsPathOf, startTags } from "./xml-text";

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** Column widths in characters (index 0 = A), to size the anchors. */
  columnWidths: (number | null | undefined)[];
  values: RangeValues;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE_DRAWING = `${REL_NS}/drawing`;
const REL_TYPE_CHART = `${REL_NS}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** Elements that come after <drawing> in a worksheet (CT_Worksheet sequence). */
const AFTER_DRAWING = [
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

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = (await text(zip, "xl/workbook.xml")) as string;
  const rels = parseRelationships(
    (await text(zip, "xl/_rels/workbook.xml.rels")) as string,
    "xl/workbook.xml",
  );
  const tag = startTags(workbook, "sheet").find((t) => attributes(t).name === sheet);
  const rel = tag && rels.find((r) => r.id === attributes(tag)["r:id"]);
  if (!rel) throw new Error(`sheet "${sheet}" is not in the saved package`);
  return rel.target;
}

/** Inserts <drawing r:id> at its place in the worksheet XML and makes sure the r: prefix is declared. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !/xmlns:r=/.test(root[0])) {
    xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${REL_NS}">`));
  }
  const element = `<drawing r:id="${relId}"/>`;
  for (const name of AFTER_DRAWING) {
    const at = xml.search(new RegExp(`<${name}\\b`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  return xml.replace(/<\/worksheet>\s*$/, `${element}</worksheet>`);
}

function addRelationship(relsXml: string | undefined, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!relsXml) return `${RELS_HEAD}${rel}</Relationships>`;
  return relsXml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`);
}

function freeRelId(relsXml: string | undefined): string {
  const used = new Set(startTags(relsXml ?? "", "Relationship").map((t) => attributes(t).Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addOverride(contentTypes: string, part: string, type: string): string {
  return contentTypes.replace(
    /<\/Types>\s*$/,
    `<Override PartName="/${part}" ContentType="${type}"/></Types>`,
  );
}

/** Adds the charts of each sheet to the package in `zip` (modified in place). */
export async function addChartParts(zip: JSZip, sheets: SheetCharts[]): Promise<void> {
  let contentTypes = (await text(zip, "[Content_Types].xml")) as string;
  for (const s of sheets) {
    if (s.charts.length === 0) continue;
    const part = await sheetPart(zip, s.sheet);
    const drawingNo = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    let drawingRels: string | undefined;
    const relIds: string[] = [];
    for (const chart of s.charts) {
      const chartNo = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPart, chartPartXml(chart, s.sheet, s.values));
      contentTypes = addOverride(contentTypes, chartPart, CT_CHART);
      const id = freeRelId(drawingRels);
      drawingRels = addRelationship(drawingRels, id, REL_TYPE_CHART, `../charts/chart${chartNo}.xml`);
      relIds.push(id);
    }
    const anchors = s.charts.map((c) => chartAnchor(c, s.columnWidths));
    const names = s.charts.map((c, i) => c.title ?? `Chart ${i + 1}`);
    zip.file(drawingPart, drawingPartXml(anchors, relIds, names));
    zip.file(relsPathOf(drawingPart), drawingRels as string);
    contentTypes = addOverride(contentTypes, drawingPart, CT_DRAWING);

    const sheetRelsPath = relsPathOf(part);
    const sheetRels = await text(zip, sheetRelsPath);
    const drawingRelId = freeRelId(sheetRels);
    zip.file(
      sheetRelsPath,
      addRelationship(sheetRels, drawingRelId, REL_TYPE_DRAWING, `../drawings/drawing${drawingNo}.xml`),
    );
    zip.file(part, insertDrawingElement((await text(zip, part)) as string, drawingRelId));
  }
  zip.file("[Content_Types].xml", contentTypes);
}
