/**
 * A mistake of the user's (bad file, bad option, bad row), as opposed to a bug: the CLI prints it as one
 * line and exits 2, the task pane shows it in a message bar. The message names the file or sheet, the row
 * and the column where there is one.
 *
 * It lives outside src/cli so that the workbook adapters (used by the CLI and the task pane alike) can
 * raise it without depending on the command line.
 */
import { DataError, type DataErrorDetail, type InputFix, type SourcedDetail } from "./engine/data/errors";
import { bilingual } from "./engine/text/bilingual";
import type { Language } from "./engine/text/language";
import type { TierProgramProblem } from "./engine/text/rule-problems";
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
  // A warning: a value typed into a Benefit cost input the refreshed model no longer has (`value` as JSON),
  // and why: the input was retired (the cost growth coefficient), its tier is gone from the tier rules
  // (`tier`: the tier's key), or the sheet's periods or data changed.
  | {
      code: "assumptionNotKept";
      sheet: string;
      cell: string;
      value: string;
      key: string;
      reason: AssumptionGone;
      tier?: string;
    }
  // A row of the holiday table on the Key dates sheet (`value` as shown, `date` as typed).
  | { code: "holidayNotDate"; sheet: string; cell: string; value: string }
  | { code: "holidayNameTooLong"; sheet: string; cell: string }
  | { code: "holidayWithoutDate"; sheet: string; cell: string; value: string }
  | { code: "holidayWithoutName"; sheet: string; cell: string; date: string }
  // Tier minimums that clash, set in the pane (the report's settings) or typed on the Tiers sheet.
  | { code: "tierMinimumsInSettings"; problems: TierProgramProblem[] }
  | { code: "tierMinimumsOnSheet"; sheet: string; problems: TierProgramProblem[] }
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

/** Why a typed Benefit cost input has no place in the refreshed model (see assumptionNotKept). */
export type AssumptionGone = "retired" | "tierGone" | "other";

/**
 * Something of the user's on a generated sheet that rebuilding it would remove: a note on a cell the
 * report owns, text where the rebuilt sheet writes, a conditional format, validation, link or sparkline of
 * theirs on the report's parts that cannot follow its cells, charts, pictures or shapes placed on the
 * sheet, a part of the sheet's file the report cannot carry (a pivot table, a slicer ...), an Excel
 * extension it does not know. Each front end says it in its language (refreshLossText).
 */
export interface RefreshLoss {
  kind:
    | "note"
    | "cell"
    | "overtyped"
    | "format"
    | "validation"
    | "link"
    | "sparkline"
    | "drawing"
    | "part"
    | "extension";
  sheet: string;
  /**
   * The cell (or cells, "B5:B9 D4") it is on or in; none for a drawing, a part or an extension, and for a
   * format on several ranges that Excel does not name.
   */
  cell?: string;
  /**
   * The note's or the cell's text (for "overtyped", what the user typed over the report's own value, ""
   * when they cleared it); where a link leads; an extension's uri ("" when it has none).
   */
  text?: string;
  /** "overtyped" in a customer table: the customer id of its row and the header of its column. */
  customer?: string;
  column?: string;
  /** A drawing: how many charts, pictures or shapes. */
  count?: number;
  /** A part: its relationship type's last word, as the file names it ("pivotTable", "slicer"). */
  part?: string;
}

/** A part of a sheet's file the report cannot carry, by its relationship type's last word. */
const PART_WORDS = bilingual<Record<string, string>>({
  en: {
    pivotTable: "a pivot table",
    threadedComment: "a threaded comment",
    image: "a background picture",
    oleObject: "an embedded object",
    ctrlProp: "a form control",
    control: "a form control",
    slicer: "a slicer",
    timeline: "a timeline",
  },
  "zh-CN": {
    pivotTable: "数据透视表",
    threadedComment: "线程批注",
    image: "背景图片",
    oleObject: "嵌入对象",
    ctrlProp: "表单控件",
    control: "表单控件",
    slicer: "切片器",
    timeline: "日程表",
  },
});

/** " (customer C12, column "Phone")": where an overtyped cell lies in a customer table. */
function rowAndColumn(l: RefreshLoss, customer: string, column: (h: string) => string, sep: string): string {
  const parts = [
    ...(l.customer === undefined ? [] : [`${customer} ${l.customer}`]),
    ...(l.column === undefined ? [] : [column(l.column)]),
  ];
  return parts.join(sep);
}

/** "cell B5" or "cells B5:B9". */
const cellsEn = (ref: string | undefined) => (/[: ]/.test(ref ?? "") ? `cells ${ref}` : `cell ${ref}`);

