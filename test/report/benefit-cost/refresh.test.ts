/**
 * Refresh keeps the finance work: the sheet is built, a user edits assumptions and adds their own notes
 * beside and below the model, the data grows, and the sheet is rebuilt from the workbook's input cells.
 * The baseline must follow the new data, the edits must stay and be computed with, and the user's cells
 * outside the footprint must be left alone.
 */
import { analyzeOrders } from "../../../src/engine/analyze";
import { defaultAssumptions } from "../../../src/engine/projection/assumptions";
import { projectionBaseline } from "../../../src/engine/projection/baseline";
import { runProjection } from "../../../src/engine/projection/project";
import type { RawTable } from "../../../src/engine/data/table";
import { BENEFIT_COST_KIND } from "../../../src/report/benefit-cost/builder";
import { INPUT_KEYS } from "../../../src/report/benefit-cost/fields";
import { benefitCostSheetFromData } from "../../../src/report/benefit-cost/from-data";
import type { SheetInput } from "../../../src/report/benefit-cost/inputs";
import { cellAddress } from "../../../src/sheet/a1";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";
import { UserError } from "../../../src/user-error";
import { cdnowSampleTable } from "../../helpers/test-data";

/** The CDNOW sample up to a date (YYYYMMDD), as the orders stood then. */
function cdnowUpTo(last: number): RawTable {
  const table = cdnowSampleTable();
  const keep = table.columns[2].map((d) => Number(d) <= last);
  return { ...table, columns: table.columns.map((col) => col.filter((_, i) => keep[i])) };
}

const analyze = (table: RawTable) =>
  analyzeOrders(table, { read: { columns: { customerId: "sampleid" }, duplicates: "keep" } });

