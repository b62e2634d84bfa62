import { readOrderTable } from "../../../src/engine/data/read-orders";
import { dayFromYmd } from "../../../src/engine/data/days";
import {
  automaticCalibrationEnd,
  calibrationSplit,
  defaultHoldoutDays,
  historyDays,
} from "../../../src/engine/summary/holdout";
import { purchaseDaysOf } from "../../../src/engine/summary/purchase-days";
import { orderTable } from "../../helpers/orders";

describe("the calibration/holdout split", () => {
  it("holds back the last quarter of the history, at least 8 weeks, in whole units", () => {
    // 400 days: a quarter is 100 days, 14.3 weeks, so 15 weeks = 105 days.
    expect(defaultHoldoutDays(400, 7)).toBe(105);
    // 100 days: a quarter is 25 days, less than 8 weeks: 56 days (exactly 8 weeks).
    expect(defaultHoldoutDays(100, 7)).toBe(56);
    // In days, a quarter of 1,000 days is 250.
    expect(defaultHoldoutDays(1000, 1)).toBe(250);
  });

  // A buys on 1 Jan, 1 Mar and 1 Dec 2023; B on 1 Feb and 1 Nov 2023; as of 31 Dec 2023.
  const read = readOrderTable(
    orderTable([
      ["A", "2023-01-01", 10],
      ["B", "2023-02-01", 20],
      ["A", "2023-03-01", 30],
      ["B", "2023-11-01", 40],
      ["A", "2023-12-01", 50],
    ]),
    { asOf: dayFromYmd(2023, 12, 31) },
  );
  const days = purchaseDaysOf(read.orders);
  const asOf = dayFromYmd(2023, 12, 31);

  it("measures the history from the base's first purchase and ends calibration that many days before", () => {
    expect(historyDays(days, asOf)).toBe(364);
    // 364 / 4 = 91 days = 13 weeks exactly.
    expect(automaticCalibrationEnd(days, asOf, "week")).toBe(asOf - 91);
  });

  it("summarises up to the calibration end and counts the repeat purchases after it", () => {
    const calibrationEnd = dayFromYmd(2023, 9, 30);
    const inputs = calibrationSplit(days, { asOf, unit: "day", calibrationEnd });
    // A: repeat on 1 Mar (x = 1, t_x = 59 days, T = 272 days), one repeat after (1 Dec).
    // B: no repeat by 30 Sep (x = 0, T = 241 days), one repeat after (1 Nov).
    expect(Array.from(inputs.x)).toEqual([1, 0]);
    expect(Array.from(inputs.tX)).toEqual([59, 0]);
    expect(Array.from(inputs.T)).toEqual([272, 241]);
    expect(Array.from(inputs.holdoutX ?? [])).toEqual([1, 1]);
  });
});
