/**
 * `npm run bench`: runs every benchmark, prints one table of figure against budget, and writes
 * bench/results.json. Benchmarks measure; tests never assert timings.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { benchmarks, type BenchResult } from "./suite";

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const results: BenchResult[] = [];
  for (const b of benchmarks) {
    if (only && !b.name.includes(only)) continue;
    process.stderr.write(`running ${b.name} ...\n`);
    results.push(await b.run());
  }
  const rows = results.map((r) => [r.name, r.figure, r.budget, r.met ? "met" : "MISSED"]);
  const header = ["benchmark", "figure", "budget", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`machine: ${machine()}`);
  console.log(header.map((h, i) => pad(h, widths[i])).join("  "));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i])).join("  "));
  const file = join(__dirname, "results.json");
  writeFileSync(
    file,
    JSON.stringify({ machine: machine(), date: new Date().toISOString(), results }, null, 2),
  );
  console.log(`\nwritten to ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
