/**
 * The Office adapter: the Workbook port over the open Excel workbook (Excel JavaScript API), used by the
 * task pane inside Excel. Everything but talking to Excel is BackedWorkbook's, shared with the xlsx and
 * in-memory adapters, so a report written here and one written by the CLI are the same sheets, and the
 * settings sheet written by either is read by the other.
 */
import { BackedWorkbook } from "../backed-workbook";
import { OfficeBackend, type OfficeBackendOptions } from "./office-backend";

export class OfficeWorkbook extends BackedWorkbook {
  private readonly office: OfficeBackend;

  constructor(options: OfficeBackendOptions = {}) {
    const backend = new OfficeBackend(options);
    super(backend, { label: "this workbook" });
    this.office = backend;
  }

  /** Shows a range to the user: activates its sheet and selects the cells (e.g. a data-quality finding). */
  select(sheet: string, range: string): Promise<void> {
    return this.office.select(sheet, range);
  }
}
