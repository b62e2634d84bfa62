/**
 * The pane's worker scripts, started as the bundler finds them (`new Worker(new URL(..., import.meta.url))`
 * makes webpack bundle each script as a worker of its own). Kept apart from the code that runs them
 * (workers.ts), which tests run with workers of their own.
 */

/** A worker that builds or looks at the order table (pane-worker.ts). */
export const startPaneWorker = (): Worker => new Worker(new URL("./pane-worker.ts", import.meta.url));

/** The browser preview's workbook worker (workbook-worker.ts). */
export const startWorkbookWorker = (): Worker => new Worker(new URL("./workbook-worker.ts", import.meta.url));
