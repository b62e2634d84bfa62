/**
 * The engine pipeline benchmark of issue 4, run in a child process of `npm run bench` so that its peak
 * memory is its own: 1,000,000 generated order lines of 100,000 customers, then parse + clean + customer
 * summary + RFM scores and segments + tiers + monthly KPIs. Prints one JSON line (EnginePipelineFigures).
 * Run alone: `npx tsx bench/engine-pipeline.ts`.
 */
import { getHeapStatistics } from "node:v8";
import { generateOrders } from "../src/engine/sample/generate-orders";
import { readOrderTable } from "../src/engine/data/read-orders";
import type { RawTable } from "../src/engine/data/table";
import { purchaseDaysOf } from "../src/engine/summary/purchase-days";
import { summarizeCustomers } from "../src/engine/summary/customer-summary";
import { scoreRfm } from "../src/engine/rfm/rfm-scores";
import { assignRfmSegments } from "../src/engine/rfm/segments";
import { RFM_11_SEGMENTS } from "../src/engine/rfm/segment-schemes";
import { evaluateTiers } from "../src/engine/tiers/evaluate";
import { DEFAULT_TIER_PROGRAM } from "../src/engine/tiers/program";
import { monthlyKpis } from "../src/engine/summary/kpis";
import { analyzeOrders } from "../src/engine/analyze";

export const PIPELINE_LINES = 1_000_000;
export const PIPELINE_CUSTOMERS = 100_000;

export interface EnginePipelineFigures {
  lines: number;
  customers: number;
  /** Seconds of the first run (cold: includes compiling the code) and the best of three. */
  coldSeconds: number;
  bestSeconds: number;
  /** Seconds per stage in the best run. */
  stages: Record<string, number>;
  /** Seconds of the whole analysis (also cohorts, value bands, alerts, key dates), warm. */
  fullAnalysisSeconds: number;
  /** Peak resident memory of the process (generated table included), MB. */
  peakRssMb: number;
  /** Largest V8 heap in use seen between stages, MB. */
  peakHeapMb: number;
}

let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
}

function pipeline(table: RawTable): Record<string, number> {
  const stages: Record<string, number> = {};
  let t = process.hrtime.bigint();
  const lap = (name: string) => {
    const now = process.hrtime.bigint();
    stages[name] = Number(now - t) / 1e9;
    sampleHeap();
    t = now;
  };
  const read = readOrderTable(table);
  lap("parse + clean");
  const days = purchaseDaysOf(read.orders);
  const summary = summarizeCustomers(days, { asOf: read.asOf });
  lap("summary");
  const segments = assignRfmSegments(scoreRfm(summary), RFM_11_SEGMENTS);
  lap("RFM");
  const tiers = evaluateTiers(days, DEFAULT_TIER_PROGRAM, read.asOf);
  lap("tiers");
  const kpis = monthlyKpis(days, { asOf: read.asOf });
  lap("KPIs");
  if (summary.customerIds.length !== PIPELINE_CUSTOMERS || segments.segment.length === 0 || !tiers || !kpis) {
    throw new Error("the pipeline did not see every customer");
  }
  return stages;
}

const total = (stages: Record<string, number>) => Object.values(stages).reduce((a, b) => a + b, 0);

export function measureEnginePipeline(): EnginePipelineFigures {
  const table = generateOrders({ customers: PIPELINE_CUSTOMERS, lines: PIPELINE_LINES, seed: 2024 });
  sampleHeap();
  const runs = [pipeline(table), pipeline(table), pipeline(table)];
  const best = runs.reduce((a, b) => (total(b) < total(a) ? b : a));
  const t0 = process.hrtime.bigint();
  analyzeOrders(table);
  const fullAnalysisSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sampleHeap();
  return {
    lines: PIPELINE_LINES,
    customers: PIPELINE_CUSTOMERS,
    coldSeconds: total(runs[0]),
    bestSeconds: total(best),
    stages: best,
    fullAnalysisSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
  };
}

if (require.main === module) process.stdout.write(`${JSON.stringify(measureEnginePipeline())}\n`);
