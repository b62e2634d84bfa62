/**
 * The progress line of a DuckDB read on stderr (when it is a terminal), in the in-process reader's form
 * ("[ 40%] Checking every line"): each step of the reader as it starts, then DuckDB's own estimate of
 * the step's query as it runs (a 50-million-line file takes its first step, the load, for tens of
 * seconds), polled every second and said each time it moved by PROGRESS_STEP points.
 */
import type { DuckDbSession } from "./session";

const POLL_MS = 1000;
/** Points of percent between two lines of the same step. */
const PROGRESS_STEP = 5;

/** "[ 40%] Checking every line". */
export const progressText = (percent: number, step: string) =>
  `[${String(Math.max(0, Math.min(100, Math.floor(percent)))).padStart(3)}%] ${step}`;

export interface ProgressLine {
  /** A step starts: said at once, at 0 %. */
  step(message: string): void;
  stop(): void;
}

export function progressOnStderr(
  db: Pick<DuckDbSession, "progress">,
  say: (line: string) => void,
): ProgressLine {
  let current: string | undefined;
  let said = 0;
  const timer = setInterval(() => {
    const percent = db.progress();
    if (current === undefined || !(percent >= said + PROGRESS_STEP)) return;
    said = Math.floor(percent / PROGRESS_STEP) * PROGRESS_STEP;
    say(progressText(percent, current));
  }, POLL_MS);
  timer.unref();
  return {
    step(message) {
      current = message;
      said = 0;
      say(progressText(0, message));
    },
    stop: () => clearInterval(timer),
  };
}
