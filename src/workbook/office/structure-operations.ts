/**
 * Everything of a sheet model besides its cells, as Excel JavaScript API operations on the worksheet:
 * Excel tables, column widths, merged cells, conditional formats, data validation, frozen panes, native
 * charts, notes, tab colour, gridlines and page setup. Each operation carries the measured size of what it
 * sends (its part of the model as JSON plus an allowance per API call), so they are packed into requests
 * like the cells are. Defined names are the backend's job (setDefinedNames), not the sheet's.
 */
import { cellAddress, columnName, parseCellAddress, parseRangeAddress, rangeAddress } from "../../sheet/a1";
import { columnPixels } from "../../sheet/column-geometry";
import { reportChartName } from "../../sheet/report-marks";
import { formulaBody, numberFormatCode, tableBox, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type {
  CellValueOperator,
  ChartSeries,
  ChartSpec,
  ConditionalFormat,
  DataValidation,
  SheetModel,
} from "../../sheet/sheet-model";
import type { SheetOperation } from "./cell-operations";
import { jsonBytes, OPERATION_OVERHEAD } from "./payload";
import { numberValidationBounds } from "../format-rules";

/** Points per pixel at 100 % zoom (Excel's chart sizes and column widths are in points). */
const POINTS_PER_PIXEL = 0.75;

/** A SheetModel column width -> points, the unit of Office.js (the same pixels as in an .xlsx file). */
export function columnWidthPoints(width: number): number {
  return columnPixels(width) * POINTS_PER_PIXEL;
}

/** One operation of `calls` API calls sending `payload`. */
function operation(
  kind: string,
  payload: unknown,
  calls: number,
  apply: SheetOperation["apply"],
): SheetOperation {
  return { kind, bytes: jsonBytes(payload) + calls * OPERATION_OVERHEAD, apply };
}

function tableOperations(model: SheetModel): SheetOperation[] {
  return model.blocks.flatMap((block) => {
    const table = block.table;
    if (!table) return [];
    const address = rangeAddress(tableBox(block), false, true);
    return [
      operation("table", { address, table }, 5, (ws) => {
        const t = ws.tables.add(address, true);
        t.name = table.name;
        // Excel has no "no style" table style; "none" keeps the default look without bands.
        if (table.style && table.style !== "none") t.style = table.style;
        t.showFilterButton = table.filter !== false;
        t.showBandedRows = table.style !== "none" && table.bandedRows !== false;
      }),
    ];
  });
}

/** Consecutive columns of the same width set together ("B:D"). */
function columnWidthOperations(model: SheetModel): SheetOperation[] {
  const widths = model.columnWidths ?? [];
  const ops: SheetOperation[] = [];
  for (let i = 0; i < widths.length;) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (typeof w === "number" && w > 0) {
      const columns = `${columnName(i + 1)}:${columnName(j + 1)}`;
      const points = columnWidthPoints(w);
      ops.push(
        operation("columnWidth", { columns, points }, 1, (ws) => {
          ws.getRange(columns).format.columnWidth = points;
        }),
      );
    }
    i = j + 1;
  }
  return ops;
}

const CELL_VALUE_OPERATORS: Record<CellValueOperator, Excel.ConditionalCellValueRule["operator"]> = {
  greaterThan: "GreaterThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThan: "LessThan",
  lessThanOrEqual: "LessThanOrEqual",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  between: "Between",
};

/** A rule operand as the "=..." formula Excel takes: 100 -> "=100", "$B$2" -> "=$B$2". */
function operandFormula(operand: number | string): string {
  return typeof operand === "number" ? `=${operand}` : `=${formulaBody(operand)}`;
}

function applyConditionalFormat(ws: Excel.Worksheet, f: ConditionalFormat): void {
  const range = ws.getRange(f.range);
  if (f.type === "colorScale") {
    const cf = range.conditionalFormats.add("ColorScale");
    const [low, mid, high] = f.colors.length === 3 ? f.colors : [f.colors[0], undefined, f.colors[1]];
    cf.colorScale.criteria = {
      minimum: { type: "LowestValue", color: low },
      ...(mid ? { midpoint: { type: "Percentile", formula: "50", color: mid } } : {}),
      maximum: { type: "HighestValue", color: high },
    };
  } else if (f.type === "dataBar") {
    const cf = range.conditionalFormats.add("DataBar");
    cf.dataBar.positiveFormat.fillColor = f.color;
    cf.dataBar.positiveFormat.gradientFill = true;
  } else {
    const cf = range.conditionalFormats.add("CellValue");
    if (f.style.fill) cf.cellValue.format.fill.color = f.style.fill;
    if (f.style.fontColor) cf.cellValue.format.font.color = f.style.fontColor;
    if (f.style.bold) cf.cellValue.format.font.bold = true;
    const [first, second] = f.operands.map(operandFormula);
    cf.cellValue.rule = {
      formula1: first,
      ...(second !== undefined ? { formula2: second } : {}),
      operator: CELL_VALUE_OPERATORS[f.operator],
    };
  }
}

const VALIDATION_OPERATORS = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

function validationRule(v: DataValidation): Excel.DataValidationRule {
  if (v.type === "list") {
    const source = v.values
      ? v.values.join(",")
      : `=${rangeAddress(parseRangeAddress(v.source as string), true)}`;
    return { list: { inCellDropDown: true, source } };
  }
  const bounds = numberValidationBounds(v);
  const rule: Excel.BasicDataValidation = {
    operator: VALIDATION_OPERATORS[bounds.operator],
    formula1: bounds.formulas[0],
    ...(bounds.formulas.length > 1 ? { formula2: bounds.formulas[1] } : {}),
  };
  return v.type === "whole" ? { wholeNumber: rule } : { decimal: rule };
}

