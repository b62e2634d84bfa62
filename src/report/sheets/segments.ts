/**
 * The Segments sheet: the RFM segment table (customers, revenue, their shares, mean R/F/M, mean predicted
 * value, what to do), the 1-8-1 and value-class tables, the Pareto table, a bar chart of customer and
 * revenue shares by segment and the Pareto curve.
 */
import {
  paretoCurve,
  paretoTable,
  summarizeSegments,
  type ParetoRow,
  type SegmentRow,
} from "../../engine/rfm/segment-summary";
import type { SegmentAssignment } from "../../engine/rfm/segments";
import { formatDay } from "../../engine/data/days";
import type { Cell, NumberFormat, SheetModel } from "../../sheet/sheet-model";
import { type ReportData } from "../report-data";
import { numberCell, round } from "./cell-values";
import { SEGMENT_SCHEMES } from "../config";
import { SheetLayout, type PlacedTable } from "./layout";
import { moneyFormat } from "./number-formats";
import { localName } from "../../engine/text/bilingual";
import { percent } from "../../engine/text/format";
import type { Language } from "../../engine/text/language";
import { SEGMENT_TEXTS } from "../../engine/text/segments";

type Texts = (typeof SEGMENT_TEXTS)["en"];
import { tableChart } from "./table-chart";

/** Mean of `values` over each segment's customers (NaN where a segment has none or values are missing). */
function meanBySegment(assignment: SegmentAssignment, values: Float64Array | null): number[] {
  const k = assignment.segments.length;
  const sum = new Float64Array(k);
  const n = new Float64Array(k);
  if (!values) return Array.from(sum, () => NaN);
  for (let i = 0; i < assignment.segment.length; i++) {
    if (Number.isNaN(values[i])) continue;
    sum[assignment.segment[i]] += values[i];
    n[assignment.segment[i]]++;
  }
  return Array.from(sum, (s, g) => (n[g] > 0 ? s / n[g] : NaN));
}

/**
 * A "Total" row of `width` cells: in the columns of `sums`, the SUM of the column above by formula, with
 * the sum as its cached result.
 */
function totalRow(
  width: number,
  sums: Record<number, number>,
  label: string,
): (table: PlacedTable) => Cell[] {
  return (table) => {
    const row: Cell[] = new Array(width).fill(null);
    row[0] = label;
    for (const [col, result] of Object.entries(sums)) {
      const c = Number(col);
      row[c] = table.count > 0 ? { formula: `SUM(${table.column(c)})`, result } : result;
    }
    return row;
  };
}

/** The columns a table of customer groups (segments, value bands) starts with: who, how many, how much. */
function groupColumns(name: string, money: NumberFormat, language: Language) {
  const g = SEGMENT_TEXTS[language].group;
  return {
    header: [name, g.customers, g.customerShare, g.revenue, g.revenueShare],
    formats: [null, "integer", "percent1", money, "percent1"] as const,
    cells: (r: SegmentRow): Cell[] => [
      localName(r, language),
      r.customers,
      numberCell(r.customerShare),
      round(r.revenue, 2),
      numberCell(r.revenueShare),
    ],
  };
}

export function buildSegmentsSheet(data: ReportData): SheetModel {
  const { analysis } = data;
  const { summary } = analysis;
  const pareto = paretoTable(summary.spend);
  const top20 = pareto.find((p) => Math.abs(p.topShare - 0.2) < 1e-9);
  const language = data.config.language;
  const t = SEGMENT_TEXTS[language];
  const layout = new SheetLayout().title(
    t.title,
    t.intro(summary.customerIds.length, formatDay(analysis.asOf), analysis.rfm.bins),
  );
  if (top20) layout.note(t.top20(percent(top20.revenueShare, 1, language)));
  layout.gap();
  const segments = segmentTable(layout, data);
  if (segments.count > 0) segmentShareChart(layout, segments, t);
  valueBandTables(layout, data);
  const paretoPlaced = paretoTableSection(layout, pareto, data);
  paretoCurveSection(layout, summary.spend, paretoPlaced.count > 0, t);
  return layout.finish({
    kind: "segments",
    tabColor: "#70AD47",
  });
}

