import { bgnbd, gammaGamma } from "../../../src/functions/catalogue/models";
import { avgValue, clv, ltv } from "../../../src/functions/catalogue/value";
import { cdnowColumns } from "../cdnow-ranges";
import { at, column, errorIn } from "../excel-values";

describe("LOYALTY.LTV", () => {
  it("gives the perpetuity m·r/(1+d−r) when periods is left out (Excel passes null)", () => {
    // m = 50 × 4 × 30% = 60 a period; margin multiple 0.8 / (1.12 − 0.8) = 2.5.
    expect(ltv([[50]], [[4]], [["80%"]], [[0.3]], [[0.12]], null as never)).toEqual([[150]]);
  });

  it("sums a finite horizon", () => {
    const [[v]] = ltv([[50]], [[4]], [[0.8]], [[0.5]], [[0.12]], [[3]]);
    expect(v).toBeCloseTo(158.8921, 4);
  });

  it("spills one value per customer and broadcasts the shared rates", () => {
    const r = ltv(column(50, 100, ""), column(4, 2, ""), [[0.8]], [[0.3]], [[0.12]], null as never);
    expect(r).toEqual([[150], [150], [""]]);
  });

  it("gives #VALUE! naming the cell for a retention given as 80 instead of 80%", () => {
    const r = ltv(
      column(50, 60),
      column(4, 4),
      column(0.8, 80),
      [[0.3]],
      [[0.12]],
      null as never,
      at("A2:A3", "B2:B3", "Rates!C2:C3", "D1", "E1", ""),
    );
    expect(r[0][0]).toBeCloseTo(150, 10);
    expect(errorIn(r, 1)).toEqual({
      code: "#VALUE!",
      message: "retention, cell Rates!C3: retention must be between 0 and 1 (80% or 0.8), not 80",
    });
  });

  it("gives #NUM! when the perpetuity has no finite value", () => {
    expect(errorIn(ltv([[50]], [[4]], [[1]], [[0.3]], [[0]], null as never))?.code).toBe("#NUM!");
  });

  it("gives #VALUE! with a message for text, booleans and mismatched ranges", () => {
    expect(errorIn(ltv([["fifty"]], [[4]], [[0.8]], [[0.3]], [[0.1]]))).toEqual({
      code: "#VALUE!",
      message: 'avg_value: "fifty" is not a number',
    });
    expect(errorIn(ltv([[50]], [[true]], [[0.8]], [[0.3]], [[0.1]]))?.message).toBe(
      "purchases_per_period: TRUE is not a number",
    );
    expect(errorIn(ltv(column(1, 2), column(1, 2, 3), [[0.8]], [[0.3]], [[0.1]]))?.message).toMatch(
      /avg_value has 2 rows but purchases_per_period has 3/,
    );
    expect(errorIn(ltv([[50]], [[4]], [[0.8]], [[0.3]], [[0.1]], [[2.5]]))?.message).toBe(
      "periods: periods must be a whole number of 0 or more, not 2.5",
    );
  });
});

describe("LOYALTY.AVGVALUE", () => {
  const gg = [["Gamma-Gamma", 6.25, 3.74, 15.44]];

  it("gives the published E[M | x, m̄] of CDNOW customers 1 to 10, x = 0 rows included", () => {
    const c = cdnowColumns();
    const r = avgValue(gg, c.x.slice(0, 10), c.zbar.slice(0, 10));
    const published = [24.66, 18.92, 35.22, 35.22, 35.22, 71.47, 18.92, 35.22, 27.29, 35.22];
    published.forEach((v, i) => expect(Math.abs((r[i][0] as number) - v)).toBeLessThan(0.1));
  });

  it("gives #NUM! where the mean is infinite, and #VALUE! for a negative value", () => {
    const r = avgValue([["Gamma-Gamma", 6.25, 0.9, 15.44]], column(0, 3), column(0, 20));
    expect(errorIn(r, 0)?.code).toBe("#NUM!");
    expect(typeof r[1][0]).toBe("number");
    expect(errorIn(avgValue(gg, [[2]], [[-5]]))?.message).toBe("mean_value must be at least 0, not -5");
    expect(errorIn(avgValue([["BG/NBD", 1, 2, 3, 4]], [[2]], [[5]]))?.message).toBe(
      "gg_model is a BG/NBD model; this function needs Gamma-Gamma",
    );
  });
});

