/**
 * The WorkbookBackend over ExcelJS. A workbook file is loaded into ExcelJS only when needed: a big file
 * (more worksheet XML than FULL_LOAD_LIMIT_BYTES) is listed from its package and its tables are read by
 * streaming, so reading a million rows never builds a million ExcelJS rows in memory. Writing always needs
 * the full model.
 *
 * ExcelJS is given the file with its <definedNames> taken out (see defined-names.ts); this backend keeps
 * the names itself and puts them back when it saves, with the charts of the generated sheets.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue } from "../../engine/data/table";
import { rangeAddress, parseRangeAddress, type CellPosition, type RangeBox } from "../../sheet/a1";
import type { ChartSpec, SheetModel } from "../../sheet/sheet-model";
import { UserError } from "../../user-error";
import type { BackendSheet, CellContents, DefinedNameSpec, SheetRow, WorkbookBackend } from "../backend";
import type { SheetVisibility, TableInfo } from "../../sheet/port";
import { sameSheetName } from "../registry";
import type { SheetCharts } from "./chart-parts";
import { finishPackage } from "./package-finish";
import { takeDataValidations } from "./data-validations";
import { packageName, stripDefinedNames } from "./defined-names";
import { clearArea } from "./clear-area";
import { excelJsCellValue, formulaOf } from "./excel-values";
import type { PackageDefinedName, XlsxPackage } from "./package";
import { streamSheetRows } from "./stream-rows";
import {
  applyWorksheetOptions,
  renderSheetModel,
  viewsShowingVisibleTab,
  worksheetOptions,
} from "./write-sheet";

/** Above this much worksheet XML, tables are read by streaming instead of loading the workbook. */
export const FULL_LOAD_LIMIT_BYTES = 64 * 1024 * 1024;
const ROW_BATCH = 5_000;

/** ExcelJS orders sheets by this field; its typings leave it out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

/** Adds a sheet at the tab position of `old` (replacing it), or at the end. */
function addSheetInPlaceOf(
  wb: ExcelJS.Workbook,
  old: ExcelJS.Worksheet | undefined,
  name: string,
  options?: Partial<ExcelJS.AddWorksheetOptions>,
): ExcelJS.Worksheet {
  const orderNo = (old as Ordered | undefined)?.orderNo;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, options);
  if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
  return ws;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
}

function usedRangeOf(ws: ExcelJS.Worksheet): RangeBox | undefined {
  let box: RangeBox | undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined) return;
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    });
  });
  return box;
}

export class XlsxBackend implements WorkbookBackend {
  private workbook?: ExcelJS.Workbook;
  private names: PackageDefinedName[];
  /** The opened file's data validations by sheet (lower-case name), until that sheet is replaced. */
  private readonly validations = new Map<string, { sheet: string; xml: string }>();

  /** `source`: the file this workbook was opened from (none for a new workbook). */
  constructor(
    private readonly source?: XlsxPackage,
    private readonly sourcePath?: string,
    private readonly fullLoadLimitBytes = FULL_LOAD_LIMIT_BYTES,
  ) {
    this.names = source ? source.definedNames() : [];
  }

  private get label(): string {
    return this.source?.file ?? "the workbook";
  }

  /** True while a big file is read from its package, without ExcelJS. */
  private get streaming(): boolean {
    if (this.workbook || !this.source || !this.sourcePath) return false;
    return this.source.worksheetXmlBytes() > this.fullLoadLimitBytes;
  }

  /** The ExcelJS workbook, loaded on first use. */
  async full(): Promise<ExcelJS.Workbook> {
    if (this.workbook) return this.workbook;
    const wb = new ExcelJS.Workbook();
    if (this.source) {
      // Every part is inflated by our own size-capped reader and handed to ExcelJS uncompressed, without
      // the defined names and data validations, which this backend carries itself.
      const sheetOfPart = new Map(this.source.sheets().map((s) => [s.part, s.name]));
      const zip = new JSZip();
      for (const entry of this.source.entries) {
        if (entry.name.endsWith("/")) continue;
        const bytes = this.source.bytes(entry.name);
        const sheet = sheetOfPart.get(entry.name);
        if (entry.name === "xl/workbook.xml") zip.file(entry.name, stripDefinedNames(bytes.toString("utf8")));
        else if (sheet !== undefined) {
          const { xml, validations } = takeDataValidations(bytes.toString("utf8"));
          if (validations) this.validations.set(sheet.toLowerCase(), { sheet, xml: validations });
          zip.file(entry.name, xml);
        } else zip.file(entry.name, bytes);
      }
      const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
      try {
        await wb.xlsx.load(stored as unknown as ExcelJS.Buffer);
      } catch (e) {
        throw new UserError(`${this.label} cannot be read as a workbook: ${(e as Error).message}`);
      }
    }
    this.workbook = wb;
    return wb;
  }

  private async worksheet(name: string): Promise<ExcelJS.Worksheet> {
    const ws = (await this.full()).worksheets.find((w) => sameSheetName(w.name, name));
    if (!ws) throw new Error(`no sheet named "${name}"`);
    return ws;
  }

  async sheets(): Promise<BackendSheet[]> {
    if (this.streaming) {
      const pkg = this.source as XlsxPackage;
      return pkg.sheets().map((s) => {
        const info: BackendSheet = { name: s.name, visibility: s.visibility };
        const used = pkg.declaredDimension(s.part);
        if (used) info.usedRange = used;
        return info;
      });
    }
    return (await this.full()).worksheets.map((ws) => {
      const info: BackendSheet = { name: ws.name, visibility: visibilityOf(ws) };
      const used = usedRangeOf(ws);
      if (used) info.usedRange = used;
      return info;
    });
  }

