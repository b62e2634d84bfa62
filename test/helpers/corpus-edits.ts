/**
 * A manager's week in a built report, every kind of edit issue #17 lists, for the refresh corpus:
 *
 * - made with ExcelJS (managersWeek): text typed on a report sheet, a "Called?" column beside the
 *   customer table and a "Done" column beside the alerts, notes on a report cell, in a free cell of a
 *   report sheet, on "Called?" cells and on their own sheet, a hidden column, conditional formats, data validation (outside the benefit-cost model, on the
 *   customer table), links, a formula on their own sheet pointing into a report sheet, defined names, and a
 *   customer leaving (every order line of theirs deleted);
 * - added to the package as Excel writes them, where ExcelJS cannot (withExcelObjects): a chart on LL
 *   Tiers, a chart on their own sheet, sparklines on LL Customers, and the report's own charts where the
 *   writer keeps them (ExcelJS drops them when it rewrites a file).
 *
 * `Week` says where each edit is, so the tests can find it after the refresh.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnName } from "../../src/sheet/a1";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { relsPathOf } from "../../src/workbook/xlsx/xml-text";
import { WORKBOOK_OBJECTS, withWorkbookObjects } from "./corpus-workbook-objects";
import { addOverride, addRelationship, NS_REL, withDrawingElement } from "./package-zip";
import { sheetPart, tableRows } from "./refresh-corpus";

export interface Week {
  /** A customer with a typed "Called?" (and a link on it) who stays in the report. */
  stay: string;
  /** A customer with a typed "Called?" whose orders were all deleted: they leave the report. */
  leave: string;
  /** A customer of LL Alerts with "Done" typed beside them. */
  alerted: string;
  /** The column letter of "Called?" on LL Customers, right beside the table. */
  called: string;
  /** The rows of LL Customers' table as built (header first; the header is on sheet row `headerRow`). */
  customers: unknown[][];
  headerRow: number;
  /** The report's own cells typed over, cleared or pasted over: where, on whose row, what is there now. */
  overtyped: {
    sheet: string;
    cell: string;
    customer?: string;
    column?: string;
    typed: string | number | null;
  }[];
}

export const TYPED = {
  stay: "Mon, wants a call back",
  leave: "Tue",
  done: "left a message",
  memo: "my memo",
  reportNote: "ask about the refund",
  mineNote: "called on Monday",
  calledNote: "spoke to her husband",
  kpiTitle: "KPIs for the board, week 2",
  phone: "13900000000 (her new number)",
  amount: 7000,
  leaverPhone: "moved to Beijing",
  leaveNote: "moved to Leeds",
  freeNote: "check the new tiers",
};
export const CRM_LINK = "https://crm.example/c/42";
export const MY_NAMES = { MyTop: "Mine!$A$1", MyCustomers: "'LL Customers'!$A$7:$A$20" };

const FILL = { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } } as ExcelJS.Fill;

/** The sheet row whose first cell is `text`. */
function rowWith(ws: ExcelJS.Worksheet, text: unknown): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && row.getCell(1).value === text) found = r;
  });
  if (found === 0) throw new Error(`no row starting with ${String(text)} on ${ws.name}`);
  return found;
}

