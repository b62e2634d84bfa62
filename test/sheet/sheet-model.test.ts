import { dateToExcelSerial, excelSerialToDate } from "../../src/sheet/serial-dates";
import {
  cellAddress,
  columnName,
  columnNames,
  columnNumber,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
  sheetRangeReference,
} from "../../src/sheet/a1";
import {
  borderSides,
  cellsByRow,
  currencyFormat,
  isFormulaLike,
  MAX_CELL_TEXT,
  notedAndInputCells,
  resolveCells,
  tableBox,
} from "../../src/sheet/sheet-model-cells";
import { checkSheetModel, definedNameProblem, sheetNameProblem } from "../../src/sheet/sheet-model-check";
import type { SheetModel } from "../../src/sheet/sheet-model";
import { exampleSheetModel } from "../workbook/example-model";

describe("A1 addresses", () => {
  it("converts columns and ranges both ways", () => {
    expect([1, 26, 27, 702, 703, 16_384].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(columnNames(3, 2)).toEqual(["B", "C", "D"]);
    expect(["A", "Z", "AA", "XFD"].map(columnNumber)).toEqual([1, 26, 27, 16_384]);
    expect(cellAddress(3, 2, true)).toBe("$B$3");
    expect(parseRangeAddress("$D$9:B3")).toEqual({ top: 3, left: 2, bottom: 9, right: 4 });
    expect(rangeAddress({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("A1");
    expect(rangeAddress({ top: 1, left: 1, bottom: 1, right: 1 }, false, true)).toBe("A1:A1");
    expect(() => parseRangeAddress("B0")).toThrow(/outside the sheet/);
    expect(() => parseRangeAddress("Sheet1!A1")).toThrow(/not a cell address/);
  });

  it("quotes sheet names in references when Excel needs it", () => {
    expect(quoteSheetName("Sales")).toBe("Sales");
    expect(quoteSheetName("LL Segments")).toBe("'LL Segments'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("客户")).toBe("'客户'");
    expect(sheetRangeReference("LL Benefit cost", "c4")).toBe("'LL Benefit cost'!$C$4");
  });
});

describe("cells of a sheet model", () => {
  it("finds the cells with a note or an input key (a text cut to fit has a note) as resolving every cell does", () => {
    const long = "x".repeat(MAX_CELL_TEXT + 5);
    const model: SheetModel = {
      kind: "k",
      name: "K",
      blocks: [
        {
          at: { row: 1, col: 1 },
          rows: [
            [{ value: "Spend", note: "net of refunds" }, "Id"],
            [1, "a"],
          ],
        },
        { at: { row: 4, col: 2 }, rows: [[2, { value: 10, input: "rate" }], [long, 3], [{ value: long }]] },
      ],
    };
    const found = notedAndInputCells(model);
    expect(found.map((c) => [c.row, c.col, c.note?.slice(0, 5), c.input])).toEqual([
      [1, 1, "net o", undefined],
      [4, 3, undefined, "rate"],
      [5, 2, "Cut: ", undefined],
      [6, 2, "Cut: ", undefined],
    ]);
    expect(found).toEqual(resolveCells(model).filter((c) => c.note !== undefined || c.input));
  });

  it("treats text starting with = + - @ tab or CR as text and formats it as text", () => {
    expect(["=1", "+1", "-1", "@a", "\tx", "\rx"].every(isFormulaLike)).toBe(true);
    expect(["1", "a=1", " =1", ""].some(isFormulaLike)).toBe(false);
    const cells = resolveCells({
      kind: "k",
      name: "K",
      blocks: [
        { at: { row: 1, col: 1 }, rows: [["=SUM(A1)", { formula: "=SUM(B1:B2)", result: 3 }, "plain"]] },
      ],
    });
    expect(cells[0]).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(cells[0].formula).toBeUndefined();
    expect(cells[1]).toMatchObject({ formula: "SUM(B1:B2)", result: 3 });
    expect(cells[2].numberFormat).toBeUndefined();
  });

  it("applies column formats, header and input styles, and date formats", () => {
    const d = new Date(Date.UTC(2024, 0, 31));
    const cells = resolveCells({
      kind: "k",
      name: "K",
      blocks: [
        {
          at: { row: 2, col: 3 },
          headerRows: 1,
          columnFormats: ["percent", null],
          rows: [
            ["Rate", "When"],
            [{ value: 0.5, input: "rate" }, d],
          ],
        },
      ],
    });
    expect(cells).toHaveLength(4);
    const [h, , a, b] = cells;
    expect(h).toMatchObject({ row: 2, col: 3, value: "Rate", style: { bold: true } });
    expect(h.numberFormat).toBeUndefined();
    expect(a).toMatchObject({
      row: 3,
      col: 3,
      numberFormat: "0%",
      input: "rate",
      style: { fill: "#FFCC99" },
    });
    expect(b).toMatchObject({ row: 3, col: 4, numberFormat: "yyyy-mm-dd" });
    expect(excelSerialToDate(dateToExcelSerial(d))).toEqual(d);
    expect(dateToExcelSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });

  it("gives a currency format with a symbol and a table at least one data row", () => {
    expect(currencyFormat("¥")).toEqual({ code: '"¥"#,##0.00;-"¥"#,##0.00' });
    expect(currencyFormat("$", 0)).toEqual({ code: '"$"#,##0;-"$"#,##0' });
    expect(tableBox({ at: { row: 4, col: 2 }, rows: [["a", "b"]], table: { name: "T" } })).toEqual({
      top: 4,
      left: 2,
      bottom: 5,
      right: 3,
    });
  });

  it("draws a box border on all four sides and a top or bottom border on that side only", () => {
    expect(borderSides("box", "l")).toEqual({ top: "l", bottom: "l", left: "l", right: "l" });
    expect(borderSides("top", "l")).toEqual({ top: "l" });
    expect(borderSides("bottom", "l")).toEqual({ bottom: "l" });
  });

  it("yields the cells row by row across blocks side by side, as the streaming writer needs", () => {
    const model: SheetModel = {
      kind: "k",
      name: "K",
      blocks: [
        { at: { row: 3, col: 4 }, rows: [["d3"], ["d4"]] },
        { at: { row: 1, col: 1 }, rows: [["a1", "b1"], [], ["a3"]] },
        { at: { row: 10, col: 1 }, rows: [["a10"]] },
      ],
    };
    const rows = [...cellsByRow(model)].map((r) => [r.row, r.cells.map((c) => c.value)]);
    expect(rows).toEqual([
      [1, ["a1", "b1"]],
      [3, ["a3", "d3"]],
      [4, ["d4"]],
      [10, ["a10"]],
    ]);
    const all = [...cellsByRow(exampleSheetModel())].flatMap((r) => r.cells);
    expect(all).toHaveLength(resolveCells(exampleSheetModel()).length);
  });
});

describe("checking a sheet model", () => {
  it("accepts the example model", () => {
    expect(checkSheetModel(exampleSheetModel()).kind).toBe("example");
  });

  it("lists every problem at once", () => {
    const bad: SheetModel = {
      kind: "",
      name: "Bad/Name",
      blocks: [
        {
          at: { row: 1, col: 1 },
          rows: [
            ["a", "a"],
            [1, 2, 3],
          ],
          table: { name: "1Table" },
        },
        {
          at: { row: 2, col: 2 },
          rows: [
            [
              { value: 1, formula: "A1", input: "k" },
              { value: 2, input: "k" },
            ],
          ],
        },
      ],
      charts: [
        { type: "scatter", series: [{ values: "A1:A3" }], at: { row: 1, col: 1 }, width: 0, height: 10 },
      ],
      validations: [{ range: "A1", type: "list", values: ["a,b"] }],
      names: [{ name: "A1", range: "A1" }],
      merges: ["A1:B2", "B2:C3"],
    };
    let message = "";
    try {
      checkSheetModel(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const part of [
      "kind is empty",
      'sheet name "Bad/Name" contains one of',
      "block 2 at row 2, col 2 overlaps block 1",
      'table name "1Table" must start with a letter',
      'table header "a" appears twice',
      "table row 2 is wider than its header",
      "cell with both a value and a formula",
      'input key "k" is used twice',
      "chart 1 series 1 needs xValues",
      "chart 1 needs a positive width and height",
      "list values cannot contain commas",
      'name "A1" looks like a cell reference',
      "merge B2:C3 overlaps another merge",
    ]) {
      expect(message).toContain(part);
    }
  });

  it("knows Excel's rules for sheet and defined names", () => {
    expect(sheetNameProblem("x".repeat(32))).toMatch(/longer than 31/);
    expect(sheetNameProblem("History")).toMatch(/reserves/);
    expect(sheetNameProblem("'quoted")).toMatch(/apostrophe/);
    expect(sheetNameProblem("客户 Customers")).toBeUndefined();
    expect(definedNameProblem("LL_Rate.Base")).toBeUndefined();
    expect(definedNameProblem("会员等级")).toBeUndefined();
    expect(definedNameProblem("R1C1")).toMatch(/cell reference/);
    expect(definedNameProblem("has space")).toMatch(/must start/);
  });
});
