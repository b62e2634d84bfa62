import fc from "fast-check";
import { purchaseDaysFromLines, type Line } from "../../helpers/orders";
import { dayFromYmd, formatDay } from "../../../src/engine/data/days";
import { evaluateTiers } from "../../../src/engine/tiers/evaluate";
import { migrationMatrix, tierChanges } from "../../../src/engine/tiers/migration";
import { demotionRisks, upgradeCandidates } from "../../../src/engine/tiers/candidates";
import type { TierProgram } from "../../../src/engine/tiers/program";

const PROGRAM: TierProgram = {
  tiers: [
    { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 1000, minPurchaseDays: 10 },
    { key: "silver", name: "Silver", nameZh: "白银", minSpend: 500 },
    { key: "member", name: "Member", nameZh: "普通会员" },
  ],
  window: { kind: "rolling", months: 12 },
};

const monthly = (customer: string, year: number, months: number, amount: number): Line[] =>
  Array.from({ length: months }, (_, m) => [
    customer,
    `${year}-${String(m + 1).padStart(2, "0")}-15`,
    amount,
  ]);

/** One customer per kind of movement from the review of 2023-12-31 to the one of 2024-12-31. */
const LINES: Line[] = [
  ["A", "2023-05-01", 100], // Member -> Gold
  ["A", "2024-03-01", 600],
  ["A", "2024-09-01", 600],
  ["B", "2023-02-01", 1500], // Gold -> Silver
  ["B", "2024-02-01", 600],
  ["C", "2023-04-01", 700], // Silver -> lapsed
  ["D", "2024-06-01", 300], // new -> Member
  ["E", "2022-06-01", 100], // lapsed -> Silver
  ["E", "2024-06-01", 550],
  ...monthly("F", 2024, 12, 10), // new -> Gold by 12 purchase days
  ["G", "2023-06-01", 600], // Silver -> Member
  ["G", "2024-06-01", 450],
  ["H", "2023-01-10", 200], // Member -> Silver, 100 short of Gold
  ["H", "2024-10-01", 900],
];
const DAYS = purchaseDaysFromLines(LINES);
const AS_OF = dayFromYmd(2024, 12, 31);
const name = (e: ReturnType<typeof evaluateTiers>, level: number) =>
  level === e.notYetLevel ? "new" : e.categories[level].name;
const byCustomer = (e: ReturnType<typeof evaluateTiers>, levels: Uint8Array) =>
  Object.fromEntries(DAYS.customerIds.map((id, c) => [id, name(e, levels[c])]));

describe("evaluateTiers on a worked example (rolling 12 months, yearly reviews)", () => {
  const e = evaluateTiers(DAYS, PROGRAM, AS_OF);

  it("places every customer now and at the previous review", () => {
    expect(formatDay(e.previousReview)).toBe("2023-12-31");
    expect(formatDay(e.nextReview)).toBe("2025-12-31");
    expect(byCustomer(e, e.current)).toEqual({
      A: "Gold",
      B: "Silver",
      C: "Lapsed",
      D: "Member",
      E: "Silver",
      F: "Gold",
      G: "Member",
      H: "Silver",
    });
    expect(byCustomer(e, e.previous)).toEqual({
      A: "Member",
      B: "Gold",
      C: "Silver",
      D: "new",
      E: "Lapsed",
      F: "new",
      G: "Silver",
      H: "Member",
    });
    expect(Array.from(e.counts)).toEqual([2, 3, 2, 1]);
    expect(Array.from(e.previousCounts)).toEqual([1, 2, 2, 1]);
    expect(e.thresholdsDerived).toBe(false);
  });

  it("builds the migration matrix with new and lapsed members, rows summing to the previous counts", () => {
    const m = migrationMatrix(e);
    expect(m.rows.map((r) => r.name)).toEqual(["Gold", "Silver", "Member", "Lapsed", "New"]);
    expect(m.columns.map((c) => c.name)).toEqual(["Gold", "Silver", "Member", "Lapsed"]);
    expect(m.counts).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 1],
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 1, 0],
    ]);
    expect(m.rowTotals).toEqual([...Array.from(e.previousCounts), 2]);
    expect(m.columnTotals).toEqual(Array.from(e.counts));
    expect(m.rates[1]).toEqual([0, 0, 0.5, 0.5]);
  });

  it("lists promotions, demotions, lapses, reactivations and new members", () => {
    const ids = (list: Int32Array) => Array.from(list, (c) => DAYS.customerIds[c]);
    const changes = tierChanges(e);
    expect(ids(changes.promoted)).toEqual(["A", "H"]);
    expect(ids(changes.demoted)).toEqual(["B", "G"]);
    expect(ids(changes.lapsed)).toEqual(["C"]);
    expect(ids(changes.reactivated)).toEqual(["E"]);
    expect(ids(changes.joined)).toEqual(["D", "F"]);
  });

  it("finds the members within 20 % of the next tier, the closest first", () => {
    const candidates = upgradeCandidates(e);
    expect(
      candidates.map((c) => [DAYS.customerIds[c.customer], name(e, c.targetLevel), c.spendGap, c.gapShare]),
    ).toEqual([
      ["H", "Gold", 100, 0.1],
      ["G", "Silver", 50, 0.1],
    ]);
    expect(candidates[0].purchaseDaysGap).toBe(9);
    expect(candidates[0].purchaseDaysGapShare).toBe(0.9);
    expect(upgradeCandidates(e, { maxGapShare: 0.5 }).length).toBe(5);
  });
});

