/**
 * Writes a sheet model with ExcelJS's streaming writer: cells (values, formulas with cached results, number
 * formats, styles, notes), column widths, frozen panes, conditional formats, data validation and merged
 * cells. Tables, defined names and charts are not ExcelJS's job: table-parts.ts, defined-names.ts and
 * charts.ts add them to the written package.
 */
import type ExcelJS from "exceljs";
// For its effect: ExcelJS writes control characters and "_xHHHH_" in text so that they read back as written.
import "./xml-string-escape";
import { cellAddress, parseRangeAddress, rangeAddress } from "../../sheet/a1";
import { borderSides, type ResolvedCell } from "../../sheet/sheet-model-cells";
import { numberValidationBounds } from "../format-rules";
import type {
  CellStyle,
  ConditionalFormat,
  DataValidation,
  Scalar,
  SheetModel,
} from "../../sheet/sheet-model";

/** "#5B9BD5" -> "FF5B9BD5" (ExcelJS colours are ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** The colour ExcelJS writes for a model's tab colour: "#RRGGBB", or a file's "theme:N[:tint]" / "indexed:N" (tab-color.ts). */
export function excelJsTabColor(tabColor: string): Partial<ExcelJS.Color> {
  const [kind, value, tint] = tabColor.split(":");
  if (kind === "theme" && value !== undefined) {
    const color: Partial<ExcelJS.Color> & { tint?: number } = { theme: Number(value) };
    if (tint !== undefined) color.tint = Number(tint);
    return color;
  }
  if (kind === "indexed" && value !== undefined) return { indexed: Number(value) } as Partial<ExcelJS.Color>;
  return { argb: argb(tabColor) };
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
    out.border = borderSides(style.border, line);
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

/**
 * Writes resolved cells into ExcelJS cells (in-memory or streaming). One ExcelJS style object is shared
 * per (style, number format): a 100,000-row sheet then holds a handful of style objects instead of one
 * per cell. (So never set cell.numFmt afterwards: it would change every cell sharing the style.)
 */
export function createCellWriter(): (cell: ExcelJS.Cell, c: ResolvedCell) => void {
  const shared = new Map<CellStyle | undefined, Map<string | undefined, Partial<ExcelJS.Style>>>();
  const styleFor = (style: CellStyle | undefined, numFmt: string | undefined) => {
    let byFormat = shared.get(style);
    if (!byFormat) shared.set(style, (byFormat = new Map()));
    let out = byFormat.get(numFmt);
    if (!out) {
      out = { ...(style ? excelJsStyle(style) : {}), ...(numFmt ? { numFmt } : {}) };
      byFormat.set(numFmt, out);
    }
    return out;
  };
  return (cell, c) => {
    cell.value = excelJsValue(c);
    if (c.style || c.numberFormat) cell.style = styleFor(c.style, c.numberFormat);
    if (c.note) cell.note = c.note;
  };
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
  const bounds = numberValidationBounds(v);
  return { type: v.type, operator: bounds.operator, formulae: bounds.formulas, ...messages };
}

/** Sheet options ExcelJS takes when a sheet is added (the streaming writer takes them only then). */
export function worksheetOptions(model: SheetModel): Partial<ExcelJS.AddWorksheetOptions> {
  const showGridLines = model.showGridLines !== false;
  const freeze = model.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0) ? model.freeze : undefined;
  const views: Partial<ExcelJS.WorksheetView>[] = freeze
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
  const options: Partial<ExcelJS.AddWorksheetOptions> = { views };
  if (model.tabColor) options.properties = { tabColor: excelJsTabColor(model.tabColor) };
  if (model.print) {
    options.pageSetup = { orientation: model.print.orientation ?? "portrait" };
    if (model.print.fitToWidth)
      Object.assign(options.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  return options;
}

/** What both ExcelJS worksheets (in-memory and streaming) offer for the features below. */
export interface FeatureSheet {
  getColumn(index: number): { width?: number };
  mergeCells(range: string): void;
  mergeCellsWithoutStyle?(range: string): void;
  addConditionalFormatting(cf: ExcelJS.ConditionalFormattingOptions): void;
}

/** Column widths, merged cells, conditional formats and data validation. Before any row is written. */
export function applySheetFeatures(ws: FeatureSheet, model: SheetModel): void {
  (model.columnWidths ?? []).forEach((w, i) => {
    if (typeof w === "number" && w > 0) ws.getColumn(i + 1).width = w;
  });
  // Merged cells other than the top-left one carry no style, in both writers (the streaming writer
  // merges before the cells exist; the in-memory one would copy the top-left cell's style).
  for (const m of model.merges ?? []) {
    if (ws.mergeCellsWithoutStyle) ws.mergeCellsWithoutStyle(m);
    else ws.mergeCells(m);
  }
  (model.conditionalFormats ?? []).forEach((f, i) =>
    ws.addConditionalFormatting({ ref: f.range, rules: [conditionalRule(f, i + 1)] }),
  );
  // Both ExcelJS worksheets have dataValidations (keyed by cell or range address); the typings omit it.
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of model.validations ?? [])
    validations.add(rangeAddress(parseRangeAddress(v.range)), validation(v));
}

/**
 * Workbook views whose active tab is a visible sheet: Excel opens on the active tab, which must not be
 * the very hidden settings sheet (e.g. when settings were written before any generated sheet).
 */
export function viewsShowingVisibleTab(
  current: ExcelJS.WorkbookView[] | undefined,
  visible: boolean[],
): ExcelJS.WorkbookView[] {
  const firstVisible = visible.indexOf(true);
  if (firstVisible < 0) throw new Error("a workbook needs at least one visible sheet");
  const view: ExcelJS.WorkbookView = current?.[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 8000,
    visibility: "visible",
    firstSheet: 0,
    activeTab: 0,
  };
  const active = view.activeTab ?? 0;
  if (visible[active]) return current?.length ? current : [{ ...view, activeTab: active, firstSheet: 0 }];
  return [{ ...view, activeTab: firstVisible, firstSheet: firstVisible }];
}
