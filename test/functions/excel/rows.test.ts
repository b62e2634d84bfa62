import { argsOf } from "../../../src/functions/excel/args";
import { codedValueError, ExcelError } from "../../../src/functions/excel/errors";
import { perRowResult, readRows } from "../../../src/functions/excel/rows";
import { at, column, excelErrorValue } from "../excel-values";

function table(values: unknown[], addresses?: string[]) {
  const names = values.map((_, i) => ["x", "t_x", "T"][i]);
  const a = argsOf(names, values, addresses ? at(...addresses) : undefined);
  return readRows(names.map((n) => ({ arg: a[n], rule: { min: 0 } })));
}

describe("per-customer arguments read row by row", () => {
  it("broadcasts a single value against a column, as Excel does", () => {
    const t = table([column(1, 2, 3), 10]);
    expect(t.length).toBe(3);
    expect(Array.from(t.columns[1])).toEqual([10, 10, 10]);
    expect(t.orientation).toBe("column");
  });

  it("keeps a row a row", () => {
    const t = table([[[1, 2, 3]], 10]);
    expect(t.orientation).toBe("row");
    expect(perRowResult(t, t.validRows(), [7, 8, 9])).toEqual([[7, 8, 9]]);
  });

  it("refuses ranges of different heights with #VALUE! naming both", () => {
    expect(() => table([column(1, 2, 3), column(1, 2)])).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message:
          "x has 3 rows but t_x has 2: give ranges of the same size, or a single value to use for every row",
      }),
    );
    expect(() => table([column(1, 2), [[1, 2]]])).toThrow(/x is a column but t_x is a row/);
  });

  it("leaves rows blank where every input is blank (a range longer than the data)", () => {
    const t = table([column(1, ""), column(2, "")]);
    expect(t.status).toEqual([undefined, "blank"]);
    expect(perRowResult(t, t.validRows(), [42])).toEqual([[42], [""]]);
  });

  it("gives a row #VALUE! for a blank beside filled cells, naming the argument and the cell", () => {
    const t = table([column(1, 2), column(3, "")], ["Data!B2:B3", "Data!C2:C3"]);
    const e = t.status[1] as ExcelError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("t_x, cell Data!C3 is blank; a number is needed");
    // Several blanks beside a filled cell: the first blank argument is named.
    const several = table([column(1, ""), column(2, 3), column(4, "")]);
    expect((several.status[1] as ExcelError).message).toBe("x, row 2 is blank; a number is needed");
    const later = table([column(1, 2), column(2, ""), column(4, "")]);
    expect((later.status[1] as ExcelError).message).toBe("t_x, row 2 is blank; a number is needed");
  });

  it("gives a row #VALUE! for text that is not a number or a boolean; reads text numbers", () => {
    const t = table([column("abc", true, "1,200")]);
    expect((t.status[0] as ExcelError).message).toBe('x, row 1: "abc" is not a number');
    expect((t.status[1] as ExcelError).message).toBe("x, row 2: TRUE is not a number");
    expect(t.status[2]).toBeUndefined();
    expect(t.columns[0][2]).toBe(1200);
  });

  it("checks each number against its rule", () => {
    const t = table([column(-1)]);
    expect((t.status[0] as ExcelError).message).toBe("x must be at least 0, not -1");
  });

  it("passes an error value in a row on with its own code, in that row only", () => {
    const t = table([column(1, excelErrorValue("#N/A"), 3)]);
    expect(t.status.map((s) => (s instanceof ExcelError ? s.code : s))).toEqual([
      undefined,
      "#N/A",
      undefined,
    ]);
    expect(Array.from(t.validRows())).toEqual([0, 2]);
    expect(t.firstError()?.message).toBe("x, row 2 holds #N/A");
  });

  it("marks rows failing a check across arguments", () => {
    const t = table([column(1, 2), column(5, 1), 3]);
    t.check((i) =>
      t.columns[1][i] > t.columns[2][i]
        ? codedValueError({
            code: "inputRule",
            place: t.argPlace(1, i),
            problem: { rule: "txWithinT", tx: t.columns[1][i], T: t.columns[2][i] },
          })
        : undefined,
    );
    expect((t.status[0] as ExcelError).message).toBe("t_x, row 1: expected 0 ≤ t_x ≤ T (3), got 5");
    expect(Number.isNaN(t.columns[0][0])).toBe(true);
    expect(Array.from(t.pick(0, t.validRows()))).toEqual([2]);
  });
});

describe("shared arguments", () => {
  it("do not make a row of blank customer cells a customer", () => {
    const a = argsOf(["x", "rate"], [column(1, ""), [[0.1]]]);
    const t = readRows([{ arg: a.x }, { arg: a.rate, shared: true }]);
    expect(t.status).toEqual([undefined, "blank"]);
  });

  it("must still be filled for the customers that are there", () => {
    const a = argsOf(["x", "rate"], [column(1, ""), [[""]]]);
    const t = readRows([{ arg: a.x }, { arg: a.rate, shared: true }]);
    expect((t.status[0] as ExcelError).message).toBe("rate is blank; a number is needed");
    expect(t.status[1]).toBe("blank");
  });
});
