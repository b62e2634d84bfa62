/**
 * The refresh corpus's manager's week (test/helpers/corpus-edits.ts: every kind of edit issue #17 lists)
 * made in Excel and refreshed through the Office adapter, against the fake Excel: each kind of edit is
 * checked for the same promise as in the CLI (test/cli/refresh-corpus-matrix.test.ts), the report's own
 * cells typed over or cleared included (the same fingerprint check, in BackedWorkbook). Where Excel's
 * promise differs it is said: a chart the user put on LL Tiers stays in Excel (the report's charts are
 * known by their name, and only they are drawn again), where the file refresh lists it; sparklines have no
 * API in Excel and are not in this test.
 */
import { buildReport } from "../../../src/report/build-report";
import { columnName, parseCellAddress } from "../../../src/sheet/a1";
import type { RefreshLoss } from "../../../src/sheet/port";
import type { FakeExcel } from "./fake-excel";
import type { FakeChart, FakeConditionalFormat } from "./fake-excel-model";
import { typeInto } from "./fake-fixture";
import { chartAt, customerTable, refreshLosses, reportInExcel, snapshot, tableIn } from "./refresh-fixture";
import type { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { messageText } from "../../../src/i18n/messages";
import { refreshLossText } from "../../../src/user-error";
import { CRM_LINK, MY_NAMES, TYPED } from "../../helpers/corpus-edits";

jest.setTimeout(180_000);

// The corpus's texts, link and names (the CLI's matrix types the same).
const CRM = { address: CRM_LINK };
const FREE_LINK = { address: "https://crm.example/" };

/** Where the week's edits are, to find them after the refresh. */
interface Week {
  stay: string;
  leave: string;
  alerted: string;
  calledColumn: number;
  reportNoteCell: string;
  /** The customer on whose report cell (column `reportNoteHeader`) the note is. */
  reportNoteCustomer: string;
  reportNoteHeader: unknown;
  stayRow: number;
  leaveRow: number;
  alertsFormat: FakeConditionalFormat;
  tiersChart: FakeChart;
  mineChart: FakeChart;
  mineFormula: string;
  /** The report's own cells typed over or cleared: what the refresh lists and keeps of them. */
  overtyped: RefreshLoss[];
}

/** The manager's week, as the corpus makes it, typed into the fake Excel. */
function managersWeek(excel: FakeExcel): Week {
  const customers = customerTable(excel);
  const { sheet, box, rowOf } = customers;
  const stay = String(sheet.cell(box.top + 3, box.left)?.value);
  const leave = String(sheet.cell(box.top + 5, box.left)?.value);
  const alerts = tableIn(excel, "LL_Alerts");
  const alerted = alerts
    .rows()
    .slice(1)
    .map((r) => String(r[0]))
    .find((id) => id !== stay && id !== leave) as string;
  const [stayRow, leaveRow] = [rowOf(stay), rowOf(leave)];
  const at = (header: string, id: string) => `${columnName(customers.columnOf(header))}${rowOf(id)}`;

  // "Called?" beside the customer table, a link on the kept customer's, a note on it.
  const calledColumn = box.right + 1;
  const called = columnName(calledColumn);
  typeInto(sheet.cellFor(box.top, calledColumn), "Called?");
  const stayCalled = sheet.cellFor(stayRow, calledColumn);
  typeInto(stayCalled, TYPED.stay);
  stayCalled.properties = { ...stayCalled.properties, hyperlink: CRM };
  sheet.notes.set(`${called}${stayRow}`, TYPED.calledNote);
  typeInto(sheet.cellFor(leaveRow, calledColumn), TYPED.leave);
  // A dropdown and a highlight on the whole "Called?" column (a formula relative to its first cell), a
  // highlight on the leaving customer's "Called?" alone, a dropdown on a report cell of the kept customer.
  const calledRows = `${called}${box.top + 1}:${called}${box.bottom}`;
  sheet.validations.push({ range: calledRows, settings: { rule: { list: { source: "yes,no" } } } });
  sheet.validations.push({ range: `B${stayRow}`, settings: { rule: { list: { source: "vip,regular" } } } });
  sheet.conditionalFormats.push({
    range: calledRows,
    type: "Custom",
    settings: {
      "custom.rule.formula": `=LEN(${called}${box.top + 1})>20`,
      "custom.format.fill.color": "#FFEB9C",
    },
  });
  sheet.conditionalFormats.push({
    range: `${called}${leaveRow}`,
    type: "CellValue",
    settings: {
      "cellValue.rule": { formula1: '="Tue"', operator: "EqualTo" },
      "cellValue.format.fill.color": "#FFEB9C",
    },
  });
  // Typed over the report's own cells (as the CLI's corpus does): a phone and an amount of two customers,
  // a cell cleared, the phone of the customer who then leaves, and the title of LL KPIs.
  const [amountOf, clearedOf] = [1, 2].map((r) => String(sheet.cell(box.top + r, box.left)?.value));
  const edits: [
    sheet: string,
    cell: string,
    typed: string | number | null,
    customer?: string,
    column?: string,
  ][] = [
    ["LL Customers", at("Phone", stay), TYPED.phone, stay, "Phone"],
    ["LL Customers", at("Net spend", amountOf), TYPED.amount, amountOf, "Net spend"],
    ["LL Customers", at("Store", clearedOf), null, clearedOf, "Store"],
    ["LL Customers", at("Phone", leave), TYPED.leaverPhone, leave, "Phone"],
    ["LL KPIs", "A1", TYPED.kpiTitle],
  ];
  const overtyped = edits.map(([sheetName, cell, typed, customer, column]): RefreshLoss => {
    const { row, col } = parseCellAddress(cell);
    typeInto(excel.model.mustSheet(sheetName).cellFor(row, col), typed ?? "");
    const loss: RefreshLoss = {
      kind: "overtyped",
      sheet: sheetName,
      cell,
      text: typed === null ? "" : String(typed),
    };
    return customer === undefined ? loss : { ...loss, customer, column };
  });

  // A note on a report cell, a hidden column.
  const reportNoteCell = `B${box.top + 2}`;
  const reportNoteCustomer = String(sheet.cell(box.top + 2, box.left)?.value);
  const reportNoteHeader = sheet.cell(box.top, 2)?.value;
  sheet.notes.set(reportNoteCell, TYPED.reportNote);
  sheet.hiddenColumns.add(3);

  // "Done" beside the alerts; a memo, a link and a highlight in free cells of LL Alerts.
  const doneColumn = alerts.box.right + 1;
  typeInto(alerts.sheet.cellFor(alerts.box.top, doneColumn), "Done");
  typeInto(alerts.sheet.cellFor(alerts.rowOf(alerted), doneColumn), TYPED.done);
  typeInto(alerts.sheet.cellFor(3, 26), TYPED.memo);
  const z4 = alerts.sheet.cellFor(4, 26);
  typeInto(z4, "my CRM");
  z4.properties = { ...z4.properties, hyperlink: FREE_LINK };
  const alertsFormat = {
    range: "Z1:Z5",
    type: "Custom",
    settings: { "custom.rule.formula": "=LEN(Z1)>0", "custom.format.fill.color": "#FFEB9C" },
  };
  alerts.sheet.conditionalFormats.push(alertsFormat);

  // A dropdown outside the benefit-cost model.
  excel.model
    .mustSheet("LL Benefit cost")
    .validations.push({ range: "AZ5", settings: { rule: { list: { source: "ok,check" } } } });

  // A chart on LL Tiers and one on their own sheet; a note, a formula into a report sheet, names.
  const tiersChart = {
    ...chartAt(["H30"], "My tiers"),
    settings: { "setPosition()": ["H30"], name: "My tiers" },
  };
  excel.model.mustSheet("LL Tiers").charts.push(tiersChart);
  const mine = excel.model.mustSheet("Mine");
  const mineChart = chartAt(["D2"], "My chart");
  mine.charts.push(mineChart);
  mine.notes.set("A1", TYPED.mineNote);
  const mineFormula = `'LL Customers'!A${box.top + 1}`;
  typeInto(mine.cellFor(1, 2), { formula: `=${mineFormula}`, result: "x" });
  for (const [name, ref] of Object.entries(MY_NAMES)) excel.model.addName(name, `=${ref}`, "");

  // The leaving customer's order lines deleted (column B is the member id).
  const orders = excel.model.mustSheet("Orders");
  for (const [r, row] of orders.cells) if (row.get(2)?.value === leave) orders.cells.delete(r);
  return {
    stay,
    leave,
    alerted,
    calledColumn,
    reportNoteCell,
    reportNoteCustomer,
    reportNoteHeader,
    stayRow,
    leaveRow,
    alertsFormat,
    tiersChart,
    mineChart,
    mineFormula,
    overtyped,
  };
}

const byJson = (list: RefreshLoss[]) => list.map((l) => JSON.stringify(l)).sort();

describe("the corpus's manager's week, refreshed in Excel (Office adapter, fake Excel)", () => {
  let excel: FakeExcel;
  let wb: OfficeWorkbook;
  let week: Week;
  let listed: RefreshLoss[];
  let unchangedWhenStopped = false;
  let customersSheet: ReturnType<typeof customerTable>["sheet"];

  beforeAll(async () => {
    ({ excel, wb } = await reportInExcel(["customers", "tiers", "alerts", "benefit-cost", "kpis"]));
    customersSheet = customerTable(excel).sheet;
    week = managersWeek(excel);
    const before = snapshot(excel);
    listed = await refreshLosses(wb);
    unchangedWhenStopped = snapshot(excel) === before;
    await buildReport({ workbook: wb, force: true });
  });

  const customers = () => customerTable(excel);
  const called = () => customers().columnOf("Called?");

  it("lists what it cannot keep before writing anything: the highlight on the leaver's, the report's cells typed over or cleared (not the notes on a customer's cells: they follow)", () => {
    expect(byJson(listed)).toEqual(
      byJson([
        ...week.overtyped,
        { kind: "format", sheet: "LL Customers", cell: `${columnName(week.calledColumn)}${week.leaveRow}` },
      ]),
    );
    expect(unchangedWhenStopped).toBe(true);
  });

  it("says the list in the pane's language: each cell typed over named with its customer and column", () => {
    const detail = { code: "refreshWouldLose" as const, losses: listed };
    const zh = messageText("zh-CN", detail);
    for (const loss of week.overtyped) {
      expect(zh).toContain(refreshLossText("zh-CN", loss));
      expect(refreshLossText("zh-CN", loss)).toContain(loss.cell);
      if (loss.customer) expect(refreshLossText("zh-CN", loss)).toContain(loss.customer);
    }
    expect(refreshLossText("zh-CN", week.overtyped[0])).toMatch(/[\u4e00-\u9fff]/);
    expect(messageText("en", detail)).toContain(
      `the report's cell ${week.overtyped[0].cell} of sheet "LL Customers" (customer ${week.stay}, column "Phone"), typed over with "${TYPED.phone}"`,
    );
  });

  it("the report's cells typed over are written again, and what was typed is kept below with its cell, customer and column; a cleared cell has nothing to keep", () => {
    const { sheet, rowOf } = customers();
    const phone = customers().columnOf("Phone");
    expect(sheet.cell(rowOf(week.stay), phone)?.value).not.toBe(TYPED.phone);
    const cleared = week.overtyped[2];
    const store = customers().columnOf("Store");
    expect(sheet.cell(rowOf(cleared.customer as string), store)?.value ?? null).not.toBeNull();
    const [header, ...typed] = tableIn(excel, "LL_Typed_customers").rows();
    expect(header).toEqual(["Cell", "Customer ID", "Column", "Typed"]);
    const byCell = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(typed.sort(byCell)).toEqual(
      [
        [week.overtyped[0].cell, week.stay, "Phone", TYPED.phone],
        [week.overtyped[1].cell, week.overtyped[1].customer, "Net spend", TYPED.amount],
        [week.overtyped[3].cell, week.leave, "Phone", TYPED.leaverPhone],
      ].sort(byCell),
    );
    expect(tableIn(excel, "LL_Typed_kpis").rows()).toEqual([
      ["Cell", "Customer ID", "Column", "Typed"],
      ["A1", null, null, TYPED.kpiTitle],
    ]);
    expect(excel.model.mustSheet("LL KPIs").cell(1, 1)?.value).not.toBe(TYPED.kpiTitle);
  });

  it('"Called?" typed beside the customer table: on its customer\'s row; the customer who left, in Kept notes', () => {
    const { sheet, rowOf } = customers();
    expect(called()).toBeGreaterThan(0);
    expect(sheet.cell(rowOf(week.stay), called())?.value).toBe(TYPED.stay);
    expect(rowOf(week.leave)).toBe(-1);
    expect(tableIn(excel, "LL_Customers_Kept").rows()).toEqual([
      ["Customer ID", "Called?"],
      [week.leave, TYPED.leave],
    ]);
  });

  it('"Done" typed beside the alerts: on its customer\'s row', () => {
    const alerts = tableIn(excel, "LL_Alerts");
    const done = alerts.columnOf("Done");
    expect(done).toBeGreaterThan(0);
    expect(alerts.sheet.cell(alerts.rowOf(week.alerted), done)?.value).toBe(TYPED.done);
    const doneRows = [...alerts.sheet.cells].filter(([, row]) => row.get(done)?.value === TYPED.done);
    expect(doneRows).toHaveLength(1);
  });

  it("text typed in a free cell of a report sheet stays", () => {
    expect(excel.model.mustSheet("LL Alerts").cell(3, 26)?.value).toBe(TYPED.memo);
  });

  it("a note on a customer's report cell and on their Called? go with the customer (as in a file); a note on their own sheet stays", () => {
    const { box, rowOf, columnOf } = customers();
    expect(box.top).toBeGreaterThan(0);
    const notedColumn = columnOf(String(week.reportNoteHeader));
    expect(customersSheet.notes.get(`${columnName(notedColumn)}${rowOf(week.reportNoteCustomer)}`)).toBe(
      TYPED.reportNote,
    );
    expect(customersSheet.notes.get(`${columnName(called())}${rowOf(week.stay)}`)).toBe(TYPED.calledNote);
    const notes = [...customersSheet.notes.values()];
    expect(notes.filter((n) => n === TYPED.reportNote || n === TYPED.calledNote)).toHaveLength(2);
    expect(excel.model.mustSheet("Mine").notes.get("A1")).toBe(TYPED.mineNote);
  });

  it("a hidden column stays hidden", () => {
    expect(customersSheet.hiddenColumns.has(3)).toBe(true);
  });

  it("conditional formats: in a free cell it stays; on the Called? column it covers the column's rows now, its formula for its new first cell; on the leaver's cell it is gone", () => {
    const { box } = customers();
    const column = columnName(called());
    expect(excel.model.mustSheet("LL Alerts").conditionalFormats).toContainEqual(week.alertsFormat);
    // The leaver's highlight is gone; the Called? column's follows it.
    expect(
      customersSheet.conditionalFormats.filter(
        (f) => f.type === "CellValue" && f.settings["cellValue.format.fill.color"] === "#FFEB9C",
      ),
    ).toEqual([]);
    const theirs = customersSheet.conditionalFormats.filter((f) => f.type === "Custom");
    expect(theirs).toEqual([
      {
        range: `${column}${box.top + 1}:${column}${box.bottom}`,
        type: "Custom",
        settings: {
          "custom.rule.formula": `=LEN(${column}${box.top + 1})>20`,
          "custom.format.fill.color": "#FFEB9C",
        },
      },
    ]);
  });

  it("data validation: outside the benefit-cost model it stays; on the Called? column and on a report cell of a customer's row it follows", () => {
    const { box, rowOf } = customers();
    const column = columnName(called());
    expect(excel.model.mustSheet("LL Benefit cost").validations).toContainEqual({
      range: "AZ5",
      settings: { rule: { list: { source: "ok,check" } } },
    });
    const lists = customersSheet.validations.map((v) => [v.range, v.settings.rule]);
    expect(lists).toEqual(
      expect.arrayContaining([
        [`${column}${box.top + 1}:${column}${box.bottom}`, { list: { source: "yes,no" } }],
        [`B${rowOf(week.stay)}`, { list: { source: "vip,regular" } }],
      ]),
    );
  });

  it("a chart put on LL Tiers stays in Excel (only the report's, named with its mark, are drawn again)", () => {
    const tiers = excel.model.mustSheet("LL Tiers");
    expect(tiers.charts.filter((c) => c === week.tiersChart)).toHaveLength(1);
    const report = tiers.charts.filter((c) => c !== week.tiersChart).map((c) => String(c.settings.name));
    expect(report.length).toBeGreaterThan(0);
    expect(report.every((n) => n.startsWith("LL chart "))).toBe(true);
    expect(new Set(report).size).toBe(report.length);
  });

  it("links: on the Called? cell of a customer it follows them; in a free cell it stays", () => {
    const { rowOf } = customers();
    expect(customersSheet.cell(rowOf(week.stay), called())?.properties?.hyperlink).toEqual(CRM);
    expect(excel.model.mustSheet("LL Alerts").cell(4, 26)?.properties?.hyperlink).toEqual(FREE_LINK);
  });

  it("a formula on their own sheet pointing into a report sheet still points at it (the same sheet, never deleted)", () => {
    expect(excel.model.mustSheet("LL Customers")).toBe(customersSheet);
    expect(excel.model.mustSheet("Mine").cell(1, 2)?.formula).toBe(week.mineFormula);
  });

  it("their defined names stay as they wrote them", () => {
    for (const [name, ref] of Object.entries(MY_NAMES))
      expect(excel.model.names.find((n) => n.name === name)?.formula).toBe(`=${ref}`);
  });

  it("a chart on their own sheet stays", () => {
    expect(excel.model.mustSheet("Mine").charts).toEqual([week.mineChart]);
  });

  it("a second refresh asks nothing and keeps it all again", async () => {
    const kept = () =>
      JSON.stringify({
        called: customersSheet.cell(customers().rowOf(week.stay), called())?.value,
        kept: tableIn(excel, "LL_Customers_Kept").rows(),
        memo: excel.model.mustSheet("LL Alerts").cell(3, 26)?.value,
        formats: customersSheet.conditionalFormats,
        validations: customersSheet.validations,
        hidden: [...customersSheet.hiddenColumns],
        tiersCharts: excel.model.mustSheet("LL Tiers").charts.length,
        names: excel.model.names,
      });
    const before = kept();
    expect(await refreshLosses(wb)).toEqual([]);
    expect(kept()).toBe(before);
  });
});
