/**
 * The KPIs sheet: charts of active customers and of the monthly rates, the monthly KPI table (active,
 * new, returning, repeat-purchase, retention and churn, orders and revenue) and the cohort retention table
 * with a colour scale.
 */
import { formatDay, lastDayOfMonthIndex } from "../../engine/data/days";
import type { Cell, SheetModel } from "../../sheet/sheet-model";
import type { CohortRetention } from "../../engine/summary/cohorts";
import type { MonthlyKpis } from "../../engine/summary/kpis";
import type { ReportData } from "../report-data";
import { numberCell, round } from "./cell-values";
import { KPI_TEXTS } from "../../engine/text/kpis";
import { changeCounts } from "./changes";
import { SheetLayout, type DrawChart, type PlacedTable } from "./layout";
import { columnAfterPixels } from "../../sheet/column-geometry";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";

/** Months after the first shown in the cohort table (two years). */
export const COHORT_MONTHS = 24;

type Texts = (typeof KPI_TEXTS)["en"];

export function buildKpisSheet(data: ReportData): SheetModel {
  const { analysis } = data;
  const t = KPI_TEXTS[data.config.language];
  const { kpis, cohorts } = analysis;
  const months = kpis.labels.length;
  const lastMonth = kpis.months[months - 1];
  const shownMonths = Math.min(COHORT_MONTHS, cohorts.labels.length - 1);
  const monthHeaders = Array.from({ length: shownMonths + 1 }, (_, j) => t.monthN(j));

  const layout = new SheetLayout().title(t.title, t.intro(kpis.labels[0], kpis.labels[months - 1]));
  if (kpis.partial) {
    layout.note(
      t.partialNote(
        kpis.labels[months - 1],
        formatDay(analysis.asOf),
        formatDay(lastDayOfMonthIndex(lastMonth)),
      ),
    );
  }
  layout.note(t.definitions(kpis.churnWindowDays));
  layout.gap();
  changeCounts(layout, data, false);
  const drawChart = layout.chartSpace(320);
  const header = monthlyHeader(kpis, t);
  const table = monthlyTable(layout, header, data, t);
  // The monthly table's columns fit their headers and numbers (the layout measures both, the filter
  // button included), then narrower ones for the cohort months further right.
  const widths = [...header.map(() => null), ...monthHeaders.slice(header.length - 2).map(() => 9)];
  layout.gap();
  cohortTable(layout, cohorts, monthHeaders, t);
  const model = layout.finish({ kind: "kpis", columnWidths: widths, tabColor: "#5B9BD5" });
  if (table.count > 0) monthlyCharts(drawChart, table, columnAfterPixels(model.columnWidths ?? [], 580), t);
  return model;
}

function monthlyHeader(kpis: MonthlyKpis, t: Texts): Cell[] {
  const h = t.header;
  return [
    h.month,
    h.active,
    h.new,
    h.returning,
    { value: h.repeatRate, note: h.repeatNote },
    { value: h.retention, note: h.retentionNote },
    { value: h.churned(kpis.churnWindowDays), note: h.churnedNote },
    { value: h.churnRate, note: h.churnRateNote },
    h.orders,
    h.revenue,
    h.refunds,
    h.netRevenue,
    h.aov,
  ];
}

/** One row per month, in the columns of `monthlyHeader`. */
function monthlyTable(
  layout: SheetLayout,
  header: Cell[],
  { analysis, config }: ReportData,
  t: Texts,
): PlacedTable {
  const { kpis } = analysis;
  const money = moneyFormat(config.currency);
  layout.section(t.monthly);
  const last = kpis.labels.length - 1;
  const rows: Cell[][] = kpis.labels.map((label, m) => [
    // The partial month is marked in the table and, through the categories, in the charts.
    m === last && kpis.partial ? t.partialLabel(label) : label,
    kpis.activeCustomers[m],
    kpis.newCustomers[m],
    kpis.returningCustomers[m],
    numberCell(kpis.repeatPurchaseRate[m]),
    numberCell(kpis.retentionRate[m]),
    kpis.churnedCustomers[m],
    numberCell(kpis.churnRate[m]),
    kpis.orders[m],
    round(kpis.revenue[m], 2),
    round(kpis.refunds[m], 2),
    round(kpis.netRevenue[m], 2),
    round(kpis.averageOrderValue[m], 2),
  ]);
  return layout.table({
    header,
    rows,
    formats: [
      "text",
      "integer",
      "integer",
      "integer",
      "percent1",
      "percent1",
      "integer",
      "percent1",
      "integer",
      money,
      money,
      money,
      money,
    ],
    table: { name: "LL_MonthlyKpis", style: "TableStyleMedium2" },
  });
}

/** Customers per month, and the monthly rates beside it from column `rightCol`, in the space above. */
function monthlyCharts(draw: DrawChart, table: PlacedTable, rightCol: number, t: Texts): void {
  draw(
    tableChart(table, {
      type: "line",
      title: t.customersChart,
      series: [
        [t.series.active, 1, "#4472C4"],
        [t.series.new, 2, "#70AD47"],
        [t.series.returning, 3, "#ED7D31"],
      ],
      valueFormat: "integer",
      width: 560,
    }),
  );
  draw(
    tableChart(table, {
      type: "line",
      title: t.ratesChart,
      series: [
        [t.header.retention, 5, "#4472C4"],
        [t.header.repeatRate, 4, "#70AD47"],
        [t.header.churnRate, 7, "#C00000"],
      ],
      valueFormat: "percent",
      width: 560,
    }),
    rightCol,
  );
}

/** The cohort retention table (the first COHORT_MONTHS months after each cohort's) with a colour scale. */
function cohortTable(layout: SheetLayout, cohorts: CohortRetention, monthHeaders: string[], t: Texts): void {
  const shownMonths = monthHeaders.length - 1;
  layout.section(t.cohortSection, t.cohortNote(cohorts.labels.length - 1 > shownMonths ? shownMonths : null));
  const cohortRows: Cell[][] = cohorts.labels.map((label, k) => [
    label,
    cohorts.sizes[k],
    ...Array.from({ length: shownMonths + 1 }, (_, j) =>
      j < cohorts.retention[k].length ? numberCell(cohorts.retention[k][j]) : null,
    ),
  ]);
  const placed = layout.table({
    header: [t.cohort, t.customers, ...monthHeaders],
    rows: cohortRows,
    formats: ["text", "integer", ...monthHeaders.map(() => "percent" as const)],
  });
  if (placed.count > 0 && shownMonths > 0) {
    layout.format({
      type: "colorScale",
      range: `${placed.cell(0, 3)}:${placed.cell(placed.count - 1, 2 + shownMonths)}`,
      colors: ["#FFFFFF", "#FFEB84", "#63BE7B"],
    });
  }
}
