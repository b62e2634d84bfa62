/**
 * Adds chart parts to a saved workbook package (ExcelJS writes none): for each sheet with charts, a
 * drawing part with one anchor per chart, the chart parts, the .rels that link sheet -> drawing -> charts,
 * the sheet's <drawing r:id> element and the [Content_Types].xml overrides.
 */
import type JSZip from "jszip";
import type { ChartSpec } from "../../sheet/sheet-model";
import { reportChartName } from "../../sheet/report-marks";
import { chartAnchor, chartPartXml, drawingPartXml, type RangeValues } from "./charts";
import {
  addWorksheetElement,
  NewParts,
  partText,
  putPart,
  REL_NS,
  Relationships,
  worksheetPart,
  type NumberedPartKind,
} from "./package-edit";
import { relsPathOf } from "./xml-text";

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** Column widths in characters (index 0 = A), to size the anchors. */
  columnWidths: (number | null | undefined)[];
  values: RangeValues;
}

const CHART: NumberedPartKind = {
  folder: "charts",
  stem: "chart",
  contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relType: `${REL_NS}/chart`,
};
const DRAWING: NumberedPartKind = {
  folder: "drawings",
  stem: "drawing",
  contentType: "application/vnd.openxmlformats-officedocument.drawing+xml",
  relType: `${REL_NS}/drawing`,
};

/** Adds the charts of each sheet to the package in `zip` (modified in place). */
export async function addChartParts(zip: JSZip, sheets: SheetCharts[]): Promise<void> {
  const parts = await NewParts.of(zip);
  for (const s of sheets) {
    if (s.charts.length === 0) continue;
    const drawingRels = new Relationships(undefined);
    const chartRelIds = s.charts.map(
      (chart) => parts.add(CHART, () => chartPartXml(chart, s.sheet, s.values), drawingRels).relId,
    );
    const anchors = s.charts.map((c) => chartAnchor(c, s.columnWidths));
    const names = s.charts.map(reportChartName);
    const part = await worksheetPart(zip, s.sheet);
    const sheetRelsPath = relsPathOf(part);
    const sheetRels = new Relationships(await partText(zip, sheetRelsPath));
    const drawing = parts.add(DRAWING, () => drawingPartXml(anchors, chartRelIds, names), sheetRels);
    zip.file(relsPathOf(drawing.path), drawingRels.xml as string);
    putPart(zip, sheetRelsPath, sheetRels.xml as string);
    await addWorksheetElement(zip, part, "drawing", `<drawing r:id="${drawing.relId}"/>`);
  }
  parts.save();
}
