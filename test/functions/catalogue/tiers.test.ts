import { tier } from "../../../src/functions/catalogue/tiers";
import { at, column, errorIn } from "../excel-values";

const NAMES = [["Platinum", "Gold", "Silver", "Member"]];
const MINIMUMS = [[5000, 2000, 500]];

describe("LOYALTY.TIER", () => {
  it("gives each customer the highest tier whose minimum they reach", () => {
    expect(tier(column(7500, 5000, 4999.99, 600, 12, ""), MINIMUMS, NAMES)).toEqual([
      ["Platinum"],
      ["Platinum"],
      ["Gold"],
      ["Silver"],
      ["Member"],
      [""],
    ]);
  });

  it("accepts a 0 minimum for the base tier, and names in a column", () => {
    expect(tier([[600]], [[5000, 2000, 500, 0]], column("铂金", "黄金", "白银", "普通会员"))).toEqual([
      ["白银"],
    ]);
  });

  it("uses purchase days with either or both minimums; no purchase in the window is Lapsed", () => {
    const spend = column(100, 100, 6000, 3000);
    const days = column(30, 0, 1, 12);
    const minDays = [[24, 12, 4]];
    expect(tier(spend, MINIMUMS, NAMES, days, minDays, null)).toEqual([
      ["Platinum"],
      ["Lapsed"],
      ["Platinum"],
      ["Gold"],
    ]);
    expect(tier(spend, MINIMUMS, NAMES, days, minDays, "both")).toEqual([
      ["Member"],
      ["Lapsed"],
      ["Member"],
      ["Gold"],
    ]);
  });

  it("says what is wrong with the rules, using the engine's checks", () => {
    expect(errorIn(tier([[1]], [[500, 2000, 5000]], NAMES))?.message).toBe(
      "tier rules: Gold's minimum spend (2,000) is above Platinum's (500), the tier above it: lower Gold's minimum spend to 500 or less; " +
        "Silver's minimum spend (5,000) is above Gold's (2,000), the tier above it: lower Silver's minimum spend to 2,000 or less",
    );
    expect(errorIn(tier([[1]], [[5000, 2000]], NAMES))?.message).toBe(
      "thresholds has 2 numbers for 4 tiers: give one minimum per tier above the base (3), from the top",
    );
    expect(errorIn(tier([[1]], MINIMUMS, NAMES, null as never, [[10, 5, 1]]))?.message).toBe(
      "min_purchases needs purchases: each customer's purchase days",
    );
    expect(errorIn(tier([[1]], MINIMUMS, [["Only"]]))?.message).toBe(
      "names must list at least two tiers, from the top down",
    );
  });

  it("puts a row's #VALUE! in that row, naming the cell", () => {
    const r = tier(
      column(100, "lots"),
      MINIMUMS,
      NAMES,
      null as never,
      null as never,
      null,
      at("C2:C3", "", "", "", "", ""),
    );
    expect(r[0][0]).toBe("Member");
    expect(errorIn(r, 1)).toEqual({ code: "#VALUE!", message: 'values, cell C3: "lots" is not a number' });
  });
});