describe("refreshing the Benefit cost sheet", () => {
  const before = analyze(cdnowUpTo(19980331));
  const after = analyze(cdnowSampleTable());

  async function addressOf(wb: MemoryWorkbook, key: string): Promise<string> {
    const input = (await wb.readInputs(BENEFIT_COST_KIND)).find((i) => i.key === key);
    if (!input) throw new Error(`no input ${key}`);
    return input.address;
  }

  it("updates the baseline, keeps and uses the edited assumptions, and leaves the user's cells alone", async () => {
    const wb = new MemoryWorkbook();
    const first = benefitCostSheetFromData({ analysis: before, inputs: [], sheetName: "" });
    const { sheetName } = await wb.writeSheet(first.model);
    const platinum = before.tiers.categories[0].key;
    const redemption = await addressOf(wb, INPUT_KEYS.tier(platinum, "redemptionRate"));
    const periods = await addressOf(wb, INPUT_KEYS.programme("periods"));
    const scenario = await addressOf(wb, INPUT_KEYS.scenario);
    const spend = await addressOf(wb, INPUT_KEYS.spend(`${platinum}.established`));
    wb.setCell(sheetName, redemption, 0.95);
    wb.setCell(sheetName, spend, 1234.5);
    wb.setCell(sheetName, periods, 6);
    wb.setCell(sheetName, scenario, "Cautious");
    wb.setCell(sheetName, "A205", "Budget agreed with finance");
    wb.setCell(sheetName, "AP3", { formula: "LL_NetEffect*2" });

    const inputs: SheetInput[] = await wb.readInputs(BENEFIT_COST_KIND);
    const second = benefitCostSheetFromData({ analysis: after, inputs, sheetName });
    const result = await wb.writeSheet(second.model);
    expect(result.replaced).toBe(true);
    expect(result.keptInputs.sort()).toEqual(
      [
        INPUT_KEYS.tier(platinum, "redemptionRate"),
        INPUT_KEYS.programme("periods"),
        INPUT_KEYS.scenario,
        INPUT_KEYS.spend(`${platinum}.established`),
      ].sort(),
    );

    // The engine computed with the edits on the new baseline.
    const baseline = projectionBaseline(after.days, after.tiers, { periodMonths: 1 });
    const expected = defaultAssumptions(baseline, 6);
    expected.tiers[0].redemptionRate = 0.95;
    expected.scenario = "cautious";
    expected.spendPerMember[baseline.tierCount] = 1234.5;
    expect(second.projection.totals).toEqual(runProjection(baseline, expected).totals);
    expect(second.layout.T).toBe(6);

    // On the sheet: the edits, the new baseline (members now changed with the data), the user's cells.
    expect(wb.value(sheetName, redemption)).toBe(0.95);
    expect(wb.value(sheetName, scenario)).toBe("Cautious");
    // Platinum's established members now (the row after the k rows of new members).
    const k = baseline.tierCount;
    const membersNow = cellAddress(second.layout.baselineFirst + k, 2);
    expect(wb.value(sheetName, membersNow)).toBe(baseline.chain.members[k]);
    expect(baseline.chain.members[k]).not.toBe(first.input.baseline.chain.members[k]);
    expect(wb.value(sheetName, spend)).toBe(1234.5);
    expect(wb.value(sheetName, "A205")).toBe("Budget agreed with finance");
    expect(wb.cellAt(sheetName, "AP3")?.formula).toBe("LL_NetEffect*2");
  });

  it("names the cell of an edited assumption it cannot use, and takes a cleared cell as the default", async () => {
    const wb = new MemoryWorkbook();
    const first = benefitCostSheetFromData({ analysis: before, inputs: [], sheetName: "" });
    const { sheetName } = await wb.writeSheet(first.model);
    const margin = await addressOf(wb, INPUT_KEYS.programme("grossMargin"));
    const fixed = await addressOf(wb, INPUT_KEYS.programme("fixedCost"));
    wb.setCell(sheetName, margin, "forty");
    const bad = await wb.readInputs(BENEFIT_COST_KIND);
    expect(() => benefitCostSheetFromData({ analysis: after, inputs: bad, sheetName })).toThrow(UserError);
    expect(() => benefitCostSheetFromData({ analysis: after, inputs: bad, sheetName })).toThrow(
      `sheet ${sheetName}, cell ${margin} (gross margin) must be a number, not "forty"`,
    );
    wb.setCell(sheetName, margin, 1.5);
    const tooHigh = await wb.readInputs(BENEFIT_COST_KIND);
    expect(() => benefitCostSheetFromData({ analysis: after, inputs: tooHigh, sheetName })).toThrow(
      `cell ${margin} (gross margin) must be at most 1, not 1.5`,
    );
    wb.setCell(sheetName, margin, null);
    wb.setCell(sheetName, fixed, 300);
    const rebuilt = benefitCostSheetFromData({
      analysis: after,
      inputs: await wb.readInputs(BENEFIT_COST_KIND),
      sheetName,
    });
    expect(rebuilt.input.assumptions.programme.grossMargin).toBe(0.4);
    expect(rebuilt.input.assumptions.programme.fixedCost).toBe(300);
    expect(rebuilt.projection.costProgramme.slice(1).every((c) => c === 300)).toBe(true);
  });

  it("lists the edited inputs the refreshed model has no place for, such as the old cost growth coefficient", () => {
    const typed: SheetInput[] = [
      { key: "bc.costGrowthCoefficient", address: "B38", value: 1.5, edited: true },
      { key: INPUT_KEYS.programme("grossMargin"), address: "B34", value: 0.3, edited: true },
      { key: "bc.someOtherDefault", address: "B39", value: 2, edited: false },
    ];
    const rebuilt = benefitCostSheetFromData({
      analysis: after,
      inputs: typed,
      sheetName: "LL Benefit cost",
    });
    expect(rebuilt.unusedEdits).toEqual([typed[0]]);
    expect(rebuilt.input.assumptions.programme.grossMargin).toBe(0.3);
  });
});
