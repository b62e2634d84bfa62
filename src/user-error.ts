/**
 * A mistake of the user's (bad file, bad option, bad row), as opposed to a bug: the CLI prints it as one
 * line and exits 2, the task pane shows it in a message bar. The message names the file or sheet, the row
 * and the column where there is one.
 *
 * It lives outside src/cli so that the workbook adapters (used by the CLI and the task pane alike) can
 * raise it without depending on the command line.
 */
import { DataError, type DataErrorDetail, type InputFix, type SourcedDetail } from "./engine/data/errors";
import type { TierMinimumProblem } from "./engine/tiers/program";
import type { InputErrorDetail } from "./input-errors";

/**
 * What a UserError says, as a code and the values its message names (see DataErrorDetail): the engine's
 * codes and those of reading a workbook or file. `source`/`file`/`workbook` are places as the English
 * message writes them.
 */
export type UserErrorDetail =
  | DataErrorDetail
  | (SourcedDetail & { code: "noRows" })
  | (SourcedDetail & { code: "emptySheet" })
  | (SourcedDetail & { code: "noHeaderRow"; first: number; last: number })
  // `workbook`: the workbook's label (a file name); absent for the workbook open in Excel.
  | { code: "noOrderTable"; workbook?: string; table: string }
  | { code: "noOrderSheet"; workbook?: string; sheet: string }
  | { code: "noVisibleSheet"; workbook?: string }
  | { code: "fileNotXlsx"; file: string; reason: string }
  | { code: "fileNoSheet"; file: string }
  | { code: "fileTooLarge"; file: string; megabytes: number }
  | { code: "fileType"; file: string }
  // A value typed into an input cell of a report sheet (`what`: the input's English name; `value` as shown).
  | {
      code: "editedCell";
      sheet: string;
      cell: string;
      what: string;
      value: string;
      min: number;
      max?: number;
      integer: boolean;
    }
  | { code: "assumptionNotNumber"; sheet: string; cell: string; what: string; value: string }
  | {
      code: "assumptionOutOfRange";
      sheet: string;
      cell: string;
      what: string;
      value: number;
      min?: number;
      max?: number;
    }
  | { code: "assumptionNotWhole"; sheet: string; cell: string; what: string; min: number; max: number }
  | { code: "unknownScenario"; sheet: string; cell: string; scenarios: string[] }
  // A row of the holiday table on the Key dates sheet (`value` as shown, `date` as typed).
  | { code: "holidayNotDate"; sheet: string; cell: string; value: string }
  | { code: "holidayNameTooLong"; sheet: string; cell: string }
  | { code: "holidayWithoutDate"; sheet: string; cell: string; value: string }
  | { code: "holidayWithoutName"; sheet: string; cell: string; date: string }
  // Tier minimums that clash, set in the pane (the report's settings) or typed on the Tiers sheet.
  | { code: "tierMinimumsInSettings"; problems: TierMinimumProblem[] }
  | { code: "tierMinimumsOnSheet"; sheet: string; problems: TierMinimumProblem[] }
  // A refresh in Excel (or the preview) stopped before writing: what it would remove of the user's.
  | { code: "refreshWouldLose"; losses: RefreshLoss[] }
  // The command line's files and flags (`file`, `out` as typed; `extension` with its dot, "" for none).
  | { code: "fileMissing"; file: string }
  | { code: "fileOldExcel"; file: string }
  | { code: "fileExtension"; file: string; extension: string }
  | { code: "outMissing" }
  | { code: "outNotXlsx"; out: string }
  | { code: "outIsInput"; out: string }
  | { code: "inputMissing" }
  // The command line's other flags, files that are not what they claim, names that clash (input-errors.ts).
  | InputErrorDetail;

/**
 * Something of the user's on a generated sheet that rebuilding it would remove: a note on a cell the
 * report owns, a chart placed on the report's part of the sheet, text where the rebuilt sheet writes, a
 * conditional format or a link of theirs on the report's parts that cannot follow its cells.
 */
