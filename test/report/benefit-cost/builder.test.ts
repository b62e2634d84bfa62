/**
 * The Benefit cost sheet model without a spreadsheet program: which functions its formulas use, that
 * every name they use is defined, that everything lies in the fixed footprint, and that the layout holds
 * every number of periods. (Whether the formulas compute the engine's numbers: recalculation.test.ts.)
 */
import { MAX_PERIODS } from "../../../src/engine/projection/assumptions";
import { benefitCostSheet } from "../../../src/report/benefit-cost/builder";
import { BENEFIT_COST_FOOTPRINT, benefitCostLayout } from "../../../src/report/benefit-cost/layout";
import { headerLines } from "../../../src/report/benefit-cost/writer";
import { boxContains, parseCellAddress, parseRangeAddress } from "../../../src/sheet/a1";
import { resolveCells } from "../../../src/sheet/sheet-model-cells";
import { checkSheetModel } from "../../../src/sheet/sheet-model-check";
import { UserError } from "../../../src/user-error";
import { cdnowBaseline, typedAssumptions } from "./fixture";

/** Functions of Excel 2016 that LibreOffice has too, and that are not volatile. */
const ALLOWED_FUNCTIONS = new Set([
  "SUM",
  "SUMPRODUCT",
  "INDEX",
  "MATCH",
  "MIN",
  "MAX",
  "IF",
  "ABS",
  "AND",
  "NPV",
]);

/** Text outside string literals, so that words in messages are not taken for functions. */
const withoutStrings = (formula: string) => formula.replace(/"[^"]*"/g, '""');

describe("Benefit cost sheet model", () => {
  const baseline = cdnowBaseline(1);
  const assumptions = typedAssumptions(baseline, "base");
  const sheet = benefitCostSheet({ baseline, assumptions });
  const cells = resolveCells(sheet.model);
  const formulas = cells.filter((c) => c.formula !== undefined).map((c) => withoutStrings(c.formula!));

  it("is a valid sheet model", () => {
    expect(() => checkSheetModel(sheet.model)).not.toThrow();
    expect(sheet.model.footprint).toBe(BENEFIT_COST_FOOTPRINT);
  });

  it("uses only non-volatile functions that Excel 2016 and LibreOffice both have", () => {
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((f) => !ALLOWED_FUNCTIONS.has(f))).toEqual([]);
    // The projection relies on these: a regex that found none would prove nothing.
    for (const f of ["SUMPRODUCT", "INDEX", "NPV", "MATCH"]) expect(used).toContain(f);
  });

  it("defines every name its formulas use, on ranges inside the footprint", () => {
    const defined = new Set(sheet.model.names!.map((n) => n.name));
    const used = new Set(formulas.flatMap((f) => f.match(/\bLL_\w+/g) ?? []));
    expect([...used].filter((n) => !defined.has(n))).toEqual([]);
    const footprint = parseRangeAddress(BENEFIT_COST_FOOTPRINT);
    for (const { range } of sheet.model.names!) {
      const box = parseRangeAddress(range);
      expect(boxContains(footprint, box.bottom, box.right)).toBe(true);
    }
  });

  it("keeps every cell, chart and rule inside the footprint, and input keys unique", () => {
    const footprint = parseRangeAddress(BENEFIT_COST_FOOTPRINT);
    expect(cells.every((c) => boxContains(footprint, c.row, c.col))).toBe(true);
    for (const chart of sheet.model.charts!)
      expect(boxContains(footprint, chart.at.row, chart.at.col)).toBe(true);
    for (const rule of [...sheet.model.validations!, ...sheet.model.conditionalFormats!]) {
      const box = parseRangeAddress(rule.range);
      expect(boxContains(footprint, box.bottom, box.right)).toBe(true);
    }
    const keys = cells.filter((c) => c.input).map((c) => c.input);
    expect(new Set(keys).size).toBe(keys.length);
    // Every tier assumption, every migration rate, the scenario and sensitivity axes are inputs.
    const K = baseline.states.length;
    expect(keys.length).toBeGreaterThanOrEqual(12 * baseline.tierCount + K * K + 1 + 12);
  });

  it("writes the engine's value as the cached result of every formula", () => {
    const withResult = cells.filter((c) => c.formula !== undefined);
    expect(withResult.length).toBe(sheet.expected.size);
    const net = sheet.model.names!.find((n) => n.name === "LL_NetEffect")!;
    const at = parseCellAddress(net.range);
    const cell = withResult.find((c) => c.row === at.row && c.col === at.col)!;
    expect(cell.result).toBe(sheet.projection.totals.netEffect);
  });

  it("holds 1 to 36 periods and up to 9 tiers in the footprint, and says when there are too many tiers", () => {
    for (const T of [1, 8, 12, MAX_PERIODS])
      expect(benefitCostLayout(4, T, 6).lastRow).toBeLessThanOrEqual(200);
    expect(benefitCostLayout(9, MAX_PERIODS, 6).lastRow).toBeLessThanOrEqual(200);
    expect(() => benefitCostLayout(20, 12, 6)).toThrow(UserError);
    expect(() => benefitCostLayout(20, 12, 6)).toThrow(
      /rows 1 to 200: 20 tiers need \d+ rows; use fewer tiers/,
    );
    expect(() => benefitCostLayout(4, MAX_PERIODS + 1, 6)).toThrow(RangeError);
  });

  it("builds 36 quarterly periods with a formula in every period column", () => {
    const quarterly = cdnowBaseline(3);
    const long = { ...typedAssumptions(quarterly, "ambitious"), periods: MAX_PERIODS };
    const built = benefitCostSheet({ baseline: quarterly, assumptions: long });
    // Column AM is period 36 (C is now, D period 1).
    expect(built.expected.get(`AM${built.layout.netEffect}`)).toBe(built.projection.netEffect[MAX_PERIODS]);
    expect(built.expected.has(`AN${built.layout.netEffect}`)).toBe(false);
  });
});

describe("two-line headers", () => {
  it("keeps a header that fits on one line and splits a long one at the best space", () => {
    expect(headerLines("Tier", 12)).toEqual(["", "Tier"]);
    expect(headerLines("Points per unit of spend", 12)).toEqual(["Points per", "unit of spend"]);
    expect(headerLines("Redemption rate", 12)).toEqual(["Redemption", "rate"]);
  });
});
