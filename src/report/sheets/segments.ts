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
import { percentText } from "./note-text";
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
function totalRow(width: number, sums: Record<number, number>): (table: PlacedTable) => Cell[] {
  return (table) => {
    const row: Cell[] = new Array(width).fill(null);
    row[0] = "Total";
    for (const [col, result] of Object.entries(sums)) {
      const c = Number(col);
      row[c] = table.count > 0 ? { formula: `SUM(${table.column(c)})`, result } : result;
    }
    return row;
  };
}

/** The columns a table of customer groups (segments, value bands) starts with: who, how many, how much. */
function groupColumns(name: string, money: NumberFormat) {
  return {
    header: [name, "Customers", "% of customers", "Revenue", "% of revenue"],
    formats: [null, "integer", "percent1", money, "percent1"] as const,
    cells: (r: SegmentRow): Cell[] => [
      r.name,
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
  const layout = new SheetLayout().title(
    "Segments",
    `${summary.customerIds.length.toLocaleString("en-US")} customers as of ${formatDay(analysis.asOf)}, scored ${analysis.rfm.bins} ` +
      `(best) to 1 on recency, frequency and net spend. Revenue is net spend (purchases minus refunds).`,
  );
  if (top20) {
    layout.note(`The top 20 % of customers bring ${percentText(top20.revenueShare)} of revenue.`);
  }
  layout.gap();
  const segments = segmentTable(layout, data);
  if (segments.count > 0) segmentShareChart(layout, segments);
  valueBandTables(layout, data);
  const paretoPlaced = paretoTableSection(layout, pareto, data);
  paretoCurveSection(layout, summary.spend, paretoPlaced.count > 0);
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
  layout.section(scheme.name);
  const actions = new Map(scheme.segments.map((s) => [s.key, s.action ?? ""]));
  const group = groupColumns("Segment", money);
  const header: Cell[] = [
    ...group.header,
    { value: "Avg days since purchase", note: "Mean days from the last purchase to the as-of date" },
    "Avg orders",
    "Avg spend",
    "Avg R",
    "Avg F",
    "Avg M",
    {
      value: `Avg value next ${config.model.clvMonths} mo`,
      note: `Mean predicted value of the purchases expected in the next ${config.model.clvMonths} months`,
    },
    "What to do",
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
    total: totalRow(header.length, {
      1: summary.customerIds.length,
      2: segmentRows.reduce((s, r) => s + (r.customerShare || 0), 0),
      3: round(totalRevenue, 2) ?? 0,
      4: segmentRows.reduce((s, r) => s + (r.revenueShare || 0), 0),
    }),
  });
  layout.gap();
  return segments;
}

/** Data bars on the revenue shares and a bar chart of customer and revenue shares by segment. */
function segmentShareChart(layout: SheetLayout, segments: PlacedTable): void {
  layout.format({ type: "dataBar", range: segments.column(4), color: "#70AD47" });
  layout.chart(
    tableChart(segments, {
      type: "bar",
      title: "Share of customers and of revenue by segment",
      series: [
        ["% of customers", 2, "#A5A5A5"],
        ["% of revenue", 4, "#4472C4"],
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
  for (const [i, { scheme: bandScheme, assignment }] of analysis.valueBands.entries()) {
    const bandRows = summarizeSegments(assignment, analysis.summary);
    layout.section(
      bandScheme.name,
      i === 0 ? "Customers ranked by net spend: the top 10 %, the middle 80 %, the bottom 10 %." : undefined,
    );
    const bands = groupColumns("Band", money);
    const bandTable = layout.table({
      header: [...bands.header, "Avg spend"],
      rows: bandRows.map((r) => [...bands.cells(r), round(r.meanSpend, 2)]),
      formats: [...bands.formats, money],
      table: { name: i === 0 ? "LL_OneEightOne" : `LL_ValueBands${i + 1}`, style: "TableStyleLight9" },
    });
    if (bandTable.count > 0) layout.format({ type: "dataBar", range: bandTable.column(4), color: "#70AD47" });
    layout.gap();
  }
}

function paretoTableSection(layout: SheetLayout, pareto: ParetoRow[], { config }: ReportData): PlacedTable {
  layout.section("Pareto: revenue from the best customers");
  const placed = layout.table({
    header: ["Top share of customers", "Customers", "Revenue", "% of revenue"],
    rows: pareto.map((p) => [p.topShare, p.customers, round(p.revenue, 2), numberCell(p.revenueShare)]),
    formats: ["percent", "integer", moneyFormat(config.currency), "percent1"],
    table: { name: "LL_Pareto", style: "TableStyleLight9" },
  });
  layout.gap();
  return placed;
}

/** The Pareto curve: a chart above the small table of its points (the table the chart reads). */
function paretoCurveSection(layout: SheetLayout, spend: Float64Array, draw: boolean): void {
  const curve = paretoCurve(spend, 50);
  const drawCurve = layout.chartSpace(320);
  layout.section("Pareto curve data", "Share of customers (best first) and the share of revenue they bring.");
  const curveTable = layout.table({
    header: ["Share of customers", "Share of revenue"],
    rows: Array.from(curve.customerShare, (x, k) => [x, round(curve.revenueShare[k], 4)]),
    formats: ["percent", "percent1"],
  });
  if (!draw) return;
  drawCurve({
    type: "scatter",
    title: "Pareto curve: cumulative share of revenue",
    series: [
      {
        name: "Share of revenue",
        xValues: curveTable.column(0),
        values: curveTable.column(1),
        color: "#4472C4",
      },
    ],
    xAxisTitle: "Share of customers, best first",
    yAxisTitle: "Share of revenue",
    valueFormat: "percent",
    valueAxis: { min: 0, max: 1 },
    xAxis: { min: 0, max: 1 },
    legend: "none",
    width: 560,
  });
}
