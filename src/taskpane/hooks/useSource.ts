/**
 * The Source step against a workbook: starts from the settings a previous build stored (so the stored
 * choice is kept), finds the candidate order tables, and has the inspect worker read the chosen table
 * whenever the choice changes: the page gets its header and first rows, then what its date column holds.
 * Errors go to `onError`; an answer that arrives for a choice no longer shown is dropped.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { Workbook } from "../../sheet/port";
import type { DateFacts } from "../source/inspect";
import { discoverSources } from "../source/discover";
import {
  datesWanted,
  INITIAL_SOURCE_STATE,
  selectedCandidate,
  sourceReducer,
  type SourceAction,
  type SourceState,
  type StoredSourceSettings,
} from "../state/source-state";
import { usePaneWork } from "../work/context";
import type { TableHead } from "../work/pane-request";

export interface SourceHook {
  state: SourceState;
  dispatch: (action: SourceAction) => void;
  /** Looks for order tables again (after the user changed the workbook). */
  search: () => void;
}

/** Tells reads apart across workbooks and searches, so the worker never answers from a stale read. */
let reads = 0;

export function useSource(
  workbook: Workbook,
  stored: StoredSourceSettings | undefined,
  onError: (e: unknown) => void,
): SourceHook {
  const work = usePaneWork();
  // The stored settings are the starting point (the caller mounts a new Source step for each workbook).
  const [state, dispatch] = useReducer(sourceReducer, stored, (s) =>
    s ? sourceReducer(INITIAL_SOURCE_STATE, { type: "restore", settings: s }) : INITIAL_SOURCE_STATE,
  );
  const [searches, bump] = useReducer((n: number) => n + 1, 0);
  const read = useRef(0);

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
  const { header } = state;
  const haveTable = state.table?.key === state.selected;
  useEffect(() => {
    if (!candidate || haveTable) return;
    let current = true;
    read.current = ++reads;
    work.inspect
      .run<TableHead>(workbook, { kind: "head", source: candidate.source, read: read.current, header })
      .then(
        ({ head, rows }) =>
          current && dispatch({ type: "read", key: candidate.key, header, table: head, rows }),
        (e: unknown) => current && onError(e),
      );
    return () => {
      current = false;
    };
  }, [workbook, candidate, header, haveTable, onError, work]);

  const column = datesWanted(state);
  useEffect(() => {
    if (!candidate || !haveTable || column === undefined) return;
    let current = true;
    const question = { source: candidate.source, read: read.current, header };
    work.inspect.run<DateFacts>(workbook, { kind: "dates", column, ...question }).then(
      (facts) => current && dispatch({ type: "dates", key: candidate.key, header, facts }),
      (e: unknown) => current && onError(e),
    );
    return () => {
      current = false;
    };
  }, [workbook, candidate, header, haveTable, column, onError, work]);

  const search = useCallback(() => bump(), []);
  // The same object while nothing changed, so the Source step is not drawn again on a build's progress.
  return useMemo(() => ({ state, dispatch, search }), [state, search]);
}
