import ExcelJS from "exceljs";
import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCellAddress } from "../../src/sheet/a1";
import { fromExcelJsValue } from "../../src/workbook/xlsx/excel-values";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import type { Workbook } from "../../src/sheet/port";
import { describeWorkbookContract, type InspectedCell } from "./contract";
import { excelJsCellValue, fixtureWorkbook } from "./xlsx-fixture";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-xlsx-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** Each workbook of a test is a file; a write marks it unsaved, and inspecting saves it first. */
const state = new WeakMap<Workbook, { wb: XlsxWorkbook; dirty: boolean }>();
const MUTATORS = new Set(["writeSheet", "deleteGeneratedSheet", "writeSettings", "writeMemberState"]);

function track(wb: XlsxWorkbook): Workbook {
  const proxy: Workbook = new Proxy(wb, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        if (MUTATORS.has(String(prop))) (state.get(proxy) as { dirty: boolean }).dirty = true;
        return v.apply(target, args);
      };
    },
  });
  state.set(proxy, { wb, dirty: false });
  return proxy;
}

async function saved(wb: Workbook): Promise<string> {
  const s = state.get(wb);
  if (!s) throw new Error("not a tracked xlsx workbook");
  if (s.dirty) {
    await s.wb.save();
    s.dirty = false;
  }
  return s.wb.file as string;
}

const loaded = new Map<string, { mtime: number; wb: ExcelJS.Workbook }>();
async function plainExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const mtime = (await fs.stat(file)).mtimeMs;
  const cached = loaded.get(file);
  if (cached && cached.mtime === mtime) return cached.wb;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  loaded.set(file, { mtime, wb });
  return wb;
}

describeWorkbookContract("xlsx adapter (ExcelJS)", {
  async create(fixture) {
    const file = path.join(dir, `book${++fileNo}.xlsx`);
    await fixtureWorkbook(fixture).xlsx.writeFile(file);
    return track(await XlsxWorkbook.open(file));
  },
  async editCell(wb, sheet, address, cell) {
    // The user opens the file, types into the cell and saves.
    const file = await saved(wb);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.readFile(file);
    (plain.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address).value = excelJsCellValue(cell);
    await plain.xlsx.writeFile(file);
    return track(await XlsxWorkbook.open(file));
  },
  async reopen(wb) {
    return track(await XlsxWorkbook.open(await saved(wb)));
  },
  async inspect(wb, sheet, address): Promise<InspectedCell> {
    const book = await plainExcelJs(await saved(wb));
    const { row, col } = parseCellAddress(address);
    const cell = (book.getWorksheet(sheet) as ExcelJS.Worksheet).findCell(row, col);
    if (!cell) return { value: null };
    const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
    // The value as our streaming reader reads it: ExcelJS does not decode the _xHHHH_ escapes (a carriage
    // return, control characters) in inline strings, as Excel does; formats and formulas as ExcelJS sees them.
    const [[value]] = await (await XlsxWorkbook.open(await saved(wb))).readRange(sheet, address);
    return {
      value: cell.value === null ? fromExcelJsValue(cell.value) : value,
      formula,
      numberFormat: cell.numFmt,
      bold: cell.font?.bold,
    };
  },
  async definedNames(wb) {
    const file = await saved(wb);
    const pkg = XlsxPackage.fromBuffer(await fs.readFile(file), path.basename(file));
    return Object.fromEntries(
      pkg
        .definedNames()
        .filter((n) => n.localSheet === undefined)
        .map((n) => [n.name, n.formula]),
    );
  },
});
