import type { Language } from "../engine/text/language";

/** Where the CLI writes: injected so that tests run commands in-process and read what they printed. */
export interface CliIO {
  /**
   * The language it speaks: --lang, else (a refresh) the workbook's stored language once read, else English.
   * Set by run() and by the command that reads a workbook's settings.
   */
  language?: Language;
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

// UserError moved to src/user-error.ts (shared with the workbook adapters); re-exported for the CLI.
export { fileError, UserError } from "../user-error";
