/**
 * A candidate for the projection's next step, measured before it is built into the sheet: the backtest of
 * scripts/backtest-seeds.ts with tiers split by TENURE (months since the customer's first purchase), so
 * that the chain knows who joined recently. The states are tier × tenure band, then lapsed; migration,
 * intake split and spend per member are measured per state over the trailing year exactly as baseline.ts
 * measures them per tier; the projection is the same chain (members.ts) with the same seasonal index.
 * It prints, per sample, the memoryless chain's backtest error and the tenure chain's, in total and split
 * between the customers of a year before and the year's new ones:
 *
 *   npx tsx scripts/backtest-tenure.ts [--until-data-end] [band months, default 6]
 *
 * --until-data-end generates the samples as before December 2026, with lifetimes that end with the data
 * (generate-orders.ts: `lifetimes: "untilDataEnd"`): each customer's purchases are spread over the time
 * left before the last day, so later joiners buy faster than earlier ones did, which no model fitted on
 * the years before can know.
 *
 * A diagnosis tool, not part of `npm test` or of the report.
 */
import { DEMO_SAMPLE } from "../src/cli/commands/demo";
import { analyzeOrders } from "../src/engine/analyze";
import { addMonths } from "../src/engine/data/days";
import { periodicProgram, projectionBaseline } from "../src/engine/projection/baseline";
import { memberPath } from "../src/engine/projection/members";
import { reconcile } from "../src/engine/projection/reconciliation";
import { seasonalIndex } from "../src/engine/projection/season";
import { generateOrders } from "../src/engine/sample/generate-orders";
import type { PurchaseDays } from "../src/engine/summary/purchase-days";
import { activityBetween } from "../src/engine/tiers/activity";
import { evaluateTiers } from "../src/engine/tiers/evaluate";
import type { TierProgram } from "../src/engine/tiers/program";
import { cdnowSampleTable } from "../test/helpers/test-data";

const SEEDS = [DEMO_SAMPLE.seed ?? 1, 1, 2, 3, 7, 42, 99, 123];
const YEAR = 12;

/** Revenue of the year after `asOf` projected by the tenure chain, and the part of the customers then. */
function tenureProjection(days: PurchaseDays, program: TierProgram, asOf: number, bands: number[]) {
  const periodic = periodicProgram(program, 1);
  const first = Int32Array.from({ length: days.customerIds.length }, (_, c) =>
    days.start[c] < days.start[c + 1] ? days.day[days.start[c]] : Infinity,
  );
  const k = evaluateTiers(days, periodic, asOf).lapsedLevel;
  const B = bands.length + 1;
  const S = k * B + 1;
  const band = (c: number, e: number) => {
    const b = bands.findIndex((months) => first[c] > addMonths(e, -months));
    return b < 0 ? bands.length : b;
  };
  const state = (level: number, c: number, e: number) => (level >= k ? S - 1 : level * B + band(c, e));
  const counts = Array.from({ length: S + 1 }, () => new Array<number>(S).fill(0));
  const members = new Array<number>(S).fill(0);
  const spend = new Array<number>(S).fill(0);
  for (let m = 0; m < YEAR; m++) {
    const [start, end] = [addMonths(asOf, -(m + 1)), addMonths(asOf, -m)];
    const evaluation = evaluateTiers(days, periodic, end);
    const spent = activityBetween(days, start, end).spend;
    for (let c = 0; c < first.length; c++) {
      if (evaluation.current[c] === evaluation.notYetLevel) continue;
      const j = state(evaluation.current[c], c, end);
      members[j]++;
      spend[j] += spent[c];
      const joined = evaluation.previous[c] === evaluation.notYetLevel;
      counts[joined ? S : state(evaluation.previous[c], c, start)][j]++;
    }
  }
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const migration = counts
    .slice(0, S)
    .map((row, i) => row.map((v, j) => (rows[i] > 0 ? v / rows[i] : i === j ? 1 : 0)));
  const entry = counts[S].slice(0, S - 1).map((v) => v / rows[S]);
  const perMember = spend.map((s, i) => (i < S - 1 && members[i] > 0 ? s / members[i] : 0));
  const now = evaluateTiers(days, periodic, asOf);
  const start = new Array<number>(S).fill(0);
  for (let c = 0; c < first.length; c++) {
    if (now.current[c] !== now.notYetLevel) start[state(now.current[c], c, asOf)]++;
  }
  const season = seasonalIndex(days, asOf, 1).index;
  const revenue = (intake: number) =>
    memberPath(start, migration, () => intake, entry, YEAR)
      .slice(1)
      .reduce((total, n, t) => total + n.reduce((a, x, j) => a + x * perMember[j], 0) * season[t], 0);
  return { total: revenue(rows[S] / YEAR), existing: revenue(0) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

function line(name: string, analysis: ReturnType<typeof analyzeOrders>, bands: number[]): number | null {
  const baseline = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: 1 });
  const { backtest, actualTotal } = reconcile(analysis.days, analysis.tiers.program, baseline);
  if (!("asOf" in backtest)) return null;
  const { existing, joined } = backtest.split;
  const tenure = tenureProjection(analysis.days, analysis.tiers.program, backtest.asOf, bands);
  const error = tenure.total / actualTotal - 1;
  console.log(
    `${name.padEnd(16)} memoryless ${pct(backtest.error)} (${pct(existing.error)} /${pct(joined.error)})   ` +
      `tenure ${pct(error)} (${pct(tenure.existing / existing.actual - 1)} /` +
      `${joined.actual !== 0 ? pct((tenure.total - tenure.existing) / joined.actual - 1) : "    none"})`,
  );
  return error;
}

function main(): void {
  const args = process.argv.slice(2);
  const lifetimes = args.includes("--until-data-end") ? "untilDataEnd" : "ownLength";
  const bands = (args.find((a) => !a.startsWith("--")) ?? "6").split(",").map(Number);
  console.log(`samples: lifetimes ${lifetimes}`);
  console.log(
    `tenure bands (months): ${bands.join(", ")}; errors: total (customers of a year before / new ones)`,
  );
  const errors: number[] = [];
  for (const seed of SEEDS) {
    const error = line(
      `demo seed ${seed}`,
      analyzeOrders(generateOrders({ ...DEMO_SAMPLE, seed, lifetimes }), {}),
      bands,
    );
    if (error !== null) errors.push(error);
  }
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  const meanAbs = errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length;
  console.log(
    `${errors.length} seeds, tenure chain: mean error ${pct(mean)}, mean absolute error ${pct(meanAbs)}`,
  );
  const cdnow = analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  line("CDNOW sample", cdnow, bands);
}

main();
