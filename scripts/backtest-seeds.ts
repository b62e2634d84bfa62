/**
 * How the benefit-cost backtest does beyond the one demo sample: the same generator (the demo's settings)
 * with other seeds, and the CDNOW sample. For each it prints the backtest error (the model run as of a
 * year before the data ends, against what the tiers then sold) in total and split between the customers
 * who had bought by then and the year's new ones, monthly periods; beside it the same backtest by a chain
 * of tiers WITHOUT tenure (one spend per tier, the model before December 2026), worked out here from the
 * same baseline's per-tier values, to show what the tenure chain changes:
 *
 *   npx tsx scripts/backtest-seeds.ts [--until-data-end] [seed ...]
 *
 * --until-data-end: the samples before December 2026, whose customers' lifetimes end with the data
 * (generate-orders.ts: `lifetimes: "untilDataEnd"`): each customer's purchases are spread over the time
 * left before the last day, so later joiners buy faster than earlier ones did, which no model fitted on
 * the years before can know.
 *
 * A diagnosis tool for the projection (src/engine/projection/reconciliation.ts), not part of `npm test`:
 * one sample's error says little about the model; a pattern across samples does.
 */
import { DEMO_SAMPLE } from "../src/cli/commands/demo";
import { analyzeOrders } from "../src/engine/analyze";
import { projectionBaseline, type ProjectionBaseline } from "../src/engine/projection/baseline";
import { memberPath } from "../src/engine/projection/members";
import { reconcile } from "../src/engine/projection/reconciliation";
import { generateOrders } from "../src/engine/sample/generate-orders";
import { evaluateTiers } from "../src/engine/tiers/evaluate";
import { cdnowSampleTable } from "../test/helpers/test-data";

const DEFAULT_SEEDS = [DEMO_SAMPLE.seed ?? 1, 1, 2, 3, 7, 42, 99, 123];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

/** A year's revenue by the chain of tiers alone: tier migration, one spend per tier, the same season. */
function memorylessRevenue(b: ProjectionBaseline, intake: boolean): number {
  const migration = b.observedMigration.map((row, i) =>
    row.every(Number.isFinite) ? row : row.map((_, j) => (i === j ? 1 : 0)),
  );
  const entry = b.entrySplit.map((v) => (Number.isFinite(v) ? v : 0));
  const Y = b.window.yearPeriods;
  const path = memberPath(b.members, migration, () => (intake ? b.newMembers : 0), entry, Y);
  let total = 0;
  for (let t = 1; t <= Y; t++) {
    for (let i = 0; i < b.tierCount; i++)
      total += path[t][i] * b.spendPerMember[i] * b.seasonality.index[t - 1];
  }
  return total;
}

interface Errors {
  total: number;
  memoryless: number;
}

function line(name: string, analysis: ReturnType<typeof analyzeOrders>): Errors | null {
  const baseline = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: 1 });
  const { backtest, actualTotal } = reconcile(analysis.days, analysis.tiers.program, baseline);
  if (!("asOf" in backtest)) {
    console.log(`${name.padEnd(18)} no backtest: ${backtest.months} months of history`);
    return null;
  }
  const { existing, joined } = backtest.split;
  const before = projectionBaseline(
    analysis.days,
    evaluateTiers(analysis.days, analysis.tiers.program, backtest.asOf),
    {
      periodMonths: 1,
    },
  );
  const oldTotal = memorylessRevenue(before, true);
  const oldExisting = memorylessRevenue(before, false);
  const memoryless = oldTotal / actualTotal - 1;
  const newOnes = (projected: number) =>
    joined.actual !== 0 ? pct(projected / joined.actual - 1) : "    none";
  console.log(
    `${name.padEnd(18)} tenure chain ${pct(backtest.error)} (${pct(existing.error)} /${newOnes(joined.projected)})` +
      `   without tenure ${pct(memoryless)} (${pct(oldExisting / existing.actual - 1)} /` +
      `${newOnes(oldTotal - oldExisting)})`,
  );
  return { total: backtest.error, memoryless };
}

function summary(errors: Errors[]): void {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const say = (what: string, xs: number[]) =>
    `${what}: mean ${pct(mean(xs))}, mean absolute ${pct(mean(xs.map(Math.abs)))}, ` +
    `${xs.filter((x) => Math.abs(x) <= 0.1).length} of ${xs.length} within ±10 %`;
  console.log(
    say(
      "tenure chain  ",
      errors.map((e) => e.total),
    ),
  );
  console.log(
    say(
      "without tenure",
      errors.map((e) => e.memoryless),
    ),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const lifetimes = args.includes("--until-data-end") ? "untilDataEnd" : "ownLength";
  const seeds = args.filter((a) => !a.startsWith("--")).map(Number);
  console.log(
    `samples: lifetimes ${lifetimes}; backtest errors: total (customers of a year before / new ones)`,
  );
  const errors: Errors[] = [];
  for (const seed of seeds.length ? seeds : DEFAULT_SEEDS) {
    const analysis = analyzeOrders(generateOrders({ ...DEMO_SAMPLE, seed, lifetimes }), {});
    const e = line(`demo seed ${seed}`, analysis);
    if (e) errors.push(e);
  }
  summary(errors);
  const cdnow = analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  line("CDNOW sample", cdnow);
}

main();
