/** A setting the user can change to make the input usable: "dayOrder", the order of dates like 03/04/2024. */
export type InputFix = "dayOrder";

/**
 * Input the engine cannot work with at all (no customer id column, an unknown column name, a rule table
 * that contradicts itself). The message is for the user and names the table, row and column where there is
 * one; the CLI prints it as one line with exit code 2, the task pane shows it, a custom function returns
 * #VALUE! with it. Bad rows are not errors: they are counted in the data-quality report.
 *
 * `fix` names the setting that would make the input usable, when one would, so a display can point at it.
 */
export class DataError extends Error {
  constructor(
    message: string,
    readonly fix?: InputFix,
  ) {
    super(message);
    this.name = "DataError";
  }
}
