/**
 * Runs a `loyalty` command in a child process as a user runs it (Node started, TypeScript loaded through
 * tsx), preloaded with report-peak.cjs, which prints the child's peak resident set size and CPU time when
 * it exits: the benchmarks measure whole commands without external tools.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface CliFigures {
  /** Wall-clock seconds from starting Node to its exit. */
  seconds: number;
  /** CPU seconds of the child (user + system). */
  cpuSeconds: number;
  /** Peak resident set size of the child, MB. */
  peakRssMb: number;
  /** What the command printed (without report-peak's lines). */
  stdout: string;
  /** The peak of each phase the command marked (performance.mark("loyalty:<phase>")), in order. */
  phases: PhasePeak[];
}

/** One phase's peak resident set size (report-peak.cjs): exact when it raised the process's peak. */
export interface PhasePeak {
  phase: string;
  peakMb: number;
  /** False: the phase stayed below the peak before it; peakMb is then the highest size sampled. */
  raised: boolean;
}

/** "reading 640 MB, writing LL Customers <= 700 MB, ..." */
export function phasesLine(phases: PhasePeak[]): string {
  return phases.map((p) => `${p.phase} ${p.raised ? "" : "<= "}${p.peakMb} MB`).join(", ");
}

export function runCliChild(args: string[]): CliFigures {
  const cli = path.join(__dirname, "../src/cli/main.ts");
  const peak = path.join(__dirname, "report-peak.cjs");
  const argv = ["--require", peak, "--require", require.resolve("tsx/cjs"), cli, ...args];
  const t0 = process.hrtime.bigint();
  const stdout = execFileSync(process.execPath, argv, {
    encoding: "utf8",
    maxBuffer: 16 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const usage = /peak-rss-kb (\d+) cpu-ms (\d+)/.exec(stdout);
  const phases = /phase-peaks (.*)/.exec(stdout);
  return {
    seconds,
    cpuSeconds: usage ? Number(usage[2]) / 1000 : NaN,
    peakRssMb: usage ? Number(usage[1]) / 1024 : NaN,
    stdout: stdout.slice(0, usage?.index ?? stdout.length),
    phases: phases ? (JSON.parse(phases[1]) as PhasePeak[]) : [],
  };
}
