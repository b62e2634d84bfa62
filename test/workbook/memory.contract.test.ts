import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { Workbook } from "../../src/sheet/port";
import { describeWorkbookContract, type WorkbookFixture } from "./contract";

function asMemory(wb: Workbook): MemoryWorkbook {
  if (!(wb instanceof MemoryWorkbook)) throw new Error("not a memory workbook");
  return wb;
}

describeWorkbookContract("in-memory adapter", {
  async create(fixture: WorkbookFixture) {
    const wb = MemoryWorkbook.withSheets(fixture.sheets);
    for (const [name, reference] of Object.entries(fixture.names ?? {})) wb.addUserName(name, reference);
    return wb;
  },
  async editCell(wb, sheet, address, cell) {
    asMemory(wb).setCell(sheet, address, cell);
    return wb;
  },
  async reopen(wb) {
    return wb;
  },
  async inspect(wb, sheet, address) {
    const cell = asMemory(wb).cellAt(sheet, address);
    return {
      value: cell?.value ?? null,
      formula: cell?.formula,
      numberFormat: cell?.numberFormat,
      bold: cell?.style?.bold,
    };
  },
  async definedNames(wb) {
    const memory = asMemory(wb);
    const names = memory.listDefinedNames();
    return Object.fromEntries(names.map((n) => [n.name, n.reference]));
  },
});
