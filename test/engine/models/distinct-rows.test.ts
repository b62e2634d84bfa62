import fc from "fast-check";
import { distinctRows } from "../../../src/engine/models/distinct-rows";

/** The same grouping done the obvious way: a Map keyed by the row's numbers as text. */
function byText(columns: number[][], keep?: (i: number) => boolean) {
  const seen = new Map<string, number>();
  const index: number[] = [];
  const first: number[] = [];
  columns[0].forEach((_, i) => {
    if (keep && !keep(i)) return index.push(-1);
    const key = columns.map((col) => String(col[i])).join("|"); // String(-0) is "0", like Map keys
    if (!seen.has(key)) {
      seen.set(key, first.length);
      first.push(i);
    }
    index.push(seen.get(key)!);
  });
  return { index, first };
}

describe("distinct rows of numeric columns", () => {
  it("numbers rows in order of first appearance; -0 is 0 and NaN is NaN", () => {
    const rows = distinctRows([
      [1, 2, 1, -0, 0, NaN, NaN, 2],
      [5, 5, 5, 3, 3, 1, 1, 6],
    ]);
    expect(Array.from(rows.index)).toEqual([0, 1, 0, 2, 2, 3, 3, 4]);
    expect(Array.from(rows.first)).toEqual([0, 1, 3, 5, 7]);
    expect(rows.count).toBe(5);
  });

  it("leaves out the rows `keep` refuses, without numbering them", () => {
    const rows = distinctRows([[7, 8, 7, 9]], (i) => i !== 0);
    expect(Array.from(rows.index)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(rows.first)).toEqual([1, 2, 3]);
  });

  it("groups any columns exactly as a text-keyed Map does", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.double(),
      fc.constantFrom(0.1, 0.2, -0, 1e-300),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(value, value, value)),
        (width, tuples) => {
          const columns = Array.from({ length: width }, (_, c) => tuples.map((t) => t[c]));
          const keep = (i: number) => i % 5 !== 4;
          const rows = distinctRows(columns, keep);
          const expected = byText(columns, keep);
          expect(Array.from(rows.index)).toEqual(expected.index);
          expect(Array.from(rows.first)).toEqual(expected.first);
        },
      ),
    );
  });

  it("finds the 31,279 distinct rows among 100,000 that repeat with that period", () => {
    const a = Array.from({ length: 100_000 }, (_, i) => i % 31);
    const b = Array.from({ length: 100_000 }, (_, i) => (i % 1009) / 7);
    const rows = distinctRows([a, b]);
    expect(rows.count).toBe(31 * 1009);
    const misplaced = rows.index.findIndex((d, i) => d !== i % (31 * 1009));
    expect(misplaced).toBe(-1);
  });
});
