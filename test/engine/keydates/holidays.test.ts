import { dayFromYmd, formatDay, NO_DAY } from "../../../src/engine/data/days";
import {
  holidayCalendar,
  holidayInvitees,
  parseHolidayDate,
  STANDARD_HOLIDAYS,
  upcomingHolidays,
  type HolidayEntry,
  type UpcomingHoliday,
} from "../../../src/engine/keydates/holidays";
import { purchaseDaysFromLines, type Line } from "../../helpers/orders";

const d = dayFromYmd;
const names = (list: UpcomingHoliday[]) => list.map((h) => [formatDay(h.day), h.name, h.daysUntil]);
const noSales = purchaseDaysFromLines([["A", "2020-01-01", 1]]);
const upcoming = (asOf: number, days: number, calendar: readonly HolidayEntry[] = STANDARD_HOLIDAYS) =>
  upcomingHolidays(calendar, noSales, asOf, { days });

describe("the holiday calendar", () => {
  it("reads yearly and one-year dates and refuses dates that do not exist", () => {
    expect(parseHolidayDate("12-25")).toEqual({ year: undefined, month: 12, day: 25 });
    expect(parseHolidayDate("2026-02-17")).toEqual({ year: 2026, month: 2, day: 17 });
    expect(parseHolidayDate("02-29")).toEqual({ year: undefined, month: 2, day: 29 });
    for (const bad of ["2025-02-29", "13-01", "04-31", "12/25", "Christmas", "2025-1-1"]) {
      expect(parseHolidayDate(bad)).toBeNull();
    }
  });

  it("looks the lunar festivals up in the table: Spring Festival 2026 is 17 February", () => {
    expect(names(upcoming(d(2026, 2, 1), 20))).toEqual([
      ["2026-02-14", "Valentine's Day", 13],
      ["2026-02-17", "Spring Festival", 16],
    ]);
    expect(names(upcoming(d(2028, 9, 20), 20))).toEqual([
      ["2028-10-01", "National Day", 11],
      ["2028-10-03", "Mid-Autumn Festival", 13],
    ]);
  });

  it("leaves out a lunar festival beyond the table (2030) instead of guessing its date", () => {
    const in2031 = names(upcoming(d(2031, 1, 1), 366)).map(([, name]) => name);
    expect(in2031).toContain("Singles' Day");
    for (const lunar of ["Spring Festival", "Dragon Boat Festival", "Qixi", "Mid-Autumn Festival"]) {
      expect(in2031).not.toContain(lunar);
    }
    expect(names(upcoming(d(2030, 9, 1), 30))).toContainEqual(["2030-09-12", "Mid-Autumn Festival", 11]);
  });

  it("counts the as-of date as day 0, includes the last day of the window and crosses the year end", () => {
    expect(names(upcoming(d(2025, 12, 12), 13))).toEqual([
      ["2025-12-12", "Double 12", 0],
      ["2025-12-25", "Christmas", 13],
    ]);
    expect(names(upcoming(d(2025, 12, 13), 11))).toEqual([]);
    expect(names(upcoming(d(2026, 12, 20), 48))).toEqual([
      ["2026-12-25", "Christmas", 5],
      ["2027-01-01", "New Year's Day", 12],
      ["2027-02-06", "Spring Festival", 48],
    ]);
  });

  it("replaces a built-in date by name and kind of date, and adds the user's own days", () => {
    const calendar = holidayCalendar([
      { date: "12-24", name: "Christmas" },
      { date: "2026-02-18", name: "春节" },
      { date: "2031-01-23", name: "Spring Festival", nameZh: "春节" },
      { date: "04-18", name: "Store anniversary", nameZh: "店庆" },
    ]);
    const christmas = upcomingHolidays(calendar, noSales, d(2025, 12, 20), { days: 10 });
    expect(names(christmas)).toEqual([["2025-12-24", "Christmas", 4]]);
    expect(christmas[0].nameZh).toBe("圣诞节");
    expect(names(upcomingHolidays(calendar, noSales, d(2026, 2, 15), { days: 5 }))).toEqual([
      ["2026-02-18", "春节", 3],
    ]);
    // The other years of the table are kept, 2031 is added.
    const spring = calendar.filter((h) => h.nameZh === "春节" || h.name === "春节").map((h) => h.date);
    expect(spring).toContain("2025-01-29");
    expect(spring).toContain("2031-01-23");
    expect(spring).not.toContain("2026-02-17");
    expect(names(upcomingHolidays(calendar, noSales, d(2027, 4, 1), { days: 30 }))).toEqual([
      ["2027-04-18", "Store anniversary", 17],
    ]);
  });

  it("refuses a look-ahead beyond a year", () => {
    expect(() => upcoming(0, 367)).toThrow("holidays: look ahead 0 to 366 days (got 367)");
  });
});

