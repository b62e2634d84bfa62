/**
 * Runs a `loyalty` command in a child process as a user runs it (Node started, TypeScript loaded through
 * tsx), preloaded with report-peak.cjs, which prints the child's peak resident set size and CPU time when
 * it exits: the benchmarks measure whole commands without external tools.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchResult } from "./suite";

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
  /** Wall-clock and CPU seconds from the phase's mark to the next (the first phase from Node's start). */
  seconds: number;
  cpuSeconds: number;
}

/** "reading 640 MB, writing LL Customers <= 700 MB, ..." */
export function phasesLine(phases: PhasePeak[]): string {
  return phases.map((p) => `${p.phase} ${p.raised ? "" : "<= "}${p.peakMb} MB`).join(", ");
}

/** One line per phase: "  reading                 12.3 s   10.1 s CPU   peak 640 MB". */
export function phaseTable(phases: PhasePeak[]): string[] {
  const width = Math.max(0, ...phases.map((p) => p.phase.length));
  return phases.map(
    (p) =>
      `  ${p.phase.padEnd(width)}  ${p.seconds.toFixed(1).padStart(6)} s  ${p.cpuSeconds.toFixed(1).padStart(6)} s CPU  ` +
      `peak ${p.raised ? "" : "<= "}${p.peakMb} MB`,
  );
}

/** A command's figures as a benchmark result against its time and memory budgets. */
export function cliBenchResult(
  name: string,
  f: Pick<CliFigures, "seconds" | "cpuSeconds" | "peakRssMb">,
  budget: { seconds: number; megabytes: number },
): BenchResult {
  return {
    name,
    figure: `${f.seconds.toFixed(1)} s (${f.cpuSeconds.toFixed(1)} s CPU), ${f.peakRssMb.toFixed(0)} MB peak RSS`,
    budget: `< ${budget.seconds} s, < ${budget.megabytes} MB`,
    met: f.seconds < budget.seconds && f.peakRssMb < budget.megabytes,
    seconds: f.seconds,
  };
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
