/**
 * Whatever Excel passes, every registered function returns values or error values: never a thrown
 * exception, never an empty or ragged array, never NaN or undefined in a cell.
 */
import fc from "fast-check";
import * as campaigns from "../../src/functions/catalogue/campaigns";
import * as customers from "../../src/functions/catalogue/customers";
import * as models from "../../src/functions/catalogue/models";
import * as predictions from "../../src/functions/catalogue/predictions";
import * as rfm from "../../src/functions/catalogue/rfm";
import * as tiers from "../../src/functions/catalogue/tiers";
import * as value from "../../src/functions/catalogue/value";
import { excelErrorValue } from "./excel-values";

type CustomFunction = (...args: unknown[]) => unknown[][];

const catalogue = Object.entries({
  ...campaigns,
  ...customers,
  ...models,
  ...predictions,
  ...rfm,
  ...tiers,
  ...value,
}).filter(([, f]) => typeof f === "function") as [string, CustomFunction][];

/** A cell as Excel may pass it. */
const cell = fc.oneof(
  fc.constant(""),
  fc.integer({ min: -5, max: 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom("abc", "12", "80%", "2020-01-05", "BG/NBD", "Gamma-Gamma", "BG/BB", "TRUE", "week", "zh"),
  fc.boolean(),
  fc.constantFrom("#N/A", "#VALUE!", "#REF!").map(excelErrorValue),
);

/** An argument: omitted (null), a scalar, or a range of 1-6 rows and 1-6 columns (a model row, say). */
const argument = fc.oneof(
  fc.constant(null),
  cell,
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    ),
  fc.constant([["BG/NBD", 0.24, 4.4, 0.79, 2.4, -9582]]),
  fc.constant([["Gamma-Gamma", 6.25, 3.74, 15.44]]),
);

function isExcelValue(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string" || typeof v === "boolean") return true;
  return typeof (v as { code?: unknown })?.code === "string";
}

describe("no exception escapes any function", () => {
  it("covers the whole catalogue", () => {
    expect(catalogue.map(([name]) => name).sort()).toEqual(
      expect.arrayContaining(["bgnbd", "clv", "ltv", "pAlive", "rfm", "summary", "tier"]),
    );
  });

  for (const [name, fn] of catalogue) {
    it(`${name} returns a rectangle of Excel values for any arguments`, () => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: fn.length, maxLength: fn.length }), (args) => {
          const result = fn(...args);
          expect(Array.isArray(result) && result.length > 0).toBe(true);
          const width = result[0].length;
          expect(width).toBeGreaterThan(0);
          for (const row of result) {
            expect(row).toHaveLength(width);
            for (const v of row) expect(isExcelValue(v)).toBe(true);
          }
        }),
        { numRuns: 150, seed: 20240601 },
      );
    });
  }
});
