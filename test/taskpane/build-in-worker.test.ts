/**
 * The pane's Build and Refresh end to end without a browser: the worker side runs the real report build
 * over a MessageChannel against the page's in-memory workbook (the preview's sample, smaller).
 */
import type { ReportProgress, ReportResult } from "../../src/report/build-report";
import { discoverSources } from "../../src/taskpane/source/discover";
import { sampleWorkbook } from "../../src/taskpane/preview/sample-workbook";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import {
  INITIAL_SOURCE_STATE,
  sourceReducer,
  sourceSettings,
  type SourceAction,
} from "../../src/taskpane/state/source-state";
import { paneMessageOf, resultMessageOf } from "../../src/taskpane/state/pane-message";
import { storedStart } from "../../src/taskpane/state/stored-settings";
import type { BuildRequest } from "../../src/taskpane/work/build-request";
import { runInWorker } from "../../src/taskpane/work/channel";
import { isAbort } from "../../src/taskpane/work/errors";
import { resolveReportConfig } from "../../src/report/config";
import { answered } from "./inspect-answers";
import { buildWorker } from "./build-worker";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

/**
 * What the pane sends when the user presses Build on the proposed table with the default form, after the
 * Source step's `choices`.
 */
async function buildRequest(
  wb: MemoryWorkbook,
  sheets?: string[],
  choices: SourceAction[] = [],
): Promise<BuildRequest> {
  let state = sourceReducer(INITIAL_SOURCE_STATE, { type: "found", candidates: await discoverSources(wb) });
  const candidate = state.candidates.find((c) => c.key === state.selected)!;
  state = answered(state, candidate.key, await wb.readTable(candidate.source));
  state = choices.reduce(sourceReducer, state);
  const form = buildFormOf(resolveReportConfig([]));
  if (sheets) form.sheets = sheets as typeof form.sheets;
  return { config: buildConfigLayer(sourceSettings(state)!, form, "en") };
}

