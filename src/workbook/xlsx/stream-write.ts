/**
 * Writes a NEW workbook with ExcelJS's streaming writer, row by row from the sheet models: a 100,000-row
 * generated sheet is never held as an ExcelJS model (the in-memory ExcelJS workbook costs about 1.5 KB per
 * cell; this costs the model the builder made anyway). The streaming writer has no tables, charts or
 * workbook names of ours: finishPackage adds those.
 */
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { parseRangeAddress } from "../../sheet/a1";
import { cellsByRow, isCellSpec, type ResolvedCell } from "../../sheet/sheet-model-cells";
import type { ChartSpec, SheetModel } from "../../sheet/sheet-model";
import type { DefinedNameSpec } from "../backend";
import type { MemorySheet } from "../memory/memory-backend";
import { sameSheetName } from "../registry";
import type { SheetCharts } from "./chart-parts";
import type { RangeValues } from "./charts";
import { packageName } from "./defined-names";
import { finishPackage } from "./package-finish";
import { tablesOf } from "./table-parts";
import {
  applySheetFeatures,
  createCellWriter,
  viewsShowingVisibleTab,
  worksheetOptions,
} from "./write-sheet";

/** Values of a range of a model, for chart caches (formula cells give their cached result). */
export function modelRangeValues(model: SheetModel): RangeValues {
  const at = (row: number, col: number): string | number | null => {
    for (const b of model.blocks) {
      const cell = b.rows[row - b.at.row]?.[col - b.at.col];
      if (cell === undefined) continue;
      const v = isCellSpec(cell) ? (cell.value ?? cell.result ?? null) : cell;
      if (typeof v === "number" || typeof v === "string") return v;
      return v instanceof Date ? v.toISOString().slice(0, 10) : null;
    }
    return null;
  };
  return (range) => {
    const box = parseRangeAddress(range);
    const out: (string | number | null)[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) out.push(at(r, c));
    return out;
  };
}

function writeGeneratedSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: MemorySheet,
  model: SheetModel,
): void {
  const ws = wb.addWorksheet(sheet.name, { ...worksheetOptions(model), state: sheet.visibility });
  applySheetFeatures(ws as unknown as Parameters<typeof applySheetFeatures>[0], model);
  const write = createCellWriter();
  for (const { row, cells } of cellsByRow(model)) {
    const r = ws.getRow(row);
    for (const c of cells) write(r.getCell(c.col), c);
    r.commit();
  }
  ws.commit();
}

function writePlainSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: MemorySheet): void {
  const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
  const write = createCellWriter();
  for (const rowNumber of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const r = ws.getRow(rowNumber);
    for (const [col, cell] of [...(sheet.cells.get(rowNumber) as Map<number, { value: unknown }>)].sort(
      (a, b) => a[0] - b[0],
    )) {
      write(r.getCell(col), { row: rowNumber, col, value: cell.value as ResolvedCell["value"] });
    }
    r.commit();
  }
  ws.commit();
}

/** The .xlsx bytes of a new workbook made of these sheets, names and charts (sheet name -> charts). */
export async function streamWorkbook(
  sheets: readonly MemorySheet[],
  names: DefinedNameSpec[],
  charts: Map<string, ChartSpec[]>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  wb.views = viewsShowingVisibleTab(
    undefined,
    sheets.map((s) => s.visibility === "visible"),
  );
  for (const sheet of sheets) {
    if (sheet.model) writeGeneratedSheet(wb, sheet, sheet.model);
    else writePlainSheet(wb, sheet);
  }
  await wb.commit();
  const sheetCharts: SheetCharts[] = [];
  for (const [name, list] of charts) {
    const model = sheets.find((s) => sameSheetName(s.name, name))?.model;
    if (!model || list.length === 0) continue;
    sheetCharts.push({
      sheet: name,
      charts: list,
      columnWidths: model.columnWidths ?? [],
      values: modelRangeValues(model),
    });
  }
  return finishPackage(Buffer.concat(chunks), {
    names: names.map(packageName),
    tables: sheets.flatMap((s) => (s.model ? [{ sheet: s.name, tables: tablesOf(s.model) }] : [])),
    charts: sheetCharts,
  });
}