describe("LOYALTY.CLV", () => {
  const c = cdnowColumns();
  const bg = bgnbd(c.x, c.tx, c.T, null, null);
  const gg = gammaGamma(c.x, c.zbar, null, null);

  it("is E[M] × E[X(39)] for customer 1 without discounting: 24.66 × 1.226 from the published numbers", () => {
    // One step of 39 weeks: period_length 1 (the default is a month, 4.348 weeks).
    const [[v]] = clv(bg, gg, [[2]], [[30.43]], [[38.86]], [[22.35]], 39, 0, null, 1);
    // The published E[M] of customer 1 is 24.66 (±0.1), E[X(39)] is 1.226 (±0.001).
    expect(Math.abs((v as number) - 24.66 * 1.226)).toBeLessThan(0.1 * 1.226 + 0.001 * 24.66);
  });

  it("discounts each period, applies the margin, and steps in periods of the given length", () => {
    const at0 = clv(bg, gg, [[2]], [[30.43]], [[38.86]], [[22.35]], 12, 0, null, 4.345)[0][0] as number;
    const at1 = clv(bg, gg, [[2]], [[30.43]], [[38.86]], [[22.35]], 12, 0.01, 0.3, 4.345)[0][0] as number;
    expect(at1).toBeLessThan(0.3 * at0);
    expect(at1).toBeGreaterThan(0.3 * at0 * Math.pow(1.01, -12));
  });

  it("spills one value per customer, every CDNOW customer at once, blank rows blank", () => {
    const pad = (col: unknown[][]) => [...col, [""]];
    const r = clv(bg, gg, pad(c.x), pad(c.tx), pad(c.T), pad(c.zbar), 52, 0.001, null, null);
    expect(r).toHaveLength(2358);
    expect(r.slice(0, 2357).every(([v]) => typeof v === "number" && v >= 0)).toBe(true);
    expect(r[2357][0]).toBe("");
  });

  it("gives #NUM! to a customer whose mean spend is infinite (q ≤ 1, x = 0) and values to the others", () => {
    const heavy = [["Gamma-Gamma", 6.25, 0.9, 15.44]];
    const r = clv(
      bg,
      heavy,
      column(0, 2),
      column(0, 30.43),
      column(38.86, 38.86),
      column(0, 22.35),
      12,
      0.01,
    );
    expect(errorIn(r, 0)?.code).toBe("#NUM!");
    expect(r[1][0]).toBeGreaterThan(0);
  });

  it("defaults to the report's convention: 12 months of 365.25/12 days, 10 % a year as a monthly rate, margin 1", () => {
    const customer: [unknown[][], unknown[][], unknown[][], unknown[][]] = [
      [[2]],
      [[30.43]],
      [[38.86]],
      [[22.35]],
    ];
    const [[byDefault]] = clv(bg, gg, ...customer, null, null, null, null);
    const monthlyRate = Math.pow(1.1, 1 / 12) - 1;
    const [[spelledOut]] = clv(bg, gg, ...customer, 12, monthlyRate, 1, 365.25 / 12 / 7);
    expect(byDefault).toBeCloseTo(spelledOut as number, 12);
    // lifetimes' month of 4.345 weeks gives a slightly different value: the defaults are not lifetimes'.
    const [[lifetimesMonth]] = clv(bg, gg, ...customer, 12, monthlyRate, 1, 4.345);
    expect(Math.abs((lifetimesMonth as number) / (byDefault as number) - 1)).toBeGreaterThan(1e-5);
  });

  it("says what is wrong with its arguments", () => {
    expect(errorIn(clv(gg, gg, [[2]], [[3]], [[4]], [[5]], 12, 0.01))?.message).toBe(
      "model is a Gamma-Gamma model; this function needs BG/NBD, Pareto/NBD or MBG/NBD",
    );
    expect(errorIn(clv(bg, bg, [[2]], [[3]], [[4]], [[5]], 12, 0.01))?.message).toBe(
      "gg_model is a BG/NBD model; this function needs Gamma-Gamma",
    );
    expect(errorIn(clv(bg, gg, [[2]], [[3]], [[4]], [[5]], 2.5, 0.01))?.message).toBe(
      "horizon must be a whole number, not 2.5",
    );
    expect(errorIn(clv(bg, gg, [[2]], [[3]], [[4]], [[5]], 12, -1))?.message).toMatch(/^discount_rate/);
    expect(
      errorIn(clv(bg, gg, column(2, 2), column(3, 5), column(4, 4), column(5, 5), 12, 0.01), 1)?.message,
    ).toBe("t_x, row 2: expected 0 ≤ t_x ≤ T (4), got 5");
  });
});
