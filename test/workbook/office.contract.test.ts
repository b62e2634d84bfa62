import { parseCellAddress } from "../../src/sheet/a1";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import type { Workbook } from "../../src/sheet/port";
import { describeWorkbookContract, type InspectedCell } from "./contract";
import { FakeExcel } from "./office/fake-excel";
import { fakeExcelWith, typeInto } from "./office/fake-fixture";

/** Each workbook under test is an OfficeWorkbook over its own fake Excel. */
const excelOf = new WeakMap<Workbook, FakeExcel>();

function open(excel: FakeExcel): Workbook {
  const wb = new OfficeWorkbook({ run: excel.run, supports: () => true });
  excelOf.set(wb, excel);
  return wb;
}

function fake(wb: Workbook): FakeExcel {
  const excel = excelOf.get(wb);
  if (!excel) throw new Error("not a workbook over the fake Excel");
  return excel;
}

describeWorkbookContract("Office adapter (Excel JavaScript API, fake)", {
  async create(fixture) {
    return open(fakeExcelWith(fixture));
  },
  async editCell(wb, sheet, address, cell) {
    const { row, col } = parseCellAddress(address);
    typeInto(fake(wb).model.mustSheet(sheet).cellFor(row, col), cell);
    return wb;
  },
  async reopen(wb) {
    // The open workbook is the persisted form: a new adapter over it must see everything.
    return open(fake(wb));
  },
  async inspect(wb, sheet, address): Promise<InspectedCell> {
    const { row, col } = parseCellAddress(address);
    const cell = fake(wb).model.mustSheet(sheet).cell(row, col);
    if (!cell) return { value: null };
    const format = cell.properties?.format as { font?: { bold?: boolean } } | undefined;
    return {
      value: cell.error ? { error: cell.error } : cell.value,
      formula: cell.formula,
      numberFormat: cell.numberFormat,
      bold: format?.font?.bold,
    };
  },
  async definedNames(wb) {
    return Object.fromEntries(fake(wb).model.names.map((n) => [n.name, n.formula.replace(/^=/, "")]));
  },
});
