/**
 * The campaign history in a report: found on a Campaigns sheet of the workbook (never taken for the
 * orders), measured on LL Campaigns in both languages, and taken as the Benefit cost sheet's spend lift
 * with one setting.
 */
import { generateCampaignHistory } from "../../../src/engine/sample/planted-effects";
import { buildReport } from "../../../src/report/build-report";
import { MemoryWorkbook, type UserCell } from "../../../src/workbook/memory/memory-workbook";
import type { CellValue, RawTable } from "../../../src/engine/data/table";

const history = generateCampaignHistory({ customers: 1500, seed: 2 });

function rowsOf(table: RawTable): UserCell[][] {
  return [table.headers, ...table.columns[0].map((_, r) => table.columns.map((c) => c[r] as UserCell))];
}

/** A workbook as a user has it: the orders on one sheet, who took part on a sheet named Campaigns. */
function userWorkbook(): MemoryWorkbook {
  // The campaign table first and as an Excel table: it must still not be taken for the orders.
  const campaigns = rowsOf(history.campaigns);
  return MemoryWorkbook.withSheets([
    { name: "Campaigns", rows: campaigns, tables: [{ name: "Who", range: `A1:E${campaigns.length}` }] },
    { name: "Orders", rows: rowsOf(history.orders) },
  ]);
}

const text = (rows: CellValue[][]) =>
  rows.map((r) => r.map((c) => (c ?? "") as string).join(" | ")).join("\n");

describe("a workbook with a Campaigns sheet", () => {
  it("measures the campaign, reads the orders from the Orders sheet, and says it in Chinese when asked", async () => {
    const workbook = userWorkbook();
    await buildReport({ workbook, config: { sheets: ["campaigns"], language: "zh-CN" } });
    const sheet = (await workbook.listSheets()).find((s) => s.generatedKind === "campaigns");
    expect(sheet?.name).toBe("LL 活动效果");
    const cells = text(await workbook.readRange(sheet!.name));
    expect(cells).toContain("Summer double points");
    expect(cells).toMatch(/消费提升 \+\d+\.\d %（95 %/);
    expect(cells).toContain("简单比较");
  });

  it("takes the measured lift as every tier's spend lift, the source cell saying where it came from", async () => {
    const workbook = userWorkbook();
    await buildReport({
      workbook,
      config: {
        sheets: ["campaigns", "benefit-cost"],
        campaigns: { liftForBenefitCost: "summer double points" },
      },
    });
    const inputs = await workbook.readInputs("benefit-cost");
    const source = inputs.find((i) => i.key === "bc.liftSource");
    expect(source?.value).toMatch(
      /^measured: campaign "Summer double points", \+\d+\.\d % \(95 %: .* see LL Campaigns/,
    );
    const lifts = inputs.filter((i) => /^bc\.tier\..*\.spendLift$/.test(i.key)).map((i) => i.value as number);
    expect(lifts.length).toBeGreaterThan(1);
    const shown = Number(/, \+(\d+\.\d) %/.exec(source!.value as string)![1]) / 100;
    for (const lift of lifts) expect(lift).toBeCloseTo(shown, 3);
  });

  it("names the setting and the campaigns it knows when the campaign is not there", async () => {
    await expect(
      buildReport({
        workbook: userWorkbook(),
        config: { sheets: ["benefit-cost"], campaigns: { liftForBenefitCost: "Spring sale" } },
      }),
    ).rejects.toThrow(/campaigns\.liftForBenefitCost names "Spring sale".*"Summer double points"/);
  });
});
