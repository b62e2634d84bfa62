/**
 * The xlsx adapter: the Workbook port over an .xlsx file, used by the CLI.
 *
 *   const wb = await XlsxWorkbook.open("orders.xlsx");      // or XlsxWorkbook.create()
 *   const table = await wb.readTable({ sheet: "Orders" });
 *   await wb.writeSheet(model);
 *   await wb.save();                                         // in place, or wb.save("report.xlsx")
 *
 * An existing file is never loaded into a spreadsheet library: its sheets are read by streaming one part
 * at a time, and saving splices the report's parts into the file's package and copies every other part
 * byte for byte (splice-backend.ts, package-splice.ts). What the user had on a rebuilt generated sheet
 * that cannot be carried over is listed, and the save refuses unless told to go on (`force`). Saving
 * writes a temporary file beside the target and renames it (atomic-write.ts).
 */
import { inputError, readFailure } from "../../input-errors";
import path from "node:path";
import { promises as fs } from "node:fs";
import type { ChartSpec, SheetModel } from "../../sheet/sheet-model";
import type { RefreshLoss, WriteSheetOptions, WriteSheetResult } from "../../sheet/port";
import { BackedWorkbook } from "../backed-workbook";
import { writeFileAtomically } from "../atomic-write";
import { XlsxPackage } from "./package";
import { checkWrittenWorkbook } from "./package-check";
import { NewXlsxBackend } from "./new-workbook-backend";
import { splicePackage } from "./package-splice";
import { SpliceBackend } from "./splice-backend";

export interface SaveResult {
  file: string;
  /** What the saved file does not carry of the user's (only with `force`). */
  notKept: RefreshLoss[];
}

export interface SaveOptions {
  /** Save even when something the user wrote on a rebuilt sheet cannot be kept (it is listed in notKept). */
  force?: boolean;
}

export class XlsxWorkbook extends BackedWorkbook {
  /** What writes of this session could not keep where the user put it. */
  private readonly notCarried: RefreshLoss[] = [];

  private constructor(
    private readonly xlsx: SpliceBackend | NewXlsxBackend,
    /** The file it was opened from, if any. */
    readonly file: string | undefined,
    label: string,
  ) {
    super(xlsx, { label });
  }

  /** Opens an .xlsx file; throws UserError naming the file when it is not a readable workbook. */
  static async open(file: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.openPackage(await XlsxWorkbook.readPackage(file), file);
  }

  /**
   * Reads an .xlsx file's bytes and zip directory only (nothing is inflated), so that what the directory
   * says (sizes, parts) can be checked before the workbook is used. Throws UserError naming the file when
   * it is not a readable workbook.
   */
  static async readPackage(file: string): Promise<XlsxPackage> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      throw readFailure(file, e, "xlsx");
    }
    return XlsxPackage.fromBuffer(bytes, path.basename(file));
  }

  /** The workbook of a package `readPackage(file)` gave, saved to `file`. */
  static openPackage(pkg: XlsxPackage, file: string): XlsxWorkbook {
    return new XlsxWorkbook(new SpliceBackend(pkg), file, pkg.file);
  }

  /** A workbook from bytes already in memory (e.g. a file sent over a pipe); `label` names it in messages. */
  static fromBuffer(bytes: Buffer, label: string): XlsxWorkbook {
    const pkg = XlsxPackage.fromBuffer(bytes, label);
    return new XlsxWorkbook(new SpliceBackend(pkg), undefined, label);
  }

  /** A new, empty workbook (saved with save(file)); its sheets are streamed to the file on saving. */
  static create(label = "new workbook"): XlsxWorkbook {
    return new XlsxWorkbook(new NewXlsxBackend(), undefined, label);
  }

  override async writeSheet(model: SheetModel, options?: WriteSheetOptions): Promise<WriteSheetResult> {
    const result = await super.writeSheet(model, options);
    for (const cell of result.notCarried) this.notCarried.push(cell);
    return result;
  }

  /** Nothing: what a refresh cannot keep is listed when the file is saved (see save), all of it at once. */
  override async refreshLosses(): Promise<RefreshLoss[]> {
    return [];
  }

  /** Charts of the generated sheets written this session (sheet name -> charts). */
  private async chartsBySheet(): Promise<Map<string, ChartSpec[]>> {
    const registry = await this.registry();
    return new Map(registry.sheets.filter((e) => e.charts.length > 0).map((e) => [e.sheet, e.charts]));
  }

  /** The bytes the file would have now (the pieces of it, in order), and what of the user's they would not keep. */
  private async filePieces(): Promise<{ pieces: Buffer[]; notCarried: RefreshLoss[] }> {
    await this.writeKeptStore();
    if (this.xlsx instanceof NewXlsxBackend) {
      return { pieces: await this.xlsx.filePieces(await this.chartsBySheet()), notCarried: [] };
    }
    const spliced = await splicePackage(this.xlsx, await this.chartsBySheet());
    return { pieces: [spliced.bytes], notCarried: [...this.notCarried, ...spliced.notCarried] };
  }

  /** Saves to `target` (default: the file it was opened from). */
  async save(target: string | undefined = this.file, options: SaveOptions = {}): Promise<SaveResult> {
    if (!target) throw new Error("a new workbook needs a file name to be saved");
    const { pieces, notCarried } = await this.filePieces();
    if (notCarried.length > 0 && !options.force) {
      throw inputError("refreshWouldNotKeep", { file: path.basename(target), losses: notCarried });
    }
    performance.mark("loyalty:save: writing the file");
    // The written file must read back whole, as a workbook, before it replaces anything.
    await writeFileAtomically(target, pieces, (written) => {
      performance.mark("loyalty:save: checking the file written");
      return checkWrittenWorkbook(written, path.basename(target));
    });
    return { file: target, notKept: notCarried };
  }
}
