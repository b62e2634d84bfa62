/**
 * The DuckDB session's numeric stream (src/cli/duckdb/session.ts), which hands the report's purchase days
 * to the engine: every row once, in the query's order, as typed arrays across DuckDB's chunks (2,048 rows
 * each), and a clear refusal of a column that is not INTEGER or DOUBLE.
 */
import { openDuckDb } from "../../src/cli/duckdb/session";

it("streams INTEGER and DOUBLE columns as typed arrays, every row once and in order", async () => {
  const db = await openDuckDb();
  try {
    const ids: number[] = [];
    let sum = 0;
    let chunks = 0;
    // 5,000 rows: several chunks. Row k holds k and k / 4 (exact in binary, so the sum is exact too).
    await db.streamNumbers(
      "SELECT CAST(range AS INTEGER) AS k, range / 4 AS quarter FROM range(5000) ORDER BY range",
      ([k, quarter], n) => {
        chunks++;
        expect(Object.prototype.toString.call(k)).toBe("[object Int32Array]");
        expect(Object.prototype.toString.call(quarter)).toBe("[object Float64Array]");
        for (let i = 0; i < n; i++) {
          ids.push(k[i]);
          sum += quarter[i];
        }
      },
    );
    expect(chunks).toBeGreaterThan(1);
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, k) => k));
    // Σ k/4 for k < 5000 = 4999 × 5000 / 8.
    expect(sum).toBe((4999 * 5000) / 8);
  } finally {
    db.close();
  }
});

it("refuses a column that is not INTEGER or DOUBLE, naming it", async () => {
  const db = await openDuckDb();
  try {
    await expect(db.streamNumbers("SELECT 1 AS a, 'x' AS b", () => undefined)).rejects.toThrow(
      "streamNumbers: column 2 is not INTEGER or DOUBLE",
    );
  } finally {
    db.close();
  }
});
