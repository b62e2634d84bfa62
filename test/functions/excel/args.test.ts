import {
  argsOf,
  isOmitted,
  numberList,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  placeOf,
  vectorOf,
  type Arg,
} from "../../../src/functions/excel/args";
import { ExcelError } from "../../../src/functions/excel/errors";
import { at, column, excelErrorValue } from "../excel-values";

const arg = (name: string, value: unknown, address?: string): Arg =>
  argsOf([name], [value], address ? at(address) : undefined)[name];

function thrown(f: () => unknown): ExcelError {
  try {
    f();
  } catch (e) {
    if (e instanceof ExcelError) return e;
    throw e;
  }
  throw new Error("nothing was thrown");
}

describe("arguments as Excel passes them", () => {
  it("takes a column, a row or a single value as a vector", () => {
    expect(vectorOf(arg("x", column(1, 2, 3)))).toMatchObject({ cells: [1, 2, 3], orientation: "column" });
    expect(vectorOf(arg("x", [[1, 2, 3]]))).toMatchObject({ cells: [1, 2, 3], orientation: "row" });
    expect(vectorOf(arg("x", [[7]]))).toMatchObject({ cells: [7], orientation: "single" });
    expect(vectorOf(arg("x", 7))).toMatchObject({ cells: [7], orientation: "single" });
  });

  it("refuses a block of several rows and columns with #VALUE! naming the argument", () => {
    const e = thrown(() =>
      vectorOf(
        arg("x", [
          [1, 2],
          [3, 4],
        ]),
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("x must be one column or one row, not 2 rows × 2 columns");
  });

  it("names the cell when Excel gave the address, the row otherwise", () => {
    expect(placeOf(vectorOf(arg("x", column(1, 2, 3), "Orders!B2:B4")), 2)).toBe("x, cell Orders!B4");
    expect(placeOf(vectorOf(arg("x", column(1, 2, 3))), 2)).toBe("x, row 3");
    expect(placeOf(vectorOf(arg("x", [[1, 2, 3]], "S!B2:D2")), 1)).toBe("x, cell S!C2");
    expect(placeOf(vectorOf(arg("x", [[5]])), 0)).toBe("x");
  });

  it("applies defaults itself, because Excel passes null for an omitted argument", () => {
    expect(optionalNumber(arg("bins", null), 5)).toBe(5);
    expect(optionalNumber(arg("bins", [[""]]), 5)).toBe(5);
    expect(optionalNumber(arg("bins", "4"), 5)).toBe(4);
    expect(optionalBoolean(arg("labels", null), false)).toBe(false);
    expect(optionalBoolean(arg("labels", "TRUE"), false)).toBe(true);
    expect(optionalChoice(arg("unit", null), { day: 1, week: 7 }, 7)).toBe(7);
    expect(optionalChoice(arg("unit", " Day "), { day: 1, week: 7 }, 7)).toBe(1);
    expect(isOmitted(arg("periods", null))).toBe(true);
    expect(isOmitted(arg("periods", [[""]]))).toBe(true);
    expect(isOmitted(arg("periods", [[3]]))).toBe(false);
  });

  it("says what an option must be", () => {
    expect(thrown(() => optionalNumber(arg("bins", "many"), 5)).message).toBe('bins: "many" is not a number');
    expect(thrown(() => optionalNumber(arg("bins", 11), 5, { max: 10 })).message).toBe(
      "bins must be at most 10, not 11",
    );
    expect(thrown(() => optionalChoice(arg("unit", "year"), { day: 1, week: 7 }, 7)).message).toBe(
      'unit: "year" is not one of day, week',
    );
    expect(thrown(() => optionalBoolean(arg("labels", "maybe"), false)).message).toBe(
      'labels: "maybe" is not TRUE or FALSE',
    );
    expect(thrown(() => optionalNumber(arg("bins", column(1, 2)), 5)).message).toMatch(/single value/);
  });

  it("passes an error value on with its own code", () => {
    const e = thrown(() => optionalNumber(arg("bins", excelErrorValue("#N/A")), 5));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("bins holds #N/A");
    // #REF! cannot be returned by a custom function: it becomes #VALUE! with the same message.
    expect(thrown(() => optionalNumber(arg("bins", excelErrorValue("#REF!")), 5)).code).toBe("#VALUE!");
  });

  it("reads a list of numbers, skipping blanks as SUM does, naming any cell it cannot read", () => {
    expect(numberList(arg("cut_points", column(10, "", 20, "30")))).toEqual([10, 20, 30]);
    expect(thrown(() => numberList(arg("cut_points", column(10, "x"), "Rules!C3:C4"))).message).toBe(
      'cut_points, cell Rules!C4: "x" is not a number',
    );
    expect(thrown(() => numberList(arg("cut_points", column(10, true)))).message).toBe(
      "cut_points, item 2: TRUE is not a number",
    );
  });
});
