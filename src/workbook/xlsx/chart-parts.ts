/**
 * Adds chart parts to a saved workbook package (ExcelJS writes none): for each sheet with charts, a
 * drawing part with one anchor per chart, the chart parts, the .rels that link sheet -> drawing -> charts,
 * the sheet's <drawing r:id> element and the [Content_Types].xml overrides.
 */
import type JSZip from "jszip";
import type { ChartSpec } from "../../report/sheet-model";
import { chartAnchor, chartPartXml, drawingPartXml, type RangeValues } from "./charts";
import {
  addContentTypeOverride,
  addRelationship,
  freeRelationshipId,
  insertWorksheetElement,
  nextPartNumber,
  partText,
  putPart,
  REL_NS,
  worksheetPart,
} from "./package-edit";
import { relsPathOf } from "./xml-text";

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** Column widths in characters (index 0 = A), to size the anchors. */
  columnWidths: (number | null | undefined)[];
  values: RangeValues;
}

const REL_TYPE_DRAWING = `${REL_NS}/drawing`;
const REL_TYPE_CHART = `${REL_NS}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Adds the charts of each sheet to the package in `zip` (modified in place). */
export async function addChartParts(zip: JSZip, sheets: SheetCharts[]): Promise<void> {
  let contentTypes = (await partText(zip, "[Content_Types].xml")) as string;
  for (const s of sheets) {
    if (s.charts.length === 0) continue;
    const part = await worksheetPart(zip, s.sheet);
    const drawingNo = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    let drawingRels: string | undefined;
    const relIds: string[] = [];
    for (const chart of s.charts) {
      const chartNo = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPart, chartPartXml(chart, s.sheet, s.values));
      contentTypes = addContentTypeOverride(contentTypes, chartPart, CT_CHART);
      const id = freeRelationshipId(drawingRels);
      drawingRels = addRelationship(drawingRels, id, REL_TYPE_CHART, `../charts/chart${chartNo}.xml`);
      relIds.push(id);
    }
    const anchors = s.charts.map((c) => chartAnchor(c, s.columnWidths));
    const names = s.charts.map((c, i) => c.title ?? `Chart ${i + 1}`);
    zip.file(drawingPart, drawingPartXml(anchors, relIds, names));
    zip.file(relsPathOf(drawingPart), drawingRels as string);
    contentTypes = addContentTypeOverride(contentTypes, drawingPart, CT_DRAWING);

    const sheetRelsPath = relsPathOf(part);
    const sheetRels = await partText(zip, sheetRelsPath);
    const drawingRelId = freeRelationshipId(sheetRels);
    putPart(
      zip,
      sheetRelsPath,
      addRelationship(sheetRels, drawingRelId, REL_TYPE_DRAWING, `../drawings/drawing${drawingNo}.xml`),
    );
    const sheetXml = (await partText(zip, part)) as string;
    putPart(zip, part, insertWorksheetElement(sheetXml, "drawing", `<drawing r:id="${drawingRelId}"/>`));
  }
  putPart(zip, "[Content_Types].xml", contentTypes);
}
