/**
 * The Benefit cost sheet through the Office adapter (the task pane's path), on the fake Excel JavaScript
 * API: every formula, defined name, validation and input cell arrives, and a refresh keeps an edited
 * assumption and the user's cells outside the model.
 */
import { BENEFIT_COST_KIND, benefitCostSheet } from "../../../src/report/benefit-cost/builder";
import { INPUT_KEYS } from "../../../src/report/benefit-cost/fields";
import { benefitCostSheetForWorkbook } from "../../../src/report/benefit-cost/from-data";
import { parseCellAddress } from "../../../src/sheet/a1";
import { inputCells, resolveCells } from "../../../src/sheet/sheet-model-cells";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { typeInto, fakeExcelWith } from "../../workbook/office/fake-fixture";
import { cdnowAnalysis, cdnowBaseline, cdnowSheetInput, typedAssumptions } from "./fixture";

describe("Benefit cost sheet through the Office adapter", () => {
  it("writes every formula and name, and a refresh keeps the edited assumption and the user's cells", async () => {
    const excel = fakeExcelWith({ sheets: [] });
    const workbook = new OfficeWorkbook({ run: excel.run, supports: () => true });
    const baseline = cdnowBaseline(1);
    const first = benefitCostSheet(cdnowSheetInput(baseline, typedAssumptions(baseline, "cautious")));
    const { sheetName } = await workbook.writeSheet(first.model);
    const sheet = excel.model.mustSheet(sheetName);

    const formulas = resolveCells(first.model).filter((c) => c.formula !== undefined);
    expect(formulas.every((c) => sheet.cellFor(c.row, c.col).formula === c.formula)).toBe(true);
    const names = excel.model.names.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(first.model.names!.map((n) => n.name)));

    const key = INPUT_KEYS.programme("grossMargin");
    const address = inputCells(first.model).get(key)!.address;
    const { row, col } = parseCellAddress(address);
    typeInto(sheet.cellFor(row, col), 0.55);
    typeInto(sheet.cellFor(205, 1), "Our notes");

    const refreshed = await benefitCostSheetForWorkbook(workbook, cdnowAnalysis());
    const result = await workbook.writeSheet(refreshed.model);
    expect(result.keptInputs).toEqual([key]);
    expect(refreshed.input.assumptions.programme.grossMargin).toBe(0.55);
    expect(sheet.cellFor(row, col).value).toBe(0.55);
    expect(sheet.cellFor(205, 1).value).toBe("Our notes");
    expect((await workbook.readInputs(BENEFIT_COST_KIND)).length).toBe(inputCells(refreshed.model).size);
  });
});
