import { oneMinusHOverB, oneMinusHOverBAt } from "../../../src/engine/models/betageo-expectation";
import { hyp2f1 } from "../../../src/engine/math/hyp2f1";

describe("(1 - H)/B of the BG/NBD and MBG/NBD expectations at several horizons at once", () => {
  // (a1, b1, c) of a BG/NBD customer with x repeat purchases: (r + x, b + x, a + b + x - 1), r, a, b as
  // published for CDNOW; the last one has A = c - a1 ≤ -5 (r far above a + b), the direct-series branch.
  const cases: [string, number, number, number][] = [
    ["x = 0", 0.2426, 2.4262, 0.793 + 2.4262 - 1],
    ["x = 7", 7.2426, 9.4262, 7.793 + 2.4262 - 1],
    ["x = 300", 300.2426, 302.4262, 300.793 + 2.4262 - 1],
    ["a = 1 (B = 0)", 2.3, 3.5, 3.5],
    ["A ≤ -5", 12, 2, 1.5],
  ];
  const horizons = [0, -1, 1e-9, 0.5, 4.345, 13, 52, 520, 5200];

  it.each(cases)("equals one horizon at a time, value for value (%s)", (_, a1, b1, c) => {
    const s = 4.4137 + 38.86;
    const out = new Float64Array(horizons.length);
    oneMinusHOverBAt(a1, b1, c, s, horizons, out);
    horizons.forEach((t, k) => {
      expect(out[k]).toBe(t > 0 ? oneMinusHOverB(a1, b1, c, s, t) : 0);
    });
  });

  it("agrees with the published form (1 - (1-z)^a1 2F1(a1, b1; c; z)) / (c - b1)", () => {
    for (const [, a1, b1, c] of cases.slice(0, 2)) {
      const s = 4.4137 + 38.86;
      const out = new Float64Array(3);
      const ts = [1, 13, 52];
      oneMinusHOverBAt(a1, b1, c, s, ts, out);
      ts.forEach((t, k) => {
        const z = t / (s + t);
        const published = (1 - (1 - z) ** a1 * hyp2f1(a1, b1, c, z)) / (c - b1);
        expect(Math.abs(out[k] - published)).toBeLessThan(1e-12 * Math.abs(published));
      });
    }
  });
});
