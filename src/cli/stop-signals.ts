/**
 * What the `loyalty` process does when it is stopped (Ctrl-C, or killed with SIGTERM): it runs the clean-ups
 * registered at that moment (e.g. removing DuckDB's spill folder, gigabytes on a 50-million-line file) and
 * exits with the shell's codes, 130 and 143.
 *
 * The handlers are installed once, when the process starts, and stay for its whole life. Installing them
 * only around the work that needs a clean-up left two windows where a signal still killed the process
 * without it: just after the folder was made, and just after the work ended (the signal then met no
 * handler and the process died by the signal, with no exit code).
 */
type CleanUp = () => void;

const cleanUps = new Set<CleanUp>();
let installed = false;

function stop(signal: NodeJS.Signals): void {
  for (const cleanUp of cleanUps) {
    try {
      cleanUp();
    } catch {
      // A clean-up that fails must not keep the others from running, nor the process from exiting.
    }
  }
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/** Called once by the process entry point (not by tests that run the CLI inside Jest's worker). */
export function exitCleanlyWhenStopped(): void {
  if (installed) return;
  installed = true;
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Runs `cleanUp` if the process is stopped before the returned function is called. Register in the same
 * synchronous step as the making of what it removes: the signal's handler runs on the event loop, after it.
 */
export function onStop(cleanUp: CleanUp): () => void {
  cleanUps.add(cleanUp);
  return () => {
    cleanUps.delete(cleanUp);
  };
}
