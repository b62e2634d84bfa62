/**
 * DrawingML for charts, because ExcelJS cannot write charts: the chart part (c:chartSpace) for each chart
 * type of the sheet model, and the drawing part (xdr:wsDr) that anchors the charts on the sheet.
 * Element order follows the OOXML schema sequences exactly (Excel refuses a chart whose children are out
 * of order). Series refer to ranges of the sheet, with cached values so that viewers that do not
 * recalculate still draw the chart.
 */
import { sheetRangeReference } from "../../sheet/a1";
import { numberFormatCode } from "../../sheet/sheet-model-cells";
import { columnPixels, ROW_PIXELS } from "../../sheet/column-geometry";
import type { AxisBounds, ChartSeries, ChartSpec } from "../../sheet/sheet-model";
import { escapeXml, escapeXmlText } from "./xml-text";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Office's default accent colours, used in order when a series sets none. */
export const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

/** Cell values of a range of the sheet, for the caches: numbers, texts, or null for a blank. */
export type RangeValues = (range: string) => (string | number | null)[];

function richText(text: string, size: number, bold: boolean, rotate = false): string {
  const body = rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  const props = `sz="${size}" b="${bold ? 1 : 0}"`;
  return (
    `<c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr ${props}/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" ${props}/><a:t>${escapeXmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string | undefined, size: number, rotate = false): string {
  return text ? `<c:title>${richText(text, size, true, rotate)}<c:overlay val="0"/></c:title>` : "";
}

function stringCache(values: (string | number | null)[]): string {
  const points = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXmlText(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: (string | number | null)[]): string {
  const points = values
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "",
    )
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function ref(sheet: string, range: string): string {
  return `<c:f>${escapeXmlText(sheetRangeReference(sheet, range))}</c:f>`;
}

function numberRef(sheet: string, range: string, values: RangeValues): string {
  return `<c:numRef>${ref(sheet, range)}${numberCache(values(range))}</c:numRef>`;
}

/** Categories: text labels (strRef), or numbers when every label is a number (numRef). */
function categoryRef(sheet: string, range: string, values: RangeValues): string {
  const v = values(range);
  if (v.length > 0 && v.every((x) => typeof x === "number")) return numberRef(sheet, range, values);
  return `<c:strRef>${ref(sheet, range)}${stringCache(v)}</c:strRef>`;
}

function seriesName(sheet: string, s: ChartSeries, values: RangeValues): string {
  if (s.name === undefined) return "";
  if (typeof s.name === "string") return `<c:tx><c:v>${escapeXmlText(s.name)}</c:v></c:tx>`;
  return `<c:tx><c:strRef>${ref(sheet, s.name.ref)}${stringCache(values(s.name.ref))}</c:strRef></c:tx>`;
}

function fill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function seriesColor(s: ChartSeries, i: number): string {
  return (s.color ?? `#${SERIES_COLORS[i % SERIES_COLORS.length]}`).replace(/^#/, "").toUpperCase();
}

function series(chart: ChartSpec, sheet: string, values: RangeValues): string {
  return chart.series
    .map((s, i) => {
      const head = `<c:idx val="${i}"/><c:order val="${i}"/>${seriesName(sheet, s, values)}`;
      const color = seriesColor(s, i);
      const cat = chart.categories ? `<c:cat>${categoryRef(sheet, chart.categories, values)}</c:cat>` : "";
      const val = `<c:val>${numberRef(sheet, s.values, values)}</c:val>`;
      switch (chart.type) {
        case "column":
        case "bar":
          return `<c:ser>${head}<c:spPr>${fill(color)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
        case "line":
          return (
            `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${fill(color)}<a:round/></a:ln></c:spPr>` +
            `<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
          );
        case "scatter":
          return (
            `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${fill(color)}<a:round/></a:ln></c:spPr>` +
            `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${fill(color)}</c:spPr></c:marker>` +
            `<c:xVal>${numberRef(sheet, s.xValues as string, values)}</c:xVal>` +
            `<c:yVal>${numberRef(sheet, s.values, values)}</c:yVal><c:smooth val="0"/></c:ser>`
          );
        default:
          // pie and doughnut: one colour per slice from the theme (varyColors), percentages on the slices
          return (
            `<c:ser>${head}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>` +
            `<c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/>` +
            `<c:showLeaderLines val="1"/></c:dLbls>${cat}${val}</c:ser>`
          );
      }
    })
    .join("");
}

