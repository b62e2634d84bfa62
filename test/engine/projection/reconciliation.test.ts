/**
 * The reconciliation on synthetic businesses whose future is known by construction: a flat one (its
 * "no change" projection must equal what it sold), a growing one (its growth comes from intake) and a
 * seasonal one (the December peak is in the index, not in the level). Every expected number is worked
 * out from how the fixture is made, not from the engine.
 */
import { addMonths, dayFromYmd, formatDay } from "../../../src/engine/data/days";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import type { RawTable } from "../../../src/engine/data/table";
import { projectionBaseline } from "../../../src/engine/projection/baseline";
import { noChangeRevenue, reconcile } from "../../../src/engine/projection/reconciliation";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { evaluateTiers } from "../../../src/engine/tiers/evaluate";
import type { TierProgram } from "../../../src/engine/tiers/program";

/**
 * Big spenders (5,000 a month) reach Gold with their first purchase; small ones never do (60 a month is
 * 720 in the 12-month window): the tiers do not move, so migration is only lapse.
 */
const PROGRAM: TierProgram = {
  tiers: [
    { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 4000 },
    { key: "member", name: "Member", nameZh: "普通会员" },
  ],
  window: { kind: "rolling", months: 12 },
};

const AMOUNTS = [20, 60, 5000];

interface Business {
  /** First month (year, month) customers join in. */
  from: [number, number];
  /** Months customers join in. */
  joiningMonths: number;
  /** New customers per month. */
  intake: number;
  /** Months each customer buys (once a month, on the 15th); Infinity: until the data ends. */
  life: number;
  /** The last month of the data (year, month): its last day is the as-of date. */
  to: [number, number];
  /** Multiplier of December purchases. */
  december?: number;
  /** Multiplier of the purchases from a customer's 7th month on (default 1: no change with tenure). */
  settled?: number;
}

/** Customer i of month m buys AMOUNTS[i % 3] on the 15th of each month of its life. */
function ordersOf(b: Business): RawTable {
  const ids: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  const first = dayFromYmd(b.from[0], b.from[1], 15);
  const last = dayFromYmd(b.to[0], b.to[1], 15);
  for (let m = 0; m < b.joiningMonths; m++) {
    for (let i = 0; i < b.intake; i++) {
      for (let age = 0; age < b.life; age++) {
        const day = addMonths(first, m + age);
        if (day > last) break;
        const december = formatDay(day).slice(5, 7) === "12" ? (b.december ?? 1) : 1;
        ids.push(`C${m}-${i}`);
        dates.push(formatDay(day));
        amounts.push(AMOUNTS[i % 3] * december * (age >= 6 ? (b.settled ?? 1) : 1));
      }
    }
  }
  return {
    source: "Orders",
    headers: ["Customer", "Date", "Amount"],
    columns: [ids, dates, amounts],
    firstRow: 2,
  };
}

function analyse(b: Business, periodMonths = 1) {
  const asOf = addMonths(dayFromYmd(b.to[0], b.to[1], 1), 1) - 1;
  const read = readOrderTable(ordersOf(b), { testAccounts: [], asOf });
  const days = purchaseDaysOf(read.orders);
  const evaluation = evaluateTiers(days, PROGRAM, asOf);
  const baseline = projectionBaseline(days, evaluation, { periodMonths });
  return { days, evaluation, baseline, reconciliation: reconcile(days, evaluation.program, baseline) };
}

/**
 * Revenue of a month with `active` heads (a multiple of 10): of every 10 customers of a month, 4 buy 20,
 * 3 buy 60 and 3 buy 5,000 (i % 3), 1,526 a head.
 */
const monthly = (active: number) => active * ((4 * 20 + 3 * 60 + 3 * 5000) / 10);

