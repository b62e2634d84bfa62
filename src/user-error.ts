/**
 * A mistake of the user's (bad file, bad option, bad row), as opposed to a bug: the CLI prints it as one
 * line and exits 2, the task pane shows it in a message bar. The message names the file or sheet, the row
 * and the column where there is one.
 *
 * It lives outside src/cli so that the workbook adapters (used by the CLI and the task pane alike) can
 * raise it without depending on the command line.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
