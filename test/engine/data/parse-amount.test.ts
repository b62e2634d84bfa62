import fc from "fast-check";
import { explainAmount, parseAmount } from "../../../src/engine/data/parse-amount";

describe("parseAmount", () => {
  it.each([
    ["1234.5", 1234.5],
    ["-12", -12],
    ["¥1,234.50", 1234.5],
    ["￥1,234.50", 1234.5],
    ["$12", 12],
    ["US$ 12.00", 12],
    ["USD 1,000", 1000],
    ["100元", 100],
    ["RMB 88.8", 88.8],
    ["(12.00)", -12],
    ["($1,200.00)", -1200],
    ["12.00-", -12],
    ["-$5", -5],
    ["$-5", -5],
    ["  42  ", 42],
    ["1,234,567.89", 1234567.89],
  ])("reads %p as %p", (text, value) => {
    expect(parseAmount(text)).toBeCloseTo(value, 10);
  });

  it("reads decimal commas only when told", () => {
    expect(parseAmount("1.234,50")).toBeNaN();
    expect(parseAmount("1.234,50", { decimalComma: true })).toBe(1234.5);
    expect(parseAmount("1 234,50 €", { decimalComma: true })).toBe(1234.5);
    expect(parseAmount("12,5", { decimalComma: true })).toBe(12.5);
    expect(parseAmount("1.234", { decimalComma: true })).toBe(1234);
    expect(parseAmount("1,234")).toBe(1234);
  });

  it.each([[""], ["abc"], ["12abc"], ["12,34"], ["1,23,456"], ["(12"], ["1.2.3"], ["--"], ["0x1A"]])(
    "gives NaN for %p",
    (text) => {
      expect(parseAmount(text)).toBeNaN();
    },
  );

  it("keeps numbers and rejects what is not an amount", () => {
    expect(parseAmount(12.5)).toBe(12.5);
    expect(parseAmount(NaN)).toBeNaN();
    expect(parseAmount(Infinity)).toBeNaN();
    expect(parseAmount(true)).toBeNaN();
    expect(parseAmount(null)).toBeNaN();
    expect(parseAmount({ error: "#VALUE!" })).toBeNaN();
    expect(parseAmount(new Date())).toBeNaN();
  });

  it("reads back any amount written with thousands separators and a currency sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        const value = cents / 100;
        const text = `¥${Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
        expect(parseAmount(value < 0 ? `(${text})` : text)).toBeCloseTo(value, 6);
      }),
    );
  });

  it("says why a cell is not an amount", () => {
    expect(explainAmount("")).toBe("blank");
    expect(explainAmount("1.234,50")).toMatch(/decimal comma/);
    expect(explainAmount("n/a")).toBe("not a number");
    expect(explainAmount({ error: "#DIV/0!" })).toBe("error value #DIV/0!");
  });
});
