import { dayFromExcelSerial, excelSerialFromDay } from "../../../src/sheet/serial-dates";
import fc from "fast-check";
import {
  addMonths,
  dayFromYmd,
  formatDay,
  formatMonthIndex,
  isValidDate,
  lastDayOfMonthIndex,
  monthIndexOfDay,
  wholeYearsBetween,
  ymdFromDay,
} from "../../../src/engine/data/days";

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe("day numbers", () => {
  it("count days since 1970-01-01 like Date.UTC", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1997, 9, 30)).toBe(utcDay(1997, 9, 30));
    expect(dayFromYmd(2024, 2, 29)).toBe(utcDay(2024, 2, 29));
    expect(dayFromYmd(1900, 3, 1)).toBe(utcDay(1900, 3, 1));
  });

  it("round-trip through the calendar for any day from year 1 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1, 1, 1), max: dayFromYmd(9999, 12, 31) }), (day) => {
        const { year, month, day: d } = ymdFromDay(day);
        expect(isValidDate(year, month, d)).toBe(true);
        expect(dayFromYmd(year, month, d)).toBe(day);
      }),
    );
  });

  it("format as ISO dates and months", () => {
    expect(formatDay(dayFromYmd(1997, 1, 1))).toBe("1997-01-01");
    expect(formatMonthIndex(monthIndexOfDay(dayFromYmd(2024, 12, 31)))).toBe("2024-12");
    expect(formatDay(lastDayOfMonthIndex(monthIndexOfDay(dayFromYmd(2024, 2, 10))))).toBe("2024-02-29");
  });

  it("add months with the day clamped to the month's end", () => {
    expect(formatDay(addMonths(dayFromYmd(2024, 2, 29), -12))).toBe("2023-02-28");
    expect(formatDay(addMonths(dayFromYmd(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(formatDay(addMonths(dayFromYmd(2023, 12, 15), 1))).toBe("2024-01-15");
    expect(formatDay(addMonths(dayFromYmd(2023, 1, 15), -13))).toBe("2021-12-15");
  });

  it("count whole years (ages) up to the day before the anniversary", () => {
    expect(wholeYearsBetween(dayFromYmd(1990, 5, 12), dayFromYmd(2024, 5, 11))).toBe(33);
    expect(wholeYearsBetween(dayFromYmd(1990, 5, 12), dayFromYmd(2024, 5, 12))).toBe(34);
  });
});

describe("Excel serial numbers", () => {
  it("map serial s to day s - 25569 from 1900-03-01 on", () => {
    expect(dayFromExcelSerial(25569)).toBe(0);
    expect(dayFromExcelSerial(45000)).toBe(utcDay(2023, 3, 15));
    expect(dayFromExcelSerial(45000.75)).toBe(utcDay(2023, 3, 15));
    expect(dayFromExcelSerial(61)).toBe(utcDay(1900, 3, 1));
  });

  it("handle Excel's phantom 1900-02-29 and the days before it", () => {
    expect(dayFromExcelSerial(59)).toBe(utcDay(1900, 2, 28));
    expect(dayFromExcelSerial(1)).toBe(utcDay(1900, 1, 1));
    expect(dayFromExcelSerial(60)).toBeNaN();
    expect(dayFromExcelSerial(0)).toBeNaN();
    expect(dayFromExcelSerial(2958466)).toBeNaN();
  });

  it("convert back to the same serial", () => {
    for (const s of [1, 59, 61, 25569, 45000, 2958465])
      expect(excelSerialFromDay(dayFromExcelSerial(s))).toBe(s);
  });
});