function axis(
  kind: "cat" | "val",
  id: number,
  crossId: number,
  position: "b" | "l",
  axisTitle: string | undefined,
  format: string | undefined,
  extra: {
    reversed?: boolean;
    gridlines?: boolean;
    crossesMax?: boolean;
    scatter?: boolean;
    bounds?: AxisBounds;
    /** Label (and tick) every n-th category only. */
    labelSkip?: number;
  },
): string {
  const orientation = extra.reversed ? "maxMin" : "minMax";
  const { min, max } = extra.bounds ?? {};
  const scaling =
    `<c:orientation val="${orientation}"/>` +
    (max !== undefined ? `<c:max val="${max}"/>` : "") +
    (min !== undefined ? `<c:min val="${min}"/>` : "");
  const head =
    `<c:axId val="${id}"/><c:scaling>${scaling}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>${extra.gridlines ? "<c:majorGridlines/>" : ""}` +
    title(axisTitle, 1000, position === "l") +
    (format ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` : "") +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${crossId}"/><c:crosses val="${extra.crossesMax ? "max" : "autoZero"}"/>`;
  return kind === "cat"
    ? `<c:catAx>${head}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
        (extra.labelSkip && extra.labelSkip > 1
          ? `<c:tickLblSkip val="${extra.labelSkip}"/><c:tickMarkSkip val="${extra.labelSkip}"/>`
          : "") +
        `<c:noMultiLvlLbl val="0"/></c:catAx>`
    : `<c:valAx>${head}<c:crossBetween val="${extra.scatter ? "midCat" : "between"}"/></c:valAx>`;
}

/** Most category labels shown along a horizontal axis: more would overlap (LibreOffice draws them all). */
const MAX_CATEGORY_LABELS = 24;
/** Pixels a label character takes at the axis font, and the chart's width outside the plot area. */
const LABEL_CHAR_PIXELS = 5;
const CHART_MARGIN_PIXELS = 80;

/**
 * Every how many categories a label is drawn: as many labels as fit side by side across the plot at
 * their length (at most MAX_CATEGORY_LABELS), evenly spaced.
 */
function categoryLabelSkip(chart: ChartSpec, values: RangeValues): number {
  if (!chart.categories) return 1;
  const labels = values(chart.categories);
  const longest = Math.max(1, ...labels.map((v) => String(v ?? "").length));
  const fit = Math.floor((chart.width - CHART_MARGIN_PIXELS) / (longest * LABEL_CHAR_PIXELS));
  const shown = Math.max(2, Math.min(MAX_CATEGORY_LABELS, fit));
  return Math.max(1, Math.ceil(labels.length / shown));
}

function plot(chart: ChartSpec, sheet: string, values: RangeValues): string {
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  const valueFormat = chart.valueFormat ? numberFormatCode(chart.valueFormat) : undefined;
  const ser = series(chart, sheet, values);
  switch (chart.type) {
    case "column":
    case "bar": {
      const horizontal = chart.type === "bar";
      return (
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${ser}<c:gapWidth val="80"/>${axisIds}</c:barChart>` +
        // Horizontal bars list the categories top-down, in the order of the table beside them.
        axis("cat", CATEGORY_AXIS_ID, VALUE_AXIS_ID, horizontal ? "l" : "b", chart.xAxisTitle, undefined, {
          reversed: horizontal,
          labelSkip: horizontal ? 1 : categoryLabelSkip(chart, values),
        }) +
        axis("val", VALUE_AXIS_ID, CATEGORY_AXIS_ID, horizontal ? "b" : "l", chart.yAxisTitle, valueFormat, {
          gridlines: true,
          crossesMax: horizontal,
          bounds: chart.valueAxis,
        })
      );
    }
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}` +
        `<c:marker val="1"/>${axisIds}</c:lineChart>` +
        axis("cat", CATEGORY_AXIS_ID, VALUE_AXIS_ID, "b", chart.xAxisTitle, undefined, {
          labelSkip: categoryLabelSkip(chart, values),
        }) +
        axis("val", VALUE_AXIS_ID, CATEGORY_AXIS_ID, "l", chart.yAxisTitle, valueFormat, {
          gridlines: true,
          bounds: chart.valueAxis,
        })
      );
    case "scatter":
      return (
        `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${axisIds}` +
        `</c:scatterChart>` +
        axis("val", CATEGORY_AXIS_ID, VALUE_AXIS_ID, "b", chart.xAxisTitle, valueFormat, {
          scatter: true,
          bounds: chart.xAxis,
        }) +
        axis("val", VALUE_AXIS_ID, CATEGORY_AXIS_ID, "l", chart.yAxisTitle, valueFormat, {
          gridlines: true,
          scatter: true,
          bounds: chart.valueAxis,
        })
      );
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "doughnut":
      return (
        `<c:doughnutChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/>` +
        `<c:holeSize val="55"/></c:doughnutChart>`
      );
  }
}

function legend(chart: ChartSpec): string {
  const position =
    chart.legend ??
    (chart.series.length > 1 || chart.type === "pie" || chart.type === "doughnut" ? "right" : "none");
  if (position === "none") return "";
  const code = { right: "r", bottom: "b", top: "t" }[position];
  return `<c:legend><c:legendPos val="${code}"/><c:overlay val="0"/></c:legend>`;
}

/** The chart part (xl/charts/chartN.xml) of one chart of sheet `sheet`. */
export function chartPartXml(chart: ChartSpec, sheet: string, values: RangeValues): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    title(chart.title, 1300) +
    `<c:autoTitleDeleted val="${chart.title ? 0 : 1}"/>` +
    `<c:plotArea><c:layout/>${plot(chart, sheet, values)}</c:plotArea>` +
    legend(chart) +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr>${fill("FFFFFF")}<a:ln w="9525">${fill("D9D9D9")}</a:ln></c:spPr>` +
    "</c:chartSpace>"
  );
}

