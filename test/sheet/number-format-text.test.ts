import { formatWithCode } from "../../src/sheet/number-format-text";

describe("a number as Excel shows it under its format", () => {
  it("dates and times from serial numbers (45291 is 2023-12-31) and from dates", () => {
    expect(formatWithCode(45291, "yyyy-mm-dd")).toBe("2023-12-31");
    expect(formatWithCode(45291.5, "yyyy-mm-dd hh:mm")).toBe("2023-12-31 12:00");
    expect(formatWithCode(45291, "yyyy-mm")).toBe("2023-12");
    expect(formatWithCode(45292.25, "m/d/yyyy h:mm")).toBe("1/1/2024 6:00");
    expect(formatWithCode(new Date(Date.UTC(2024, 1, 29)), "yyyy-mm-dd")).toBe("2024-02-29");
  });

  it("thousands, decimals and percentages", () => {
    expect(formatWithCode(1234567.891, "#,##0")).toBe("1,234,568");
    expect(formatWithCode(1234.5, "#,##0.00")).toBe("1,234.50");
    expect(formatWithCode(0.123456, "0.0000")).toBe("0.1235");
    expect(formatWithCode(0.256, "0%")).toBe("26%");
    expect(formatWithCode(0.2567, "0.0%")).toBe("25.7%");
    expect(formatWithCode(2.25, "0.0")).toBe("2.3");
  });

  it("a currency symbol in quotes, and the section for negatives", () => {
    const yuan = '"¥"#,##0.00;-"¥"#,##0.00';
    expect(formatWithCode(1234.5, yuan)).toBe("¥1,234.50");
    expect(formatWithCode(-99, yuan)).toBe("-¥99.00");
  });

  it("General and text show the number itself", () => {
    expect(formatWithCode(42, "General")).toBe("42");
    expect(formatWithCode(1 / 3, undefined)).toBe("0.333333333");
    expect(formatWithCode(-2 / 3, "General")).toBe("-0.66666667");
    expect(formatWithCode(7, "@")).toBe("7");
  });
});