describe("reconciliation of a flat business (10 customers a month, each buying for 24 months)", () => {
  // Steady from 2021 on: every month 240 customers buy, 10 start and 10 stop.
  const flat = analyse({ from: [2019, 1], joiningMonths: 72, intake: 10, life: 24, to: [2024, 12] });
  const r = flat.reconciliation;

  it("sold 240 customers' purchases every month of the last year", () => {
    expect(r.actualTotal).toBeCloseTo(12 * monthly(240), 6);
    expect(r.partialYear).toBe(false);
  });

  it("projects the next 12 months with no change at what it sold, within 1 %", () => {
    expect(Math.abs(r.nextTotal / r.actualTotal - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.growth)).toBeLessThan(0.01);
    // Intake 10 a month, the 3 buying 5,000 of them Gold.
    expect(flat.baseline.newMembers).toBeCloseTo(10, 12);
    expect(flat.baseline.entrySplit[0]).toBeCloseTo(0.3, 12);
  });

  it("passes its backtest, and finds no season", () => {
    if (!("asOf" in r.backtest)) throw new Error("a backtest was expected");
    expect(Math.abs(r.backtest.error)).toBeLessThan(0.01);
    expect(r.backtest.withinTarget).toBe(true);
    expect(flat.baseline.seasonality.status).toBe("estimated");
    for (const s of flat.baseline.seasonality.index) expect(s).toBeCloseTo(1, 6);
  });

  it("splits the growth into causes that add up to it", () => {
    const c = r.causes;
    const total = c.membersNow + c.intake + c.migration + c.spendPerMember + c.seasonality;
    expect(total).toBeCloseTo(r.nextTotal - r.actualTotal, 6);
  });
});

describe("reconciliation of a growing business (10 new customers a month who all keep buying)", () => {
  // Joining since January 2022; as of December 2024, 360 customers buy every month.
  const growing = analyse({ from: [2022, 1], joiningMonths: 48, intake: 10, life: Infinity, to: [2024, 12] });
  const r = growing.reconciliation;

  it("sold what its members bought: 250 to 360 customers a month in 2024", () => {
    // Months of 2024: 250 + 10 × 1 .. 250 + 10 × 12 heads (January 2024 is the 25th month).
    let heads = 0;
    for (let m = 25; m <= 36; m++) heads += 10 * m;
    expect(r.actualTotal).toBeCloseTo(monthly(heads), 6);
  });

  it("projects next year as the business will do it: 370 to 480 heads a month", () => {
    let heads = 0;
    for (let m = 37; m <= 48; m++) heads += 10 * m;
    expect(r.nextTotal / monthly(heads) - 1).toBeLessThan(0.01);
    expect(r.nextTotal / monthly(heads) - 1).toBeGreaterThan(-0.01);
  });

  it("attributes the growth to the intake and to the members the year ended with, not to migration", () => {
    const c = r.causes;
    // A year of 10 new customers a month, at the year's spend per member: 10 × (1 + … + 12) heads.
    expect(c.intake / monthly(10 * 78) - 1).toBeLessThan(0.01);
    expect(c.intake / monthly(10 * 78) - 1).toBeGreaterThan(-0.01);
    // The members now (360) against the year's average (305) over 12 months.
    expect(c.membersNow / monthly(12 * (360 - 305)) - 1).toBeLessThan(0.01);
    expect(Math.abs(c.migration)).toBeLessThan(0.001 * r.actualTotal);
    expect(c.spendPerMember).toBe(0);
    expect(Math.abs(c.seasonality)).toBeLessThan(0.01 * r.actualTotal);
  });
});