describe("Build and Refresh from the pane", () => {
  it("builds the report in the worker, reports every step; Refresh reruns it from the stored settings and keeps the user's edits", async () => {
    const wb = sampleWorkbook({ customers: 150 });
    const page = buildWorker();
    const steps: ReportProgress[] = [];
    const built: ReportResult = await runInWorker(page, wb, await buildRequest(wb, ["segments", "tiers"]), {
      onProgress: (p: ReportProgress) => steps.push(p),
    });
    expect(steps.map((s) => s.step)).toEqual([
      "reading",
      "checking",
      "summarising",
      "fitting",
      "writing",
      "writing",
      "done",
    ]);
    expect(steps.map((s) => s.fraction)).toEqual([...steps.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(built.summary.sheets.map((s) => s.sheetName)).toEqual(["LL Segments", "LL Tiers"]);
    expect(built.summary.tiers.reduce((n, t) => n + t.customers, 0)).toBe(built.summary.customers);

    const stored = storedStart(await wb.readSettings());
    expect(stored.error).toBeUndefined();
    expect(stored.source?.source).toEqual({ table: "OrderLines" });
    expect(stored.config.sheets).toEqual(["segments", "tiers"]);

    // The user raises a tier minimum on the Tiers sheet and writes on their own sheet; Refresh keeps both.
    const minimum = (await wb.readInputs("tiers")).find((i) => i.key === "tiers.platinum.minSpend")!;
    const raised = (minimum.defaultValue as number) * 2;
    wb.setCell("LL Tiers", minimum.address, raised);
    wb.setCell("Notes", "B2", "=LOYALTY.TIER(B1)");
    const notesBefore = JSON.stringify([...wb.sheet("Notes").cells]);
    const sheetsBefore = await wb.listSheets();

    const refreshed: ReportResult = await runInWorker(page, wb, {});
    expect(refreshed.summary.sheets.map((s) => [s.sheetName, s.replaced])).toEqual([
      ["LL Segments", true],
      ["LL Tiers", true],
    ]);
    expect(refreshed.summary.sheets.find((s) => s.kind === "tiers")?.keptInputs).toContain(
      "tiers.platinum.minSpend",
    );
    expect((await wb.readInputs("tiers")).find((i) => i.key === minimum.key)).toMatchObject({
      value: raised,
      edited: true,
    });
    const platinum = (r: ReportResult) => r.summary.tiers.find((t) => t.key === "platinum")!.customers;
    expect(platinum(refreshed)).toBeLessThan(platinum(built));
    expect(refreshed.summary.customers).toBe(built.summary.customers);
    expect(JSON.stringify([...wb.sheet("Notes").cells])).toBe(notesBefore);
    // No sheet added, moved or removed: the generated ones were rebuilt where they were.
    expect((await wb.listSheets()).map((s) => [s.name, s.position])).toEqual(
      sheetsBefore.map((s) => [s.name, s.position]),
    );
  });

  it("stops at the next step when the pane cancels, and writes no sheet after it", async () => {
    const wb = sampleWorkbook({ customers: 150 });
    const controller = new AbortController();
    const outcome = await runInWorker(buildWorker(), wb, await buildRequest(wb), {
      signal: controller.signal,
      onProgress: (p: ReportProgress) => p.step === "summarising" && controller.abort(),
    }).then(
      () => "finished",
      (e: unknown) => e,
    );
    expect(isAbort(outcome)).toBe(true);
    expect(await wb.listGeneratedSheets()).toEqual([]);
  });

  describe("text dates written day first (25/12/2023)", () => {
    const dayFirst = ["25/12/2023", "05/01/2024", "17/02/2024", "01/03/2024", "23/05/2024", "02/06/2024"];
    const orders = (dates: string[]) =>
      MemoryWorkbook.withSheets([
        {
          name: "Orders",
          rows: [
            ["Customer ID", "Order date", "Amount"],
            ...dates.map((d, i) => [`C${(i % 3) + 1}`, d, i + 5]),
          ],
        },
      ]);

    it("build with the order the dates propose, stored, and refresh so", async () => {
      const wb = orders(dayFirst);
      const built: ReportResult = await runInWorker(buildWorker(), wb, await buildRequest(wb, ["segments"]));
      expect(built.summary).toMatchObject({ customers: 3, orderLines: 6, asOf: "2024-06-02" });
      expect(resultMessageOf(built.summary)).toBeUndefined();
      // Stored with the other settings: the pane reopens on day first, and Refresh reads the dates so.
      expect(storedStart(await wb.readSettings()).source?.dayOrder).toBe("dmy");
      const refreshed: ReportResult = await runInWorker(buildWorker(), wb, {});
      expect(refreshed.summary).toMatchObject({ customers: 3, orderLines: 6, asOf: "2024-06-02" });
    });

    it("fail with the advice to set the date order when the dates do not say, then build once it is day first", async () => {
      // Every day up to 12: nothing proves day first or month first.
      const wb = orders(["12/11/2023", "05/01/2024", "11/02/2024", "01/03/2024", "03/05/2024", "02/06/2024"]);
      const failure = await runInWorker(buildWorker(), wb, await buildRequest(wb, ["segments"])).then(
        () => undefined,
        (e: unknown) => e,
      );
      const message = paneMessageOf(failure);
      expect(message).toMatchObject({ fix: "dayOrder" });
      expect(message && "text" in message && message.text).toMatch(
        /no usable order lines among 6 rows.*row 2, column B \(Order date\): day\/month order unknown/,
      );
      expect(await wb.listGeneratedSheets()).toEqual([]);

      const dmy = await buildRequest(wb, ["segments"], [{ type: "dayOrder", order: "dmy" }]);
      const built: ReportResult = await runInWorker(buildWorker(), wb, dmy);
      expect(built.summary).toMatchObject({ customers: 3, orderLines: 6, asOf: "2024-06-02" });
      expect(storedStart(await wb.readSettings()).source?.dayOrder).toBe("dmy");
    });

    it("warn when some rows were left out for want of a date order", async () => {
      const wb = orders(["2024-01-05", "2024-01-09", "2024-02-11", "2024-03-01", "03/04/2024", "2024-05-23"]);
      const built: ReportResult = await runInWorker(buildWorker(), wb, await buildRequest(wb, ["segments"]));
      expect(built.summary.orderLines).toBe(5);
      expect(resultMessageOf(built.summary)).toEqual({ warning: "dayOrder" });
      const mdy = await buildRequest(wb, ["segments"], [{ type: "dayOrder", order: "mdy" }]);
      const all: ReportResult = await runInWorker(buildWorker(), wb, mdy);
      expect(all.summary.orderLines).toBe(6);
      expect(resultMessageOf(all.summary)).toBeUndefined();
    });
  });

  it("says what is wrong with the pane's settings in one line", async () => {
    const wb = sampleWorkbook({ customers: 20 });
    const request = await buildRequest(wb);
    const bad = { config: { ...request.config, tiers: { tiers: [{ key: "only", name: "Only" }] } } };
    await expect(runInWorker(buildWorker(), wb, bad)).rejects.toThrow(/tier/);
  });
});
