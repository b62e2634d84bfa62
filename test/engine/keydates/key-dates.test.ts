import { dayFromYmd, formatDay, NO_DAY } from "../../../src/engine/data/days";
import { anniversaryIn, upcomingKeyDates } from "../../../src/engine/keydates/key-dates";

const d = dayFromYmd;
const list = (entries: ReturnType<typeof upcomingKeyDates>) =>
  entries.map((e) => [e.customer, e.kind, formatDay(e.day), e.daysUntil, e.years, e.level]);

describe("upcomingKeyDates", () => {
  const birthday = Int32Array.from([d(1990, 3, 5), d(2000, 2, 29), NO_DAY, d(1985, 6, 1)]);
  const firstDay = Int32Array.from([d(2023, 2, 25), d(2024, 1, 5), d(2022, 3, 20), d(2024, 2, 20)]);
  const joinDay = Int32Array.from([d(2020, 3, 1), NO_DAY, NO_DAY, NO_DAY]);

  it("lists birthdays and anniversaries of the next 30 days with age, years and tier", () => {
    const levels = Uint8Array.from([0, 1, 2, 3]);
    const entries = upcomingKeyDates({ birthday, firstDay, joinDay }, d(2024, 2, 20), { levels });
    expect(list(entries)).toEqual([
      [0, "firstPurchaseAnniversary", "2024-02-25", 5, 1, 0],
      [1, "birthday", "2024-02-29", 9, 24, 1],
      [0, "membershipAnniversary", "2024-03-01", 10, 4, 0],
      [0, "birthday", "2024-03-05", 14, 34, 0],
      [2, "firstPurchaseAnniversary", "2024-03-20", 29, 2, 2],
    ]);
  });

  it("crosses the year end and moves 29 February to the 28th in other years", () => {
    expect(list(upcomingKeyDates({ birthday }, d(2024, 12, 20), { days: 70 }))).toEqual([
      [1, "birthday", "2025-02-28", 70, 25, undefined],
    ]);
    expect(formatDay(anniversaryIn(d(2000, 2, 29), 2023))).toBe("2023-02-28");
  });

  it("counts the as-of date itself as day 0 and skips dates not yet reached", () => {
    const entries = upcomingKeyDates({ firstDay }, d(2025, 2, 20), { days: 0 });
    expect(list(entries)).toEqual([[3, "firstPurchaseAnniversary", "2025-02-20", 0, 1, undefined]]);
    expect(upcomingKeyDates({ firstDay: Int32Array.from([d(2025, 3, 1)]) }, d(2025, 2, 20))).toEqual([]);
  });

  it("refuses a look-ahead beyond a year", () => {
    expect(() => upcomingKeyDates({ birthday }, 0, { days: 400 })).toThrow(
      "look ahead 0 to 366 days (got 400)",
    );
  });
});
