/**
 * The `=LOYALTY.*` functions given the columns of a customer summary (what `loyalty sql` returns, pasted
 * into a sheet: issue 23) instead of order lines: the hand-written summary of test/taskpane/hand-summary.ts
 * (three customers as of 2024-03-31, in weeks), each result worked out by hand below.
 */
import { pAlive } from "../../../src/functions/catalogue/predictions";
import { rfm } from "../../../src/functions/catalogue/rfm";
import { tier } from "../../../src/functions/catalogue/tiers";
import { HAND_SUMMARY } from "../../taskpane/hand-summary";

/** The summary's column `name` as the range Excel passes (one row per customer). */
function range(name: string): unknown[][] {
  const c = HAND_SUMMARY.headers.indexOf(name);
  expect(c).toBeGreaterThanOrEqual(0);
  return HAND_SUMMARY.rows.map((row) => [row[c]]);
}

describe("the functions on a customer summary's columns (A, B, C)", () => {
  it("LOYALTY.RFM(recency_days, orders, spend, 3): each customer alone in its third", () => {
    // Recency 30, 45, 0 days: C is the most recent (3), then A (2), B (1). Orders 3, 1, 2: A 3, C 2, B 1.
    // Spend 150, 80, 99.5: A 3, C 2, B 1.
    const scores = rfm(range("recency_days"), range("orders"), range("spend"), 3);
    expect(scores).toEqual([
      [2, 3, 3, "233"],
      [1, 1, 1, "111"],
      [3, 2, 2, "322"],
    ]);
  });

  it("LOYALTY.TIER(window_spend, {100;50}, {Gold;Silver;Member}, window_purchase_days)", () => {
    // Window spend 150, 80, 99.5 against Gold from 100 and Silver from 50; every customer bought in the window.
    const tiers = tier(
      range("window_spend"),
      [[100], [50]],
      [["Gold"], ["Silver"], ["Member"]],
      range("window_purchase_days"),
    );
    expect(tiers).toEqual([["Gold"], ["Silver"], ["Silver"]]);
  });

  it("LOYALTY.PALIVE(BG/NBD row, frequency, recency, T)", () => {
    // BG/NBD P(alive) = 1 / (1 + a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)) for x > 0, 1 for x = 0
    // (Fader, Hardie and Lee 2005, eq. 11), with r = 0.25, α = 4, a = 0.8, b = 2.4:
    // A: x 2, t_x 60/7, T 90/7; B: x 0; C: x 1, t_x = T = 295/7 (its last purchase is the as-of date).
    const [r, alpha, a, b] = [0.25, 4, 0.8, 2.4];
    const byHand = (x: number, tx: number, T: number) =>
      x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
    const got = pAlive([["BG/NBD", r, alpha, a, b]], range("frequency"), range("recency"), range("T"));
    const want = [byHand(2, 60 / 7, 90 / 7), 1, byHand(1, 295 / 7, 295 / 7)];
    got.forEach(([p], i) => expect(p as number).toBeCloseTo(want[i], 10));
    // C bought on the as-of date: the ratio is 1, so P(alive) = 1 / (1 + a / b).
    expect(want[2]).toBeCloseTo(1 / (1 + 0.8 / 2.4), 12);
  });
});
