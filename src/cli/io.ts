/** Where the CLI writes: injected so that tests run commands in-process and read what they printed. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress is shown only then. */
  interactive: boolean;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/**
 * A mistake of the user's (bad file, bad option, bad row): printed as one line, exit code 2, no stack trace.
 * The message names the file, row and column where there is one.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