/** The manager's edits made with ExcelJS on the built workbook `built`, written to `out`. */
export async function managersWeek(built: string, out: string): Promise<Week> {
  const customers = await tableRows(built, "LL_Customers");
  const alerts = await tableRows(built, "LL_Alerts");
  const [stay, leave] = [String(customers[3][0]), String(customers[5][0])];
  // An alerted customer other than the two above.
  const alerted = String(alerts.slice(1).find((r) => r[0] !== stay && r[0] !== leave)?.[0]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

  const ws = sheet("LL Customers");
  const headerRow = rowWith(ws, "Customer ID");
  const last = headerRow + customers.length - 1;
  const calledIndex = customers[0].length + 1;
  const called = columnName(calledIndex);
  ws.getRow(headerRow).getCell(calledIndex).value = "Called?";
  ws.getCell(`${called}${rowWith(ws, stay)}`).value = { text: TYPED.stay, hyperlink: CRM_LINK };
  const leaveRow = rowWith(ws, leave);
  ws.getCell(`${called}${leaveRow}`).value = TYPED.leave;
  // A dropdown on the whole "Called?" column and a highlight on it (they cover its rows as they are then),
  // a highlight on the leaving customer's note alone (it cannot follow), a dropdown on a report cell of
  // the kept customer's row (it follows the customer).
  // One range, as Excel writes a dropdown put on a selection (ExcelJS's own merging of cells can overlap).
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`${called}${headerRow + 1}:${called}${last}`, {
    type: "list",
    formulae: ['"yes,no"'],
    allowBlank: true,
  });
  ws.getCell(`B${rowWith(ws, stay)}`).dataValidation = {
    type: "list",
    formulae: ['"vip,regular"'],
    allowBlank: true,
  };
  ws.addConditionalFormatting({
    ref: `${called}${headerRow + 1}:${called}${last}`,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`LEN(${called}${headerRow + 1})>20`],
        style: { fill: FILL },
      },
    ],
  });
  ws.addConditionalFormatting({
    ref: `${called}${leaveRow}`,
    rules: [{ type: "cellIs", priority: 2, operator: "equal", formulae: ['"Tue"'], style: { fill: FILL } }],
  });
  // A note on the report's title (it cannot be kept), one in a free cell above the table (it stays), one
  // on each "Called?" typed (they go with their customer: to their row, or their Kept notes row).
  ws.getCell("A1").note = TYPED.reportNote;
  ws.getCell("B5").note = TYPED.freeNote;
  ws.getCell(`${called}${rowWith(ws, stay)}`).note = TYPED.calledNote;
  ws.getCell(`${called}${leaveRow}`).note = TYPED.leaveNote;

  ws.getColumn(3).hidden = true;

  // Typed over the report's own cells: a phone and an amount of two customers, a cell cleared, the phone
  // of the customer who then leaves; and the title of LL KPIs.
  const header = customers[0].map(String);
  const at = (id: string, column: string) => `${columnName(header.indexOf(column) + 1)}${rowWith(ws, id)}`;
  const [amountOf, clearedOf] = [String(customers[1][0]), String(customers[2][0])];
  const overtyped: Week["overtyped"] = [
    { sheet: "LL Customers", cell: at(stay, "Phone"), customer: stay, column: "Phone", typed: TYPED.phone },
    {
      sheet: "LL Customers",
      cell: at(amountOf, "Net spend"),
      customer: amountOf,
      column: "Net spend",
      typed: TYPED.amount,
    },
    {
      sheet: "LL Customers",
      cell: at(clearedOf, "Store"),
      customer: clearedOf,
      column: "Store",
      typed: null,
    },
    {
      sheet: "LL Customers",
      cell: at(leave, "Phone"),
      customer: leave,
      column: "Phone",
      typed: TYPED.leaverPhone,
    },
    { sheet: "LL KPIs", cell: "A1", typed: TYPED.kpiTitle },
  ];
  for (const o of overtyped) sheet(o.sheet).getCell(o.cell).value = o.typed;

  const alertSheet = sheet("LL Alerts");
  const alertHeader = rowWith(alertSheet, alerts[0][0]);
  alertSheet.getRow(alertHeader).getCell(alerts[0].length + 1).value = "Done";
  alertSheet.getRow(rowWith(alertSheet, alerted)).getCell(alerts[0].length + 1).value = TYPED.done;
  alertSheet.getCell("Z3").value = TYPED.memo;
  alertSheet.getCell("Z4").value = { text: "my CRM", hyperlink: "https://crm.example/" };
  alertSheet.addConditionalFormatting({
    ref: "Z1:Z5",
    rules: [{ type: "expression", priority: 1, formulae: ["LEN(Z1)>0"], style: { fill: FILL } }],
  });

  sheet("LL Benefit cost").getCell("AZ5").dataValidation = {
    type: "list",
    formulae: ['"ok,check"'],
    allowBlank: true,
  };

  const mine = sheet("Mine");
  mine.getCell("A1").note = TYPED.mineNote;
  mine.getCell("B1").value = { formula: "'LL Customers'!A6", result: "" } as ExcelJS.CellFormulaValue;
  for (const [name, ref] of Object.entries(MY_NAMES)) wb.definedNames.add(ref, name);
  // A formula reading another workbook (the link itself is added with the pivot table: withExcelObjects).
  mine.getCell(WORKBOOK_OBJECTS.externalCell).value = {
    formula: WORKBOOK_OBJECTS.externalFormula,
    result: 42,
  } as ExcelJS.CellFormulaValue;
  wb.addWorksheet(WORKBOOK_OBJECTS.pivotSheet).getCell("A1").value = "Sales";

  const orders = sheet("Orders");
  for (let r = orders.rowCount; r >= 2; r--) {
    // Column B is the member id.
    if (String(orders.getRow(r).getCell(2).value) === leave) orders.spliceRows(r, 1);
  }
  await wb.xlsx.writeFile(out);
  return { stay, leave, alerted, called, customers, headerRow, overtyped };
}

