import {
  cellBoolean,
  cellNumber,
  isBlank,
  parseTextNumber,
  showValue,
} from "../../../src/functions/excel/cells";

describe("reading one cell as Excel does", () => {
  it("reads text numbers as Excel's arithmetic does", () => {
    expect(parseTextNumber(" 12 ")).toBe(12);
    expect(parseTextNumber("1,234.5")).toBe(1234.5);
    expect(parseTextNumber("80%")).toBeCloseTo(0.8, 15);
    expect(parseTextNumber("(15)")).toBe(-15);
    expect(parseTextNumber("1e3")).toBe(1000);
    expect(parseTextNumber("-.5")).toBe(-0.5);
  });

  it("refuses text that is not a number", () => {
    for (const s of ["abc", "12abc", "1,23", "", "1.2.3", "--1", "Infinity", "NaN"])
      expect(parseTextNumber(s)).toBeUndefined();
  });

  it("does not read booleans, blanks or errors as numbers", () => {
    expect(cellNumber(true)).toBeUndefined();
    expect(cellNumber("")).toBeUndefined();
    expect(cellNumber(null)).toBeUndefined();
    expect(cellNumber({ code: "#N/A" })).toBeUndefined();
    expect(cellNumber(3.5)).toBe(3.5);
  });

  it("knows blanks: empty text, spaces, null (omitted) and undefined", () => {
    for (const v of ["", "   ", null, undefined]) expect(isBlank(v)).toBe(true);
    for (const v of [0, "0", false]) expect(isBlank(v)).toBe(false);
  });

  it("reads TRUE/FALSE in Excel's spellings", () => {
    expect(cellBoolean(true)).toBe(true);
    expect(cellBoolean("false")).toBe(false);
    expect(cellBoolean(1)).toBe(true);
    expect(cellBoolean("yes")).toBeUndefined();
  });

  it("shows values in messages as a user would recognise them", () => {
    expect(showValue("abc")).toBe('"abc"');
    expect(showValue(true)).toBe("TRUE");
    expect(showValue({ code: "#N/A" })).toBe("#N/A");
    expect(showValue("x".repeat(100))).toHaveLength(42);
  });
});