function applyValidation(ws: Excel.Worksheet, v: DataValidation): void {
  const validation = ws.getRange(v.range).dataValidation;
  validation.rule = validationRule(v);
  validation.ignoreBlanks = v.allowBlank ?? true;
  if (v.prompt) validation.prompt = { message: v.prompt, showPrompt: true, title: "" };
  validation.errorAlert = { message: v.error ?? "", showAlert: true, style: "Stop", title: "" };
}

type OfficeChartType = Parameters<Excel.ChartCollection["add"]>[0];

const CHART_TYPES: Record<ChartSpec["type"], OfficeChartType> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
  doughnut: "Doughnut",
  scatter: "XYScatterLines",
};

const LEGEND_POSITIONS = { right: "Right", bottom: "Bottom", top: "Top" } as const;

/** The text of a series name given as a cell of this sheet, from the model being written. */
function seriesName(series: ChartSeries, cells: ResolvedCell[]): string | undefined {
  if (series.name === undefined) return undefined;
  if (typeof series.name === "string") return series.name;
  const { row, col } = parseCellAddress(series.name.ref);
  const cell = cells.find((c) => c.row === row && c.col === col);
  const v = cell?.value ?? cell?.result;
  return v === null || v === undefined ? undefined : String(v);
}

function applyChart(ws: Excel.Worksheet, spec: ChartSpec, index: number, cells: ResolvedCell[]): void {
  const first = spec.series[0];
  const firstBox = parseRangeAddress(first.values);
  const chart = ws.charts.add(
    CHART_TYPES[spec.type],
    ws.getRange(first.values),
    firstBox.left === firstBox.right ? "Columns" : "Rows",
  );
  // The mark by which a refresh knows this chart is the report's (report-marks.ts).
  chart.name = reportChartName(spec, index);
  spec.series.forEach((s, i) => {
    const name = seriesName(s, cells);
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
    if (name !== undefined) series.name = name;
    series.setValues(ws.getRange(s.values));
    const x = spec.type === "scatter" ? s.xValues : spec.categories;
    if (x) series.setXAxisValues(ws.getRange(x));
    if (s.color) {
      if (spec.type === "line" || spec.type === "scatter") series.format.line.color = s.color;
      else series.format.fill.setSolidColor(s.color);
    }
  });
  if (spec.title) chart.title.text = spec.title;
  else chart.title.visible = false;
  if (spec.legend === "none") chart.legend.visible = false;
  else chart.legend.position = LEGEND_POSITIONS[spec.legend ?? "right"];
  if (spec.type !== "pie" && spec.type !== "doughnut") {
    if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
    if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
    if (spec.valueFormat) chart.axes.valueAxis.numberFormat = numberFormatCode(spec.valueFormat);
  }
  chart.setPosition(cellAddress(spec.at.row, spec.at.col));
  chart.width = spec.width * POINTS_PER_PIXEL;
  chart.height = spec.height * POINTS_PER_PIXEL;
}

function freezeOperations(model: SheetModel): SheetOperation[] {
  const rows = model.freeze?.rows ?? 0;
  const cols = model.freeze?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return [];
  return [
    operation("freeze", model.freeze, 1, (ws) => {
      if (rows > 0 && cols > 0) {
        ws.freezePanes.freezeAt(ws.getRange(rangeAddress({ top: 1, left: 1, bottom: rows, right: cols })));
      } else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(cols);
    }),
  ];
}

export interface StructureOptions {
  /** Whether the host has worksheet notes (ExcelApi 1.18); without them the notes are left out. */
  notes: boolean;
}

/** Every operation after the cells, in the order they must run (tables need their header cells). */
export function structureOperations(
  model: SheetModel,
  cells: ResolvedCell[],
  options: StructureOptions,
): SheetOperation[] {
  const ops: SheetOperation[] = [...tableOperations(model), ...columnWidthOperations(model)];
  for (const merge of model.merges ?? []) {
    ops.push(operation("merge", merge, 1, (ws) => ws.getRange(merge).merge(false)));
  }
  for (const f of model.conditionalFormats ?? []) {
    ops.push(operation("conditionalFormat", f, 6, (ws) => applyConditionalFormat(ws, f)));
  }
  for (const v of model.validations ?? []) {
    ops.push(operation("dataValidation", v, 4, (ws) => applyValidation(ws, v)));
  }
  ops.push(...freezeOperations(model));
  for (const [index, chart] of (model.charts ?? []).entries()) {
    ops.push(
      operation("chart", chart, 10 + 5 * chart.series.length, (ws) => applyChart(ws, chart, index, cells)),
    );
  }
  if (options.notes) {
    for (const cell of cells) {
      if (!cell.note) continue;
      const address = cellAddress(cell.row, cell.col);
      const note = cell.note;
      ops.push(operation("note", { address, note }, 1, (ws) => ws.notes.add(address, note)));
    }
  }
  const sheetProperties = {
    tabColor: model.tabColor,
    showGridLines: model.showGridLines !== false,
    print: model.print,
  };
  ops.push(
    operation("sheetProperties", sheetProperties, 4, (ws) => {
      if (model.tabColor) ws.tabColor = model.tabColor;
      ws.showGridlines = sheetProperties.showGridLines;
      if (model.print?.orientation) {
        ws.pageLayout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
      }
      if (model.print?.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }),
  );
  return ops;
}
