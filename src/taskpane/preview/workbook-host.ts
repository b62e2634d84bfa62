/**
 * The browser preview's workbook, held in a worker of its own (work/workbook-worker.ts) so that opening a
 * large file (decoding, parsing .csv or .xlsx, filling the sheet) and serving its tables never blocks the
 * page. The page asks it to open a file or the sample and for a window of a sheet to show; the pane's
 * other workers read and write it through the Workbook port.
 */
import { parseRangeAddress } from "../../sheet/a1";
import { MemoryWorkbook } from "../../workbook/memory/memory-workbook";
import { gridWindow, type GridWindow } from "./grid";
import { checkFileSize, workbookFromFile, type ExcelJsLoader, type OpenProgress } from "./open-file";
import { sampleWorkbook } from "./sample-workbook";

export type HostRequest =
  | { kind: "open"; file: Blob & { name: string } }
  | { kind: "sample"; customers: number }
  | { kind: "grid"; sheet?: string; range?: string };

/** A sheet as the preview's grid shows it. */
export interface GridView {
  /** The visible sheets, in tab order. */
  sheets: string[];
  /** The sheet shown (the one asked for, else the first); undefined when the workbook has none. */
  sheet?: string;
  window?: GridWindow;
}

export class WorkbookHost {
  workbook = new MemoryWorkbook();

  constructor(private readonly loadExcelJs?: ExcelJsLoader) {}

  /** `onProgress`: how far opening a file has come (the page shows it in the status line). */
  async answer(
    request: HostRequest,
    onProgress?: (progress: OpenProgress) => void,
  ): Promise<GridView | null> {
    switch (request.kind) {
      case "open": {
        const { file } = request;
        checkFileSize(file.name, file.size);
        this.workbook = await workbookFromFile(
          file.name,
          new Uint8Array(await file.arrayBuffer()),
          this.loadExcelJs,
          onProgress,
        );
        return null;
      }
      case "sample":
        this.workbook = sampleWorkbook({ customers: request.customers });
        return null;
      case "grid":
        return this.grid(request.sheet, request.range);
    }
  }

  grid(name: string | undefined, range: string | undefined): GridView {
    const visible = this.workbook.sheets.filter((s) => s.visibility === "visible");
    const sheet = visible.find((s) => s.name === name) ?? visible[0];
    if (!sheet) return { sheets: [] };
    const box = name === sheet.name && range ? parseRangeAddress(range) : undefined;
    return { sheets: visible.map((s) => s.name), sheet: sheet.name, window: gridWindow(sheet, box) };
  }
}