  async tables(): Promise<TableInfo[]> {
    if (this.streaming) {
      const pkg = this.source as XlsxPackage;
      return pkg.sheets().flatMap((s) => pkg.tables(s.part).map((t) => ({ ...t, sheet: s.name })));
    }
    return (await this.full()).worksheets.flatMap((ws) =>
      ws.getTables().map((t) => {
        const model = (
          t as unknown as { table: { name: string; displayName?: string; tableRef?: string; ref: string } }
        ).table;
        const range = rangeAddress(parseRangeAddress(model.tableRef ?? model.ref), false, true);
        return { name: model.displayName ?? model.name, sheet: ws.name, range };
      }),
    );
  }

  async *rows(sheet: string, box?: RangeBox): AsyncIterable<SheetRow[]> {
    if (this.streaming) {
      const part = (this.source as XlsxPackage).sheets().find((s) => sameSheetName(s.name, sheet));
      yield* streamSheetRows(this.sourcePath as string, part?.name ?? sheet, box, this.label);
      return;
    }
    const ws = await this.worksheet(sheet);
    const area = box ?? usedRangeOf(ws);
    if (!area) return;
    let batch: SheetRow[] = [];
    const rows: SheetRow[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r < area.top || r > area.bottom) return;
      const cells: CellValue[] = [];
      for (let c = area.left; c <= Math.min(area.right, row.cellCount); c++)
        cells.push(excelJsCellValue(row.findCell(c)));
      batch.push({ row: r, cells });
      if (batch.length >= ROW_BATCH) {
        rows.push(batch);
        batch = [];
      }
    });
    if (batch.length) rows.push(batch);
    yield* rows;
  }

  async readCells(sheet: string, cells: CellPosition[]): Promise<CellContents[]> {
    const ws = await this.worksheet(sheet);
    return cells.map((p) => {
      const cell = ws.findCell(p.row, p.col);
      const contents: CellContents = { value: excelJsCellValue(cell) };
      const formula = cell && cell.type === ExcelJS.ValueType.Formula ? cell.formula : formulaOf(cell?.value);
      if (formula !== undefined) contents.formula = formula;
      return contents;
    });
  }

  async writeSheet(
    model: SheetModel,
    sheetName: string,
    replace?: string,
    owned?: RangeBox[],
  ): Promise<void> {
    const wb = await this.full();
    const old = replace ? wb.worksheets.find((w) => sameSheetName(w.name, replace)) : undefined;
    // The validations carried from the file belong to the old sheet (data validations of the user outside
    // a footprint are not carried over: a known limit).
    if (replace) this.validations.delete(replace.toLowerCase());
    const boxes = owned ?? (model.footprint ? [parseRangeAddress(model.footprint)] : undefined);
    if (old && boxes) {
      // Only these parts are the model's: clear them and write into the same sheet, keeping the rest.
      for (const box of boxes) clearArea(old, box);
      old.name = sheetName;
      applyWorksheetOptions(old, worksheetOptions(model));
      renderSheetModel(old, model);
      return;
    }
    renderSheetModel(addSheetInPlaceOf(wb, old, sheetName, worksheetOptions(model)), model);
  }

  async deleteSheet(name: string): Promise<void> {
    const ws = await this.worksheet(name);
    (await this.full()).removeWorksheet(ws.id);
    this.validations.delete(name.toLowerCase());
  }

  async definedNames(): Promise<string[]> {
    return this.names.filter((n) => n.localSheet === undefined).map((n) => n.name);
  }

  async setDefinedNames(remove: string[], add: DefinedNameSpec[]): Promise<void> {
    const gone = new Set([...remove, ...add.map((a) => a.name)].map((n) => n.toLowerCase()));
    this.names = this.names.filter((n) => n.localSheet !== undefined || !gone.has(n.name.toLowerCase()));
    this.names.push(...add.map(packageName));
  }

  async writeHiddenSheet(name: string, rows: string[][]): Promise<void> {
    const wb = await this.full();
    const old = wb.worksheets.find((w) => sameSheetName(w.name, name));
    const ws = addSheetInPlaceOf(wb, old, name, { state: "veryHidden" });
    rows.forEach((cells, r) => cells.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  }

  /** Values of a range of an ExcelJS sheet, for chart caches. */
  private static rangeValues(ws: ExcelJS.Worksheet): (range: string) => (string | number | null)[] {
    return (range) => {
      const b = parseRangeAddress(range);
      const out: (string | number | null)[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const v = excelJsCellValue(ws.findCell(r, c));
          out.push(
            typeof v === "number" || typeof v === "string"
              ? v
              : v instanceof Date
                ? v.toISOString().slice(0, 10)
                : null,
          );
        }
      }
      return out;
    };
  }

  /** The saved file: ExcelJS's package, plus the defined names and the charts of `charts` (sheet -> charts). */
  async toBuffer(charts: Map<string, ChartSpec[]>): Promise<Buffer> {
    const wb = await this.full();
    const sheets = wb.worksheets;
    wb.views = viewsShowingVisibleTab(
      wb.views,
      sheets.map((ws) => visibilityOf(ws) === "visible"),
    );
    const written = await wb.xlsx.writeBuffer();
    const sheetCharts: SheetCharts[] = [];
    for (const [sheet, list] of charts) {
      const ws = sheets.find((w) => sameSheetName(w.name, sheet));
      if (!ws || list.length === 0) continue;
      const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width);
      sheetCharts.push({
        sheet: ws.name,
        charts: list,
        columnWidths: widths,
        values: XlsxBackend.rangeValues(ws),
      });
    }
    // ExcelJS wrote this session's tables itself (and kept those it loaded).
    return finishPackage(written as ArrayBuffer, {
      names: this.names,
      validations: [...this.validations.values()],
      tables: [],
      charts: sheetCharts,
    });
  }
}
