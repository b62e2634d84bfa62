import { bgnbd, paretoNbd } from "../../../src/functions/catalogue/models";
import { expected, pAlive, probPurchases } from "../../../src/functions/catalogue/predictions";
import { cdnowColumns } from "../cdnow-ranges";
import { at, column, errorIn } from "../excel-values";

const cdnow = cdnowColumns();
const bg = bgnbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
const typedBg = [["BG/NBD", 0.243, 4.414, 0.793, 2.426]];

describe("LOYALTY.EXPECTED", () => {
  it("gives E[X(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 for CDNOW customer 1", () => {
    const [[v]] = expected(bg, [[39]], [[2]], [[30.43]], [[38.86]]);
    expect(Math.abs((v as number) - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it("gives the published unconditional E[X(t)] for a column of horizons", () => {
    const r = expected(bg, column(0.1429, 1, 3, 31.8571, 32, 78, 52), null as never);
    const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    published.forEach((v, i) => expect(Math.abs((r[i][0] as number) - v)).toBeLessThan(0.0005 + 1e-9));
    expect(r[6][0] as number).toBeCloseTo(1.444004, 3);
  });

  it("gives customer 1516's E[X(52)] for BG/NBD (25.75659) and Pareto/NBD (25.46)", () => {
    const [[b]] = expected(bg, [[52]], [[26]], [[30.85714]], [[31]]);
    expect(b as number).toBeCloseTo(25.75659, 2);
    const pareto = paretoNbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
    const [[p]] = expected(pareto, [[52]], [[26]], [[30.85714]], [[31]]);
    expect(Math.abs((p as number) - 25.46)).toBeLessThanOrEqual(0.01);
  });

  it("broadcasts one horizon over a column of customers", () => {
    const r = expected(bg, [[39]], cdnow.x.slice(0, 3), cdnow.tx.slice(0, 3), cdnow.T.slice(0, 3));
    expect(r).toHaveLength(3);
    expect(Math.abs((r[0][0] as number) - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it("gives every CDNOW customer the same number for one horizon as for a column of it, bad rows kept", () => {
    const x = [...cdnow.x, ["two"], [3]];
    const tx = [...cdnow.tx, [1], [50]];
    const T = [...cdnow.T, [5], [40]];
    const one = expected(bg, [[39]], x, tx, T);
    const each = expected(
      bg,
      x.map(() => [39]),
      x,
      tx,
      T,
    );
    expect(one).toEqual(each);
    expect(errorIn(one, x.length - 2)?.message).toBe(`x, row ${x.length - 1}: "two" is not a number`);
    expect(errorIn(one, x.length - 1)?.code).toBe("#VALUE!");
    expect(one.slice(0, -2).every(([v]) => typeof v === "number" && v > 0)).toBe(true);
  });

  it("wants x, t_x and T together or not at all", () => {
    expect(errorIn(expected(bg, [[39]], [[2]], null as never, [[38.86]]))?.message).toBe(
      "give x, t_x and T together (a customer's history), or none of them (a new customer)",
    );
  });
});

describe("LOYALTY.PALIVE", () => {
  it("gives customer 1516's P(alive) = 0.9688523 (BG/NBD) and 0.9979 (Pareto/NBD, published parameters)", () => {
    const [[b]] = pAlive(bg, [[26]], [[30.85714]], [[31]]);
    expect(b as number).toBeCloseTo(0.9688523, 3);
    const [[p]] = pAlive([["Pareto/NBD", 0.5534, 10.5802, 0.6061, 11.6562]], [[26]], [[30.85714]], [[31]]);
    expect(Math.abs((p as number) - 0.9979)).toBeLessThanOrEqual(0.001);
  });

  it("is 1 for a customer without repeat purchases and 0 without overflow for an extreme history", () => {
    expect(pAlive(typedBg, column(0, 1000), column(0, 10), column(38.86, 100))).toEqual([[1], [0]]);
  });

  it("stays finite and in [0, 1] on the Pareto/NBD hard cases", () => {
    const r = pAlive(
      [["Pareto/NBD", 0.5143, 2.8845, 0.2856, 14.1087]],
      column(221, 254, 161, 204),
      column(103.42857, 97.14286, 94.71429, 98.57143),
      column(103.57143, 97.28571, 98.0, 99.42857),
    );
    for (const [v] of r) {
      expect(v as number).toBeGreaterThanOrEqual(0);
      expect(v as number).toBeLessThanOrEqual(1);
    }
  });

  it("puts each bad row's #VALUE! in that row, naming the cell, and leaves blank rows blank", () => {
    const r = pAlive(
      typedBg,
      column(2, 3, "", 1),
      column(30, 50, "", 5),
      column(38, 40, "", 10),
      at("", "A2:A5", "B2:B5", "C2:C5"),
    );
    expect(r[0][0]).toBeGreaterThan(0);
    expect(errorIn(r, 1)).toEqual({
      code: "#VALUE!",
      message: "t_x, cell B3: expected 0 ≤ t_x ≤ T (40), got 50",
    });
    expect(r[2][0]).toBe("");
    expect(r[3][0]).toBeGreaterThan(0);
  });

  it("says which models it takes", () => {
    expect(errorIn(pAlive([["Gamma-Gamma", 6.25, 3.74, 15.44]], [[1]], [[1]], [[2]]))?.message).toBe(
      "model is a Gamma-Gamma model; this function needs BG/NBD, Pareto/NBD, MBG/NBD or BG/BB",
    );
    expect(errorIn(pAlive([[0.2, 4, 0.8, 2.4]], [[1]], [[1]], [[2]]))?.message).toMatch(
      /^model must be a model row such as LOYALTY.BGNBD returns/,
    );
  });
});

describe("LOYALTY.PROBPURCHASES", () => {
  it("gives the published P(X(t) = n) of the BG/NBD model", () => {
    const [[p0]] = probPurchases(typedBg, [[39]], [[0]]);
    expect(p0 as number).toBeCloseTo(0.5737864, 6);
    const [[p10]] = probPurchases(typedBg, [[2]], [[10]]);
    expect(Math.abs((p10 as number) / 1.07869e-7 - 1)).toBeLessThan(1e-4);
  });

  it("spills the distribution over a column of n, which sums to about 1", () => {
    const n = Array.from({ length: 60 }, (_, i) => [i]);
    const r = probPurchases(typedBg, [[39]], n);
    // The heavy tail beyond n = 59 holds about 1e-5 of the probability.
    expect(r.reduce((s, [v]) => s + (v as number), 0)).toBeCloseTo(1, 4);
  });

  it("refuses a fractional n in its row, and models other than BG/NBD", () => {
    expect(errorIn(probPurchases(typedBg, [[39]], column(1, 1.5)), 1)?.message).toBe(
      "n, row 2 must be a whole number, not 1.5",
    );
    expect(errorIn(probPurchases([["Pareto/NBD", 0.55, 10.6, 0.61, 11.7]], [[39]], [[1]]))?.message).toBe(
      "model: P(X(t) = n) is available for BG/NBD models only",
    );
  });
});

describe("BG/BB predictions", () => {
  const published = [["BG/BB", 1.203507, 0.7497667, 0.6567568, 2.783887]];

  it("gives Table 6 of Fader-Hardie-Shang: P(alive in 2002) for (x, t_x) = (0, 0), (2, 4), (6, 6)", () => {
    const r = pAlive(published, column(0, 2, 6), column(0, 4, 6), [[6]]);
    [0.11, 0.59, 0.93].forEach((v, i) => expect(Math.abs((r[i][0] as number) - v)).toBeLessThan(0.005));
  });

  it("expects transactions in the next opportunities, and names the row of an impossible history", () => {
    const r = expected(published, [[5]], column(6, 7), column(6, 6), [[6]]);
    expect(r[0][0] as number).toBeGreaterThan(0);
    expect(errorIn(r, 1)).toEqual({
      code: "#VALUE!",
      message: "x, row 2: frequency x = 7 is not a whole number in 0..n (6)",
    });
    expect(errorIn(expected(published, column(2, 2.5), null as never), 1)?.message).toBe(
      "t, row 2: n = 2.5 is not a whole number ≥ 0",
    );
  });
});
