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
import { headerText, numberCell, round } from "./cell-values";
import { SheetLayout, type DrawChart, type PlacedTable } from "./layout";
import { columnAfterPixels } from "../../sheet/column-geometry";
import { moneyFormat } from "./number-formats";
import { tableChart } from "./table-chart";

/** Months after the first shown in the cohort table (two years). */
export const COHORT_MONTHS = 24;

export function buildKpisSheet(data: ReportData): SheetModel {
  const { analysis } = data;
  const { kpis, cohorts } = analysis;
  const months = kpis.labels.length;
  const lastMonth = kpis.months[months - 1];
  const shownMonths = Math.min(COHORT_MONTHS, cohorts.labels.length - 1);
  const monthHeaders = Array.from({ length: shownMonths + 1 }, (_, j) => `Month ${j}`);

  const layout = new SheetLayout().title(
    "KPIs",
    `Month by month from ${kpis.labels[0]} to ${kpis.labels[months - 1]}` +
      (kpis.partial
        ? ` (${kpis.labels[months - 1]} is partial: up to ${formatDay(analysis.asOf)}, not ${formatDay(lastDayOfMonthIndex(lastMonth))}).`
        : "."),
  );
  layout.note(
    "Active: bought in the month. Retention: share of last month's active customers who bought again this month. " +
      `Churned: no purchase for more than ${kpis.churnWindowDays} days at the month's end.`,
  );
  layout.gap();
  const drawChart = layout.chartSpace(320);
  const header = monthlyHeader(kpis);
  // The monthly table's columns as wide as their headers (and the filter button), then narrower ones for
  // the cohort months further right.
  const widths = [
    ...header.map((h) => Math.max(10, headerText(h).length + 3)),
    ...monthHeaders.slice(header.length - 2).map(() => 9),
  ];
  const table = monthlyTable(layout, header, data);
  if (table.count > 0) monthlyCharts(drawChart, table, columnAfterPixels(widths, 580));
  layout.gap();
  cohortTable(layout, cohorts, monthHeaders);
  return layout.finish({
    kind: "kpis",
    columnWidths: widths,
    tabColor: "#5B9BD5",
  });
}

function monthlyHeader(kpis: MonthlyKpis): Cell[] {
  return [
    "Month",
    "Active customers",
    "New customers",
    "Returning customers",
    { value: "Repeat-purchase rate", note: "Active customers with two or more purchase days in the month" },
    { value: "Retention rate", note: "Active last month and this month / active last month" },
    {
      value: `Churned (${kpis.churnWindowDays} days)`,
      note: "Customers acquired by the month's end with no purchase in the window",
    },
    "Churn rate",
    "Orders",
    "Revenue",
    "Refunds",
    "Net revenue",
    "Average order value",
  ];
}

/** One row per month, in the columns of `monthlyHeader`. */
function monthlyTable(layout: SheetLayout, header: Cell[], { analysis, config }: ReportData): PlacedTable {
  const { kpis } = analysis;
  const money = moneyFormat(config.currency);
  layout.section("Monthly KPIs");
  const rows: Cell[][] = kpis.labels.map((label, m) => [
    label,
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
function monthlyCharts(draw: DrawChart, table: PlacedTable, rightCol: number): void {
  draw(
    tableChart(table, {
      type: "line",
      title: "Customers per month",
      series: [
        ["Active", 1, "#4472C4"],
        ["New", 2, "#70AD47"],
        ["Returning", 3, "#ED7D31"],
      ],
      valueFormat: "integer",
      width: 560,
    }),
  );
  draw(
    tableChart(table, {
      type: "line",
      title: "Retention, repeat purchase and churn (share of customers)",
      series: [
        ["Retention rate", 5, "#4472C4"],
        ["Repeat-purchase rate", 4, "#70AD47"],
        ["Churn rate", 7, "#C00000"],
      ],
      valueFormat: "percent",
      width: 560,
    }),
    rightCol,
  );
}

/** The cohort retention table (the first COHORT_MONTHS months after each cohort's) with a colour scale. */
function cohortTable(layout: SheetLayout, cohorts: CohortRetention, monthHeaders: string[]): void {
  const shownMonths = monthHeaders.length - 1;
  layout.section(
    "Cohort retention",
    "Customers grouped by the month of their first purchase; each cell is the share of the cohort that bought " +
      `in that month after it (month 0 = the first month)` +
      (cohorts.labels.length - 1 > shownMonths ? `; the first ${shownMonths} months are shown.` : "."),
  );
  const cohortRows: Cell[][] = cohorts.labels.map((label, k) => [
    label,
    cohorts.sizes[k],
    ...Array.from({ length: shownMonths + 1 }, (_, j) =>
      j < cohorts.retention[k].length ? numberCell(cohorts.retention[k][j]) : null,
    ),
  ]);
  const placed = layout.table({
    header: ["Cohort", "Customers", ...monthHeaders],
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
