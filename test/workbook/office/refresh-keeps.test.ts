/**
 * Refresh in Excel keeps the same promises as the CLI's --in-place, tested against the fake Excel with
 * each kind of edit a manager makes on a report: a value typed in a column added to the customer table,
 * a note on a customer's report cell and one on the sheet's title, a chart placed on the report's part of
 * a sheet, a conditional format and a validation of theirs beside it, a defined name, a formula of theirs
 * pointing into a report sheet. What cannot be kept (the note on the title) is listed BEFORE anything is
 * written and the refresh stops, the workbook untouched; told to go on (the pane's "Refresh anyway"), it
 * refreshes without it and keeps everything else: the typed value and the note on the same customer's
 * row, the user's chart (only charts named with the report's mark are the report's), format, validation
 * and name, and their formula pointing at the same sheet (never deleted and added again, so no #REF!).
 */
import { buildReport } from "../../../src/report/build-report";
import { columnName } from "../../../src/sheet/a1";
import { UserError } from "../../../src/user-error";
import { typeInto } from "./fake-fixture";
import { chartAt, customerTable, editRegistry, reportInExcel, snapshot } from "./refresh-fixture";

jest.setTimeout(120_000);

describe("Refresh in Excel (the Office adapter, against the fake)", () => {
  it("stops before writing anything when a note or a chart of the user's would be removed, then keeps all else when told to go on", async () => {
    const { excel, wb } = await reportInExcel();
    const { sheet, box, rowOf } = customerTable(excel);
    const customer = String(sheet.cell(box.top + 3, box.left)?.value);
    const right = box.right + 1;
    // A column typed beside the table, on one customer's row.
    typeInto(sheet.cellFor(box.top, right), "Called?");
    typeInto(sheet.cellFor(rowOf(customer), right), "Mon, call back");
    // A note on a customer's report cell, one on the sheet's title, and a chart placed over the table.
    const noted = String(sheet.cell(box.top + 2, box.left)?.value);
    const notedHeader = sheet.cell(box.top, 2)?.value;
    sheet.notes.set(`B${box.top + 2}`, "ask about the refund");
    sheet.notes.set("A1", "the board's copy");
    sheet.charts.push({
      type: "Pie",
      source: "A1:A3",
      seriesBy: "Auto",
      series: [{}],
      settings: { "setPosition()": [`C${box.top + 1}`] },
    });
    // A conditional format and a validation of theirs well away from the report's parts.
    sheet.conditionalFormats.push({ range: "AZ1:AZ5", type: "ColorScale", settings: {} });
    sheet.validations.push({ range: "AZ2", settings: { rule: { list: { source: "a,b" } } } });
    // A name of theirs, and their formula pointing into the report sheet.
    excel.model.addName("MyPick", `='LL Customers'!$A$${box.top + 1}`, "");
    const mine = excel.model.mustSheet("Mine");
    typeInto(mine.cellFor(1, 2), { formula: `='LL Customers'!A${box.top + 1}`, result: "x" });

    const before = snapshot(excel);
    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(UserError);
    const detail = (stopped as UserError).detail;
    expect(detail?.code).toBe("refreshWouldLose");
    // Their chart is not in the way: only the report's charts (named with its mark) are drawn again.
    expect(detail && "losses" in detail ? detail.losses : []).toEqual([
      { kind: "note", sheet: "LL Customers", cell: "A1", text: "the board's copy" },
    ]);
    expect((stopped as Error).message).toContain(
      'the note on cell A1 of sheet "LL Customers" ("the board\'s copy")',
    );
    // Nothing was written.
    expect(snapshot(excel)).toBe(before);

    await buildReport({ workbook: wb, force: true });
    // The same worksheet, never deleted: the user's formula and name still point at it.
    expect(excel.model.mustSheet("LL Customers")).toBe(sheet);
    expect(mine.cell(1, 2)?.formula).toBe(`'LL Customers'!A${box.top + 1}`);
    expect(excel.model.names.find((n) => n.name === "MyPick")).toBeDefined();
    // The typed value is on the same customer's row, under its header.
    const now = customerTable(excel);
    const header = [...Array(now.box.right - now.box.left + 4).keys()]
      .map((i) => now.box.left + i)
      .find((c) => sheet.cell(now.box.top, c)?.value === "Called?");
    expect(header).toBeDefined();
    expect(sheet.cell(now.rowOf(customer), header!)?.value).toBe("Mon, call back");
    // The note on the customer's cell is on their row, under the same header; the one on the title is
    // gone (the user said so); their chart, format and validation stay.
    const notedColumn = [...Array(now.box.right - now.box.left + 1).keys()]
      .map((i) => now.box.left + i)
      .find((c) => sheet.cell(now.box.top, c)?.value === notedHeader) as number;
    expect(sheet.notes.get(`${columnName(notedColumn)}${now.rowOf(noted)}`)).toBe("ask about the refund");
    expect([...sheet.notes.values()].filter((n) => n === "ask about the refund")).toHaveLength(1);
    expect(sheet.notes.has("A1")).toBe(false);
    expect(sheet.charts.filter((c) => c.type === "Pie" && c.source === "A1:A3")).toHaveLength(1);
    expect(sheet.conditionalFormats.filter((f) => f.range === "AZ1:AZ5")).toHaveLength(1);
    expect(sheet.validations.filter((v) => v.range === "AZ2")).toHaveLength(1);
  });

  it("tells the report's charts from the user's by their name, not by where they are: a chart of theirs exactly on a report chart's place stays", async () => {
    const { excel, wb } = await reportInExcel();
    const tiers = excel.model.mustSheet("LL Tiers");
    const ours = tiers.charts.map((c) => c.settings.name);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((n) => typeof n === "string" && n.startsWith("LL chart "))).toBe(true);
    // The user's chart, put exactly where the report's first chart is.
    const mine = {
      type: "Line",
      source: "A1:A3",
      seriesBy: "Auto",
      series: [{}],
      settings: { "setPosition()": tiers.charts[0].settings["setPosition()"], name: "My trend" },
    };
    tiers.charts.push(mine);
    await buildReport({ workbook: wb });
    expect(tiers.charts.filter((c) => c === mine)).toHaveLength(1);
    // The report's charts were drawn again, once each.
    expect(tiers.charts.filter((c) => c !== mine).map((c) => c.settings.name)).toEqual(ours);
  });

  it("carries a link of the user's on the customer table to the same customer's row, and their dropdown to the same column; lists a link that cannot follow", async () => {
    const { excel, wb } = await reportInExcel();
    const { sheet, box, rowOf } = customerTable(excel);
    const customer = String(sheet.cell(box.top + 3, box.left)?.value);
    const right = box.right + 1;
    typeInto(sheet.cellFor(box.top, right), "Called?");
    typeInto(sheet.cellFor(rowOf(customer), right), "Mon");
    const crm = { address: "https://crm.example/c/42", screenTip: "CRM" };
    const linked = sheet.cellFor(rowOf(customer), right);
    linked.properties = { ...linked.properties, hyperlink: crm };
    // A link on the report's title (no customer to follow) and a highlight of theirs on a customer's cell.
    const title = sheet.cellFor(1, 1);
    title.properties = { ...title.properties, hyperlink: { documentReference: "Mine!A1" } };
    // A dropdown on the "Called?" column.
    sheet.validations.push({
      range: `${columnName(right)}${box.top + 1}:${columnName(right)}${box.bottom}`,
      settings: { rule: { list: { source: "yes,no" } } },
    });

    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    const detail = (stopped as UserError).detail;
    // The title link is listed; their dropdown follows its column.
    expect(detail && "losses" in detail ? detail.losses : []).toEqual([
      { kind: "link", sheet: "LL Customers", cell: "A1", text: "Mine!A1" },
    ]);
    expect((stopped as Error).message).toContain(`a link on cell A1 of sheet "LL Customers" ("Mine!A1")`);

    await buildReport({ workbook: wb, force: true });
    const now = customerTable(excel);
    const called = [...Array(now.box.right - now.box.left + 4).keys()]
      .map((i) => now.box.left + i)
      .find((c) => sheet.cell(now.box.top, c)?.value === "Called?")!;
    expect(sheet.cell(now.rowOf(customer), called)?.properties?.hyperlink).toEqual(crm);
    expect(sheet.cell(1, 1)?.properties?.hyperlink).toBeUndefined();
    const column = columnName(called);
    expect(sheet.validations).toEqual([
      {
        range: `${column}${now.box.top + 1}:${column}${now.box.bottom}`,
        settings: expect.objectContaining({ rule: { list: { source: "yes,no" } } }),
      },
    ]);
  });

  it("carries the user's conditional formats of every kind Excel's API has to the same customers' cells and columns, settings and all; lists those that cannot follow", async () => {
    const { excel, wb } = await reportInExcel();
    const { sheet, box, rowOf } = customerTable(excel);
    const orders = excel.model.mustSheet("Orders");
    const [staying, other, leaving] = [box.top + 5, box.top + 8, box.top + 2].map((r) =>
      String(sheet.cell(r, box.left)?.value),
    );
    const rowsBefore = new Map([staying, other, leaving].map((id) => [id, rowOf(id)]));
    const called = box.right + 1;
    typeInto(sheet.cellFor(box.top, called), "Called?");
    typeInto(sheet.cellFor(rowOf(staying), called), "yes");
    const [spend, second, third, calledColumn] = [box.left + 1, box.left + 2, box.left + 3, called].map((c) =>
      columnName(c),
    );
    const column = (c: string, top: number, bottom: number) => `${c}${top + 1}:${c}${bottom}`;
    // Every kind, with settings as Excel's API reads them ("kind.part.property").
    type Settings = Record<string, unknown>;
    const mine: {
      type: string;
      range: string;
      settings: Settings;
      to: () => string;
      then?: () => Settings;
    }[] = [];
    const now = () => customerTable(excel);
    const put = (type: string, range: string, settings: Settings, to: () => string, then?: () => Settings) =>
      mine.push({ type, range, settings, to, then });
    put(
      "CellValue",
      `${spend}${rowsBefore.get(staying)}`,
      {
        "cellValue.rule": { formula1: "=100", operator: "GreaterThan" },
        "cellValue.format.fill.color": "#FFC7CE",
        "cellValue.format.font.bold": true,
        "cellValue.format.font.color": "#9C0006",
        stopIfTrue: true,
      },
      () => `${spend}${now().rowOf(staying)}`,
    );
    put(
      "CellValue",
      `${spend}${rowsBefore.get(staying)} ${spend}${rowsBefore.get(other)}`,
      { "cellValue.rule": { formula1: "=0", operator: "LessThan" }, "cellValue.format.numberFormat": "0.0" },
      () => `${spend}${now().rowOf(staying)} ${spend}${now().rowOf(other)}`,
    );
    const wholeColumn = (c: string) => () => column(c, now().box.top, now().box.bottom);
    put(
      "ContainsText",
      column(calledColumn, box.top, box.bottom),
      {
        "textComparison.rule": { operator: "Contains", text: "call" },
        "textComparison.format.font.italic": true,
        "textComparison.format.borders.bottom.style": "Continuous",
        "textComparison.format.borders.bottom.color": "#FF0000",
      },
      wholeColumn(calledColumn),
    );
    put(
      "Custom",
      column(calledColumn, box.top, box.bottom),
      {
        "custom.rule.formula": "=WEEKDAY(TODAY())=2",
        "custom.format.fill.color": "#C6EFCE",
      },
      wholeColumn(calledColumn),
    );
    put(
      "PresetCriteria",
      column(second, box.top, box.bottom),
      { "preset.rule": { criterion: "DuplicateValues" }, "preset.format.fill.color": "#FFEB9C" },
      wholeColumn(second),
    );
    put(
      "TopBottom",
      column(spend, box.top, box.bottom),
      { "topBottom.rule": { rank: 3, type: "TopItems" }, "topBottom.format.font.color": "#0000FF" },
      wholeColumn(spend),
    );
    put(
      "ColorScale",
      column(spend, box.top, box.bottom),
      {
        "colorScale.criteria": {
          minimum: { type: "LowestValue", color: "#FFFFFF", formula: null },
          maximum: { type: "HighestValue", color: "#63BE7B", formula: null },
        },
      },
      wholeColumn(spend),
    );
    put(
      "DataBar",
      column(third, box.top, box.bottom),
      {
        "dataBar.barDirection": "LeftToRight",
        "dataBar.showDataBarOnly": false,
        "dataBar.positiveFormat.fillColor": "#638EC6",
        "dataBar.positiveFormat.gradientFill": true,
        "dataBar.negativeFormat.fillColor": "#FF0000",
      },
      wholeColumn(third),
    );
    put(
      "IconSet",
      column(third, box.top, box.bottom),
      {
        "iconSet.style": "ThreeTrafficLights1",
        "iconSet.reverseIconOrder": false,
        "iconSet.showIconOnly": false,
        "iconSet.criteria": [
          {},
          { type: "Percent", operator: "GreaterThanOrEqual", formula: "=33" },
          { type: "Percent", operator: "GreaterThanOrEqual", formula: "=67" },
        ],
      },
      wholeColumn(third),
    );
    // Formulas relative to their first cell, which moves (the table starts a row lower this time): each
    // cell reads its own row, so they are written again for the new first cell.
    put(
      "Custom",
      `${second}${rowsBefore.get(staying)}`,
      { "custom.rule.formula": `=${spend}${rowsBefore.get(staying)}>0` },
      () => `${second}${now().rowOf(staying)}`,
      () => ({ "custom.rule.formula": `=${spend}${now().rowOf(staying)}>0` }),
    );
    put(
      "Custom",
      column(calledColumn, box.top, box.bottom),
      { "custom.rule.formula": `=$${calledColumn}${box.top + 1}="yes"` },
      wholeColumn(calledColumn),
      () => ({ "custom.rule.formula": `=$${calledColumn}${now().box.top + 1}="yes"` }),
    );
    // What cannot follow: a format on a customer who leaves; formulas whose meaning the move would change
    // (a cell reading the row above it, which is another customer's now; a column beyond the table).
    const lost = [
      {
        type: "CellValue",
        range: `${spend}${rowsBefore.get(leaving)}`,
        settings: { "cellValue.rule": { formula1: "=1", operator: "EqualTo" } },
      },
      {
        type: "Custom",
        range: `${second}${rowsBefore.get(staying)}`,
        settings: { "custom.rule.formula": `=${spend}${(rowsBefore.get(staying) as number) - 1}>0` },
      },
      {
        type: "Custom",
        range: column(calledColumn, box.top, box.bottom),
        settings: { "custom.rule.formula": `=$AZ${box.top + 1}="yes"` },
      },
    ];
    for (const f of mine)
      sheet.conditionalFormats.push({ type: f.type, range: f.range, settings: { ...f.settings } });
    sheet.conditionalFormats.push(...lost);
    // The report's own, drawn again on its rebuilt table (its ranges move with it).
    const settingsOf = (list: { type: string; settings: unknown }[]) =>
      JSON.stringify(list.map((f) => [f.type, f.settings]));
    const reportFormats = settingsOf(
      sheet.conditionalFormats.slice(0, sheet.conditionalFormats.length - mine.length - lost.length),
    );
    for (const [r, row] of orders.cells) if (row.get(2)?.value === leaving) orders.cells.delete(r);

    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    const detail = (stopped as UserError).detail;
    expect(detail && "losses" in detail ? detail.losses : []).toEqual(
      lost.map((f) => ({ kind: "format", sheet: "LL Customers", cell: f.range })),
    );

    await buildReport({ workbook: wb, force: true });
    expect(now().box.top).toBe(box.top + 1);
    expect(now().rowOf(staying)).not.toBe(rowsBefore.get(staying));
    const after = sheet.conditionalFormats;
    expect(settingsOf(after.slice(0, after.length - mine.length))).toBe(reportFormats);
    expect(after.slice(after.length - mine.length)).toEqual(
      mine.map((f) => ({ type: f.type, range: f.to(), settings: f.then?.() ?? f.settings })),
    );
  });

  it("tells the user's data validation from the report's cell by cell: on a customer's cell it follows the customer, where it cannot it is listed, beside the report's own", async () => {
    const { excel, wb } = await reportInExcel();
    const { sheet, box, rowOf } = customerTable(excel);
    const orders = excel.model.mustSheet("Orders");
    const ids = [...orders.cells.values()].map((row) => row.get(2)?.value);
    // Two customers: one who stays, one whose order lines are deleted (they leave the table).
    const staying = String(sheet.cell(box.top + 5, box.left)?.value);
    const leaving = String(sheet.cell(box.top + 2, box.left)?.value);
    expect(ids).toContain(leaving);
    const spendBefore = (id: string) => `${columnName(box.left + 1)}${rowOf(id)}`;
    const [stayingCell, leavingCell] = [spendBefore(staying), spendBefore(leaving)];
    const stayingRow = rowOf(staying);
    const whole = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    sheet.validations.push({ range: stayingCell, settings: { rule: whole } });
    sheet.validations.push({ range: leavingCell, settings: { rule: whole } });
    // A rule of theirs on the staying customer's next cell reading their own spend: relative to its cell,
    // so written again for the customer's new row.
    const third = columnName(box.left + 2);
    const spendColumn = columnName(box.left + 1);
    const custom = (row: number) => ({ custom: { formula: `=${spendColumn}${row}>0` } });
    sheet.validations.push({ range: `${third}${stayingRow}`, settings: { rule: custom(stayingRow) } });
    // On LL Tiers, whose part holding the tier minimums has the report's own validation: theirs on the title.
    const tiers = excel.model.mustSheet("LL Tiers");
    const reportValidations = JSON.stringify(tiers.validations);
    expect(tiers.validations.length).toBeGreaterThan(0);
    tiers.validations.push({
      range: "A1",
      settings: { rule: { textLength: { formula1: 40, operator: "LessThan" } } },
    });
    for (const [r, row] of orders.cells) if (row.get(2)?.value === leaving) orders.cells.delete(r);

    const stopped = await buildReport({ workbook: wb }).catch((e: unknown) => e);
    const detail = (stopped as UserError).detail;
    expect(detail && "losses" in detail ? detail.losses : []).toEqual([
      { kind: "validation", sheet: "LL Customers", cell: leavingCell },
      { kind: "validation", sheet: "LL Tiers", cell: "A1" },
    ]);
    expect((stopped as Error).message).toContain(`a data validation on cell A1 of sheet "LL Tiers"`);

    await buildReport({ workbook: wb, force: true });
    const now = customerTable(excel);
    expect(now.rowOf(leaving)).toBe(-1);
    expect(now.rowOf(staying)).toBe(stayingRow - 1);
    expect(sheet.validations).toEqual([
      {
        range: `${columnName(now.box.left + 1)}${now.rowOf(staying)}`,
        // Written again as Excel read it back: its bound as a string formula (Office.js's reference).
        settings: expect.objectContaining({
          rule: { wholeNumber: { formula1: "=0", operator: "GreaterThanOrEqualTo" } },
        }),
      },
      {
        range: `${third}${now.rowOf(staying)}`,
        settings: expect.objectContaining({ rule: custom(now.rowOf(staying)) }),
      },
    ]);
    expect(JSON.stringify(tiers.validations)).toBe(reportValidations);
  });

  it("a workbook written before the report marked its charts: its charts (where and as that build drew them) are drawn again once, the user's stay", async () => {
    const { excel, wb } = await reportInExcel();
    const tiers = excel.model.mustSheet("LL Tiers");
    const drawn = tiers.charts.map((c) => ({
      at: c.settings["setPosition()"],
      title: c.settings["title.text"],
    }));
    expect(drawn.length).toBeGreaterThan(0);
    // As an earlier build left it: Excel's own chart names, and a registry without the records that came
    // with the marks.
    for (const c of tiers.charts) delete c.settings.name;
    editRegistry(excel, (entry) => {
      delete entry.formats;
      delete entry.notes;
    });
    // The user's charts: one exactly on the report's first chart with a title of theirs, one untitled.
    const mine = [
      chartAt(tiers.charts[0].settings["setPosition()"] as string[], "My trend"),
      chartAt(["B2"], undefined),
    ];
    tiers.charts.push(...mine);

    await buildReport({ workbook: wb });
    expect(mine.every((c) => tiers.charts.includes(c))).toBe(true);
    const report = tiers.charts.filter((c) => !mine.includes(c));
    expect(report.map((c) => ({ at: c.settings["setPosition()"], title: c.settings["title.text"] }))).toEqual(
      drawn,
    );
    expect(report.every((c) => String(c.settings.name).startsWith("LL chart "))).toBe(true);
  });

  it("keeps the columns the user hid hidden, though the report sets the widths of its columns again", async () => {
    const { excel, wb } = await reportInExcel();
    const { sheet, box } = customerTable(excel);
    // A column of the report's table, and their own column beside it.
    const theirs = [box.left + 2, box.right + 2];
    typeInto(sheet.cellFor(box.top, box.right + 2), "Private");
    for (const c of theirs) sheet.hiddenColumns.add(c);
    expect(sheet.columnWidths.has(box.left + 2)).toBe(true);
    await buildReport({ workbook: wb });
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual(theirs);
  });

  it("refreshes without asking when nothing of the user's is in the way, the report's own notes and charts included", async () => {
    const { excel, wb } = await reportInExcel();
    const tiers = excel.model.sheets.find((s) => s.name === "LL Tiers")!;
    expect(tiers.charts.length).toBeGreaterThan(0);
    const { sheet } = customerTable(excel);
    sheet.notes.set("AZ9", "a note of mine, outside the report");
    await buildReport({ workbook: wb });
    expect(sheet.notes.get("AZ9")).toBe("a note of mine, outside the report");
  });
});
