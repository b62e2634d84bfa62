/**
 * The xlsx adapter: the Workbook port over an .xlsx file (ExcelJS), used by the CLI.
 *
 *   const wb = await XlsxWorkbook.open("orders.xlsx");      // or XlsxWorkbook.create()
 *   const table = await wb.readTable({ sheet: "Orders" });
 *   await wb.writeSheet(model);
 *   await wb.save();                                         // in place, or wb.save("report.xlsx")
 *
 * Saving writes a temporary file beside the target and renames it, so a failure never leaves a broken
 * workbook. Saving over the file it was opened from refuses when the file holds something ExcelJS would
 * drop from the user's sheets (see unkeepable.ts).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ChartSpec } from "../../sheet/sheet-model";
import { UserError } from "../../user-error";
import { BackedWorkbook } from "../backed-workbook";
import type { Registry } from "../registry";
import { writeFileAtomically } from "../atomic-write";
import { XlsxPackage } from "./package";
import { featuresExcelJsDrops, metadataExcelJsDrops } from "./unkeepable";
import type { WorkbookBackend } from "../backend";
import { NewXlsxBackend } from "./new-workbook-backend";
import { XlsxBackend } from "./xlsx-backend";

export interface SaveResult {
  file: string;
  /** Things of the original file the saved file does not carry (metadata only for an in-place save). */
  warnings: string[];
}

export interface OpenOptions {
  /** Above this much worksheet XML, tables are read by streaming (default FULL_LOAD_LIMIT_BYTES). */
  fullLoadLimitBytes?: number;
}

/** A backend that can produce the file's bytes. */
type SavableBackend = WorkbookBackend & { toBuffer(charts: Map<string, ChartSpec[]>): Promise<Buffer> };

export class XlsxWorkbook extends BackedWorkbook {
  private constructor(
    private readonly xlsx: SavableBackend,
    /** The file it was opened from, if any. */
    readonly file: string | undefined,
    private readonly source: XlsxPackage | undefined,
    label: string,
  ) {
    super(xlsx, { label });
  }

  /** Opens an .xlsx file; throws UserError naming the file when it is not a readable workbook. */
  static async open(file: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
    return XlsxWorkbook.openPackage(await XlsxWorkbook.readPackage(file), file, options);
  }

  /**
   * Reads an .xlsx file's bytes and zip directory only (nothing is inflated), so that what the directory
   * says (sizes, parts) can be checked before the workbook is opened with openPackage. Throws UserError
   * naming the file when it is not a readable workbook.
   */
  static async readPackage(file: string): Promise<XlsxPackage> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new UserError(`${file} does not exist`);
      if (code === "EISDIR") throw new UserError(`${file} is a folder, not a workbook`);
      if (code === "EACCES" || code === "EPERM")
        throw new UserError(`${file} cannot be read (permission denied)`);
      throw e;
    }
    return XlsxPackage.fromBuffer(bytes, path.basename(file));
  }

  /** The workbook of a package `readPackage(file)` gave; it is loaded only when needed, and saved to `file`. */
  static openPackage(pkg: XlsxPackage, file: string, options: OpenOptions = {}): XlsxWorkbook {
    return new XlsxWorkbook(new XlsxBackend(pkg, file, options.fullLoadLimitBytes), file, pkg, pkg.file);
  }

  /**
   * A workbook from bytes already in memory (e.g. a file sent over a pipe); `label` names it in messages.
   * It is loaded whole (no streaming) and saved with save(file).
   */
  static fromBuffer(bytes: Buffer, label: string): XlsxWorkbook {
    const pkg = XlsxPackage.fromBuffer(bytes, label);
    return new XlsxWorkbook(new XlsxBackend(pkg), undefined, pkg, label);
  }

  /** A new, empty workbook (saved with save(file)); its sheets are streamed to the file on saving. */
  static create(label = "new workbook"): XlsxWorkbook {
    return new XlsxWorkbook(new NewXlsxBackend(), undefined, undefined, label);
  }

  /** The registry as the file had it: its generated sheets are ours to replace or delete, charts and all. */
  private registryAtOpen?: Registry;

  protected override async registry(): Promise<Registry> {
    const registry = await super.registry();
    // Every write reads the registry before changing it, so the first read is the file's own.
    this.registryAtOpen ??= registry;
    return registry;
  }

  /** Charts of the generated sheets, from the registry: ExcelJS keeps none, so all are written again. */
  private async chartsBySheet(): Promise<Map<string, ChartSpec[]>> {
    const registry = await this.registry();
    return new Map(registry.sheets.filter((e) => e.charts.length > 0).map((e) => [e.sheet, e.charts]));
  }

  /** Saves to `target` (default: the file it was opened from). */
  async save(target: string | undefined = this.file): Promise<SaveResult> {
    if (!target) throw new Error("a new workbook needs a file name to be saved");
    const warnings: string[] = [];
    if (this.source) {
      const generated = [
        ...(await this.listGeneratedSheets()).map((g) => g.sheetName),
        ...(this.registryAtOpen?.sheets ?? []).map((e) => e.sheet),
      ];
      const lost = featuresExcelJsDrops(this.source, generated);
      const inPlace = this.file !== undefined && path.resolve(target) === path.resolve(this.file);
      if (lost.length > 0 && inPlace) {
        throw new UserError(
          `${path.basename(target)} was not changed: updating it in place would lose ${lost.join(", ")}. ` +
            "Write the report to a new workbook instead, or refresh it in Excel with the Loyalty Lens add-in",
        );
      }
      warnings.push(...lost, ...metadataExcelJsDrops(this.source));
    }
    const bytes = await this.xlsx.toBuffer(await this.chartsBySheet());
    await writeFileAtomically(target, bytes, (written) => {
      // The written file must read back as a workbook before it replaces anything.
      XlsxPackage.fromBuffer(written, path.basename(target)).sheets();
    });
    return { file: target, warnings };
  }
}
