import { bgbb, bgnbd, gammaGamma, mbgnbd, paretoNbd } from "../../../src/functions/catalogue/models";
import { readTestDataCsv } from "../../helpers/test-data";
import { expectSignificant } from "../../engine/models/tolerance";
import { pAlive } from "../../../src/functions/catalogue/predictions";
import { recentDiagnostics } from "../../../src/functions/excel/diagnostics";
import { modelFits } from "../../../src/functions/models/fitting";
import { cdnowColumns } from "../cdnow-ranges";
import { at, column, errorIn } from "../excel-values";

const cdnow = cdnowColumns();

/** Relative difference, for "4 significant digits". */
const rel = (a: unknown, b: number) => Math.abs((a as number) - b) / Math.abs(b);

describe("LOYALTY.BGNBD", () => {
  it("fits the CDNOW summary to the published parameters and log-likelihood", () => {
    const [row] = bgnbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
    expect(row[0]).toBe("BG/NBD");
    const published = [0.2425982, 4.4136842, 0.7929899, 2.4261667];
    published.forEach((v, i) => expect(rel(row[i + 1], v)).toBeLessThan(5e-4));
    expect(row[5] as number).toBeCloseTo(-9582.429, 2);
  });

  it("puts a label row above the model row on request", () => {
    const r = bgnbd(cdnow.x, cdnow.tx, cdnow.T, null, true);
    expect(r[0]).toEqual(["model", "r", "alpha", "a", "b", "log-likelihood"]);
    expect(r[1][0]).toBe("BG/NBD");
  });

  it("fits once for the same inputs, however many cells ask (the model row nested in 200 PALIVE cells)", () => {
    modelFits.clear();
    for (let i = 0; i < 200; i++) {
      const model = bgnbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
      pAlive(model, [cdnow.x[i]], [cdnow.tx[i]], [cdnow.T[i]]);
    }
    expect(modelFits.stats()).toMatchObject({ misses: 1, hits: 199 });
    bgnbd(cdnow.x, cdnow.tx, cdnow.T, 0.01, null); // another penalty is another fit
    expect(modelFits.stats().misses).toBe(2);
  });

  it("skips blank rows, as SUM does, and fits the same model", () => {
    const pad = (c: unknown[][]) => [...c, [""], [""]];
    const [row] = bgnbd(pad(cdnow.x), pad(cdnow.tx), pad(cdnow.T), null, null);
    expect(rel(row[1], 0.2425982)).toBeLessThan(5e-4);
  });

  it("gives #VALUE! naming the cell for a row the model cannot use", () => {
    const where = at("S!B2:B4", "S!C2:C4", "S!D2:D4", "", "");
    expect(errorIn(bgnbd(column(1, 2, 3), column(5, 50, 6), column(10, 40, 12), null, null, where))).toEqual({
      code: "#VALUE!",
      message: "recency, cell S!C3: expected 0 ≤ t_x ≤ T (40), got 50",
    });
    expect(errorIn(bgnbd(column(1, -2), column(5, 5), column(10, 10), null, null, where))?.message).toBe(
      "frequency, cell S!B3 must be at least 0, not -2".replace(
        " must be at least 0, not -2",
        ": expected a repeat-purchase count ≥ 0, got -2",
      ),
    );
    expect(errorIn(bgnbd(column(1, "two"), column(5, 5), column(10, 10), null, null, where))?.message).toBe(
      'frequency, cell S!B3: "two" is not a number',
    );
    expect(errorIn(bgnbd(column(1, 2), column(5, 5), column(10, 10, 10), null, null))?.message).toMatch(
      /^frequency has 2 rows but T has 3/,
    );
    expect(errorIn(bgnbd(column(""), column(""), column(""), null, null))?.message).toBe(
      "frequency, recency and T hold no customers",
    );
    expect(errorIn(bgnbd(column(1), column(1), column(2), -1, null))?.message).toBe(
      "penalty must be at least 0, not -1",
    );
  });

  it("gives #NUM! when the fit does not converge, and keeps the reason for the task pane", () => {
    const r = bgnbd(column(50, 0), column(1, 0), column(100, 100), null, null);
    expect(errorIn(r)?.code).toBe("#NUM!");
    expect(recentDiagnostics("#NUM!")[0].message).toMatch(/^the BG\/NBD fit did not converge: /);
  });
});

describe("LOYALTY.PARETONBD", () => {
  it("fits the CDNOW summary to the published parameters and log-likelihood", () => {
    const [row] = paretoNbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
    expect(row[0]).toBe("Pareto/NBD");
    // r, alpha, s to 4 significant digits; beta to 0.15 %: the published optimiser stopped on a flat
    // ridge of the likelihood there (see test/engine/models/paretonbd.test.ts), at the same log-likelihood.
    [0.5533971, 10.5801985, 0.6060625].forEach((v, i) => expect(rel(row[i + 1], v)).toBeLessThan(5e-4));
    expect(rel(row[4], 11.6562237)).toBeLessThan(1.5e-3);
    expect(row[5] as number).toBeCloseTo(-9594.976, 2);
  });
});

describe("LOYALTY.MBGNBD", () => {
  it("fits the CDNOW summary to the published parameters (3 decimals)", () => {
    const [row] = mbgnbd(cdnow.x, cdnow.tx, cdnow.T, null, null);
    expect(row[0]).toBe("MBG/NBD");
    [0.525, 6.183, 0.891, 1.614].forEach((v, i) =>
      expect(Math.abs((row[i + 1] as number) - v)).toBeLessThan(5e-4),
    );
  });
});

describe("LOYALTY.GAMMAGAMMA", () => {
  it("fits the 946 repeat buyers of CDNOW to the published p, q, v and log-likelihood", () => {
    const [row] = gammaGamma(cdnow.x, cdnow.zbar, null, null);
    expect(row[0]).toBe("Gamma-Gamma");
    // The file's means are rounded to cents: 3 significant digits, as in the engine's own test.
    [6.25, 3.74, 15.44].forEach((v, i) => expectSignificant(row[i + 1] as number, v, 3));
    expectSignificant(row[4] as number, -4055.9177, 4);
  });

  it("says why it cannot fit customers without repeat purchases", () => {
    expect(errorIn(gammaGamma(column(0, 0), column(0, 0), null, null))).toEqual({
      code: "#VALUE!",
      message: "no customer has repeat purchases with a positive value: the spend model cannot be fitted",
    });
  });
});

describe("LOYALTY.BGBB", () => {
  const donations = readTestDataCsv("donations.csv")
    .slice(1)
    .map((r) => r.map(Number));
  const col = (i: number) => donations.map((r) => [r[i]]);

  it("fits the donations recency/frequency table (with weights) to the published parameters", () => {
    const [row] = bgbb(col(0), col(1), col(2), col(3), null, null);
    expect(row[0]).toBe("BG/BB");
    [1.203507, 0.7497667, 0.6567568, 2.783887].forEach((v, i) =>
      expect(rel(row[i + 1], v)).toBeLessThan(5e-4),
    );
    expect(row[5] as number).toBeCloseTo(-33225.58, 1);
  });

  it("names the cell of an impossible history, found by the engine", () => {
    const r = bgbb(
      column(2, 3),
      column(4, 2),
      column(6, 6),
      null as never,
      null,
      null,
      at("A2:A3", "B2:B3", "C2:C3", ""),
    );
    expect(errorIn(r)).toEqual({
      code: "#VALUE!",
      message: "recency, cell B3: recency t_x = 2 is impossible with frequency x = 3",
    });
  });
});
