/**
 * How the benefit-cost backtest does beyond the one demo sample: the same generator (the demo's settings)
 * with other seeds, and the CDNOW sample. For each it prints the backtest error (the model run as of a
 * year before the data ends, against what the tiers then sold) in total and per tier, monthly periods:
 *
 *   npx tsx scripts/backtest-seeds.ts [--until-data-end] [seed ...]
 *
 * (--until-data-end: the samples before December 2026, whose customers' lifetimes end with the data, see
 * backtest-tenure.ts.)
 *
 * A diagnosis tool for the projection (src/engine/projection/reconciliation.ts), not part of `npm test`:
 * one sample's error says little about the model; a pattern across samples does.
 */
import { DEMO_SAMPLE } from "../src/cli/commands/demo";
import { analyzeOrders } from "../src/engine/analyze";
import { projectionBaseline } from "../src/engine/projection/baseline";
import { reconcile } from "../src/engine/projection/reconciliation";
import { generateOrders } from "../src/engine/sample/generate-orders";
import { cdnowSampleTable } from "../test/helpers/test-data";

const DEFAULT_SEEDS = [DEMO_SAMPLE.seed ?? 1, 1, 2, 3, 7, 42, 99, 123];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

function line(name: string, analysis: ReturnType<typeof analyzeOrders>): number | null {
  const baseline = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: 1 });
  const { backtest } = reconcile(analysis.days, analysis.tiers.program, baseline);
  if (!("asOf" in backtest)) {
    console.log(`${name.padEnd(16)} no backtest: ${backtest.months} months of history`);
    return null;
  }
  const tiers = baseline.states.slice(0, baseline.tierCount).map((s) => s.name);
  const perTier = backtest.errorPerTier.map((e, i) => `${tiers[i]} ${pct(e)}`).join("  ");
  const { existing, joined } = backtest.split;
  console.log(`${name.padEnd(16)} total ${pct(backtest.error)}   ${perTier}`);
  console.log(
    `${"".padEnd(16)} customers of a year before ${pct(existing.error)}, the year's new ones ` +
      `${pct(joined.error)} (${Math.round(joined.actualCount)} joined, ${Math.round(joined.projectedCount)} projected)`,
  );
  return backtest.error;
}

function main(): void {
  const args = process.argv.slice(2);
  const lifetimes = args.includes("--until-data-end") ? "untilDataEnd" : "ownLength";
  const seeds = args.filter((a) => !a.startsWith("--")).map(Number);
  const errors: number[] = [];
  for (const seed of seeds.length ? seeds : DEFAULT_SEEDS) {
    const analysis = analyzeOrders(generateOrders({ ...DEMO_SAMPLE, seed, lifetimes }), {});
    const error = line(`demo seed ${seed}`, analysis);
    if (error !== null) errors.push(error);
  }
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  const meanAbs = errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length;
  console.log(`${errors.length} seeds: mean error ${pct(mean)}, mean absolute error ${pct(meanAbs)}`);
  const cdnow = analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  line("CDNOW sample", cdnow);
}

main();
