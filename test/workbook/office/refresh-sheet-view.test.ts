/**
 * A generated sheet's tab colour and frozen panes in Excel: the report sets them; a manager who changed
 * them (a red tab on the sheet they work from, more rows frozen, panes unfrozen) keeps theirs on Refresh.
 * What the last build set is recorded in the registry; a sheet written before that is compared with what
 * the new build sets.
 */
import { buildReport } from "../../../src/report/build-report";
import { frozenCount } from "../../../src/workbook/office/office-backend";
import { customerTable, editRegistry, reportInExcel } from "./refresh-fixture";

jest.setTimeout(120_000);

describe("Refresh in Excel keeps the tab colour and frozen panes the user changed", () => {
  it("records what it set, and sets it again where the user changed nothing", async () => {
    const { excel, wb } = await reportInExcel();
    const views: unknown[] = [];
    editRegistry(excel, (entry) => views.push([entry.kind, entry.view]));
    const { box } = customerTable(excel);
    expect(views).toContainEqual(["customers", { tabColor: "#4472C4", freeze: { rows: box.top, cols: 1 } }]);
    expect(views).toContainEqual(["tiers", { tabColor: "#FFC000", freeze: { rows: 0, cols: 0 } }]);
    await buildReport({ workbook: wb });
    const customers = excel.model.mustSheet("LL Customers");
    expect(customers.settings.tabColor).toBe("#4472C4");
    expect(customers.freeze).toEqual({ at: `'LL Customers'!A1:A${box.top}` });
  });

  it("keeps a tab colour and frozen panes the user set, and panes they unfroze", async () => {
    const { excel, wb } = await reportInExcel();
    const customers = excel.model.mustSheet("LL Customers");
    const tiers = excel.model.mustSheet("LL Tiers");
    customers.settings.tabColor = "#FF0000";
    customers.freeze = {};
    tiers.freeze = { rows: 2 };
    tiers.settings.tabColor = "";
    await buildReport({ workbook: wb });
    expect(customers.settings.tabColor).toBe("#FF0000");
    expect(customers.freeze).toEqual({});
    expect(tiers.freeze).toEqual({ rows: 2 });
    expect(tiers.settings.tabColor).toBe("");
  });

  it("on a sheet written before they were recorded, keeps those that differ from what the new build sets", async () => {
    const { excel, wb } = await reportInExcel();
    editRegistry(excel, (entry) => {
      delete entry.view;
    });
    const customers = excel.model.mustSheet("LL Customers");
    const tiers = excel.model.mustSheet("LL Tiers");
    tiers.settings.tabColor = "#00B050";
    const { box } = customerTable(excel);
    await buildReport({ workbook: wb });
    expect(tiers.settings.tabColor).toBe("#00B050");
    expect(customers.settings.tabColor).toBe("#4472C4");
    expect(customers.freeze).toEqual({ at: `'LL Customers'!A1:A${box.top}` });
  });
});

describe("frozenCount", () => {
  it("reads the frozen cells' address as Excel gives it", () => {
    expect(frozenCount("$1:$3")).toEqual({ rows: 3, cols: 0 });
    expect(frozenCount("A:B")).toEqual({ rows: 0, cols: 2 });
    expect(frozenCount("$A$1:$B$4")).toEqual({ rows: 4, cols: 2 });
    expect(frozenCount("A1:XFD5")).toEqual({ rows: 5, cols: 0 });
    expect(frozenCount("A1:C1048576")).toEqual({ rows: 0, cols: 3 });
  });
});
