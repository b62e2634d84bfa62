import { dayFromYmd } from "../../../src/engine/data/days";
import { expectedCumulativeRepeatPurchases, holdoutByFrequency } from "../../../src/engine/models/holdout";
import type { TransactionModel } from "../../../src/engine/models/transaction-model";
import { repeatPurchasesPerPeriod } from "../../../src/engine/summary/repeat-purchases";
import { cdnowFromTransactions } from "./cdnow-inputs";

const PNBD: TransactionModel = {
  model: "pnbd",
  params: { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 },
};

describe("model checks on the CDNOW holdout (1997-10-01 .. 1998-06-30, 39 weeks)", () => {
  const { days, summary, inputs } = cdnowFromTransactions();
  const cohortStart = dayFromYmd(1997, 1, 1);

  it("reproduces the published weekly tracking numbers, actual and Pareto/NBD expected, weeks 20..25", () => {
    const actual = repeatPurchasesPerPeriod(days, cohortStart, 7, 78).cumulative;
    expect(Array.from(actual.slice(19, 25))).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
    const firstPurchaseWeeks = Array.from(inputs.customer, (c) => (summary.firstDay[c] - cohortStart) / 7);
    const expected = expectedCumulativeRepeatPurchases(PNBD, firstPurchaseWeeks, 78);
    expect(Array.from(expected.slice(19, 25), Math.round)).toEqual([1309, 1385, 1460, 1533, 1604, 1674]);
    // The curve starts at 0 and only grows.
    expect(expected[0]).toBeGreaterThanOrEqual(0);
    for (let k = 1; k < 78; k++) expect(expected[k]).toBeGreaterThan(expected[k - 1]);
  });

  it("compares predicted and actual holdout purchases by calibration frequency 0..7+", () => {
    const table = holdoutByFrequency(PNBD, { x: inputs.x, tx: inputs.tX, T: inputs.T }, inputs.holdoutX!, 39);
    expect(table.map((r) => r.frequency)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(table.reduce((s, r) => s + r.customers, 0)).toBe(2357);
    expect(table[0].customers).toBe(1411);
    // Σ x* = 1,882 holdout purchase days (README, BTYD's cdnowSummary).
    expect(Math.round(table.reduce((s, r) => s + r.customers * r.actual, 0))).toBe(1882);
    // The model tracks the bins: predictions rise with frequency and stay within 0.25 of the actual means.
    for (let b = 1; b < table.length; b++) expect(table[b].predicted).toBeGreaterThan(table[b - 1].predicted);
    table.forEach((r) => expect(Math.abs(r.predicted - r.actual)).toBeLessThan(0.25));
  });
});
