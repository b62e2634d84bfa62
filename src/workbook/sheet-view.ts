/**
 * A generated sheet's tab colour and frozen panes: the report sets them, and a user may change them (a
 * red tab for the sheet they work from, more rows frozen, none). A rebuild sets the new build's only where
 * the sheet still has what the last build set, as the registry recorded it; where the user changed one,
 * theirs stays. On a sheet written before they were recorded, one that differs from what the new build
 * sets is kept too: it cannot be told from the user's.
 */
import type { SheetModel } from "../sheet/sheet-model";

export interface SheetView {
  /** "#RRGGBB", or "" for none. */
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
