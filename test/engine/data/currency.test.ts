/**
 * The currency of the data: named by a currency column (币种, Currency) or written in the amount text
 * (¥, ￥, $, €, £, RMB, CNY ...); the one named most often wins and the others are counted.
 */
import {
  currencyColumnOf,
  currencyInAmount,
  currencyNamed,
  detectCurrency,
} from "../../../src/engine/data/currency";
import type { CellValue, RawTable } from "../../../src/engine/data/table";

const table = (headers: string[], rows: CellValue[][]): RawTable => ({
  source: "orders.csv",
  headers,
  columns: headers.map((_, c) => rows.map((r) => r[c])),
  firstRow: 2,
});

describe("a currency named by a cell", () => {
  it.each([
    ["CNY", "CNY"],
    ["rmb", "CNY"],
    ["人民币", "CNY"],
    ["￥", "CNY"],
    [" USD ", "USD"],
    ["美元", "USD"],
    ["EUR", "EUR"],
    ["£", "GBP"],
    ["HKD", "HKD"],
    ["JPY", "JPY"],
  ])("%s is %s", (cell, code) => expect(currencyNamed(cell)?.code).toBe(code));

  it("names none in a blank, a number or an unknown word", () => {
    for (const cell of ["", 12, null, "points", "XYZ"]) expect(currencyNamed(cell as CellValue)).toBeNull();
  });
});

describe("a currency written in an amount", () => {
  it.each([
    ["¥1,234.50", "CNY", "¥"],
    ["￥88", "CNY", "¥"],
    ["88元", "CNY", "¥"],
    ["RMB 88.00", "CNY", "¥"],
    ["CNY88", "CNY", "¥"],
    ["$12.00", "USD", "$"],
    ["USD 12", "USD", "$"],
    ["HK$12", "HKD", "HK$"],
    ["12,00 €", "EUR", "€"],
    ["£7.99", "GBP", "£"],
    ["(£7.99)", "GBP", "£"],
  ])("%s is %s, shown as %s", (cell, code, symbol) => {
    expect(currencyInAmount(cell)).toEqual({ code, symbol });
  });

  it("finds none in a plain number, a number cell or a word without digits", () => {
    for (const cell of ["1234.50", 1234.5, "N/A", "$", "AUDIT 12"]) {
      expect(currencyInAmount(cell as CellValue)).toBeNull();
    }
  });
});

describe("the data's currency", () => {
  it("finds a currency column by its header, in English or Chinese", () => {
    expect(currencyColumnOf(["Member", "Date", "Amount", "Currency"])).toBe(3);
    expect(currencyColumnOf(["会员", "日期", "金额", "币种"])).toBe(3);
    expect(currencyColumnOf(["Member", "Date", "Amount"])).toBe(-1);
  });

  it("takes the currency column's most named currency, and counts the others", () => {
    const rows: CellValue[][] = [
      ["1", "2024-01-02", "12", "CNY"],
      ["2", "2024-01-03", "$5", "RMB"],
      ["3", "2024-01-04", "7", "USD"],
      ["4", "2024-01-05", "9", "人民币"],
      ["5", "2024-01-06", "9", ""],
    ];
    const found = detectCurrency(table(["Member", "Date", "Amount", "币种"], rows), 2);
    expect(found.currency).toEqual({ code: "CNY", symbol: "¥" });
    expect(found.rows).toBe(3);
    // The column decides, not the "$" written in one amount.
    expect(found.source).toEqual({ kind: "column", column: "D", header: "币种" });
    expect(found.others).toEqual([{ code: "USD", symbol: "$", rows: 1 }]);
  });

  it("reads the amount text when there is no currency column (or it names none)", () => {
    const rows: CellValue[][] = [
      ["1", "2024-01-02", "£12.00", ""],
      ["2", "2024-01-03", "£5.50", ""],
      ["3", "2024-01-04", 7, ""],
    ];
    const found = detectCurrency(table(["Member", "Date", "Amount", "Currency"], rows), 2);
    expect(found.currency).toEqual({ code: "GBP", symbol: "£" });
    expect(found.rows).toBe(2);
    expect(found.source).toEqual({ kind: "amounts", column: "C", header: "Amount" });
    expect(found.others).toEqual([]);
  });

  it("says none when the data names no currency", () => {
    const found = detectCurrency(table(["Member", "Date", "Amount"], [["1", "2024-01-02", 12.5]]), 2);
    expect(found).toEqual({ currency: null, rows: 0, source: { kind: "none" }, others: [] });
  });
});