describe("the grace rule", () => {
  const e = evaluateTiers(DAYS, { ...PROGRAM, demoteAfterPeriods: 2 }, AS_OF);

  it("keeps a tier through one review below it", () => {
    expect(byCustomer(e, e.current)).toMatchObject({ B: "Gold", C: "Silver", G: "Silver", A: "Gold" });
    expect(byCustomer(e, e.qualified)).toMatchObject({ B: "Silver", C: "Lapsed", G: "Member" });
    expect(e.reviewsBelow[DAYS.customerIds.indexOf("B")]).toBe(1);
    expect(e.reviewsBelow[DAYS.customerIds.indexOf("A")]).toBe(0);
  });
});

describe("demotion risk with quarterly reviews of a rolling 12-month window", () => {
  const program: TierProgram = { ...PROGRAM, reviewEveryMonths: 3 };
  const e = evaluateTiers(DAYS, program, AS_OF);
  const risks = demotionRisks(e, DAYS);

  it("lists the members whose purchases still counting at the next review fall short of their tier", () => {
    expect(formatDay(e.nextReview)).toBe("2025-03-31");
    expect(risks.map((r) => [DAYS.customerIds[r.customer], name(e, r.level)])).toEqual([
      ["A", "Gold"],
      ["F", "Gold"],
      ["B", "Silver"],
    ]);
    const [a, f] = risks;
    expect([a.retainedSpend, a.spendNeeded, a.purchaseDaysNeeded]).toEqual([600, 400, 9]);
    expect([f.retainedPurchaseDays, f.purchaseDaysNeeded, f.spendNeeded]).toEqual([9, 1, 910]);
    expect(risks.every((r) => r.demotedAtNextReview)).toBe(true);
  });

  it("says when grace still protects a member", () => {
    const withGrace = demotionRisks(evaluateTiers(DAYS, { ...program, demoteAfterPeriods: 2 }, AS_OF), DAYS);
    expect(withGrace.find((r) => DAYS.customerIds[r.customer] === "A")?.demotedAtNextReview).toBe(false);
  });
});

describe("calendar-year windows", () => {
  it("qualify on the year to date and look back at year ends", () => {
    const e = evaluateTiers(DAYS, { ...PROGRAM, window: { kind: "calendarYear" } }, dayFromYmd(2024, 6, 30));
    expect(formatDay(e.previousReview)).toBe("2023-12-31");
    expect(formatDay(e.nextReview)).toBe("2024-12-31");
    expect(byCustomer(e, e.qualified)).toMatchObject({ A: "Silver", F: "Member", B: "Silver" });
  });
});

describe("thresholds derived from the data", () => {
  it("are used when the program gives none", () => {
    const e = evaluateTiers(
      DAYS,
      {
        tiers: PROGRAM.tiers.map(({ key, name, nameZh }) => ({ key, name, nameZh })),
        window: { kind: "rolling", months: 12 },
        deriveShares: [0.2, 0.3],
      },
      AS_OF,
    );
    expect(e.thresholdsDerived).toBe(true);
    // Active spends in 2024: 1200, 900, 600, 550, 450, 300, 120 (F): top 20 % -> 900, top 50 % -> 550.
    expect(e.program.tiers.map((t) => t.minSpend)).toEqual([900, 500, undefined]);
  });
});

describe("tier evaluation invariants on random histories", () => {
  const history = fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 1460 }),
      fc.integer({ min: -50, max: 900 }),
    ),
    { minLength: 1, maxLength: 80 },
  );
  const program = fc.record({
    gold: fc.integer({ min: 600, max: 3000 }),
    silver: fc.integer({ min: 0, max: 599 }),
    days: fc.integer({ min: 1, max: 6 }),
    require: fc.constantFrom<"either" | "both">("either", "both"),
    months: fc.integer({ min: 1, max: 24 }),
    review: fc.integer({ min: 1, max: 12 }),
    grace: fc.integer({ min: 1, max: 3 }),
  });

  it("sum migration rows to the previous counts and columns to the current ones; grace only keeps tiers", () => {
    fc.assert(
      fc.property(history, program, (lines, p) => {
        const start = dayFromYmd(2021, 1, 1);
        const days = purchaseDaysFromLines(
          lines.map(([c, d, a]) => [`C${c}`, formatDay(start + d), a === 0 ? 1 : a] as Line),
        );
        const e = evaluateTiers(
          days,
          {
            tiers: [
              {
                key: "gold",
                name: "Gold",
                nameZh: "",
                minSpend: p.gold,
                minPurchaseDays: p.days,
                require: p.require,
              },
              { key: "silver", name: "Silver", nameZh: "", minSpend: p.silver },
              { key: "member", name: "Member", nameZh: "" },
            ],
            window: { kind: "rolling", months: p.months },
            reviewEveryMonths: p.review,
            demoteAfterPeriods: p.grace,
          },
          start + 1460,
        );
        const m = migrationMatrix(e);
        const newCount = Array.from(e.previous).filter(
          (l, c) => l === e.notYetLevel && e.current[c] !== e.notYetLevel,
        ).length;
        expect(m.rowTotals).toEqual([...Array.from(e.previousCounts), newCount]);
        expect(m.columnTotals).toEqual(Array.from(e.counts));
        for (let c = 0; c < e.current.length; c++) {
          expect(e.current[c]).toBeLessThanOrEqual(e.qualified[c]);
          if (p.grace === 1) expect(e.current[c]).toBe(e.qualified[c]);
        }
        const changes = tierChanges(e);
        const all = [
          changes.promoted,
          changes.demoted,
          changes.lapsed,
          changes.reactivated,
          changes.joined,
        ].flatMap((l) => Array.from(l));
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 80 },
    );
  });
});