describe("whom to invite and last year's sales", () => {
  const lines: Line[] = [
    ["A", "2023-12-01", 10], // before the window around New Year 2024 (2023-12-25 .. 2024-01-08)
    ["A", "2023-12-25", 100],
    ["B", "2024-01-08", 50],
    ["B", "2024-01-09", 999], // after it
    ["C", "2024-02-05", 30], // Spring Festival 2024-02-10 ± 7
    ["C", "2024-12-20", 5],
  ];
  const purchases = purchaseDaysFromLines(lines);
  const lastDay = Int32Array.from([d(2023, 12, 25), d(2024, 1, 9), d(2024, 12, 20), NO_DAY]);
  const levels = Uint8Array.from([0, 2, 1, 3]);
  const asOf = d(2024, 12, 31);
  const list = upcomingHolidays(STANDARD_HOLIDAYS, purchases, asOf);

  it("sums the sales and counts the buyers of the days ± 7 around last year's holiday", () => {
    expect(list.map((h) => [h.name, h.lastYear && formatDay(h.lastYear.day), h.lastYear?.sales])).toEqual([
      ["New Year's Day", "2024-01-01", 150],
      ["Spring Festival", "2024-02-10", 30],
      ["Valentine's Day", "2024-02-14", 0], // 2024-02-05 is 9 days before
    ]);
    expect(list[0].lastYear?.buyers).toBe(2);
  });

  it("counts the top-tier members and the customers active in the last 365 days", () => {
    const invitees = holidayInvitees(lastDay, asOf, { levels, topTiers: 2 });
    expect(invitees.topTierMembers).toBe(2);
    // A bought on 2023-12-25, more than 365 days before 2024-12-31.
    expect(invitees.activeCustomers).toBe(2);
    expect(holidayInvitees(lastDay, asOf, { activeDays: 400 })).toEqual({
      topTierMembers: 0,
      activeCustomers: 3,
    });
  });

  it("gives no last-year sales when the data does not cover the days around it", () => {
    const early = upcomingHolidays(STANDARD_HOLIDAYS, purchases, d(2024, 12, 28), { days: 5 });
    expect(early.map((h) => [h.name, h.lastYear?.sales])).toEqual([["New Year's Day", 150]]);
    // The data starts 2023-12-01: the days around Christmas 2022 and 11.11 2023 are not all covered.
    const later = upcomingHolidays(STANDARD_HOLIDAYS, purchases, d(2023, 12, 10), { days: 20 });
    expect(later.map((h) => [h.name, h.lastYear])).toEqual([
      ["Double 12", null],
      ["Christmas", null],
    ]);
    // Spring Festival 2024 has no 2023 date in the table.
    const spring = upcomingHolidays(STANDARD_HOLIDAYS, purchases, d(2024, 2, 1), { days: 10 });
    expect(spring.map((h) => [h.name, h.lastYear])).toEqual([["Spring Festival", null]]);
  });
});
