/**
 * A customer summary as the pane's source (issue 23): found by its headers among the workbook's tables
 * and proposed where there are no order lines, its unit and as-of date read from its rows, Build waiting
 * for the columns it lacks, and the build in the worker giving the hand-computed customers and revenue,
 * with the sheets that need order lines saying so.
 */
import type { ReportResult } from "../../src/report/build-report";
import { resolveReportConfig } from "../../src/report/config";
import { discoverSources } from "../../src/taskpane/source/discover";
import { buildConfigLayer, buildFormOf } from "../../src/taskpane/state/build-form";
import {
  currentSummary,
  datesWanted,
  INITIAL_SOURCE_STATE,
  sourceReducer,
  sourceSettings,
  type SourceState,
} from "../../src/taskpane/state/source-state";
import { storedStart } from "../../src/taskpane/state/stored-settings";
import { runInWorker } from "../../src/taskpane/work/channel";
import type { Scalar } from "../../src/sheet/sheet-model";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { HAND_SUMMARY } from "./hand-summary";
import { answered } from "./inspect-answers";
import { buildWorker } from "./build-worker";

const NOTES = { name: "Notes", rows: [["Prices are in euros"], ["Ask Li before sharing"]] };

function summaryBook(rows = HAND_SUMMARY.rows as Scalar[][], headers = HAND_SUMMARY.headers): MemoryWorkbook {
  return MemoryWorkbook.withSheets([NOTES, { name: "Summary", rows: [headers, ...rows] }]);
}

async function chosen(wb: MemoryWorkbook): Promise<SourceState> {
  const state = sourceReducer(INITIAL_SOURCE_STATE, { type: "found", candidates: await discoverSources(wb) });
  const candidate = state.candidates.find((c) => c.key === state.selected)!;
  return answered(state, candidate.key, await wb.readTable(candidate.source));
}

describe("a customer summary as the pane's source", () => {
  it("is found by its headers and proposed where the workbook has no order lines", async () => {
    const state = await chosen(summaryBook());
    expect(state.selected).toBe("sheet:Summary");
    expect(state.candidates.find((c) => c.key === "sheet:Summary")).toMatchObject({ summary: true, rows: 3 });
    expect(currentSummary(state)).toEqual({ missing: [], asOf: HAND_SUMMARY.asOf, unit: "week" });
    // No date column to look at: a summary is made as of one date.
    expect(datesWanted(state)).toBeUndefined();
    expect(sourceSettings(state)).toMatchObject({
      source: { sheet: "Summary" },
      columns: {},
      asOf: null,
      timeUnit: "week",
    });
  });

  it("comes after order lines as good, which build every sheet", async () => {
    const orders = {
      name: "Orders",
      rows: [
        ["Customer ID", "Order date", "Amount"],
        ["A", "2024-01-01", 50],
      ],
    };
    const wb = MemoryWorkbook.withSheets([
      { name: "Summary", rows: [HAND_SUMMARY.headers, ...(HAND_SUMMARY.rows as Scalar[][])] },
      orders,
    ]);
    const state = await chosen(wb);
    expect(state.selected).toBe("sheet:Orders");
    expect(state.candidates.map((c) => c.key)).toEqual(["sheet:Orders", "sheet:Summary"]);
  });

  it("takes the unit its T is counted in from its rows: a summary made in days builds in days", async () => {
    const WEEK = 7;
    // recency (column 10) and T (column 11) written in days.
    const inDays = (HAND_SUMMARY.rows as Scalar[][]).map((r) =>
      r.map((v, c) => (c === 9 || c === 10 ? (v as number) * WEEK : v)),
    );
    const state = await chosen(summaryBook(inDays));
    expect(currentSummary(state)?.unit).toBe("day");
    expect(state.timeUnit).toBe("day");
    expect(sourceSettings(state)?.timeUnit).toBe("day");
  });

  it("holds Build back while columns a report needs are missing, and names them", async () => {
    const headers = HAND_SUMMARY.headers.slice(0, -2);
    const rows = (HAND_SUMMARY.rows as Scalar[][]).map((r) => r.slice(0, -2));
    const state = await chosen(summaryBook(rows, headers));
    expect(currentSummary(state)?.missing).toEqual(["window_spend", "window_purchase_days"]);
    expect(sourceSettings(state)).toBeUndefined();
  });

  it("builds in the worker: the hand-computed customers, orders and revenue; the sheets needing lines say so", async () => {
    const wb = summaryBook();
    const state = await chosen(wb);
    const config = buildConfigLayer(sourceSettings(state)!, buildFormOf(resolveReportConfig([])), "en");
    const result = await runInWorker<{ config: typeof config }, ReportResult, unknown>(
      buildWorker(),
      wb,
      { config },
      {},
    );
    const s = result.summary;
    expect(s.basis).toBe("summary");
    expect(s.asOf).toBe(HAND_SUMMARY.asOf);
    expect(s.customers).toBe(HAND_SUMMARY.customers);
    expect(s.orders).toBe(HAND_SUMMARY.orders);
    expect(s.revenue).toBeCloseTo(HAND_SUMMARY.revenue, 2);
    expect(s.tiers.reduce((n, t) => n + t.customers, 0)).toBe(HAND_SUMMARY.customers);
    const kpis = wb.sheet("LL KPIs").cells.get(2)?.get(1)?.value;
    expect(String(kpis)).toMatch(/^This sheet needs the order lines: the purchases month by month/);
    // Stored, so Refresh and the next session find the same source.
    expect(storedStart(await wb.readSettings()).source?.source).toEqual({ sheet: "Summary" });
    const refreshed = await runInWorker<object, ReportResult, unknown>(buildWorker(), wb, {}, {});
    expect(refreshed.summary.customers).toBe(HAND_SUMMARY.customers);
  });
});