export interface RefreshLoss {
  kind: "note" | "chart" | "cell" | "format" | "validation" | "link";
  sheet: string;
  /** The cell (or cells, "B5:B9") it is on or in; none for a chart. */
  cell?: string;
  /** The note's or the cell's text; a chart's name; where a link leads. */
  text?: string;
}

/** One loss in English words: `the note on cell B5 of sheet "LL Customers" ("call back")`. */
export function describeRefreshLoss(loss: RefreshLoss): string {
  const text = loss.text === undefined ? "" : ` ("${shortened(loss.text)}")`;
  if (loss.kind === "chart") return `a chart${text} on sheet "${loss.sheet}"`;
  const where = `cell ${loss.cell} of sheet "${loss.sheet}"`;
  if (loss.kind === "note") return `the note on ${where}${text}`;
  if (loss.kind === "format") return `a conditional format on ${where.replace(/^cell /, "cells ")}`;
  if (loss.kind === "validation") return `a data validation on ${where.replace(/^cell /, "cells ")}`;
  if (loss.kind === "link") return `a link on ${where}${text}`;
  return `what is typed in ${where}${text}`;
}

/** A text cut to 60 characters for a list of what would be lost. */
export function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The message of a refresh stopped before it wrote anything (code refreshWouldLose). */
export function refreshWouldLoseMessage(losses: RefreshLoss[]): string {
  return (
    "nothing was changed: refreshing would remove what was written on the report's sheets:\n" +
    losses.map((l) => `  - ${describeRefreshLoss(l)}`).join("\n") +
    '\nMove it to a sheet of your own (or outside the report\'s tables), or tick "Refresh anyway" to refresh without it'
  );
}

/** The command line's file and flag errors (codes fileMissing ... inputMissing). */
type FileErrorDetail = Extract<
  UserErrorDetail,
  {
    code:
      | "fileMissing"
      | "fileOldExcel"
      | "fileExtension"
      | "outMissing"
      | "outNotXlsx"
      | "outIsInput"
      | "inputMissing";
  }
>;

/** Their English words: the errors' messages (the catalogue's English texts are these). */
export const FILE_ERROR_TEXTS: {
  [C in FileErrorDetail["code"]]: (d: Extract<FileErrorDetail, { code: C }>) => string;
} = {
  fileMissing: (d) => `${d.file} does not exist`,
  fileOldExcel: (d) => `${d.file}: save it as an .xlsx workbook (Excel: File > Save As) first`,
  fileExtension: (d) =>
    `${d.file}: cannot read ${d.extension || "a file without extension"}; give a .csv or .xlsx file`,
  outMissing: () =>
    "say where to write the report: --out FILE.xlsx (or --in-place to update an .xlsx workbook)",
  outNotXlsx: (d) => `--out ${d.out}: the report is an .xlsx file`,
  outIsInput: (d) => `--out ${d.out} is the input file; use --in-place to update it`,
  inputMissing: () => "give the orders file (loyalty report ORDERS --out FILE.xlsx) or --summary FILE",
};

/** A file or flag error of the command line, its message in English and its code for other languages. */
export function fileError(detail: FileErrorDetail): UserError {
  const text = FILE_ERROR_TEXTS[detail.code] as (d: FileErrorDetail) => string;
  return new UserError(text(detail), undefined, detail);
}

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

/**
 * The engine's "cannot use this input" (a DataError) as the user's error, with its fix and detail; any
 * other error unchanged. The one place a DataError becomes a UserError.
 */
export function asUserError(e: unknown): unknown {
  return e instanceof DataError ? new UserError(e.message, e.fix, e.detail) : e;
}

/** The result of `run`, a DataError it throws thrown as a UserError (see asUserError). */
export function withUserErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw asUserError(e);
  }
}
