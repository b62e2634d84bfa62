import { cellAddress, parseRangeStart } from "../../../src/functions/excel/addresses";

describe("range addresses", () => {
  it("finds the top-left cell of the addresses Excel gives", () => {
    expect(parseRangeStart("Orders!B2:B2358")).toEqual({ sheet: "Orders!", column: 1, row: 2 });
    expect(parseRangeStart("'Q1 data'!$AA$10:$AB$20")).toEqual({ sheet: "'Q1 data'!", column: 26, row: 10 });
    expect(parseRangeStart("Sheet1!C:C")).toEqual({ sheet: "Sheet1!", column: 2, row: 1 });
    expect(parseRangeStart("D4")).toEqual({ sheet: "", column: 3, row: 4 });
  });

  it("gives nothing for literal or computed arguments", () => {
    expect(parseRangeStart("")).toBeUndefined();
    expect(parseRangeStart(undefined)).toBeUndefined();
    expect(parseRangeStart("{1,2,3}")).toBeUndefined();
  });

  it("names a cell inside a range", () => {
    const start = parseRangeStart("Orders!B2:D100")!;
    expect(cellAddress(start, 5, 0)).toBe("Orders!B7");
    expect(cellAddress(start, 0, 2)).toBe("Orders!D2");
  });
});
