// Preloaded into the `loyalty report` child of bench/report.ts: prints the process's peak resident set
// size and CPU time when it exits, so the benchmark measures the command without external tools.
process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stdout.write(`\npeak-rss-kb ${usage.maxRSS} cpu-ms ${cpuMs}\n`);
});
