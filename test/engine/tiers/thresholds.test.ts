import {
  deriveSpendThresholds,
  humanNumberBelow,
  roundToHumanNumber,
  withDerivedThresholds,
} from "../../../src/engine/tiers/thresholds";
import { checkTierProgram, DEFAULT_TIER_PROGRAM, type TierProgram } from "../../../src/engine/tiers/program";
import { tierProblemText } from "../../../src/engine/text/rule-problems";

describe("human numbers", () => {
  it.each([
    [987.37, 1000],
    [2340, 2500],
    [1234, 1200],
    [91, 90],
    [4321, 4500],
    [66, 70],
    [0.37, 0.35],
    [0, 0],
    [-5, 0],
  ])("round %p to %p", (x, nice) => {
    expect(roundToHumanNumber(x)).toBe(nice);
  });

  it("step down to the next human number", () => {
    expect(humanNumberBelow(1000)).toBe(900);
    expect(humanNumberBelow(1200)).toBe(1000);
    expect(humanNumberBelow(100)).toBe(90);
  });
});

describe("deriveSpendThresholds", () => {
  it("takes the spend at the top 10 %, 30 % and 60 % boundaries, rounded", () => {
    const spend = Array.from({ length: 1000 }, (_, i) => (i + 1) * 9.87);
    // Boundaries: the 100th, 300th and 600th largest spends: 8,893, 6,919, 3,958.
    expect(deriveSpendThresholds(spend, [0.1, 0.2, 0.3])).toEqual([9000, 7000, 4000]);
  });

  it("keeps thresholds strictly decreasing when they round alike", () => {
    expect(
      deriveSpendThresholds([1000, 990, 980, 970, 960, 950, 940, 930, 920, 910], [0.1, 0.2, 0.3]),
    ).toEqual([1000, 900, 800]);
  });

  it("gives the program spend minimums above the base tier, and says when the shares do not fit", () => {
    const program = withDerivedThresholds(
      DEFAULT_TIER_PROGRAM,
      [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
    );
    expect(program.tiers.map((t) => t.minSpend)).toEqual([1000, 800, 500, undefined]);
    expect(checkTierProgram(program)).toEqual([]);
    expect(() => withDerivedThresholds({ ...DEFAULT_TIER_PROGRAM, deriveShares: [0.5] }, [1])).toThrow(
      "tier rules: 3 tiers above the base need 3 shares to derive thresholds (got 1)",
    );
  });
});

describe("checkTierProgram", () => {
  it("names each problem of a program", () => {
    const bad: TierProgram = {
      tiers: [
        { key: "gold", name: "Gold", nameZh: "黄金", minSpend: 500 },
        { key: "silver", name: "Silver", nameZh: "白银", minSpend: 800, minPurchaseDays: -1 },
        { key: "gold", name: "Member", nameZh: "普通会员", minSpend: 1 },
      ],
      window: { kind: "rolling", months: 0 },
      demoteAfterPeriods: 0,
    };
    expect(checkTierProgram(bad).map((p) => tierProblemText("en", p))).toEqual([
      "tier 2 (Silver): minPurchaseDays must be a number of at least 0",
      'tier 3: the key "gold" is used twice',
      "the base tier (Member) must have no minimum",
      "Silver's minimum spend (800) is above Gold's (500), the tier above it: lower Silver's minimum spend to 500 or less",
      "the rolling window must be a whole number of months, at least 1",
      "reviews must be a whole number of months apart",
      "demoteAfterPeriods must be a whole number, at least 1",
    ]);
  });
});
