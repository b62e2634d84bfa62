/**
 * The Benefit cost sheet model without a spreadsheet program: which functions its formulas use, that
 * every name they use is defined, that everything lies in the fixed footprint, and that the layout holds
 * every number of periods. (Whether the formulas compute the engine's numbers: recalculation.test.ts.)
 */
import { MAX_PERIODS_ON_SHEET as MAX_PERIODS } from "../../../src/report/benefit-cost/fields";
import { benefitCostSheet } from "../../../src/report/benefit-cost/builder";
import { BENEFIT_COST_FOOTPRINT, benefitCostLayout } from "../../../src/report/benefit-cost/layout";
import { headerLines } from "../../../src/report/benefit-cost/writer";
import { boxContains, parseCellAddress, parseRangeAddress } from "../../../src/sheet/a1";
import { resolveCells } from "../../../src/sheet/sheet-model-cells";
import { checkSheetModel } from "../../../src/sheet/sheet-model-check";
import { UserError } from "../../../src/user-error";
import { INPUT_KEYS } from "../../../src/report/benefit-cost/fields";
import { assumptionsWithInputs } from "../../../src/report/benefit-cost/inputs";
import { KEPT_LATIN_WORDS } from "../../helpers/kept-latin-words";
import { cdnowBaseline, cdnowSheetInput, typedAssumptions } from "./fixture";

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
  "SUMIF",
  "ISNUMBER",
  "TEXT",
]);

/** Text outside string literals, so that words in messages are not taken for functions. */
const withoutStrings = (formula: string) => formula.replace(/"[^"]*"/g, '""');

describe("Benefit cost sheet model", () => {
  const baseline = cdnowBaseline(1);
  const assumptions = typedAssumptions(baseline, "base");
  const sheet = benefitCostSheet(cdnowSheetInput(baseline, assumptions));
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
    for (const f of ["SUMPRODUCT", "INDEX", "NPV", "MATCH", "TEXT", "ISNUMBER"]) expect(used).toContain(f);
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
    // Every tier assumption, every migration rate, the scenario, the seasonal index of every period, the
    // alternative, the lift's source and sensitivity axes are inputs.
    const K = baseline.states.length;
    expect(keys.length).toBeGreaterThanOrEqual(13 * baseline.tierCount + K * K + 1 + 12 + 3 + 12);
    expect(keys).toContain(INPUT_KEYS.liftSource);
  });

  it("writes the engine's value as the cached result of every formula", () => {
    const withResult = cells.filter((c) => c.formula !== undefined);
    expect(withResult.length).toBe(sheet.expected.size);
    const net = sheet.model.names!.find((n) => n.name === "LL_NetEffect")!;
    const at = parseCellAddress(net.range);
    const cell = withResult.find((c) => c.row === at.row && c.col === at.col)!;
    expect(cell.result).toBe(sheet.projection.totals.netEffect);
  });

  it("holds 1 to 36 periods and up to 6 tiers in the footprint, and says when there are too many tiers", () => {
    for (const T of [1, 8, 12, MAX_PERIODS]) {
      expect(benefitCostLayout(4, T, 6, T > 12).lastRow).toBeLessThanOrEqual(200);
    }
    expect(benefitCostLayout(6, MAX_PERIODS, 6, true).lastRow).toBeLessThanOrEqual(200);
    expect(() => benefitCostLayout(20, 12, 6, false)).toThrow(UserError);
    expect(() => benefitCostLayout(20, 12, 6, false)).toThrow(
      /rows 1 to 200: 20 tiers need \d+ rows; use fewer tiers/,
    );
    expect(() => benefitCostLayout(4, MAX_PERIODS + 1, 6, true)).toThrow(RangeError);
  });

  it("builds 36 quarterly periods with a formula in every period column", () => {
    const quarterly = cdnowBaseline(3);
    const long = { ...typedAssumptions(quarterly, "ambitious"), periods: MAX_PERIODS };
    long.seasonalIndex = Array.from({ length: MAX_PERIODS }, (_, t) => quarterly.seasonality.index[t % 4]);
    const built = benefitCostSheet(cdnowSheetInput(quarterly, long));
    // Column AM is period 36 (C is now, D period 1), AN the total; 9 years of totals.
    expect(built.expected.get(`AM${built.layout.netEffect}`)).toBe(built.projection.netEffect[MAX_PERIODS]);
    expect(built.expected.get(`AN${built.layout.netEffect}`)).toBe(built.projection.totals.netEffect);
    expect(built.projection.years).toHaveLength(9);
    expect(built.expected.get(`L${built.layout.yearsFirst}`)).toBe(built.projection.years[8].revenue);
  });
});

describe("two-line headers", () => {
  it("keeps a header that fits on one line and splits a long one at the best space", () => {
    expect(headerLines("Tier", 12)).toEqual(["", "Tier"]);
    expect(headerLines("Points per unit of spend", 12)).toEqual(["Points per", "unit of spend"]);
    expect(headerLines("Redemption rate", 12)).toEqual(["Redemption", "rate"]);
  });
});

describe("two-line headers in Chinese", () => {
  it("counts a Chinese character twice and splits Chinese text between characters", () => {
    // 7 characters are 14 wide: too wide for 12, split in the middle.
    expect(headerLines("每单位消费积分", 12)).toEqual(["每单位", "消费积分"]);
    expect(headerLines("兑换率", 12)).toEqual(["", "兑换率"]);
  });
});

describe("the Benefit cost sheet in Chinese", () => {
  const baseline = cdnowBaseline(1);
  const sheet = benefitCostSheet({
    ...cdnowSheetInput(baseline, typedAssumptions(baseline, "base")),
    source: "",
    language: "zh-CN",
  });
  const latin = (text: string) =>
    (text.match(/\b[A-Za-z][A-Za-z']*\b/g) ?? []).filter((w) => !KEPT_LATIN_WORDS.has(w));

  it("has no English word in any cell, cell note, chart, validation message or name comment", () => {
    const texts: string[] = [];
    for (const c of resolveCells(sheet.model)) {
      for (const t of [c.value, c.result, c.note]) if (typeof t === "string") texts.push(t);
    }
    for (const chart of sheet.model.charts ?? []) {
      texts.push(chart.title ?? "", chart.xAxisTitle ?? "", chart.yAxisTitle ?? "");
    }
    for (const v of sheet.model.validations ?? []) texts.push(v.prompt ?? "", v.error ?? "");
    for (const n of sheet.model.names ?? []) texts.push(n.comment ?? "");
    // The sheet has hundreds of texts: a scan that found few would prove nothing.
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter((t) => latin(t).length > 0)).toEqual([]);
  });

  it("names the scenarios in Chinese, and reads a scenario typed in either language", () => {
    const selector = resolveCells(sheet.model).find((c) => c.input === INPUT_KEYS.scenario)!;
    expect(selector.value).toBe("基准");
    const input = (value: string) => [{ key: INPUT_KEYS.scenario, address: "B24", value, edited: true }];
    const defaults = typedAssumptions(baseline, "base");
    expect(assumptionsWithInputs(defaults, baseline, input("保守"), "LL 权益成本").scenario).toBe("cautious");
    expect(assumptionsWithInputs(defaults, baseline, input("Ambitious"), "LL 权益成本").scenario).toBe(
      "ambitious",
    );
  });
});
