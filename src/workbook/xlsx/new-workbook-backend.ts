/**
 * The backend of a NEW .xlsx workbook (XlsxWorkbook.create): the sheets are kept as the in-memory
 * adapter keeps them (generated sheets as their models) and written with the streaming writer on save.
 * A new report file therefore never builds an ExcelJS model of its sheets.
 */
import type { ChartSpec } from "../../sheet/sheet-model";
import { MemoryBackend } from "../memory/memory-backend";
import { streamWorkbook } from "./stream-write";

export class NewXlsxBackend extends MemoryBackend {
  toBuffer(charts: Map<string, ChartSpec[]>): Promise<Buffer> {
    return streamWorkbook(this.sheetList, [...this.names.values()], charts);
  }
}
