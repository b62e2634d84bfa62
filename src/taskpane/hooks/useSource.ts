/**
 * The Source step against a workbook: starts from the settings a previous build stored (so the stored
 * choice is kept), finds the candidate order tables, and reads the chosen table whenever the choice
 * changes. Errors go to `onError`; a result that arrives for a workbook no longer shown is dropped.
 */
import { useCallback, useEffect, useReducer } from "react";
import type { Workbook } from "../../sheet/port";
import { discoverSources } from "../source/discover";
import {
  INITIAL_SOURCE_STATE,
  selectedCandidate,
  sourceReducer,
  type SourceAction,
  type SourceState,
  type StoredSourceSettings,
} from "../state/source-state";

export interface SourceHook {
  state: SourceState;
  dispatch: (action: SourceAction) => void;
  /** Looks for order tables again (after the user changed the workbook). */
  search: () => void;
}

export function useSource(
  workbook: Workbook,
  stored: StoredSourceSettings | undefined,
  onError: (e: unknown) => void,
): SourceHook {
  // The stored settings are the starting point (the caller mounts a new Source step for each workbook).
  const [state, dispatch] = useReducer(sourceReducer, stored, (s) =>
    s ? sourceReducer(INITIAL_SOURCE_STATE, { type: "restore", settings: s }) : INITIAL_SOURCE_STATE,
  );
  const [searches, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let current = true;
    dispatch({ type: "search" });
    discoverSources(workbook).then(
      (candidates) => current && dispatch({ type: "found", candidates }),
      (e: unknown) => {
        if (!current) return;
        dispatch({ type: "found", candidates: [] });
        onError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [workbook, searches, onError]);

  const candidate = selectedCandidate(state);
  const read = state.table?.key === state.selected;
  useEffect(() => {
    if (!candidate || read) return;
    let current = true;
    workbook.readTable(candidate.source).then(
      (table) => current && dispatch({ type: "read", key: candidate.key, table }),
      (e: unknown) => current && onError(e),
    );
    return () => {
      current = false;
    };
  }, [workbook, candidate, read, onError]);

  const search = useCallback(() => bump(), []);
  return { state, dispatch, search };
}