/** Each kind of loss in the language's words; sheets, cells and texts as the user wrote them. */
const REFRESH_LOSS_TEXTS = bilingual<Record<RefreshLoss["kind"], (l: RefreshLoss, text: string) => string>>({
  en: {
    note: (l, text) => `the note on cell ${l.cell} of sheet "${l.sheet}"${text && ` ("${text}")`}`,
    cell: (l, text) => `what is typed in ${cellsEn(l.cell)} of sheet "${l.sheet}"${text && ` ("${text}")`}`,
    overtyped: (l, text) => {
      const where = rowAndColumn(l, "customer", (h) => `column "${h}"`, ", ");
      return (
        `the report's cell ${l.cell} of sheet "${l.sheet}"${where && ` (${where})`}` +
        (text ? `, typed over with "${text}"` : ", cleared")
      );
    },
    format: (l) =>
      `a conditional format on ${l.cell === undefined ? "several ranges" : cellsEn(l.cell)} of sheet "${l.sheet}"`,
    validation: (l) => `a data validation on ${cellsEn(l.cell)} of sheet "${l.sheet}"`,
    link: (l, text) => `a link on ${cellsEn(l.cell)} of sheet "${l.sheet}"${text && ` ("${text}")`}`,
    sparkline: (l) => `a sparkline in ${cellsEn(l.cell)} of sheet "${l.sheet}"`,
    drawing: (l) =>
      `${(l.count ?? 1) === 1 ? "a chart, picture or shape" : `${l.count} charts, pictures or shapes`} on sheet "${l.sheet}"`,
    part: (l) => `${PART_WORDS.en[l.part ?? ""] ?? `a part of type ${l.part}`} on sheet "${l.sheet}"`,
    extension: (l, text) =>
      `an Excel extension ${text ? `(${text})` : "without a name"} on sheet "${l.sheet}"`,
  },
  "zh-CN": {
    note: (l, text) => `工作表“${l.sheet}”的 ${l.cell} 单元格上的批注${text && `（“${text}”）`}`,
    cell: (l, text) => `工作表“${l.sheet}”的 ${l.cell} 单元格中输入的内容${text && `（“${text}”）`}`,
    overtyped: (l, text) => {
      const where = rowAndColumn(l, "客户", (h) => `“${h}”列`, "，");
      return (
        `工作表“${l.sheet}”中报表写入的 ${l.cell} 单元格${where && `（${where}）`}` +
        (text ? `被改写为“${text}”` : "被清空")
      );
    },
    format: (l) =>
      `工作表“${l.sheet}”${l.cell === undefined ? "多个区域" : `的 ${l.cell} 单元格`}上的条件格式`,
    validation: (l) => `工作表“${l.sheet}”的 ${l.cell} 单元格上的数据验证`,
    link: (l, text) => `工作表“${l.sheet}”的 ${l.cell} 单元格上的链接${text && `（“${text}”）`}`,
    sparkline: (l) => `工作表“${l.sheet}”的 ${l.cell} 单元格中的迷你图`,
    drawing: (l) => `工作表“${l.sheet}”上的 ${l.count ?? 1} 个图表、图片或形状`,
    part: (l) =>
      `工作表“${l.sheet}”上的${PART_WORDS["zh-CN"][l.part ?? ""] ?? `一个类型为 "${l.part}" 的部件`}`,
    extension: (l, text) => `工作表“${l.sheet}”上的一项 Excel 扩展内容${text && `（${text}）`}`,
  },
});

/** One loss in `language`: `the note on cell B5 of sheet "LL Customers" ("call back")`. */
export function refreshLossText(language: Language, loss: RefreshLoss): string {
  return REFRESH_LOSS_TEXTS[language][loss.kind](loss, loss.text === undefined ? "" : shortened(loss.text));
}

/** A text cut to 60 characters for a list of what would be lost. */
function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The losses as the lines of a list, each indented under the sentence that introduces them. */
export function refreshLossLines(language: Language, losses: RefreshLoss[]): string {
  return losses.map((l) => `  - ${refreshLossText(language, l)}`).join("\n");
}

/**
 * The line a stopped refresh adds when it lists values typed over the report's own cells: refreshing
 * anyway does not lose them ("" when there are none).
 */
export function typedOverHint(language: Language, losses: RefreshLoss[]): string {
  if (!losses.some((l) => l.kind === "overtyped")) return "";
  return language === "en"
    ? "\nWhat was typed over the report's own cells is not lost: refreshing anyway writes the report's values " +
        'there again and keeps yours in "Typed over the report" below the sheet\'s content'
    : "\n在报表自己的单元格中输入的内容不会丢失：仍然刷新时，报表会在那里重新写入自己的值，并把您输入的内容保留在工作表内容下方的“改写过的报表单元格”中";
}

/** The message of a refresh stopped before it wrote anything (code refreshWouldLose). */
export function refreshWouldLoseMessage(losses: RefreshLoss[]): string {
  return (
    "nothing was changed: refreshing would remove what was written on the report's sheets:\n" +
    refreshLossLines("en", losses) +
    '\nMove it to a sheet of your own (or outside the report\'s tables), or tick "Refresh anyway" to refresh without it' +
    typedOverHint("en", losses)
  );
}

/** The English of a typed Benefit cost assumption a refresh did not keep (code assumptionNotKept). */
export function assumptionNotKeptText(d: Extract<UserErrorDetail, { code: "assumptionNotKept" }>): string {
  const typed = `${d.sheet}, cell ${d.cell}: the value typed there (${d.value}, ${d.key})`;
  switch (d.reason) {
    case "retired":
      return (
        `${typed} has no place in the refreshed model and was not kept; the notes of the assumptions say ` +
        "what replaces it (the cost growth coefficient: member benefits follow the members of each tier, and " +
        "a programme fixed cost)"
      );
    case "tierGone":
      return `${typed} is for the tier "${d.tier}", which the tier rules no longer have, and was not kept`;
    case "other":
      return (
        `${typed} has no place in the refreshed sheet, whose periods, tiers or data changed since it was ` +
        "typed, and was not kept"
      );
  }
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
