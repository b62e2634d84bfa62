/** `loyalty demo`: the report on the bundled sample, and the sample's orders written beside it. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runJson } from "../helpers/cli-io";
import { REPORT_SHEETS } from "../helpers/report-sheets";

const dir = mkdtempSync(path.join(tmpdir(), "loyalty-demo-"));
const file = (name: string) => path.join(dir, name);

describe("loyalty demo", () => {
  it("writes the report on the bundled sample and the sample's orders beside it", async () => {
    const out = file("demo/loyalty-demo.xlsx");
    const summary = await runJson(["demo", "--out", out]);
    expect(summary.file).toBe(out);
    expect(summary.customers).toBeGreaterThan(2900);
    expect(summary.sheets.map((s: { sheetName: string }) => s.sheetName)).toEqual(REPORT_SHEETS);
    expect(summary.dataQuality.findings.length).toBeGreaterThan(3);
    expect(existsSync(file("demo/loyalty-demo-orders.csv"))).toBe(true);
    // The CSV holds the same orders: reporting on it gives the same customers.
    const again = await runJson([
      "report",
      file("demo/loyalty-demo-orders.csv"),
      "--sheets",
      "segments",
      "--out",
      file("demo/again.xlsx"),
    ]);
    expect(again.customers).toBe(summary.customers);
    expect(again.revenue).toBeCloseTo(summary.revenue, 2);
    // The campaign history is written beside them, and --campaigns measures it.
    expect(existsSync(file("demo/loyalty-demo-campaigns.csv"))).toBe(true);
    const measured = await runJson([
      "report",
      file("demo/loyalty-demo-orders.csv"),
      "--campaigns",
      file("demo/loyalty-demo-campaigns.csv"),
      "--sheets",
      "campaigns,preferences",
      "--out",
      file("demo/campaigns.xlsx"),
    ]);
    expect(measured.sheets.map((s: { sheetName: string }) => s.sheetName)).toEqual([
      "LL Campaigns",
      "LL Preferences",
    ]);
  });
});
