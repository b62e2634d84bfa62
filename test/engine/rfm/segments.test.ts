import fc from "fast-check";
import {
  FOUR_VALUE_CLASSES,
  ONE_EIGHT_ONE,
  RFM_11_SEGMENTS,
  RFM_8_CLASSES,
  type RfmSegmentScheme,
} from "../../../src/engine/rfm/segment-schemes";
import {
  assignRfmSegments,
  assignValueBands,
  checkRfmScheme,
  checkValueBandScheme,
  rescaleScore,
} from "../../../src/engine/rfm/segments";
import { scoreRfmValues } from "../../../src/engine/rfm/rfm-scores";
import type { RfmScores } from "../../../src/engine/rfm/rfm-scores";

function scoresOf(rows: [number, number, number][], bins = 5): RfmScores {
  return {
    bins,
    r: Uint8Array.from(rows.map((x) => x[0])),
    f: Uint8Array.from(rows.map((x) => x[1])),
    m: Uint8Array.from(rows.map((x) => x[2])),
    total: new Uint8Array(rows.length),
    codes: [],
    breaks: { recency: [], frequency: [], monetary: [] },
  };
}

const segmentKeys = (scheme: RfmSegmentScheme, rows: [number, number, number][], bins = 5) => {
  const a = assignRfmSegments(scoresOf(rows, bins), scheme);
  return Array.from(a.segment, (i) => a.segments[i].key);
};

describe("the bundled segment schemes", () => {
  it.each([RFM_11_SEGMENTS, RFM_8_CLASSES])(
    "$name covers every score combination exactly as written",
    (scheme) => {
      expect(checkRfmScheme(scheme)).toEqual([]);
    },
  );

  it("have 11 and 8 segments, each named in English and Chinese", () => {
    expect(RFM_11_SEGMENTS.segments.map((s) => s.name)).toEqual([
      "Champions",
      "Loyal Customers",
      "Potential Loyalists",
      "New Customers",
      "Promising",
      "Need Attention",
      "About to Sleep",
      "At Risk",
      "Can't Lose Them",
      "Hibernating",
      "Lost",
    ]);
    for (const s of [...RFM_11_SEGMENTS.segments, ...RFM_8_CLASSES.segments])
      expect(s.nameZh).toMatch(/客户$/);
  });

  it.each([ONE_EIGHT_ONE, FOUR_VALUE_CLASSES])("$name has shares adding up to 1", (scheme) => {
    expect(checkValueBandScheme(scheme)).toEqual([]);
  });

  it("place the cells of the 11-segment grid as documented", () => {
    expect(
      segmentKeys(RFM_11_SEGMENTS, [
        [5, 5, 5],
        [5, 1, 1],
        [4, 1, 1],
        [4, 3, 3],
        [4, 2, 2],
        [3, 3, 2],
        [3, 1, 1],
        [2, 5, 5],
        [1, 4, 4],
        [1, 3, 3],
        [2, 1, 1],
        [1, 1, 1],
      ]),
    ).toEqual([
      "champions",
      "newCustomers",
      "promising",
      "loyal",
      "potentialLoyalists",
      "needAttention",
      "aboutToSleep",
      "cantLoseThem",
      "cantLoseThem",
      "atRisk",
      "hibernating",
      "lost",
    ]);
  });

  it("class the 8 Chinese classes by high (4-5) and low (1-3) scores", () => {
    expect(
      segmentKeys(RFM_8_CLASSES, [
        [5, 5, 5],
        [2, 2, 4],
        [4, 1, 1],
      ]),
    ).toEqual(["importantValue", "importantRetain", "generalDevelop"]);
  });
});

describe("checkRfmScheme", () => {
  it("names unknown segments, ranges off the scale and uncovered scores", () => {
    const broken: RfmSegmentScheme = {
      id: "x",
      name: "broken",
      nameZh: "",
      scale: 2,
      segments: [{ key: "a", name: "A", nameZh: "甲" }],
      rules: [
        { segment: "a", r: [2, 2] },
        { segment: "b", r: [1, 3] },
      ],
      fallback: "a",
    };
    const problems = checkRfmScheme(broken);
    expect(problems).toContain('rule 2: "b" is not a segment');
    expect(problems).toContain("rule 2: R range 1..3 is not within 1..2");
    expect(checkRfmScheme({ ...broken, rules: [{ segment: "a", r: [2, 2] }] })).toEqual([
      "no rule for R1 F1 M1",
      "no rule for R1 F1 M2",
      "no rule for R1 F2 M1",
      "no rule for R1 F2 M2",
    ]);
  });
});