describe("reconciliation of a seasonal business (the flat one, buying three times as much in December)", () => {
  // As of the end of December: the last month is the peak, as for a retailer after Christmas.
  const seasonal = analyse({
    from: [2019, 1],
    joiningMonths: 72,
    intake: 10,
    life: 24,
    to: [2024, 12],
    december: 3,
  });
  const r = seasonal.reconciliation;
  const index = seasonal.baseline.seasonality.index;

  it("measures the peak in the index: December 3 × an ordinary month, the year's mean 1", () => {
    // A year is 11 ordinary months and one of 3: mean 14/12. December (the 12th period ahead) 36/14.
    expect(index[11]).toBeCloseTo(36 / 14, 6);
    for (const s of index.slice(0, 11)) expect(s).toBeCloseTo(12 / 14, 6);
  });

  it("does not carry the peak into the level: the next 12 months equal the last 12 within 1 %", () => {
    expect(Math.abs(r.nextTotal / r.actualTotal - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.causes.seasonality)).toBeLessThan(0.01 * r.actualTotal);
  });

  it("projects each month at its season: January ordinary, December three times as much", () => {
    const month = (t: number) =>
      noChangeRevenue(seasonal.baseline, t).reduce((a, b) => a + b, 0) -
      noChangeRevenue(seasonal.baseline, t - 1).reduce((a, b) => a + b, 0);
    expect(month(1) / monthly(240) - 1).toBeCloseTo(0, 2);
    expect(month(12) / (3 * monthly(240)) - 1).toBeCloseTo(0, 2);
  });

  it("with quarterly periods too: the fourth quarter holds the peak", () => {
    const quarterly = analyse(
      { from: [2019, 1], joiningMonths: 72, intake: 10, life: 24, to: [2024, 12], december: 3 },
      3,
    );
    // A quarter of ordinary months is 3/14 of the year, the fourth 5/14: index 12/14 and 20/14.
    expect(quarterly.baseline.seasonality.index.map((s) => Number(s.toFixed(6)))).toEqual(
      [12 / 14, 12 / 14, 12 / 14, 20 / 14].map((s) => Number(s.toFixed(6))),
    );
    expect(
      Math.abs(quarterly.reconciliation.nextTotal / quarterly.reconciliation.actualTotal - 1),
    ).toBeLessThan(0.01);
  });
});

describe("the backtest split of a business whose customers buy only in their first 3 months", () => {
  // Steady: every month 10 customers join and buy that month and the next two, so 30 buy each month and
  // 120 hold a tier (the 12-month window keeps them in it for a year after their last purchase).
  const shortLived = analyse({ from: [2019, 1], joiningMonths: 72, intake: 10, life: 3, to: [2024, 12] });
  const r = shortLived.reconciliation;
  if (!("asOf" in r.backtest)) throw new Error("a backtest was expected");
  const { error, split, projectedTotal } = r.backtest;

  it("gives each group what it spent in 2024, worked out from how the business is made", () => {
    // The cohorts of January to October 2024 buy 3 months each in 2024, November's 2, December's 1.
    expect(split.joined.actual).toBeCloseTo(monthly(10 * (10 * 3 + 2 + 1)), 6);
    expect(split.joined.actualCount).toBe(120);
    expect(split.joined.projectedCount).toBeCloseTo(120, 9);
    // Of the customers of 2023 only November's cohort (January) and December's (January, February) buy.
    expect(split.existing.actual).toBeCloseTo(monthly(10 * 3), 6);
    expect(split.existing.actual + split.joined.actual).toBeCloseTo(r.actualTotal, 6);
    expect(split.existing.projected + split.joined.projected).toBeCloseTo(projectedTotal, 6);
  });

  it("shows the two errors that cancel in the total when customers buy for less than the 6 months of 'new'", () => {
    // A stationary business: the total is right (within 1 %) ...
    expect(Math.abs(error)).toBeLessThan(0.01);
    // ... but the 60 members new a year before (joined in its last 6 months) keep the new members' spend
    // while they leave that state at 1/6 a month (Σ (5/6)^t over 12 months ≈ 4.4 months of spend of 30
    // buyers in 60, against 3 months of 10 buyers), and the year's new members leave it as fast while
    // they buy in their first 3 months only: far too much to the first, too little to the second. A chain
    // knows a member's tenure band, not their age in it: the limit of the model, measured here.
    expect(split.existing.error).toBeGreaterThan(1);
    expect(split.joined.error).toBeLessThan(-0.25);
  });
});

