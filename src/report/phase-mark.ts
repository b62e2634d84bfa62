/**
 * Marks where a phase of the build starts (`performance.mark("loyalty:<phase>")`), so that the
 * benchmarks give each phase its time and peak memory (bench/report-peak.cjs). Costs nothing else, and
 * runs wherever the report does (Node, the pane's worker, the browser).
 */
export function markPhase(phase: string): void {
  globalThis.performance?.mark(`loyalty:${phase}`);
}
