/**
 * The Benefit cost sheet as one of the report's sheets: built by the orchestrator (as `loyalty report`
 * and the task pane do), its projection totals in the summary (`--json`), and a rebuild that computes with
 * the assumptions edited on the sheet and keeps them.
 */
import { analyzeOrders } from "../../../src/engine/analyze";
import { defaultAssumptions } from "../../../src/engine/projection/assumptions";
import { projectionBaseline } from "../../../src/engine/projection/baseline";
import { runProjection } from "../../../src/engine/projection/project";
import { BENEFIT_COST_KIND } from "../../../src/report/benefit-cost/builder";
import { INPUT_KEYS } from "../../../src/report/benefit-cost/fields";
import { buildReport } from "../../../src/report/build-report";
import type { PartialReportConfig } from "../../../src/report/config";
import { UserError } from "../../../src/user-error";
import { readCsvTable } from "../../../src/workbook/csv/read";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";
import { cdnowSampleTable, testDataPath } from "../../helpers/test-data";

const CONFIG: PartialReportConfig = {
  columns: { customerId: "B", date: "C", amount: "E", quantity: "D" },
  sheets: ["tiers", "benefit-cost"],
};

describe("the report's Benefit cost sheet", () => {
  // The engine's own run on the same orders, for the expected totals.
  const analysis = analyzeOrders(cdnowSampleTable(), {
    read: { columns: { customerId: "sampleid" }, duplicates: "keep" },
  });
  const baseline = projectionBaseline(analysis.days, analysis.tiers, { periodMonths: 1 });

  it("is built with the report, its totals in the summary, and rebuilt with the edited assumptions", async () => {
    const { table } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
    const workbook = new MemoryWorkbook();
    const first = await buildReport({ workbook, orders: { table }, config: CONFIG });
    expect(first.summary.sheets.map((s) => s.sheetName)).toEqual(["LL Tiers", "LL Benefit cost"]);
    const defaults = defaultAssumptions(baseline);
    expect(first.summary.projection).toEqual(runProjection(baseline, defaults).totals);
    expect(first.summary.projection?.periods).toBe(12);

    const key = INPUT_KEYS.tier(baseline.states[0].key, "redemptionRate");
    const input = (await workbook.readInputs(BENEFIT_COST_KIND)).find((i) => i.key === key)!;
    workbook.setCell("LL Benefit cost", input.address, 0.3);
    const second = await buildReport({ workbook, orders: { table }, config: CONFIG });
    const edited = structuredClone(defaults);
    edited.tiers[0].redemptionRate = 0.3;
    expect(second.summary.projection).toEqual(runProjection(baseline, edited).totals);
    expect(second.summary.projection?.benefitCost).toBeLessThan(first.summary.projection!.benefitCost);
    expect(second.summary.sheets.find((s) => s.kind === BENEFIT_COST_KIND)?.keptInputs).toEqual([key]);
    expect(workbook.value("LL Benefit cost", input.address)).toBe(0.3);

    workbook.setCell("LL Benefit cost", input.address, "most");
    const failed = buildReport({ workbook, orders: { table }, config: CONFIG });
    await expect(failed).rejects.toThrow(UserError);
    await expect(failed).rejects.toThrow(`sheet LL Benefit cost, cell ${input.address}`);
  });

  it("is left out of the summary when the report does not build it", async () => {
    const { table } = await readCsvTable(testDataPath("CDNOW_sample.txt"), { header: "none" });
    const result = await buildReport({
      workbook: new MemoryWorkbook(),
      orders: { table },
      config: { ...CONFIG, sheets: ["tiers"] },
    });
    expect(result.summary.projection).toBeNull();
  });
});