/** Where a chart sits: cell corners (0-based column and row) with offsets in EMU. */
export interface ChartAnchor {
  from: { col: number; colOff: number; row: number; rowOff: number };
  to: { col: number; colOff: number; row: number; rowOff: number };
}

export const EMU_PER_PIXEL = 9525;
/** Anchor of a chart of `chart.width` x `chart.height` pixels whose top-left corner is cell `chart.at`. */
export function chartAnchor(chart: ChartSpec, columnWidths: (number | null | undefined)[]): ChartAnchor {
  const widthOf = (col0: number) => columnPixels(columnWidths[col0]);
  let col = chart.at.col - 1;
  let remaining = chart.width;
  while (remaining >= widthOf(col)) remaining -= widthOf(col++);
  const rows = Math.floor(chart.height / ROW_PIXELS);
  const rowRest = chart.height - rows * ROW_PIXELS;
  return {
    from: { col: chart.at.col - 1, colOff: 0, row: chart.at.row - 1, rowOff: 0 },
    to: {
      col,
      colOff: remaining * EMU_PER_PIXEL,
      row: chart.at.row - 1 + rows,
      rowOff: rowRest * EMU_PER_PIXEL,
    },
  };
}

function marker(tag: "from" | "to", m: ChartAnchor["from"]): string {
  return (
    `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>${m.colOff}</xdr:colOff>` +
    `<xdr:row>${m.row}</xdr:row><xdr:rowOff>${m.rowOff}</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part anchoring charts; `relIds[i]` is the relationship id of chart i in the drawing's rels. */
export function drawingPartXml(anchors: ChartAnchor[], relIds: string[], names: string[]): string {
  const frames = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", a.from)}${marker("to", a.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(names[i])}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relIds[i]}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${frames}</xdr:wsDr>`
  );
}
