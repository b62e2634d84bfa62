/**
 * A degenerate fit never feeds the sheets: on customers who never drop out (a seeded fixture shaped like
 * the UK retailer of issue 18) every purchase model runs its drop-out parameters to their bounds, and the
 * report leaves P(alive), expected purchases and predicted value empty, saying why.
 */
import { buildReport, type ReportResult } from "../../src/report/build-report";
import { chosenPredictions } from "../../src/report/report-models";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { immortalCustomerOrders } from "../helpers/degenerate-orders";

let workbook: MemoryWorkbook;
let result: ReportResult;

beforeAll(async () => {
  workbook = new MemoryWorkbook();
  result = await buildReport({
    workbook,
    orders: { table: immortalCustomerOrders() },
    config: { sheets: ["customers", "alerts", "model"] },
  });
});

describe("a report whose every purchase model is degenerate", () => {
  it("classifies each candidate degenerate and chooses none", () => {
    const model = result.summary.model!;
    expect(model.name).toBeNull();
    expect(model.fitted).toBe(false);
    expect(model.candidates.map((c) => [c.model, c.fitClass]).sort()).toEqual([
      ["BG/NBD", "degenerate"],
      ["MBG/NBD", "degenerate"],
      ["Pareto/NBD", "degenerate"],
    ]);
    expect(model.why).toContain("No purchase model is fit to use on this data");
  });

  it("leaves the prediction columns of Customers empty, with the reason above the table", async () => {
    const table = await workbook.readTable({ table: "LL_Customers" });
    expect(table.columns[0]).toHaveLength(600);
    for (const header of ["P(alive)", "Exp. purchases 90d", "Value next 12 mo"]) {
      const column = table.columns[table.headers.indexOf(header)];
      expect([header, column.every((v) => v === null)]).toEqual([header, true]);
    }
    const rows = await workbook.readRange("LL Customers");
    const note = rows
      .map((r) => r[0])
      .find((v) => typeof v === "string" && v.startsWith("Model columns are blank"));
    expect(note).toContain("No purchase model is fit to use on this data");
  });

  it("warns, naming the model and the code the pane says in both languages", () => {
    const details = result.summary.warnings.map((w) => w.detail).filter((d) => d && "model" in d);
    expect(details.length).toBeGreaterThan(0);
  });

  it("gives sheets that act on P(alive) the reason in both languages", () => {
    const none = chosenPredictions(null);
    expect(none.available).toBe(false);
    if (!none.available) expect(none.reason["zh-CN"]).toMatch(/模型/);
  });
});
