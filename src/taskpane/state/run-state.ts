/**
 * A build or refresh while it runs and after: its progress, the last result (kept on screen while the
 * next build runs), and whether the last run was cancelled. Pure.
 */
import type { ReportProgress, ReportResult } from "../../report/build-report";
import { sheetKindOf } from "../../report/sheet-kinds";
import type { OpenProgress } from "../preview/open-file";
import { formatNumber, type Language, type Strings } from "../../i18n/pane";

export type RunKind = "build" | "refresh";

export interface RunState {
  running?: { kind: RunKind; progress?: ReportProgress; rows?: { read: number; total: number } };
  result?: ReportResult;
  cancelled: boolean;
}

export type RunAction =
  | { type: "start"; kind: RunKind }
  | { type: "progress"; progress: ReportProgress }
  | { type: "rows"; read: number; total: number }
  | { type: "done"; result: ReportResult }
  | { type: "cancelled" }
  | { type: "failed" };

export const INITIAL_RUN_STATE: RunState = { cancelled: false };

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "start":
      return { ...state, running: { kind: action.kind }, cancelled: false };
    case "progress":
      return state.running ? { ...state, running: { ...state.running, progress: action.progress } } : state;
    case "rows": {
      const { read, total } = action;
      return state.running ? { ...state, running: { ...state.running, rows: { read, total } } } : state;
    }
    case "done":
      return { running: undefined, result: action.result, cancelled: false };
    case "cancelled":
      return { ...state, running: undefined, cancelled: true };
    case "failed":
      return { ...state, running: undefined };
  }
}

/** The pane's name of a generated sheet, from its kind or its English name. */
export function sheetLabel(strings: Strings, kindOrName: string): string {
  const kind = sheetKindOf(kindOrName);
  return kind ? strings.sheetNames[kind] : kindOrName;
}

/**
 * The progress line in the pane's language: the step (while reading from Excel: how many rows so far), or
 * which sheet of how many is being written.
 */
export function progressText(
  strings: Strings,
  progress: ReportProgress | undefined,
  rows?: { read: number; total: number },
  language: Language = "en",
): string {
  if (rows && (!progress || progress.step === "reading") && rows.read < rows.total) {
    return strings.readingRows(formatNumber(language, rows.read), formatNumber(language, rows.total));
  }
  if (!progress) return strings.steps.reading;
  if (progress.step === "writing" && progress.sheet) {
    const { index, count, name } = progress.sheet;
    return strings.writingSheet(String(index + 1), String(count), sheetLabel(strings, name));
  }
  return strings.steps[progress.step] ?? progress.message;
}

/** How far opening a file in the browser preview has come, in the pane's language. */
export function openingText(
  strings: Strings,
  name: string,
  progress: OpenProgress | undefined,
  language: Language = "en",
): string {
  switch (progress?.stage) {
    case undefined:
    case "file":
      return strings.openingFile(name);
    case "rows":
      return strings.openingRows(
        name,
        formatNumber(language, progress.read),
        formatNumber(language, progress.total),
      );
    case "sheet":
      return strings.openingSheet(name);
  }
}
