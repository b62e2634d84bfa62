/**
 * One small sheet model that uses every feature of the sheet model: title and notes, an Excel table with
 * filters, number formats, formulas with and without cached results, input cells with validation and
 * named ranges, a scenario dropdown, merged cells, frozen panes, the three conditional formats, and one
 * chart of each type. The contract tests write it through every adapter; test/workbook/render.test.ts
 * renders it through LibreOffice.
 */
import type { Cell, SheetModel } from "../../src/sheet/sheet-model";

export const SEGMENTS = [
  // Segment names from data that look like formulas: they must stay text.
  ["Champions", 120, 0.12, 48_200.5, new Date(Date.UTC(2024, 5, 28)), 410.2],
  ["Loyal", 230, 0.23, 31_050, new Date(Date.UTC(2024, 5, 20)), 150.75],
  ['=HYPERLINK("http://x")', 150, 0.15, 9_800.25, new Date(Date.UTC(2024, 4, 2)), 65.3],
  ["+At risk", 180, 0.18, 12_400, new Date(Date.UTC(2024, 1, 14)), 68.9],
  ["-Hibernating", 200, 0.2, 4_100.8, new Date(Date.UTC(2023, 11, 3)), 20.5],
  ["@Lost", 120, 0.12, 1_300, new Date(Date.UTC(2023, 6, 30)), 10.83],
] as const;

const MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
const ACTIVE = [410, 455, 430, 520, 560, 590];
const PARETO_X = [0, 0.1, 0.2, 0.4, 0.6, 0.8, 1];
const PARETO_Y = [0, 0.45, 0.62, 0.8, 0.91, 0.97, 1];

export function exampleSheetModel(name = "Example"): SheetModel {
  const tableTop = 4;
  const first = tableTop + 1;
  const last = tableTop + SEGMENTS.length;
  const daysRow = last + 4;
  const rateRow = last + 5;
  const scenarioRow = last + 6;
  const rows: Cell[][] = [
    [
      "Segment",
      "Customers",
      { value: "Share", note: "Customers in the segment / all customers" },
      "Revenue",
      "Last purchase",
      "Mean CLV",
    ],
    ...SEGMENTS.map((s) => [...s] as Cell[]),
  ];
  return {
    kind: "example",
    name,
    blocks: [
      { at: { row: 1, col: 1 }, rows: [[{ value: "Segment overview", style: "title" }]] },
      {
        at: { row: 2, col: 1 },
        rows: [[{ value: "Every number below is an example. Edit the orange cells.", style: "note" }]],
      },
      {
        at: { row: tableTop, col: 1 },
        rows,
        table: { name: "LL_Example_Segments", style: "TableStyleMedium2" },
        columnFormats: [null, "integer", "percent1", "currency", "date", { code: '"$"#,##0.00' }],
      },
      {
        at: { row: last + 1, col: 1 },
        style: "total",
        rows: [
          [
            "Total",
            { formula: `SUM(B${first}:B${last})`, result: 1000, format: "integer" },
            { formula: `SUM(C${first}:C${last})`, format: "percent1" },
            { formula: `=SUM(D${first}:D${last})`, result: 106_851.55, format: "currency" },
          ],
        ],
      },
      {
        at: { row: last + 3, col: 1 },
        headerRows: 1,
        rows: [
          ["Assumption", "Value"],
          ["Alert after days without purchase", { value: 90, input: "alerts.days", format: "integer" }],
          ["Redemption rate", { value: 0.6, input: "projection.redemption", format: "percent" }],
          ["Scenario", { value: "Base", input: "projection.scenario" }],
          ["Points value", { formula: `B${rateRow}*0.01`, result: 0.006, format: "decimal4" }],
        ],
      },
      {
        at: { row: last + 10, col: 1 },
        headerRows: 1,
        rows: [["Month", "Active customers"], ...MONTHS.map((m, i) => [m, ACTIVE[i]])],
        columnFormats: [null, "integer"],
      },
      {
        at: { row: last + 10, col: 4 },
        headerRows: 1,
        rows: [["Customers (cum. %)", "Revenue (cum. %)"], ...PARETO_X.map((x, i) => [x, PARETO_Y[i]])],
        columnFormats: ["percent", "percent"],
      },
    ],
    columnWidths: [34, 12, 10, 14, 14, 14],
    freeze: { rows: tableTop, cols: 1 },
    merges: ["A1:F1"],
    tabColor: "#5B9BD5",
    conditionalFormats: [
      { type: "colorScale", range: `C${first}:C${last}`, colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
      { type: "dataBar", range: `D${first}:D${last}`, color: "#638EC6" },
      {
        type: "cellValue",
        range: `F${first}:F${last}`,
        operator: "greaterThan",
        operands: [100],
        style: { fill: "#C6EFCE", fontColor: "#006100", bold: true },
      },
    ],
    validations: [
      {
        range: `B${scenarioRow}`,
        type: "list",
        values: ["Base", "Cautious", "Ambitious"],
        prompt: "Choose a scenario",
      },
      { range: `B${rateRow}`, type: "decimal", min: 0, max: 1, error: "A rate between 0 % and 100 %" },
      { range: `B${daysRow}`, type: "whole", min: 1, max: 3650 },
    ],
    names: [
      { name: "LL_AlertDays", range: `B${daysRow}` },
      { name: "LL_RedemptionRate", range: `B${rateRow}`, comment: "Share of points redeemed" },
      { name: "LL_Segments", range: `A${first}:A${last}` },
    ],
    charts: [
      {
        type: "column",
        title: "Revenue by segment",
        categories: `A${first}:A${last}`,
        series: [{ name: { ref: `D${tableTop}` }, values: `D${first}:D${last}` }],
        yAxisTitle: "Revenue",
        at: { row: 1, col: 8 },
        width: 480,
        height: 280,
      },
      {
        type: "bar",
        title: "Customers by segment",
        categories: `A${first}:A${last}`,
        series: [{ name: "Customers", values: `B${first}:B${last}`, color: "#70AD47" }],
        at: { row: 16, col: 8 },
        width: 480,
        height: 280,
      },
      {
        type: "line",
        title: "Active customers per month",
        categories: `A${last + 11}:A${last + 10 + MONTHS.length}`,
        series: [{ name: "Active", values: `B${last + 11}:B${last + 10 + MONTHS.length}` }],
        xAxisTitle: "Month",
        yAxisTitle: "Customers",
        at: { row: 1, col: 16 },
        width: 480,
        height: 280,
      },
      {
        type: "pie",
        title: "Customer share",
        categories: `A${first}:A${last}`,
        series: [{ values: `B${first}:B${last}` }],
        at: { row: 16, col: 16 },
        width: 480,
        height: 280,
      },
      {
        type: "doughnut",
        title: "Revenue share",
        categories: `A${first}:A${last}`,
        series: [{ values: `D${first}:D${last}` }],
        legend: "bottom",
        at: { row: 31, col: 8 },
        width: 480,
        height: 280,
      },
      {
        type: "scatter",
        title: "Pareto curve",
        series: [
          {
            name: "Revenue",
            xValues: `D${last + 11}:D${last + 10 + PARETO_X.length}`,
            values: `E${last + 11}:E${last + 10 + PARETO_X.length}`,
            color: "#C00000",
          },
        ],
        xAxisTitle: "Share of customers",
        yAxisTitle: "Share of revenue",
        valueFormat: "percent",
        at: { row: 31, col: 16 },
        width: 480,
        height: 280,
      },
    ],
  };
}
