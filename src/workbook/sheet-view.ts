/**
 * A generated sheet's tab colour and frozen panes: the report sets them, and a user may change them (a
 * red tab for the sheet they work from, more rows frozen, none). A rebuild sets the new build's only where
 * the sheet still has what the last build set, as the registry recorded it; where the user changed one,
 * theirs stays. On a sheet written before they were recorded, one that differs from what the new build
 * sets is kept too: it cannot be told from the user's.
 */
import type { SheetModel } from "../sheet/sheet-model";

export interface SheetView {
  /**
   * "#RRGGBB", or "" for none. A file may hold a colour of its theme or palette instead ("theme:5:0.4",
   * "indexed:10": tabColorOfFile), which only the user can have set: the report sets "#RRGGBB".
   */
  tabColor: string;
  /** Rows and columns frozen at the top and left (0 and 0: none). */
  freeze: { rows: number; cols: number };
}

/** The tab colour and frozen panes `model` sets. */
export function viewOf(model: SheetModel): SheetView {
  return {
    tabColor: model.tabColor ?? "",
    freeze: { rows: model.freeze?.rows ?? 0, cols: model.freeze?.cols ?? 0 },
  };
}

/** Which of the sheet's view settings are the user's (kept as they are): they differ from what the report set. */
export function userViewSettings(
  now: SheetView,
  recorded: SheetView | undefined,
  model: SheetModel,
): { tabColor: boolean; freeze: boolean } {
  const set = recorded ?? viewOf(model);
  return {
    tabColor: now.tabColor.toLowerCase() !== set.tabColor.toLowerCase(),
    freeze: now.freeze.rows !== set.freeze.rows || now.freeze.cols !== set.freeze.cols,
  };
}

/** The model without the view settings the user owns: the rebuild leaves those as they are. */
export function withoutUserView(
  model: SheetModel,
  theirs: { tabColor: boolean; freeze: boolean },
): SheetModel {
  const out = { ...model };
  if (theirs.tabColor) delete out.tabColor;
  if (theirs.freeze) delete out.freeze;
  return out;
}

/**
 * The model with the view settings the user owns set as they are now: a sheet written whole (a file's
 * worksheet part) loses what the model does not say, so the user's are written again.
 */
export function withUserView(
  model: SheetModel,
  now: SheetView,
  theirs: { tabColor: boolean; freeze: boolean },
): SheetModel {
  const out = withoutUserView(model, theirs);
  if (theirs.tabColor && now.tabColor) out.tabColor = now.tabColor;
  if (theirs.freeze && (now.freeze.rows > 0 || now.freeze.cols > 0)) out.freeze = { ...now.freeze };
  return out;
}
