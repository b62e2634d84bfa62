import { dayFromYmd } from "../../../src/engine/data/days";
import { explainDate, parseDay, proposeDayOrder } from "../../../src/engine/data/parse-date";
import { EXCEL_1904_SERIALS, EXCEL_SERIALS } from "../../../src/sheet/serial-dates";

const excel = { serials: EXCEL_SERIALS };

const d = dayFromYmd;

describe("parseDay", () => {
  it.each([
    ["2024-05-12", d(2024, 5, 12)],
    ["2024-5-2", d(2024, 5, 2)],
    ["2024/05/12", d(2024, 5, 12)],
    ["2024.05.12", d(2024, 5, 12)],
    ["20240512", d(2024, 5, 12)],
    ["2024-05-12T23:59:59Z", d(2024, 5, 12)],
    ["2024-05-12T23:30:00+08:00", d(2024, 5, 12)],
    ["2024-05-12 14:23:11", d(2024, 5, 12)],
    ["2024-05-12 2:23 PM", d(2024, 5, 12)],
    ["2024-05-12 14:23:11.250", d(2024, 5, 12)],
    [" 2024-05-12 ", d(2024, 5, 12)],
    ["2024年5月12日", d(2024, 5, 12)],
    ["2024年05月12日 10:15", d(2024, 5, 12)],
    ["12 May 2024", d(2024, 5, 12)],
    ["12-May-24", d(2024, 5, 12)],
    ["May 12, 2024", d(2024, 5, 12)],
  ])("reads the text %p", (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it("reads a serial written as text only by the reader's rule", () => {
    expect(parseDay("45424", excel)).toBe(d(2024, 5, 12));
    expect(parseDay("45424.5", excel)).toBe(d(2024, 5, 12));
    expect(parseDay("45424")).toBeNaN();
  });

  it("reads Excel serials (by the sheet layer's rule) and YYYYMMDD numbers", () => {
    expect(parseDay(45424, excel)).toBe(d(2024, 5, 12));
    expect(parseDay(45424.99, excel)).toBe(d(2024, 5, 12));
    expect(parseDay(19970101, excel)).toBe(d(1997, 1, 1));
    // 1904 system: serial 0 is 1904-01-01, 1,462 days after the 1900 system's.
    expect(parseDay(0, { serials: EXCEL_1904_SERIALS })).toBe(d(1904, 1, 1));
    expect(parseDay(44000, { serials: EXCEL_1904_SERIALS })).toBe(parseDay(44000 + 1462, excel));
  });

  it("reads a number as a date only as YYYYMMDD when the source gives no serial rule", () => {
    expect(parseDay(19970101)).toBe(d(1997, 1, 1));
    expect(parseDay(45424)).toBeNaN();
    expect(explainDate(45424)).toBe("a number here is a date only as YYYYMMDD");
    expect(explainDate(-5, excel)).toBe("number out of the range of dates");
  });

  it("reads Date objects in UTC, as ExcelJS gives them", () => {
    expect(parseDay(new Date(Date.UTC(2024, 4, 12, 23, 59)))).toBe(d(2024, 5, 12));
    expect(parseDay(new Date(NaN))).toBeNaN();
  });

  it("reads day-first or month-first dates only when told which", () => {
    expect(parseDay("03/04/2024")).toBeNaN();
    expect(parseDay("03/04/2024", { dayOrder: "dmy" })).toBe(d(2024, 4, 3));
    expect(parseDay("03/04/2024", { dayOrder: "mdy" })).toBe(d(2024, 3, 4));
    expect(parseDay("13/04/2024", { dayOrder: "mdy" })).toBeNaN();
    expect(parseDay("03.04.24 10:00", { dayOrder: "dmy" })).toBe(d(2024, 4, 3));
    expect(parseDay("03/04/95", { dayOrder: "dmy" })).toBe(d(1995, 4, 3));
  });

  it.each([
    [""],
    ["   "],
    ["2024-02-30"],
    ["2023-02-29"],
    ["20241301"],
    ["2024-05"],
    ["yesterday"],
    ["2024-05-12 garbage"],
    ["12 Foo 2024"],
    ["2024"],
  ])("gives NaN for %p", (text) => {
    expect(parseDay(text)).toBeNaN();
  });

  it("gives NaN for blanks, booleans, errors and numbers out of range", () => {
    expect(parseDay(null)).toBeNaN();
    expect(parseDay(undefined)).toBeNaN();
    expect(parseDay(true)).toBeNaN();
    expect(parseDay({ error: "#N/A" })).toBeNaN();
    expect(parseDay(-5, excel)).toBeNaN();
    expect(parseDay(3_000_000, excel)).toBeNaN();
    expect(parseDay(Infinity)).toBeNaN();
  });
});

describe("explainDate", () => {
  it("says why a cell is not a date", () => {
    expect(explainDate("")).toBe("blank");
    expect(explainDate({ error: "#REF!" })).toBe("error value #REF!");
    expect(explainDate("03/04/2024")).toMatch(/day\/month order unknown/);
    expect(explainDate("2024-02-30")).toBe("no such day in the calendar");
    expect(explainDate("soon")).toBe("not a date");
  });
});

describe("proposeDayOrder", () => {
  it("proposes the order a column proves", () => {
    expect(proposeDayOrder(["01/02/2024", "25/02/2024"])?.order).toBe("dmy");
    expect(proposeDayOrder(["01/02/2024", "02/25/2024"])?.order).toBe("mdy");
    expect(proposeDayOrder(["01/02/2024", "02/03/2024"])).toBeUndefined();
    expect(proposeDayOrder(["25/02/2024", "02/25/2024"])).toBeUndefined();
  });

  it("names the first date that proves the order, without its time of day", () => {
    expect(proposeDayOrder([45000, "03/04/2024", " 31/12/2024 10:30", "25/12/2023"])).toEqual({
      order: "dmy",
      example: "31/12/2024",
    });
    expect(proposeDayOrder(["12/31/24", "01/02/2024"])).toEqual({ order: "mdy", example: "12/31/24" });
    expect(proposeDayOrder(["2024-12-31", "03/04/2024"])).toBeUndefined();
    // Only the first `limit` values are looked at.
    expect(proposeDayOrder(["03/04/2024", "31/12/2024"], 1)).toBeUndefined();
  });
});
