/**
 * A seeded order table on which every purchase model's fit is degenerate, shaped like the UK online
 * retailer of issue 18 (BG/NBD with a → 0 and a huge standard error): customers who never drop out, each
 * buying at their own Poisson rate (gamma-distributed across customers) for two years, first purchases
 * spread over the first year. With nobody dropping out, the likelihood of BG/NBD and MBG/NBD is highest
 * at a drop-out chance of 0 (a → 0 or b → ∞) and that of Pareto/NBD at a lifetime of ∞ (s/β → 0): the
 * parameters run to their bounds and the data cannot pin them down.
 */
import { Random } from "../../src/engine/math/random";
import { formatDay } from "../../src/engine/data/days";
import { orderTable, type Line } from "./orders";
import type { RawTable } from "../../src/engine/data/table";

const START = 19723; // 2024-01-01 as a day number
const DAYS = 730;

export function immortalCustomerOrders(customers = 600, seed = 20260607): RawTable {
  const rng = new Random(seed);
  const lines: Line[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `C${String(c + 1).padStart(4, "0")}`;
    // Purchases per day: gamma with shape 2 and mean 1/30 (about one a month).
    const rate = rng.gamma(2, 60);
    const first = Math.floor(rng.uniform() * 365);
    lines.push([id, formatDay(START + first), 50]);
    for (let t = first + rng.exponential(rate); t < DAYS; t += rng.exponential(rate)) {
      lines.push([id, formatDay(START + Math.floor(t)), Math.round(20 + 60 * rng.uniform())]);
    }
  }
  return orderTable(lines, "immortal-orders.csv");
}
