/**
 * `npm run bench [filter]`: runs every benchmark (or those whose name contains `filter`), prints ONE
 * table — benchmark, budget, figure, met? — under a line naming the machine, and writes the same to
 * bench/results.json (git-ignored: figures belong to the machine that made them; the README says how to
 * run it). A benchmark that throws is a row "FAILED: why" and the others still run; the exit code is 1
 * when a benchmark failed, 0 otherwise (a missed budget is a figure to read, not a crash: timings on a
 * shared machine vary, so the table shows the load average next to the machine).
 * Benchmarks measure; tests never assert timings.
 */
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { benchmarks, type BenchResult } from "./suite";

interface Row extends BenchResult {
  failed?: string;
}

function machine(): string {
  const cpu = cpus()[0]?.model?.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  return `${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

function commit(): string {
  try {
    return execSync("git rev-parse --short HEAD", {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "unknown";
  }
}

const load = () => loadavg()[0].toFixed(1);

/** The rows as an aligned text table. */
export function formatTable(rows: Row[]): string[] {
  const cells = rows.map((r) => [r.name, r.budget, r.figure, r.failed ? "FAILED" : r.met ? "yes" : "NO"]);
  const header = ["benchmark", "budget", "figure", "met?"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const selected = benchmarks.filter((b) => !only || b.name.includes(only));
  const loadBefore = load();
  const started = Date.now();
  const rows: Row[] = [];
  for (const b of selected) {
    process.stderr.write(`running ${b.name} ...\n`);
    try {
      rows.push(await b.run());
    } catch (e) {
      const why = (e as Error).message.split("\n")[0];
      rows.push({
        name: b.name,
        budget: "",
        figure: `FAILED: ${why}`,
        met: false,
        seconds: NaN,
        failed: why,
      });
    }
  }
  const met = rows.filter((r) => r.met).length;
  const summary = `${met} of ${rows.length} budgets met in ${((Date.now() - started) / 1000).toFixed(0)} s`;
  console.log(
    `machine: ${machine()}; load average ${loadBefore} before, ${load()} after; commit ${commit()}`,
  );
  console.log("");
  for (const l of formatTable(rows)) console.log(l);
  console.log("");
  console.log(summary);
  const file = join(__dirname, "results.json");
  writeFileSync(
    file,
    JSON.stringify(
      {
        machine: machine(),
        commit: commit(),
        date: new Date().toISOString(),
        loadAverage: { before: Number(loadBefore), after: Number(load()) },
        summary,
        results: rows,
      },
      null,
      2,
    ),
  );
  console.log(`written to ${file}`);
  if (rows.some((r) => r.failed)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
