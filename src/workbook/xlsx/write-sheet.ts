/**
 * Writes a sheet model into an ExcelJS worksheet: cells (values, formulas with cached results, number
 * formats, styles, notes), Excel tables, column widths, frozen panes, conditional formats, data validation
 * and merged cells. Defined names and charts are not ExcelJS's job: defined-names.ts and charts.ts add
 * them to the saved package.
 */
import type ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress, rangeAddress } from "../../report/a1";
import { resolveCells, tableBox, type ResolvedCell } from "../../report/sheet-model-cells";
import type {
  CellStyle,
  ConditionalFormat,
  DataValidation,
  Scalar,
  SheetModel,
} from "../../report/sheet-model";

/** "#5B9BD5" -> "FF5B9BD5" (ExcelJS colours are ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

export function excelJsStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  // A font without a name falls back to the reader's default (a serif in LibreOffice): name it, as Excel does.
  if (Object.keys(font).length) out.font = { name: "Calibri", family: 2, size: 11, ...font };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.align || style.wrap) {
    out.alignment = {};
    if (style.align) out.alignment.horizontal = style.align;
    if (style.wrap) out.alignment.wrapText = true;
  }
  if (style.border) {
    const line: Partial<ExcelJS.Border> = {
      style: "thin",
      color: { argb: argb(style.borderColor ?? "#000000") },
    };
    out.border =
      style.border === "box"
        ? { top: line, bottom: line, left: line, right: line }
        : style.border === "top"
          ? { top: line }
          : { bottom: line };
  }
  return out;
}

function excelJsValue(cell: ResolvedCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const v: ExcelJS.CellFormulaValue = { formula: cell.formula, date1904: false };
    if (cell.result !== undefined && cell.result !== null)
      v.result = cell.result as ExcelJS.CellFormulaValue["result"];
    return v;
  }
  // Strings are assigned as strings: ExcelJS writes them as text, whatever they start with.
  return (cell.value ?? null) as Scalar as ExcelJS.CellValue;
}

function writeCells(ws: ExcelJS.Worksheet, cells: ResolvedCell[]): void {
  for (const c of cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = excelJsValue(c);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.style)
      cell.style = { ...excelJsStyle(c.style), ...(c.numberFormat ? { numFmt: c.numberFormat } : {}) };
    if (c.note) cell.note = c.note;
  }
}

function addTables(ws: ExcelJS.Worksheet, model: SheetModel, byAddress: Map<string, ResolvedCell>): void {
  for (const block of model.blocks) {
    if (!block.table) continue;
    const box = tableBox(block);
    const columns = [];
    for (let c = box.left; c <= box.right; c++) {
      columns.push({
        name: String(byAddress.get(cellAddress(box.top, c))?.value ?? ""),
        filterButton: block.table.filter !== false,
      });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = box.top + 1; r <= box.bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const cell = byAddress.get(cellAddress(r, c));
        row.push(cell ? excelJsValue(cell) : null);
      }
      rows.push(row);
    }
    ws.addTable({
      name: block.table.name,
      ref: cellAddress(box.top, box.left),
      headerRow: true,
      totalsRow: false,
      style: {
        theme: (block.table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: block.table.bandedRows !== false,
      },
      columns,
      rows,
    });
  }
}

function conditionalRule(f: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (f.type === "colorScale") {
    const cfvo: ExcelJS.Cvfo[] =
      f.colors.length === 3
        ? [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }]
        : [{ type: "min" }, { type: "max" }];
    return { type: "colorScale", priority, cfvo, color: f.colors.map((c) => ({ argb: argb(c) })) };
  }
  if (f.type === "dataBar") {
    const rule = { type: "dataBar", priority, gradient: true, cfvo: [{ type: "min" }, { type: "max" }] };
    return { ...rule, color: { argb: argb(f.color) } } as ExcelJS.ConditionalFormattingRule;
  }
  const style: Partial<ExcelJS.Style> = {};
  if (f.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.style.fill) } };
  if (f.style.fontColor || f.style.bold) {
    style.font = {
      bold: f.style.bold,
      ...(f.style.fontColor ? { color: { argb: argb(f.style.fontColor) } } : {}),
    };
  }
  return {
    type: "cellIs",
    priority,
    operator: f.operator as ExcelJS.CellIsOperators,
    formulae: f.operands.map(String),
    style,
  };
}

function validation(v: DataValidation): ExcelJS.DataValidation {
  const messages = {
    showInputMessage: Boolean(v.prompt),
    ...(v.prompt ? { prompt: v.prompt } : {}),
    showErrorMessage: true,
    ...(v.error ? { error: v.error } : {}),
    allowBlank: v.allowBlank ?? true,
  };
  if (v.type === "list") {
    const formula = v.values
      ? `"${v.values.join(",").replace(/"/g, '""')}"`
      : rangeAddress(parseRangeAddress(v.source as string), true);
    return { type: "list", formulae: [formula], ...messages };
  }
  if (v.min !== undefined && v.max !== undefined) {
    return { type: v.type, operator: "between", formulae: [v.min, v.max], ...messages };
  }
  if (v.min !== undefined)
    return { type: v.type, operator: "greaterThanOrEqual", formulae: [v.min], ...messages };
  if (v.max !== undefined)
    return { type: v.type, operator: "lessThanOrEqual", formulae: [v.max], ...messages };
  return { type: v.type, operator: "between", formulae: [-1e307, 1e307], ...messages };
}

/** Fills an empty worksheet from the model. */
export function renderSheetModel(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const cells = resolveCells(model);
  const byAddress = new Map(cells.map((c) => [cellAddress(c.row, c.col), c]));
  addTables(ws, model, byAddress);
  writeCells(ws, cells);
  (model.columnWidths ?? []).forEach((w, i) => {
    if (typeof w === "number" && w > 0) ws.getColumn(i + 1).width = w;
  });
  const showGridLines = model.showGridLines !== false;
  const freeze = model.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0) ? model.freeze : undefined;
  ws.views = freeze
    ? [
        {
          state: "frozen",
          xSplit: freeze.cols,
          ySplit: freeze.rows,
          topLeftCell: cellAddress(freeze.rows + 1, freeze.cols + 1),
          showGridLines,
        },
      ]
    : [{ state: "normal", showGridLines }];
  if (model.tabColor) ws.properties.tabColor = { argb: argb(model.tabColor) };
  if (model.print) {
    ws.pageSetup.orientation = model.print.orientation ?? "portrait";
    if (model.print.fitToWidth)
      Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  (model.conditionalFormats ?? []).forEach((f, i) =>
    ws.addConditionalFormatting({ ref: f.range, rules: [conditionalRule(f, i + 1)] }),
  );
  // ExcelJS has worksheet.dataValidations (keyed by cell or range address) but its typings omit it.
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of model.validations ?? []) {
    validations.add(rangeAddress(parseRangeAddress(v.range)), validation(v));
  }
  for (const m of model.merges ?? []) ws.mergeCells(m);
}
