/**
 * The backend of a NEW .xlsx workbook (XlsxWorkbook.create): the sheets are kept as the in-memory
 * adapter keeps them (generated sheets as their models) and written straight to the package on save
 * (stream-write.ts). A new report file therefore never holds a second copy of its sheets.
 */
import type { ChartSpec } from "../../sheet/sheet-model";
import { MemoryBackend, MemorySheet } from "../memory/memory-backend";
import { sameSheetName } from "../registry";
import { streamWorkbook } from "./stream-write";

export class NewXlsxBackend extends MemoryBackend {
  /** A new file: only this process writes it. */
  readonly soleWriter = true;

  /**
   * A hidden store's rows are kept as they are given, as the one block of a model: the member state of a
   * million members is not turned into a million maps of cells (its grid is built only if it is read).
   */
  override async writeHiddenSheet(name: string, rows: string[][]): Promise<void> {
    const model = { kind: "store", name, blocks: [{ at: { row: 1, col: 1 }, rows }] };
    const sheet = new MemorySheet(name, "veryHidden", model);
    const index = this.sheetList.findIndex((s) => sameSheetName(s.name, name));
    if (index >= 0) this.sheetList[index] = sheet;
    else this.sheetList.push(sheet);
  }

  /** The file's bytes, as the pieces it is made of (zip-writer.ts zipPieces). */
  filePieces(charts: Map<string, ChartSpec[]>): Promise<Buffer[]> {
    return streamWorkbook(this.sheetList, [...this.names.values()], charts);
  }
}
