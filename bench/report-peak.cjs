// Preloaded into the `loyalty` child of the benchmarks: prints the process's peak resident set size and
// CPU time when it exits, so a benchmark measures the command without external tools.
//
// It also prints the time (wall and CPU) and the peak of each PHASE the command marks with performance.mark("loyalty:<phase>")
// (the CLI marks the build's steps and the save's): the running peak (getrusage's maxRSS) is read at each
// mark, synchronously (performance.mark is wrapped here), so a phase that raised the peak gets its exact
// figure; one that did not gets the highest resident size sampled during it (every 5 ms, when the event
// loop is free), marked "<=" (below the peak before it).
const { performance } = require("node:perf_hooks");
const { setInterval } = require("node:timers");

const MB = 1024;
const phases = [];
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
let current = { name: "start", sampled: 0, peakBefore: 0, startedAt: 0, cpuBefore: 0 };
const sample = () => {
  current.sampled = Math.max(current.sampled, process.memoryUsage.rss() / 2 ** 20);
};
setInterval(sample, 5).unref();

function closePhase() {
  sample();
  const peak = process.resourceUsage().maxRSS / MB;
  const raised = peak > current.peakBefore + 1;
  phases.push({
    phase: current.name,
    peakMb: Math.round(raised ? peak : current.sampled),
    raised,
    seconds: (performance.now() - current.startedAt) / 1000,
    cpuSeconds: cpuSeconds() - current.cpuBefore,
  });
  return peak;
}

const mark = performance.mark.bind(performance);
performance.mark = (name, options) => {
  if (typeof name === "string" && name.startsWith("loyalty:")) {
    const peakBefore = closePhase();
    current = {
      name: name.slice("loyalty:".length),
      sampled: 0,
      peakBefore,
      startedAt: performance.now(),
      cpuBefore: cpuSeconds(),
    };
  }
  return mark(name, options);
};

process.on("exit", () => {
  closePhase();
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stdout.write(`\npeak-rss-kb ${usage.maxRSS} cpu-ms ${cpuMs}\n`);
  process.stdout.write(`phase-peaks ${JSON.stringify(phases)}\n`);
});
