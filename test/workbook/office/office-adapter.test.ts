/**
 * What the Office adapter does beyond the shared contract: the Excel objects it creates from a sheet model
 * (tables, charts, conditional formats, validation, frozen panes, notes, widths), rebuilding a generated
 * sheet in place, and settings that travel between the CLI's .xlsx files and the add-in.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SETTINGS_SHEET_NAME } from "../../../src/sheet/port";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { columnWidthPoints } from "../../../src/workbook/office/structure-operations";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { exampleSheetModel } from "../example-model";
import { STANDARD } from "../contract";
import { FakeExcel } from "./fake-excel";
import { fakeExcelWith } from "./fake-fixture";

const dir = mkdtempSync(path.join(os.tmpdir(), "ll-office-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function officeOver(excel: FakeExcel, notes = true): OfficeWorkbook {
  return new OfficeWorkbook({
    run: excel.run,
    supports: (set, v) => notes || !(set === "ExcelApi" && v === "1.18"),
  });
}

describe("Office adapter: Excel objects from the sheet model", () => {
  it("creates the table, charts, conditional formats, validation, frozen panes, notes and widths", async () => {
    const excel = fakeExcelWith(STANDARD);
    await officeOver(excel).writeSheet(exampleSheetModel());
    const sheet = excel.model.mustSheet("LL Example");

    const table = excel.model.tables.find((t) => t.name === "LL_Example_Segments");
    expect(table).toMatchObject({ style: "TableStyleMedium2", showFilterButton: true, showBandedRows: true });
    expect(table?.sheet).toBe(sheet);

    expect(sheet.charts.map((c) => c.type)).toEqual([
      "ColumnClustered",
      "BarClustered",
      "Line",
      "Pie",
      "Doughnut",
      "XYScatterLines",
    ]);
    const [column, bar, , pie, , scatter] = sheet.charts;
    expect(column.series[0]).toMatchObject({
      name: "Revenue",
      "setValues()": ["'LL Example'!D5:D10"],
      "setXAxisValues()": ["'LL Example'!A5:A10"],
    });
    expect(column.settings).toMatchObject({
      "title.text": "Revenue by segment",
      "axes.valueAxis.title.text": "Revenue",
      "setPosition()": ["H1"],
      width: 360,
      height: 210,
    });
    expect(bar.series[0]["format.fill.setSolidColor()"]).toEqual(["#70AD47"]);
    // A pie has no axes to title.
    expect(Object.keys(pie.settings).some((k) => k.startsWith("axes."))).toBe(false);
    expect(scatter.series[0]).toMatchObject({
      "setXAxisValues()": ["'LL Example'!D21:D27"],
      "format.line.color": "#C00000",
    });
    expect(scatter.settings["axes.valueAxis.numberFormat"]).toBe("0%");

    expect(sheet.conditionalFormats.map((f) => [f.range, f.type])).toEqual([
      ["C5:C10", "ColorScale"],
      ["D5:D10", "DataBar"],
      ["F5:F10", "CellValue"],
    ]);
    expect(sheet.conditionalFormats[2].settings["cellValue.rule"]).toEqual({
      formula1: "=100",
      operator: "GreaterThan",
    });
    expect(sheet.validations.find((v) => v.range === "B16")?.settings.rule).toEqual({
      list: { inCellDropDown: true, source: "Base,Cautious,Ambitious" },
    });
    expect(sheet.validations.find((v) => v.range === "B15")?.settings.rule).toEqual({
      decimal: { operator: "Between", formula1: 0, formula2: 1 },
    });
    expect(sheet.freeze).toEqual({ at: "'LL Example'!A1:A4" });
    expect(sheet.merges).toEqual(["A1:F1"]);
    expect(sheet.notes.get("C4")).toBe("Customers in the segment / all customers");
    expect(sheet.columnWidths.get(1)).toBe(columnWidthPoints(34));
    expect(sheet.settings.tabColor).toBe("#5B9BD5");
  });

  it("leaves notes out where the host has no notes API", async () => {
    const excel = fakeExcelWith(STANDARD);
    await officeOver(excel, false).writeSheet(exampleSheetModel());
    expect(excel.model.mustSheet("LL Example").notes.size).toBe(0);
  });

  it("rebuilds a generated sheet in place: the same sheet, its parts emptied first, nothing duplicated", async () => {
    const excel = fakeExcelWith(STANDARD);
    const wb = officeOver(excel);
    await wb.writeSheet(exampleSheetModel());
    const sheet = excel.model.mustSheet("LL Example");
    sheet.cellFor(40, 1).value = "left over";
    await wb.writeSheet(exampleSheetModel());
    // The same worksheet object: formulas on user sheets that point into it keep pointing there.
    expect(excel.model.mustSheet("LL Example")).toBe(sheet);
    // What the user typed outside the parts the last build wrote is theirs: it stays.
    expect(sheet.cell(40, 1)?.value).toBe("left over");
    expect(sheet.charts).toHaveLength(6);
    expect(sheet.conditionalFormats).toHaveLength(3);
    expect(sheet.validations).toHaveLength(3);
    expect(excel.model.tables.filter((t) => t.sheet === sheet)).toHaveLength(1);
  });

  it("with a footprint, keeps the user's notes, charts and tables outside it", async () => {
    const excel = fakeExcelWith(STANDARD);
    const wb = officeOver(excel);
    const model = { ...exampleSheetModel(), footprint: "A1:Z60" };
    await wb.writeSheet(model);
    const sheet = excel.model.mustSheet("LL Example");
    sheet.notes.set("AB3", "my note");
    sheet.charts.push({
      type: "Pie",
      source: "AC1:AC3",
      seriesBy: "Auto",
      series: [{}],
      settings: { "setPosition()": ["AD1"] },
    });
    excel.model.renameTable(
      excel.model.addTable(sheet, { top: 70, left: 1, bottom: 72, right: 2 }),
      "MyTable",
    );
    await wb.writeSheet(model);
    expect(sheet.notes.get("AB3")).toBe("my note");
    expect(sheet.notes.get("C4")).toBe("Customers in the segment / all customers");
    expect(sheet.charts).toHaveLength(7);
    expect(sheet.charts.filter((c) => c.type === "Pie")).toHaveLength(2);
    expect(
      excel.model.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["LL_Example_Segments", "MyTable"]);
  });

  it("without a footprint, rebuilds only the parts it wrote: the user's notes, charts, tables and cells elsewhere stay", async () => {
    const excel = fakeExcelWith(STANDARD);
    const wb = officeOver(excel);
    await wb.writeSheet(exampleSheetModel());
    const sheet = excel.model.mustSheet("LL Example");
    // The user's edits on the report sheet, away from what the report wrote.
    sheet.notes.set("AB3", "my note");
    sheet.cellFor(3, 28).value = "memo beside the note";
    sheet.charts.push({
      type: "Pie",
      source: "AC1:AC3",
      seriesBy: "Auto",
      series: [{}],
      settings: { "setPosition()": ["AD1"] },
    });
    excel.model.renameTable(
      excel.model.addTable(sheet, { top: 70, left: 1, bottom: 72, right: 2 }),
      "MyTable",
    );
    await wb.writeSheet(exampleSheetModel());
    // The same worksheet, never deleted and added again.
    expect(excel.model.mustSheet("LL Example")).toBe(sheet);
    expect(sheet.notes.get("AB3")).toBe("my note");
    expect(sheet.cell(3, 28)?.value).toBe("memo beside the note");
    expect(sheet.notes.get("C4")).toBe("Customers in the segment / all customers");
    // The report's six charts replaced (not duplicated), the user's pie kept.
    expect(sheet.charts).toHaveLength(7);
    expect(
      excel.model.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["LL_Example_Segments", "MyTable"]);
  });

  it("suspends calculation and screen updating for every write and recalculates once per sheet", async () => {
    const excel = fakeExcelWith(STANDARD);
    excel.resetLog();
    await officeOver(excel).writeSheet(exampleSheetModel());
    const writes = excel.syncs.filter((s) => s.calculationSuspended);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.screenUpdatingSuspended)).toBe(true);
    expect(excel.calculations).toEqual(["Recalculate"]);
  });

  it("selects a range for the user", async () => {
    const excel = fakeExcelWith(STANDARD);
    await officeOver(excel).select("Orders", "B5:B6");
    expect(excel.model.activeSheet).toBe("Orders");
    expect(excel.model.selection).toBe("Orders!B5:B6");
  });
});

describe("Office adapter: settings shared with the CLI's .xlsx files", () => {
  const settings = { asOf: "2024-06-30", unit: "week", tiers: [{ name: "黄金", min: 1000 }] };

  it("keeps them in a veryHidden sheet", async () => {
    const excel = fakeExcelWith(STANDARD);
    await officeOver(excel).writeSettings(settings);
    expect(excel.model.mustSheet(SETTINGS_SHEET_NAME).visibility).toBe("VeryHidden");
  });

  it("reads settings the CLI wrote, and the CLI reads settings the add-in wrote", async () => {
    // CLI -> add-in: the settings sheet of a file written by the xlsx adapter, opened in Excel.
    const file = path.join(dir, "from-cli.xlsx");
    const user = new ExcelJS.Workbook();
    user.addWorksheet("Orders").getCell("A1").value = "Customer ID";
    await user.xlsx.writeFile(file);
    const cli = await XlsxWorkbook.open(file);
    await cli.writeSettings(settings);
    await cli.save(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const hidden = book.getWorksheet(SETTINGS_SHEET_NAME) as ExcelJS.Worksheet;
    expect(hidden.state).toBe("veryHidden");
    const excel = fakeExcelWith(STANDARD);
    const sheet = excel.model.addSheet(SETTINGS_SHEET_NAME);
    sheet.visibility = "VeryHidden";
    hidden.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        sheet.cellFor(r, c).value = cell.value as string;
      }),
    );
    expect(await officeOver(excel).readSettings()).toEqual(settings);

    // Add-in -> CLI: the add-in's settings sheet saved with the workbook, read by the xlsx adapter.
    const excel2 = fakeExcelWith(STANDARD);
    await officeOver(excel2).writeSettings({ ...settings, unit: "month" });
    const saved = new ExcelJS.Workbook();
    saved.addWorksheet("Orders").getCell("A1").value = "Customer ID";
    const copy = saved.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    for (const [r, row] of excel2.model.mustSheet(SETTINGS_SHEET_NAME).cells) {
      for (const [c, cell] of row) copy.getCell(r, c).value = cell.value;
    }
    const file2 = path.join(dir, "from-addin.xlsx");
    await saved.xlsx.writeFile(file2);
    expect(await (await XlsxWorkbook.open(file2)).readSettings()).toEqual({ ...settings, unit: "month" });
  });
});