describe("a cohort that ages: new members buy at full price for 6 months, then a quarter as much", () => {
  // 10 customers join every month from January 2022 and buy every month from then on; from their 7th
  // month each buys a quarter of what they bought at first. The 5,000 buyers stay Gold (1,250 a month is
  // 15,000 a year), the others Member: nobody moves or lapses, only tenure changes what a member spends.
  const aging = analyse({
    from: [2022, 1],
    joiningMonths: 36,
    intake: 10,
    life: Infinity,
    to: [2024, 12],
    settled: 0.25,
  });
  const r = aging.reconciliation;
  const backtest = r.backtest;
  if (!("asOf" in backtest)) throw new Error("a backtest was expected");
  const { split } = backtest;
  // What month m (0 = January 2022) of the data sells: cohort c buys 1,526 a head of 10 (monthly(10)) at
  // full price in ages 0 to 5, a quarter of it from age 6.
  const sold = (m: number) => {
    let total = 0;
    for (let c = 0; c <= m; c++) total += monthly(10) * (m - c < 6 ? 1 : 0.25);
    return total;
  };
  // In 2024 (months 24..35): the customers of a year before (cohorts 0..23) and the year's new (24..35).
  const soldBy = (m: number, cohorts: (c: number) => boolean) => {
    let total = 0;
    for (let c = 0; c <= m; c++) if (cohorts(c)) total += monthly(10) * (m - c < 6 ? 1 : 0.25);
    return total;
  };
  const months2024 = Array.from({ length: 12 }, (_, j) => 24 + j);
  const existing = months2024.reduce((a, m) => a + soldBy(m, (c) => c < 24), 0);
  const joined = months2024.reduce((a, m) => a + soldBy(m, (c) => c >= 24), 0);

  it("sold in 2024 what the construction says, to the customers of a year before and to the new ones", () => {
    expect(r.actualTotal).toBeCloseTo(
      months2024.reduce((a, m) => a + sold(m), 0),
      6,
    );
    expect(split.existing.actual).toBeCloseTo(existing, 6);
    expect(split.joined.actual).toBeCloseTo(joined, 6);
  });

  it("the tenure chain's backtest is right in total (within 1 %) and close for each group (within 11 %)", () => {
    expect(Math.abs(backtest.error)).toBeLessThan(0.01);
    // Not exact per group: in a chain a member leaves the "new" state at 1/6 a month whatever their age in
    // it, where a real one leaves it after exactly 6 months; the members new a year before are carried a
    // little too long (Σ 60 (5/6)^t ≈ 266 head-months against 150), the year's new ones a little too short.
    expect(Math.abs(split.existing.error)).toBeLessThan(0.11);
    expect(Math.abs(split.joined.error)).toBeLessThan(0.11);
  });

  it("a chain of tiers without tenure is measurably wrong: the same baseline, one spend per tier", () => {
    // Worked out from the backtest's baseline (as of December 2023) with the tiers alone: nobody moves, so
    // the members of a tier stay, and every member of a tier spends the tier's pooled average w_i; the
    // new members (10 a month) join as the entry split says. Seasonal index σ_t as the baseline has it.
    const before = projectionBaseline(aging.days, evaluateTiers(aging.days, PROGRAM, backtest.asOf), {
      periodMonths: 1,
    });
    const w = before.spendPerMember;
    const season = before.seasonality.index;
    let memorylessExisting = 0;
    let memorylessJoined = 0;
    for (let t = 1; t <= 12; t++) {
      for (let i = 0; i < before.tierCount; i++) {
        memorylessExisting += before.members[i] * w[i] * season[t - 1];
        memorylessJoined += 10 * t * before.entrySplit[i] * w[i] * season[t - 1];
      }
    }
    // The members of a year before are all given the tier's average, which newcomers' spend raises, for
    // a whole year (+71 % here); the new ones the average, which the settled members' lower (−35 %); the
    // total is 25 % too high: errors the tenure chain does not make.
    const total = (memorylessExisting + memorylessJoined) / (existing + joined) - 1;
    expect(memorylessExisting / existing - 1).toBeGreaterThan(0.6);
    expect(memorylessJoined / joined - 1).toBeLessThan(-0.3);
    expect(total).toBeGreaterThan(0.2);
  });
});

describe("reconciliation with a short history", () => {
  it("averages over the whole history, says so, and makes no backtest", () => {
    const young = analyse({ from: [2024, 5], joiningMonths: 8, intake: 10, life: Infinity, to: [2024, 12] });
    expect(young.baseline.window).toEqual({ yearPeriods: 12, periods: 8, historyMonths: 8 });
    expect(young.reconciliation.partialYear).toBe(true);
    expect(young.reconciliation.backtest).toEqual({ reason: "shortHistory", months: 8, needed: 13 });
    expect(young.baseline.seasonality.status).toBe("tooLittleHistory");
  });
});