const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** A column chart of the first order amounts, as Excel writes a small one. */
const USER_CHART =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML}" xmlns:r="${NS_REL}">` +
  '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Orders!$E$2:$E$6</c:f></c:numRef></c:val></c:ser>' +
  '<c:axId val="10"/><c:axId val="20"/></c:barChart>' +
  '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>' +
  '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>' +
  '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

/**
 * A chart of the user's named `name` on sheet `sheet`, its top-left corner at the 0-based `col`/`row`:
 * added to the sheet's drawing, or in a drawing of its own where the sheet has none.
 */
async function withUserChart(
  bytes: Buffer,
  sheet: string,
  name: string,
  col: number,
  row: number,
): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = sheetPart(pkg, sheet);
  const zip = await JSZip.loadAsync(bytes);
  let n = 1;
  while (pkg.has(`xl/charts/userchart${n}.xml`)) n++;
  const chart = `xl/charts/userchart${n}.xml`;
  zip.file(chart, USER_CHART);
  await addOverride(zip, chart, CHART_TYPE);
  let drawing = pkg.relationships(part).find((r) => r.type.endsWith("/drawing"))?.target;
  if (!drawing) {
    drawing = `xl/drawings/userdrawing${n}.xml`;
    zip.file(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DRAWINGML}"></xdr:wsDr>`,
    );
    await addOverride(zip, drawing, DRAWING_TYPE);
    await addRelationship(zip, part, {
      id: "rIdUserDrawing",
      type: `${NS_REL}/drawing`,
      target: `/${drawing}`,
    });
    zip.file(part, withDrawingElement(pkg.text(part), "rIdUserDrawing"));
  }
  await addRelationship(zip, drawing, {
    id: `rIdUserChart${n}`,
    type: `${NS_REL}/chart`,
    target: `/${chart}`,
  });
  const cell = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const anchor =
    `<xdr:twoCellAnchor><xdr:from>${cell(col, row)}</xdr:from><xdr:to>${cell(col + 6, row + 12)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${900 + n}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${NS_REL}" r:id="rIdUserChart${n}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
  const xml = (await zip.file(drawing)?.async("string")) as string;
  zip.file(drawing, xml.replace(/<\/xdr:wsDr>\s*$/, `${anchor}</xdr:wsDr>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The report's own charts of `built` put back on their sheets of `edited` (which ExcelJS rewrote without
 * them): their drawing and chart parts, the sheets' relationships and content types, as a writer that
 * keeps charts would have saved them.
 */
