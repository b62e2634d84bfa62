/**
 * A mistake of the user's (bad file, bad option, bad row), as opposed to a bug: the CLI prints it as one
 * line and exits 2, the task pane shows it in a message bar. The message names the file or sheet, the row
 * and the column where there is one.
 *
 * It lives outside src/cli so that the workbook adapters (used by the CLI and the task pane alike) can
 * raise it without depending on the command line.
 */
import type { DataErrorDetail, InputFix } from "./engine/data/errors";

/**
 * What a UserError says, as a code and the values its message names (see DataErrorDetail): the engine's
 * codes and those of reading a workbook or file. `source`/`file`/`workbook` are places as the English
 * message writes them.
 */
export type UserErrorDetail =
  | DataErrorDetail
  | { code: "noRows"; source: string }
  | { code: "emptySheet"; source: string }
  | { code: "noHeaderRow"; source: string; first: number; last: number }
  // `workbook`: the workbook's label (a file name); absent for the workbook open in Excel.
  | { code: "noOrderTable"; workbook?: string; table: string }
  | { code: "noOrderSheet"; workbook?: string; sheet: string }
  | { code: "noVisibleSheet"; workbook?: string }
  | { code: "fileNotXlsx"; file: string; reason: string }
  | { code: "fileNoSheet"; file: string }
  | { code: "fileTooLarge"; file: string; megabytes: number }
  | { code: "fileType"; file: string };

export class UserError extends Error {
  /**
   * `fix`: the setting that would make the input usable, when one would (see DataError). `detail`: the
   * message as code and values, for a display in another language.
   */
  constructor(
    message: string,
    readonly fix?: InputFix,
    readonly detail?: UserErrorDetail,
  ) {
    super(message);
    this.name = "UserError";
  }
}