describe("assignRfmSegments", () => {
  it("maps scores of other scales onto the scheme's", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => rescaleScore(s, 10, 5))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect([1, 2, 3].map((s) => rescaleScore(s, 3, 5))).toEqual([1, 3, 5]);
    expect(segmentKeys(RFM_11_SEGMENTS, [[10, 10, 10]], 10)).toEqual(["champions"]);
  });

  it("gives every customer exactly one segment: counts add up to the customers", () => {
    const measure = fc.array(fc.tuple(fc.nat(400), fc.nat(20), fc.nat(5000)), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(measure, fc.integer({ min: 2, max: 10 }), (rows, bins) => {
        const scores = scoreRfmValues(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
          bins,
        );
        for (const scheme of [RFM_11_SEGMENTS, RFM_8_CLASSES]) {
          const a = assignRfmSegments(scores, scheme);
          const counts = new Array(a.segments.length).fill(0);
          a.segment.forEach((s) => counts[s]++);
          expect(counts.reduce((x, y) => x + y, 0)).toBe(rows.length);
        }
      }),
    );
  });
});

describe("assignValueBands", () => {
  const keys = (values: number[], scheme = ONE_EIGHT_ONE) => {
    const a = assignValueBands(values, scheme);
    return Array.from(a.segment, (i) => a.segments[i].key);
  };

  it("splits 100 customers 10 / 80 / 10 by the 1-8-1 rule", () => {
    const values = Array.from({ length: 100 }, (_, i) => 1000 - i);
    const k = keys(values);
    expect(k.filter((x) => x === "top").length).toBe(10);
    expect(k.filter((x) => x === "middle").length).toBe(80);
    expect(k.filter((x) => x === "bottom").length).toBe(10);
    expect(k[0]).toBe("top");
    expect(k[99]).toBe("bottom");
  });

  it("splits 5 / 15 / 30 / 50 % into core, important, ordinary and marginal customers", () => {
    const k = keys(
      Array.from({ length: 200 }, (_, i) => i),
      FOUR_VALUE_CLASSES,
    );
    expect(["core", "important", "ordinary", "marginal"].map((b) => k.filter((x) => x === b).length)).toEqual(
      [10, 30, 60, 100],
    );
  });

  it("keeps equal values in one band, the band of their best place", () => {
    expect(keys([5, 5, 5, 5, 5, 5, 5, 5, 5, 9])).toEqual([...new Array(9).fill("middle"), "top"]);
    // Five customers tie for the lowest value: five are above them, so they are all "middle".
    expect(keys([1, 1, 1, 1, 1, 2, 3, 4, 5, 6])).toEqual([...new Array(9).fill("middle"), "top"]);
  });

  it("places every customer by the rule's definition: the share of customers strictly above them", () => {
    // The definition written out plainly (a count over every customer), on values full of ties and NaN.
    const byDefinition = (values: number[], shares: number[]): number[] => {
      const finite = values.filter((v) => !Number.isNaN(v));
      return values.map((v) => {
        if (Number.isNaN(v)) return shares.length - 1;
        const above = finite.filter((w) => w > v).length;
        let band = 0;
        let cumulative = shares[0];
        while (band < shares.length - 1 && above >= cumulative * finite.length - 1e-9)
          cumulative += shares[++band];
        return band;
      });
    };
    const value = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(NaN), fc.double({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        for (const scheme of [ONE_EIGHT_ONE, FOUR_VALUE_CLASSES]) {
          const shares = scheme.bands.map((b) => b.share);
          expect(Array.from(assignValueBands(values, scheme).segment)).toEqual(byDefinition(values, shares));
        }
      }),
      { seed: 23, numRuns: 400 },
    );
  });

  it("rejects shares that do not add up to 1", () => {
    expect(() =>
      assignValueBands([1], { ...ONE_EIGHT_ONE, bands: [{ key: "a", name: "A", nameZh: "", share: 0.5 }] }),
    ).toThrow("1-8-1 rule: the shares add up to 0.5, not 1");
  });
});