async function withReportCharts(edited: Buffer, built: Buffer): Promise<Buffer> {
  const was = XlsxPackage.fromBuffer(built, "built");
  const now = XlsxPackage.fromBuffer(edited, "edited");
  const zip = await JSZip.loadAsync(edited);
  const types = was.text("[Content_Types].xml");
  for (const sheet of was.sheets()) {
    const rel = was.relationships(sheet.part).find((r) => r.type.endsWith("/drawing"));
    if (!rel) continue;
    const parts = [
      rel.target,
      ...was
        .relationships(rel.target)
        .filter((r) => !r.external)
        .map((r) => r.target),
    ];
    for (const part of parts) {
      if (now.has(part)) throw new Error(`${part} is already in the edited workbook`);
      zip.file(part, was.bytes(part));
      if (was.has(relsPathOf(part))) zip.file(relsPathOf(part), was.bytes(relsPathOf(part)));
      const type = new RegExp(`<Override PartName="/${part}" ContentType="([^"]+)"`).exec(types)?.[1];
      if (type) await addOverride(zip, part, type);
    }
    const part = sheetPart(now, sheet.name);
    await addRelationship(zip, part, {
      id: "rIdReportDrawing",
      type: `${NS_REL}/drawing`,
      target: `/${rel.target}`,
    });
    zip.file(part, withDrawingElement((await zip.file(part)?.async("string")) as string, "rIdReportDrawing"));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const X14_MAIN = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_MAIN = "http://schemas.microsoft.com/office/excel/2006/main";

/** A sparkline group on `sheet` as Excel 2010+ writes it: one sparkline in each of `cells`. */
async function withSparklines(bytes: Buffer, sheet: string, cells: string[]): Promise<Buffer> {
  const pkg = XlsxPackage.fromBuffer(bytes, "b");
  const part = sheetPart(pkg, sheet);
  const zip = await JSZip.loadAsync(bytes);
  const lines = cells
    .map(
      (c, i) =>
        `<x14:sparkline><xm:f>Orders!E${2 + 5 * i}:E${6 + 5 * i}</xm:f><xm:sqref>${c}</xm:sqref></x14:sparkline>`,
    )
    .join("");
  const ext =
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14_MAIN}"><x14:sparklineGroups>` +
    `<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>${lines}` +
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>";
  let xml = pkg.text(part);
  // Declared on the root, as Excel does (a declaration inside another extension does not reach this one).
  const root = /<worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  if (!root.includes(`xmlns:xm="${XM_MAIN}"`))
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:xm="${XM_MAIN}"`);
  // The sheet's own <extLst> is its last one (a rule's <extLst> of a conditional format comes before).
  const end = xml.lastIndexOf("</extLst>");
  xml =
    end >= 0 && !/<\/cfRule>/.test(xml.slice(end))
      ? `${xml.slice(0, end)}${ext}${xml.slice(end)}`
      : xml.replace(/<\/worksheet>\s*$/, `<extLst>${ext}</extLst></worksheet>`);
  zip.file(part, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Where the objects withExcelObjects adds are. */
export const OBJECTS = {
  tiersChart: "Chart 7",
  mineChart: "My chart",
  freeSparkline: "AZ10",
  reportSparkline: "B7",
};

/**
 * The ExcelJS-edited workbook with what ExcelJS cannot write, as Excel writes it: a pivot table, a link
 * to another workbook and a picture of the user's (corpus-workbook-objects.ts), the report's charts of
 * `built` back (for a writer that keeps charts), a chart of the user's on LL Tiers and on "Mine",
 * sparklines on LL Customers in a free cell and in a report cell.
 */
export async function withExcelObjects(edited: Buffer, built: Buffer | undefined): Promise<Buffer> {
  let bytes = await withWorkbookObjects(edited, WORKBOOK_OBJECTS.pivotSheet, "Mine");
  bytes = built ? await withReportCharts(bytes, built) : bytes;
  bytes = await withUserChart(bytes, "LL Tiers", OBJECTS.tiersChart, 14, 2);
  bytes = await withUserChart(bytes, "Mine", OBJECTS.mineChart, 4, 2);
  return withSparklines(bytes, "LL Customers", [OBJECTS.freeSparkline, OBJECTS.reportSparkline]);
}