/** The RFM segments of the configured scheme: who, how many, how much, mean R/F/M and value, what to do. */
function segmentTable(layout: SheetLayout, { analysis, models, config }: ReportData): PlacedTable {
  const { summary } = analysis;
  const money = moneyFormat(config.currency);
  const scheme = SEGMENT_SCHEMES[config.segmentScheme];
  const segmentRows = summarizeSegments(analysis.segments, summary, analysis.rfm);
  const meanClv = meanBySegment(analysis.segments, models?.clv ?? null);
  const totalRevenue = segmentRows.reduce((s, r) => s + r.revenue, 0);
  const language = config.language;
  const t = SEGMENT_TEXTS[language];
  const h = t.header;
  layout.section(localName(scheme, language));
  const actions = new Map(
    scheme.segments.map((s) => [s.key, (language === "zh-CN" ? s.actionZh : s.action) ?? s.action ?? ""]),
  );
  const group = groupColumns(t.segment, money, language);
  const months = config.model.clvMonths;
  const header: Cell[] = [
    ...group.header,
    { value: h.recency, note: h.recencyNote },
    h.orders,
    h.spend,
    h.r,
    h.f,
    h.m,
    { value: h.value(months), note: h.valueNote(months) },
    h.action,
  ];
  const rows = segmentRows.map((r: SegmentRow, g): Cell[] => [
    ...group.cells(r),
    round(r.meanRecencyDays, 1),
    round(r.meanOrders, 2),
    round(r.meanSpend, 2),
    round(r.meanR, 2),
    round(r.meanF, 2),
    round(r.meanM, 2),
    round(meanClv[g], 2),
    actions.get(r.key) ?? "",
  ]);
  const segments = layout.table({
    header,
    rows,
    formats: [
      ...group.formats,
      { code: "#,##0.0" },
      "decimal",
      money,
      "decimal",
      "decimal",
      "decimal",
      money,
      null,
    ],
    table: { name: "LL_Segments", style: "TableStyleMedium2" },
    total: totalRow(
      header.length,
      {
        1: summary.customerIds.length,
        2: segmentRows.reduce((s, r) => s + (r.customerShare || 0), 0),
        3: round(totalRevenue, 2) ?? 0,
        4: segmentRows.reduce((s, r) => s + (r.revenueShare || 0), 0),
      },
      t.total,
    ),
  });
  layout.gap();
  return segments;
}

/** Data bars on the revenue shares and a bar chart of customer and revenue shares by segment. */
function segmentShareChart(layout: SheetLayout, segments: PlacedTable, t: Texts): void {
  layout.format({ type: "dataBar", range: segments.column(4), color: "#70AD47" });
  layout.chart(
    tableChart(segments, {
      type: "bar",
      title: t.shareChart,
      series: [
        [t.group.customerShare, 2, "#A5A5A5"],
        [t.group.revenueShare, 4, "#4472C4"],
      ],
      valueFormat: "percent",
      width: 760,
      height: Math.max(300, 60 + segments.count * 34),
    }),
  );
}

/** One table per value-band scheme (1-8-1 first), with data bars on the revenue shares. */
function valueBandTables(layout: SheetLayout, { analysis, config }: ReportData): void {
  const money = moneyFormat(config.currency);
  const language = config.language;
  const t = SEGMENT_TEXTS[language];
  for (const [i, { scheme: bandScheme, assignment }] of analysis.valueBands.entries()) {
    const bandRows = summarizeSegments(assignment, analysis.summary);
    layout.section(localName(bandScheme, language), i === 0 ? t.bandsNote : undefined);
    const bands = groupColumns(t.band, money, language);
    const bandTable = layout.table({
      header: [...bands.header, t.header.spend],
      rows: bandRows.map((r) => [...bands.cells(r), round(r.meanSpend, 2)]),
      formats: [...bands.formats, money],
      table: { name: i === 0 ? "LL_OneEightOne" : `LL_ValueBands${i + 1}`, style: "TableStyleLight9" },
    });
    if (bandTable.count > 0) layout.format({ type: "dataBar", range: bandTable.column(4), color: "#70AD47" });
    layout.gap();
  }
}

function paretoTableSection(layout: SheetLayout, pareto: ParetoRow[], { config }: ReportData): PlacedTable {
  const t = SEGMENT_TEXTS[config.language];
  layout.section(t.paretoSection);
  const placed = layout.table({
    header: [...t.paretoHeader],
    rows: pareto.map((p) => [p.topShare, p.customers, round(p.revenue, 2), numberCell(p.revenueShare)]),
    formats: ["percent", "integer", moneyFormat(config.currency), "percent1"],
    table: { name: "LL_Pareto", style: "TableStyleLight9" },
  });
  layout.gap();
  return placed;
}

/** The Pareto curve: a chart above the small table of its points (the table the chart reads). */
function paretoCurveSection(layout: SheetLayout, spend: Float64Array, draw: boolean, t: Texts): void {
  const curve = paretoCurve(spend, 50);
  const drawCurve = layout.chartSpace(320);
  layout.section(t.curveSection, t.curveNote);
  const curveTable = layout.table({
    header: [...t.curveHeader],
    rows: Array.from(curve.customerShare, (x, k) => [x, round(curve.revenueShare[k], 4)]),
    formats: ["percent", "percent1"],
  });
  if (!draw) return;
  drawCurve({
    type: "scatter",
    title: t.curveChart,
    series: [
      {
        name: t.curveHeader[1],
        xValues: curveTable.column(0),
        values: curveTable.column(1),
        color: "#4472C4",
      },
    ],
    xAxisTitle: t.curveX,
    yAxisTitle: t.curveHeader[1],
    valueFormat: "percent",
    valueAxis: { min: 0, max: 1 },
    xAxis: { min: 0, max: 1 },
    legend: "none",
    width: 560,
  });
}
