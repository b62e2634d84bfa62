import fc from "fast-check";
import { cdnowSampleTable } from "../../helpers/test-data";
import { readOrderTable } from "../../../src/engine/data/read-orders";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { summarizeCustomers } from "../../../src/engine/summary/customer-summary";
import { scoreRfm } from "../../../src/engine/rfm/rfm-scores";
import { assignRfmSegments, assignValueBands } from "../../../src/engine/rfm/segments";
import { ONE_EIGHT_ONE, RFM_11_SEGMENTS } from "../../../src/engine/rfm/segment-schemes";
import { paretoCurve, paretoTable, summarizeSegments } from "../../../src/engine/rfm/segment-summary";

describe("paretoTable", () => {
  it("gives the revenue share of the top customers", () => {
    const rows = paretoTable([5, 50, 10, 30, 5]);
    expect(rows.map((r) => [r.topShare, r.customers, r.revenueShare])).toEqual([
      [0.01, 1, 0.5],
      [0.05, 1, 0.5],
      [0.1, 1, 0.5],
      [0.2, 1, 0.5],
      [0.5, 3, 0.9],
    ]);
  });

  it("never decreases with the share and reaches 100 % with everyone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (v) => {
          const rows = paretoTable(v, [0.1, 0.2, 0.5, 1]);
          for (let i = 1; i < rows.length; i++)
            expect(rows[i].revenue).toBeGreaterThanOrEqual(rows[i - 1].revenue);
          if (rows[3].revenue > 0) expect(rows[3].revenueShare).toBeCloseTo(1, 12);
          // The top share is at least its share of customers: the best customers come first.
          for (const r of rows)
            if (r.revenue > 0) expect(r.revenueShare).toBeGreaterThanOrEqual(r.customers / v.length - 1e-12);
        },
      ),
    );
  });

  it("draws the curve from (0, 0) to (1, 1)", () => {
    const c = paretoCurve([1, 2, 3, 4], 4);
    expect(Array.from(c.customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(c.revenueShare)).toEqual([0, 0.4, 0.7, 0.9, 1]);
  });
});

describe("segments of the CDNOW customers", () => {
  const read = readOrderTable(cdnowSampleTable(), {
    columns: { customerId: "sampleid" },
    duplicates: "keep",
  });
  const summary = summarizeCustomers(purchaseDaysOf(read.orders), { asOf: read.asOf });
  const scores = scoreRfm(summary);

  it("counts every customer once and every dollar once", () => {
    for (const assignment of [
      assignRfmSegments(scores, RFM_11_SEGMENTS),
      assignValueBands(summary.spend, ONE_EIGHT_ONE),
    ]) {
      const rows = summarizeSegments(assignment, summary, scores);
      expect(rows.reduce((a, r) => a + r.customers, 0)).toBe(2357);
      expect(rows.reduce((a, r) => a + r.customerShare, 0)).toBeCloseTo(1, 12);
      expect(rows.reduce((a, r) => a + r.revenue, 0)).toBeCloseTo(244091.94, 6);
      expect(rows.reduce((a, r) => a + r.revenueShare, 0)).toBeCloseTo(1, 12);
    }
  });

  it("puts the 1-8-1 top tenth's revenue share above its customer share, as the rule expects", () => {
    const rows = summarizeSegments(assignValueBands(summary.spend, ONE_EIGHT_ONE), summary, scores);
    expect(rows[0].customerShare).toBeCloseTo(0.1, 2); // ties at the boundary join the top
    expect(rows[0].revenueShare).toBeGreaterThan(0.3);
    expect(rows[0].meanSpend).toBeGreaterThan(rows[1].meanSpend);
    expect(rows[1].meanSpend).toBeGreaterThan(rows[2].meanSpend);
  });

  it("gives champions better mean scores than lost customers", () => {
    const rows = summarizeSegments(assignRfmSegments(scores, RFM_11_SEGMENTS), summary, scores);
    const champions = rows.find((r) => r.key === "champions");
    const lost = rows.find((r) => r.key === "lost");
    expect(champions?.meanR).toBeGreaterThan(lost?.meanR ?? Infinity);
    expect(champions?.meanSpend).toBeGreaterThan(lost?.meanSpend ?? Infinity);
  });
});
