/**
 * The task pane's speed in headless Chromium, over the production build (built first when dist/ has
 * none or is older than src/): the browser preview builds the full report of a sample of about 100,000 order lines, and the
 * page's longest stall while it does (how long a click or a repaint could have waited).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launch } from "../test/e2e/browser";
import { describeFigures, measureLargeFile, type LargeFileFigures } from "../test/e2e/responsiveness";
import { serveFolder } from "../test/e2e/serve";
import type { Benchmark, BenchResult } from "./suite";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
/** About ten order lines per customer: 10,000 customers make about 100,000 lines. */
const CUSTOMERS = 10_000;

interface PaneTiming {
  lines: number;
  seconds: number;
  longestStallMs: number;
}

/** The latest modification time of any file under `folder`, in ms. */
function newestChange(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => statSync(join(folder, name)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
}

/** A dist/ older than the sources would time yesterday's pane: build it again then. */
function ensureFreshBuild(): void {
  const bundle = join(DIST, "taskpane.js");
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestChange(join(ROOT, "src"))) return;
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
}

async function timePaneBuild(): Promise<PaneTiming> {
  ensureFreshBuild();
  const server = await serveFolder(DIST);
  const browser = await launch(server.url);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}taskpane.html?customers=${CUSTOMERS}`);
    const region = page.getByRole("region", { name: /First 5 of [\d,]+ rows/ });
    await region.waitFor({ timeout: 120_000 });
    const lines = Number(
      (/of ([\d,]+) rows/.exec((await region.getAttribute("aria-label")) ?? "")?.[1] ?? "0").replace(
        /,/g,
        "",
      ),
    );
    // A ticker on the page: the longest gap between its ticks is the longest the page was unresponsive.
    await page.evaluate(() => {
      const w = window as unknown as { longestStall: number };
      w.longestStall = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.longestStall = Math.max(w.longestStall, now - last - 10);
        last = now;
      }, 10);
    });
    const started = Date.now();
    await page.getByRole("button", { name: "Build report" }).click();
    await page.getByTestId("result-card").waitFor({ timeout: 300_000 });
    const seconds = (Date.now() - started) / 1000;
    const longestStallMs = await page.evaluate(
      () => (window as unknown as { longestStall: number }).longestStall,
    );
    return { lines, seconds, longestStallMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

let timing: Promise<PaneTiming> | undefined;
const measured = () => (timing ??= timePaneBuild());

async function largeFile(): Promise<LargeFileFigures> {
  ensureFreshBuild();
  const server = await serveFolder(DIST);
  try {
    const figures = await measureLargeFile(server.url);
    console.log(describeFigures(figures));
    return figures;
  } finally {
    await server.close();
  }
}

let large: Promise<LargeFileFigures> | undefined;
const measuredLarge = () => (large ??= largeFile());
const LARGE = "task pane preview, generated 541,909-line Online Retail file";

export function paneBenchmarks(
  underBudget: (name: string, seconds: number, budget: number) => BenchResult,
): Benchmark[] {
  return [
    {
      name: "task pane preview: full report of ~100,000 order lines (headless Chromium)",
      async run() {
        const t = await measured();
        return {
          ...underBudget(this.name, t.seconds, 10),
          name: `${this.name}, ${t.lines.toLocaleString("en-US")} lines`,
        };
      },
    },
    {
      name: "task pane preview: longest stall of the page during that build",
      async run() {
        return underBudget(this.name, (await measured()).longestStallMs / 1000, 0.5);
      },
    },
    {
      name: `${LARGE}: open, map and build the full report`,
      async run() {
        const f = await measuredLarge();
        return underBudget(this.name, f.openSeconds + f.buildSeconds, 60);
      },
    },
    {
      name: `${LARGE}: longest main-thread task while opening and building`,
      async run() {
        const f = await measuredLarge();
        return {
          ...underBudget(this.name, f.longestTaskMs / 1000, 0.2),
          name: `${this.name} (${f.longTasks} over 50 ms, ${Math.round(f.blockedMs)} ms in all)`,
        };
      },
    },
    {
      name: `${LARGE}: Cancel during a build, click to "cancelled" shown`,
      async run() {
        return underBudget(this.name, (await measuredLarge()).cancelMs / 1000, 0.2);
      },
    },
    {
      name: `${LARGE}: peak memory of the renderer (page and workers, resident)`,
      async run() {
        const f = await measuredLarge();
        return {
          name: `${this.name}; page heap ${f.peakPageHeapMb.toFixed(0)} MB`,
          figure: `${f.peakRendererMb.toFixed(0)} MB`,
          budget: "< 3000 MB",
          met: f.peakRendererMb < 3000,
          seconds: 0,
        };
      },
    },
  ];
}
