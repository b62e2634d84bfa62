import { resolveCells } from "../../../src/sheet/sheet-model-cells";
import type { Cell, SheetModel } from "../../../src/sheet/sheet-model";
import { cellOperations } from "../../../src/workbook/office/cell-operations";
import {
  formulaOf,
  fromOfficeCell,
  isDateFormat,
  toOfficeInput,
} from "../../../src/workbook/office/cell-values";
import { jsonBytes, packRequests, utf8Length } from "../../../src/workbook/office/payload";

describe("payload measurement", () => {
  it("counts UTF-8 bytes: Chinese 3, emoji 4", () => {
    expect(utf8Length("a")).toBe(1);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("客户")).toBe(6);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes(["客"])).toBe(Buffer.byteLength('["客"]'));
  });

  it("packs operations in order into requests within the budget", () => {
    const ops = [5, 3, 4, 9, 1, 1].map((bytes, i) => ({ bytes, i }));
    expect(packRequests(ops, 8).map((r) => r.map((o) => o.i))).toEqual([[0, 1], [2], [3], [4, 5]]);
  });
});

function sheet(rows: Cell[][]): SheetModel {
  return { kind: "t", name: "T", blocks: [{ at: { row: 2, col: 2 }, rows }] };
}

describe("cell operations", () => {
  it("sends text with the quote prefix, dates as serials, formulas with =, and formats first", () => {
    const model = sheet([
      [
        "00042",
        "=not a formula",
        new Date(Date.UTC(2024, 0, 5)),
        { formula: "SUM(B1:B2)", format: "integer" },
      ],
    ]);
    const ops = cellOperations(resolveCells(model), 1_000_000);
    expect(ops.map((o) => o.kind)).toEqual(["numberFormat", "formulas"]);
    const ws = { getRange: jest.fn(() => ({}) as Record<string, unknown>) };
    const ranges: Record<string, unknown>[] = [];
    ws.getRange.mockImplementation(() => {
      const r = {};
      ranges.push(r);
      return r;
    });
    for (const op of ops) op.apply(ws as unknown as Excel.Worksheet, {} as Excel.RequestContext);
    expect(ws.getRange).toHaveBeenCalledWith("B2:E2");
    expect(ranges[0].numberFormat).toEqual([[null, "@", "yyyy-mm-dd", "#,##0"]]);
    expect(ranges[1].formulas).toEqual([["'00042", "'=not a formula", 45296, "=SUM(B1:B2)"]]);
  });

  it("splits long Chinese text into bands whose measured requests stay within the budget", () => {
    const long = "会员消费记录".repeat(200);
    const rows: Cell[][] = Array.from({ length: 300 }, (_, i) => [`客户${i}`, long, i]);
    const cells = resolveCells(sheet(rows));
    const budget = 50_000;
    const ops = cellOperations(cells, budget);
    expect(ops.every((o) => o.bytes <= budget)).toBe(true);
    // Roughly 300 rows x 3.6 kB = 1.1 MB, in requests that are not much smaller than the budget.
    const total = ops.reduce((n, o) => n + o.bytes, 0);
    expect(total).toBeGreaterThan(1_000_000);
    expect(packRequests(ops, budget).length).toBeLessThanOrEqual(Math.ceil(total / (0.5 * budget)));
  });

  it("splits a single row wider than the budget by columns", () => {
    const wide: Cell[] = Array.from({ length: 40 }, () => "x".repeat(1000));
    const ops = cellOperations(resolveCells(sheet([wide])), 10_000);
    expect(ops.length).toBeGreaterThan(4);
    expect(ops.every((o) => o.bytes <= 10_000)).toBe(true);
  });
});

describe("cell values from and to Excel", () => {
  it("recognises date formats, not number, time or text formats", () => {
    for (const f of [
      "yyyy-mm-dd",
      "m/d/yyyy",
      'yyyy"年"m"月"d"日"',
      "[$-409]d-mmm-yy",
      "mmm yyyy",
      "dd.mm.yyyy hh:mm",
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of [
      "General",
      "@",
      "0.00",
      "#,##0",
      "0%",
      "hh:mm",
      "[h]:mm:ss",
      "mm:ss",
      '"day"0',
      undefined,
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it("reads values by their type and format", () => {
    expect(fromOfficeCell(45296, "Double", "yyyy-mm-dd")).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(fromOfficeCell(12.5, "Double", "0.00")).toBe(12.5);
    expect(fromOfficeCell("#N/A", "Error", "General")).toEqual({ error: "#N/A" });
    expect(fromOfficeCell("", "Empty", "General")).toBeNull();
    expect(fromOfficeCell("00042", "String", "@")).toBe("00042");
    expect(fromOfficeCell(true, "Boolean", "General")).toBe(true);
  });

  it("tells formulas from text that looks like one", () => {
    expect(formulaOf(2, "=1+1")).toBe("1+1");
    expect(formulaOf("=1+1", "=1+1")).toBeUndefined();
    expect(formulaOf(5, 5)).toBeUndefined();
    expect(toOfficeInput({ row: 1, col: 1, value: "" })).toBeNull();
    expect(toOfficeInput({ row: 1, col: 1, value: false })).toBe(false);
  });
});
