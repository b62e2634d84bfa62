/**
 * A mistake of the user's (bad file, bad option, bad row), as opposed to a bug: the CLI prints it as one
 * line and exits 2, the task pane shows it in a message bar. The message names the file or sheet, the row
 * and the column where there is one.
 *
 * It lives outside src/cli so that the workbook adapters (used by the CLI and the task pane alike) can
 * raise it without depending on the command line.
 */
import type { InputFix } from "./engine/data/errors";

export class UserError extends Error {
  /** `fix`: the setting that would make the input usable, when one would (see DataError). */
  constructor(
    message: string,
    readonly fix?: InputFix,
  ) {
    super(message);
    this.name = "UserError";
  }
}
