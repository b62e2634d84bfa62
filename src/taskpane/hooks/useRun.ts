/**
 * Runs builds and refreshes in the build worker: one at a time, with progress, Cancel (answered at once:
 * the worker is ended), the result kept, and errors given to `onError`.
 */
import { useCallback, useReducer, useRef } from "react";
import type { ReportResult } from "../../report/build-report";
import type { Workbook } from "../../sheet/port";
import type { BuildRequest } from "../work/build-request";
import { usePaneWork } from "../work/context";
import { isAbort } from "../work/errors";
import { INITIAL_RUN_STATE, runReducer, type RunKind, type RunState } from "../state/run-state";

export interface RunHook {
  state: RunState;
  run: (kind: RunKind, request: BuildRequest) => Promise<ReportResult | undefined>;
  cancel: () => void;
}

export function useRun(workbook: Workbook, onError: (e: unknown) => void, onStart: () => void): RunHook {
  const [state, dispatch] = useReducer(runReducer, INITIAL_RUN_STATE);
  const controller = useRef<AbortController | null>(null);
  const work = usePaneWork();

  const run = useCallback(
    async (kind: RunKind, request: BuildRequest) => {
      if (controller.current) return undefined;
      const current = new AbortController();
      controller.current = current;
      onStart();
      dispatch({ type: "start", kind });
      try {
        const result = await work.build.run<ReportResult>(
          workbook,
          { kind: "build", ...request },
          {
            signal: current.signal,
            onProgress: (progress) => dispatch({ type: "progress", progress }),
            // In Excel, the rows read so far (the page reads them, in chunks).
            onRead: (read, total) => dispatch({ type: "rows", read, total }),
          },
        );
        dispatch({ type: "done", result });
        return result;
      } catch (e) {
        if (isAbort(e)) dispatch({ type: "cancelled" });
        else {
          dispatch({ type: "failed" });
          onError(e);
        }
        return undefined;
      } finally {
        controller.current = null;
      }
    },
    [workbook, onError, onStart, work],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
